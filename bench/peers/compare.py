"""Compare a tool's mapped records with Weft's, field by field.

Records are matched by their `id` field, so a record that a tool drops or adds is reported as
missing or extra instead of shifting every record after it. Key order does not matter. Numbers are compared as exact decimals, so
1135802.4588 equals 1135802.45880, while a float result such as 48709372.39080001 differs from
48709372.3908. Binary floating point makes such differences, and they stay within a relative
1e-12, so they are counted apart as float rounding. Any other difference is a real mismatch.

CSV output is compared with the same reference records: a cell matches a number when it reads
as the same decimal, a boolean when it is `true` or `false`, and null when it is empty.
"""

import csv
import decimal
import json
from collections import Counter
from dataclasses import dataclass, field

# The largest relative difference between two numbers that counts as float rounding. A double
# has a relative precision of about 1.1e-16, and the products here round once or twice.
FLOAT_ROUNDING = decimal.Decimal("1e-12")


# The field that identifies a mapped record.
KEY = "id"


@dataclass
class Difference:
    """The first difference of one kind: the tool's output line, the field and both values."""

    line: int
    field: str
    expected: str
    actual: str


@dataclass
class Tally:
    """The records with one kind of difference, how often each field differs, and the first."""

    records: int = 0
    fields: Counter = field(default_factory=Counter)
    first: Difference | None = None

    def add(self, line, differences):
        self.records += 1
        self.fields.update(name for name, _, _ in differences)
        if self.first is None:
            name, expected, actual = differences[0]
            self.first = Difference(line, name, show(expected), show(actual))


@dataclass
class Comparison:
    expected_records: int = 0
    actual_records: int = 0
    # Records of Weft's output that the tool lacks, and records that only the tool wrote.
    missing: int = 0
    extra: int = 0
    first_missing: str = ""
    first_extra: str = ""
    # Records that differ in some field beyond float rounding, and those that differ only by it.
    mismatches: Tally = field(default_factory=Tally)
    roundings: Tally = field(default_factory=Tally)

    def equal(self):
        """Return True when the outputs agree up to float rounding."""
        return self.mismatches.records == 0 and self.missing == 0 and self.extra == 0


def read_json_lines(path):
    """Yield each line of an NDJSON file as a value whose numbers are Decimals."""
    decoder = json.JSONDecoder(parse_float=decimal.Decimal, parse_int=decimal.Decimal)
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield decoder.decode(line)


def read_csv_rows(path):
    """Yield each row of a CSV file with a header line as a dict of strings."""
    with open(path, encoding="utf-8", newline="") as text:
        yield from csv.DictReader(text)


def show(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def is_rounding(expected, actual):
    """Return True when two different numbers are within FLOAT_ROUNDING of each other."""
    if not isinstance(expected, decimal.Decimal) or not isinstance(actual, decimal.Decimal):
        return False
    scale = max(abs(expected), abs(actual), decimal.Decimal(1))
    return abs(expected - actual) <= FLOAT_ROUNDING * scale


def same_json_value(expected, actual):
    """Compare two parsed JSON values exactly, telling booleans from numbers."""
    if isinstance(expected, bool) or isinstance(actual, bool):
        return isinstance(expected, bool) and isinstance(actual, bool) and expected == actual
    if isinstance(expected, dict):
        return (isinstance(actual, dict) and expected.keys() == actual.keys()
                and all(same_json_value(expected[key], actual[key]) for key in expected))
    if isinstance(expected, list):
        return (isinstance(actual, list) and len(expected) == len(actual)
                and all(same_json_value(e, a) for e, a in zip(expected, actual)))
    return type(expected) is type(actual) and expected == actual


def cell_value(expected, cell):
    """Read a CSV cell as the type of the expected JSON value; keep the text if it does not
    read as one."""
    if cell is None:
        return None
    if isinstance(expected, bool):
        return {"true": True, "false": False}.get(cell, cell)
    if isinstance(expected, decimal.Decimal):
        try:
            return decimal.Decimal(cell)
        except decimal.InvalidOperation:
            return cell
    if expected is None and cell == "":
        return None
    return cell


def field_differences(expected, actual, from_csv):
    """Yield (field, expected value, actual value) for each field that differs."""
    if not isinstance(actual, dict):
        yield "(record)", expected, actual
        return
    for name in sorted(expected.keys() | actual.keys()):
        if name not in actual:
            yield name, expected[name], "(missing)"
            continue
        if name not in expected:
            yield name, "(missing)", actual[name]
            continue
        value = cell_value(expected[name], actual[name]) if from_csv else actual[name]
        if not same_json_value(expected[name], value):
            yield name, expected[name], value


def add_record(result, line, expected, actual, from_csv):
    """Count a record as mismatched when a field differs beyond float rounding, else as rounded
    when a number differs within it."""
    real = []
    rounded = []
    for name, want, got in field_differences(expected, actual, from_csv):
        (rounded if is_rounding(want, got) else real).append((name, want, got))
    if real:
        result.mismatches.add(line, real)
    elif rounded:
        result.roundings.add(line, rounded)


def compare_files(expected_path, actual_path, actual_is_csv=False):
    """Compare the records of a tool's output file with the expected NDJSON file. The expected
    records are held in memory, keyed by id, while the tool's output is read."""
    result = Comparison()
    expected_by_key = {}
    for line, record in enumerate(read_json_lines(expected_path), 1):
        expected_by_key[record[KEY]] = line, record
    result.expected_records = len(expected_by_key)

    actual_records = read_csv_rows(actual_path) if actual_is_csv else read_json_lines(actual_path)
    for line, actual in enumerate(actual_records, 1):
        result.actual_records += 1
        key = actual.get(KEY) if isinstance(actual, dict) else None
        _, expected = expected_by_key.pop(key, (0, None))
        if expected is None:
            result.extra += 1
            result.first_extra = result.first_extra or "line %d, %s %s" % (line, KEY, show(key))
            continue
        add_record(result, line, expected, actual, actual_is_csv)

    result.missing = len(expected_by_key)
    if expected_by_key:
        key, (line, _) = min(expected_by_key.items(), key=lambda item: item[1][0])
        result.first_missing = "Weft's line %d, %s %s" % (line, KEY, show(key))
    return result


def describe(comparison):
    """Return a one-line verdict for the results table."""
    parts = []
    if comparison.missing:
        parts.append("%d of %d records missing" % (comparison.missing,
                                                    comparison.expected_records))
    if comparison.extra:
        parts.append("%d records extra" % comparison.extra)
    if comparison.mismatches.records:
        parts.append("%d differ (%s)" % (comparison.mismatches.records,
                                         counts_text(comparison.mismatches.fields)))
    if comparison.roundings.records:
        parts.append("%d differ by float rounding (%s)" % (
            comparison.roundings.records, counts_text(comparison.roundings.fields)))
    return "; ".join(parts) if parts else "equal"


def counts_text(counter):
    return ", ".join("%s: %d" % (name, count) for name, count in counter.most_common())


def examples(comparison):
    """Return lines that show the first difference of each kind."""
    lines = []
    if comparison.first_missing:
        lines.append("first missing record: " + comparison.first_missing)
    if comparison.first_extra:
        lines.append("first extra record: " + comparison.first_extra)
    for label, difference in (("mismatch", comparison.mismatches.first),
                              ("float rounding", comparison.roundings.first)):
        if difference:
            lines.append("first %s: line %d, field `%s`: Weft %s, this tool %s" % (
                label, difference.line, difference.field, difference.expected,
                difference.actual))
    return lines
