"""``init``, ``key export|rotate``, ``sign``, ``evaluate`` and ``verify``: one core call each.

Passphrases are read without echo from the terminal (``getpass``), or from a file given with
``--passphrase-file`` (for scripts; the file must be private to the user).
"""

from __future__ import annotations

import getpass
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from meldcode_cli.i18n.messages import CATALOGUE, t
from meldcode_cli.record.core import ChosenDecision, Override, VerifyResult
from meldcode_cli.record.profile import Profile, ProfileError, ProfileStore
from meldcode_cli.roles import PROFILE_ROLES
from meldcode_cli.walk.casestore import CaseError, CaseStore
from meldcode_cli.walk.session import Session

__all__ = [
    "evaluate_case",
    "export_key",
    "format_verify",
    "init_profile",
    "passphrase_source",
    "rotate_key",
    "sign_existing",
]


def passphrase_source(
    file: Path | None, *, confirm: bool = False, prompt_key: str = "key.passphrase"
) -> Callable[[], str]:
    """A function that returns the passphrase: from a private file, or asked without echo."""
    if file is not None:

        def from_file() -> str:
            from meldcode_cli.files import oscompat

            try:
                private = oscompat.is_private_file(file)
                text = file.read_text(encoding="utf-8")
            except OSError as e:
                raise ProfileError(f"--passphrase-file {file}: {e.strerror}") from None
            if not private:
                raise ProfileError("error.keyflow.is_leesbaar_voor_anderen", file=file)
            return text.rstrip("\r\n")

        return from_file

    def ask() -> str:
        if not sys.stdin.isatty():
            raise ProfileError(t("key.no_tty"))
        if not confirm:
            return getpass.getpass(t(prompt_key) + " ")
        # a new passphrase: too short or not repeated the same is asked again, not fatal
        for _ in range(MAX_NEW_PASSPHRASE_TRIES):
            first = getpass.getpass(t(prompt_key) + " ")
            if len(first) < MIN_PASSPHRASE:
                sys.stdout.write(t("key.passphrase.short", n=MIN_PASSPHRASE) + "\n")
                sys.stdout.flush()
                continue
            second = getpass.getpass(t("key.passphrase.again") + " ")
            if first == second:
                return first
            sys.stdout.write(t("key.passphrase.mismatch.again") + "\n")
            sys.stdout.flush()
        raise ProfileError(t("key.passphrase.gave_up"))

    return ask


MIN_PASSPHRASE = 8
MAX_NEW_PASSPHRASE_TRIES = 5

ROLES = PROFILE_ROLES


def parse_role(text: str) -> str | None:
    """A profile role as typed: case and surrounding spaces do not matter."""
    value = text.strip().lower()
    return value if value in ROLES else None


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


def looks_like_big(registration: str) -> bool:
    """A BIG number (11 digits) or a value that names BIG: the huisarts' register, never
    a police identifier."""
    import re

    digits = re.sub(r"\D", "", registration)
    return "big" in registration.casefold() or (
        len(digits) == 11 and digits == registration.strip()
    )


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
    stdin = sys.stdin if stdin is None else stdin
    stdout = sys.stdout if stdout is None else stdout
    store = store or ProfileStore()
    if store.exists() and not force:
        raise ProfileError(t("key.init.exists", path=store.profile_path))
    interactive = stdin.isatty()
    if not interactive and not (name and role and organisation):
        raise ProfileError(t("key.init.flags"))
    if role is not None and parse_role(role) is None:
        raise ProfileError(t("key.init.role.unknown", role=role, roles=", ".join(ROLES)))
    name = name or _ask_field(t("key.init.name"), stdin, stdout)
    while role is None:
        typed = _ask_field(t("key.init.role"), stdin, stdout) or ""
        role = parse_role(typed)
        if role is None:
            stdout.write(t("key.init.role.unknown", role=typed, roles=", ".join(ROLES)) + "\n")
    role = parse_role(role)
    org_key = f"key.init.organisation.{role}"
    organisation = organisation or _ask_field(
        t(org_key if org_key in CATALOGUE else "key.init.organisation"), stdin, stdout
    )
    reg_key = f"key.init.registration.{role}"
    while registration is None and interactive:
        registration = _ask_field(
            t(reg_key if reg_key in CATALOGUE else "key.init.registration"),
            stdin,
            stdout,
            optional=True,
            max_length=50,
        )
        if registration is None:
            break
        if role == "wijkagent" and looks_like_big(registration):
            stdout.write(t("key.init.registration.big_police") + "\n")
            registration = None
    if role == "wijkagent" and registration is not None and looks_like_big(registration):
        raise ProfileError(t("key.init.registration.big_police"))
    if contact is None and interactive:
        contact = _ask_field(t("key.init.contact"), stdin, stdout, optional=True)
    try:
        profile = Profile(
            name=name or "",
            role=role,  # type: ignore[arg-type]
            organisation=organisation or "",
            registration=registration,
            contact=contact,
        )
    except ValueError as e:  # a flag too long or empty: say which, in our words
        from pydantic import ValidationError

        fields = (
            ", ".join(str(err["loc"][0]) for err in e.errors())
            if isinstance(e, ValidationError)
            else "?"
        )
        raise ProfileError(t("key.init.invalid", fields=fields)) from None
    fp = store.init(profile, passphrase(), force=force)
    return fp, store.export_public()


