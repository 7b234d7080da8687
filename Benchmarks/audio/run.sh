#!/usr/bin/env bash
# Call audio benchmark against a release build: frames/s each way over 60 s, CPU per active
# call, and 36 concurrent calls. Writes Benchmarks/results/audio.md.
#   Benchmarks/audio/run.sh                       build release, then run
#   SKYPEBRIDGE_BIN=path Benchmarks/audio/run.sh  use that binary
#   BENCH_SECONDS=60 BENCH_CALLS=36               call length and concurrent calls (defaults)
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${SKYPEBRIDGE_BIN:-}" ]; then
  swift build -c release --product skypebridge
  export SKYPEBRIDGE_BIN="$PWD/.build/release/skypebridge"
fi
python3 Benchmarks/audio/bench.py
