"""The decision function against the oracle written from the sources (NJi, KNMG stap 5).

Every combination of the five afwegingen in {ja, nee, open} — 243 of them, with and without
recorded onveiligheid — is checked against the one oracle row whose pattern matches it.
"""

from __future__ import annotations

import itertools

import pytest

from meldcode_cli.protocol.afwegingskader import KNMG5_URL, NJI_URL, ORACLE, decide, oracle_row

LETTER = {"J": True, "N": False, "?": None}
ALL_CODES = ["".join(c) for c in itertools.product("JN?", repeat=5)]


def _answers(code: str) -> dict[str, bool | None]:
    return {f"afweging_{i + 1}": LETTER[c] for i, c in enumerate(code)}


def test_oracle_rows_partition_every_combination() -> None:
    hits = {row.pattern: 0 for row in ORACLE}
    for code in ALL_CODES:
        hits[oracle_row(code).pattern] += 1  # raises unless exactly one row matches
    assert all(hits.values()), [p for p, n in hits.items() if not n]
    assert len(ORACLE) == 17


def test_every_row_cites_a_sentence_and_a_source() -> None:
    for row in ORACLE:
        assert len(row.source) > 30
        assert row.url in {
            NJI_URL,
            KNMG5_URL,
            "https://www.augeo.nl/nl-nl/themas/meldcode/meldcode-stappenplan/",
        }


@pytest.mark.parametrize("code", ALL_CODES)
def test_decide_matches_the_oracle(code: str) -> None:
    row = oracle_row(code)
    d = decide(_answers(code))
    if row.decision is None:
        assert d is None
        return
    assert d is not None
    assert (d.melden, d.hulp, d.afsluiten, d.meldnormen) == row.decision
    assert d.evaluatie_nodig == row.evaluatie


@pytest.mark.parametrize("code", [c for c in ALL_CODES if c[0] != "?"])
def test_recorded_onveiligheid_is_afweging_1_and_2_ja(code: str) -> None:
    d = decide(_answers(code), onveilig=True)
    row = oracle_row("JJ" + code[2:])
    assert d is not None
    assert row.decision is not None
    assert (d.melden, d.hulp, d.afsluiten, d.meldnormen) == row.decision


def test_afweging_2_ja_is_melden_with_meldnorm_1_at_once() -> None:
    d = decide({"afweging_1": True, "afweging_2": True})
    assert d is not None
    assert d.melden
    assert d.meldnormen == (1,)
    assert d.samen_met_veilig_thuis
    assert d.open_met_veilig_thuis == ("3",)
    d4 = decide({"afweging_1": True, "afweging_2": True, "afweging_3": True})
    assert d4 is not None
    assert d4.open_met_veilig_thuis == ("4",)


@pytest.mark.parametrize("code", ALL_CODES)
def test_meldnorm_2_only_without_acute_or_structural_onveiligheid(code: str) -> None:
    d = decide(_answers(code))
    if d is not None and 2 in d.meldnormen:
        assert d.afwegingen["2"] is False
        assert d.meldnormen == (2,)


@pytest.mark.parametrize("code", [c for c in ALL_CODES if c[4] != "?"])
def test_follow_up_meldnorm_3_alone_and_no_new_melding_after_ja(code: str) -> None:
    d = decide(_answers(code))
    if d is None or d.afwegingen["5"] is None:
        return
    if d.afwegingen["5"]:
        assert not d.melden
        assert d.afsluiten
        assert d.monitoring
        assert "melden" not in d.outcome
        assert d.eerder_gemeld == bool(d.afwegingen["2"])
    else:
        assert d.melden
        assert d.meldnormen == (3,)
        assert d.opnieuw_melden


def test_incomplete_answers_give_no_decision() -> None:
    assert decide({}) is None
    assert decide({"afweging_1": True}) is None
    assert decide({"afweging_1": True, "afweging_2": False}) is None
    assert decide({"afweging_1": True, "afweging_2": False, "afweging_3": True}) is None
