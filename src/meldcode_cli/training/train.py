"""``meldcode train``: walk the real protocol on a casus, with feedback against the expert key.

The engine stays untouched: :class:`TrainingPrompter` wraps the ordinary prompter (plain or
full-screen). It shows the casus vignette under each step header and, when a step is
finished (the walk moves on to a later step) or at the end, where the answers differ from
the key, why, and the source. Training cases live in their own store
(``<data>/training/cases/``), never among real cases, and end in an unsigned OEFENING record.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TextIO

from meldcode_cli.i18n.messages import t
from meldcode_cli.protocol.afwegingskader import Decision
from meldcode_cli.protocol.compiled import CItem, CompiledProtocol
from meldcode_cli.protocol.model import MultiChoiceItem
from meldcode_cli.roles import ROLES
from meldcode_cli.training.casus import Casus, KeyItem, outcome_of
from meldcode_cli.walk.engine import AnswerValue, Walk, normalize_answer, path_code

if TYPE_CHECKING:
    from meldcode_cli.walk.casestore import CaseStore

__all__ = [
    "DecisionFinding",
    "Expect",
    "Finding",
    "TrainOutcome",
    "TrainRequest",
    "TrainingPrompter",
    "casus_of_label",
    "expectations",
    "judge",
    "judge_decision",
    "start_training",
    "training_store",
]

Line = tuple[str, str]
"""A line of output and its rich style ("" for none)."""
Status = Literal["goed", "anders", "niet_gevraagd", "open"]
WRAP = 96


# --- the key, normalised ------------------------------------------------------------------


@dataclass(frozen=True)
class Expect:
    """One key item, normalised against its protocol item."""

    ci: CItem
    key: KeyItem
    answer: AnswerValue
    accept: tuple[AnswerValue, ...] = ()
    avoid: frozenset[str] = frozenset()

    @property
    def id(self) -> str:
        return self.ci.id

    @property
    def multi(self) -> bool:
        return isinstance(self.ci.item, MultiChoiceItem)


def expectations(casus: Casus, compiled: CompiledProtocol) -> list[Expect]:
    """The key's items in walk order (the casus is valid: every answer normalises)."""
    out = []
    for ci in compiled.items:
        ki = casus.key.items.get(ci.id)
        if ki is None:
            continue
        answer = normalize_answer(ci, ki.answer, role=casus.role)
        accept = tuple(normalize_answer(ci, a, role=casus.role) for a in ki.also_accept)
        out.append(Expect(ci, ki, answer, accept, frozenset(ki.avoid)))
    return out


@dataclass(frozen=True)
class Finding:
    expect: Expect
    status: Status
    given: AnswerValue = None
    missing: frozenset[str] = frozenset()
    """Multiple choice: options of the key that were not chosen."""
    avoided: frozenset[str] = frozenset()
    """Multiple choice: options chosen that the key says do not belong."""

    @property
    def ok(self) -> bool:
        return self.status == "goed"


def judge(expect: Expect, value: AnswerValue, *, asked: bool) -> Finding:
    """Compare one answer with the key. ``asked``: the item came up in this walk."""
    if not asked:
        return Finding(expect, "niet_gevraagd")
    if value is None:
        return Finding(expect, "open")
    if expect.multi:
        chosen = value if isinstance(value, frozenset) else frozenset({str(value)})
        wanted = expect.answer if isinstance(expect.answer, frozenset) else frozenset()
        missing = wanted - chosen
        avoided = chosen & expect.avoid
        exact_ok = expect.key.match != "exact" or chosen == wanted
        extra = chosen - wanted if expect.key.match == "exact" else frozenset()
        ok = not missing and not avoided and exact_ok
        return Finding(expect, "goed" if ok else "anders", value, missing, avoided | extra)
    ok = value == expect.answer or value in expect.accept
    return Finding(expect, "goed" if ok else "anders", value)


