#!/usr/bin/env bash
# The lowest versions pyproject.toml allows: install exactly those (each runtime dependency's
# `>=` floor, read from pyproject.toml so the floors are written once) in a fresh venv and
# run the test suite there. Catches an API used that the floor does not have yet (as the
# private typer._click import once did: `meldcode --help` crashed on typer 0.25).
#   bash scripts/floor-deps.sh [pytest args...]
set -euo pipefail
cd "$(dirname "$0")/.."
venv="$(mktemp -d)/floor"
trap 'rm -rf "$(dirname "$venv")"' EXIT
python3 -m venv "$venv"
constraints="$(dirname "$venv")/floors.txt"
python3 - "$constraints" <<'PY'
import re, sys, tomllib
deps = tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]
pins = []
for d in deps:
    m = re.match(r"\s*([A-Za-z0-9_.-]+)\s*>=\s*([0-9][^,;\s]*)", d)
    if not m:
        sys.exit(f"floor-deps: no >= floor in dependency {d!r}")
    pins.append(f"{m.group(1)}=={m.group(2)}")
open(sys.argv[1], "w").write("\n".join(pins) + "\n")
print("floor-deps: " + " ".join(pins))
PY
"$venv/bin/pip" install -q -c "$constraints" -e '.[dev]' 2>&1 | grep -v '^WARNING: Location' || true
"$venv/bin/python" - "$constraints" <<'PY'
import sys
from importlib.metadata import version
for line in open(sys.argv[1]):
    name, want = line.strip().split("==")
    got = version(name)
    def norm(v: str) -> tuple[int, ...]:  # 0.20 == 0.20.0
        parts = [int(x) for x in v.split(".")]
        while parts and parts[-1] == 0:
            parts.pop()
        return tuple(parts)
    if norm(got) != norm(want):
        sys.exit(f"floor-deps: {name} is {got}, expected the floor {want}")
PY
"$venv/bin/meldcode" --help > /dev/null
# typer 0.20 with a current click warns that click.utils.get_binary_stream is deprecated;
# users never see a DeprecationWarning from a library, the suite turns warnings into errors
"$venv/bin/python" -m pytest -q -p no:cacheprovider \
  -W "ignore:'click.utils:DeprecationWarning" "$@"
