# The scratch directory and the checks that the tests/run scripts share. A script sources this
# file, then writes $work/summary, $work/rejects and $work/out for the checks to read.

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

expect_summary() {
  grep -q -- "$1" "$work/summary" || fail "summary lacks '$1': $(cat "$work/summary")"
}

expect_reject() {
  grep -q -- "$1" "$work/rejects" || fail "rejects lack '$1': $(head -c 300 "$work/rejects")"
}
