"""Relay benchmark: `skypebridge bridge run` or its Python peer (skpy_bridge.py) against one sandbox.

Measures, per direction, the relay latency at a steady rate (Skype person → Mattermost channel,
Mattermost person → Skype chat), then peak throughput, the bridge's RSS idle and its peak, and
every lost or duplicated message. The floor of each direction is measured first without a bridge
(Skype person → Skype person; Mattermost post → its author's websocket), so the bridge's own share
is visible.

Peak throughput: `--burst` messages per direction are handed to the sandbox through its control
API in one request per chat (a backlog no client could type, arriving at the bridge through its
normal poll and websocket), first in one chat, then spread over `--burst-chats` chats; the rate is
the messages divided by the time from the first request to the last message's arrival as the
target server recorded it (Mattermost `create_at`, Skype `originalarrivaltime`). Arrivals are
read back from the servers' histories, so no receiving client shares the machine during the burst.

Usage: bench.py --bridge skypebridge|python [--rate 200] [--seconds 60] [--burst 4000]
                [--burst-chats 16] [--chats 0] [--output FILE.json]
SKYPEBRIDGE_BIN names the skypebridge binary (default .build/release/skypebridge).
"""

import argparse
import collections
import datetime
import http.client
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from watchers import MARKER, MattermostWatcher, SkypeWatcher  # noqa: E402

REPO = pathlib.Path(__file__).resolve().parents[2]
BIN = os.environ.get("SKYPEBRIDGE_BIN", str(REPO / ".build/release/skypebridge"))


class JSONConnection:
    """One keep-alive HTTP connection posting JSON (a sender thread owns one)."""

    def __init__(self, base_url, token=None):
        parsed = urllib.parse.urlparse(base_url)
        self.prefix = parsed.path.rstrip("/")
        self.connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
        self.headers = {"Content-Type": "application/json"}
        if token:
            self.headers["Authorization"] = "Bearer " + token

    def request(self, method, path, body=None):
        data = json.dumps(body) if body is not None else None
        self.connection.request(method, self.prefix + path, body=data, headers=self.headers)
        response = self.connection.getresponse()
        payload = response.read()
        if response.status >= 300:
            raise RuntimeError("{} {} → {} {}".format(method, path, response.status, payload[:200]))
        return json.loads(payload or b"null")


def account(service, username, role):
    return next(a["secret"] for a in service["accounts"] if a["username"] == username and a["role"] == role)


def rss_kib(pid, field="VmRSS"):
    with open("/proc/{}/status".format(pid)) as status:
        return next(int(line.split()[1]) for line in status if line.startswith(field + ":"))


