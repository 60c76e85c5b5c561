#!/usr/bin/env bash
# Runs one libFuzzer target of the sanitizer build for SECONDS. The run starts from a temporary
# corpus: the target's seeds (the golden tests, the demo's data, the importer test documents and
# the inputs under tests/fuzz) and its committed corpus in tests/fuzz/corpus/TARGET. fuzz_check
# and fuzz_lexer get the dictionary of the language's tokens, fuzz_input and fuzz_differential
# one of JSON. `make fuzz` runs every target this way.
#
# usage: scripts/fuzz.sh [--update-corpus] TARGET SECONDS
#   TARGET is one of the fuzz_* programs of tests/fuzz, which `make sanitize` builds as libFuzzer
#   programs in SANITIZE_DIR (default build-sanitize). SECONDS of 0 runs the starting corpus
#   once. A failing input (a crash, a sanitizer report, a leak, a timeout or running out of
#   memory) is saved in fuzz-artifacts/TARGET/ in the repository's root, and the script exits 1.
#   --update-corpus then replaces tests/fuzz/corpus/TARGET with the inputs of the run that add
#   coverage beyond the seeds, minimised with libFuzzer's -merge=1.
set -euo pipefail

update_corpus=false
if [[ ${1:-} == --update-corpus ]]; then
  update_corpus=true
  shift