def findings(walk: Walk, expects: Sequence[Expect]) -> list[Finding]:
    relevant = {ci.id for ci in walk.relevant()}
    return [judge(e, walk.answers.get(e.id), asked=e.id in relevant) for e in expects]


@dataclass(frozen=True)
class DecisionFinding:
    given: str
    given_path: str
    expected: str
    expected_path: str

    @property
    def ok(self) -> bool:
        return self.given == self.expected and self.given_path == self.expected_path


def judge_decision(decision: Decision | None, casus: Casus) -> DecisionFinding:
    if decision is None:
        given = "-"
    else:
        given = outcome_of(decision.melden, decision.hulp, decision.afsluiten)
    return DecisionFinding(given, path_code(decision), casus.key.decision, casus.key.path)


# --- feedback as text -----------------------------------------------------------------------


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _short(text: str, n: int = 90) -> str:
    text = _one_line(text)
    return text if len(text) <= n else text[: n - 1] + "…"


def _wrapped(label: str, text: str, style: str = "") -> list[Line]:
    lead = f"    {label}: "
    lines = textwrap.wrap(
        _one_line(text),
        WRAP,
        initial_indent=lead,
        subsequent_indent=" " * len(lead),
        break_long_words=False,
        break_on_hyphens=False,
    )
    return [(line, style) for line in lines]


def _options_text(ci: CItem, ids: frozenset[str] | set[str]) -> str:
    from meldcode_cli.walk import view as walkview

    return walkview.answer_text(ci, frozenset(ids)) if ids else t("walk.none_chosen")


def source_line(compiled: CompiledProtocol, source_id: str) -> str:
    src = compiled.sources.get(source_id)
    if src is None:
        return source_id
    return f"{src.title} — {src.url}"


def expected_text(e: Expect) -> str:
    from meldcode_cli.walk import view as walkview

    text = walkview.answer_text(e.ci, e.answer)
    if e.multi and e.key.match == "contains":
        wanted = e.answer if isinstance(e.answer, frozenset) else frozenset()
        text = t("train.at_least", options=text) if wanted else t("train.no_required")
    if e.accept:
        alts = "; ".join(walkview.answer_text(e.ci, a) for a in e.accept)
        text += " " + t("train.also_ok", options=alts)
    return text


def finding_lines(
    f: Finding, compiled: CompiledProtocol, *, explain_ok: bool = False
) -> list[Line]:
    from meldcode_cli.walk import view as walkview

    e = f.expect
    question = _short(walkview.question_text(e.ci))
    if f.ok:
        lines: list[Line] = [(f"  ✓ {question}", "green")]
        if not explain_ok:
            return lines
    else:
        lines = [(f"  ✗ {question}", "bold red")]
    if f.status == "niet_gevraagd":
        given = t("train.not_asked")
    elif f.status == "open":
        given = t("train.not_answered")
    else:
        given = walkview.answer_text(e.ci, f.given)
    lines += _wrapped(t("train.yours"), given)
    lines += _wrapped(t("train.key"), expected_text(e), "bold")
    if f.missing:
        lines += _wrapped(t("train.missing"), _options_text(e.ci, f.missing))
    if f.avoided:
        lines += _wrapped(t("train.avoided"), _options_text(e.ci, f.avoided))
    lines += _wrapped(t("train.why"), e.key.explanation)
    lines += _wrapped(t("train.source"), source_line(compiled, e.key.source), "dim")
    return lines


def step_feedback_lines(
    step: int, found: Sequence[Finding], compiled: CompiledProtocol
) -> list[Line]:
    ok = sum(1 for f in found if f.ok)
    lines: list[Line] = [
        ("", ""),
        (t("train.feedback.title", step=step, ok=ok, n=len(found)), "bold magenta"),
    ]
    for f in found:
        lines += finding_lines(f, compiled)
    return lines


def _decision_text(outcome: str, path: str) -> str:
    names = [t(f"decision.{p}") for p in outcome.split("+") if p in ("melden", "hulp", "afsluiten")]
    return f"{' + '.join(names) or '-'} ({t('train.path')} {path})"


