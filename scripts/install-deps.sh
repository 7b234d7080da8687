#!/usr/bin/env bash
# Installs what skypebridge's build and tests need on Debian 12, only when missing:
# the C libraries (libcurl, libsqlite3, libpulse), a PulseAudio daemon for audio tests, and a
# Python venv (.venv) with the interop referees skpy 0.11 and mattermostdriver 7.3.2.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(pkg-config libcurl4-openssl-dev libsqlite3-dev libpulse-dev pulseaudio pulseaudio-utils python3-venv)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! .venv/bin/python -c 'import skpy, mattermostdriver, pytest' 2>/dev/null; then
  python3 -m venv .venv 2>/dev/null || { rm -rf .venv; python3 -m venv --without-pip .venv; }
  .venv/bin/python -m ensurepip -q 2>/dev/null || true
  .venv/bin/python -m pip install -q --disable-pip-version-check -r Tests/interop/requirements.txt
fi
