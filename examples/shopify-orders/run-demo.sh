#!/usr/bin/env bash
# Checks and tests orders.map, then maps the Shopify sample orders to ERP sales orders with their
# lines and shows the mapped records, the rejected ones with their reasons, and the counts.
# usage: run-demo.sh WEFT_BINARY OUTPUT_DIR
set -euo pipefail

weft=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"

echo "== weft test orders.map"
"$weft" test --coverage "$here/orders.map"

echo
echo "== weft run orders.map --rule SalesOrder --in data/orders.ndjson"
"$weft" run "$here/orders.map" --rule SalesOrder --in "$here/data/orders.ndjson" \
  --out "$out/sales-orders.ndjson" --rejects "$out/rejects.ndjson"
echo "-- mapped ($out/sales-orders.ndjson):"
cat "$out/sales-orders.ndjson"
echo "-- rejected ($out/rejects.ndjson):"
cat "$out/rejects.ndjson"
