"""The command lines of Weft and its peers for the benchmark mapping, and probes for the
`weft run` options that newer builds add."""

import json
import os
import subprocess
from dataclasses import dataclass

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(HERE, "programs")
MAPPING = os.path.join(HERE, "accounts.map")
RULE = "Customer"
# The Python of Debian's python3 package, which install-peers.sh installs, rather than
# whichever python3 comes first on PATH.
PYTHON = "/usr/bin/python3"


@dataclass
class Tool:
    """One way to map the benchmark input. `argv(input, output)` returns the command line for
    an input path, or for standard input when input is None. Tools with `writes_output` write
    the output path themselves, the others write mapped records to standard output."""

    key: str  # the name that --tools selects it by
    label: str  # the name in the results table
    input_format: str  # "ndjson" or "csv"
    argv: object
    writes_output: bool = False


def weft_argv(weft, extra_options, input_path, output_path, rejects_path):
    return [weft, "run", MAPPING, "--rule", RULE, "--in", input_path or "-", "--out", output_path,
            "--rejects", rejects_path] + extra_options


def with_input(argv, input_path):
    return argv + [input_path] if input_path else argv


def json_peers(limit):
    """Return the peers that read NDJSON; each applies the mapping of accounts.map."""
    jq_program = os.path.join(PROGRAMS, "mapping.jq")
    mlr_program = os.path.join(PROGRAMS, "mapping.mlr")
    python_program = os.path.join(PROGRAMS, "mapping.py")
    jsonata_program = os.path.join(PROGRAMS, "jsonata.js")
    commands = [
        ("limit", "limit (simdjson)", [limit]),
        ("jq", "jq", ["jq", "-c", "-f", jq_program]),
        ("gojq", "gojq", ["gojq", "-c", "-f", jq_program]),
        ("miller", "Miller", ["mlr", "--ijsonl", "--ojsonl", "put", "-f", mlr_program]),
        ("jsonata", "JSONata", ["node", jsonata_program]),
        ("python", "Python json", [PYTHON, python_program]),
        ("python-decimal", "Python json, Decimal", [PYTHON, python_program, "--decimal"]),
    ]
    return [Tool(key, label, "ndjson", lambda i, o, argv=argv: with_input(argv, i))
            for key, label, argv in commands]


def csv_peers():
    mlr_program = os.path.join(PROGRAMS, "mapping.mlr")
    argv = ["mlr", "--icsv", "--ocsv", "put", "-f", mlr_program]
    return [Tool("miller", "Miller", "csv", lambda i, o: with_input(argv, i))]


def weft_tool(weft, input_format, extra_options, rejects_path):
    formats = ["--in-format", "csv", "--out-format", "csv"] if input_format == "csv" else []
    options = formats + extra_options
    return Tool("weft", "Weft", input_format,
                lambda i, o: weft_argv(weft, options, i, o, rejects_path), writes_output=True)


def rejects_options(result, options):
    """Return True when `weft run` exited with a usage error that names one of the options,
    which is how CLI11 reports an option or value that the build does not know."""
    names = [option for option in options if option.startswith("--")]
    return result.returncode == 2 and any(name in result.stderr for name in names)


def probe_weft(weft, options, sample_path, work_dir):
    """Run weft with extra options on a small sample; return True unless it rejects them."""
    output = os.path.join(work_dir, "probe.out")
    rejects = os.path.join(work_dir, "probe.rejects")
    result = subprocess.run(weft_argv(weft, options, sample_path, output, rejects),
                            stdin=subprocess.DEVNULL, capture_output=True, text=True)
    return not rejects_options(result, options)


def tool_version(argv):
    """Return the first line that a --version command prints, or why there is none."""
    try:
        result = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        return "not available (%s)" % error
    lines = (result.stdout or result.stderr).strip().splitlines()
    return lines[0] if lines else "no version output"


def versions(weft):
    """Return each program's version as the program prints it, by program."""
    commands = {
        "weft": [weft, "--version"],
        "jq": ["jq", "--version"],
        "gojq": ["gojq", "--version"],
        "miller": ["mlr", "--version"],
        "node": ["node", "--version"],
        "python": [PYTHON, "--version"],
    }
    found = {name: tool_version(argv) for name, argv in commands.items()}
    found["node"] = "node " + found["node"]
    package = os.path.join(HERE, "node_modules", "jsonata", "package.json")
    try:
        with open(package, encoding="utf-8") as text:
            found["jsonata"] = "jsonata " + json.load(text)["version"]
    except OSError:
        found["jsonata"] = "jsonata not installed (run bench/peers/install-peers.sh)"
    return found
