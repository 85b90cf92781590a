#!/usr/bin/env bash
# Render a debrief page (meldcode debrief --format html) to a PNG with headless Chromium,
# fully offline: a fresh profile, no background networking, and every host name resolving to
# nothing. With NETLOG=FILE set, Chromium also writes its network log there, so a test can
# check that the page made no network request.
#
#   scripts/render-debrief.sh debrief.html debrief.png [WIDTH,HEIGHT]
#
# Chromium is found as $CHROMIUM, or chromium / chromium-browser / google-chrome on PATH.
# Exit codes: 0 rendered, 2 usage or no browser, 1 the browser made no PNG.
set -euo pipefail

if [ "$#" -lt 2 ] || [ "$#" -gt 3 ]; then
  echo "usage: $0 DEBRIEF.html OUT.png [WIDTH,HEIGHT]" >&2
  exit 2
fi
html="$(realpath "$1")"
out="$(realpath -m "$2")"
size="${3:-1280,2200}"
[ -f "$html" ] || { echo "$0: not a file: $1" >&2; exit 2; }

browser="${CHROMIUM:-}"
if [ -z "$browser" ]; then
  browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
fi
[ -n "$browser" ] || { echo "$0: Chromium not found (set CHROMIUM=/path/to/chromium)" >&2; exit 2; }

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

args=(
  --headless
  --no-sandbox
  --disable-gpu
  --disable-background-networking
  --disable-component-update
  --disable-sync
  --no-first-run
  --no-default-browser-check
  --user-data-dir="$profile"
  --host-resolver-rules="MAP * ~NOTFOUND"
  --hide-scrollbars
  --window-size="$size"
  --screenshot="$out"
)
if [ -n "${NETLOG:-}" ]; then
  args+=(--log-net-log="$NETLOG" --net-log-capture-mode=Default)
fi

rm -f "$out"
"$browser" "${args[@]}" "file://$html" > "$profile/browser.log" 2>&1 || true
if [ ! -s "$out" ]; then
  echo "$0: Chromium made no PNG; its output:" >&2
  cat "$profile/browser.log" >&2
  exit 1
fi
echo "$out"
