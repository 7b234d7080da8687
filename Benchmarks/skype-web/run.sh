#!/bin/sh
# Skype web emulator benchmark: POSTs/s and POST -> long-poll latency; writes Benchmarks/results/skype-web.md.
# Needs: wrk (apt-get install wrk), a Python with skpy 0.11 (PYTHON, default .venv/bin/python), and a built
# skypebridge (SKYPEBRIDGE_BIN, default .build/release/skypebridge, else .build/debug/skypebridge).
set -eu
cd "$(dirname "$0")/../.."
exec "${PYTHON:-.venv/bin/python}" Benchmarks/skype-web/bench.py "$@"
