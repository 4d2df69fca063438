#!/usr/bin/env bash
# Installs the system packages the product and its tests need (espeak-ng for offline voice,
# CJK fonts, Chromium for the phone-page tests, PostgreSQL for the center, Qt's X/EGL libraries).
# Runs apt only as root and only for what is missing; otherwise it says what to install.
set -euo pipefail
need=()
have_cmd() { command -v "$1" >/dev/null 2>&1; }
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
have_cmd espeak-ng || need+=(espeak-ng)
have_pkg libespeak-ng1 || need+=(libespeak-ng1)
have_cmd sox || need+=(sox)
# no `grep -q` after a pipe: it exits early, fc-list gets SIGPIPE and pipefail calls it missing
fc-list : family 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || need+=(fonts-noto-cjk)
have_cmd chromium || need+=(chromium)
have_cmd chromedriver || need+=(chromium-driver)
{ have_cmd initdb || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; } || need+=(postgresql)
for p in libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
         libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libnss3 libasound2; do
  have_pkg "$p" || need+=("$p")
done
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && have_cmd apt-get; then
  echo "Installing system packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  echo "Missing system packages (install them with apt as root): ${need[*]}" >&2
fi