def rotate_key(
    passphrase: Callable[[], str],
    new_passphrase: Callable[[], str] | None,
    store: ProfileStore | None = None,
) -> tuple[str, str]:
    store = store or ProfileStore()
    old = passphrase()
    new = new_passphrase() if new_passphrase else None
    return store.rotate(old, new)


def export_key(store: ProfileStore | None = None) -> str:
    return json.dumps((store or ProfileStore()).export_public(), ensure_ascii=False, indent=2)


def _parse_override(spec: str | None, reason: str | None, consulted: str | None) -> Override | None:
    if spec is None:
        return None
    chosen = {"melden": False, "hulp": False, "afsluiten": False}
    for part in spec.replace(" ", "").split(","):
        if part not in chosen:
            raise CaseError("error.keyflow.kies_uit_melden_hulp", part=part)
        chosen[part] = True
    if not (reason and consulted):
        raise CaseError("error.keyflow.vraagt_ook_en_wie")
    return Override(chosen=ChosenDecision(**chosen), reason=reason, consulted=consulted)


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
    from meldcode_cli.record.signing import ensure_finished, last_record, pending_changes, sign_case
    from meldcode_cli.walk.confirm import NotConfirmed, confirm_signing

    session, info = Session.resume(store or CaseStore(), label)
    from meldcode_cli.walk import flow as walkflow

    walkflow._report_recovery(info, stdout)  # a damaged journal tail is said, not hidden
    ov = _parse_override(override, reason, consulted)
    amendment = reason if ov is None else None
    confirmation = None
    if not training:
        ensure_finished(session)
        amending = last_record(session) is not None
        if amending and not (amendment and amendment.strip()):
            raise CaseError(t("sign.amend.reason"))
        try:
            confirmation = confirm_signing(
                session,
                stdin,
                stdout,
                assume_yes=yes,
                override=ov,
                amendment_reason=amendment if amending else None,
                changes=pending_changes(session, amendment) if amending else None,
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
    )
    report_signed(out, stdout)
    return out.path


def report_signed(out: Any, stdout: TextIO) -> None:
    if out.training:
        stdout.write(t("key.training_record", path=out.path) + "\n")
    else:
        stdout.write(t("key.signed", path=out.path, fp=out.fingerprint, kind=out.kind) + "\n")
    stdout.flush()


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

    store = store or CaseStore()
    session, info = Session.resume(store, label)
    walkflow._report_recovery(info, stdout)
    if "afweging_5" not in {ci.id for ci in session.walk.relevant()}:
        raise CaseError("error.keyflow.casus_heeft_geen_lopende", label=label)
    if not stdin.isatty():
        raise CaseError(t("walk.no_tty_resume"))
    from meldcode_cli.walk.engine import AnswerError

    if session.walk.evaluation is None:
        due = session.walk.evaluation_due()
        today = session.walk.today
        if due and today and today.isoformat() < due and not (reason and reason.strip()):
            from meldcode_cli.walk.prompt.lines import ask_text

            reason = ask_text(t("eval.early_reason", due=due), stdin, stdout)
        try:
            session.open_evaluation(reason)
        except AnswerError as e:
            raise CaseError("error.keyflow.casus", label=label, reason=e.reason) from None
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
    )
    report_signed(out, stdout)
    return out.path


def format_verify(results: list[VerifyResult], problems: list[str], fmt: str = "text") -> str:
    if fmt == "json":
        return json.dumps(
            {
                "valid": all(r.valid for r in results) and not problems,
                "records": [
                    {
                        "path": r.path,
                        "valid": r.valid,
                        "reasons": r.reasons,
                        "notes": r.notes,
                        "hash": r.hash,
                        "key_fingerprint": r.fingerprint,
                        "key_checked": r.key_checked,
                        "kind": (r.record or {}).get("kind"),
                        "sequence": (r.record or {}).get("sequence"),
                        "case": (r.record or {}).get("provenance", {}).get("case"),
                    }
                    for r in results
                ],
                "chain_problems": problems,
            },
            ensure_ascii=False,
            indent=2,
        )
    from meldcode_cli.report.verifyview import amendment_lines, signer_lines

    known = {str(r.record.get("record_id")): r.record for r in results if r.record}
    lines = []
    for r in results:
        rec = r.record or {}
        case = rec.get("provenance", {}).get("case", "?")
        what = t("verify.what", kind=rec.get("kind", "?"), seq=rec.get("sequence", "?"), case=case)
        if r.valid:
            head = t("verify.valid") if r.key_checked else t("verify.unchecked")
            lines.append(f"{r.path}: {head} ({what}; {r.fingerprint})")
            if not r.key_checked:  # the signer below is who the file claims, not proven
                lines.append("    - " + t("verify.unchecked.hint", fp=r.fingerprint))
            lines += signer_lines(rec, r.fingerprint)
            lines += amendment_lines(rec, Path(r.path), known)
        else:
            lines.append(f"{r.path}: {t('verify.invalid')} ({what})")
            lines.extend(f"    - {reason}" for reason in r.reasons)
        lines.extend(f"    {note}" for note in r.notes)
    lines.extend(f"{t('verify.chain')}: {p}" for p in problems)
    ok = sum(1 for r in results if r.valid and r.key_checked)
    unchecked = sum(1 for r in results if r.valid and not r.key_checked)
    lines.append(
        t(
            "verify.summary",
            n=len(results),
            ok=ok,
            bad=len(results) - ok - unchecked,
            chain=len(problems),
        )
    )
    if unchecked:
        lines.append(t("verify.summary_unchecked", n=unchecked))
    return "\n".join(lines)
