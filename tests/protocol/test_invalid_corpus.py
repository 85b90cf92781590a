"""The invalid-protocol corpus: every fixture breaks one thing in protocols/voorbeeld.yaml.

Each file in ``tests/fixtures/invalid/`` starts with ``# expect: CODE line:col`` (1-based;
inside a ``when:`` the column points at the offending token). An optional second line
``# hint: text`` states a fragment the hint of that diagnostic must contain.

Known defects in ``src/`` are listed in ``KNOWN_*`` below as strict xfails: the test states
the correct behaviour, and starts failing (XPASS) once the defect is fixed, so the entry
can be removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from meldcode_cli.authoring.validate import FileResult, check_file, check_text
from meldcode_cli.protocol.diagnostics import CODES, Diagnostic

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "invalid"
VOORBEELD = Path(__file__).resolve().parents[2] / "protocols" / "voorbeeld.yaml"

EXPECT_RE = re.compile(rb"^# expect: (MC\d{3}) (\d+):(\d+)\r?$")
HINT_PREFIX = b"# hint: "

# Every code a protocol file can produce. MC301 (path without decision), MC302 (decision
# differs from the afwegingskader) and MC303 (unsafety without melding) are not here: they
# check the shared afwegingskader itself, which a protocol file cannot change. MC215 needs
# two files and has its own test below.
REQUIRED_CODES = {
    "MC001",
    "MC002",
    "MC003",
    "MC004",
    "MC005",
    "MC006",
    "MC007",
    "MC101",
    "MC102",
    "MC103",
    "MC104",
    "MC105",
    "MC106",
    "MC201",
    "MC202",
    "MC203",
    "MC204",
    "MC205",
    "MC206",
    "MC207",
    "MC208",
    "MC209",
    "MC210",
    "MC211",
    "MC212",
    "MC213",
    "MC214",
    "MC216",
    "MC304",
    "MC305",
    "MC306",
    "MC230",
    "MC231",
    "MC232",
    "MC310",
}

WARNING_CODES = {"MC213", "MC216"}

_ALIAS = (
    "yamlio._to_python reports an alias at the start_mark of the anchored node (the '&'), "
    "not at the '*alias'"
)

# The expected code is reported, but not at the expected line:col.
KNOWN_WRONG_POSITION: dict[str, str] = {}

# The expected code is not reported at all.
KNOWN_WRONG_CODE: dict[str, str] = {}

# The diagnostic is right but its hint does not contain the expected text.
KNOWN_WRONG_HINT: dict[str, str] = {}


@dataclass(frozen=True)
class Fixture:
    path: Path
    code: str
    line: int
    col: int
    hint: str | None

    @property
    def name(self) -> str:
        return self.path.stem


def _read_fixture(path: Path) -> Fixture:
    head = path.read_bytes().split(b"\n", 2)
    m = EXPECT_RE.match(head[0])
    assert m, f"{path.name}: first line must be '# expect: MCxxx line:col'"
    hint = None
    if len(head) > 1 and head[1].startswith(HINT_PREFIX):
        hint = head[1][len(HINT_PREFIX) :].decode("utf-8").rstrip("\r")
    return Fixture(path, m[1].decode(), int(m[2]), int(m[3]), hint)


ALL_FIXTURES = [_read_fixture(p) for p in sorted(FIXTURES.glob("*.yaml"))]
_RESULTS: dict[Path, FileResult] = {}


def _check(fx: Fixture) -> FileResult:
    if fx.path not in _RESULTS:
        _RESULTS[fx.path] = check_file(fx.path)
    return _RESULTS[fx.path]


def _params(known: dict[str, str], fixtures: list[Fixture] = ALL_FIXTURES) -> list[object]:
    out: list[object] = []
    for fx in fixtures:
        marks = []
        if fx.name in known:
            marks.append(pytest.mark.xfail(strict=True, reason=known[fx.name]))
        out.append(pytest.param(fx, id=fx.name, marks=marks))
    return out


def _show(diags: list[Diagnostic]) -> str:
    return "\n".join(f"  {d.code} {d.line}:{d.col} {d.message}" for d in diags) or "  (geen)"


# --- the corpus itself ------------------------------------------------------------------------


def test_corpus_is_large_enough_and_covers_every_code() -> None:
    assert len(ALL_FIXTURES) >= 30
    covered = {fx.code for fx in ALL_FIXTURES}
    assert covered <= set(CODES), covered - set(CODES)
    assert covered >= REQUIRED_CODES, sorted(REQUIRED_CODES - covered)


def test_fixture_names_start_with_their_code() -> None:
    for fx in ALL_FIXTURES:
        assert fx.name.startswith(fx.code.lower() + "_"), fx.name


def test_known_defect_lists_name_existing_fixtures() -> None:
    names = {fx.name for fx in ALL_FIXTURES}
    for known in (KNOWN_WRONG_POSITION, KNOWN_WRONG_CODE, KNOWN_WRONG_HINT, KNOWN_OUTSIDE_FILE):
        assert set(known) <= names, set(known) - names


def test_the_base_protocol_is_valid() -> None:
    result = check_file(VOORBEELD)
    assert result.diagnostics == []


# --- per fixture ------------------------------------------------------------------------------


@pytest.mark.parametrize("fx", _params({}))
def test_check_never_raises_and_every_diagnostic_is_complete(fx: Fixture) -> None:
    result = _check(fx)  # must not raise
    assert result.diagnostics, "an invalid fixture must give at least one diagnostic"
    for d in result.diagnostics:
        assert d.code in CODES, d
        assert d.message.strip(), d
        assert d.line >= 1, d
        assert d.col >= 1, d
        assert d.severity in ("error", "warning"), d
        assert d.path, d
    if fx.code not in WARNING_CODES:
        assert not result.ok


# A diagnostic points past the end of its line.
KNOWN_OUTSIDE_FILE: dict[str, str] = {}


@pytest.mark.parametrize("fx", _params(KNOWN_OUTSIDE_FILE))
def test_every_diagnostic_points_inside_the_file(fx: Fixture) -> None:
    # the end of a line (one column past its last character) counts as inside
    lines = fx.path.read_bytes().decode("utf-8", "replace").split("\n")
    for d in _check(fx).diagnostics:
        assert d.line <= len(lines), d
        assert d.col <= len(lines[d.line - 1]) + 1, d


@pytest.mark.parametrize("fx", _params(KNOWN_WRONG_CODE))
def test_expected_code_is_reported(fx: Fixture) -> None:
    result = _check(fx)
    codes = {d.code for d in result.diagnostics}
    assert fx.code in codes, f"{fx.code} verwacht, kreeg:\n{_show(result.diagnostics)}"


@pytest.mark.parametrize("fx", _params({**KNOWN_WRONG_CODE, **KNOWN_WRONG_POSITION}))
def test_expected_code_at_expected_position(fx: Fixture) -> None:
    result = _check(fx)
    hits = [d for d in result.diagnostics if d.code == fx.code]
    assert any((d.line, d.col) == (fx.line, fx.col) for d in hits), (
        f"{fx.code} verwacht op {fx.line}:{fx.col}, kreeg:\n{_show(result.diagnostics)}"
    )


@pytest.mark.parametrize(
    "fx", _params(KNOWN_WRONG_HINT, [fx for fx in ALL_FIXTURES if fx.hint is not None])
)
def test_expected_hint(fx: Fixture) -> None:
    assert fx.hint is not None
    result = _check(fx)
    hits = [d for d in result.diagnostics if d.code == fx.code]
    assert hits, f"{fx.code} verwacht, kreeg:\n{_show(result.diagnostics)}"
    hints = [d.hint or "" for d in hits]
    assert any(fx.hint in h for h in hints), f"hint met {fx.hint!r} verwacht, kreeg {hints}"


# --- cases that do not fit in a fixture file --------------------------------------------------


def test_file_too_large_is_mc005(tmp_path: Path) -> None:
    from meldcode_cli.protocol.yamlio import MAX_BYTES

    big = tmp_path / "groot.yaml"
    text = VOORBEELD.read_text(encoding="utf-8")
    big.write_text(text + "# " + "x" * MAX_BYTES + "\n", encoding="utf-8")
    result = check_file(big)
    assert [d.code for d in result.diagnostics] == ["MC005"]


def test_unreadable_path_is_mc001(tmp_path: Path) -> None:
    result = check_file(tmp_path)  # a directory cannot be read as a file
    assert [d.code for d in result.diagnostics] == ["MC001"]
    assert result.diagnostics[0].message


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + VOORBEELD.read_bytes())
    assert check_file(path).errors == []


def test_duplicate_protocol_id_across_files_is_mc215(tmp_path: Path) -> None:
    from meldcode_cli.authoring.validate import validate_paths

    text = VOORBEELD.read_text(encoding="utf-8")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "voorbeeld.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "b" / "voorbeeld.yaml").write_text(text, encoding="utf-8")
    first, second = validate_paths([str(tmp_path)], jobs=1)
    assert first.diagnostics == []
    assert [(d.code, d.line, d.col) for d in second.diagnostics] == [("MC215", 5, 5)]
    assert "a/voorbeeld.yaml" in second.diagnostics[0].message


# Valid YAML that is rejected: these belong to the corpus as counterexamples.


def test_tab_inside_block_scalar_is_accepted() -> None:
    text = VOORBEELD.read_text(encoding="utf-8").replace(
        "description: >\n  Een klein protocol",
        "description: |\n  Tabel:\n  \tEen klein protocol",
    )
    assert "\n  \t" in text
    assert check_text(text, "voorbeeld.yaml").diagnostics == []


def test_brackets_in_comments_are_not_nesting() -> None:
    text = "# " + "[" * 70 + "\n" + VOORBEELD.read_text(encoding="utf-8")
    assert check_text(text, "voorbeeld.yaml").diagnostics == []
