"""skypebridge send vs a skpy 0.11 script doing the same send, against one sandbox.

Both start from cached tokens (skypebridge: its state database; skpy: a token file exported by
`skypebridge login --export-token-file`), send one message to 8:alice, and exit. Runs are
interleaved so both see the same machine state. Also measures `listen`'s RSS while idle.
Writes Benchmarks/results/skype-cli.md.
"""

import json
import os
import pathlib
import resource
import statistics
import subprocess
import sys
import tempfile
import time

REPO = pathlib.Path(__file__).resolve().parents[2]
BIN = os.environ.get("SKYPEBRIDGE_BIN", str(REPO / ".build-release/release/skypebridge"))
RUNS = int(os.environ.get("BENCH_RUNS", "30"))

SKPY_SCRIPT = r"""
import sys
from skpy import Skype, SkypeConnection
urls = dict(arg.split("=", 1) for arg in sys.argv[2:])
SkypeConnection.API_LOGIN = urls["login"]
SkypeConnection.API_MSACC = urls["msacc"]
SkypeConnection.API_EDGE = urls["edge"]
SkypeConnection.API_USER = urls["api"]
SkypeConnection.API_CONTACTS = urls["contacts"]
SkypeConnection.API_PROFILE = urls["profile"]
SkypeConnection.API_MSGSHOST = urls["messaging"]
sk = Skype(tokenFile=sys.argv[1])
sk.chats["8:alice"].sendMsg("benchmark from skpy")
"""


def main():
    work = pathlib.Path(tempfile.mkdtemp(prefix="skypebridge-bench-"))
    config = work / "sb.toml"
    state = work / "state.sqlite"
    sandbox = subprocess.Popen([BIN, "sandbox", "--json", "--write-config", str(config)],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        urls = json.loads(sandbox.stdout.readline())["skype"]["urls"]
        common = [BIN, "--config", str(config), "--state", str(state)]
        token_file = work / "skpy.token"
        subprocess.run(common + ["login", "--export-token-file", str(token_file)], check=True, stdout=subprocess.DEVNULL)
        skpy = [sys.executable, "-c", SKPY_SCRIPT, str(token_file)] + ["{}={}".format(k, v) for k, v in urls.items()]
        ours = common + ["send", "8:alice", "benchmark from skypebridge"]
        version = [BIN, "--version"]
        times = {"skypebridge send": [], "skpy script": [], "skypebridge --version (start only)": []}
        cpu = {name: [] for name in times}
        load_before = load_average()
        for _ in range(RUNS):
            for name, command in (("skypebridge send", ours), ("skpy script", skpy), ("skypebridge --version (start only)", version)):
                used = children_cpu()
                start = time.perf_counter()
                subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
                times[name].append(time.perf_counter() - start)
                cpu[name].append(children_cpu() - used)
        listen = subprocess.Popen(common + ["listen", "--type", "message"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(5)
        status = {line.split(":")[0]: int(line.split()[1]) for line in open("/proc/{}/status".format(listen.pid)) if line.startswith(("VmRSS", "RssAnon", "RssFile"))}
        listen.terminate()
        listen.wait()
    finally:
        sandbox.terminate()
        sandbox.wait()
    write_results(times, cpu, status, load_before, load_average())


def children_cpu():
    """User plus system CPU seconds of the finished children so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def load_average():
    return " ".join(open("/proc/loadavg").read().split()[:3])


def write_results(times, cpu, status, load_before, load_after):
    ours = statistics.median(times["skypebridge send"])
    theirs = statistics.median(times["skpy script"])
    ours_cpu = statistics.median(cpu["skypebridge send"])
    theirs_cpu = statistics.median(cpu["skpy script"])
    lines = [
        "# skypebridge send vs skpy 0.11, and listen idle memory",
        "",
        "Command: `make bench` (or `.venv/bin/python Benchmarks/skype-cli/bench.py` with SKYPEBRIDGE_BIN set),",
        "{} interleaved runs each against one `skypebridge sandbox`, both starting from cached tokens.".format(RUNS),
        "Binary: `{}` (`make release`). Machine: {} cores, load average {} at the start, {} at the end."
        .format(os.path.relpath(BIN, REPO), os.cpu_count(), load_before, load_after),
        "",
        "| what | median wall time | p90 wall time | median CPU (user + system) |",
        "|---|---|---|---|",
    ]
    for name, samples in times.items():
        ordered = sorted(samples)
        lines.append("| {} | {:.1f} ms | {:.1f} ms | {:.1f} ms |".format(
            name, statistics.median(samples) * 1000, ordered[int(len(ordered) * 0.9) - 1] * 1000, statistics.median(cpu[name]) * 1000))
    lines += [
        "",
        "Ratio (skpy / skypebridge, medians): **{:.1f}x** wall time, {:.1f}x CPU time (target ≥ 10x).".format(theirs / ours, theirs_cpu / ours_cpu),
        "",
        "`skypebridge listen` idle RSS after 5 s: **{:.1f} MB** ({:.1f} MB anonymous, {:.1f} MB file-backed) (target < 20 MB).".format(
            status["VmRSS"] / 1024, status["RssAnon"] / 1024, status["RssFile"] / 1024),
        "",
    ]
    out = REPO / "Benchmarks/results/skype-cli.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