fi
if [[ $# -ne 2 ]]; then
  echo "usage: $0 [--update-corpus] TARGET SECONDS" >&2
  exit 2
fi
target=$1
seconds=$2
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${SANITIZE_DIR:-$root/build-sanitize}" 2>/dev/null && pwd) || build=
binary=$build/tests/$target
if [[ -z $build || ! -x $binary ]]; then
  echo "$0: tests/$target not found in ${SANITIZE_DIR:-build-sanitize}; build it with" \
    "\`make sanitize\`" >&2
  exit 2
fi
if ! grep -q '^WEFT_LIBFUZZER:BOOL=ON$' "$build/CMakeCache.txt"; then
  echo "$0: $build was configured without WEFT_LIBFUZZER, so $target is not a libFuzzer" \
    "program; build it with \`make sanitize\`" >&2
  exit 2
fi

shopt -s nullglob
cd "$root"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/seeds" "$work/corpus"

# The maximum length of an input, in bytes (libFuzzer's -max_len). Longer seeds are cut to it.
max_len=4096
options=()
case $target in
  fuzz_check)
    # The golden files without their expectation comments (`// CHECK:`, `// INPUT:` and the
    # like), which are long and which the parser skips, so mutations land in code.
    for file in tests/golden/*.map tests/golden/*/*.map; do
      name=${file#tests/golden/}
      grep -v -E '^// (CHECK:STDOUT|CHECK:STDERR|INPUT|ARGS|EXIT):' "$file" \
        > "$work/seeds/golden_${name//\//_}" || true
    done
    seeds=(examples/*/*.map tests/fuzz/check_regressions/*)
    options=(-dict=tests/fuzz/weft.dict)
    max_len=8192
    ;;
  fuzz_lexer)
    seeds=(tests/golden/*.map tests/golden/*/*.map examples/*/*.map)
    options=(-dict=tests/fuzz/weft.dict)
    max_len=8192
    ;;
  fuzz_input)
    seeds=(examples/*/data/*.json tests/fuzz/inputs/*)
    options=(-dict=tests/fuzz/json.dict)
    ;;
  fuzz_differential)
    seeds=(tests/fuzz/differential_inputs/* tests/fuzz/inputs/*)
    options=(-dict=tests/fuzz/json.dict)
    ;;
  fuzz_csv)
    seeds=(tests/fuzz/csv_inputs/* tests/golden/*/tables/*.csv examples/*/tables/*.csv)
    ;;
  fuzz_text)
    seeds=(tests/golden/run/*.map tests/unit/text_test.cc)
    ;;
  fuzz_schema)
    seeds=(tests/data/schemas/jsonschema/* tests/data/schemas/invalid/*
      tests/data/schemas/salesforce/Widget__c.json)
    max_len=8192
    ;;
  *)
    echo "$0: unknown fuzz target \`$target\`" >&2
    exit 2
    ;;
esac

# Seeds from different folders may share a name, so each copy is numbered.
count=0
for file in "${seeds[@]}"; do
  count=$((count + 1))
  cp "$file" "$work/seeds/$(printf %04d "$count")_$(basename "$file")"
done
cp "$work/seeds"/* "$work/corpus/"
committed=tests/fuzz/corpus/$target
[[ -d $committed ]] && cp "$committed"/* "$work/corpus/" 2>/dev/null || true

artifacts=fuzz-artifacts/$target
mkdir -p "$artifacts"
# An input that runs longer than -timeout seconds counts as a hang. The ceiling on memory is
# libFuzzer's default, stated so that it is visible.
options+=(-max_len="$max_len" -timeout=30 -rss_limit_mb=2048 -artifact_prefix="$artifacts/"
  -print_final_stats=1)
if [[ $seconds == 0 ]]; then
  options+=(-runs=0)
else
  options+=(-max_total_time="$seconds")
fi

log=$work/log
inputs=$(ls "$work/corpus" | wc -l)
if [[ $seconds == 0 ]]; then
  echo "$target: running the $inputs inputs of the starting corpus once"
else
  echo "$target: fuzzing for $seconds s from $inputs inputs"
fi
if ! "$binary" "${options[@]}" "$work/corpus" > "$log" 2>&1; then
  # The status lines (`#123 NEW cov: ...`) are left out, which keeps the report readable.
  grep -v -E '^#[0-9]+' "$log" >&2 || true
  echo "$target: FAILED; the failing input is in $artifacts/:" >&2
  ls -t "$artifacts" | head -3 | sed "s|^|  $artifacts/|" >&2
  echo "replay it with: $binary FILE" >&2
  exit 1
fi
rmdir "$artifacts" 2>/dev/null || true
rmdir fuzz-artifacts 2>/dev/null || true

# libFuzzer's status lines read `#RUNS INITED|DONE cov: EDGES ft: FEATURES corp: INPUTS/SIZE`.
status_field() {
  grep -E "^#[0-9]+[[:space:]]+$1 " "$log" | tail -1 |
    sed -E "s/.* $2: ([0-9]+).*/\1/;t;s/.*/?/"
}
final_stat() {
  grep -E "^stat::$1:" "$log" | sed -E 's/.*:[[:space:]]*//'
}
echo "$target: $(final_stat number_of_executed_units) runs," \
  "$(final_stat average_exec_per_sec) per second;" \
  "coverage $(status_field INITED cov) -> $(status_field DONE cov) edges," \
  "$(status_field INITED ft) -> $(status_field DONE ft) features;" \
  "corpus $(status_field INITED corp) -> $(status_field DONE corp) inputs; no failure"

if $update_corpus; then
  # Merging into a copy of the seeds keeps only the inputs that add coverage beyond them. Without
  # -use_counters=0 an input that only runs a known edge more often counts as new, which makes
  # the corpus several times larger, and fuzzing finds such inputs again quickly.
  mkdir "$work/merged"
  cp "$work/seeds"/* "$work/merged/"
  "$binary" -merge=1 -use_counters=0 -max_len="$max_len" -timeout=30 -rss_limit_mb=2048 \
    "$work/merged" "$work/corpus" > "$work/merge.log" 2>&1 ||
    { cat "$work/merge.log" >&2; exit 1; }
  rm -rf "$committed"
  mkdir -p "$committed"
  for file in "$work/merged"/*; do
    [[ -e $work/seeds/$(basename "$file") ]] || cp "$file" "$committed/"
  done
  echo "$target: $committed has $(ls "$committed" | wc -l) inputs," \
    "$(du -sb "$committed" | cut -f1) bytes"
fi
