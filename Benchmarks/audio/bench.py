"""Call audio benchmark: frame rates each way, CPU per active call, and 36 concurrent calls.

Runs `skypebridge call originate <iface>/echo123 --tone 440 --record - --duration S --json`
against one `skypebridge sandbox` (echo123 loops our audio back), first alone and then 36 at
once (mod_skypopen's 6 x 6 layout) through 36 interfaces spread over the sandbox's three
emulated clients. For each call it reads the echoed raw audio from stdout with timestamps, the
end event from stderr, the emulator's report, and the process's CPU time from /proc.
Writes Benchmarks/results/audio.md.
"""

import json
import os
import pathlib
import re
import selectors
import statistics
import subprocess
import tempfile
import time
import urllib.request

REPO = pathlib.Path(__file__).resolve().parents[2]
BIN = os.environ.get("SKYPEBRIDGE_BIN", str(REPO / ".build/release/skypebridge"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "60"))
CONCURRENT = int(os.environ.get("BENCH_CALLS", "36"))
FRAME = 640
TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    fields = open("/proc/{}/stat".format(pid)).read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def write_config(source, target, count):
    text = source.read_text()
    head = text[: text.index("[interfaces.")]
    endpoints = re.findall(r'\[interfaces\.\w+\]\nendpoint = "([^"]+)"\nskype_user = "(\w+)"', text)
    lines = [head]
    for index in range(count):
        endpoint, user = endpoints[index % len(endpoints)]
        lines.append('[interfaces.c{:02d}]\nendpoint = "{}"\nskype_user = "{}"\n'.format(index, endpoint, user))
    target.write_text("\n".join(lines))


def run_calls(common, count, control):
    """Runs `count` calls at once; returns one measurement dict per call."""
    selector = selectors.DefaultSelector()
    calls = []
    for index in range(count):
        errors = tempfile.TemporaryFile()
        process = subprocess.Popen(
            common + ["call", "originate", "c{:02d}/echo123".format(index), "--tone", "440", "--record", "-",
                      "--duration", str(SECONDS), "--json"],
            stdout=subprocess.PIPE, stderr=errors)
        os.set_blocking(process.stdout.fileno(), False)
        call = {"process": process, "errors": errors, "bytes": 0, "first": None, "last": None, "gap": 0.0,
                "cpu": [], "open": True}
        selector.register(process.stdout, selectors.EVENT_READ, call)
        calls.append(call)
    next_sample = time.monotonic() + 5
    while any(call["open"] for call in calls):
        for key, _ in selector.select(timeout=0.5):
            call = key.data
            chunk = key.fileobj.read(65536)
            now = time.monotonic()
            if not chunk:
                selector.unregister(key.fileobj)
                call["open"] = False
                continue
            if call["first"] is None:
                call["first"] = now
            elif call["bytes"] >= 50 * FRAME:
                call["gap"] = max(call["gap"], now - call["last"])
            call["last"] = now
            call["bytes"] += len(chunk)
        if time.monotonic() >= next_sample:
            next_sample += 5
            for call in calls:
                if call["process"].poll() is None:
                    try:
                        call["cpu"].append((time.monotonic(), cpu_seconds(call["process"].pid)))
                    except OSError:
                        pass
    results = []
    for call in calls:
        call["process"].wait()
        call["errors"].seek(0)
        events = [json.loads(line) for line in call["errors"].read().decode().splitlines() if line.startswith("{")]
        end = next((event for event in events if event.get("event") == "end"), None)
        if end is None or call["first"] is None or len(call["cpu"]) < 2:
            results.append({"exit": call["process"].returncode, "audio": False,
                            "outcome": end.get("outcome") if end else "no end event"})
            continue
        report = json.load(urllib.request.urlopen("{}/calls/{}".format(control, end["call"])))
        (t0, c0), (t1, c1) = call["cpu"][0], call["cpu"][-1]
        received = call["bytes"] // FRAME
        results.append({
            "exit": call["process"].returncode,
            "audio": True,
            "in_rate": (received - 1) / (call["last"] - call["first"]),
            "out_rate": end["frames_out"] / end.get("audio_seconds", end["talk_seconds"]),
            "tick_rate": (end["frames_out"] + end["skipped_ticks"]) / end.get("audio_seconds", end["talk_seconds"]),
            "emulator_in": report["audio"]["frames_in"],
            "talk": end["talk_seconds"],
            "skipped": end["skipped_ticks"],
            "gap_ms": call["gap"] * 1000,
            "cpu_percent": 100 * (c1 - c0) / (t1 - t0),
        })
    return results


