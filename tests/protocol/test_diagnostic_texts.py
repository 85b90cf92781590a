"""Diagnostics are catalogue texts: Dutch by default exactly as before, English with
``--lang en`` (issue 14). Covers every code that compile, condcheck, organisatie, validate,
scenarios, ketenkaart and casus can give; the loader's and path analysis' codes
(yamlio, loading, analysis) are checked where they are translated.
"""

from __future__ import annotations

import ast
import datetime as dt
import pickle
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from meldcode_cli.authoring.scenarios import run_scenario_file
from meldcode_cli.authoring.validate import check_text, validate_paths
from meldcode_cli.chain.ketenkaart import load_ketenkaart
from meldcode_cli.errors import Text
from meldcode_cli.i18n.messages import entries, set_lang
from meldcode_cli.protocol.compiled import compile_protocol
from meldcode_cli.protocol.diagnostics import Diagnostic, message_from_json, message_to_json
from meldcode_cli.protocol.loading import load_protocol_text
from meldcode_cli.training.casus import check_casus_file, check_casus_paths

ROOT = Path(__file__).resolve().parents[2]
FIX = Path("tests/fixtures")
SRC = ROOT / "src" / "meldcode_cli"

# Dutch words that an English text never has (ids and values are quoted, and left out)
DUTCH = (
    " het ",
    " de ",
    " niet ",
    " een ",
    "moet",
    "vraag",
    " is geen ",
    " staat ",
    " wordt ",
    " bestand",
    " gebruik",
    " zonder ",
    " voeg ",
    " kies ",
    " geef ",
    " bij ",
    " van ",
)

# the codes these modules give (compile, condcheck, validate, organisatie, casus, ketenkaart)
OWN_CODES = {
    *(f"MC2{n:02d}" for n in range(1, 19)),
    "MC230",
    "MC231",
    "MC232",
    *(f"MC4{n:02d}" for n in range(1, 12)),
    *(f"MC5{n:02d}" for n in range(1, 12)),
    *(f"MC60{n}" for n in range(1, 6)),
}
# plain texts on purpose: the walk's answer reason (walk.answers), a read error's own text
PLAIN_OK = {"MC404"}


def _dutch_in(text: str) -> list[str]:
    bare = re.sub(r"'[^']*'|\"[^\"]*\"|\S+\.ya?ml|\S+/\S+", "", f" {text} ")
    return [w for w in DUTCH if w in bare]


def _fixture_diagnostics() -> Iterator[Diagnostic]:
    for r in validate_paths([str(FIX / "invalid"), str(FIX / "organisatie")], jobs=1):
        yield from r.diagnostics
    for p in sorted((FIX / "casus").glob("*.yaml")):
        yield from check_casus_file(p).diagnostics
    for p in sorted((FIX / "ketenkaart").glob("*.yaml")):
        yield from load_ketenkaart(p, today=dt.date(2026, 12, 2)).diagnostics


def _ident(d: Diagnostic) -> tuple[object, ...]:
    return (d.path, d.line, d.col, d.code, d.message)


def _loader_diagnostics() -> set[tuple[object, ...]]:
    """The fixture files' diagnostics that the loader (schema stage) gives."""
    from meldcode_cli.authoring.validate import display_path
    from meldcode_cli.protocol.loading import load_protocol_file

    return {
        _ident(d)
        for p in sorted((FIX / "invalid").glob("*.yaml"))
        for d in load_protocol_file(p, display_path(p)).diagnostics
    }


def _show(d: Diagnostic) -> str:
    out = f"{d.where}: {d.code} {d.severity} {d.message}\n"
    return out + (f"    hint: {d.hint}\n" if d.hint else "")


def _synthetic(tmp_path: Path) -> list[Diagnostic]:
    """The codes no fixture file has: MC218, MC410, MC411, MC511, and a few more branches."""
    protocols = ROOT / "protocols"
    verzoek = (protocols / "informatieverzoek-veilig-thuis.yaml").read_text(encoding="utf-8")
    out: list[Diagnostic] = []
    for text in (
        verzoek.replace("      - kind: verstrekkingsbesluit", "      - kind: afwegingskader"),
        verzoek.replace("kind: informatieverzoek\n", ""),
    ):
        loaded = load_protocol_text(text, "x.yaml")
        assert loaded.protocol is not None
        out.extend(compile_protocol(loaded.protocol)[1])
    kinder = (protocols / "kindermishandeling.yaml").read_text(encoding="utf-8")
    out.extend(
        check_text(kinder.replace("partner: leck", "partner: lekc", 1), "k.yaml").diagnostics
    )
    casus = sorted((ROOT / "casus").glob("*.casus.yaml"))[0]
    (tmp_path / casus.name).write_text(casus.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "kopie.casus.yaml").write_text(casus.read_text(encoding="utf-8"), encoding="utf-8")
    for r in check_casus_paths([str(tmp_path)]):
        out.extend(r.diagnostics)
    return out


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("MELDCODE_NO_CACHE", "1")


