#!/usr/bin/env bash
# Prints the throughput of `weft run` on orders with line items, mapped by the Shopify example's
# orders.map: each order's lines go through `each`, a construction per line, `sum`, `join` and
# `first`. The orders repeat the example's two sample orders with new ids. It is a benchmark,
# not a test, so it prints figures and sets no bound.
# usage: bench/orders_throughput.sh WEFT_BINARY [ORDERS]
set -euo pipefail

weft=$1
orders=${2:-200000}
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=bench/timed_run.sh
source "$here/timed_run.sh"
example="$here/../examples/shopify-orders"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The first "id" key of each sample line is the order's own, which becomes the order's number.
awk -v n="$orders" '
  { sample[NR] = $0 }
  END {
    for (i = 1; i <= n; i++) {
      line = sample[(i - 1) % NR + 1]
      sub(/"id":[0-9]+/, "\"id\":" i, line)
      print line
    }
  }' "$example/data/orders.ndjson" > "$work/orders.ndjson"

timed_run orders "$orders" "$work/orders.ndjson" \
  "$weft" run "$example/orders.map" --rule SalesOrder --in "$work/orders.ndjson" \
  --out "$work/sales-orders.ndjson" --rejects "$work/rejects.ndjson"
