#!/usr/bin/env bash
# `npm test`: everything the tests need on a fresh machine, then every test.
set -euo pipefail
cd "$(dirname "$0")/.."

# What the tests need from Debian: Chromium (browser tests), Noto CJK fonts (PDF output),
# poppler-utils (reading generated PDFs back).
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
compgen -G '/usr/share/fonts/opentype/noto/NotoSerifCJK*' >/dev/null || missing+=(fonts-noto-cjk)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian packages the tests need: ${missing[*]}…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null) \
      || { echo "Could not install them. Run: sudo apt-get install -y ${missing[*]}"; exit 1; }
  else
    echo "The tests need Debian packages that are missing. Run: sudo apt-get install -y ${missing[*]}"
    exit 1
  fi
fi

echo "Type-checking…"
npx tsc --noEmit -p tsconfig.json
echo "Building the web app…"
npx vite build --logLevel warn
if [ $# -gt 0 ]; then
  npx vitest run "$@"
  exit
fi
npx vitest run --exclude 'test/e2e/**'
# Browser tests last, one at a time: each drives a real server and Chromium, and on a small
# machine running them beside the other files starves them into timeouts.
echo "Browser tests…"
npx vitest run test/e2e --maxWorkers=1
