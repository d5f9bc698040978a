#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests (test/browser/) when it is missing,
# so `npm test` works as the first command on a fresh machine. Playwright drives this
# browser; it never downloads one of its own. CHROMIUM_PATH points the tests at another
# Chromium instead.
set -euo pipefail

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium" ] && exit 0
if [ -n "${CHROMIUM_PATH:-}" ]; then
  echo "error: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable Chromium" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: the browser tests need Chromium at /usr/bin/chromium (or set CHROMIUM_PATH), and apt-get is not here to install it" >&2
  exit 1
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
  else
    echo "error: the browser tests need Debian's chromium: run \`sudo apt-get install chromium\` once" >&2
    exit 1
  fi
fi
echo "installing Debian's chromium for the browser tests …"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends chromium >/dev/null
[ -x /usr/bin/chromium ] || { echo "error: apt-get installed chromium but /usr/bin/chromium is missing" >&2; exit 1; }