def decision_lines(d: DecisionFinding, casus: Casus, compiled: CompiledProtocol) -> list[Line]:
    mark, style = ("✓", "green") if d.ok else ("✗", "bold red")
    lines: list[Line] = [
        ("", ""),
        (t("train.decision.title"), "bold magenta"),
        (f"  {mark} {t('train.yours')}: {_decision_text(d.given, d.given_path)}", style),
        (f"    {t('train.key')}: {_decision_text(d.expected, d.expected_path)}", "bold"),
    ]
    lines += _wrapped(t("train.why"), casus.key.explanation)
    lines += _wrapped(t("train.source"), source_line(compiled, casus.key.source), "dim")
    return lines


def banner_lines(casus: Casus) -> list[Line]:
    bar = "═" * 72
    return [
        (bar, "bold magenta"),
        (" " + t("train.banner"), "bold magenta"),
        (
            " "
            + t(
                "train.casus_line",
                title=casus.title,
                id=casus.id,
                protocol=casus.protocol,
                role=t(f"role.{casus.role}") if casus.role in _ROLES else casus.role,
            ),
            "bold",
        ),
        (bar, "bold magenta"),
    ]


_ROLES = ROLES


def story_lines(text: str) -> list[Line]:
    lines: list[Line] = [(t("train.story"), "bold magenta")]
    for para in text.strip().split("\n\n"):
        for line in textwrap.wrap(
            _one_line(para),
            WRAP,
            initial_indent="  ",
            subsequent_indent="  ",
            break_on_hyphens=False,
        ):
            lines.append((line, "italic"))
    return lines


# --- the prompter wrapper -----------------------------------------------------------------


Emit = Callable[[Sequence[Line]], None]


def make_emit(prompter: Any) -> Emit:
    """Print lines the way ``prompter`` prints: its rich console, or its plain output."""
    console = getattr(prompter, "console", None)
    if console is not None:
        from rich.text import Text

        def emit_rich(lines: Sequence[Line]) -> None:
            for text, style in lines:
                console.print(Text(text, style=style), markup=False, highlight=False, emoji=False)

        return emit_rich
    output = getattr(prompter, "output", None)
    if output is not None:

        def emit_plain(lines: Sequence[Line]) -> None:
            for text, _style in lines:
                output.write(text + "\n")
            output.flush()

        return emit_plain
    return lambda _lines: None


