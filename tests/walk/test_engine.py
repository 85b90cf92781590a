"""The pure engine: next item, validation, going back, acute route, decision, replay."""

from __future__ import annotations

import datetime as dt

import pytest

from meldcode_cli.protocol.compiled import CompiledProtocol
from meldcode_cli.walk.driver import replay_walk
from meldcode_cli.walk.engine import AnswerError, Walk
from tests.conftest import compile_text, minimal

TODAY = dt.date(2026, 1, 15)

BASE = {
    "signalen": ["angst"],
    "signalen_feiten": "Feiten.",
    "kinderen": "nee",
    "advies_vt": "ja",
    "advies_vt_uitkomst": "Advies.",
    "gesprek": "gevoerd",
    "gesprek_verslag": "Verslag.",
    "weging": "Weging.",
}


def walk(voorbeeld: CompiledProtocol, role: str = "huisarts") -> Walk:
    return Walk(voorbeeld, role, today=TODAY)


def test_first_item_and_order(voorbeeld: CompiledProtocol) -> None:
    w = walk(voorbeeld)
    nxt = w.next_item()
    assert nxt is not None
    assert nxt.id == "signalen"
    assert nxt.step == 1
    w.answer("signalen", ["angst"])
    nxt = w.next_item()
    assert nxt is not None
    assert nxt.id == "signalen_feiten"


def test_unknown_role_rejected(voorbeeld: CompiledProtocol) -> None:
    with pytest.raises(AnswerError, match="rol 'arts'"):
        Walk(voorbeeld, "arts")


@pytest.mark.parametrize(
    ("item", "raw", "reason"),
    [
        ("kinderen", "misschien", "answer.yes_no"),
        ("signalen", ["vuur"], "answer.choice.unknown"),
        ("signalen", ["angst", "angst"], "answer.choice.twice"),
        ("signalen_feiten", "", "answer.required"),
        ("gesprek", "ja", "answer.choice.one_of"),
    ],
)
def test_invalid_answers_say_why(
    voorbeeld: CompiledProtocol, item: str, raw: object, reason: str
) -> None:
    w = walk(voorbeeld)
    replay_walk(w, {k: v for k, v in BASE.items() if k != item})
    with pytest.raises(AnswerError) as exc:
        w.answer(item, raw)
    assert exc.value.reason.key == reason  # the catalogue key, never the text


def test_yes_no_accepts_booleans_and_english(voorbeeld: CompiledProtocol) -> None:
    w = walk(voorbeeld)
    w.answer("signalen", [])
    w.answer("signalen_feiten", "x")
    w.answer("kinderen", True)
    assert w.answers["kinderen"] == "ja"
    w.answer("kinderen", "No")
    assert w.answers["kinderen"] == "nee"


def test_date_range_future(voorbeeld: CompiledProtocol) -> None:
    w = walk(voorbeeld)
    replay_walk(
        w, {**BASE, "afweging_1": "ja", "afweging_2": "nee", "afweging_3": "ja", "afweging_4": "ja"}
    )
    with pytest.raises(AnswerError, match="na vandaag"):
        w.answer("afweging_evaluatiedatum", "2026-01-15")
    with pytest.raises(AnswerError, match="JJJJ-MM-DD"):
        w.answer("afweging_evaluatiedatum", "15 februari")
    assert w.answer("afweging_evaluatiedatum", "2026-02-15") == "2026-02-15"


@pytest.mark.parametrize(
    ("typed", "iso"),
    [
        ("15-02-2026", "2026-02-15"),
        ("5-2-2026", "2026-02-05"),
        ("05/02/2026", "2026-02-05"),
        ("5.2.2026", "2026-02-05"),
        ("2026-02-05", "2026-02-05"),
        (" 2026-2-5 ", "2026-02-05"),
    ],
)
def test_dates_as_professionals_write_them(typed: str, iso: str) -> None:
    from meldcode_cli.walk.engine import parse_date

    assert parse_date(typed).isoformat() == iso


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("31-02-2026", "bestaat niet"),
        ("29-02-2027", "bestaat niet"),
        ("2026-13-01", "bestaat niet"),
        ("0-1-2026", "bestaat niet"),
        ("1-12-26", "DD-MM-JJJJ"),
        ("morgen", "DD-MM-JJJJ"),
        ("2026/12/01", "DD-MM-JJJJ"),
    ],
)
def test_impossible_dates_are_refused_with_a_hint(typed: str, hint: str) -> None:
    from meldcode_cli.walk.engine import parse_date

    with pytest.raises(AnswerError, match=hint):
        parse_date(typed)


