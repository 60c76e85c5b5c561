#!/usr/bin/env bash
# Prints the throughput of `weft run` on synthetic Salesforce-style account records, mapped by
# the demo's accounts.map. It is a benchmark, not a test, so it prints figures and sets no bound.
# usage: bench/throughput.sh WEFT_BINARY [RECORDS]
set -euo pipefail

weft=$1
records=${2:-1000000}
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=bench/timed_run.sh
source "$here/timed_run.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One in ten accounts is a partner (skipped) and one in fifty has no phone (rejected).
awk -v n="$records" 'BEGIN {
  for (i = 1; i <= n; i++) {
    type = (i % 10 == 0) ? "Technology Partner" : "Customer - Direct"
    phone = (i % 50 == 3) ? "" : sprintf(",\"Phone\":\"617%07d\"", i)
    printf "{\"Name\":\"Account %d \",\"Type\":\"%s\"%s,\"BillingStreet\":\"%d Main St\",\"BillingCity\":\"Boston\",\"BillingState\":\"MA\",\"BillingPostalCode\":\"02110\",\"BillingCountry\":\"USA\",\"AnnualRevenue\":%d.%02d}\n", i, type, phone, i, i * 37, i % 100
  }
}' > "$work/accounts.ndjson"

timed_run records "$records" "$work/accounts.ndjson" \
  "$weft" run "$here/../examples/salesforce-to-erp/accounts.map" --rule Customer \
  --in "$work/accounts.ndjson" --out "$work/customers.ndjson" --rejects "$work/rejects.ndjson"
