#!/usr/bin/env python3
"""Apply the benchmark mapping of bench/peers/accounts.map with Python's `json` module.

usage: mapping.py [--decimal] [FILE]   (standard input without FILE)

By default numbers are read as floats, as most Python programs read JSON, so revenue in euros
can differ from the exact product in its last digits. With --decimal, numbers with a fraction
are read as `decimal.Decimal` and the product is exact. It is written through a float, because
`json` writes no Decimal. Every product of this data has at most 15 significant digits, so the
float's shortest text is that decimal again, trailing zeros aside.
"""

import decimal
import json
import sys

RATE_FLOAT = 0.92
RATE_DECIMAL = decimal.Decimal("0.92")


def map_records(lines, out, exact):
    loads = json.JSONDecoder(parse_float=decimal.Decimal).decode if exact else json.loads
    rate = RATE_DECIMAL if exact else RATE_FLOAT
    for line in lines:
        record = loads(line)
        if record["IsDeleted"] is not False or record["AnnualRevenue"] < 1000000:
            continue
        mapped = {
            "id": record["Id"],
            "name": record["Name"],
            "contactName": record["FirstName"] + " " + record["LastName"],
            "accountType": record["Type"],
            "industry": record["Industry"],
            "phone": record["Phone"],
            "city": record["BillingCity"],
            "country": record["BillingCountry"],
            "employees": record["NumberOfEmployees"],
            "revenueEur": float(record["AnnualRevenue"] * rate),
        }
        out.write(json.dumps(mapped, ensure_ascii=False, separators=(",", ":")))
        out.write("\n")


def main():
    args = sys.argv[1:]
    exact = "--decimal" in args
    paths = [arg for arg in args if arg != "--decimal"]
    out = open(sys.stdout.fileno(), "w", encoding="utf-8", buffering=1 << 20, closefd=False)
    if paths:
        with open(paths[0], encoding="utf-8") as lines:
            map_records(lines, out, exact)
    else:
        map_records(open(sys.stdin.fileno(), encoding="utf-8", closefd=False), out, exact)
    out.flush()


if __name__ == "__main__":
    main()