@pytest.mark.usefixtures("at_root")
def test_dutch_diagnostics_are_unchanged() -> None:
    """Every diagnostic of the fixture files, said in Dutch, is what it was before the texts
    moved to the catalogue (the golden was written by the code before issue 14a)."""
    got = "".join(_show(d) for d in _fixture_diagnostics())
    assert got == (ROOT / "tests" / "golden" / "diagnostics_nl.txt").read_text(encoding="utf-8")


@pytest.mark.usefixtures("at_root")
def test_every_own_code_speaks_english(tmp_path: Path) -> None:
    diags = [*_fixture_diagnostics(), *_synthetic(tmp_path)]
    loader = _loader_diagnostics()  # yamlio and loading say theirs (engineer 19b's part)
    own = [
        d
        for d in diags
        if (d.code in OWN_CODES or d.code in ("MC215", "MC216")) and _ident(d) not in loader
    ]
    assert {d.code for d in own} >= OWN_CODES, sorted(OWN_CODES - {d.code for d in own})
    assert len(own) > 150
    set_lang("en")
    bad = []
    for d in own:
        if not isinstance(d.what, Text) and d.code in PLAIN_OK:
            continue
        assert isinstance(d.what, Text), d
        for text in (d.message, d.hint or ""):
            if _dutch_in(text):
                bad.append((d.code, text, _dutch_in(text)))
    assert not bad, bad
    set_lang(None)
    assert all(d.message != str(d.what.key) for d in own if isinstance(d.what, Text))


def test_every_diagnostic_text_is_english_in_the_english_catalogue() -> None:
    """Every branch, also those no file above reaches: the English catalogue texts of the
    diagnostics (``diag.*``) and of ``meldcode test`` failures (``scenario.fail.*``)."""
    texts = {k: v for k, v in entries().items() if k.startswith(("diag.", "scenario.fail."))}
    assert len(texts) > 150
    bad = {k: v["en"] for k, v in texts.items() if _dutch_in(v["en"])}
    assert not bad, bad
    assert all(v["en"] != v["nl"] for k, v in texts.items()), "untranslated"


def test_scenario_failures_follow_the_language(tmp_path: Path) -> None:
    path = tmp_path / "voorbeeld.scenarios.yaml"
    path.write_text(
        f"protocol: {ROOT / 'protocols' / 'voorbeeld.yaml'}\n"
        "scenarios:\n"
        "  - name: alles mis\n"
        "    role: huisarts\n"
        "    answers: {onbestaand: ja}\n"
        "    expect: {path: JJJJJ, shown: [niets], checks_fired: [geen_controle]}\n",
        encoding="utf-8",
    )
    [result] = run_scenario_file(path).results
    nl = [str(f) for f in result.failures]
    set_lang("en")
    en = [str(f) for f in result.failures]
    set_lang(None)
    assert any("onbekend item 'onbestaand'" in f for f in nl), nl
    assert any("unknown item 'onbestaand'" in f for f in en), en
    assert not [f for f in en if _dutch_in(f)], en


def test_a_diagnostic_keeps_its_texts_through_json_and_pickle() -> None:
    d = Diagnostic(
        "MC202",
        Text("diag.MC202.unknown_item", name="x"),
        Text("diag.MC603.unknown.hint", first=Text("diag.did_you_mean", match="y")),
        ("steps", 0),
        offset=3,
    )
    assert pickle.loads(pickle.dumps(d)) == d  # validate's worker processes
    assert message_from_json(message_to_json(d.what)) == d.what
    assert message_from_json(message_to_json(d.how)) == d.how
    assert message_from_json("literal") == "literal"
    assert d.at("p", 1, 2).what == d.what
    assert d.with_hint(None).hint is None
    set_lang("en")
    assert d.hint == "did you mean 'y'?; or add the organisation to a regional ketenkaart"
    set_lang(None)
    assert d.hint == "bedoelde u 'y'?; of voeg de organisatie toe aan een regionale ketenkaart"


def _text_keys() -> set[str]:
    keys: set[str] = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("Text", "Msg")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
                and "." in node.args[0].value
            ):
                keys.add(node.args[0].value)
    return keys


def test_every_catalogue_text_in_the_code_has_both_languages() -> None:
    """``Text("key")`` (the core's catalogue texts) has an entry in Dutch and in English;
    tests/i18n/test_catalogue.py checks the ``t()`` calls."""
    known = entries()
    keys = _text_keys()
    assert len(keys) > 150
    missing = sorted(k for k in keys if set(known.get(k, {})) != {"nl", "en"})
    assert not missing, missing
