#!/usr/bin/env bash
# Debian's Chromium and ChromeDriver for the web admin's browser tests (examples/web-admin), at
# the paths the tests use: /usr/bin/chromium and /usr/bin/chromedriver.
#
#   bash .ci/chromium.sh install   # install both from Debian's packages when one is missing (root)
#
# Selenium Manager cannot download browsers or drivers here; the tests set the driver's path.
set -euo pipefail

log() { printf 'chromium.sh: %s\n' "$*" >&2; }

installed() {
  [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]
}

install() {
  if installed; then
    log "$(/usr/bin/chromedriver --version 2>/dev/null | head -n 1) already installed"
    return
  fi
  if [[ "$(id -u)" -ne 0 ]]; then
    log "ERROR: chromium or chromedriver is missing; run as root or: apt-get install -y chromium chromium-driver"
    exit 1
  fi
  log "installing chromium and chromium-driver from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >&2
  apt-get install -y --no-install-recommends chromium chromium-driver >&2
  installed || { log "ERROR: the packages installed no /usr/bin/chromium or /usr/bin/chromedriver"; exit 1; }
  log "$(/usr/bin/chromedriver --version 2>/dev/null | head -n 1) installed"
}

case "${1:-}" in
  install) install ;;
  *)
    echo "usage: bash .ci/chromium.sh install" >&2
    exit 2
    ;;
esac
