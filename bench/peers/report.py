"""Format the figures of run.py as Markdown."""

import os
import platform
from dataclasses import dataclass

import compare


@dataclass
class Context:
    """The input, runs, machine load, versions and notes of one results table."""

    records: int
    inputs: dict  # input format -> path
    runs: int
    seed: int
    load_before: tuple
    load_after: tuple
    versions: dict
    notes: list


@dataclass
class MemoryRow:
    size: str
    records: int
    input_bytes: int
    max_rss_kib: int
    seconds: float


def processor_name():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown processor"


def machine_line(load_before, load_after):
    return "%s, %d cores, load average %.2f before the runs and %.2f after" % (
        processor_name(), os.cpu_count(), load_before[0], load_after[0])


def megabytes(byte_count):
    return byte_count / 1e6


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def limit_seconds(results):
    """Return the limit program's median time for each input mode."""
    return {result.mode: result.median_seconds() for result in results
            if result.tool.key == "limit" and result.runs and not result.failure}


def result_row(result, context, limits):
    tool = result.tool
    row = [tool.label, tool.input_format.upper() if tool.input_format == "csv" else "NDJSON",
           result.mode]
    if result.failure or not result.runs:
        return row + ["failed", "", "", "", result.failure]
    seconds = result.median_seconds()
    input_bytes = os.path.getsize(result.input_path)
    versus_limit = "n/a"
    if tool.input_format == "ndjson" and result.mode in limits:
        versus_limit = "%.2f" % (seconds / limits[result.mode])
    return row + [
        "{:,.0f}".format(context.records / seconds),
        "%.1f" % (megabytes(input_bytes) / seconds),
        "%.0f" % (result.max_rss_kib() / 1024),
        versus_limit,
        result.verdict,
    ]


def difference_notes(results):
    """Return the first differences of each tool and input format; those of its other input
    mode only when they are not the same."""
    lines = []
    examples_by_tool = {}
    for result in results:
        if not result.comparison:
            continue
        key = (result.tool.label, result.tool.input_format)
        examples = compare.examples(result.comparison)
        if examples_by_tool.get(key) == examples:
            continue
        examples_by_tool[key] = examples
        for example in examples:
            lines.append("%s (%s input, %s): %s" % (result.tool.label, result.tool.input_format,
                                                     result.mode, example))
    return lines


def results_markdown(context, results):
    sizes = ", ".join("%s %.1f MB" % (name.upper() if name == "csv" else "NDJSON",
                                      megabytes(os.path.getsize(path)))
                      for name, path in context.inputs.items())
    versions = ", ".join(context.versions.values())
    header = ["tool", "input format", "input", "records/s", "MB/s", "peak RSS (MiB)",
              "time ÷ limit", "output compared with Weft's"]
    limits = limit_seconds(results)
    lines = [
        "## Weft and its peers on one mapping",
        "",
        "- input: %s generated Salesforce Account records (seed %d): %s" % (
            "{:,}".format(context.records), context.seed, sizes),
        "- %d run(s) of each tool and input; the median wall time, and the largest peak RSS "
        "of the runs" % context.runs,
        "- machine: " + machine_line(context.load_before, context.load_after),
        "- versions: " + versions,
        "",
        table(header, [result_row(result, context, limits) for result in results]),
    ]
    notes = context.notes + difference_notes(results)
    if notes:
        lines += [""] + ["- " + note for note in notes]
    return "\n".join(lines)


def memory_markdown(rows, runs, weft_version, notes):
    header = ["input", "records", "MB", "peak RSS (MiB)", "RSS ÷ input size", "seconds"]
    body = [[row.size, "{:,}".format(row.records), "%.1f" % megabytes(row.input_bytes),
             "%.0f" % (row.max_rss_kib / 1024),
             "%.2f" % (row.max_rss_kib * 1024 / row.input_bytes), "%.2f" % row.seconds]
            for row in rows]
    lines = [
        "## Peak memory of weft run (file input, output to /dev/null)",
        "",
        "- %s; the largest peak RSS of %d run(s) and the median time" % (weft_version, runs),
        "",
        table(header, body),
    ]
    if len(rows) >= 2:
        ratio = rows[-1].max_rss_kib / rows[0].max_rss_kib
        verdict = "meets" if ratio <= 1.2 else "misses"
        lines += ["", "Peak RSS on %s is %.2f× that on %s, which %s the target of at most "
                      "1.2× (memory that does not grow with the input)." % (
                          rows[-1].size, ratio, rows[0].size, verdict)]
    if notes:
        lines += [""] + ["- " + note for note in notes]
    return "\n".join(lines)