def test_condition_shows_item_only_when_relevant(voorbeeld: CompiledProtocol) -> None:
    w = walk(voorbeeld)
    replay_walk(w, BASE)
    ids = [ci.id for ci in w.relevant()]
    assert "kinderen_aantal" not in ids
    w.answer("kinderen", "ja")
    assert "kinderen_aantal" in [ci.id for ci in w.relevant()]
    nxt = w.next_item()
    assert nxt is not None
    assert nxt.id == "kinderen_aantal"


def test_going_back_keeps_superseded_answers(voorbeeld: CompiledProtocol) -> None:
    w = walk(voorbeeld)
    replay_walk(w, {**BASE, "kinderen": "ja", "kinderen_aantal": "2 kinderen"})
    assert w.answers["kinderen_aantal"] == "2 kinderen"
    w.answer("kinderen", "nee", at="2026-01-16T10:00")
    assert "kinderen_aantal" not in w.answers
    kinds = {(s.item_id, s.value, s.reason) for s in w.superseded}
    assert ("kinderen_aantal", "2 kinderen", "niet meer van toepassing") in kinds
    assert ("kinderen", "ja", "gewijzigd") in kinds
    assert all(s.at == "2026-01-16T10:00" for s in w.superseded)


def test_role_changes_relevance(voorbeeld: CompiledProtocol) -> None:
    answers = {**BASE, "advies_vt": "nee"}
    answers.pop("advies_vt_uitkomst")
    ha = walk(voorbeeld, "huisarts")
    assert "advies_vt_reden_niet" in replay_walk(ha, answers)
    wa = walk(voorbeeld, "wijkagent")
    assert "advies_vt_reden_niet" not in replay_walk(wa, answers)


def test_acute_signal_forces_afweging_1_and_2(voorbeeld: CompiledProtocol) -> None:
    w = walk(voorbeeld)
    replay_walk(w, {**BASE, "signalen": ["letsel"]})
    assert w.flags() == (True, False)
    assert w.acute_events[0].item_id == "signalen"
    with pytest.raises(AnswerError, match="onveiligheid"):
        w.answer("afweging_1", "nee")
    w.answer("afweging_1", "ja")
    with pytest.raises(AnswerError, match="onveiligheid"):
        w.answer("afweging_2", "nee")


def test_acute_signal_added_later_reopens_afweging_2(voorbeeld: CompiledProtocol) -> None:
    w = walk(voorbeeld)
    replay_walk(
        w,
        {**BASE, "afweging_1": "ja", "afweging_2": "nee", "afweging_3": "nee", "geinformeerd": "x"},
    )
    d = w.decision()
    assert d is not None
    assert d.meldnormen == (2,)
    w.answer("signalen", ["verwurging"])
    assert "afweging_2" not in w.answers
    assert any(s.item_id == "afweging_2" for s in w.superseded)
    nxt = w.next_item()
    assert nxt is not None
    assert nxt.id == "afweging_2"


def test_declared_acute_route(voorbeeld: CompiledProtocol) -> None:
    w = walk(voorbeeld)
    w.answer("signalen", ["angst"])
    w.declare_acute(1, at="t1")
    assert w.acute_declared
    assert w.acute_events[-1].source == "declared"
    assert w.onveilig()


def test_decision_and_followup_items(voorbeeld: CompiledProtocol) -> None:
    w = walk(voorbeeld)
    missing = replay_walk(
        w, {**BASE, "afweging_1": "ja", "afweging_2": "nee", "afweging_3": "ja", "afweging_4": "ja"}
    )
    assert missing == ["afweging_evaluatiedatum"]
    w.answer("afweging_evaluatiedatum", "2026-03-01")
    assert w.is_complete()  # afweging 5 stays open until the evaluation
    d = w.decision()
    assert d is not None
    assert (d.melden, d.hulp, d.evaluatie_nodig) == (False, True, True)
    assert w.path_key() == "huisarts:JNJJ?"
    # afweging 5 belongs to the evaluation, and before the date only with a reason
    with pytest.raises(AnswerError, match="evaluatie"):
        w.answer("afweging_5", "nee")
    with pytest.raises(AnswerError, match="reden"):
        w.open_evaluation(None)
    ev = w.open_evaluation("escalatie: nieuw incident gemeld door de school")
    assert ev.early
    # no safety reached → melden (meldnorm 3 alone), informed item appears
    w.answer("afweging_5", "nee")
    d = w.decision()
    assert d is not None
    assert d.melden
    assert d.meldnormen == (3,)
    nxt = w.next_item()
    assert nxt is not None
    assert nxt.id == "geinformeerd"


