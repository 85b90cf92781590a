"""``meldcode debrief``: a group's training records of one casus, against the key.

Per decision point (every keyed item and every afweging) how many participants chose what,
and the decisions (melden / hulp / afsluiten). Only training (OEFENING) records are read,
as typed :class:`~meldcode_cli.record.model.Record` objects. This module reads and counts
(:func:`build_debrief` -> :class:`Debrief`); :mod:`.debriefview` shows the result as a bar
chart in the terminal, as plain text, or as a self-contained HTML page for a projector.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from meldcode_cli.errors import UsageError
from meldcode_cli.i18n.messages import t, tn
from meldcode_cli.protocol.compiled import CompiledProtocol
from meldcode_cli.protocol.model import MultiChoiceItem, SingleChoiceItem, YesNoItem
from meldcode_cli.record.model import DecisionRecord, Record
from meldcode_cli.training.casus import Casus, CasusCheck, expected_parts
from meldcode_cli.training.train import (
    Expect,
    alias_of_label,
    casus_of_label,
    expectations,
    judge,
)
from meldcode_cli.walk.engine import AnswerValue

__all__ = [
    "Debrief",
    "Participant",
    "Point",
    "Row",
    "build_debrief",
    "collect_records",
    "record_path",
]


@dataclass
class Row:
    label: str
    count: int
    expected: bool = False
    avoid: bool = False


@dataclass
class Point:
    id: str
    title: str
    rows: list[Row]
    total: int
    matching: int | None = None
    explanation: str | None = None
    source: str | None = None


@dataclass
class Participant:
    label: str
    name: str | None
    decision: str
    path: str
    ok: int
    n: int
    decision_ok: bool
    checks: int = 0
    """Checks on the participant's own steps that fired."""
    justified: int = 0


@dataclass
class Debrief:
    casus: Casus
    compiled: CompiledProtocol
    participants: list[Participant]
    decision: Point
    paths: Point
    items: list[Point]
    afwegingen: list[Point]
    notes: list[str] = field(default_factory=list)
    checks: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Per check id: (participants it fired for, of whom justified)."""

    @property
    def n(self) -> int:
        return len(self.participants)


# --- reading records ------------------------------------------------------------------------


def _is_record(path: Path) -> bool:
    import json

    try:
        with path.open("rb") as f:
            head = f.read(64 * 1024)
        return b'"meldcode_signed_record"' in head and isinstance(
            json.loads(path.read_bytes()), dict
        )
    except (OSError, ValueError):
        return False


def collect_records(paths: Sequence[Path]) -> list[Path]:
    """Record files; folders are searched recursively (``NNNN-<kind>.json``)."""
    from meldcode_cli.record.store import record_files

    files, missing = record_files(list(paths))
    # a folder the trainer collected: also records named by participant (train --output)
    for p in paths:
        if p.is_dir():
            files += [f for f in sorted(p.rglob("*.json")) if f not in files and _is_record(f)]
    if missing:
        raise UsageError("error.catalog.bestaat_niet", name=", ".join(missing))
    if not files:
        raise UsageError("debrief.none", paths=", ".join(map(str, paths)))
    return files


@dataclass(frozen=True)
class _Done:
    """A participant's training record and its decision (a debrief needs one)."""

    record: Record
    decision: DecisionRecord


def _load(files: Sequence[Path]) -> list[_Done]:
    from meldcode_cli.record.store import Unreadable, load_record

    by_case: dict[str, _Done] = {}
    for f in files:
        try:
            record = load_record(f)
        except Unreadable as e:  # said as a usage error: a file given on the command line
            raise UsageError(e.key, **e.params) from None
        if record.training is not True:
            raise UsageError("debrief.not_training", path=f)
        if record.melding is None:
            raise UsageError("error.debrief.het_record_heeft_geen", f=f)
        seen = by_case.get(record.case)
        if seen is None or record.sequence > seen.record.sequence:
            by_case[record.case] = _Done(record, record.melding)
    return [by_case[k] for k in sorted(by_case)]


