# ruff: noqa: E501  -- data: the PLURALS table has one row per language and key
"""Counted texts are gettext plural entries: n = 0, 1, 2 in Dutch and English (issue 14p).

Each entry below gives the words that must change with the count; ``(s)``, ``(en)`` and
``/-problemen`` must never appear. Plus one end-to-end run per command that says a count.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from meldcode_cli.cli.app import make_app
from meldcode_cli.errors import Text
from meldcode_cli.i18n.messages import set_lang, tn
from meldcode_cli.walk.answers import AnswerError
from tests.conftest import ROOT

PARAMS: dict[str, dict[str, object]] = {
    "validate.summary": {"ok": 0, "bad": 0, "errors": "E", "warnings": "W"},
    "debrief.meta": {"protocol": "p", "role": "r"},
    "debrief.check_count": {"fired": 0, "j": 0},
    "walk.recovered": {"problem": "x"},
    "verify.summary": {"ok": 0, "bad": 0, "chain": "C"},
}

# (lang, key): the text for n = 0, 1, 2 (a part of it that carries the count and its noun)
PLURALS: dict[tuple[str, str], tuple[str, str, str]] = {
    ("nl", "validate.summary"): ("0 bestanden gecontroleerd", "1 bestand gecontroleerd", "2 bestanden gecontroleerd"),
    ("en", "validate.summary"): ("0 files checked", "1 file checked", "2 files checked"),
    ("nl", "debrief.other_version"): ("0 records zijn gemaakt", "1 record is gemaakt", "2 records zijn gemaakt"),
    ("en", "debrief.other_version"): ("0 records were made", "1 record was made", "2 records were made"),
    ("nl", "debrief.meta"): ("· 0 deelnemers", "· 1 deelnemer", "· 2 deelnemers"),
    ("en", "debrief.meta"): ("· 0 participants", "· 1 participant", "· 2 participants"),
    ("nl", "debrief.check_count"): ("van 0 deelnemers,", "van 1 deelnemer,", "van 2 deelnemers,"),
    ("en", "debrief.check_count"): ("of 0 participants,", "of 1 participant,", "of 2 participants,"),
    ("nl", "walk.dossier.superseded"): ("0 eerdere antwoorden", "1 eerder antwoord", "2 eerdere antwoorden"),
    ("en", "walk.dossier.superseded"): ("0 earlier answers", "1 earlier answer ", "2 earlier answers"),
    ("nl", "walk.missing"): ("0 antwoorden ontbreken:", "1 antwoord ontbreekt:", "2 antwoorden ontbreken:"),
    ("en", "walk.missing"): ("0 answers missing:", "1 answer missing:", "2 answers missing:"),
    ("nl", "walk.recovered"): ("0 regels van het journaal waren", "1 regel van het journaal was", "2 regels van het journaal waren"),
    ("en", "walk.recovered"): ("0 journal lines were", "1 journal line was", "2 journal lines were"),
    ("nl", "verify.summary"): ("0 records:", "1 record:", "2 records:"),
    ("en", "verify.summary"): ("0 records:", "1 record:", "2 records:"),
    ("nl", "verify.summary_unchecked"): ("0 records met", "1 record met", "2 records met"),
    ("en", "verify.summary_unchecked"): ("0 records with", "1 record with", "2 records with"),
    ("nl", "replay.missing_justifications"): ("0 verantwoordingen ontbreken:", "1 verantwoording ontbreekt:", "2 verantwoordingen ontbreken:"),
    ("en", "replay.missing_justifications"): ("0 justifications missing:", "1 justification missing:", "2 justifications missing:"),
    ("nl", "kaart.stale_note"): ("0 organisaties langer", "1 organisatie langer", "2 organisaties langer"),
    ("en", "kaart.stale_note"): ("0 organisations not", "1 organisation not", "2 organisations not"),
    ("nl", "kaart.skipped"): ("0 ketenkaartbestanden met", "1 ketenkaartbestand met", "2 ketenkaartbestanden met"),
    ("en", "kaart.skipped"): ("0 ketenkaart files with", "1 ketenkaart file with", "2 ketenkaart files with"),
    ("nl", "answer.choice.at_least"): ("kies minstens 0 opties", "kies minstens 1 optie", "kies minstens 2 opties"),
    ("en", "answer.choice.at_least"): ("choose at least 0 options", "choose at least 1 option", "choose at least 2 options"),
    ("nl", "diag.MC210.count"): ("heeft 0 stappen;", "heeft 1 stap;", "heeft 2 stappen;"),
    ("en", "diag.MC210.count"): ("has 0 steps;", "has 1 step;", "has 2 steps;"),
    ("nl", "count.errors"): ("0 fouten", "1 fout", "2 fouten"),
    ("en", "count.errors"): ("0 errors", "1 error", "2 errors"),
    ("nl", "count.warnings"): ("0 waarschuwingen", "1 waarschuwing", "2 waarschuwingen"),
    ("en", "count.warnings"): ("0 warnings", "1 warning", "2 warnings"),
    ("nl", "count.chain_problems"): ("0 ketenproblemen", "1 ketenprobleem", "2 ketenproblemen"),
    ("en", "count.chain_problems"): ("0 chain problems", "1 chain problem", "2 chain problems"),
}  # fmt: skip


@pytest.mark.parametrize(("lang", "key"), sorted(PLURALS))
def test_plural_entry_for_0_1_2(lang: str, key: str) -> None:
    set_lang(lang)
    texts = [tn(key, n, **PARAMS.get(key, {})) for n in (0, 1, 2)]
    for text, part in zip(texts, PLURALS[lang, key], strict=True):
        assert part in text
        assert not [m for m in ("(s)", "(en)", "/-") if m in text], text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_plural_key_of_the_catalogue_is_listed(lang: str) -> None:
    from meldcode_cli.i18n.messages import translation

    cat = getattr(translation(lang), "_catalog", {})
    plural = {k[0] for k in cat if isinstance(k, tuple)}
    listed = {key for (la, key) in PLURALS if la == lang}
    others = {"walk.checkbox.done", "count.records", "count.cells", "count.exports"}
    assert plural - others == listed  # checked here or in test_error_paths / widgets tests


@pytest.mark.parametrize(
    ("lang", "n", "expected"),
    [
        ("en", 1, "choose at least 1 option"),
        ("en", 2, "choose at least 2 options"),
        ("nl", 1, "kies minstens 1 optie"),
        ("nl", 3, "kies minstens 3 opties"),
    ],
)
def test_an_error_with_a_plural_key_takes_its_count_from_n(
    lang: str, n: int, expected: str
) -> None:
    set_lang(lang)
    assert str(AnswerError("keuze", "answer.choice.at_least", n=n).reason) == expected
    assert expected in str(AnswerError("keuze", "answer.choice.at_least", n=n))


def test_a_text_parameter_with_a_plural_key() -> None:
    set_lang("en")
    assert str(Text("diag.MC210.count", n=1)).startswith("the protocol has 1 step;")
    assert str(Text("diag.MC210.count", n=4)).startswith("the protocol has 4 steps;")


# --- end to end ------------------------------------------------------------------------------

BY_MAIN = ROOT / "tests" / "fixtures" / "records-signed-by-main"
RECORDS = [BY_MAIN / "melden" / "0001-decision.json", BY_MAIN / "keten" / "0001-decision.json"]
PROTOCOLS = sorted((ROOT / "protocols").glob("*.yaml"))


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(make_app(), list(args))
    return result.exit_code, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("lang", "n", "summary", "unchecked"),
    [
        ("nl", 1, "1 record: 0 geldig, 0 ongeldig; 0 ketenproblemen.", "1 record met een"),
        ("nl", 2, "2 records: 0 geldig, 0 ongeldig; 0 ketenproblemen.", "2 records met een"),
        ("en", 1, "1 record: 0 valid, 0 invalid; 0 chain problems.", "1 record with a"),
        ("en", 2, "2 records: 0 valid, 0 invalid; 0 chain problems.", "2 records with a"),
    ],
)
def test_verify_counts_records(lang: str, n: int, summary: str, unchecked: str) -> None:
    code, out = run("--lang", lang, "verify", *map(str, RECORDS[:n]))
    assert code == 1  # the key is not checked
    assert summary in out
    assert unchecked in out
    assert "record(s)" not in out


@pytest.mark.parametrize(
    ("lang", "n", "expected"),
    [
        ("nl", 1, "1 bestand gecontroleerd: 1 in orde, 0 met fouten (0 fouten, 0 waarschuwingen)."),
        (
            "nl",
            2,
            "2 bestanden gecontroleerd: 2 in orde, 0 met fouten (0 fouten, 0 waarschuwingen).",
        ),
        ("en", 1, "1 file checked: 1 valid, 0 invalid (0 errors, 0 warnings)."),
        ("en", 2, "2 files checked: 2 valid, 0 invalid (0 errors, 0 warnings)."),
    ],
)
def test_validate_counts_files(lang: str, n: int, expected: str) -> None:
    code, out = run("--lang", lang, "validate", *map(str, PROTOCOLS[:n]))
    assert code == 0, out
    assert expected in out


def test_validate_counts_errors_and_steps_in_english() -> None:
    bad = ROOT / "tests" / "fixtures" / "invalid" / "mc210_four_steps.yaml"
    code, out = run("--lang", "en", "validate", str(bad))
    assert code == 1
    assert "the protocol has 4 steps; the meldcode has exactly five" in out
    assert "1 file checked: 0 valid, 1 invalid (" in out
    assert "(s)" not in out


@pytest.mark.parametrize(("lang", "n", "expected"), [
    ("en", 1, "Note: 1 ketenkaart file with errors skipped"),
    ("en", 2, "Note: 2 ketenkaart files with errors skipped"),
    ("nl", 2, "Let op: 2 ketenkaartbestanden met fouten overgeslagen"),
])  # fmt: skip
@pytest.mark.parametrize("fmt", ["text", "html"])
def test_kaart_counts_skipped_files(lang: str, n: int, expected: str, fmt: str) -> None:
    import datetime as dt

    from meldcode_cli.chain.kaart import KaartRequest, render_kaart

    folder = ROOT / "tests" / "fixtures" / "ketenkaart"
    bad = [folder / "mc501_duplicate_id.yaml", folder / "mc502_unknown_replaces.yaml"][:n]
    set_lang(lang)
    out = render_kaart(KaartRequest(ketenkaart=bad, fmt=fmt, today=dt.date(2026, 12, 1)))
    assert expected in out
