#!/usr/bin/env bash
# Runs one fuzz target of the sanitizer build for SECONDS, starting from its seed corpus and, for
# fuzz_check and fuzz_lexer, the dictionary of the language's tokens. `make fuzz` runs every
# target this way.
#
# usage: scripts/fuzz.sh TARGET SECONDS
#   TARGET is one of the fuzz_* programs of tests/fuzz. The sanitizer build is read from
#   SANITIZE_DIR (default build-sanitize), which `make sanitize` builds. A failing input is saved
#   as fuzz-crash.input in the repository's root.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 TARGET SECONDS" >&2
  exit 2
fi
target=$1
seconds=$2
root=$(cd "$(dirname "$0")/.." && pwd)
binary=${SANITIZE_DIR:-$root/build-sanitize}/tests/$target
if [[ ! -x $binary ]]; then
  echo "$0: $binary not found; build it with \`make sanitize\`" >&2
  exit 2
fi
binary=$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")

shopt -s nullglob
cd "$root"
options=()
case $target in
  fuzz_check)
    # The golden files without their expectation comments (`// CHECK:`, `// INPUT:` and the
    # like), which are long and which the parser skips, so mutations land in code.
    corpus=$(mktemp -d)
    trap 'rm -rf "$corpus"' EXIT
    for file in tests/golden/*.map tests/golden/*/*.map; do
      name=${file#tests/golden/}
      grep -v -E '^// (CHECK:STDOUT|CHECK:STDERR|INPUT|ARGS|EXIT):' "$file" \
        > "$corpus/${name//\//_}" || true
    done
    seeds=("$corpus"/* examples/*/*.map tests/fuzz/check_regressions/*)
    options=(-dict=tests/fuzz/weft.dict)
    ;;
  fuzz_lexer)
    seeds=(tests/golden/*.map tests/golden/*/*.map examples/*/*.map)
    options=(-dict=tests/fuzz/weft.dict)
    ;;
  fuzz_input)
    seeds=(examples/*/data/*.json tests/fuzz/inputs/*)
    ;;
  fuzz_differential)
    seeds=(tests/fuzz/differential_inputs/* tests/fuzz/inputs/*)
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
    ;;
  *)
    echo "$0: unknown fuzz target \`$target\`" >&2
    exit 2
    ;;
esac

"$binary" "${options[@]}" "$seconds" "${seeds[@]}"
