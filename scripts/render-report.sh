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
  --case voorbeeld --passphrase-file "$work/pw" > /dev/null
"${meldcode[@]}" report voorbeeld --format html \
  --betrokkenen "$root/examples/betrokkenen-partnergeweld.yaml" \
  --output "$out/concept-melding.html" 2> /dev/null

# 2. headless Chromium, offline: every host resolves to nothing and every request goes to a
#    proxy that does not exist; the net log records every request that is attempted
flags=(
  --headless --no-sandbox --disable-gpu --disable-dev-shm-usage
  --disable-background-networking --disable-component-update --disable-sync
  --no-first-run --no-default-browser-check --disable-default-apps --disable-extensions
  --disable-breakpad --no-pings --disable-domain-reliability
  --disable-features=NetworkTimeServiceQuerying,OptimizationHints,MediaRouter,Translate
  "--host-resolver-rules=MAP * ~NOTFOUND" --proxy-server=http://127.0.0.1:9
)

render() {  # render HTML_FILE PDF_FILE NETLOG
  rm -rf "$work/profile"
  timeout 120 "$chromium" "${flags[@]}" --user-data-dir="$work/profile" \
    --log-net-log="$3" --net-log-capture-mode=Default \
    --no-pdf-header-footer --print-to-pdf="$2" "file://$1" > "$work/chromium.log" 2>&1 || {
      cat "$work/chromium.log" >&2
      echo "render-report: chromium failed on $1" >&2
      exit 1
    }
}

check_netlog() {  # check_netlog NETLOG -> prints "PAGE=<n> BROWSER=<n> RESOLVED=<n> CONNECT=<n>"
  "$python" - "$1" <<'PY'
import json, sys
log = json.load(open(sys.argv[1], encoding="utf-8"))
names = {v: k for k, v in log["constants"]["logEventTypes"].items()}
page, browser, resolved, connects = [], [], 0, []
for e in log["events"]:
    kind, params = names.get(e["type"], ""), e.get("params") or {}
    url = str(params.get("url", ""))
    if kind == "URL_REQUEST_START_JOB" and url.split(":", 1)[0] in ("http", "https", "ws", "wss", "ftp"):
        # requests the page makes carry its origin ("null" for a file); Chromium's own
        # background requests carry "not an origin"
        (browser if params.get("initiator") == "not an origin" else page).append(url)
    if kind == "HOST_RESOLVER_MANAGER_REQUEST" and e.get("phase") == 2 and not params.get("net_error"):
        resolved += 1
    if kind in ("TCP_CONNECT", "TCP_CONNECT_ATTEMPT") and params.get("address"):
        if not str(params["address"]).startswith(("127.", "[::1]")):
            connects.append(str(params["address"]))
for url in page:
    print("page request:", url, file=sys.stderr)
for addr in connects:
    print("connection to:", addr, file=sys.stderr)
print(f"PAGE={len(page)} BROWSER={len(browser)} RESOLVED={resolved} CONNECT={len(connects)}")
PY
}

# 3. first prove that the check sees a page's requests: a canary page that loads two things
cat > "$work/canary.html" <<'HTML'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>canary</title>
<link rel="stylesheet" href="https://canary.invalid/style.css"></head>
<body><p>canary</p><img src="http://canary.invalid/pixel.png" alt=""></body></html>
HTML
render "$work/canary.html" "$work/canary.pdf" "$work/canary-netlog.json"
canary="$(check_netlog "$work/canary-netlog.json" 2> /dev/null)"
case "$canary" in
  PAGE=0*) echo "render-report: the network check did not see the canary's requests" >&2; exit 1 ;;
esac

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
