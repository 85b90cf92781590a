"""``meldcode start``, ``resume`` and ``cases``: the walk, bound to a case on disk.

One core call per command. Interactive walks use the questionary prompter (or the plain
one); ``--answers FILE`` replays the same engine with the same validation. Everything the
person answers is journalled before the next question; an interrupted walk is saved and
says how to resume.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from meldcode_cli.errors import UsageError
from meldcode_cli.i18n.messages import adopt_lang, get_lang, t
from meldcode_cli.walk import view as walkview
from meldcode_cli.walk.casestore import CaseError, CaseStore, LabelTaken
from meldcode_cli.walk.engine import Walk
from meldcode_cli.walk.outcome import FinishedWalk, WalkOutcome, completed, finish, say
from meldcode_cli.walk.prompt.lines import report_recovery
from meldcode_cli.walk.runner import WalkInterrupted, interactive
from meldcode_cli.walk.session import Session, compile_text
from meldcode_cli.walk.signoff import Signer, amend, make_signer, own_role

__all__ = [
    "FinishedWalk",
    "WalkInterrupted",
    "WalkOutcome",
    "WalkRequest",
    "amend",
    "format_cases",
    "list_cases",
    "resume_walk",
    "review_case",
    "start_walk",
]


@dataclass
class WalkRequest:
    protocol: str
    role: str | None = None
    case: str | None = None
    plain: bool | None = None
    answers: Path | None = None
    save: bool = True
    sign: bool = True
    passphrase_file: Path | None = None
    yes: bool = False
    organisatie: Path | None = None
    """--organisatie PATH; without it the one file in $MELDCODE_HOME/organisatie/, if any."""


def use_plain(plain: bool | None, stdout: TextIO) -> bool:
    if plain is not None:
        return plain
    if os.environ.get("TERM") == "dumb":
        return True
    return not stdout.isatty()


def make_prompter(plain: bool, stdin: TextIO, stdout: TextIO) -> Any:
    if plain:
        from meldcode_cli.walk.prompt.plain import PlainPrompter

        return PlainPrompter(stdin, stdout)
    from meldcode_cli.walk.prompt.interactive import QuestionaryPrompter

    return QuestionaryPrompter()


def _auto_label() -> str:
    return "casus-" + dt.datetime.now().strftime("%Y%m%d-%H%M%S")


def _ask_role(roles: tuple[str, ...], stdin: TextIO, stdout: TextIO) -> str:
    from meldcode_cli.walk.prompt.lines import ask_numbered

    labels = [t("role." + r) for r in roles]
    return roles[ask_numbered(t("walk.role.choose"), labels, stdin, stdout) - 1]


def _load_protocol(name: str) -> tuple[str, str]:
    from meldcode_cli.authoring.catalog import find_protocol
    from meldcode_cli.protocol.textio import read_text

    path = find_protocol(name)
    try:
        return read_text(path), str(path)
    except (OSError, ValueError) as e:
        raise UsageError(f"{path}: {e}") from None


def _compile(req: WalkRequest) -> tuple[str, Any, tuple[str, str] | None]:
    """The protocol text, compiled with the organisation's overlay (if any), and the overlay."""
    from meldcode_cli.protocol.textio import read_text as _read_yaml_text
    from meldcode_cli.walk.casestore import find_overlay

    text, display = _load_protocol(req.protocol)
    overlay_path = find_overlay(req.organisatie)
    overlay = (_read_yaml_text(overlay_path), str(overlay_path)) if overlay_path else None
    return text, compile_text(text, display, organisatie=overlay), overlay


