#!/usr/bin/env bash
# `npm test`: everything the tests need on a fresh machine, then every test.
# Browser tests drive Debian's Chromium (/usr/bin/chromium). When it is missing and we are
# root, it is installed from Debian's packages; otherwise we stop with the one command to run.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium for the browser tests…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null) \
      || { echo "Could not install chromium. Run: sudo apt-get install -y chromium fonts-noto-cjk"; exit 1; }
  else
    echo "Browser tests need Debian's Chromium. Run: sudo apt-get install -y chromium fonts-noto-cjk"
    exit 1
  fi
fi

echo "Type-checking…"
npx tsc --noEmit -p tsconfig.json
echo "Building the web app…"
npx vite build --logLevel warn
npx vitest run "$@"
