#!/usr/bin/env bash
# A self-contained folder build of meldcode: its own Python, no installer, no one-file
# self-extractor (antivirus and AppLocker block those). PyInstaller --onedir; the result is a
# folder `meldcode/` with `meldcode` (`meldcode.exe` on Windows) and `_internal/`, to be zipped
# and unpacked anywhere the user may write (e.g. %LOCALAPPDATA%\Programs\meldcode).
#
#   scripts/build-folder.sh [OUTDIR]        (default: build/folder)
#
# PyInstaller does not cross-compile: run this on Windows (Git Bash, with `py -3.12` as
# PYTHON) for the Windows folder; on Linux it builds and checks the Linux folder, which is how
# CI and docs/install.md check the recipe. Needs python3 >= 3.11 with pip and venv.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/build/folder}"
python="${PYTHON:-python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$python" -m venv "$work/venv"
if [ -x "$work/venv/Scripts/python.exe" ]; then vpy="$work/venv/Scripts/python.exe"; else vpy="$work/venv/bin/python"; fi
"$vpy" -m pip install -q "pyinstaller>=6.10,<7"
# the wheel, not the checkout: the protocols, casus and templates are package data there
"$vpy" -m pip wheel -q --no-deps -w "$work/dist" "$root"
"$vpy" -m pip install -q "$work"/dist/meldcode_cli-*.whl

"$vpy" -m PyInstaller --noconfirm --clean --onedir --console --name meldcode \
  --distpath "$out" --workpath "$work/pyi" --specpath "$work" \
  --collect-data meldcode_cli --collect-submodules meldcode_cli \
  --collect-submodules questionary --collect-submodules prompt_toolkit \
  --hidden-import yaml._yaml \
  "$root/scripts/freeze_entry.py" > "$work/pyi.log" 2>&1 || { tail -n 40 "$work/pyi.log" >&2; exit 1; }

exe="$out/meldcode/meldcode"
[ -x "$exe.exe" ] && exe="$exe.exe"
# check the folder works on its own: no venv, no checkout on the path
home="$(mktemp -d)"
(cd "$home" && env -u PYTHONPATH MELDCODE_HOME="$home/h" "$exe" --version \
  && MELDCODE_HOME="$home/h" "$exe" validate > "$home/v.txt" \
  && MELDCODE_HOME="$home/h" "$exe" start partnergeweld \
       --answers "$root/examples/casus-partnergeweld.yaml" --case smoke --no-sign > /dev/null \
  && MELDCODE_HOME="$home/h" "$exe" report smoke | grep -q OEFENING) \
  || { rm -rf "$home"; echo "build-folder: the built folder does not work" >&2; exit 1; }
tail -n 1 "$home/v.txt"
rm -rf "$home"
du -sh "$out/meldcode" | sed 's/^/build-folder: /'
echo "build-folder: $out/meldcode (zip this folder; run meldcode inside it)"