def _choose_role(req: WalkRequest, spec: Any, compiled: Any, stdin: TextIO, stdout: TextIO) -> str:
    """The walk's role: --role, the answers file, the signer's profile, or asked; a signer
    walks in the role of the profile."""
    role = req.role or (spec.role if spec else None)
    if spec is not None and req.role and spec.role != req.role:
        raise UsageError(
            "error.flow.en_role_in_verschillen", role=req.role, role2=spec.role, answers=req.answers
        )
    if role is not None and role not in compiled.roles:  # a usage error before "no terminal"
        raise UsageError(
            "error.flow.rol_hoort_niet_bij",
            role=role,
            id=compiled.id,
            join_compiled_roles=", ".join(compiled.roles),
        )
    if spec is None and not stdin.isatty():
        raise UsageError(t("walk.no_tty"))
    profile_role = own_role() if (req.sign and req.save) else None
    if role is None and profile_role in compiled.roles:
        role = profile_role  # the record has one role: the signer's
    if role is None:
        role = _ask_role(compiled.roles, stdin, stdout)
    if profile_role is not None and role.lower() != profile_role.lower():
        from meldcode_cli.record.signing import check_role

        try:
            check_role(profile_role, role)
        except CaseError as e:
            raise UsageError(e.message) from None
    if role not in compiled.roles:
        raise UsageError(
            "error.flow.rol_hoort_niet_bij",
            role=role,
            id=compiled.id,
            join_compiled_roles=", ".join(compiled.roles),
        )
    return role


def _day(req: WalkRequest, spec: Any, today: Callable[[], dt.date]) -> Callable[[], dt.date]:
    """Today, or the fixed ``today:`` of an answers file (reproducible replays)."""
    if spec is None or spec.today is None:
        return today
    try:
        fixed = spec.today if isinstance(spec.today, dt.date) else dt.date.fromisoformat(spec.today)
    except ValueError:
        raise UsageError(
            "error.flow.today_is_geen_datum",
            answers=req.answers,
            str_spec_today_40=str(spec.today)[:40],
        ) from None
    return lambda: fixed


def start_walk(
    req: WalkRequest,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    store: CaseStore | None = None,
    today: Callable[[], dt.date] = dt.date.today,
) -> WalkOutcome:
    stdin = sys.stdin if stdin is None else stdin
    stdout = sys.stdout if stdout is None else stdout
    text, compiled, overlay = _compile(req)
    spec = None
    if req.answers is not None:
        from meldcode_cli.walk.answersfile import load_answers

        spec = load_answers(req.answers)
    role = _choose_role(req, spec, compiled, stdin, stdout)
    day = _day(req, spec, today)
    target: Any
    label: str | None = None
    if req.save:
        store = store or CaseStore()
        target = _start_case(
            store,
            req.case,
            protocol_text=text,
            compiled=compiled,
            role=role,
            lang=get_lang(),
            today=day,
            organisatie_text=overlay[0] if overlay else None,
        )
        label = target.case.label
        say(stdout, t("walk.case", label=label))
        if compiled.organisatie is not None:
            say(stdout, t("org.walk.uses", name=compiled.organisatie.model.name))
    else:
        from meldcode_cli.walk.driver import BareTarget

        target = BareTarget(Walk(compiled, role, today=day()))
        say(stdout, t("walk.not_saved"))
    signer = make_signer(
        req.sign, req.passphrase_file, None if spec is not None else stdin, assume_yes=req.yes
    )
    if spec is not None:
        from meldcode_cli.walk.answersfile import replay_file

        return replay_file(target, spec, label, stdout, signer)
    return _interactive(target, label, use_plain(req.plain, stdout), stdin, stdout, signer)


def _interactive(
    target: Any,
    label: str | None,
    plain: bool,
    stdin: TextIO,
    stdout: TextIO,
    signer: Signer | None = None,
) -> WalkOutcome:
    from meldcode_cli.walk.driver import drive

    prompter = make_prompter(plain, stdin, stdout)
    prompter.saving = label is not None
    if isinstance(target, Session) and hasattr(prompter, "load_drafts"):
        prompter.load_drafts(target.drafts())
    with interactive(target, prompter, label) as run:
        drive(target, prompter)
    if run.paused:
        if label:
            say(stdout, t("walk.paused", label=label))
        else:
            say(stdout, t("walk.stopped_not_saved"))
        return WalkOutcome(label, "paused", target.walk.decision())
    decision = finish(target)
    if label:
        say(stdout, "", t("walk.saved", label=label))
    if signer is not None and isinstance(target, Session):
        signer(target, stdout)
    return completed(target, label, decision)


