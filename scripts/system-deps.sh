#!/usr/bin/env bash
# What the tests need beyond npm, installed from Debian's packages when missing (idempotent, quick
# when everything is there): Chromium for Playwright, the real IPsec daemons and parsers, Debian 11 and
# Debian 13 chroots for libreswan 4.3 / strongSwan 5.9.1 and 5.2 / 6.0.1, and the interop lab's
# user-mode-linux guest.
# Never upgrades an installed package. Needs root when something is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'install ok installed' || need_apt+=(fonts-noto-cjk)
[ -x /usr/bin/shellcheck ] || need_apt+=(shellcheck)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "system-deps: missing ${need_apt[*]}; run as root once (sudo npm test) or: sudo apt-get install ${need_apt[*]}" >&2
    exit 1
  fi
  apt-get update -q
  apt-get install -y -q --no-install-recommends --no-upgrade "${need_apt[@]}"
fi
if [ "$(id -u)" != 0 ]; then
  echo "system-deps: not root: the real-daemon checks and the interop lab need root (sudo npm test)" >&2
  exit 1
fi
tools/daemons/install.sh
# each a no-op once built (stamp file); the first build downloads a minimal Debian (1–15 min, mirror-bound)
tools/daemons/suite-check.sh trixie setup
tools/daemons/suite-check.sh bullseye setup
bash lab/setup.sh
