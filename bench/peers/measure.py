"""Run one command on an input file, reading it either by path or through a pipe from `cat`,
and measure its wall time and peak resident memory."""

import subprocess
import tempfile
import time
from dataclasses import dataclass


# GNU time, from Debian's `time` package, reports the peak RSS of the process it starts. The
# getrusage figures of a child forked from this script would include Python's own memory.
GNU_TIME = "/usr/bin/time"


@dataclass
class Measurement:
    seconds: float
    # Peak resident set size of the tool's process in KiB, as GNU time's %M reports it.
    max_rss_kib: int
    exit_code: int
    stderr: str


def run_once(argv, input_path, stdout_path, through_pipe):
    """Run argv with stdout to stdout_path. With through_pipe, its standard input is a pipe that
    `cat input_path` writes; otherwise argv names the file itself and stdin is empty. The time
    runs from starting the processes until the tool exits."""
    with open(stdout_path, "wb") as stdout, tempfile.TemporaryFile() as stderr, \
            tempfile.NamedTemporaryFile("r") as rss:
        argv = [GNU_TIME, "--format=%M", "--output=" + rss.name] + argv
        start = time.perf_counter()
        if through_pipe:
            cat = subprocess.Popen(["cat", input_path], stdout=subprocess.PIPE)
            tool = subprocess.Popen(argv, stdin=cat.stdout, stdout=stdout, stderr=stderr)
            cat.stdout.close()
        else:
            cat = None
            tool = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=stdout, stderr=stderr)
        tool.wait()
        seconds = time.perf_counter() - start
        if cat:
            cat.wait()
        stderr.seek(0)
        message = stderr.read().decode("utf-8", "replace")
        # The figure is the last line. A line before it may report that a signal ended the tool.
        report = rss.read().strip().splitlines()
    max_rss_kib = int(report[-1]) if report and report[-1].isdigit() else 0
    return Measurement(seconds, max_rss_kib, tool.returncode, message)


def read_through(path):
    """Read a file once so that every tool finds it in the page cache."""
    with open(path, "rb") as data:
        while data.read(1 << 24):
            pass


def count_lines(path):
    count = 0
    with open(path, "rb") as data:
        while block := data.read(1 << 24):
            count += block.count(b"\n")
    return count