def resume_walk(
    label: str,
    *,
    plain: bool | None = None,
    on_change: str | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    store: CaseStore | None = None,
    today: Callable[[], dt.date] = dt.date.today,
    sign: bool = True,
    passphrase_file: Path | None = None,
    yes: bool = False,
) -> WalkOutcome:
    stdin = sys.stdin if stdin is None else stdin
    stdout = sys.stdout if stdout is None else stdout
    store = store or CaseStore()
    case = store.open(label, repair=False)  # an unknown label is the first thing to say
    # in the language the case was started in, unless --lang or MELDCODE_LANG says otherwise
    adopt_lang(case.header.get("lang"))
    if not stdin.isatty():
        raise UsageError(t("walk.no_tty_resume"))
    current = _current_text(case.protocol_id)
    session, info = Session.resume(store, label, current_text=current, today=today)
    report_recovery(info, stdout)
    if info.protocol_changed:
        choice = on_change or _ask_on_change(stdin, stdout)
        if choice == "restart":
            assert current is not None
            from meldcode_cli.walk.session import pinned_organisatie

            pinned_org = pinned_organisatie(session.case)
            # anchors are item ids: an anchor the new version removed is a clear CaseError
            compiled = compile_text(current, session.case.protocol_id, organisatie=pinned_org)
            session = _start_case(
                store,
                None,
                after=label,
                protocol_text=current,
                compiled=compiled,
                role=session.case.role,
                lang=get_lang(),
                today=today,
                organisatie_text=pinned_org[0] if pinned_org else None,
            )
            new_label = session.case.label
            say(stdout, t("walk.restarted", old=label, new=new_label))
            label = new_label
    walk = session.walk
    from meldcode_cli.record.signing import records_of

    if walk.is_complete() and any(e.type == "completed" for e in session.case.entries):
        return review_case(
            session,
            plain=use_plain(plain, stdout),
            stdin=stdin,
            stdout=stdout,
            sign=sign,
            passphrase_file=passphrase_file,
            yes=yes,
        )
    from meldcode_cli.walk.casemgmt import recap_lines

    say(stdout, *recap_lines(walk))  # where the case stands, before the next question
    signer: Signer
    if not records_of(session):
        signer = make_signer(sign, passphrase_file, stdin, assume_yes=yes)
    else:  # signed before: finishing now finishes a correction, signed as an amendment

        def signer(s: Session, out: TextIO) -> None:
            if sign:
                amend(s, stdin, out, passphrase_file=passphrase_file, yes=yes)
            else:
                say(out, t("review.amend_later", label=s.case.label))

    return _interactive(session, label, use_plain(plain, stdout), stdin, stdout, signer)


def _state(walk: Walk) -> tuple[Any, ...]:
    return (dict(walk.answers), list(walk.notes), list(walk.acute_events))


def review_case(
    session: Session,
    *,
    plain: bool,
    stdin: TextIO,
    stdout: TextIO,
    sign: bool = True,
    passphrase_file: Path | None = None,
    yes: bool = False,
) -> WalkOutcome:
    """A finished case, opened again: the summary per step, then the answers to change.

    Changes go through the engine's own *terug* (the chosen question is asked again, with
    its current answer; what follows from it is asked too; superseded answers are kept). If
    the case was signed, the result is signed as an amendment with a required reason,
    chained to the record before it. Nothing changed: nothing is written.
    """
    from meldcode_cli.record.signing import records_of
    from meldcode_cli.walk.driver import drive

    label = session.case.label
    prompter = make_prompter(plain, stdin, stdout)
    say(stdout, t("review.title", label=label))
    prompter.finished(session.walk, session.walk.decision())
    before = _state(session.walk)
    with interactive(session, prompter, label) as run:
        while True:
            chosen = prompter.choose_back(session.walk)
            if chosen is None:
                break
            drive(session, prompter, start_with=chosen)
    if run.paused:
        say(stdout, t("walk.paused", label=label))
        return WalkOutcome(label, "paused", session.walk.decision())
    from meldcode_cli.record.signing import unsigned_changes

    if _state(session.walk) == before:
        if sign and records_of(session) and unsigned_changes(session, walkview.record_texts()):
            say(stdout, t("review.pending", label=label))  # corrected before, never signed
            amend(session, stdin, stdout, passphrase_file=passphrase_file, yes=yes)
        else:
            say(stdout, t("review.unchanged", label=label))
            if sign and not records_of(session):  # finished, never signed: offer it now
                make_signer(sign, passphrase_file, stdin, assume_yes=yes)(session, stdout)
        return completed(session, label, session.walk.decision())
    decision = session.complete()
    say(stdout, "", t("walk.saved", label=label))
    if not records_of(session):
        make_signer(sign, passphrase_file, stdin, assume_yes=yes)(session, stdout)
    elif not sign:
        say(stdout, t("review.amend_later", label=label))
    else:
        amend(session, stdin, stdout, passphrase_file=passphrase_file, yes=yes)
    return completed(session, label, decision)


