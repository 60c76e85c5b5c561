#!/usr/bin/env python3
"""Run Weft and its peers on the same generated accounts with the same mapping, check that
every output equals Weft's, and print a Markdown table of throughput and peak memory.

Each tool reads the input once by path (file input) and once from `cat FILE |` (pipe input),
--runs times each, and the table gives the median wall time. With --memory, it only measures
Weft's peak memory on a small and a large input instead. Progress goes to stderr and the report
to stdout. The exit code is 1 when a tool fails or maps records differently from Weft beyond
float rounding, and 0 otherwise.
"""

import argparse
import csv
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field

import compare
import measure
import report
import tools

GENERATOR = os.path.join(tools.HERE, "generate.py")
MODES = ("file", "pipe")


@dataclass
class Result:
    """The runs of one tool on one input format and mode, and how its output compared."""

    tool: tools.Tool
    mode: str
    input_path: str
    runs: list = field(default_factory=list)
    failure: str = ""
    comparison: compare.Comparison | None = None
    verdict: str = ""

    def median_seconds(self):
        return statistics.median(run.seconds for run in self.runs)

    def max_rss_kib(self):
        return max(run.max_rss_kib for run in self.runs)


def log(message):
    print("run.py: " + message, file=sys.stderr, flush=True)


def default_data_dir():
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(cache, "weft-bench-peers")


def generator_digest():
    """Return a short hash of generate.py, so cached data is made anew when the script changes."""
    with open(GENERATOR, "rb") as script:
        return hashlib.sha256(script.read()).hexdigest()[:10]


def ensure_data(data_dir, amount, seed, with_csv):
    """Return the NDJSON and CSV paths of the data for `amount` (a record count, or a size such
    as 2GB), generating it unless it is cached. The CSV path is None without with_csv."""
    os.makedirs(data_dir, exist_ok=True)
    stem = os.path.join(data_dir, "accounts-%s-seed%d-%s" % (amount, seed, generator_digest()))
    ndjson_path, csv_path = stem + ".ndjson", stem + ".csv"
    if os.path.exists(ndjson_path) and (not with_csv or os.path.exists(csv_path)):
        return ndjson_path, csv_path if with_csv else None

    log("generating %s into %s" % (amount + (" records" if amount.isdigit() else " of NDJSON"), data_dir))
    amount_option = ["--size", amount] if not amount.isdigit() else ["--records", amount]
    command = [tools.PYTHON, GENERATOR, "--seed", str(seed), "--out", ndjson_path + ".partial"]
    command += amount_option
    if with_csv:
        command += ["--csv", csv_path + ".partial"]
    subprocess.run(command, check=True)
    if with_csv:
        os.replace(csv_path + ".partial", csv_path)
    os.replace(ndjson_path + ".partial", ndjson_path)
    return ndjson_path, csv_path if with_csv else None


def write_sample(source_path, sample_path, records, is_csv):
    """Copy the first records of a data file (with the header line of a CSV file)."""
    with open(source_path, encoding="utf-8", newline="") as source, \
            open(sample_path, "w", encoding="utf-8", newline="") as sample:
        if is_csv:
            writer = csv.writer(sample, lineterminator="\r\n")
            for number, row in enumerate(csv.reader(source)):
                if number > records:
                    break
                writer.writerow(row)
        else:
            for number, line in enumerate(source):
                if number >= records:
                    break
                sample.write(line)


def weft_extra_options(args, sample_path, work_dir, notes):
    """Return the --threads option when it was requested and weft accepts it."""
    if args.threads is None:
        return []
    options = ["--threads", str(args.threads)]
    if tools.probe_weft(args.weft, options, sample_path, work_dir):
        notes.append("weft ran with --threads %d" % args.threads)
        return options
    notes.append("weft: --threads is not accepted by this build, so weft ran without it "
                 "(one thread)")
    log(notes[-1])
    return []


