#!/usr/bin/env bash
# Builds one libFuzzer binary per direction from the Formatting sources, runs both at once for RUNS
# executions each (default 1,000,000), and prints libFuzzer's closing "Done N runs" line and final stats.
# TARGETS="MattermostToSkype" runs one target only. Under ASan and libFuzzer the process grows by about
# 1 GB per 100,000-200,000 runs (the same conversions in a plain loop stay at 19 MB), which crossed
# libFuzzer's default 2 GB limit once; hence the 4 GB limit and the restarts every CHUNK runs below.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
runs="${RUNS:-1000000}"
out="${FUZZ_BUILD_DIR:-$root/.build-fuzz}"
read -r -a targets <<< "${TARGETS:-SkypeToMattermost MattermostToSkype}"
declare -A corpus=([SkypeToMattermost]=skype [MattermostToSkype]=mattermost)
mkdir -p "$out"
sources=("$root"/Sources/SkypeBridgeCore/Formatting/*.swift)
for target in "${targets[@]}"; do
    # ld.gold prints one harmless "Cannot export local symbol" warning per ASan symbol; keep them in a log.
    if ! swiftc -sanitize=fuzzer,address -parse-as-library -O -swift-version 6 -module-name FormattingFuzz \
        "${sources[@]}" "$here/FuzzChecks.swift" "$here/$target.swift" -o "$out/$target" 2>"$out/$target.build.log"; then
        grep -v 'Cannot export local symbol' "$out/$target.build.log" >&2
        exit 1
    fi
done
# Each target runs in processes of CHUNK executions (default 200,000) on one growing corpus until RUNS is
# reached, so that its memory starts afresh every CHUNK runs.
fuzz() {
    local target="$1" done_runs=0 status=0 chunk
    local work="$out/corpus-$target"
    mkdir -p "$work"
    cp -n "$here/corpus/${corpus[$target]}"/* "$work"/ 2>/dev/null || true
    : >"$out/$target.log"
    while [ "$done_runs" -lt "$runs" ]; do
        chunk=$(( runs - done_runs < ${CHUNK:-200000} ? runs - done_runs : ${CHUNK:-200000} ))
        "$out/$target" -runs="$chunk" -max_len=1024 -rss_limit_mb=4096 -print_final_stats=1 "$work" \
            >>"$out/$target.log" 2>&1 || return $?
        done_runs=$(( done_runs + chunk ))
    done
}
pids=()
for target in "${targets[@]}"; do
    fuzz "$target" &
    pids+=($!)
done
status=0
for index in "${!targets[@]}"; do
    target="${targets[$index]}"
    wait "${pids[$index]}" || status=$?
    echo "== $target"
    grep -E '^(Done|stat::average_exec_per_sec|stat::peak_rss_mb)' "$out/$target.log" || true
    awk '/^stat::number_of_executed_units/ { total += $2 } END { print "executions in total: " total }' "$out/$target.log"
    grep -E 'ERROR|Fatal error|SUMMARY' "$out/$target.log" >&2 || true
done
exit "$status"
