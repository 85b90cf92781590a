"""The field-level difference between two records (``meldcode diff``, ``verify``)."""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from meldcode_cli.record.diff import diff_records
from meldcode_cli.record.model import Record
from meldcode_cli.report.verifyview import format_diff
from tests.conftest import ROOT

BASE = json.loads(
    (ROOT / "tests/fixtures/records-before-confirmation/0001-decision.json").read_text()
)["record"]


def _decision(melden: bool, hulp: bool, meldnormen: list[int]) -> dict[str, Any]:
    return {
        **BASE["decision"],
        "melden": melden,
        "hulp": hulp,
        "afsluiten": False,
        "meldnormen": meldnormen,
    }


def data(answers: dict[str, str], *, seq: int = 1) -> Any:
    """A whole record (the fixture's) with these answers in step 1."""
    out = copy.deepcopy(BASE)
    out.update(
        kind="decision" if seq == 1 else "amendment",
        sequence=seq,
        created_at=f"2026-12-0{seq}T10:00:00+00:00",
        decision=_decision(True, False, [2]),
        override=None,
        amendment_reason=None if seq == 1 else "Correctie.",
    )
    out["steps"] = [
        {
            **BASE["steps"][0],
            "items": [
                {
                    "id": k,
                    "kind": "text",
                    "text": f"Vraag {k}?",
                    "answer": v,
                    "answer_text": v,
                    "answered_at": None,
                    "nature": None,
                    "notes": [],
                }
                for k, v in answers.items()
            ],
        }
    ]
    return out


def record(answers: dict[str, str], *, seq: int = 1) -> Record:
    return Record.from_dict(data(answers, seq=seq))


ids = st.sampled_from(["a", "b", "c", "d", "e"])
values = st.text(alphabet="xyz ", min_size=1, max_size=5)


@settings(max_examples=100, deadline=None)
@given(old=st.dictionaries(ids, values), new=st.dictionaries(ids, values))
def test_the_diff_names_exactly_the_answers_that_differ(
    old: dict[str, str], new: dict[str, str]
) -> None:
    a, b = record(old), record(new, seq=2)
    changed = {c.field for c in diff_records(a, b)}
    expected = {k for k in old.keys() | new.keys() if old.get(k) != new.get(k)}
    assert changed == expected
    lines = format_diff(a, b, diff_records(a, b))
    assert "reden van de wijziging: Correctie." in lines[1]
    for k in expected & old.keys() & new.keys():
        assert f"  ~ Vraag {k}?: {old[k]} → {new[k]}" in lines


def test_a_record_against_itself_has_no_difference() -> None:
    a = record({"a": "ja", "b": "nee"})
    assert diff_records(a, copy.deepcopy(a)) == []
    assert "geen verschil" in format_diff(a, a, [])[-1]


def test_a_changed_decision_and_an_added_note_are_named() -> None:
    a = record({"a": "ja"})
    raw = data({"a": "ja"})
    raw["decision"] = _decision(False, True, [])
    note = {"text": "Buurvrouw belde.", "provenance": "x", "nature": "feit", "at": None}
    raw["steps"][0]["items"][0]["notes"] = [note]
    b = Record.from_dict(raw)
    fields = {c.field: c for c in diff_records(a, b)}
    assert fields["decision.outcome"].before == "melden"
    assert fields["decision.outcome"].after == "hulp"
    assert fields["decision.meldnormen"].after == "-"
    assert fields["note:a"].after == "Buurvrouw belde."
