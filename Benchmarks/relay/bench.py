#!/usr/bin/env python3
"""`skypebridge bridge run` relay latency, throughput and memory against `skypebridge sandbox`;
writes Benchmarks/results/relay.md.

Usage: python3 Benchmarks/relay/bench.py [--rate 200] [--seconds 60] [--burst 2000] [--chats 1000]
Needs only the Python standard library and a built skypebridge: SKYPEBRIDGE_BIN, else
.build/release/skypebridge, else .build/debug/skypebridge (much slower).

One sandbox, CHATS group chats mapped first with `channels sync`, then `bridge run`:
1. idle RSS of the bridge;
2. latency: alice (Skype) and mia (Mattermost) each send RATE msg/s for SECONDS, interleaved;
   a message's latency is the receiving server's arrival time minus the sending server's
   (both emulators share one clock, in ms): Skype message id / Mattermost post create_at;
3. throughput: BURST messages each way sent as fast as the control APIs take them; relay rate
   = BURST / (last arrival - first send), per direction;
4. peak RSS during 2 and 3, and the bridge's own relay latency histogram (outbox write →
   confirmed send) from /metrics.
"""
import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
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


def call(method, url, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read() or b"{}")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class Sandbox:
    def __init__(self, skypebridge, directory):
        self.config = os.path.join(directory, "sb.toml")
        self.process = subprocess.Popen([skypebridge, "sandbox", "--json", "--write-config", self.config],
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        urls = {name: info["urls"] for name, info in json.loads(self.process.stdout.readline()).items()}
        self.skype = urls["skype"]["control"]
        self.mattermost = urls["mattermost"]["control"]

    def skype_says(self, sender, content, to="bridge.bot"):
        return call("POST", self.skype + "/messages", {"from": sender, "to": to, "content": content})

    def mattermost_says(self, user, message, channel):
        return call("POST", self.mattermost + "/posts", {"username": user, "channel": channel, "message": message})

    def skype_messages(self, user, conversation):
        query = urllib.parse.urlencode({"user": user, "conversation": conversation})
        return call("GET", f"{self.skype}/messages?{query}")["messages"]

    def channel_id(self, name):
        for channel in call("GET", self.mattermost + "/state")["channels"]:
            if channel["name"] == name:
                return channel["id"]
        return None

    def posts(self, channel_id):
        return call("GET", f"{self.mattermost}/channels/{channel_id}/posts")

    def stop(self):
        self.process.terminate()
        self.process.wait()


def paced(count, rate, send):
    start = time.monotonic()
    for index in range(count):
        delay = start + index / rate - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        send(index)


def in_parallel(*jobs):
    threads = [threading.Thread(target=job) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def arrivals(sandbox, channel, tag):
    """Arrival times (ms) of tag-numbered relays: Skype → Mattermost and Mattermost → Skype."""
    to_mattermost = {}
    for post in sandbox.posts(channel):
        match = re.fullmatch(rf"{tag}-sk-(\d+)", post["message"])
        if match and post["delete_at"] == 0:
            to_mattermost.setdefault(int(match.group(1)), post["create_at"])
    to_skype = {}
    for message in sandbox.skype_messages("alice", "8:bridge.bot"):
        match = re.search(rf"\] {tag}-mm-(\d+)$", message["content"])
        if match and message["from"].endswith("/8:bridge.bot"):
            to_skype.setdefault(int(match.group(1)), int(message["id"]))
    return to_mattermost, to_skype


def wait_for(sandbox, channel, tag, count, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        to_mattermost, to_skype = arrivals(sandbox, channel, tag)
        if len(to_mattermost) >= count and len(to_skype) >= count:
            return to_mattermost, to_skype
        time.sleep(0.5)
    to_mattermost, to_skype = arrivals(sandbox, channel, tag)
    raise SystemExit(f"{tag}: only {len(to_mattermost)} → Mattermost and {len(to_skype)} → Skype of {count} arrived")


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def run(args):
    skypebridge = binary()
    directory = tempfile.mkdtemp(prefix="skypebridge-relay-bench-")
    sandbox = Sandbox(skypebridge, directory)
    bridge = None
    try:
        port = free_port()
        with open(sandbox.config, "a") as config:
            config.write(f'\n[bridge]\ndrain_timeout = "10s"\n\n[http]\nenabled = true\nlisten = "127.0.0.1:{port}"\n')
        options = ["--config", sandbox.config, "--state", os.path.join(directory, "state.sqlite")]
        for number in range(args.chats):
            call("POST", sandbox.skype + "/threads", {"creator": "bridge.bot", "members": ["alice"], "topic": f"Chat {number:04d}"})
        sandbox.skype_says("alice", "start")
        subprocess.run([skypebridge, *options, "channels", "sync"], check=True, capture_output=True)
        log = open(os.path.join(directory, "bridge.log"), "w")
        bridge = subprocess.Popen([skypebridge, *options, "-v", "bridge", "run"], stdout=subprocess.DEVNULL, stderr=log)
        deadline = time.monotonic() + 60
        while "bridge running" not in open(log.name).read():
            if time.monotonic() > deadline or bridge.poll() is not None:
                raise SystemExit("bridge run did not start: " + open(log.name).read()[-2000:])
            time.sleep(0.2)
        channel = sandbox.channel_id("skype-8-alice")
        time.sleep(3)
        figures = {"idle_rss_kib": rss_kib(bridge.pid), "mapped_chats": args.chats + 1}
        peak = [figures["idle_rss_kib"]]
        sampling = [True]

        def sample():
            while sampling[0]:
                peak[0] = max(peak[0], rss_kib(bridge.pid))
                time.sleep(0.2)

        sampler = threading.Thread(target=sample)
        sampler.start()
        count = args.rate * args.seconds
        sent_skype, sent_mattermost = {}, {}

        def skype_job(index):
            sent_skype[index] = sandbox.skype_says("alice", f"lat-sk-{index}")["arrival"]

        def mattermost_job(index):
            sent_mattermost[index] = sandbox.mattermost_says("mia", f"lat-mm-{index}", "skype-8-alice")["create_at"]

        in_parallel(lambda: paced(count, args.rate, skype_job), lambda: paced(count, args.rate, mattermost_job))
        to_mattermost, to_skype = wait_for(sandbox, channel, "lat", count, 120)
        figures["latency_to_mattermost_ms"] = [to_mattermost[i] - sent_skype[i] for i in range(count)]
        figures["latency_to_skype_ms"] = [to_skype[i] - sent_mattermost[i] for i in range(count)]

        burst_skype, burst_mattermost = {}, {}

        def burst(send, store, tag):
            def job():
                for index in range(args.burst):
                    store[index] = send(index)
            return job

        in_parallel(
            burst(lambda i: sandbox.skype_says("alice", f"bur-sk-{i}")["arrival"], burst_skype, "sk"),
            burst(lambda i: sandbox.mattermost_says("mia", f"bur-mm-{i}", "skype-8-alice")["create_at"], burst_mattermost, "mm"))
        to_mattermost, to_skype = wait_for(sandbox, channel, "bur", args.burst, 300)
        figures["throughput_to_mattermost"] = args.burst / max(0.001, (max(to_mattermost.values()) - min(burst_skype.values())) / 1000)
        figures["throughput_to_skype"] = args.burst / max(0.001, (max(to_skype.values()) - min(burst_mattermost.values())) / 1000)
        figures["send_rate_skype"] = args.burst / max(0.001, (max(burst_skype.values()) - min(burst_skype.values())) / 1000)
        figures["send_rate_mattermost"] = args.burst / max(0.001, (max(burst_mattermost.values()) - min(burst_mattermost.values())) / 1000)
        sampling[0] = False
        sampler.join()
        figures["peak_rss_kib"] = peak[0]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics") as response:
            figures["metrics"] = response.read().decode()
        return figures
    finally:
        if bridge is not None:
            bridge.terminate()
            bridge.wait()
        sandbox.stop()
        shutil.rmtree(directory, ignore_errors=True)


def histogram_quantile(metrics, direction, fraction):
    buckets = []
    for line in metrics.splitlines():
        match = re.match(rf'skypebridge_relay_latency_seconds_bucket\{{direction="{direction}",le="([^"]+)"\}} (\d+)', line)
        if match:
            buckets.append((float("inf") if match.group(1) == "+Inf" else float(match.group(1)), int(match.group(2))))
    total = buckets[-1][1] if buckets else 0
    for bound, cumulative in buckets:
        if total and cumulative >= fraction * total:
            return bound
    return float("nan")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rate", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--burst", type=int, default=2000)
    parser.add_argument("--chats", type=int, default=1000)
    parser.add_argument("--output", default=os.path.join(ROOT, "Benchmarks", "results", "relay.md"))
    args = parser.parse_args()
    figures = run(args)
    lines = [
        "# bridge run relay benchmark",
        "",
        f"Command: `python3 Benchmarks/relay/bench.py --rate {args.rate} --seconds {args.seconds} --burst {args.burst} --chats {args.chats}`",
        f"Binary: `{os.path.relpath(binary(), ROOT)}`; machine: {os.cpu_count()} cores shared with other builds; "
        f"date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.",
        "",
        "| figure | Skype → Mattermost | Mattermost → Skype | target |",
        "|---|---|---|---|",
    ]
    for name, fraction, target in (("p50", 0.5, "< 5 ms beyond the floor"), ("p99", 0.99, "< 25 ms beyond the floor")):
        a = percentile(figures["latency_to_mattermost_ms"], fraction)
        b = percentile(figures["latency_to_skype_ms"], fraction)
        lines.append(f"| end-to-end latency {name} at {args.rate} msg/s each way (ms) | {a} | {b} | {target} |")
    for name, fraction in (("p50", 0.5), ("p99", 0.99)):
        a = histogram_quantile(figures["metrics"], "skype_to_mattermost", fraction) * 1000
        b = histogram_quantile(figures["metrics"], "mattermost_to_skype", fraction) * 1000
        lines.append(f"| bridge-internal latency {name} (outbox write → send confirmed, bucket bound, ms) | ≤ {a:g} | ≤ {b:g} | |")
    lines.append(f"| relay throughput, {args.burst} sent each way at once (msg/s) | {figures['throughput_to_mattermost']:.0f} | "
                 f"{figures['throughput_to_skype']:.0f} | ≥ 2,000 |")
    lines.append(f"| rate the control APIs accepted the burst (msg/s, an upper bound for the above) | {figures['send_rate_skype']:.0f} | "
                 f"{figures['send_rate_mattermost']:.0f} | |")
    lines.append(f"| bridge RSS idle, {figures['mapped_chats']} mapped chats (MiB) | {figures['idle_rss_kib'] / 1024:.1f} | | < 30 |")
    lines.append(f"| bridge RSS peak under load (MiB) | {figures['peak_rss_kib'] / 1024:.1f} | | < 60 |")
    lines.append("")
    lines.append("End-to-end latency is the receiving emulator's arrival time minus the sending emulator's, so it "
                 "includes the emulators' own delivery (Skype long-poll wake-up, Mattermost WebSocket fan-out) — the floor.")
    text = "\n".join(lines) + "\n"
    os.makedirs(os.path.dirname(args.output), exist_ok=True)
    with open(args.output, "w") as output:
        output.write(text)
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
