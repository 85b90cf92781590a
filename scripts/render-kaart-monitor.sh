#!/usr/bin/env bash
# Render the ketenkaart page (meldcode kaart --format html) and a monitoring report
# (meldcode monitor combine --html) with headless Chromium: a PDF and a PNG screenshot of
# each, and prove that rendering makes no network request (a canary page first shows the
# check does see requests).
#
#   scripts/render-kaart-monitor.sh [OUTDIR]          (default: build/kaart-monitor)
#
# Needs: meldcode (or MELDCODE="python -m meldcode_cli"), chromium (Debian: apt-get install
# chromium; or CHROMIUM=/path), python3. Without chromium it says so and exits 2.
# The monitoring report is made from 6 example cases signed with a throw-away key in a
# temporary home (removed afterwards). See docs/ketenkaart.md and docs/monitoring.md.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/build/kaart-monitor}"
read -r -a meldcode <<< "${MELDCODE:-meldcode}"
python="${PYTHON:-python3}"
chromium="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
if [ -z "$chromium" ]; then
  echo "render-kaart-monitor: chromium not found (Debian: apt-get install chromium)" >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
out="$(cd "$out" && pwd)"

# 1. the pages
export MELDCODE_HOME="$work/home"
printf '%s\n' "een wachtzin alleen voor dit voorbeeld" > "$work/pw"
chmod 600 "$work/pw"
"${meldcode[@]}" kaart --format html --output "$out/ketenkaart.html" 2> /dev/null
"${meldcode[@]}" init --name "Dr. A. Jansen" --role huisarts --organisation "Praktijk" \
  --passphrase-file "$work/pw" > /dev/null
for i in 1 2 3 4 5 6; do
  "${meldcode[@]}" start partnergeweld --answers "$root/examples/casus-partnergeweld.yaml" \
    --case "voorbeeld-$i" --passphrase-file "$work/pw" --yes > /dev/null
done
"${meldcode[@]}" monitor export --passphrase-file "$work/pw" --output "$work/export.json" 2> /dev/null
"${meldcode[@]}" monitor combine "$work/export.json" --html "$out/monitor.html" 2> /dev/null

# 2. and 3. headless Chromium, offline, checked with a canary page (offline-chromium.sh)
me=render-kaart-monitor
# shellcheck source=offline-chromium.sh
source "$root/scripts/offline-chromium.sh"

# 4. the pages themselves
for page in ketenkaart monitor; do
  render "$out/$page.html" "$out/$page.pdf" "$work/netlog-$page.json"
  result="$(check_netlog "$work/netlog-$page.json")"
  eval "$result"  # PAGE, BROWSER, RESOLVED, CONNECT
  if [ "$PAGE" -ne 0 ] || [ "$RESOLVED" -ne 0 ] || [ "$CONNECT" -ne 0 ]; then
    echo "render-kaart-monitor: FAILED: $page made $PAGE request(s); $RESOLVED host(s)" \
      "resolved; $CONNECT connection(s) to another host" >&2
    exit 1
  fi
  rm -rf "$work/profile"
  timeout 120 "$chromium" "${flags[@]}" --user-data-dir="$work/profile" --hide-scrollbars \
    --window-size=1000,1400 --screenshot="$out/$page.png" \
    "file://$out/$page.html" > "$work/chromium.log" 2>&1
  echo "$page: $out/$page.html, $out/$page.pdf, $out/$page.png"
done
echo "OK: no network request from either page (the canary's ${canary%% *} were seen)"
