"""The command flows of ``init``, ``key export|rotate``, ``sign`` and ``evaluate``: what is
asked and said on the way to one record operation.

The record layer (:mod:`meldcode_cli.record`) builds, signs and verifies and shows nothing;
these flows ask the profile fields, show the screen with what will be signed, and say what
was written. Passphrases come from :func:`meldcode_cli.walk.prompt.passphrase.passphrase_source`
(asked without echo, or a private ``--passphrase-file``).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from meldcode_cli.i18n.messages import has, t
from meldcode_cli.record.profile import (
    ProfileError,
    ProfileStore,
    check_registration,
    looks_like_big,
    new_profile,
    parse_role,
)
from meldcode_cli.roles import PROFILE_ROLES
from meldcode_cli.walk.casestore import CaseError, CaseStore
from meldcode_cli.walk.prompt.lines import report_recovery, report_signed
from meldcode_cli.walk.session import Session

__all__ = ["evaluate_case", "export_key", "init_profile", "rotate_key", "sign_existing"]


def _ask_field(
    label: str,
    stdin: TextIO,
    stdout: TextIO,
    *,
    optional: bool = False,
    max_length: int = 200,
) -> str | None:
    """One profile field, checked as it is entered and asked again until it is right."""
    from meldcode_cli.walk.prompt.lines import read_line

    while True:
        value = read_line(stdin, stdout, label + " ")
        if not value and optional:
            return None
        if not value:
            stdout.write(t("key.required") + "\n")
        elif len(value) > max_length:
            stdout.write(t("key.init.too_long", n=max_length) + "\n")
        else:
            return value


def _role_key(own: str, base: str) -> str:
    """The role's own wording of a field (``key.init.organisation.huisarts``), if any."""
    return own if has(own) else base


def _ask_role(role: str | None, stdin: TextIO, stdout: TextIO) -> str:
    roles = ", ".join(PROFILE_ROLES)
    while role is None:
        typed = _ask_field(t("key.init.role"), stdin, stdout) or ""
        role = parse_role(typed)
        if role is None:
            stdout.write(t("key.init.role.unknown", role=typed, roles=roles) + "\n")
    parsed = parse_role(role)
    assert parsed is not None  # checked before it was asked, or asked until it was one
    return parsed


def _ask_registration(role: str, stdin: TextIO, stdout: TextIO) -> str | None:
    while True:
        registration = _ask_field(
            t(_role_key(f"key.init.registration.{role}", "key.init.registration")),
            stdin,
            stdout,
            optional=True,
            max_length=50,
        )
        if registration is None:
            return None
        if role == "wijkagent" and looks_like_big(registration):
            stdout.write(t("key.init.registration.big_police") + "\n")
            continue
        return registration


def init_profile(
    *,
    name: str | None,
    role: str | None,
    organisation: str | None,
    registration: str | None,
    contact: str | None,
    passphrase: Callable[[], str],
    force: bool,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    store: ProfileStore | None = None,
) -> tuple[str, dict[str, Any]]:
    """``meldcode init``: the fields not given as options are asked (on a terminal), then
    the profile and its first key are made. Returns (fingerprint, public key)."""
    stdin = sys.stdin if stdin is None else stdin
    stdout = sys.stdout if stdout is None else stdout
    store = store or ProfileStore()
    if store.exists() and not force:
        raise ProfileError("key.init.exists", path=store.profile_path)
    interactive = stdin.isatty()
    if not interactive and not (name and role and organisation):
        raise ProfileError("key.init.flags")
    if role is not None and parse_role(role) is None:
        raise ProfileError("key.init.role.unknown", role=role, roles=", ".join(PROFILE_ROLES))
    name = name or _ask_field(t("key.init.name"), stdin, stdout)
    role = _ask_role(role, stdin, stdout)
    organisation = organisation or _ask_field(
        t(_role_key(f"key.init.organisation.{role}", "key.init.organisation")), stdin, stdout
    )
    check_registration(role, registration)
    if registration is None and interactive:
        registration = _ask_registration(role, stdin, stdout)
    if contact is None and interactive:
        contact = _ask_field(t("key.init.contact"), stdin, stdout, optional=True)
    profile = new_profile(
        name=name,
        role=role,
        organisation=organisation,
        registration=registration,
        contact=contact,
    )
    fp = store.init(profile, passphrase(), force=force)
    return fp, store.export_public()


def rotate_key(
    passphrase: Callable[[], str],
    new_passphrase: Callable[[], str] | None,
    store: ProfileStore | None = None,
) -> tuple[str, str]:
    """``meldcode key rotate``: the current passphrase, then the new one (if asked)."""
    store = store or ProfileStore()
    old = passphrase()
    new = new_passphrase() if new_passphrase else None
    return store.rotate(old, new)


