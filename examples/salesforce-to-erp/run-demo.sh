#!/usr/bin/env bash
# Checks accounts.map, runs its tests, then maps both Salesforce sample files to ERP customers and shows the
# mapped records, the rejected ones with their reasons, and the counts.
# usage: run-demo.sh WEFT_BINARY OUTPUT_DIR
set -euo pipefail

weft=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"

echo "== weft check accounts.map"
"$weft" check "$here/accounts.map"
echo "no errors"

echo
echo "== weft test accounts.map"
"$weft" test "$here/accounts.map"

# The checker reads the Account picklists from Salesforce's describe, so a misspelt value is
# caught before any record is read.
echo
echo "== weft check on a copy of accounts.map with a misspelt picklist value"
cp -R "$here/schemas" "$here/tables" "$here/data" "$here/expected" "$out/"
sed 's/"Technology Partner"/"Technology Parnter"/' "$here/accounts.map" > "$out/accounts-typo.map"
if "$weft" check "$out/accounts-typo.map"; then
  echo "the misspelt value was not caught" >&2
  exit 1
fi

for input in lwc-recipes-Accounts ebikes-Accounts; do
  echo
  echo "== weft run accounts.map --rule Customer --in data/$input.json"
  "$weft" run "$here/accounts.map" --rule Customer --in "$here/data/$input.json" \
    --out "$out/$input.customers.ndjson" --rejects "$out/$input.rejects.ndjson"
  echo "-- mapped ($out/$input.customers.ndjson):"
  cat "$out/$input.customers.ndjson"
  echo "-- rejected ($out/$input.rejects.ndjson):"
  cat "$out/$input.rejects.ndjson"
done
