"""Casus files: every shipped casus validates and its key gives its expected decision;
invalid casus are reported with a stable code at file:line:col."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from meldcode_cli.cli.app import make_app
from meldcode_cli.i18n.messages import has
from meldcode_cli.protocol.compiled import CompiledProtocol
from meldcode_cli.protocol.diagnostics import CODES
from meldcode_cli.training.casus import (
    CASUS_SUFFIX,
    Casus,
    check_casus_file,
    check_casus_paths,
    expected_parts,
    find_casus,
)
from meldcode_cli.walk.driver import BareTarget, replay
from meldcode_cli.walk.engine import Walk, path_code
from tests.conftest import ROOT

CASUS_DIR = ROOT / "casus"
SHIPPED = sorted(CASUS_DIR.glob(f"*{CASUS_SUFFIX}"))
INVALID = ROOT / "tests" / "fixtures" / "casus"
PROTOCOLS = (
    "partnergeweld",
    "ouderenmishandeling",
    "eergerelateerd-geweld",
    "kindermishandeling",
    "loverboy-problematiek",
    "oudermishandeling",
)


def _load(path: Path) -> tuple[Casus, CompiledProtocol]:
    check = check_casus_file(path)
    assert check.casus is not None, check.diagnostics
    assert check.compiled is not None, check.diagnostics
    return check.casus, check.compiled


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_casus_is_valid_without_warnings(path: Path) -> None:
    check = check_casus_file(path)
    assert check.ok
    assert check.diagnostics == [], [f"{d.where} {d.code} {d.message}" for d in check.diagnostics]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_replaying_the_key_gives_the_expected_decision(path: Path) -> None:
    """Independent of the validator: replay the key on a bare Walk and compare."""
    casus, compiled = _load(path)
    walk = Walk(compiled, casus.role)
    replay(BareTarget(walk), {k: v.answer for k, v in casus.key.items.items()})
    decision = walk.decision()
    assert decision is not None
    assert (decision.melden, decision.hulp, decision.afsluiten) == expected_parts(
        casus.key.decision
    )
    assert path_code(decision) == casus.key.path
    relevant = {ci.id for ci in walk.relevant()}
    assert set(casus.key.items) <= relevant  # every keyed item comes up
    for iid in casus.key.items:
        assert walk.answers.get(iid) is not None or iid == "afweging_5"


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_casus_cites_sources_of_its_protocol_and_tells_every_step(path: Path) -> None:
    casus, compiled = _load(path)
    assert path.name == f"{casus.id}{CASUS_SUFFIX}"
    sources = compiled.sources
    assert casus.key.source in sources
    for item in casus.key.items.values():
        assert item.source in sources
        assert len(item.explanation.split()) >= 5
    assert sorted(casus.story) == [1, 2, 3, 4, 5]
    assert len(casus.summary.split()) >= 15


def test_the_set_of_casus_is_varied() -> None:
    casus = [_load(p)[0] for p in SHIPPED]
    assert len(casus) >= 10
    per_protocol = Counter(c.protocol for c in casus)
    assert all(per_protocol[p] >= 2 for p in PROTOCOLS), per_protocol
    assert {c.role for c in casus} == {"huisarts", "wijkagent", "professional"}
    outcomes = {c.key.decision for c in casus}
    assert {"melden", "hulp", "afsluiten", "melden+hulp"} <= outcomes
    # afsluiten because afweging 1 is "nee"
    assert any(c.key.path == "N----" for c in casus)
    assert len({c.key.path for c in casus}) >= 6


def _acute_options(path: Path) -> set[str]:
    casus, compiled = _load(path)
    signalen = casus.key.items.get("signalen")
    if signalen is None:
        return set()
    ci = compiled.by_id["signalen"]
    return set(signalen.answer) & set(ci.acute_values)


def test_there_is_an_acute_casus_and_the_required_themes() -> None:
    by_id = {p.name[: -len(CASUS_SUFFIX)]: p for p in SHIPPED}
    assert [i for i, p in by_id.items() if _acute_options(p)], "no acute casus"
    # eergerelateerd geweld: consulting the specialist before talking to the family
    egg = [_load(p)[0] for p in SHIPPED if _load(p)[0].protocol == "eergerelateerd-geweld"]
    assert any(
        c.key.items.get("deskundige_geraadpleegd") is not None
        and c.key.items["deskundige_geraadpleegd"].answer == "ja"
        and c.key.items.get("gesprek_familie") is not None
        and c.key.items["gesprek_familie"].answer != "gevoerd"
        for c in egg
    )
    # kindermishandeling: a child who structurally witnesses violence
    km = [_load(p)[0] for p in SHIPPED if _load(p)[0].protocol == "kindermishandeling"]
    assert any(
        "getuige_stelselmatig" in (c.key.items["signalen"].answer or [])
        and c.key.path.startswith("JJ")
        for c in km
        if "signalen" in c.key.items
    )


def test_find_casus_by_id_and_path() -> None:
    assert find_casus("km-huisarts-val") == CASUS_DIR / "km-huisarts-val.casus.yaml"
    assert find_casus(str(SHIPPED[0])) == SHIPPED[0]


# --- invalid casus ------------------------------------------------------------------------

EXPECT = re.compile(r"^# expect: (.+)$")


def _expected(path: Path) -> list[tuple[str, int, int]]:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    m = EXPECT.match(first)
    assert m, f"{path.name}: first line must be '# expect: CODE LINE:COL'"
    out = []
    for part in m.group(1).split(","):
        code, where = part.split()
        line, col = where.split(":")
        out.append((code, int(line), int(col)))
    return out


@pytest.mark.parametrize("path", sorted(INVALID.glob(f"*{CASUS_SUFFIX}")), ids=lambda p: p.name)
def test_invalid_casus_gives_code_at_line_and_column(path: Path) -> None:
    check = check_casus_file(path)
    assert not check.ok
    got = [(d.code, d.line, d.col) for d in check.diagnostics]
    assert got == _expected(path)
    for d in check.diagnostics:
        assert d.path.endswith(path.name)


def test_invalid_fixtures_cover_the_casus_codes() -> None:
    covered = {code for p in INVALID.glob(f"*{CASUS_SUFFIX}") for code, _, _ in _expected(p)}
    assert {f"MC40{n}" for n in range(1, 10)} <= covered


def test_casus_codes_are_documented_and_translated() -> None:
    casus_codes = [c for c in CODES if c.startswith("MC4")]
    assert casus_codes == [f"MC4{n:02d}" for n in range(1, 12)]
    assert all(has(f"code.{c}") for c in casus_codes)
    doc = (ROOT / "docs" / "trainer.md").read_text(encoding="utf-8")
    for code in casus_codes:
        assert f"| {code} |" in doc, code


def test_duplicate_ids_and_file_name(tmp_path: Path) -> None:
    text = SHIPPED[0].read_text(encoding="utf-8")
    casus_id = SHIPPED[0].name[: -len(CASUS_SUFFIX)]
    (tmp_path / SHIPPED[0].name).write_text(text, encoding="utf-8")
    (tmp_path / "kopie.casus.yaml").write_text(text, encoding="utf-8")
    results = check_casus_paths([str(tmp_path)])
    by_name = {Path(r.path).name: r for r in results}
    copy = by_name["kopie.casus.yaml"]
    assert [d.code for d in copy.diagnostics] == ["MC411", "MC410"]
    assert copy.diagnostics[0].severity == "warning"
    assert casus_id in copy.diagnostics[1].message or SHIPPED[0].name in copy.diagnostics[1].message
    assert by_name[SHIPPED[0].name].ok


# --- the commands ---------------------------------------------------------------------------


def test_casus_validate_command(runner: CliRunner) -> None:
    ok = runner.invoke(make_app(), ["casus", "validate"])
    assert ok.exit_code == 0, ok.output
    assert f"{len(SHIPPED)} bestanden gecontroleerd: {len(SHIPPED)} in orde" in ok.output
    bad = runner.invoke(make_app(), ["casus", "validate", str(INVALID)])
    assert bad.exit_code == 1
    assert re.search(r"verkeerde-beslissing\.casus\.yaml:11:13: MC407 ", bad.output)
    js = runner.invoke(make_app(), ["casus", "validate", "-f", "json", str(INVALID)])
    data = json.loads(js.stdout)
    codes = {d["code"] for f in data["files"] for d in f["diagnostics"]}
    assert {"MC401", "MC407", "MC408"} <= codes
    assert any(d["title"] for f in data["files"] for d in f["diagnostics"])
    gh = runner.invoke(make_app(), ["casus", "validate", "-f", "github", str(INVALID)])
    assert "::error file=" in gh.stdout
    assert "MC403" in gh.stdout


def test_casus_validate_missing_path_is_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(make_app(), ["casus", "validate", "bestaat-niet/"])
    assert result.exit_code == 2


def test_casus_list_command(runner: CliRunner) -> None:
    result = runner.invoke(make_app(), ["casus", "list", "-f", "json"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert len(rows) == len(SHIPPED)
    assert {r["protocol"] for r in rows} == set(PROTOCOLS)
    text = runner.invoke(make_app(), ["casus", "list"]).stdout
    assert "km-huisarts-val" in text
    assert "afsluiten (N----)" not in text  # the key only for the trainer
    keyed = runner.invoke(make_app(), ["casus", "list", "--key"]).stdout
    assert "afsluiten (N----)" in keyed
