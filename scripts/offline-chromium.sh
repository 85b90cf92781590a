# Sourced by scripts/render-*.sh: headless Chromium kept offline, a `render IN.html OUT.pdf
# NETLOG` function, a `check_netlog NETLOG` that counts the requests, and a canary page that
# proves the check sees requests at all. Expects $me (the script's name for messages),
# $work (a temporary folder), $chromium and $python to be set by the sourcing script.
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
      echo "$me: chromium failed on $1" >&2
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
  PAGE=0*) echo "$me: the network check did not see the canary's requests" >&2; exit 1 ;;
esac