def cpu_seconds(pid):
    """User + system CPU time the process `pid` has used so far."""
    with open("/proc/{}/stat".format(pid)) as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_until(predicate, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    raise SystemExit("benchmark: timed out waiting for " + what)


class Bench:
    def __init__(self, args):
        self.args = args
        self.work = pathlib.Path(tempfile.mkdtemp(prefix="skypebridge-relay-bench-"))
        self.config = self.work / "sandbox.toml"
        self.processes = []

    def start(self, command, **kwargs):
        process = subprocess.Popen(command, **kwargs)
        self.processes.append(process)
        return process

    def stop_all(self):
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()

    # setup -----------------------------------------------------------------------------------

    def start_sandbox(self):
        self.sandbox = sandbox = self.start([BIN, "sandbox", "--json", "--write-config", str(self.config)],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.info = json.loads(sandbox.stdout.readline())
        (self.work / "info.json").write_text(json.dumps(self.info))
        self.skype = self.info["skype"]
        self.mattermost = self.info["mattermost"]
        self.skype_control = JSONConnection(self.skype["urls"]["control"])
        self.skype_control.request("PUT", "/settings", {"pollTimeout": 5})
        self.mia_token = account(self.mattermost, "mia", "personal-access-token")
        self.mia = JSONConnection(self.mattermost["urls"]["api"], self.mia_token)
        self.mia_id = self.mia.request("GET", "/users/me")["id"]
        self.team_id = self.mia.request("GET", "/teams/name/" + self.mattermost["settings"]["team"])["id"]

    def start_watchers(self):
        self.skype_watcher = SkypeWatcher(self.skype, "alice", account(self.skype, "alice", "person"))
        self.mattermost_watcher = MattermostWatcher(self.mattermost, self.mia_token)

    def bridged_channel(self):
        """The channel the bridge uses for 8:alice (found by the Skype id in its header)."""
        for channel in self.mia.request("GET", "/teams/{}/channels?per_page=200".format(self.team_id)):
            if "8:alice" in channel.get("header", ""):
                return channel["id"]
        return None

    def bridged_channel_count(self):
        """How many channels of the team carry a Skype id in their header."""
        total, page = 0, 0
        while True:
            channels = self.mia.request("GET", "/teams/{}/channels?per_page=200&page={}".format(self.team_id, page))
            total += sum(1 for channel in channels if "8:" in channel.get("header", "") or "19:" in channel.get("header", ""))
            if len(channels) < 200:
                return total
            page += 1

    def start_bridge(self):
        if self.args.bridge == "skypebridge":
            state = self.work / "state.sqlite"
            self.bridge = self.start([BIN, "--config", str(self.config), "--state", str(state), "bridge", "run"],
                                     stdout=subprocess.DEVNULL, stderr=open(self.work / "bridge.log", "w"))
            self.channel = wait_until(lambda: self.alice_says("bench-setup") and self.bridged_channel(), 60,
                                      "bridge run to create the channel of 8:alice")
        else:
            channel = self.mia.request("POST", "/channels", {"team_id": self.team_id, "name": "skype-8-alice",
                                                             "display_name": "alice", "type": "O", "header": "8:alice"})
            self.channel = channel["id"]
            bot_id = self.mia.request("GET", "/users/username/bridge-bot")["id"]
            self.mia.request("POST", "/channels/{}/members".format(self.channel), {"user_id": bot_id})
            mapping = self.work / "mapping.json"
            mapping.write_text(json.dumps(dict(getattr(self, "burst_mapping", {}), **{"8:alice": self.channel})))
            self.bridge = self.start([sys.executable, str(pathlib.Path(__file__).with_name("skpy_bridge.py")),
                                      str(self.work / "info.json"), str(mapping)],
                                     stdout=subprocess.PIPE, stderr=open(self.work / "bridge.log", "w"), text=True)
            if self.bridge.stdout.readline().strip() != "ready":
                raise SystemExit("benchmark: the Python bridge did not start (see {})".format(self.work / "bridge.log"))
        try:
            self.mia.request("POST", "/channels/{}/members".format(self.channel), {"user_id": self.mia_id})
        except RuntimeError:
            pass
        self.warm_up()

    def alice_says(self, text):
        self.skype_control.request("POST", "/messages", {"from": "alice", "to": "bridge.bot", "content": text})
        return True

    def warm_up(self):
        for tag, send, watcher in (("warm-sm", self.send_skype, self.mattermost_watcher),
                                   ("warm-ms", self.send_mattermost(self.mia), self.skype_watcher)):
            deadline = time.monotonic() + 60
            index = 0
            while not watcher.received(tag, index):
                if time.monotonic() > deadline:
                    raise SystemExit("benchmark: no relay in direction " + tag)
                index += 1
                send("bench-{}-{}".format(tag, index))
                time.sleep(0.5)

    # senders ---------------------------------------------------------------------------------

    def send_skype(self, text, connection=None, sender="alice", to="bridge.bot"):
        (connection or self.skype_control).request("POST", "/messages", {"from": sender, "to": to, "content": text})

    def send_mattermost(self, connection):
        return lambda text: connection.request("POST", "/posts", {"channel_id": self.channel, "message": text})

    # phases ----------------------------------------------------------------------------------

    def steady(self, tag, send, watcher, rate, seconds):
        count = int(rate * seconds)
        sent = {}
        cpu = self.cpu_used()
        start = time.perf_counter()
        for index in range(count):
            target = start + index / rate
            delay = target - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            sent[index] = time.perf_counter()
            send("bench-{}-{}".format(tag, index))
        watcher.wait_for(tag, count, timeout=30)
        return dict(summarize(tag, sent, watcher), **self.cpu_per_message(cpu, count))

    def prepare_burst_chats(self, count):
        """Skype people burst.00 … (one 1:1 chat each with the bridge) and, for the Python peer,
        their channels (skypebridge makes its own once they write)."""
        self.burst_people = ["burst.{:02d}".format(index) for index in range(count)]
        self.burst_mapping = {}
        for name in self.burst_people:
            self.skype_control.request("POST", "/users", {"username": name, "password": "pw", "firstName": name})
            self.skype_control.request("POST", "/contacts", {"a": name, "b": "bridge.bot"})
            if self.args.bridge == "python":
                channel = self.mia.request("POST", "/channels", {"team_id": self.team_id, "name": "skype-8-" + name.replace(".", "-"),
                                                                 "display_name": name, "type": "O", "header": "8:" + name})
                self.burst_mapping["8:" + name] = channel["id"]
        self.mattermost_control = JSONConnection(self.mattermost["urls"]["control"])
        self.mattermost_control.request("POST", "/users", {"username": "loadgen", "password": "loadgen-pw"})

    def open_burst_chats(self):
        """Waits until every burst chat has its channel, with the bridge's bot and `loadgen` in it."""
        if self.args.bridge == "skypebridge":
            for name in self.burst_people:
                self.send_skype("hello from " + name, sender=name)
            self.burst_mapping = wait_until(lambda: self.channels_of(self.burst_people), 120, "the burst chats' channels")
        for channel in self.burst_mapping.values():
            self.mattermost_control.request("POST", "/members", {"channel_id": channel, "username": "loadgen"})
            if self.args.bridge == "python":
                self.mattermost_control.request("POST", "/members", {"channel_id": channel, "username": "bridge-bot"})

    def channels_of(self, people):
        """{"8:<person>": channel id} once every person's chat has a bridged channel, else None."""
        found, page = {}, 0
        while True:
            channels = self.mia.request("GET", "/teams/{}/channels?per_page=200&page={}".format(self.team_id, page))
            for channel in channels:
                for word in channel.get("header", "").replace("`", " ").split():
                    if word.startswith("8:burst."):
                        found[word] = channel["id"]
            if len(channels) < 200:
                break
            page += 1
        wanted = {"8:" + name: found.get("8:" + name) for name in people}
        return wanted if all(wanted.values()) else None

    def burst(self, tag, direction, people, total):
        """Hands `total` messages, split over the chats of `people`, to the sandbox at once and
        measures until the last one is relayed (see the module doc)."""
        per_chat = [list(range(index, total, len(people))) for index in range(len(people))]
        before = self.relayed_so_far(direction)
        cpu = self.cpu_used()
        start = time.time()
        for name, indices in zip(people, per_chat):
            texts = ["bench-{}-{}".format(tag, index) for index in indices]
            if direction == "sm":
                self.skype_control.request("POST", "/messages", {"from": name, "to": "bridge.bot", "contents": texts})
            else:
                self.mattermost_control.request("POST", "/posts", {"username": "loadgen", "channel_id": self.burst_mapping["8:" + name],
                                                                   "messages": texts})
        injected = time.time() - start
        wait_until(lambda: self.relayed_so_far(direction) >= before + total, 180, "the burst " + tag)
        arrivals = wait_until(lambda: self.burst_arrivals(tag, direction, people, total), 30, "the burst " + tag)
        result = {"sent": total, "chats": len(people), "injected_in_s": injected}
        result.update(burst_delivery(arrivals, per_chat, people))
        last = max(arrived for chat in arrivals.values() for _, arrived in chat)
        result["throughput_per_s"] = total / (last - start)
        result.update(self.cpu_per_message(cpu, total))
        return result

    def relayed_so_far(self, direction):
        """A cheap count that grows by one per relayed message of `direction` (and by nothing
        else during a burst): posts on the Mattermost server, or messages in the burst chats on
        Skype. Reading whole histories while waiting would cost the sandbox more and more CPU."""
        if direction == "sm":
            return self.mattermost_control.request("GET", "/state")["posts"]
        state = self.skype_control.request("GET", "/state")
        return sum(chat["messages"] for chat in state["conversations"] if any(m.startswith("burst.") for m in chat["members"]))

    def burst_arrivals(self, tag, direction, people, total):
        """{person: [(index, arrival epoch s), …] in the target's order} once `total` markers arrived."""
        arrivals, count = {}, 0
        for name in people:
            if direction == "sm":
                posts = self.mattermost_control.request("GET", "/channels/{}/posts".format(self.burst_mapping["8:" + name]))
                found = [(post.get("message", ""), post["create_at"] / 1000) for post in posts]
            else:
                messages = self.skype_control.request("GET", "/messages?user=bridge.bot&conversation=8:" + name)["messages"]
                found = [(message.get("content", ""), iso_seconds(message["originalarrivaltime"])) for message in messages]
            arrivals[name] = [(int(index), arrived) for text, arrived in found for marker, index in MARKER.findall(text) if marker == tag]
            count += len(arrivals[name])
        return arrivals if count >= total else None

    def cpu_used(self):
        """CPU seconds used so far by the sandbox and (once started) the bridge."""
        used = {"sandbox": cpu_seconds(self.sandbox.pid)}
        bridge = getattr(self, "bridge", None)
        if bridge is not None:
            used["bridge"] = cpu_seconds(bridge.pid)
        return used

    def cpu_per_message(self, before, count):
        """Milliseconds of CPU per message each process used since `before` (a cpu_used())."""
        after = self.cpu_used()
        return {"cpu_ms_per_message": {name: (after[name] - before[name]) * 1000 / count for name in before}}

    def run(self):
        args = self.args
        results = {"bridge": args.bridge, "rate": args.rate, "seconds": args.seconds, "burst": args.burst,
                   "burst_chats": args.burst_chats}
        try:
            self.start_sandbox()
            self.start_watchers()
            if args.burst:
                self.prepare_burst_chats(args.burst_chats + 1)
            floor_seconds = min(args.seconds, 10)
            results["floor_skype"] = self.steady("floor-s", lambda text: self.send_skype(text, sender="bob", to="alice"),
                                                 self.skype_watcher, args.rate, floor_seconds)
            self.start_bridge()
            time.sleep(3)
            results["rss_idle_kib"] = rss_kib(self.bridge.pid)
            results["floor_mattermost"] = self.steady("floor-m", self.send_mattermost(self.mia), self.mattermost_watcher,
                                                      args.rate, floor_seconds)
            results["skype_to_mattermost"] = self.steady("sm", self.send_skype, self.mattermost_watcher, args.rate, args.seconds)
            results["mattermost_to_skype"] = self.steady("ms", self.send_mattermost(self.mia), self.skype_watcher,
                                                         args.rate, args.seconds)
            if args.burst:
                self.open_burst_chats()
                one, spread = self.burst_people[:1], self.burst_people[1:]
                results["burst_skype_to_mattermost"] = self.burst("bsm", "sm", one, args.burst)
                results["burst_mattermost_to_skype"] = self.burst("bms", "ms", one, args.burst)
                if spread:
                    results["burst_chats_skype_to_mattermost"] = self.burst("bcsm", "sm", spread, args.burst)
                    results["burst_chats_mattermost_to_skype"] = self.burst("bcms", "ms", spread, args.burst)
            results["rss_peak_kib"] = rss_kib(self.bridge.pid, "VmHWM")
            if args.chats:
                results["chats"] = self.many_chats(args.chats)
        finally:
            self.stop_all()
        return results

    def many_chats(self, count):
        """Maps `count` more chats (one new Skype person each), then measures RSS with all of them."""
        for index in range(count):
            name = "bench.person.{}".format(index)
            self.skype_control.request("POST", "/users", {"username": name, "password": "pw", "firstName": "P{}".format(index)})
            self.skype_control.request("POST", "/contacts", {"a": name, "b": "bridge.bot"})
            self.send_skype("hello from {}".format(name), sender=name)
        wait_until(lambda: self.bridged_channel_count() >= count + 1, 120, "{} channels".format(count))
        time.sleep(3)
        return {"count": count, "rss_kib": rss_kib(self.bridge.pid), "rss_peak_kib": rss_kib(self.bridge.pid, "VmHWM")}


def summarize(tag, sent, watcher):
    arrivals = watcher.arrivals(tag)
    latencies = sorted((arrivals[i][0] - sent[i]) * 1000 for i in sent if i in arrivals)
    lost = [i for i in sent if i not in arrivals]
    duplicated = [i for i, times in arrivals.items() if len(times) > 1]
    out_of_order = watcher.out_of_order(tag)

    def pct(p):
        return latencies[min(len(latencies) - 1, int(len(latencies) * p))] if latencies else None

    return {"sent": len(sent), "received": len(latencies), "lost": len(lost), "duplicated": len(duplicated),
            "out_of_order": out_of_order, "p50_ms": pct(0.50), "p99_ms": pct(0.99),
            "mean_ms": statistics.fmean(latencies) if latencies else None}


def burst_delivery(arrivals, per_chat, people):
    """Lost, duplicated and out-of-order markers of a burst, per chat in the target's order."""
    lost = duplicated = out_of_order = 0
    for name, indices in zip(people, per_chat):
        seen = [index for index, _ in arrivals[name]]
        counts = collections.Counter(seen)
        lost += sum(1 for index in indices if index not in counts)
        duplicated += sum(1 for count in counts.values() if count > 1)
        out_of_order += sum(1 for before, after in zip(seen, seen[1:]) if after < before)
    return {"lost": lost, "duplicated": duplicated, "out_of_order": out_of_order}


def iso_seconds(text):
    """Epoch seconds of an ISO 8601 time such as 2026-12-05T04:40:00.123Z."""
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bridge", choices=["skypebridge", "python"], required=True)
    parser.add_argument("--rate", type=float, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--burst", type=int, default=4000)
    parser.add_argument("--burst-chats", type=int, default=16)
    parser.add_argument("--chats", type=int, default=0)
    parser.add_argument("--output")
    args = parser.parse_args()
    results = Bench(args).run()
    results["load_average"] = os.getloadavg()
    text = json.dumps(results, indent=2)
    if args.output:
        pathlib.Path(args.output).write_text(text)
    print(text)


if __name__ == "__main__":
    main()
