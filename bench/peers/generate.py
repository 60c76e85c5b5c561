#!/usr/bin/env python3
"""Write synthetic Salesforce Account records as NDJSON, and the same records as CSV.

The records look like a REST export of the Account object: 18-character ids, picklist values,
billing and shipping addresses, revenue with cents, ISO 8601 dates in Salesforce's form, and a
free-text description, about 1.2 KB a record in all. Some names are not ASCII, and some
strings need JSON escapes (quotes, backslashes, tabs, line breaks). One record in eight is
written with every non-ASCII character as a \\u escape, emoji as surrogate pairs included.

About half of the records pass the benchmark's filter `IsDeleted == false and AnnualRevenue >=
1000000`. The fields that the mapping reads are never null, so every tool maps every record in
the same way. Other fields are null now and then, as in real exports.

The output depends only on the seed and the record count: every random choice is made from
`random.Random.random()`, whose sequence for a given seed Python keeps stable across versions.
"""

import argparse
import csv
import json
import random
import re
import sys

FIRST_NAMES = [
    "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David",
    "Elizabeth", "William", "Susan", "Richard", "Jessica", "Joseph", "Sarah", "Thomas", "Karen",
    "José", "María", "Zoë", "Björn", "Łukasz", "Søren", "Chloé", "Jiří", "François", "Ana",
    "Jürgen", "Ngọc", "Siobhán", "Øyvind", "İlker", "Renée", "Þórunn", "Ingrid",
    "明", "美咲", "Дмитрий", "Анна", "Γιώργος", "محمد", "Priya", "Aarav", "O'Neil", "Jean-Luc",
]
LAST_NAMES = [
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
    "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Taylor", "Moore",
    "Müller", "Schröder", "O'Brien", "Núñez", "Ødegård", "Kowalski", "Nowak", "Dubois",
    "Lefèvre", "García Márquez", "van der Berg", "D'Angelo", "Ivanov", "Иванов", "Παπαδόπουλος",
    "田中", "李", "王", "Kim", "Nakamura", "Østergaard", "Ó Súilleabháin", "Yılmaz", "Đặng", "Nguyễn", "Dvořák",
]
COMPANY_WORDS = [
    "Acme", "Global", "United", "Pacific", "Northern", "Summit", "Pinnacle", "Apex", "Vertex",
    "Blue Ridge", "Red Rock", "Silver Lake", "Evergreen", "Harbor", "Keystone", "Liberty",
    "Müller & Söhne", "Café Señor", "Nordlys", "Zürich Rück", "Østfold", "Saint-Étienne",
    "北京科技", "東京精密", "Москва Трейд", "Αθήνα", "Édition", "Smith \\ Wesson Parts",
    "\"Quoted\"", "Tab\tSeparated", "Rocket 🚀", "Café ☕", "Ünited Brands",
]
COMPANY_SUFFIXES = [
    "Inc.", "LLC", "Corp.", "Ltd.", "GmbH", "S.A.", "AG", "plc", "Pty Ltd", "B.V.", "S.p.A.",
    "KK", "Holdings", "Group", "& Co.", "有限公司", "Oy", "AB", "S.A.S.",
]
TYPES = [
    "Customer - Direct", "Customer - Channel", "Channel Partner / Reseller",
    "Installation Partner", "Technology Partner", "Prospect", "Other",
]
INDUSTRIES = [
    "Agriculture", "Apparel", "Banking", "Biotechnology", "Chemicals", "Communications",
    "Construction", "Consulting", "Education", "Electronics", "Energy", "Engineering",
    "Entertainment", "Environmental", "Finance", "Food & Beverage", "Government", "Healthcare",
    "Hospitality", "Insurance", "Machinery", "Manufacturing", "Media", "Not For Profit",
    "Recreation", "Retail", "Shipping", "Technology", "Telecommunications", "Transportation",
    "Utilities", "Other",
]
OWNERSHIPS = ["Public", "Private", "Subsidiary", "Other"]
RATINGS = ["Hot", "Warm", "Cold"]
STREET_NAMES = [
    "Main St", "Oak Ave", "Market St", "Broadway", "Elm St", "Mission St", "Hauptstraße",
    "Rue de Rivoli", "Calle Mayor", "Via Roma", "Königsallee", "Strøget", "Nanjing Rd",
    "Sunset Blvd", "King St W", "George St", "O'Connell St", "Ring Rd",
]
# City, state or region (None where exports usually leave it empty), postal code pattern,
# country, phone prefix. '#' in a pattern is a digit and '@' an upper-case letter.
PLACES = [
    ("San Francisco", "CA", "941##", "United States", "+1 415"),
    ("New York", "NY", "100##", "United States", "+1 212"),
    ("Austin", "TX", "787##", "United States", "+1 512"),
    ("Chicago", "IL", "606##", "United States", "+1 312"),
    ("Boston", "MA", "021##", "United States", "+1 617"),
    ("Seattle", "WA", "981##", "United States", "+1 206"),
    ("Toronto", "ON", "@#@ #@#", "Canada", "+1 416"),
    ("Montréal", "QC", "@#@ #@#", "Canada", "+1 514"),
    ("London", None, "@@# #@@", "United Kingdom", "+44 20"),
    ("München", "Bayern", "80###", "Germany", "+49 89"),
    ("Düsseldorf", "Nordrhein-Westfalen", "40###", "Germany", "+49 211"),
    ("Paris", None, "750##", "France", "+33 1"),
    ("São Paulo", "SP", "01###-###", "Brazil", "+55 11"),
    ("Zürich", "ZH", "80##", "Switzerland", "+41 44"),
    ("København", None, "1###", "Denmark", "+45 33"),
    ("東京", "東京都", "100-####", "Japan", "+81 3"),
    ("上海", "上海市", "200###", "China", "+86 21"),
    ("Sydney", "NSW", "2###", "Australia", "+61 2"),
    ("Ciudad de México", "CDMX", "06###", "Mexico", "+52 55"),
    ("Kraków", None, "31-###", "Poland", "+48 12"),
]
DESCRIPTION_SENTENCES = [
    "Key account since the 2019 renewal; quarterly business reviews with the CFO.",
    "Prefers invoices by e-mail. PO number required on every invoice.",
    "Shipping dock closes at 4 pm local time.\nUse the side entrance on weekends.",
    "Contact said: \"We will expand to three more sites next year.\"",
    "Legacy id imported from the old CRM: C:\\Exports\\Accounts\\2017\\batch-07.",
    "Tier\tA\tcustomer (see the tab-separated notes from the field team).",
    "Renewal risk: medium. Competitor pricing came up twice in the last call.",
    "Hat Interesse an der Premium-Wartung; Angebot folgt nach der Messe in Köln.",
    "Le client souhaite une démonstration sur site avant la fin du trimestre.",
    "Cliente con sede en España; facturación en euros, pago a 60 días.",
    "年度契約の更新は四月です。担当者は営業二課。",
    "Отгрузка только по предоплате.",
    "Great partner 👍 — joint webinar planned for Q3 🚀.",
    "Credit hold lifted after the March payment; monitor days sales outstanding.",
    "Multi-year agreement with a 5% uplift per year and a 30-day termination clause.",
    "Parent company handles procurement; send quotes to the regional buying office.",
    "Requested SOC 2 report and the data processing addendum before signing.",
    "Trade show lead, 2024; follow-up call booked by the SDR team.",
]
ID_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
# Salesforce's REST API version in the `attributes.url` of each record.
API_VERSION = "v59.0"
# The share of records with IsDeleted = true.
DELETED_SHARE = 0.05
# log10 of the smallest and largest annual revenue. About 53% of the revenues in this range are
# at least 1,000,000, so about half of all records pass the filter once deleted ones drop out.
REVENUE_LOG10_RANGE = (3.8, 8.5)


