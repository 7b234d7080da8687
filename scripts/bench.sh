#!/usr/bin/env bash
# Runs every benchmark against release builds and writes Benchmarks/results/*.md.
#   scripts/bench.sh            everything
#   scripts/bench.sh NAME...    some of: skype-web mattermost formatting skype-cli bridge send-api channels audio
# Then assembles Benchmarks/results/latest.md from the results files of this run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
command -v wrk >/dev/null || { sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo; $sudo apt-get install -y -qq wrk >/dev/null; }
selected=("$@")
[ ${#selected[@]} -gt 0 ] || selected=(skype-web mattermost formatting skype-cli bridge send-api channels audio)
# The shipped build (see `make release`); the benchmark's own product shares its build directory.
make -s release
bin="$(make -s release-bin)"
export SKYPEBRIDGE_BIN="$bin/skypebridge"
for name in "${selected[@]}"; do
  echo "== $name"
  case "$name" in
    skype-web) Benchmarks/skype-web/run.sh ;;
    mattermost) swift build -c release --static-swift-stdlib --scratch-path .build-release -Xlinker -no-pie --product mattermost-bench && "$bin/mattermost-bench" --output Benchmarks/results/mattermost.md ;;
    formatting) bash Benchmarks/formatting/run.sh ;;
    skype-cli) .venv/bin/python Benchmarks/skype-cli/bench.py ;;
    bridge) Benchmarks/bridge/run.sh ;;
    send-api) .venv/bin/python Benchmarks/send-api/bench.py ;;
    channels) .venv/bin/python Benchmarks/channels/bench.py --chats 1000 --runs 3 ;;
    audio) bash Benchmarks/audio/run.sh ;;
    *) echo "unknown benchmark: $name" >&2; exit 2 ;;
  esac
done
.venv/bin/python Benchmarks/latest.py "${selected[@]}"
