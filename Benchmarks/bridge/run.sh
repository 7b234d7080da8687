#!/usr/bin/env bash
# Relay benchmark: `skypebridge bridge run` and the skpy + mattermostdriver peer, same harness,
# same kind of sandbox, one after the other; writes Benchmarks/results/bridge.md.
# Options via env: RATE (200), SECONDS_PER_DIRECTION (60), BURST (4000), CHATS (1000).
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${SKYPEBRIDGE_BIN:=.build/release/skypebridge}"
export SKYPEBRIDGE_BIN
python=.venv/bin/python
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
common=(--rate "${RATE:-200}" --seconds "${SECONDS_PER_DIRECTION:-60}" --burst "${BURST:-4000}")
"$python" Benchmarks/bridge/bench.py --bridge skypebridge "${common[@]}" --chats "${CHATS:-1000}" --output "$work/ours.json" > /dev/null
"$python" Benchmarks/bridge/bench.py --bridge python "${common[@]}" --output "$work/peer.json" > /dev/null
"$python" Benchmarks/bridge/report.py "$work/ours.json" "$work/peer.json" "bash Benchmarks/bridge/run.sh"
