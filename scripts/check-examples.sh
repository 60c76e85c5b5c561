#!/usr/bin/env bash
# Runs the three commands of the sample CI workflow in examples/ci over every .map file under
# examples/: `weft check` with a SARIF report, `weft test` with a JUnit report and full rule
# coverage, and `weft fmt --check`. Each .map file is one program with its imports. The reports are
# written to OUT_DIR and parsed again, so that a broken report fails too.
#
# Usage: scripts/check-examples.sh WEFT [OUT_DIR]
set -euo pipefail

weft=$(realpath "${1:?usage: scripts/check-examples.sh WEFT [OUT_DIR]}")
out=$(realpath -m "${2:-out/ci}")
cd "$(dirname "$0")/.."
mkdir -p "$out"

mapfile -t files < <(find examples -name '*.map' | sort)
if [[ ${#files[@]} -eq 0 ]]; then
  echo "check-examples: no .map files under examples/" >&2
  exit 1
fi

for file in "${files[@]}"; do
  report="$out/$(echo "${file%.map}" | tr / _)"
  echo "== $file"
  "$weft" check --format sarif "$file" > "$report.sarif"
  "$weft" test --junit "$report.junit.xml" --min-coverage 100 "$file"
  python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$report.sarif"
  python3 -c 'import sys, xml.etree.ElementTree as t; t.parse(sys.argv[1])' "$report.junit.xml"
done

echo "== weft fmt --check"
"$weft" fmt --check "${files[@]}"
echo "check-examples: ${#files[@]} files checked, tested and formatted"
