#!/usr/bin/env bash
# Runs the Python ctypes example and checks that it shows every kind of outcome: mapped,
# skipped and rejected records and a compile error.
# Usage: python_test.sh PYTHON LIBWEFT_SO SOURCE_DIR
set -euo pipefail
python=$1
library=$2
source=$3
output=$("$python" "$source/examples/embed-python/map_records.py" "$library" \
  "$source/examples/embed-c/orders.map" "$source/examples/embed-c/orders.ndjson" Invoice)
echo "$output"

expect() {
  if ! grep -qF -- "$1" <<<"$output"; then
    echo "FAIL: the output lacks the line: $1" >&2
    exit 1
  fi
}
expect 'record 1 mapped: {"order":"ORD-1","customer":"ACME","gross":119.00}'
expect 'record 2 skipped'
expect 'record 3 rejected: order 3 has no customer'
expect 'record 4 rejected: '
expect 'compile error: broken.map:3:29: unknown field `nmae`'
expect '[UnknownField]'
