#!/usr/bin/env bash
# Build the wheel, install it in a fresh venv (no checkout on sys.path), and run the installed
# `meldcode` against a protocol outside the checkout: validate (one file, and the protocols
# inside the wheel), one --answers walk, the report of that walk (Jinja templates inside the
# wheel), the training casus inside the wheel, and `meldcode new`.
#
#   scripts/wheel-smoke.sh [DIST]     (default: a temporary folder; the wheel is left in DIST)
#
# Needs python3 with pip; pip fetches hatchling (build) and the dependencies from the index.
# Used by .ci/run. Exits non-zero on the first failure and shows what failed.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dist="${1:-$work/dist}"
mkdir -p "$dist"

step() { echo "  wheel-smoke: $*"; }

step "building the wheel"
"$python" -m pip wheel -q --no-deps -w "$dist" "$root" 2> "$work/build.err" \
  || { cat "$work/build.err" >&2; exit 1; }
wheel="$(ls -t "$dist"/meldcode_cli-*.whl | head -n 1)"
step "built $(basename "$wheel")"

# what must be inside: the protocols (with their scenarios), the casus, the templates
listing="$("$python" -m zipfile -l "$wheel")"
for must in meldcode_cli/_protocols/kindermishandeling.yaml \
  meldcode_cli/_protocols/scenarios/ meldcode_cli/_casus/ \
  meldcode_cli/report/templates/report.md.j2 meldcode_cli/py.typed; do
  grep -q "$must" <<< "$listing" || { echo "wheel-smoke: $must missing from the wheel" >&2; exit 1; }
done

step "installing into a fresh venv"
"$python" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q "$wheel" 2> "$work/install.err" \
  || { cat "$work/install.err" >&2; exit 1; }
meldcode="$work/venv/bin/meldcode"

# a protocol owner's folder, nowhere near the checkout
owner="$work/owner"
mkdir -p "$owner"
cp "$root/protocols/partnergeweld.yaml" "$owner/partnergeweld.yaml"
cp "$root/examples/casus-partnergeweld.yaml" "$owner/antwoorden.yaml"
export MELDCODE_HOME="$work/home"
cd "$owner"

run() {
  step "meldcode $*"
  "$meldcode" "$@" > "$work/out" 2>&1 || { cat "$work/out" >&2; echo "wheel-smoke: failed: meldcode $*" >&2; exit 1; }
}
run --version
run validate partnergeweld.yaml
run validate --format sarif partnergeweld.yaml
run validate                     # the protocols inside the wheel
grep -q "0 met fouten" "$work/out" || { cat "$work/out" >&2; exit 1; }
run start ./partnergeweld.yaml --answers antwoorden.yaml --case smoke --no-sign
run report smoke
grep -q "OEFENING" "$work/out" || { cat "$work/out" >&2; exit 1; }
run casus list
run new eigen-protocol -o eigen-protocol.yaml
run validate eigen-protocol.yaml
# the wheel, not the checkout, answered
"$work/venv/bin/python" -c "import meldcode_cli, sys; p = meldcode_cli.__file__; \
sys.exit(0 if '$root' not in p else 'imported from the checkout: ' + p)"
step "ok"