class Picker:
    """Random choices drawn only from `random()`, so that a seed gives the same data in every
    Python version."""

    def __init__(self, seed):
        self._random = random.Random(seed)

    def chance(self, probability):
        return self._random.random() < probability

    def below(self, n):
        return int(self._random.random() * n)

    def between(self, low, high):
        """Return an integer in [low, high]."""
        return low + self.below(high - low + 1)

    def pick(self, values):
        return values[self.below(len(values))]

    def uniform(self, low, high):
        return low + (high - low) * self._random.random()


def salesforce_id(picker, prefix):
    """Return an 18-character id with the object's 3-character key prefix."""
    return prefix + "".join(picker.pick(ID_ALPHABET) for _ in range(15))


def fill_pattern(picker, pattern):
    """Replace each '#' of a pattern by a digit and each '@' by an upper-case letter."""
    out = []
    for char in pattern:
        if char == "#":
            out.append(str(picker.below(10)))
        elif char == "@":
            out.append(chr(ord("A") + picker.below(26)))
        else:
            out.append(char)
    return "".join(out)


def timestamp(picker, year_low, year_high):
    """Return a date-time in the form Salesforce exports, such as 2021-03-14T09:26:53.000+0000."""
    return "%04d-%02d-%02dT%02d:%02d:%02d.000+0000" % (
        picker.between(year_low, year_high), picker.between(1, 12), picker.between(1, 28),
        picker.between(0, 23), picker.between(0, 59), picker.between(0, 59))