@dataclass
class TrainingPrompter:
    """A prompter that adds the vignette and the feedback to any other prompter."""

    inner: Any
    casus: Casus
    compiled: CompiledProtocol
    feedback: Literal["step", "end"] = "step"
    emit: Emit | None = None
    log: list[str] = field(default_factory=list)
    results: list[Finding] = field(default_factory=list)
    decision: DecisionFinding | None = None
    _expects: list[Expect] = field(default_factory=list)
    _told: set[int] = field(default_factory=set)
    _given: dict[int, tuple[Any, ...]] = field(default_factory=dict)
    _furthest: int = 0

    def __post_init__(self) -> None:
        self._expects = expectations(self.casus, self.compiled)
        if self.emit is None:
            self.emit = make_emit(self.inner)

    def _print(self, lines: Sequence[Line]) -> None:
        self.log.extend(text for text, _ in lines)
        assert self.emit is not None
        self.emit(lines)

    def banner(self) -> None:
        self._print(banner_lines(self.casus))

    def _snapshot(self, step: int, walk: Walk) -> tuple[Any, ...]:
        relevant = {ci.id for ci in walk.relevant()}
        return tuple(
            (e.id, walk.answers.get(e.id), e.id in relevant)
            for e in self._expects
            if e.ci.step == step
        )

    def _feedback_for(self, steps: Sequence[int], walk: Walk) -> None:
        for step in steps:
            expects = [e for e in self._expects if e.ci.step == step]
            if not expects:
                continue
            snap = self._snapshot(step, walk)
            if self._given.get(step) == snap:
                continue
            self._given[step] = snap
            self._print(step_feedback_lines(step, findings(walk, expects), self.compiled))

    # --- Prompter ----------------------------------------------------------------------
    def step_started(self, step: int, walk: Walk) -> None:
        if self.feedback == "step" and step > self._furthest:
            self._feedback_for(range(1, step), walk)
        self._furthest = max(self._furthest, step)
        self.inner.step_started(step, walk)
        story = self.casus.story.get(step)
        if story and step not in self._told:
            self._told.add(step)
            self._print(story_lines(story))

    def show(self, item: CItem, walk: Walk) -> None:
        self.inner.show(item, walk)

    def ask(self, item: CItem, walk: Walk, problem: str | None, default: AnswerValue) -> Any:
        return self.inner.ask(item, walk, problem, default)

    def why(self, item: CItem, walk: Walk) -> None:
        self.inner.why(item, walk)

    def note(self, item: CItem, walk: Walk) -> tuple[str, str, str] | None:
        result: tuple[str, str, str] | None = self.inner.note(item, walk)
        return result

    def choose_back(self, walk: Walk) -> str | None:
        result: str | None = self.inner.choose_back(walk)
        return result

    def acute(self, walk: Walk) -> bool:
        return bool(self.inner.acute(walk))

    def check(self, check: Any, walk: Walk, *, again: bool) -> None:
        self.inner.check(check, walk, again=again)

    def justify(self, check: Any, walk: Walk) -> str | None:
        result: str | None = self.inner.justify(check, walk)
        return result

    def finished(self, walk: Walk, decision: Decision | None) -> None:
        self.inner.finished(walk, decision)
        if self.feedback == "end":
            self._given.clear()
        self._feedback_for(range(1, 6), walk)
        self.results = findings(walk, self._expects)
        self.decision = judge_decision(decision, self.casus)
        self._print(decision_lines(self.decision, self.casus, self.compiled))
        ok = sum(1 for f in self.results if f.ok)
        key = "train.summary.ok" if self.decision.ok else "train.summary.differs"
        self._print([("", ""), (t(key, ok=ok, n=len(self.results)), "bold magenta")])


# --- the command ---------------------------------------------------------------------------


@dataclass
class TrainRequest:
    casus: str
    feedback: Literal["step", "end"] = "step"
    plain: bool | None = None
    participant: str | None = None  # an alias for the debrief
    output: Path | None = None  # a folder the record is also written to


@dataclass
class TrainOutcome:
    label: str
    status: str  # completed | paused
    results: list[Finding] = field(default_factory=list)
    decision: DecisionFinding | None = None
    record: Path | None = None


def training_store() -> CaseStore:
    """Training cases: apart from real cases, under ``<data>/training/cases/``."""
    from meldcode_cli.walk.casestore import CaseStore, data_dir

    return CaseStore(data_dir() / "training")


def casus_of_label(label: str) -> str:
    """The casus id in a training case label ``<casus-id>.<stamp>``."""
    return label.rsplit(".", 1)[0] if "." in label else label


ALIAS = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")
_ALIAS_IN_LABEL = re.compile(r"^(?P<alias>[A-Za-z0-9][A-Za-z0-9_-]*)-\d{8}-\d{6}(?:-\d+)?$")


def alias_of_label(label: str) -> str | None:
    """The participant alias in a training case label ``<casus>.<alias>-<stamp>``."""
    if "." not in label:
        return None
    m = _ALIAS_IN_LABEL.match(label.rsplit(".", 1)[1])
    return m.group("alias") if m else None


def _label(
    store: CaseStore, casus_id: str, now: dt.datetime, participant: str | None = None
) -> str:
    stamp = f"{now:%Y%m%d-%H%M%S}"
    base = f"{casus_id}.{participant}-{stamp}" if participant else f"{casus_id}.{stamp}"
    label, n = base, 2
    while store.exists(label):
        label = f"{base}-{n}"
        n += 1
    return label


