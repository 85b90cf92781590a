#!/usr/bin/env bash
# Render the draft melding of the built-in example case with headless Chromium: a PDF on A4
# pages and a PNG of the first page, and prove that rendering makes no network request.
#
#   scripts/render-report.sh [OUTDIR]          (default: build/report)
#
# Needs: meldcode (or MELDCODE="python -m meldcode_cli"), Debian's chromium
# (apt-get install chromium; or CHROMIUM=/path), python3; pdftoppm (poppler-utils) for the
# PNG of the PDF's first page, else a screenshot of the page is taken instead.
# Nothing is written outside OUTDIR and a temporary folder (the case, the key and the browser
# profile live there and are removed). See docs/report.md.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/build/report}"
read -r -a meldcode <<< "${MELDCODE:-meldcode}"
python="${PYTHON:-python3}"
chromium="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
if [ -z "$chromium" ]; then
  echo "render-report: chromium not found (Debian: apt-get install chromium)" >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
out="$(cd "$out" && pwd)"

# 1. the example case, walked and signed with a throw-away profile and key
export MELDCODE_HOME="$work/home"
printf '%s\n' "een wachtzin alleen voor dit voorbeeld" > "$work/pw"
chmod 600 "$work/pw"
"${meldcode[@]}" init --name "Dr. A. Jansen" --role huisarts \
  --organisation "Huisartsenpraktijk De Linde" --contact "030-2345678" \
  --passphrase-file "$work/pw" > /dev/null
"${meldcode[@]}" start partnergeweld --answers "$root/examples/casus-partnergeweld.yaml" \
  --case voorbeeld --passphrase-file "$work/pw" --yes > /dev/null
"${meldcode[@]}" report voorbeeld --format html \
  --betrokkenen "$root/examples/betrokkenen-partnergeweld.yaml" \
  --output "$out/concept-melding.html" 2> /dev/null

# 2. and 3. headless Chromium, offline, checked with a canary page (offline-chromium.sh)
me=render-report
# shellcheck source=offline-chromium.sh
source "$root/scripts/offline-chromium.sh"

# 4. the report itself
render "$out/concept-melding.html" "$out/concept-melding.pdf" "$work/netlog.json"
result="$(check_netlog "$work/netlog.json")"
eval "$result"  # PAGE, BROWSER, RESOLVED, CONNECT
if [ "$PAGE" -ne 0 ] || [ "$RESOLVED" -ne 0 ] || [ "$CONNECT" -ne 0 ]; then
  echo "render-report: FAILED: the page made $PAGE request(s); $RESOLVED host(s) resolved;" \
    "$CONNECT connection(s) to another host" >&2
  exit 1
fi

# 5. a PNG of the first page
if command -v pdftoppm > /dev/null; then
  pdftoppm -png -r 110 -f 1 -l 1 -singlefile "$out/concept-melding.pdf" "$out/concept-melding-p1"
  png_note="first page of the PDF"
else
  rm -rf "$work/profile"
  timeout 120 "$chromium" "${flags[@]}" --user-data-dir="$work/profile" --hide-scrollbars \
    --window-size=794,1123 --screenshot="$out/concept-melding-p1.png" \
    "file://$out/concept-melding.html" > "$work/chromium.log" 2>&1
  png_note="screenshot of the page (install poppler-utils for the PDF's first page)"
fi

pages="$("$python" -c 'import re,sys; print(len(re.findall(rb"/Type\s*/Page\b", open(sys.argv[1],"rb").read())))' "$out/concept-melding.pdf")"
echo "HTML: $out/concept-melding.html"
echo "PDF:  $out/concept-melding.pdf ($pages A4 page(s))"
echo "PNG:  $out/concept-melding-p1.png ($png_note)"
echo "OK: no network request: the page made none (the canary's ${canary%% *} were seen);" \
  "$BROWSER Chromium background request(s) went nowhere (no host resolved, no connection)"