def csv_tools(args, csv_path, extra_options, rejects_path, work_dir, notes):
    """Return the tools of the CSV variant: Weft when this build reads CSV, and Miller."""
    sample = os.path.join(work_dir, "sample.csv")
    write_sample(csv_path, sample, 20, is_csv=True)
    options = ["--in-format", "csv", "--out-format", "csv"] + extra_options
    selected = []
    if tools.probe_weft(args.weft, options, sample, work_dir):
        selected.append(tools.weft_tool(args.weft, "csv", extra_options, rejects_path))
    else:
        notes.append("weft: CSV input not supported by this build")
        log("weft: CSV input not supported by this build")
    return selected + [tool for tool in tools.csv_peers() if selected_tool(args, tool)]


def selected_tool(args, tool):
    return args.tools is None or tool.key in args.tools


def run_tool(result, work_dir):
    """Run a tool once; return the path of its output."""
    tool = result.tool
    output = os.path.join(work_dir, "%s-%s-%s.out" % (tool.key, tool.input_format, result.mode))
    through_pipe = result.mode == "pipe"
    argv = tool.argv(None if through_pipe else result.input_path, output)
    stdout = os.devnull if tool.writes_output else output
    # The previous run's output is removed before the clock starts, as opening the standard
    # output of the other tools empties it. Emptying 26 MB of freshly written output took 7 ms
    # on the benchmark machine, which a tool that opens its output file itself would otherwise
    # pay inside its time.
    if os.path.exists(output):
        os.remove(output)
    run = measure.run_once(argv, result.input_path, stdout, through_pipe)
    if run.exit_code != 0:
        last_line = (run.stderr.strip().splitlines() or ["no message"])[-1]
        result.failure = "exit %d: %s" % (run.exit_code, last_line)
        log("%s (%s, %s) failed: %s" % (tool.label, tool.input_format, result.mode,
                                         result.failure))
    else:
        result.runs.append(run)
    return output


def check_output(result, output, reference, keep_outputs):
    """Compare a tool's last output with Weft's and drop the file unless it is kept."""
    if result.failure:
        result.verdict = "not compared: the tool failed"
    elif reference is None:
        result.verdict = "not compared: Weft produced no output"
    elif output == reference:
        result.verdict = "reference"
    else:
        result.comparison = compare.compare_files(reference, output,
                                                  result.tool.input_format == "csv")
        result.verdict = compare.describe(result.comparison)
    if not keep_outputs and output != reference and os.path.exists(output):
        os.remove(output)


def run_all(results, runs, work_dir, keep_outputs):
    """Run every tool in turn, `runs` rounds, so that a change of the machine's load spreads
    over all of them. The output of Weft's first NDJSON result (file input, unless only pipe
    input is measured) is the reference that the others are compared with."""
    reference = None
    for round_number in range(1, runs + 1):
        log("round %d of %d" % (round_number, runs))
        last_round = round_number == runs
        for result in results:
            if result.failure:
                continue
            output = run_tool(result, work_dir)
            if not (result.failure or last_round):
                continue
            is_weft_ndjson = result.tool.key == "weft" and result.tool.input_format == "ndjson"
            if is_weft_ndjson and reference is None and not result.failure:
                reference = output
            check_output(result, output, reference, keep_outputs)


def benchmark(args):
    ndjson_path, csv_path = ensure_data(args.data_dir, str(args.records), args.seed, args.csv)
    work_dir = tempfile.mkdtemp(prefix="run-", dir=args.data_dir)
    notes = []
    try:
        sample = os.path.join(work_dir, "sample.ndjson")
        write_sample(ndjson_path, sample, 20, is_csv=False)
        extra = weft_extra_options(args, sample, work_dir, notes)
        rejects = os.path.join(work_dir, "weft.rejects")

        chosen = [tools.weft_tool(args.weft, "ndjson", extra, rejects)]
        chosen += [tool for tool in tools.json_peers(args.limit) if selected_tool(args, tool)]
        inputs = {"ndjson": ndjson_path}
        if args.csv:
            chosen += csv_tools(args, csv_path, extra, rejects, work_dir, notes)
            inputs["csv"] = csv_path
        results = [Result(tool, mode, inputs[tool.input_format])
                   for tool in chosen for mode in args.modes]

        measure.read_through(ndjson_path)
        load_before = os.getloadavg()
        run_all(results, args.runs, work_dir, args.keep_outputs)
        load_after = os.getloadavg()

        context = report.Context(args.records, inputs, args.runs, args.seed, load_before,
                                 load_after, tools.versions(args.weft), notes)
        print(report.results_markdown(context, results))
    finally:
        if args.keep_outputs:
            log("outputs kept in %s" % work_dir)
        else:
            shutil.rmtree(work_dir)
    failed = any(result.failure for result in results)
    mismatched = any(result.comparison and not result.comparison.equal() for result in results)
    return 1 if failed or mismatched else 0