def _write(stdout: TextIO, *lines: str) -> None:
    for line in lines:
        stdout.write(line + "\n")
    stdout.flush()


def start_training(
    req: TrainRequest,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    store: CaseStore | None = None,
    today: Callable[[], dt.date] = dt.date.today,
    prompter: Any = None,
) -> TrainOutcome:
    """Walk a casus with feedback; the finished walk becomes an unsigned OEFENING record."""
    from meldcode_cli.errors import UsageError
    from meldcode_cli.i18n.messages import get_lang
    from meldcode_cli.record.signing import sign_case
    from meldcode_cli.training.casus import load_casus
    from meldcode_cli.walk.driver import drive
    from meldcode_cli.walk.flow import make_prompter, use_plain
    from meldcode_cli.walk.runner import interactive
    from meldcode_cli.walk.session import Session

    stdin = sys.stdin if stdin is None else stdin
    stdout = sys.stdout if stdout is None else stdout
    if req.participant is not None and not ALIAS.match(req.participant):
        raise UsageError("train.alias_invalid", alias=req.participant)
    if req.output is not None and req.output.exists() and not req.output.is_dir():
        raise UsageError("error.train.geen_map", output=req.output)
    check = load_casus(req.casus)
    casus, compiled = check.casus, check.compiled
    assert casus is not None
    assert compiled is not None
    if check.protocol_text is None:
        raise UsageError(
            "error.train.protocol_van_casus_is", id=casus.id, protocol_path=check.protocol_path
        )
    if prompter is None:
        if not stdin.isatty():
            raise UsageError("train.no_tty")
        prompter = make_prompter(use_plain(req.plain, stdout), stdin, stdout)
    store = store or training_store()
    label = _label(store, casus.id, dt.datetime.now(), req.participant)
    session = Session.start(
        store,
        label,
        protocol_text=check.protocol_text,
        compiled=compiled,
        role=casus.role,
        lang=get_lang(),
        today=today,
    )
    wrapper = TrainingPrompter(prompter, casus, compiled, req.feedback)
    wrapper.banner()
    with interactive(session, wrapper, None) as run:  # a training case is not resumed
        drive(session, wrapper)
    if run.paused:
        _write(stdout, t("train.paused", casus=casus.id))
        return TrainOutcome(label, "paused", wrapper.results, wrapper.decision)
    session.complete()
    from meldcode_cli.walk.view import record_texts

    out = sign_case(session, passphrase=None, training=True, texts=record_texts())
    from meldcode_cli.walk.casemgmt import short_path

    handin = out.path
    if req.output is not None:
        handin = _copy_out(out.path, req.output, casus.id, req.participant)
        _write(
            stdout,
            "",
            t("train.handin", path=short_path(handin)),
            t("train.handin_folder", folder=short_path(req.output)),
        )
    else:
        _write(
            stdout,
            "",
            t("train.record", path=short_path(out.path)),
            t("train.debrief_hint", path=short_path(out.path)),
        )
    return TrainOutcome(label, "completed", wrapper.results, wrapper.decision, handin)


def _copy_out(record: Path, folder: Path, casus_id: str, participant: str | None) -> Path:
    """The record, also in ``folder``, named ``<casus>-<alias>.json`` (never overwriting)."""
    from meldcode_cli.files.jsonio import os_error_reason
    from meldcode_cli.walk.casestore import CaseError, atomic_write

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise CaseError("train.output_folder", folder=folder, reason=os_error_reason(e)) from None
    base = f"{casus_id}-{participant}" if participant else f"{casus_id}-{record.parent.parent.name}"
    target, n = folder / f"{base}.json", 2
    while target.exists():
        target = folder / f"{base}-{n}.json"
        n += 1
    atomic_write(target, record.read_bytes())
    return target
