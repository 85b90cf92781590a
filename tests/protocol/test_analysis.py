"""The exhaustive path analysis."""

from __future__ import annotations

from meldcode_cli.authoring.validate import check_text
from meldcode_cli.protocol.afwegingskader import PATH_CODES
from meldcode_cli.protocol.analysis import analyse
from meldcode_cli.protocol.compiled import CompiledProtocol
from meldcode_cli.walk.driver import replay_walk
from tests.conftest import compile_text, minimal


def test_voorbeeld_every_decision_path_for_every_role(voorbeeld: CompiledProtocol) -> None:
    result = analyse(voorbeeld, cross_check=True)
    assert result.complete
    assert result.diagnostics == []
    expected = {f"{role}:{code}" for role in voorbeeld.roles for code in PATH_CODES}
    assert result.decision_paths == expected
    assert result.reachable == set(voorbeeld.by_id)


def test_cross_check_every_leaf_against_engine(voorbeeld: CompiledProtocol) -> None:
    result = analyse(voorbeeld, cross_check=True)
    # every distinct (path, unsafe, declared) combination was replayed through the engine
    assert len(result.cross_checked) >= len(result.decision_paths)


def test_unreachable_item_is_reported() -> None:
    text = minimal(
        step1="""\
      - id: signaal
        kind: yes_no
        text: Signaal?
      - id: nooit
        kind: text
        nature: feit
        text: Nooit
        when: signaal == ja and signaal == nee"""
    )
    result = check_text(text, "x.yaml")
    codes = [(d.code, d.line) for d in result.diagnostics]
    assert ("MC305", 17) in codes


def test_item_for_role_not_in_protocol_is_unreachable_or_error() -> None:
    text = minimal(
        step1="""\
      - id: signaal
        kind: yes_no
        text: Signaal?
        when: role == professional"""
    )
    result = check_text(text, "x.yaml")
    assert [d.code for d in result.errors] == ["MC205"]


def test_acute_trigger_after_afwegingskader_still_melden() -> None:
    # an acute answer in step 5 after afweging 2 "nee": the analysis must still prove
    # melden on every unsafe path (the engine reopens afweging 1 and 2)
    text = minimal(
        step5="""\
      - id: nu_acuut
        kind: yes_no
        text: Is er nu acuut gevaar?
        acute_if: ja
        sources: [nji-afwegingskader]"""
    )
    result = check_text(text, "x.yaml")
    assert result.ok, result.diagnostics


def test_path_limit_reported_not_hung() -> None:
    items = "\n".join(
        f"""\
      - id: q{i}
        kind: yes_no
        text: Vraag {i}?"""
        for i in range(22)
    )
    last = " and ".join(f"q{i} == ja" for i in range(22))
    items += f"""
      - id: alles
        kind: yes_no
        text: Alles?
        when: {last}"""
    # one late condition reads every answer: 2^22 states stay distinguishable
    compiled = compile_text(minimal(step1=items))
    result = analyse(compiled, max_paths=5000)
    assert not result.complete
    assert [d.code for d in result.diagnostics] == ["MC304"]
    assert "q" in (result.diagnostics[0].hint or "")


def test_states_merge_when_answers_no_longer_matter() -> None:
    # 30 independent yes/no items, none read later: one state per role, not 2^30
    items = "\n".join(
        f"""\
      - id: q{i}
        kind: yes_no
        text: Vraag {i}?"""
        for i in range(30)
    )
    compiled = compile_text(minimal(step1=items))
    result = analyse(compiled)
    assert result.complete
    assert result.paths <= 2 * 2 * len(PATH_CODES) * 2


def test_bare_yes_no_reference_means_ja_but_text_nee_counts_as_answered() -> None:
    compiled = compile_text(
        minimal(
            step1="""\
      - id: signaal
        kind: yes_no
        text: Signaal?
      - id: notitie
        kind: text
        nature: feit
        text: Notitie
      - id: na_signaal
        kind: text
        nature: feit
        text: Na signaal
        when: signaal
      - id: na_notitie
        kind: text
        nature: feit
        text: Na notitie
        when: notitie"""
        )
    )
    from meldcode_cli.walk.engine import Walk

    w = Walk(compiled, "huisarts")
    replay_walk(w, {"signaal": "nee", "notitie": "nee"})
    ids = {ci.id for ci in w.relevant()}
    assert "na_signaal" not in ids
    assert "na_notitie" in ids


