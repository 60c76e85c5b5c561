#!/usr/bin/env bash
# Checks the run-time limits of `weft run` at their defaults and as options. A record nested
# deeper than --max-input-depth, or one whose rule builds a string longer than --max-string-bytes,
# is rejected with a reason naming the limit. The records after it are still mapped.
# usage: limits.sh WEFT_BINARY
set -euo pipefail

weft=$1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/checks.sh"

cat > "$work/rule.map" <<'MAP'
schema src {
  record In {
    name: string
  }
}
schema dst {
  record Out {
    name: string
  }
}
map src.In -> dst.Out {
  name = name + name
}
MAP

# Runs the rule over $work/in with the given options and keeps the rejects and the summary.
run() {
  "$weft" run "$work/rule.map" --rule Out --in "$work/in" --out "$work/out" \
    --rejects "$work/rejects" --no-cache "$@" 2> "$work/summary" || echo "exit $?" >> "$work/summary"
}

# Nests `[` n deep in a field that the rule does not read.
nested() {
  printf '{"name": "n%d", "extra": ' "$1"
  head -c "$1" /dev/zero | tr '\0' '['
  head -c "$1" /dev/zero | tr '\0' ']'
  printf '}\n'
}

# The default depth limit, 512 levels with the record itself, and a depth far beyond it.
{
  nested 511
  nested 512
  nested 100000
  printf '{"name": "after"}\n'
} > "$work/in"
run
expect_summary "in 4 / mapped 2 / skipped 0 / rejected 2"
expect_reject '"record":2,.*"reason":"the record nests more than 512 levels of arrays and objects, the limit that --max-input-depth sets"'
expect_reject '"record":3,.*"reason":"the record nests more than 512 levels'
grep -q '"name":"afterafter"' "$work/out" || fail "the record after the deep ones is missing"

run --max-input-depth 600
expect_summary "in 4 / mapped 3 / skipped 0 / rejected 1"
expect_reject '"record":3,.*more than 600 levels'

# At the ceiling the parser must allow more levels than simdjson's default of 1024, on threads.
{
  nested 1023
  nested 1100
} > "$work/in"
run --max-input-depth 1024 --threads 2
expect_summary "in 2 / mapped 1 / skipped 0 / rejected 1"
expect_reject '"record":2,.*more than 1024 levels'

# The default string limit, 16 MiB: a name of 9 MB doubled is over it, one of 8 MB is not.
{
  printf '{"name": "%s"}\n' "$(head -c 9000000 /dev/zero | tr '\0' x)"
  printf '{"name": "%s"}\n' "$(head -c 8000000 /dev/zero | tr '\0' x)"
  printf '{"name": "after"}\n'
} > "$work/in"
run
expect_summary "in 3 / mapped 2 / skipped 0 / rejected 1"
expect_reject '"record":1,.*"field":"name","reason":"the rule would build a string of 18000000 bytes, more than the limit of 16777216 bytes that --max-string-bytes sets"'

run --max-string-bytes 20000000
expect_summary "in 3 / mapped 3 / skipped 0 / rejected 0"

if ((failures > 0)); then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "all limit checks passed"