def test_replay_lists_all_missing_answers_at_once(voorbeeld: CompiledProtocol) -> None:
    w = walk(voorbeeld)
    missing = replay_walk(w, {"signalen": ["angst"], "kinderen": "nee"})
    assert missing[:4] == ["signalen_feiten", "advies_vt", "gesprek", "weging"]
    assert "afweging_1" in missing


def test_replay_stops_at_invalid_answer(voorbeeld: CompiledProtocol) -> None:
    w = walk(voorbeeld)
    with pytest.raises(AnswerError) as exc:
        replay_walk(w, {**BASE, "kinderen": "soms"})
    assert exc.value.item_id == "kinderen"


def test_answer_for_irrelevant_item_is_refused(voorbeeld: CompiledProtocol) -> None:
    w = walk(voorbeeld)
    with pytest.raises(AnswerError, match="niet aan de orde"):
        w.answer("kinderen_aantal", "3")


def test_guidance_is_shown_not_answered() -> None:
    compiled = compile_text(
        minimal(
            step1="""\
      - id: info
        kind: guidance
        text: Lees dit.
        sources: [nji-afwegingskader]
      - id: signaal
        kind: yes_no
        text: Signaal?"""
        )
    )
    w = Walk(compiled, "huisarts")
    nxt = w.next_item()
    assert nxt is not None
    assert nxt.id == "info"
    with pytest.raises(AnswerError):
        w.answer("info", "ja")
    w.mark_shown("info")
    nxt = w.next_item()
    assert nxt is not None
    assert nxt.id == "signaal"


def test_decision_condition_after_afwegingskader() -> None:
    compiled = compile_text(
        minimal(
            step5="""\
      - id: informed
        kind: text
        nature: feit
        text: Wie is geinformeerd?
        when: decision.melden
      - id: monitoring
        kind: text
        nature: feit
        text: Afspraken over monitoring
        when: decision.afsluiten and afweging_1 == ja"""
        )
    )
    w = Walk(compiled, "wijkagent")
    base = {"signaal": "ja", "consult": "ja", "gesprek": "ja", "weging": "x", "afweging_1": "nee"}
    assert replay_walk(w, base) == []
    ids = {ci.id for ci in w.relevant()}
    assert "informed" not in ids
    assert "monitoring" not in ids
    w2 = Walk(compiled, "wijkagent")
    missing = replay_walk(w2, {**base, "afweging_1": "ja", "afweging_2": "ja", "afweging_3": "nee"})
    # afweging 2 ja: the shared safety items come first, then the melding's own item
    assert missing == ["afweging_veiligheid_afspraken", "informed"]


def test_options_limited_to_a_role() -> None:
    compiled = compile_text(
        minimal(
            step1="""\
      - id: grond
        kind: single_choice
        text: Grond?
        options:
          - id: knmg_geen_contact
            text: Geen contact na redelijke inspanning
            roles: [huisarts]
          - id: eigen_veiligheid
            text: Eigen veiligheid"""
        )
    )
    Walk(compiled, "huisarts").answer("grond", "knmg_geen_contact")
    with pytest.raises(AnswerError, match="kies één van: eigen_veiligheid"):
        Walk(compiled, "wijkagent").answer("grond", "knmg_geen_contact")


def test_choice_without_options_for_a_role_is_mc217() -> None:
    from meldcode_cli.authoring.validate import check_text

    text = minimal(
        step1="""\
      - id: grond
        kind: single_choice
        text: Grond?
        options:
          - id: a
            text: A
            roles: [huisarts]
          - id: b
            text: B
            roles: [huisarts]"""
    )
    result = check_text(text, "mini.yaml")
    assert [(d.code, d.message) for d in result.errors] == [
        ("MC217", "'grond' heeft geen enkele optie voor rol 'wijkagent'")
    ]


def test_checklist_needing_more_options_than_a_role_gets_is_mc217() -> None:
    from meldcode_cli.authoring.validate import check_text

    text = minimal(
        step1="""\
      - id: lijst
        kind: multi_choice
        text: Lijst
        min_selected: 2
        options:
          - id: a
            text: A
          - id: b
            text: B
            roles: [huisarts]"""
    )
    result = check_text(text, "mini.yaml")
    assert [(d.code, d.message) for d in result.errors] == [
        ("MC217", "'lijst' vraagt minstens 2 opties, maar rol 'wijkagent' krijgt er 1")
    ]