TRIGGER_VIA_AFWEGING = """\
      - id: toch_zorg
        kind: yes_no
        text: Toch zorg?
        when: afweging_2 == nee
      - id: nu_acuut
        kind: yes_no
        text: Acuut?
        acute_if: ja
        sources: [nji-afwegingskader]
        when: toch_zorg"""


def test_trigger_depending_on_afweging_through_another_item_is_mc306() -> None:
    text = minimal(step5=TRIGGER_VIA_AFWEGING)
    result = check_text(text, "mini.yaml")
    assert [d.code for d in result.errors] == ["MC306"]
    assert "toch_zorg (via afweging_1, afweging_2)" in result.errors[0].message


def test_replay_of_contradictory_answers_stops_with_a_reason() -> None:
    from meldcode_cli.protocol.compiled import compile_protocol
    from meldcode_cli.protocol.loading import load_protocol_text
    from meldcode_cli.walk.engine import AnswerError, Walk

    text = minimal(step5=TRIGGER_VIA_AFWEGING)
    loaded = load_protocol_text(text, "mini.yaml")
    assert loaded.protocol is not None
    compiled, _ = compile_protocol(loaded.protocol)  # static checks pass; MC306 is analysis
    assert compiled is not None
    w = Walk(compiled, "huisarts")
    answers = {
        "signaal": "ja",
        "consult": "ja",
        "gesprek": "ja",
        "weging": "x",
        "afweging_1": "ja",
        "afweging_2": "nee",
        "afweging_3": "nee",
        "toch_zorg": "ja",
        "nu_acuut": "ja",
    }
    import pytest

    with pytest.raises(AnswerError, match="spreken elkaar tegen"):
        replay_walk(w, answers)


def test_long_checklist_in_conditions_is_approximated_not_falsely_unreachable() -> None:
    options = "\n".join(
        f"""\
          - id: o{i}
            text: Optie {i}"""
        for i in range(1, 13)
    )
    followups = "\n".join(
        f"""\
      - id: na_o{i}
        kind: text
        nature: feit
        text: Na optie {i}
        when: lijst contains o{i}"""
        for i in range(1, 13)
    )
    text = minimal(
        step1=f"""\
      - id: lijst
        kind: multi_choice
        text: Lijst
        options:
{options}
{followups}
      - id: beide
        kind: text
        nature: feit
        text: Beide
        when: lijst contains o3 and lijst contains o11"""
    )
    result = check_text(text, "mini.yaml")
    assert result.ok, result.diagnostics
    assert [d.code for d in result.diagnostics] == ["MC307"]


def test_shortcut_for_inert_conditional_items_changes_no_result() -> None:
    """Items with a condition that change nothing later are only tested for reachability
    (first state that satisfies it); the cross-check mode takes the long way on every state.
    Both must give the same paths, decision paths, reachable items and diagnostics."""
    from pathlib import Path

    from meldcode_cli.protocol.analysis import analyse
    from meldcode_cli.protocol.compiled import compile_protocol
    from meldcode_cli.protocol.loading import load_protocol_file

    root = Path(__file__).resolve().parents[2]
    files = sorted((root / "protocols").glob("*.yaml"))
    files += sorted((root / "tests" / "fixtures").rglob("*.yaml"))
    compared = 0
    for path in files:
        loaded = load_protocol_file(path, cache=False)
        if loaded.protocol is None:
            continue
        compiled, _ = compile_protocol(loaded.protocol)
        if compiled is None:
            continue
        fast = analyse(compiled)
        slow = analyse(compiled, cross_check=True)
        assert (fast.paths, fast.decision_paths, fast.reachable, fast.complete) == (
            slow.paths,
            slow.decision_paths,
            slow.reachable,
            slow.complete,
        ), path
        assert fast.diagnostics == slow.diagnostics, path
        compared += 1
    assert compared >= 6
