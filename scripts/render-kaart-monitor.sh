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
      echo "render-kaart-monitor: chromium failed on $1" >&2
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
  PAGE=0*) echo "render-kaart-monitor: the network check did not see the canary's requests" >&2; exit 1 ;;
esac

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