def annual_revenue(picker):
    """Return revenue as text with cents. A few records sit on either side of 1,000,000."""
    if picker.chance(0.01):
        return picker.pick(["1000000.00", "999999.99", "1000000.01"])
    cents = int(10 ** picker.uniform(*REVENUE_LOG10_RANGE) * 100)
    return "%d.%02d" % (cents // 100, cents % 100)


def company_name(picker, last_name):
    if picker.chance(0.3):
        return "%s %s" % (last_name, picker.pick(COMPANY_SUFFIXES))
    return "%s %s %s" % (picker.pick(COMPANY_WORDS), picker.pick(COMPANY_WORDS),
                         picker.pick(COMPANY_SUFFIXES))


def description(picker):
    """Return one or two sentences, or None for about a third of the accounts."""
    if picker.chance(0.35):
        return None
    count = picker.between(1, 2)
    return " ".join(picker.pick(DESCRIPTION_SENTENCES) for _ in range(count))


def address(picker, place):
    city, state, postal_pattern, country, _ = place
    street = "%d %s" % (picker.between(1, 9999), picker.pick(STREET_NAMES))
    if picker.chance(0.2):
        street += "\nSuite %d" % picker.between(100, 2999)
    return street, city, state, fill_pattern(picker, postal_pattern), country


def account(picker, index):
    """Return one Account as a dict in the field order of a REST export."""
    record_id = salesforce_id(picker, "001")
    first_name = picker.pick(FIRST_NAMES)
    last_name = picker.pick(LAST_NAMES)
    place = picker.pick(PLACES)
    billing = address(picker, place)
    shipping = billing if picker.chance(0.7) else address(picker, picker.pick(PLACES))
    owner_id = salesforce_id(picker, "005")
    created = timestamp(picker, 2012, 2022)
    modified = timestamp(picker, 2023, 2025)
    website = None if picker.chance(0.15) else "https://www.example-%d.com" % index
    return {
        "attributes": {"type": "Account",
                       "url": "/services/data/%s/sobjects/Account/%s" % (API_VERSION, record_id)},
        "Id": record_id,
        "IsDeleted": picker.chance(DELETED_SHARE),
        "Name": company_name(picker, last_name),
        "FirstName": first_name,
        "LastName": last_name,
        "Type": picker.pick(TYPES),
        "ParentId": salesforce_id(picker, "001") if picker.chance(0.1) else None,
        "BillingStreet": billing[0],
        "BillingCity": billing[1],
        "BillingState": billing[2],
        "BillingPostalCode": billing[3],
        "BillingCountry": billing[4],
        "ShippingStreet": shipping[0],
        "ShippingCity": shipping[1],
        "ShippingState": shipping[2],
        "ShippingPostalCode": shipping[3],
        "ShippingCountry": shipping[4],
        "Phone": "%s %03d %04d" % (place[4], picker.below(1000), picker.below(10000)),
        "Fax": None if picker.chance(0.6) else "%s %03d %04d" % (
            place[4], picker.below(1000), picker.below(10000)),
        "AccountNumber": "CD%06d" % picker.below(1000000),
        "Website": website,
        "Sic": None if picker.chance(0.5) else "%04d" % picker.between(100, 9999),
        "Industry": picker.pick(INDUSTRIES),
        "AnnualRevenue": annual_revenue(picker),
        "NumberOfEmployees": int(10 ** picker.uniform(0, 5.5)),
        "Ownership": picker.pick(OWNERSHIPS),
        "TickerSymbol": None if picker.chance(0.8) else fill_pattern(picker, "@@@@"),
        "Description": description(picker),
        "Rating": None if picker.chance(0.3) else picker.pick(RATINGS),
        "OwnerId": owner_id,
        "CreatedDate": created,
        "CreatedById": owner_id,
        "LastModifiedDate": modified,
        "LastModifiedById": salesforce_id(picker, "005"),
        "SystemModstamp": modified,
        "LastActivityDate": None if picker.chance(0.4) else modified[:10],
    }


# Matches the quoted revenue that `to_ndjson` turns back into a JSON number.
_QUOTED_REVENUE = re.compile(r'"AnnualRevenue":"(-?[0-9]+\.[0-9]+)"')


def to_ndjson(record, index):
    """Return one NDJSON line. AnnualRevenue is written as a number with its two places, which
    `json.dumps` cannot do for a float, so the text is placed after encoding."""
    escape_all = index % 8 == 7
    text = json.dumps(record, ensure_ascii=escape_all, separators=(",", ":"))
    return _QUOTED_REVENUE.sub(r'"AnnualRevenue":\1', text, count=1) + "\n"


def csv_columns(record):
    return [key for key in record if key != "attributes"]


def csv_cell(value):
    """Return a value as Salesforce's Data Loader writes it: empty for null, true or false."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def parse_size(text):
    """Return a byte count from text such as 20MB, 2GB or 500000."""
    units = {"KB": 10**3, "MB": 10**6, "GB": 10**9}
    for unit, factor in units.items():
        if text.upper().endswith(unit):
            return int(float(text[:-len(unit)]) * factor)
    return int(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="NDJSON file to write")
    parser.add_argument("--csv", help="also write the same records to this CSV file")
    limit = parser.add_mutually_exclusive_group()
    limit.add_argument("--records", type=int, default=200000,
                       help="number of records (default 200000, about 233 MB)")
    limit.add_argument("--size", type=parse_size,
                       help="write records until the NDJSON file has at least this many bytes, "
                            "such as 20MB or 2GB (1 MB = 10^6 bytes)")
    parser.add_argument("--seed", type=int, default=20260101, help="random seed")
    args = parser.parse_args()

    picker = Picker(args.seed)
    json_file = open(args.out, "w", encoding="utf-8", newline="\n")
    csv_file = open(args.csv, "w", encoding="utf-8", newline="") if args.csv else None
    csv_writer = csv.writer(csv_file, lineterminator="\r\n") if csv_file else None
    written_bytes = 0
    index = 0
    while (written_bytes < args.size) if args.size else (index < args.records):
        record = account(picker, index)
        line = to_ndjson(record, index)
        json_file.write(line)
        written_bytes += len(line.encode("utf-8"))
        if csv_writer:
            if index == 0:
                csv_writer.writerow(csv_columns(record))
            csv_writer.writerow(csv_cell(record[key]) for key in csv_columns(record))
        index += 1
    json_file.close()
    if csv_file:
        csv_file.close()
    print("generate: wrote %d records, %.1f MB of NDJSON" % (index, written_bytes / 1e6),
          file=sys.stderr)


if __name__ == "__main__":
    main()
