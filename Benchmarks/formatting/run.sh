#!/usr/bin/env bash
# Builds the formatting benchmark with -O from the Formatting sources and writes
# Benchmarks/results/formatting.md (ITERATIONS, default 2000, sets the runs per conversion).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${BENCH_BUILD_DIR:-$root/.build-bench}"
mkdir -p "$out" "$root/Benchmarks/results"
swiftc -O -swift-version 6 -module-name FormattingBenchmark \
    "$root"/Sources/SkypeBridgeCore/Formatting/*.swift "$here/main.swift" -o "$out/formatting-benchmark"
report="$root/Benchmarks/results/formatting.md"
"$out/formatting-benchmark" > "$report.tmp"
{
    cat "$report.tmp"
    echo
    echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) while running;"
    echo "$(swiftc --version 2>&1 | head -n1); $(date -u '+%Y-%m-%d %H:%M UTC')."
    echo
    echo "Command: \`bash Benchmarks/formatting/run.sh\`"
} > "$report"
rm -f "$report.tmp"
cat "$report"