def record_path(decision: DecisionRecord) -> str:
    """The decision path (J/N/-/?) of a record's decision section."""
    afw = decision.afwegingen
    open_ = {x.removeprefix("afweging_") for x in decision.open_met_veilig_thuis}
    code = ""
    for n in ("1", "2", "3", "4", "5"):
        v = afw.get(n)
        code += ("?" if n in open_ else "-") if v is None else ("J" if v else "N")
    if "evaluatie" in decision.outcome:
        code = code[:4] + "?"
    return code


def _answers(record: Record) -> tuple[dict[str, AnswerValue], set[str]]:
    answers: dict[str, AnswerValue] = {}
    asked: set[str] = set()
    for step in record.steps:
        for item in step.items:
            asked.add(item.id)
            value = item.answer
            answers[item.id] = frozenset(value) if isinstance(value, list) else value
    return answers, asked


# --- counting -------------------------------------------------------------------------------


def _item_point(
    e: Expect, people: list[tuple[dict[str, AnswerValue], set[str]]], role: str
) -> Point:
    from meldcode_cli.i18n.messages import get_lang
    from meldcode_cli.walk import view as walkview

    item = e.ci.item
    n = len(people)
    found = [judge(e, answers.get(e.id), asked=e.id in asked) for answers, asked in people]
    rows: list[Row] = []
    if isinstance(item, YesNoItem):
        for value in ("ja", "nee"):
            count = sum(1 for f in found if f.status in ("goed", "anders") and f.given == value)
            expected = value == e.answer or value in e.accept
            if count or expected:
                rows.append(Row(t(f"walk.{value}"), count, expected))
    elif isinstance(item, SingleChoiceItem | MultiChoiceItem):
        wanted = e.answer if isinstance(e.answer, frozenset) else frozenset({e.answer})
        accepted = set(wanted) | {a for a in e.accept if isinstance(a, str)}
        for o in item.options:
            if not o.for_role(role):
                continue
            if isinstance(item, MultiChoiceItem):
                count = sum(1 for f in found if isinstance(f.given, frozenset) and o.id in f.given)
            else:
                count = sum(1 for f in found if f.given == o.id)
            expected = o.id in accepted
            avoid = o.id in e.avoid
            if count or expected or avoid:
                label = " ".join(o.text.get(get_lang()).split())
                rows.append(Row(label, count, expected, avoid))
    open_ = sum(1 for f in found if f.status == "open")
    if open_:
        rows.append(Row(t("debrief.not_answered"), open_))
    not_asked = sum(1 for f in found if f.status == "niet_gevraagd")
    if not_asked:
        rows.append(Row(t("debrief.not_asked"), not_asked))
    title = walkview.question_text(e.ci)
    return Point(
        e.id,
        title,
        rows,
        n,
        sum(1 for f in found if f.ok),
        e.key.explanation,
        e.key.source,
    )


_PATH_LABEL = {"J": "walk.ja", "N": "walk.nee", "-": "debrief.not_asked", "?": "debrief.open"}


def _casus_of(records: list[Record], casus_ref: str | None) -> CasusCheck:
    """The casus the records were trained on (``--casus`` or the one their labels name)."""
    from meldcode_cli.training.casus import load_casus

    if casus_ref is None:
        ids = sorted({casus_of_label(r.case) for r in records})
        if len(ids) > 1:
            raise UsageError("debrief.mixed", ids=", ".join(ids))
        casus_ref = ids[0]
    return load_casus(casus_ref)


def _notes(
    records: list[Record], check: CasusCheck, casus: Casus, compiled: CompiledProtocol
) -> list[str]:
    """Records of another protocol are refused; another protocol version or role is noted."""
    from meldcode_cli.walk.casestore import protocol_hash

    notes: list[str] = []
    other_version = 0
    for r in records:
        proto = r.protocol
        if proto.id != compiled.id:
            raise UsageError("debrief.other_protocol", case=r.case, got=proto.id, want=compiled.id)
        if check.protocol_text is not None and proto.hash != protocol_hash(check.protocol_text):
            other_version += 1
    if other_version:
        notes.append(tn("debrief.other_version", other_version))
    if {r.role for r in records} - {casus.role}:
        notes.append(t("debrief.other_role", role=casus.role))
    return notes


