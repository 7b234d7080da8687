#!/usr/bin/env python3
"""`skypebridge channels sync` of many chats against `skypebridge sandbox`; writes Benchmarks/results/channels.md.

Usage: python3 Benchmarks/channels/bench.py [--chats 1000] [--runs 3]
Needs only the Python standard library and a built skypebridge: SKYPEBRIDGE_BIN, else
.build/release/skypebridge, else .build/debug/skypebridge (much slower).

Each run starts a fresh sandbox, gives the bridge account CHATS group chats (Skype control API),
caches the Skype tokens (`login`), then times three `channels sync` runs: the first creates every
channel and the index post, the second finds nothing to change, the third follows 10 new chats.
"""
import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import tempfile
import time
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def binary():
    explicit = os.environ.get("SKYPEBRIDGE_BIN")
    if explicit:
        return explicit
    for build in ("release", "debug"):
        path = os.path.join(ROOT, ".build", build, "skypebridge")
        if os.path.exists(path):
            return path
    raise SystemExit("no skypebridge binary: run `swift build -c release --product skypebridge`")


def post(url, body):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read() or b"{}")


def timed(command):
    start = time.monotonic()
    result = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.monotonic() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}): {result.stderr.strip()}")
    return elapsed, result.stdout.strip().splitlines()[-1]


def one_run(skypebridge, chats):
    directory = tempfile.mkdtemp(prefix="skypebridge-channels-bench-")
    config = os.path.join(directory, "sb.toml")
    sandbox = subprocess.Popen([skypebridge, "sandbox", "--json", "--write-config", config],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        urls = {name: info["urls"] for name, info in json.loads(sandbox.stdout.readline()).items()}
        control = urls["skype"]["control"]
        for number in range(chats):
            post(control + "/threads", {"creator": "bridge.bot", "members": ["alice"], "topic": f"Chat {number:04d}"})
        options = ["--config", config, "--state", os.path.join(directory, "state.sqlite")]
        timed([skypebridge, *options, "login"])
        figures = {}
        figures["first"] = timed([skypebridge, *options, "channels", "sync"])
        figures["second"] = timed([skypebridge, *options, "channels", "sync"])
        for number in range(10):
            post(control + "/threads", {"creator": "bridge.bot", "members": ["bob"], "topic": f"Later {number}"})
        figures["third"] = timed([skypebridge, *options, "channels", "sync"])
        return figures
    finally:
        sandbox.terminate()
        sandbox.wait()
        shutil.rmtree(directory, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--chats", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--output", default=os.path.join(ROOT, "Benchmarks", "results", "channels.md"))
    arguments = parser.parse_args()
    skypebridge = binary()
    load_before = os.getloadavg()[0]
    runs = [one_run(skypebridge, arguments.chats) for _ in range(arguments.runs)]
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    rows = []
    for key, label in (("first", f"first sync: {arguments.chats} chats, all created"),
                       ("second", "second sync: nothing to change"),
                       ("third", "third sync: 10 new chats")):
        times = [run[key][0] for run in runs]
        rows.append(f"| {label} | {statistics.median(times):.2f} s | {min(times):.2f}–{max(times):.2f} s | {runs[-1][key][1]} |")
    text = "\n".join([
        "# channels sync",
        "",
        f"Command: `python3 Benchmarks/channels/bench.py --chats {arguments.chats} --runs {arguments.runs}`",
        f"({arguments.runs} runs, each on a fresh `skypebridge sandbox` whose bridge account has {arguments.chats} group chats;",
        "Skype tokens cached by `login` first, so the times are the sync itself, process start included).",
        f"Binary: `{os.path.relpath(skypebridge, ROOT)}`. Machine: {os.cpu_count()} cores, shared with other builds;",
        f"1-minute load average {load_before:.1f} before and {os.getloadavg()[0]:.1f} after the runs.",
        "",
        "| run | median wall time | range | what it printed (last run) |",
        "|---|---|---|---|",
        *rows,
        "",
        f"Target: first sync of 1,000 chats < 3 s. Peak RSS of any child process (sandbox included): {rss:.1f} MB.",
        "",
    ])
    with open(arguments.output, "w") as output:
        output.write(text)
    print(text)


if __name__ == "__main__":
    main()
