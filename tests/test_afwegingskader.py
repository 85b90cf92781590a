"""The decision function against the branching of brief §3.1 (the ORACLE table)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from meldcode_cli.afwegingskader import ORACLE, decide

LETTER = {"J": True, "N": False, "-": None, "?": None}


def _answers(code: str) -> dict[str, bool | None]:
    return {f"afweging_{i + 1}": LETTER[c] for i, c in enumerate(code)}


@pytest.mark.parametrize("code", sorted(ORACLE))
def test_every_oracle_row(code: str) -> None:
    decision = decide(_answers(code))
    assert decision is not None
    melden, hulp, afsluiten, normen = ORACLE[code]
    assert (decision.melden, decision.hulp, decision.afsluiten) == (melden, hulp, afsluiten)
    assert decision.meldnormen == normen
    assert decision.evaluatie_nodig == code.endswith("?")


def test_oracle_rows_are_the_eleven_lawful_paths() -> None:
    assert len(ORACLE) == 11
    assert all(code[0] in "JN" for code in ORACLE)
    # after "N" for afweging 1 nothing else is asked
    assert [c for c in ORACLE if c[0] == "N"] == ["N----"]


def test_incomplete_answers_give_no_decision() -> None:
    assert decide({}) is None
    assert decide({"afweging_1": True}) is None
    assert decide({"afweging_1": True, "afweging_2": False}) is None
    assert decide({"afweging_1": True, "afweging_2": False, "afweging_3": True}) is None


def test_structurele_onveiligheid_counts_as_afweging_2_ja() -> None:
    d = decide(
        {"afweging_1": True, "afweging_2": False, "afweging_3": True, "afweging_4": True},
        onveilig=True,
    )
    assert d is not None
    assert d.melden
    assert d.meldnormen == (1,)
    assert d.samen_met_veilig_thuis


def test_recorded_onveiligheid_overrides_afweging_1_nee() -> None:
    d = decide({"afweging_1": False, "afweging_2": True, "afweging_3": False}, onveilig=True)
    assert d is not None
    assert d.melden


values = st.sampled_from([True, False, None])


@given(a=st.tuples(values, values, values, values, values), onveilig=st.booleans())
def test_unsafe_always_melden(a: tuple[bool | None, ...], onveilig: bool) -> None:
    answers = {f"afweging_{i + 1}": v for i, v in enumerate(a)}
    d = decide(answers, onveilig=onveilig)
    if d is None:
        return
    if onveilig or d.afwegingen["2"]:
        assert d.melden
    # exactly one of the three ends, or help that still runs
    assert d.melden or d.hulp or d.afsluiten


def test_all_combinations_either_decide_per_oracle_or_wait() -> None:
    for combo in itertools.product("JN-", repeat=5):
        code = "".join(combo)
        d = decide(_answers(code))
        if d is None:
            continue
        asked = "".join("-" if v is None else ("J" if v else "N") for v in d.afwegingen.values())
        key = asked[:4] + ("?" if d.evaluatie_nodig else asked[4])
        assert key in ORACLE
        assert ORACLE[key][:3] == (d.melden, d.hulp, d.afsluiten)