def _afweging_points(casus: Casus, expects: list[Expect], paths: list[str]) -> list[Point]:
    """Per afweging: how many took J, N, - (not asked) or ? (left open), against the key."""
    from meldcode_cli.authoring.render import AFWEGING_NODES
    from meldcode_cli.i18n.messages import get_lang

    by_id = {e.id: e for e in expects}
    points = []
    for i in range(5):
        want = casus.key.path[i]
        chars = Counter(p[i] for p in paths)
        rows = [
            Row(t(_PATH_LABEL[c]), chars.get(c, 0), c == want)
            for c in "JN-?"
            if chars.get(c, 0) or c == want
        ]
        e = by_id.get(f"afweging_{i + 1}")
        nl, en = AFWEGING_NODES[f"a{i + 1}"]
        points.append(
            Point(
                f"afweging_{i + 1}",
                en if get_lang() == "en" else nl,
                rows,
                len(paths),
                chars.get(want, 0),
                e.key.explanation if e else None,
                e.key.source if e else None,
            )
        )
    return points


_PARTS = ("melden", "hulp", "afsluiten")


def _outcome(decision: DecisionRecord) -> str:
    return "+".join(p for p in _PARTS if getattr(decision, p))


def _decision_point(casus: Casus, done: list[_Done]) -> Point:
    """Melden / hulp / afsluiten: how many chose each, and how many the whole key."""
    parts = expected_parts(casus.key.decision)
    rows = [
        Row(t(f"decision.{name}"), sum(1 for d in done if getattr(d.decision, name)), parts[i])
        for i, name in enumerate(_PARTS)
    ]
    matching = sum(1 for d in done if _outcome(d.decision) == casus.key.decision)
    return Point(
        "decision",
        t("debrief.decision"),
        rows,
        len(done),
        matching,
        casus.key.explanation,
        casus.key.source,
    )


def _path_point(casus: Casus, paths: list[str]) -> Point:
    """The decision paths taken, most taken first; the key's path always shown."""
    counts = Counter(paths)
    rows = [
        Row(p, c, p == casus.key.path)
        for p, c in sorted(counts.items(), key=lambda x: (-x[1], x[0]))
    ]
    if casus.key.path not in counts:
        rows.append(Row(casus.key.path, 0, True))
    return Point("path", t("debrief.path"), rows, len(paths), counts.get(casus.key.path, 0))


def _participants(
    done: list[_Done], casus: Casus, expects: list[Expect], paths: list[str]
) -> tuple[list[Participant], dict[str, tuple[int, int]]]:
    """Each participant's score, and per fired check: (participants, of whom justified)."""
    participants = []
    check_counts: dict[str, list[int]] = {}
    for d, path in zip(done, paths, strict=True):
        r = d.record
        answers, asked = _answers(r)
        found = [judge(e, answers.get(e.id), asked=e.id in asked) for e in expects]
        prof = r.provenance.professional
        fired = r.checks.fired if r.checks is not None else []
        for c in fired:
            cnt = check_counts.setdefault(c.id, [0, 0])
            cnt[0] += 1
            cnt[1] += 1 if c.justification else 0
        outcome = _outcome(d.decision)
        participants.append(
            Participant(
                r.case,
                (prof.name if prof is not None else "") or alias_of_label(r.case),
                outcome,
                path,
                sum(1 for f in found if f.ok),
                len(found),
                outcome == casus.key.decision and path == casus.key.path,
                len(fired),
                sum(1 for c in fired if c.justification),
            )
        )
    return participants, {k: (v[0], v[1]) for k, v in sorted(check_counts.items())}


def build_debrief(files: Sequence[Path], casus_ref: str | None = None) -> Debrief:
    """Read the training records of ``files`` and count them against the casus key."""
    done = _load(files)
    records = [d.record for d in done]
    check = _casus_of(records, casus_ref)
    casus, compiled = check.casus, check.compiled
    assert casus is not None
    assert compiled is not None
    notes = _notes(records, check, casus, compiled)
    people = [_answers(r) for r in records]
    expects = expectations(casus, compiled)
    items = [
        _item_point(e, people, casus.role) for e in expects if not e.id.startswith("afweging_")
    ]
    paths = [record_path(d.decision) for d in done]
    participants, checks = _participants(done, casus, expects, paths)
    result = Debrief(
        casus,
        compiled,
        participants,
        _decision_point(casus, done),
        _path_point(casus, paths),
        items,
        _afweging_points(casus, expects, paths),
        notes,
    )
    result.checks = checks
    return result