def _current_text(protocol_id: str) -> str | None:
    try:
        text, _ = _load_protocol(protocol_id)
    except UsageError:
        return None
    return text


def _ask_on_change(stdin: TextIO, stdout: TextIO) -> str:
    say(stdout, f"  1) {t('walk.on_change.pinned')}", f"  2) {t('walk.on_change.restart')}")
    stdout.write("> ")
    stdout.flush()
    line = stdin.readline()
    if line == "":
        raise EOFError
    return "restart" if line.strip() in ("2", "restart", "opnieuw") else "pinned"


MAX_LABEL_TRIES = 1000


def _start_case(
    store: CaseStore, label: str | None, *, after: str | None = None, **start: Any
) -> Session:
    """``Session.start`` under ``label`` (the user's own: taken is an error); without one
    under the first free label of casus-<date>-<time>, then ``-2``, ``-3``, ... (``after``:
    of ``<after>-2``, ``-3``, ..., a restart's new case). Each is claimed with an exclusive
    mkdir, so two starts in the same second get two cases, never one."""
    if label is not None:
        return Session.start(store, label, **start)
    stem = after or _auto_label()
    for n in range(1 if after is None else 2, MAX_LABEL_TRIES):
        with contextlib.suppress(LabelTaken):
            return Session.start(store, stem if n == 1 else f"{stem}-{n}", fresh=True, **start)
    raise LabelTaken("error.casestore.casus_bestaat_al_ga", label=f"{stem}-{MAX_LABEL_TRIES}")


def list_cases(
    *, due_only: bool = False, store: CaseStore | None = None, today: dt.date | None = None
) -> list[dict[str, Any]]:
    store = store or CaseStore()
    day = (today or dt.date.today()).isoformat()
    rows = []
    for case in store.iter_cases():
        summary = case.summary()
        if not summary:
            try:
                from meldcode_cli.protocol.yamlio import read_text

                summary = Session(
                    case, compile_text(read_text(case.pinned_protocol), case.label)
                ).summary()
            except (CaseError, OSError, ValueError):
                summary = {"label": case.label, "protocol": case.protocol_id}
        due = summary.get("follow_up_due")
        summary["due"] = bool(due and due <= day)
        if due_only and not summary["due"]:
            continue
        rows.append(summary)
    for label, problem in getattr(store, "unreadable", []):
        # named, not hidden: the other cases are still listed
        rows.append({"label": label, "unreadable": problem})
    return rows


def format_cases(rows: list[dict[str, Any]], fmt: str = "text") -> str:
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2)
    if not rows:
        return t("cases.none")
    header = (
        t("cases.label"),
        t("cases.protocol"),
        t("cases.step"),
        t("cases.last"),
        t("cases.due"),
    )
    table = [header]
    notes = []
    for r in rows:
        if r.get("unreadable"):
            notes.append(t("cases.unreadable", label=r.get("label"), problem=r["unreadable"]))
            continue
        status = t("cases.finished") if r.get("finished") else str(r.get("step", "?"))
        due = r.get("follow_up_due") or "-"
        if r.get("due"):
            due += " !"
        table.append(
            (
                str(r.get("label")),
                str(r.get("protocol")),
                status,
                str(r.get("last_activity") or "-")[:16],
                due,
            )
        )
    widths = [max(len(row[i]) for row in table) for i in range(4)]
    return "\n".join(
        [
            "  ".join(f"{cell:<{widths[i]}}" for i, cell in enumerate(row[:4])) + "  " + row[4]
            for row in table
        ]
        + notes
    )
