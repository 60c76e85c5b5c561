#!/usr/bin/env bash
# Checks the rule cache of `weft run` from the command line. Neither the spelling of a path nor
# the folder of the program splits it, and an empty WEFT_CACHE_DIR counts as unset. A cache on a full disk costs the run nothing
# but time and one warning, and leaves no half-written file behind.
# usage: cache.sh WEFT_BINARY
set -euo pipefail

# The runs below start in another folder, so the path of the program is made absolute.
weft=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
source "$here/checks.sh"

mkdir "$work/project"
cat > "$work/project/rule.map" <<'MAP'
schema src {
  record In {
    name: string
  }
}
schema dst {
  record Out {
    label: string
  }
}
map src.In -> dst.Out when name != "" {
  label = "<{name}>"
}
MAP
printf '{"name": "a"}\n{"name": ""}\n' > "$work/in"

# Runs the rule with --verbose from $work/project and keeps stderr in $work/summary. The options
# go before the rule's, so the first one may name the .map file.
run() {
  (cd "$work/project" && "$weft" run "$@" --rule Out --in "$work/in" --out "$work/out" \
    --rejects "$work/rejects" --verbose) 2> "$work/summary" || echo "exit $?" >> "$work/summary"
}

expect_mapped() {
  expect_summary "in 2 / mapped 1 / skipped 1 / rejected 0"
  grep -qx '{"label":"<a>"}' "$work/out" || fail "the mapped record is missing: $(cat "$work/out")"
}

# Every spelling of the .map file's path finds the rule that the first run cached: relative, with
# ./ or .., absolute, through a link to its folder, and with the root named in other ways.
ln -s project "$work/link"
run rule.map --cache-dir "$work/cache"
expect_summary "LLVM loaded"
for spelling in ./rule.map ../project/rule.map "$work/project/rule.map" "$work/link/rule.map" \
  "rule.map --root ." "rule.map --root $work/link"; do
  # shellcheck disable=SC2086 # the spelling may carry --root
  run $spelling --cache-dir "$work/cache"
  expect_mapped
  grep -q "LLVM not loaded" "$work/summary" ||
    fail "\`$spelling\` missed the cache: $(cat "$work/summary")"
done

# A copy of the program and its JIT module in another folder is the same build, so it finds the
# rule that the original cached. Builds are identified by their build-ids, not by their paths.
mkdir "$work/bin"
for file in "$weft" "$(dirname "$weft")/libweft_jit.so"; do
  ln "$file" "$work/bin/" 2> /dev/null || cp "$file" "$work/bin/"
done
weft=$work/bin/weft run rule.map --cache-dir "$work/cache"
expect_mapped
grep -q "LLVM not loaded" "$work/summary" ||
  fail "a copy of the same build missed the cache: $(cat "$work/summary")"

# An empty WEFT_CACHE_DIR counts as unset, so the run takes $XDG_CACHE_HOME/weft.
WEFT_CACHE_DIR= XDG_CACHE_HOME="$work/xdg" run rule.map
expect_mapped
compgen -G "$work/xdg/weft/*.rule" > /dev/null ||
  fail "an empty WEFT_CACHE_DIR did not fall back to \$XDG_CACHE_HOME/weft: $(cat "$work/summary")"

# A full disk: a 16 KiB tmpfs filled up, mounted in a user and mount namespace of the test's own,
# so that no privileges are needed. Opening and renaming files there works, and writing fails.
if unshare --user --map-root-user --mount true 2> /dev/null; then
  mkdir "$work/full"
  export weft work
  export -f run
  unshare --user --map-root-user --mount bash -c '
    mount -t tmpfs -o size=16k tmpfs "$work/full" || exit 1
    head -c 16384 /dev/zero > "$work/full/filler" 2> /dev/null || true
    run rule.map --cache-dir "$work/full/cache"
    find "$work/full/cache" -type f > "$work/full-cache-files" 2> /dev/null || true
  ' || fail "cannot mount a tmpfs in a user namespace"
  expect_mapped
  expect_summary "weft run: warning: cannot write to the rule cache \`$work/full/cache\`: No space left on device. Rules will be compiled on every run"
  warnings=$(grep -c "warning: cannot write" "$work/summary" || true)
  [[ $warnings == 1 ]] || fail "the rule's two functions gave $warnings warnings instead of one"
  grep -q . "$work/full-cache-files" &&
    fail "a full disk left files in the cache: $(cat "$work/full-cache-files")"
else
  echo "skipped the full-disk checks: this system does not allow user namespaces"
fi

if ((failures > 0)); then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "all cache checks passed"
