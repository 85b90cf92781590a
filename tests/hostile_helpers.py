"""A signed case to attack, and strategies that damage the files meldcode reads."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from typer.testing import CliRunner

from meldcode_cli.cli.app import make_app
from tests.conftest import ROOT

EXAMPLE = str(ROOT / "examples" / "casus-partnergeweld.yaml")
PASS = "een lange wachtzin"


def run(*args: str) -> tuple[int, str, str]:
    """The CLI in-process. A signing command gets ``--yes`` (no terminal to confirm on)."""
    argv = list(args)
    if argv and argv[0] in ("start", "sign") and "--no-sign" not in argv:
        argv.append("--yes")
    result = CliRunner().invoke(make_app(), argv)
    return result.exit_code, result.stdout, result.stderr


def secret(path: Path, text: str = PASS) -> Path:
    path.write_text(text + "\n", encoding="utf-8")
    os.chmod(path, 0o600)
    return path


def make_home(base: Path) -> Path:
    """A home with a profile, a key and one signed case 'c1' (MELDCODE_HOME must be set
    to ``base / 'home'`` by the caller)."""
    pw = secret(base / "pw")
    code, _, err = run(
        "init",
        "--name",
        "Dr. A. Jansen",
        "--role",
        "huisarts",
        "--organisation",
        "Praktijk Oost",
        "--passphrase-file",
        str(pw),
    )
    assert code == 0, err
    code, _, err = run(
        "start", "partnergeweld", "--answers", EXAMPLE, "--case", "c1", "--passphrase-file", str(pw)
    )
    assert code == 0, err
    return base / "home"


def copy_home(template: Path, dest: Path) -> Path:
    shutil.copytree(template, dest, symlinks=True)
    return dest


# --- strategies ------------------------------------------------------------------------

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
)
json_values = st.recursive(
    json_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)

RAW_BOMBS = [
    b"[" * 100_000,
    b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
    b"[1e999]",
    b"[-1e999]",
    b'{"x": NaN}',
    b'{"x": Infinity}',
    b"[123456789012345678901234567890]",
    b"\xff\xfe{}",
    b"\xef\xbb\xbf{}",
    b'{"a": "\\ud800"}',
    b'{"a": 1, "a": 2}',
    b"",
    b"null",
    b"[]",
    b'"text"',
    b"{" * 10 + b"}",
    b"\x00" * 100,
]


def _replace_at(data: Any, path: list[Any], value: Any) -> Any:
    if not path:
        return value
    head, *rest = path
    data[head] = _replace_at(data[head], rest, value)
    return data


def _paths(data: Any, prefix: list[Any] | None = None, out: list[list[Any]] | None = None) -> Any:
    prefix = prefix or []
    out = [] if out is None else out
    out.append(prefix)
    if isinstance(data, dict):
        for k, v in data.items():
            _paths(v, [*prefix, k], out)
    elif isinstance(data, list):
        for i, v in enumerate(data):
            _paths(v, [*prefix, i], out)
    return out


@st.composite
def damaged(draw: st.DrawFn, original: bytes) -> bytes:
    """``original`` (a JSON file) damaged one of many ways: a value replaced by another of
    any shape, a number out of domain, a key duplicated, nesting deepened, bytes flipped,
    cut, or swapped for a bomb."""
    how = draw(st.sampled_from(["replace", "flip", "cut", "bomb", "deep", "dup", "number"]))
    if how == "bomb":
        return draw(st.sampled_from(RAW_BOMBS))
    if how == "flip":
        pos = draw(st.integers(0, max(0, len(original) - 1)))
        byte = draw(st.integers(0, 255))
        return original[:pos] + bytes([byte]) + original[pos + 1 :]
    if how == "cut":
        return original[: draw(st.integers(0, len(original)))]
    data = json.loads(original)
    paths = _paths(data)
    target = draw(st.sampled_from(paths))
    if how == "replace":
        value = draw(json_values)
    elif how == "deep":
        value = json.loads("[" * 200 + "]" * 200)
    elif how == "number":
        value = draw(st.sampled_from([2**53 + 1, -(2**60), 10**30]))
    else:  # dup: serialise with a duplicated first key
        text = json.dumps(data)
        if text.startswith('{"'):
            key = text[2 : text.index('"', 2)]
            return ('{"' + key + '": 0, ' + text[1:]).encode()
        return text.encode()
    try:
        data = _replace_at(data, target, value)
    except (TypeError, KeyError, IndexError):
        data = value
    return json.dumps(data, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")


yaml_bombs = st.sampled_from(
    [
        "a: &a [*a]\n",
        "x: !!int 0xZZ\n",
        "x: !!float abc\n",
        "x: !!bool misschien\n",
        "x: !!binary '%%%'\n",
        "x: !!timestamp gisteren\n",
        "x: !!python/object:os.system ls\n",
        "- " * 500 + "x\n",
        "{" * 5000,
        "a: 1\na: 2\n",
        "\t- tab\n",
        "x: " + "9" * 5000 + "\n",
        "\ufeff\ufeffid: x\n",
    ]
)
