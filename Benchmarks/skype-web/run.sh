#!/bin/sh
# Skype web emulator benchmark: POSTs/s and POST -> long-poll latency; writes Benchmarks/results/skype-web.md.
# Needs: wrk (apt-get install wrk), a Python with skpy 0.11 (PYTHON, default .venv/bin/python), and a built
# skypebridge, best a release build (`swift build -c release --product skypebridge`); SKYPEBRIDGE_BIN overrides
# the default .build/release/skypebridge (else .build/debug/skypebridge, which is ~10x slower).
set -eu
cd "$(dirname "$0")/../.."
exec "${PYTHON:-.venv/bin/python}" Benchmarks/skype-web/bench.py "$@"
