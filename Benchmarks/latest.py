"""Assembles Benchmarks/results/latest.md from the results files one `make bench` run wrote.

Every results file names its own command, targets and ratios; this page puts them in one place,
in a fixed order, under the date, machine and load of the run, and lists which are missing.
Usage: latest.py NAME... (the benchmark names of this run, in order)
"""

import datetime
import os
import pathlib
import platform
import subprocess
import sys

RESULTS = pathlib.Path(__file__).resolve().parent / "results"


def swift_version():
    try:
        return subprocess.run(["swift", "--version"], capture_output=True, text=True, check=True).stdout.splitlines()[0]
    except (OSError, subprocess.CalledProcessError, IndexError):
        return "unknown"


def main():
    names = sys.argv[1:]
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Benchmarks — latest run",
        "",
        "Written by `make bench` (scripts/bench.sh) on {}: {} cores, {}, {}; load average at the end {}.".format(
            now, os.cpu_count(), platform.platform(terse=True), swift_version(),
            " ".join("{:.2f}".format(v) for v in os.getloadavg())),
        "Each section below is one benchmark's own results file, with its command and targets.",
        "",
    ]
    missing = []
    for name in names:
        path = RESULTS / (name + ".md")
        if not path.exists():
            missing.append(name)
            continue
        body = path.read_text().strip().splitlines()
        if body and body[0].startswith("# "):
            body[0] = "#" + body[0]
        lines += body + [""]
    if missing:
        lines += ["Missing results (the benchmark failed or was not run): " + ", ".join(missing), ""]
    (RESULTS / "latest.md").write_text("\n".join(lines))
    print("wrote {}".format(RESULTS / "latest.md"))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