def export_key(store: ProfileStore | None = None) -> str:
    """``meldcode key export``: the current public key as JSON text."""
    return json.dumps((store or ProfileStore()).export_public(), ensure_ascii=False, indent=2)


def sign_existing(
    label: str,
    *,
    passphrase: Callable[[], str] | None,
    training: bool,
    override: str | None,
    reason: str | None,
    consulted: str | None,
    yes: bool = False,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    store: CaseStore | None = None,
) -> Path | None:
    """Sign a finished case, after the screen with what will be signed and a yes (or --yes).

    None when the person did not confirm (nothing signed)."""
    stdin = sys.stdin if stdin is None else stdin
    stdout = sys.stdout if stdout is None else stdout
    from meldcode_cli.record.signing import (
        ensure_finished,
        last_record,
        parse_override,
        pending_changes,
        sign_case,
    )
    from meldcode_cli.report.verifyview import pending_lines
    from meldcode_cli.walk.confirm import NotConfirmed, confirm_signing
    from meldcode_cli.walk.view import record_texts

    session, info = Session.resume(store or CaseStore(), label)
    report_recovery(info, stdout)  # a damaged journal tail is said, not hidden
    ov = parse_override(override, reason, consulted)
    amendment = reason if ov is None else None
    confirmation = None
    if not training:
        ensure_finished(session)
        amending = last_record(session) is not None
        if amending and not (amendment and amendment.strip()):
            raise CaseError("sign.amend.reason")
        changes = None
        if amending:
            changes = pending_lines(pending_changes(session, amendment, record_texts()))
        try:
            confirmation = confirm_signing(
                session,
                stdin,
                stdout,
                assume_yes=yes,
                override=ov,
                amendment_reason=amendment if amending else None,
                changes=changes,
            )
        except NotConfirmed:
            return None
    out = sign_case(
        session,
        passphrase=None if training else passphrase,
        training=training,
        override=ov,
        amendment_reason=amendment,
        confirmation=confirmation,
        texts=record_texts(),
    )
    report_signed(out, stdout)
    return out.path


def _open_evaluation(
    session: Session, label: str, reason: str | None, stdin: TextIO, stdout: TextIO
) -> None:
    """Start the evaluation; before its date a reason is needed (``--reason`` or asked)."""
    from meldcode_cli.walk.engine import AnswerError

    if session.walk.evaluation is not None:
        return
    due = session.walk.evaluation_due()
    today = session.walk.today
    if due and today and today.isoformat() < due and not (reason and reason.strip()):
        from meldcode_cli.walk.prompt.lines import ask_text

        reason = ask_text(t("eval.early_reason", due=due), stdin, stdout)
    try:
        session.open_evaluation(reason)
    except AnswerError as e:
        raise CaseError("error.keyflow.casus", label=label, reason=e.reason) from None


def evaluate_case(
    label: str,
    *,
    passphrase: Callable[[], str] | None,
    training: bool,
    plain: bool | None,
    yes: bool = False,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    store: CaseStore | None = None,
    reason: str | None = None,
) -> Path | None:
    """The afweging-5 evaluation: ask afweging 5 (and what follows), sign a new record.

    On or after the evaluation date; earlier only with a reason (``--reason`` or asked)."""
    stdin = sys.stdin if stdin is None else stdin
    stdout = sys.stdout if stdout is None else stdout
    from meldcode_cli.record.signing import sign_case
    from meldcode_cli.walk import flow as walkflow
    from meldcode_cli.walk.driver import drive
    from meldcode_cli.walk.runner import interactive
    from meldcode_cli.walk.view import record_texts

    session, info = Session.resume(store or CaseStore(), label)
    report_recovery(info, stdout)
    if "afweging_5" not in {ci.id for ci in session.walk.relevant()}:
        raise CaseError("error.keyflow.casus_heeft_geen_lopende", label=label)
    if not stdin.isatty():
        raise CaseError("walk.no_tty_resume")
    _open_evaluation(session, label, reason, stdin, stdout)
    prompter = walkflow.make_prompter(walkflow.use_plain(plain, stdout), stdin, stdout)
    with interactive(session, prompter, label) as run:
        drive(session, prompter, start_with="afweging_5")
    if run.paused:
        stdout.write(t("walk.paused", label=label) + "\n")
        return None
    session.complete()
    confirmation = None
    if not training:
        from meldcode_cli.walk.confirm import NotConfirmed, confirm_signing

        try:
            confirmation = confirm_signing(session, stdin, stdout, assume_yes=yes)
        except NotConfirmed:
            return None
    out = sign_case(
        session,
        passphrase=passphrase,
        training=training,
        kind="evaluation",
        confirmation=confirmation,
        texts=record_texts(),
    )
    report_signed(out, stdout)
    return out.path
