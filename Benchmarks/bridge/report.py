"""Writes Benchmarks/results/bridge.md from the JSON of bench.py runs (skypebridge and python)."""

import datetime
import json
import pathlib
import sys

REPO = pathlib.Path(__file__).resolve().parents[2]


def fmt(value, unit="", digits=1):
    return "—" if value is None else "{:.{}f}{}".format(value, digits, unit)


def main():
    ours = json.loads(pathlib.Path(sys.argv[1]).read_text())
    peer = json.loads(pathlib.Path(sys.argv[2]).read_text())
    command = sys.argv[3] if len(sys.argv) > 3 else "bash Benchmarks/bridge/run.sh"
    lines = [
        "# bridge run vs a skpy + mattermostdriver Python bridge",
        "",
        "Measured {} UTC with `{}`. Both bridges run against one fresh `skypebridge sandbox` each, driven by the same",
        "harness (Benchmarks/bridge/bench.py): a steady {} msg/s for {} s per direction, then a burst of",
        "{} messages per direction handed to the sandbox at once, in one chat and then spread over {} chats.",
        "Latency runs from the sender's request to the receiver's event (skpy event loop on Skype,",
        "mattermostdriver websocket on Mattermost); throughput from the first message handed over to the",
        "last one's arrival as the target server recorded it.",
        "",
        "| measure | skypebridge | Python peer | ratio (peer / ours) | target |",
        "|---|---|---|---|---|",
    ]
    lines[2] = lines[2].format(datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M"), command)
    lines[3] = lines[3].format(ours["rate"], ours["seconds"])
    lines[4] = lines[4].format(ours["burst"], ours.get("burst_chats", 0))

    def row(name, ours_value, peer_value, unit, target, higher_is_better=False, digits=1):
        ratio = None
        if ours_value and peer_value:
            ratio = ours_value / peer_value if higher_is_better else peer_value / ours_value
        lines.append("| {} | {} | {} | {} | {} |".format(name, fmt(ours_value, unit, digits), fmt(peer_value, unit, digits),
                                                       "—" if ratio is None else "{:.1f}x".format(ratio), target))

    for key, label in (("skype_to_mattermost", "Skype → Mattermost"), ("mattermost_to_skype", "Mattermost → Skype")):
        floor = ours["floor_skype" if key.startswith("skype") else "floor_mattermost"]
        row(label + " latency p50", ours[key]["p50_ms"], peer[key]["p50_ms"], " ms", "< 5 ms beyond the floor ({:.1f} ms)".format(floor["p50_ms"]))
        row(label + " latency p99", ours[key]["p99_ms"], peer[key]["p99_ms"], " ms", "< 25 ms beyond the floor ({:.1f} ms)".format(floor["p99_ms"]))
    bursts = (("burst_skype_to_mattermost", "Skype → Mattermost, one chat"), ("burst_mattermost_to_skype", "Mattermost → Skype, one chat"),
                 ("burst_chats_skype_to_mattermost", "Skype → Mattermost, {} chats"), ("burst_chats_mattermost_to_skype", "Mattermost → Skype, {} chats"))
    bursts = [(key, label.format(ours.get("burst_chats", 0))) for key, label in bursts]
    for key, label in bursts:
        if key in ours and key in peer:
            target = "≥ 2,000 msg/s (peak)" if "chats" in key else "— (in order: one send at a time per chat)"
            row("throughput, " + label, ours[key].get("throughput_per_s"), peer[key].get("throughput_per_s"), " msg/s", target, True)
    for key, label in [("skype_to_mattermost", "Skype → Mattermost, 200 msg/s"), ("mattermost_to_skype", "Mattermost → Skype, 200 msg/s")] + bursts:
        if key in ours and key in peer and "cpu_ms_per_message" in ours[key]:
            row("bridge CPU per message, " + label, ours[key]["cpu_ms_per_message"]["bridge"], peer[key]["cpu_ms_per_message"]["bridge"],
                " ms", "sandbox: {:.2f} ms".format(ours[key]["cpu_ms_per_message"]["sandbox"]), digits=2)
    row("RSS idle", ours["rss_idle_kib"] / 1024, peer["rss_idle_kib"] / 1024, " MB", "< 30 MB")
    row("RSS peak", ours["rss_peak_kib"] / 1024, peer["rss_peak_kib"] / 1024, " MB", "< 60 MB (1,000 chats)")
    if "chats" in ours:
        lines.append("| RSS with {} mapped chats | {} | — | — | < 60 MB |".format(ours["chats"]["count"], fmt(ours["chats"]["rss_kib"] / 1024, " MB")))
    lines += ["", "CPU per message is user + system time of the bridge process (and of the sandbox, which also serves",
              "the harness's senders and receivers) over the phase, divided by the messages sent; the sandbox and",
              "the bridge share the machine's two cores.", "",
              "Peak throughput is the relay over many chats at once. Within one chat the bridge sends each",
              "message once the previous one is accepted (that is what keeps a chat in order on the other",
              "side), so one chat's rate is bounded by the round trip to the target server, not by the bridge's CPU.", ""]
    lines += ["Delivery (lost / duplicated / out of order per chat):", ""]
    for name, result in (("skypebridge", ours), ("Python peer", peer)):
        parts = []
        for key in ["skype_to_mattermost", "mattermost_to_skype"] + [key for key, _ in bursts]:
            if key in result:
                parts.append("{} {}/{}/{} of {}".format(key.replace("_", " "), result[key]["lost"], result[key]["duplicated"],
                                                         result[key]["out_of_order"], result[key]["sent"]))
        lines.append("- {}: {}".format(name, "; ".join(parts)))
    lines += ["", "Load average during the runs: skypebridge {}, peer {} (2 cores).".format(
        " ".join("{:.2f}".format(v) for v in ours["load_average"]), " ".join("{:.2f}".format(v) for v in peer["load_average"])), ""]
    out = REPO / "Benchmarks/results/bridge.md"
    out.write_text("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
