"""A finished case signed off: the professional's choice (sign the computed decision,
decide differently, or sign later), the override with its reason, and signing a corrected
case as an amendment. Used by ``start``, ``resume`` and the review of a finished case."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from meldcode_cli.i18n.messages import t
from meldcode_cli.walk import view as walkview
from meldcode_cli.walk.outcome import say
from meldcode_cli.walk.prompt.lines import report_signed
from meldcode_cli.walk.session import Session

__all__ = ["Signer", "amend", "ask_override", "make_signer", "own_role"]

Signer = Callable[[Session, TextIO], None]


def own_role() -> str | None:
    from meldcode_cli.record.paths import has_profile

    if not has_profile():  # without loading the profile's models
        return None
    from meldcode_cli.record.profile import ProfileError, ProfileStore

    store = ProfileStore()
    try:
        return str(store.load().role)
    except ProfileError:
        return None


def make_signer(
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
        from meldcode_cli.record.profile import ProfileStore
        from meldcode_cli.record.signing import sign_case
        from meldcode_cli.walk.prompt.passphrase import passphrase_source

        if sign and not ProfileStore().exists():
            say(stdout, t("key.no_profile", label=session.case.label))
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
                say(stdout, t("sign.later.how", label=session.case.label))
                return
            if choice == 2:
                override = ask_override(stdin, stdout)
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
            say(stdout, t("followup.after_sign", label=session.case.label))

    return finalize


def ask_override(stdin: TextIO, stdout: TextIO) -> Any:
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
    from meldcode_cli.record.signing import pending_changes, sign_case
    from meldcode_cli.report.verifyview import pending_lines
    from meldcode_cli.walk.confirm import NotConfirmed, confirm_signing
    from meldcode_cli.walk.prompt.lines import ask_text
    from meldcode_cli.walk.prompt.passphrase import passphrase_source

    if reason is None:
        say(stdout, "", t("review.reason.why"))
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
