"""Skype web emulator benchmark: message POST throughput (wrk) and POST -> long-poll latency.

Starts `skypebridge sandbox --json`, logs two seeded users in with skpy, runs wrk against the
message POST endpoint, then measures the time from sending a POST to the receiver's waiting
long-poll returning the event, and writes Benchmarks/results/skype-web.md.
"""

import http.client
import json
import os
import pathlib
import platform
import re
import signal
import statistics
import subprocess
import sys
import time
import urllib.parse

from skpy import Skype, SkypeConnection

REPO = pathlib.Path(__file__).resolve().parents[2]
DURATION = int(os.environ.get("BENCH_SECONDS", "10"))
SAMPLES = int(os.environ.get("BENCH_SAMPLES", "2000"))


def binary():
    if os.environ.get("SKYPEBRIDGE_BIN"):
        return os.environ["SKYPEBRIDGE_BIN"]
    release = REPO / ".build" / "release" / "skypebridge"
    return str(release if release.exists() else REPO / ".build" / "debug" / "skypebridge")


def login(urls, user, password):
    SkypeConnection.API_LOGIN = urls["login"]
    SkypeConnection.API_MSACC = urls["msacc"]
    SkypeConnection.API_EDGE = urls["edge"]
    SkypeConnection.API_USER = urls["api"]
    SkypeConnection.API_MSGSHOST = urls["messaging"]
    return Skype(user, password).conn.tokens["reg"]


def request(conn, method, path, reg, body=None):
    headers = {"RegistrationToken": reg}
    if body is not None:
        headers["Content-Type"] = "application/json"
    conn.request(method, path, body=body, headers=headers)
    resp = conn.getresponse()
    return resp.status, resp.read()


def throughput(urls, reg):
    target = urls["messaging"] + "/users/ME/conversations/8:bob/messages"
    script = str(pathlib.Path(__file__).with_name("post.lua"))
    out = subprocess.run(["wrk", "-t2", "-c16", "-d{}s".format(DURATION), "-s", script, target],
                         env=dict(os.environ, SKYPE_REG=reg), capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rate, int(non2xx.group(1)) if non2xx else 0, out


def latency(urls, alice_reg, bob_reg):
    base = urllib.parse.urlsplit(urls["messaging"])
    poller = http.client.HTTPConnection(base.hostname, base.port)
    sender = http.client.HTTPConnection(base.hostname, base.port)
    poll_path = "/v1/users/ME/endpoints/SELF/subscriptions/0/poll"
    request(poller, "POST", "/v1/users/ME/endpoints/SELF/subscriptions", bob_reg, json.dumps({"interestedResources": [], "channelType": "HttpLongPoll"}))
    while json.loads(request(poller, "POST", poll_path, bob_reg)[1]).get("eventMessages"):
        pass
    samples = []
    for i in range(SAMPLES):
        # One thread, no hand-offs: send the poll, let it park, send the POST, then read the poll's answer.
        poller.request("POST", poll_path, headers={"RegistrationToken": bob_reg})
        time.sleep(0.003)
        body = json.dumps({"messagetype": "Text", "contenttype": "text", "content": "ping %d" % i, "clientmessageid": str(i)})
        started = time.perf_counter()
        sender.request("POST", "/v1/users/ME/conversations/8:bob/messages", body=body,
                       headers={"RegistrationToken": alice_reg, "Content-Type": "application/json"})
        events = json.loads(poller.getresponse().read()).get("eventMessages", [])
        arrived = time.perf_counter()
        posted = sender.getresponse()
        posted.read()
        assert posted.status == 201 and events, (posted.status, events)
        samples.append((arrived - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.99) - 1], samples[-1]


def main():
    proc = subprocess.Popen([binary(), "sandbox", "--json"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        urls = json.loads(proc.stdout.readline())["skype"]["urls"]
        alice = login(urls, "alice", "alice-pass")
        bob = login(urls, "bob", "bob-pass")
        rate, failures, wrk_out = throughput(urls, alice)
        p50, p99, worst = latency(urls, alice, bob)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=15)
    cores = os.cpu_count()
    report = """# Skype web emulator benchmark

Command: `Benchmarks/skype-web/run.sh` (binary: `{binary}`), {date}, {cores} cores ({machine}),
shared with other builds at the time of the run.

| measure | result | target |
|---|---|---|
| message POSTs/s (wrk, 2 threads, 16 connections, {duration} s; each POST also queues events for both users) | **{rate:,.0f}** ({failures} non-2xx) | ≥ 5,000 |
| POST → waiting long-poll event, p50 | **{p50:.3f} ms** | — |
| POST → waiting long-poll event, p99 | **{p99:.3f} ms** | < 2 ms |
| POST → waiting long-poll event, max | {worst:.3f} ms | — |

Latency: {samples} sequential samples from one Python thread: a keep-alive poll is sent on bob's
endpoint and left to park for 3 ms, then alice's POST is written on a second keep-alive connection;
the time runs from just before the POST is written to the moment the poll's response body has been
read and decoded (client overhead included).

<details><summary>wrk output</summary>

```
{wrk}
```
</details>
""".format(binary=os.path.relpath(binary(), REPO), date=time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), cores=cores,
           machine=platform.machine(), duration=DURATION, rate=rate, failures=failures, p50=p50, p99=p99, worst=worst,
           samples=SAMPLES, wrk=wrk_out.strip())
    out = REPO / "Benchmarks" / "results" / "skype-web.md"
    out.write_text(report)
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
