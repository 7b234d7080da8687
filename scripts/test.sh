#!/usr/bin/env bash
# Runs every skypebridge test: the Swift suites (unit, sandbox, CLI, integration through the real
# binary), then the Python interop suites where unmodified skpy and mattermostdriver talk to
# `skypebridge sandbox`. A headless PulseAudio (null sink, 16 kHz mono) runs for the audio tests.
#   scripts/test.sh                 everything
#   scripts/test.sh --interop-only  only the Python suites
set -uo pipefail
cd "$(dirname "$0")/.."
interop_only=false
[ "${1:-}" = "--interop-only" ] && interop_only=true

export PULSE_DIR="${TMPDIR:-/tmp}/skypebridge-pulse-$$"
start_pulse() {
  command -v pulseaudio >/dev/null || { echo "pulseaudio not installed: audio tests will be skipped"; return; }
  mkdir -p "$PULSE_DIR"
  pulseaudio -n --daemonize=yes --exit-idle-time=-1 --system=false --use-pid-file=no \
    --load="module-native-protocol-unix socket=$PULSE_DIR/native auth-anonymous=1" \
    --load="module-null-sink sink_name=sbnull rate=16000 channels=1" \
    --log-target="file:$PULSE_DIR/log" 2>/dev/null
  export PULSE_SERVER="unix:$PULSE_DIR/native"
  for _ in $(seq 40); do pactl info >/dev/null 2>&1 && break; sleep 0.25; done
  if pactl info >/dev/null 2>&1; then
    export SKYPEBRIDGE_PULSE_TEST=1
    echo "headless PulseAudio running at $PULSE_SERVER"
  else
    echo "PulseAudio did not start (see $PULSE_DIR/log): audio tests will be skipped"
  fi
}
stop_pulse() {
  [ -n "${PULSE_SERVER:-}" ] && pactl exit >/dev/null 2>&1
  rm -rf "$PULSE_DIR"
}
trap stop_pulse EXIT
start_pulse

status=0
swift build --product skypebridge || exit 1
export SKYPEBRIDGE_BIN="$PWD/.build/debug/skypebridge"
# Suites that measure real time (call audio paced at 50 frames/s, PulseAudio, streaming memory,
# reconnect windows, crash/restart) run one at a time after the others, so that on a 2-core
# machine they measure the product rather than the rest of the suite competing for the CPU.
realtime='ClientAPIAudioTests|ClientAPIAudioFailureTests|CallAudioPacingTests|CallOriginateTests|InterfaceMonitorTests|InterfacesCommandTests|CallAudioTests|PulseAudioTests|CurlTransportStreamingTests|MattermostEventStreamTests|BridgeRunReliabilityTests|AttachmentRelayTests|DemoCommandTests'
if ! $interop_only; then
  swift build --build-tests || exit 1
  log="${TMPDIR:-/tmp}/skypebridge-test-$$.log"
  echo "== Swift suites (parallel)"
  swift test --skip-build --skip "$realtime" 2>&1 | tee "$log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  echo "== Swift suites that measure real time (one at a time)"
  swift test --skip-build --no-parallel --filter "$realtime" 2>&1 | tee -a "$log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
fi

echo "== interop (skpy $(.venv/bin/python -c 'import importlib.metadata as m; print(m.version("skpy"))'), mattermostdriver $(.venv/bin/python -c 'import importlib.metadata as m; print(m.version("mattermostdriver"))'))"
.venv/bin/python -m pytest -q -p no:cacheprovider Tests/interop
rc=$?
[ $rc -eq 0 ] || status=1
# A CI log is often read from its tail: repeat every Swift failure there.
if [ -n "${log:-}" ] && [ -f "$log" ]; then
  failures=$(grep -E -A2 '^✘ Test .*(failed|recorded an issue)|^Test Case .* failed' "$log" | grep -v '^✘ Test run with' | head -80)
  if [ -n "$failures" ]; then
    echo "== Swift failures (repeated from above)"
    echo "$failures"
  fi
  rm -f "$log"
fi
exit $status
