#!/usr/bin/env bash
# Builds one libFuzzer binary per direction from the Formatting sources and runs each for RUNS executions
# (default 1,000,000), printing libFuzzer's closing "Done N runs" line and final stats for each.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
runs="${RUNS:-1000000}"
out="${FUZZ_BUILD_DIR:-$root/.build-fuzz}"
mkdir -p "$out"
sources=("$root"/Sources/SkypeBridgeCore/Formatting/*.swift)
for target in SkypeToMattermost MattermostToSkype; do
    # ld.gold prints one harmless "Cannot export local symbol" warning per ASan symbol; keep them in a log.
    if ! swiftc -sanitize=fuzzer,address -parse-as-library -O -swift-version 6 -module-name FormattingFuzz \
        "${sources[@]}" "$here/FuzzChecks.swift" "$here/$target.swift" -o "$out/$target" 2>"$out/$target.build.log"; then
        grep -v 'Cannot export local symbol' "$out/$target.build.log" >&2
        exit 1
    fi
done
run() {
    local target="$1" corpus="$2" status=0
    local work="$out/corpus-$target"
    mkdir -p "$work"
    cp -n "$here/corpus/$corpus"/* "$work"/ 2>/dev/null || true
    echo "== $target"
    "$out/$target" -runs="$runs" -max_len=1024 -print_final_stats=1 "$work" >"$out/$target.log" 2>&1 || status=$?
    grep -E '^(Done|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb)' "$out/$target.log" || true
    if [ "$status" -ne 0 ]; then
        tail -n 40 "$out/$target.log" >&2
        return "$status"
    fi
}
run SkypeToMattermost skype
run MattermostToSkype mattermost
