"""``meldcode start``, ``resume`` and ``cases``: the walk, bound to a case on disk.

One core call per command. Interactive walks use the questionary prompter (or the plain
one); ``--answers FILE`` replays the same engine with the same validation. Everything the
person answers is journalled before the next question; an interrupted walk is saved and
says how to resume.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from meldcode_cli.authoring.validate import UsageError
from meldcode_cli.i18n.messages import get_lang, t
from meldcode_cli.protocol.afwegingskader import Decision
from meldcode_cli.walk import view as walkview
from meldcode_cli.walk.casestore import CaseError, CaseStore
from meldcode_cli.walk.engine import AnswerError, Walk
from meldcode_cli.walk.prompt.lines import report_recovery, report_signed
from meldcode_cli.walk.runner import WalkInterrupted, interactive
from meldcode_cli.walk.session import Session, compile_text

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


@dataclass
class FinishedWalk:
    """The hand-over point to the signed decision record: everything it needs."""

    label: str | None
    walk: Walk
    decision: Decision | None
    protocol_hash: str | None


@dataclass
class WalkOutcome:
    label: str | None
    status: str  # completed | paused | incomplete
    decision: Decision | None = None
    missing: list[str] = field(default_factory=list)
    finished: FinishedWalk | None = None


def _out(stdout: TextIO, *lines: str) -> None:
    from meldcode_cli.walk.prompt.lines import write_lines

    write_lines(stdout, *lines)


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


def start_walk(  # noqa: PLR0912, PLR0915 - issue 14: to split
    req: WalkRequest,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    store: CaseStore | None = None,
    today: Callable[[], dt.date] = dt.date.today,
) -> WalkOutcome:
    stdin = sys.stdin if stdin is None else stdin
    stdout = sys.stdout if stdout is None else stdout
    text, display = _load_protocol(req.protocol)
    from meldcode_cli.protocol.organisatie import find_overlay
    from meldcode_cli.protocol.textio import read_text as _read_yaml_text

    overlay_path = find_overlay(req.organisatie)
    overlay = (_read_yaml_text(overlay_path), str(overlay_path)) if overlay_path else None
    compiled = compile_text(text, display, organisatie=overlay)
    spec = None
    if req.answers is not None:
        spec = _load_answers(req.answers)
    role = req.role or (spec.role if spec else None)
    if spec is not None and req.role and spec.role != req.role:
        raise UsageError(
            "error.flow.en_role_in_verschillen", role=req.role, role2=spec.role, answers=req.answers
        )
    if spec is None and not stdin.isatty():
        raise UsageError(t("walk.no_tty"))
    profile_role = _profile_role() if (req.sign and req.save) else None
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
    day = today
    if spec is not None and spec.today is not None:
        try:
            fixed = (
                spec.today if isinstance(spec.today, dt.date) else dt.date.fromisoformat(spec.today)
            )
        except ValueError:
            raise UsageError(
                "error.flow.today_is_geen_datum",
                answers=req.answers,
                str_spec_today_40=str(spec.today)[:40],
            ) from None
        day = lambda: fixed  # noqa: E731 - a fixed date for reproducible replays

    target: Any
    label: str | None = None
    if req.save:
        store = store or CaseStore()
        label = req.case or _auto_label()
        target = Session.start(
            store,
            label,
            protocol_text=text,
            compiled=compiled,
            role=role,
            lang=get_lang(),
            today=day,
            organisatie_text=overlay[0] if overlay else None,
        )
        _out(stdout, t("walk.case", label=label))
        if compiled.organisatie is not None:
            _out(stdout, t("org.walk.uses", name=compiled.organisatie.model.name))
    else:
        from meldcode_cli.walk.driver import BareTarget

        target = BareTarget(Walk(compiled, role, today=day()))
    if not req.save:
        _out(stdout, t("walk.not_saved"))
    signer = _signer(
        req.sign, req.passphrase_file, None if spec is not None else stdin, assume_yes=req.yes
    )
    if spec is not None:
        return _replay(target, spec, label, stdout, signer)
    return _interactive(target, label, use_plain(req.plain, stdout), stdin, stdout, signer)


Signer = Callable[[Session, TextIO], None]


def _profile_role() -> str | None:
    from meldcode_cli.record.profile import ProfileError, ProfileStore

    store = ProfileStore()
    if not store.exists():
        return None
    try:
        return str(store.load().role)
    except ProfileError:
        return None


def _signer(
    sign: bool,
    passphrase_file: Path | None,
    stdin: TextIO | None = None,
    *,
    assume_yes: bool = False,
) -> Signer:
    """What happens to a finished case: sign its record, or write a training record.

    With ``stdin`` (an interactive walk) the professional first chooses: sign the computed
    decision, decide differently (an override with reason and who was consulted), or sign
    later with ``meldcode sign``.
    """

    def finalize(session: Session, stdout: TextIO) -> None:
        from meldcode_cli.record.passphrase import passphrase_source
        from meldcode_cli.record.profile import ProfileStore
        from meldcode_cli.record.signing import sign_case

        if sign and not ProfileStore().exists():
            _out(stdout, t("key.no_profile", label=session.case.label))
            return
        override = None
        if sign and stdin is not None:
            from meldcode_cli.walk.prompt.lines import ask_numbered

            if session.walk.verstrekking() is not None:
                # an information request has no afwegingskader to decide differently from
                pick = ask_numbered(
                    t("sign.choose.verstrekking"), [t("sign.now"), t("sign.later")], stdin, stdout
                )
                choice = 3 if pick == 2 else 1
            else:
                choice = ask_numbered(
                    t("sign.choose"),
                    [t("sign.now"), t("sign.override"), t("sign.later")],
                    stdin,
                    stdout,
                )
            if choice == 3:
                _out(stdout, t("sign.later.how", label=session.case.label))
                return
            if choice == 2:
                override = _ask_override(stdin, stdout)
        confirmation = None
        if sign:
            from meldcode_cli.walk.confirm import NotConfirmed, confirm_signing

            try:
                confirmation = confirm_signing(
                    session, stdin, stdout, assume_yes=assume_yes, override=override
                )
            except NotConfirmed:
                return
        out = sign_case(
            session,
            passphrase=passphrase_source(passphrase_file) if sign else None,
            training=not sign,
            override=override,
            confirmation=confirmation,
            texts=walkview.record_texts(),
        )
        report_signed(out, stdout)
        decision = session.walk.decision()
        chosen = (
            override.chosen.melden if override is not None else bool(decision and decision.melden)
        )
        if chosen:
            _out(stdout, t("followup.after_sign", label=session.case.label))

    return finalize


def _ask_override(stdin: TextIO, stdout: TextIO) -> Any:
    from meldcode_cli.record.model import ChosenDecision, Override
    from meldcode_cli.walk.prompt.lines import ask_numbered, ask_text

    chosen = {}
    for part in ("melden", "hulp", "afsluiten"):
        chosen[part] = (
            ask_numbered(t(f"sign.override.{part}"), [t("walk.ja"), t("walk.nee")], stdin, stdout)
            == 1
        )
    reason = ask_text(t("sign.override.reason"), stdin, stdout) or ""
    consulted = ask_text(t("sign.override.consulted"), stdin, stdout) or ""
    return Override(chosen=ChosenDecision(**chosen), reason=reason, consulted=consulted)


def _load_answers(path: Path) -> Any:
    from meldcode_cli.authoring.scenarios import AnswersSpec
    from meldcode_cli.protocol.loading import validate_document
    from meldcode_cli.protocol.yamlio import read_text

    try:
        text = read_text(path)
    except FileNotFoundError:
        raise UsageError("error.flow.bestaat_niet", path=path) from None
    except (OSError, ValueError) as e:
        raise UsageError(f"{path}: {e}") from None
    spec, diags = validate_document(AnswersSpec, text, str(path))
    if spec is None:
        raise UsageError(
            "antwoordenbestand ongeldig:\n"
            + "\n".join(f"{d.where}: {d.code} {d.message}" for d in diags)
        )
    return AnswersFile(spec, text, str(path))


@dataclass
class AnswersFile:
    """An answers file: the validated spec, and its text for file:line:col in errors."""

    spec: Any
    text: str
    path: str

    def __getattr__(self, name: str) -> Any:
        return getattr(self.spec, name)

    def where(self, *loc: str | int) -> str:
        from meldcode_cli.protocol.yamlio import Locator

        line, col = Locator(self.text).locate(loc, key=True)
        return f"{self.path}:{line}:{col}"

    def answer_loc(self, item_id: str) -> tuple[str, ...]:
        if self.spec.evaluation is not None and item_id in self.spec.evaluation.answers:
            return ("evaluation", "answers", item_id)
        return ("answers", item_id)


def _replay(  # noqa: C901, PLR0912, PLR0915 - issue 14: to split
    target: Any, spec: Any, label: str | None, stdout: TextIO, signer: Signer | None = None
) -> WalkOutcome:
    from meldcode_cli.protocol.diagnostics import did_you_mean
    from meldcode_cli.walk.driver import replay_phases

    compiled = target.walk.compiled
    given = spec.all_answers()
    errors = []
    for k in given:
        ci = compiled.by_id.get(k)
        if ci is None or not ci.answerable:
            why = t("replay.unknown_item", id=k) if ci is None else t("replay.guidance_item", id=k)
            hint = did_you_mean(k, [c.id for c in compiled.items if c.answerable])
            errors.append(
                f"{spec.where(*spec.answer_loc(k))}: {why}" + (f"; {hint}" if hint else "")
            )
    known_checks = {c.id for c in compiled.checks}
    for cid in spec.justifications:
        if cid not in known_checks:
            hint = did_you_mean(cid, known_checks)
            errors.append(
                f"{spec.where('justifications', cid)}: {t('replay.unknown_check', id=cid)}"
                + (f"; {hint}" if hint else "")
            )
    if errors:
        raise UsageError("\n".join(errors))
    try:
        missing = replay_phases(target, spec.answers, spec.acute_steps, spec.evaluation)
    except AnswerError as e:
        where = spec.where(*spec.answer_loc(e.item_id)) if e.item_id in given else spec.path
        raise UsageError(
            "error.flow.antwoord_voor", where=where, item_id=e.item_id, reason=e.reason
        ) from None
    walk = target.walk
    relevant = {ci.id for ci in walk.relevant()}
    off_path = [k for k in given if k not in relevant]
    if off_path:
        raise UsageError(
            "\n".join(
                f"{spec.where(*spec.answer_loc(k))}: {t('replay.off_path', id=k)}" for k in off_path
            )
        )
    if missing:
        if isinstance(target, Session):
            target.save_summary()  # 'meldcode cases' shows the step reached
        _out(stdout, t("walk.missing", n=len(missing)), *(f"  - {m}" for m in missing))
        if label:
            _out(stdout, t("walk.paused", label=label))
        return WalkOutcome(label, "incomplete", walk.decision(), missing)
    fired = {c.id for c in walk.fired_checks()}
    for cid, text in spec.justifications.items():
        if cid not in fired:
            raise UsageError(
                f"{spec.where('justifications', cid)}: {t('replay.check_not_fired', id=cid)}"
            )
        try:
            target.justify(cid, text)
        except AnswerError as e:
            raise UsageError(f"{spec.where('justifications', cid)}: {e.reason}") from None
    open_checks = walk.unjustified()
    shown = [ci for ci in walk.relevant() if not ci.answerable and ci.id in walk.shown]
    if shown:
        _out(stdout, "", t("replay.guidance"))
        for ci in shown:
            _out(stdout, *(f"  {line}" for line in walkview.guidance_block(ci)))
    for c in walk.fired_checks():
        _out(stdout, "", *walkview.check_lines(c, walk))
    if open_checks:
        _out(
            stdout,
            "",
            t("replay.missing_justifications", n=len(open_checks)),
            *(
                f"  - {c.id}: {' '.join(c.check.message.get(get_lang()).split())}"
                for c in open_checks
            ),
            t("replay.justify_how"),
        )
        if label:
            _out(stdout, t("walk.paused", label=label))
        return WalkOutcome(label, "incomplete", walk.decision(), [c.id for c in open_checks])
    decision = _finish(target)
    _out(stdout, "", *walkview.decision_lines(decision, walk), "", *walkview.dossier_lines(walk))
    if signer is not None and isinstance(target, Session):
        signer(target, stdout)
    return _completed(target, label, decision)


def _finish(target: Any) -> Decision | None:
    if isinstance(target, Session):
        return target.complete()
    decision: Decision | None = target.walk.decision()
    return decision


def _completed(target: Any, label: str | None, decision: Decision | None) -> WalkOutcome:
    phash = target.case.protocol_hash if isinstance(target, Session) else None
    finished = FinishedWalk(label, target.walk, decision, phash)
    return WalkOutcome(label, "completed", decision, [], finished)


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
            _out(stdout, t("walk.paused", label=label))
        else:
            _out(stdout, t("walk.stopped_not_saved"))
        return WalkOutcome(label, "paused", target.walk.decision())
    decision = _finish(target)
    if label:
        _out(stdout, "", t("walk.saved", label=label))
    if signer is not None and isinstance(target, Session):
        signer(target, stdout)
    return _completed(target, label, decision)


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
    if not stdin.isatty():
        raise UsageError(t("walk.no_tty_resume"))
    current = _current_text(case.protocol_id)
    session, info = Session.resume(store, label, current_text=current, today=today)
    report_recovery(info, stdout)
    if info.protocol_changed:
        choice = on_change or _ask_on_change(stdin, stdout)
        if choice == "restart":
            assert current is not None
            new_label = _next_label(store, label)
            from meldcode_cli.walk.session import pinned_organisatie

            pinned_org = pinned_organisatie(session.case)
            # anchors are item ids: an anchor the new version removed is a clear CaseError
            compiled = compile_text(current, session.case.protocol_id, organisatie=pinned_org)
            session = Session.start(
                store,
                new_label,
                protocol_text=current,
                compiled=compiled,
                role=session.case.role,
                lang=get_lang(),
                today=today,
                organisatie_text=pinned_org[0] if pinned_org else None,
            )
            _out(stdout, t("walk.restarted", old=label, new=new_label))
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

    _out(stdout, *recap_lines(walk))  # where the case stands, before the next question
    signer: Signer
    if not records_of(session):
        signer = _signer(sign, passphrase_file, stdin, assume_yes=yes)
    else:  # signed before: finishing now finishes a correction, signed as an amendment

        def signer(s: Session, out: TextIO) -> None:
            if sign:
                amend(s, stdin, out, passphrase_file=passphrase_file, yes=yes)
            else:
                _out(out, t("review.amend_later", label=s.case.label))

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
    _out(stdout, t("review.title", label=label))
    prompter.finished(session.walk, session.walk.decision())
    before = _state(session.walk)
    with interactive(session, prompter, label) as run:
        while True:
            chosen = prompter.choose_back(session.walk)
            if chosen is None:
                break
            drive(session, prompter, start_with=chosen)
    if run.paused:
        _out(stdout, t("walk.paused", label=label))
        return WalkOutcome(label, "paused", session.walk.decision())
    from meldcode_cli.record.signing import unsigned_changes

    if _state(session.walk) == before:
        if sign and records_of(session) and unsigned_changes(session, walkview.record_texts()):
            _out(stdout, t("review.pending", label=label))  # corrected before, never signed
            amend(session, stdin, stdout, passphrase_file=passphrase_file, yes=yes)
        else:
            _out(stdout, t("review.unchanged", label=label))
            if sign and not records_of(session):  # finished, never signed: offer it now
                _signer(sign, passphrase_file, stdin, assume_yes=yes)(session, stdout)
        return _completed(session, label, session.walk.decision())
    decision = session.complete()
    _out(stdout, "", t("walk.saved", label=label))
    if not records_of(session):
        _signer(sign, passphrase_file, stdin, assume_yes=yes)(session, stdout)
    elif not sign:
        _out(stdout, t("review.amend_later", label=label))
    else:
        amend(session, stdin, stdout, passphrase_file=passphrase_file, yes=yes)
    return _completed(session, label, decision)


def amend(
    session: Session,
    stdin: TextIO,
    stdout: TextIO,
    *,
    passphrase_file: Path | None,
    yes: bool,
    reason: str | None = None,
) -> None:
    """Sign the corrected case as an amendment: a reason, the screen with the changes, yes."""
    from meldcode_cli.record.passphrase import passphrase_source
    from meldcode_cli.record.signing import pending_changes, sign_case
    from meldcode_cli.report.verifyview import pending_lines
    from meldcode_cli.walk.confirm import NotConfirmed, confirm_signing
    from meldcode_cli.walk.prompt.lines import ask_text

    if reason is None:
        _out(stdout, "", t("review.reason.why"))
        reason = ask_text(t("review.reason"), stdin, stdout) or ""
    try:
        confirmation = confirm_signing(
            session,
            stdin,
            stdout,
            assume_yes=yes,
            amendment_reason=reason,
            changes=pending_lines(pending_changes(session, reason, walkview.record_texts())),
        )
    except NotConfirmed:
        return
    out = sign_case(
        session,
        passphrase=passphrase_source(passphrase_file),
        kind="amendment",
        amendment_reason=reason,
        confirmation=confirmation,
        texts=walkview.record_texts(),
    )
    report_signed(out, stdout)


def _current_text(protocol_id: str) -> str | None:
    try:
        text, _ = _load_protocol(protocol_id)
    except UsageError:
        return None
    return text


def _ask_on_change(stdin: TextIO, stdout: TextIO) -> str:
    _out(stdout, f"  1) {t('walk.on_change.pinned')}", f"  2) {t('walk.on_change.restart')}")
    stdout.write("> ")
    stdout.flush()
    line = stdin.readline()
    if line == "":
        raise EOFError
    return "restart" if line.strip() in ("2", "restart", "opnieuw") else "pinned"


def _next_label(store: CaseStore, label: str) -> str:
    n = 2
    while store.exists(f"{label}-{n}"):
        n += 1
    return f"{label}-{n}"


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