def main():
    work = pathlib.Path(tempfile.mkdtemp(prefix="skypebridge-audio-bench-"))
    sandbox = subprocess.Popen([BIN, "sandbox", "--json", "--write-config", str(work / "sb.toml")],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        control = json.loads(sandbox.stdout.readline())["client-api"]["urls"]["control"]
        write_config(work / "sb.toml", work / "calls.toml", CONCURRENT)
        common = [BIN, "--config", str(work / "calls.toml"), "--state", str(work / "state.sqlite")]
        load_before = os.getloadavg()[0]
        single = run_calls(common, 1, control)
        start, emulator_mid = time.monotonic(), cpu_seconds(sandbox.pid)
        many = run_calls(common, CONCURRENT, control)
        emulator_many = 100 * (cpu_seconds(sandbox.pid) - emulator_mid) / (time.monotonic() - start)
        load_after = os.getloadavg()[0]
    finally:
        sandbox.terminate()
        sandbox.wait()
    write_results(single[0], many, emulator_many, (load_before, load_after))


def spread(values, fmt):
    return "{} / {} / {}".format(fmt.format(min(values)), fmt.format(statistics.median(values)), fmt.format(max(values)))


def write_results(single, calls, emulator_many, load):
    def within(rate):
        return abs(rate - 50) <= 0.5
    many = [call for call in calls if call["audio"]]
    failed = [call for call in calls if not call["audio"]]
    lines = [
        "# Call audio: frame rates, CPU per call, concurrent calls",
        "",
        "Command: `Benchmarks/audio/run.sh` (release build; or `python3 Benchmarks/audio/bench.py` with SKYPEBRIDGE_BIN set).",
        "Each call: `call originate cNN/echo123 --tone 440 --record - --duration {}` against one".format(SECONDS),
        "`skypebridge sandbox`; echo123 loops the audio back. Binary: `{}`. Machine: {} cores,".format(os.path.relpath(BIN, REPO), os.cpu_count()),
        "shared with other builds while this ran: 1-minute load average {:.1f} before, {:.1f} after".format(*load),
        "(the calls' own processes included).",
        "",
        "Out = frames we sent / the time our audio ran (`audio_seconds`); ticks = (frames sent +",
        "ticks skipped after stalls) / that time, i.e. the pacer's clock, which must not drift; in = echoed frames read from our stdout / time",
        "between the first and last byte. Gap = the longest pause between stdout reads after the first",
        "second: the pump hands received frames on at its 20 ms ticks, so a frame that arrives just after a",
        "tick shows as a 40 ms gap; a lost frame would show in frames/s in. Skipped = pacer ticks skipped after",
        "a stall (our send-side underruns). CPU = the skypebridge process's user+system time over wall",
        "time while the call ran, in % of one core.",
        "",
        "## One call for {} s".format(SECONDS),
        "",
        "| frames/s out | ticks/s | frames/s in | target | skipped ticks | longest gap | CPU (% of a core) |",
        "|---|---|---|---|---|---|---|",
        "| {:.3f} | {:.3f} | {:.3f} | 50.0 ± 1% ({}) | {} | {:.1f} ms | {:.2f} % |".format(
            single["out_rate"], single["tick_rate"], single["in_rate"], "met" if within(single["out_rate"]) and within(single["in_rate"]) else "missed",
            single["skipped"], single["gap_ms"], single["cpu_percent"]),
        "",
        "## {} concurrent calls for {} s (min / median / max over calls with audio)".format(len(calls), SECONDS),
        "",
        "| measure | value |",
        "|---|---|",
        "| calls completed (exit 0) | {} of {} |".format(sum(1 for call in calls if call["exit"] == 0), len(calls)),
        "| calls without audio (outcome) | {} {} |".format(len(failed), sorted(set(call["outcome"] for call in failed)) if failed else ""),
        "| frames/s out | {} |".format(spread([call["out_rate"] for call in many], "{:.3f}")),
        "| ticks/s (frames + skipped) | {} |".format(spread([call["tick_rate"] for call in many], "{:.3f}")),
        "| frames/s in | {} |".format(spread([call["in_rate"] for call in many], "{:.3f}")),
        "| calls within 50.0 ± 1% both ways | {} of {} |".format(sum(1 for call in many if within(call["out_rate"]) and within(call["in_rate"])), len(many)),
        "| skipped ticks per call | {} |".format(spread([call["skipped"] for call in many], "{}")),
        "| longest gap per call | {} ms |".format(spread([call["gap_ms"] for call in many], "{:.1f}")),
        "| CPU per call (% of a core) | {} |".format(spread([call["cpu_percent"] for call in many], "{:.2f}")),
        "| emulator CPU for all calls | {:.1f} % |".format(emulator_many),
        "",
    ]
    out = REPO / "Benchmarks/results/audio.md"
    out.write_text("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