def memory_check(args):
    """Measure Weft's peak RSS on each size of --memory-sizes, with file input."""
    rows = []
    notes = []
    os.makedirs(args.data_dir, exist_ok=True)
    work_dir = tempfile.mkdtemp(prefix="memory-", dir=args.data_dir)
    try:
        for size in args.memory_sizes:
            path, _ = ensure_data(args.data_dir, size, args.seed, with_csv=False)
            if not rows:
                sample = os.path.join(work_dir, "sample.ndjson")
                write_sample(path, sample, 20, is_csv=False)
                extra = weft_extra_options(args, sample, work_dir, notes)
            argv = tools.weft_argv(args.weft, extra, path, os.devnull, os.devnull)
            measure.read_through(path)
            runs = [measure.run_once(argv, path, os.devnull, False) for _ in range(args.runs)]
            failed = [run for run in runs if run.exit_code != 0]
            if failed:
                log("weft failed on %s: %s" % (size, failed[0].stderr.strip()))
                return 1
            rows.append(report.MemoryRow(size, measure.count_lines(path), os.path.getsize(path),
                                         max(run.max_rss_kib for run in runs),
                                         statistics.median(run.seconds for run in runs)))
    finally:
        shutil.rmtree(work_dir)
    print(report.memory_markdown(rows, args.runs, tools.tool_version([args.weft, "--version"]),
                                 notes))
    return 0


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weft", required=True, help="the weft program to measure")
    parser.add_argument("--limit", help="the peers_limit program (required without --memory)")
    parser.add_argument("--data-dir", default=default_data_dir(),
                        help="where generated inputs are cached and outputs written "
                             "(default: %(default)s)")
    parser.add_argument("--records", type=int, default=200000,
                        help="records in the input, about 1.2 KB each (default: %(default)s)")
    parser.add_argument("--runs", type=int, default=3,
                        help="runs of each tool and mode; the table shows the median "
                             "(default: %(default)s)")
    parser.add_argument("--seed", type=int, default=20260101, help="the generator's seed")
    parser.add_argument("--threads", type=int,
                        help="pass --threads N to weft run, if this build accepts it")
    parser.add_argument("--modes", type=lambda text: text.split(","), default=list(MODES),
                        help="input modes to measure, of file and pipe (default: file,pipe)")
    parser.add_argument("--tools", type=lambda text: set(text.split(",")),
                        help="peers to run besides Weft, of limit, jq, gojq, miller, jsonata, "
                             "python, python-decimal (default: all)")
    parser.add_argument("--no-csv", dest="csv", action="store_false",
                        help="skip the CSV variant")
    parser.add_argument("--keep-outputs", action="store_true",
                        help="keep every tool's output in a folder under the data folder")
    parser.add_argument("--memory", action="store_true",
                        help="only measure Weft's peak memory on the inputs of --memory-sizes")
    parser.add_argument("--memory-sizes", type=lambda text: text.split(","),
                        default=["20MB", "2GB"],
                        help="NDJSON sizes for --memory (default: 20MB,2GB)")
    args = parser.parse_args()
    if not set(args.modes) <= set(MODES):
        parser.error("--modes takes file, pipe or both, not %s" % ",".join(args.modes))
    unknown = (args.tools or set()) - {tool.key for tool in tools.json_peers("")}
    if unknown:
        parser.error("--tools: unknown tool %s" % ", ".join(sorted(unknown)))
    if not args.memory and not args.limit:
        parser.error("--limit is required unless --memory is given")
    args.weft = os.path.abspath(args.weft)
    args.limit = args.limit and os.path.abspath(args.limit)
    return args


def main():
    args = parse_args()
    return memory_check(args) if args.memory else benchmark(args)


if __name__ == "__main__":
    sys.exit(main())
