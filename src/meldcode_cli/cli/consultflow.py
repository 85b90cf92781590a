"""The command flows of ``consult [request]``, ``consult answer`` and ``consult import``:
what is shown, asked and confirmed around the record operations of
:mod:`meldcode_cli.record.consult` (the files, signatures and checks)."""

from __future__ import annotations

import datetime as dt
import io
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from meldcode_cli.i18n.messages import t
from meldcode_cli.record import consult
from meldcode_cli.walk.casestore import CaseError

__all__ = ["RequestOutcome", "answer_request", "import_answer", "make_request"]


def _say(out: TextIO, *lines: str) -> None:
    """Lines to the person; on a terminal wrapped at word boundaries."""
    from meldcode_cli.walk.prompt.lines import write_lines

    write_lines(out, *lines)


def _confirm(stdin: TextIO, out: TextIO, lines: list[str], *, yes: bool) -> bool:
    _say(out, *lines)
    if yes:
        _say(out, t("consult.confirmed_yes"))
        return True
    if not stdin.isatty():
        raise CaseError("consult.answer.needs_yes")
    out.write(t("consult.answer.confirm") + " ")
    out.flush()
    reply = stdin.readline().strip().casefold()
    return reply in ("j", "ja", "y", "yes")


# --- the request ------------------------------------------------------------------------


@dataclass
class RequestOutcome:
    path: Path
    request_id: str
    warnings: list[str]


def make_request(
    label: str,
    question: str,
    *,
    output: Path | None = None,
    betrokkenen: Path | None = None,
    stdin: TextIO | None = None,
    prompt_out: TextIO | None = None,
    today: dt.date | None = None,
    store: Any | None = None,
) -> RequestOutcome:
    """``meldcode consult CASE``: the leak-checked advies summary of the case with the
    question, as a request file; its id and hash go into the case's journal."""
    from meldcode_cli.report.command import ReportRequest, make_report
    from meldcode_cli.walk.casestore import CaseStore
    from meldcode_cli.walk.midcase import case_view

    question = " ".join(question.split()) if question else ""
    if not question:
        raise CaseError("consult.request.no_question")
    store = store or CaseStore()
    view = case_view(label, store=store, today=today)
    outcome = make_report(
        ReportRequest(label, "txt", None, betrokkenen, advies=True, vraag=question),
        stdin=stdin if stdin is not None else io.StringIO(),
        prompt_out=prompt_out or sys.stderr,
        today=today,
    )
    request = consult.new_request(
        question=question,
        record=view.record,
        role=view.session.case.role,
        step=view.step,
        summary=outcome.text,
        day=(today or dt.date.today()).isoformat(),
    )
    path = output or Path(f"consult-{request['request_id'][:8]}.json")
    consult.save_request(view.session.case, request, path)
    return RequestOutcome(path, request["request_id"], outcome.warnings)


# --- the answer (the colleague) -------------------------------------------------------


def _ask_advice(stdin: TextIO, out: TextIO) -> str:
    _say(out, t("consult.answer.ask"))
    lines: list[str] = []
    while True:
        line = stdin.readline()
        if line == "" or not line.strip():
            break
        lines.append(line.rstrip("\n"))
    return "\n".join(lines).strip()


def answer_request(
    file: Path,
    *,
    advice: str | None,
    passphrase: Callable[[], str],
    output: Path | None = None,
    yes: bool = False,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    store: Any | None = None,
) -> Path | None:
    """``meldcode consult answer FILE``: show the request, take the advice, sign it with
    the colleague's own key. None when the colleague did not confirm."""
    from meldcode_cli.record.profile import ProfileStore, unlock_asking

    stdin = sys.stdin if stdin is None else stdin
    stdout = sys.stdout if stdout is None else stdout
    request = consult.load_request(file)
    store = store or ProfileStore()
    profile = store.load()
    _say(
        stdout,
        t("consult.answer.intro", id=request["request_id"][:8]),
        "",
        *str(request["summary"]).rstrip("\n").split("\n"),
        "",
        t("consult.answer.question", question=request["question"]),
        "",
    )
    if advice is None:
        if not stdin.isatty():
            raise CaseError("consult.answer.no_advice")
        advice = _ask_advice(stdin, stdout)
    advice = consult.check_advice(advice)
    confirm_lines = [
        t("consult.answer.signing", name=profile.name, role=profile.role),
        t("consult.answer.your_advice"),
        *("    " + ln for ln in advice.split("\n")),
    ]
    if not _confirm(stdin, stdout, confirm_lines, yes=yes):
        _say(stdout, t("consult.answer.not_signed"))
        return None
    pair = unlock_asking(store, passphrase)
    envelope = consult.sign_answer(request, advice, profile, pair)
    path = output or file.with_name(file.stem + "-antwoord.json")
    consult.write_answer(path, envelope)
    return path


# --- the import (the requester) ----------------------------------------------------------


def import_answer(
    label: str,
    file: Path,
    *,
    passphrase: Callable[[], str],
    yes: bool = False,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    store: Any | None = None,
    profiles: Any | None = None,
) -> consult.ImportOutcome | None:
    """``meldcode consult import CASE FILE``: check the signed answer and add it to the
    case's chain as a ``consultation`` record. ConsultRefused when it is not accepted."""
    from meldcode_cli.record.profile import ProfileStore, check_role, unlock_asking
    from meldcode_cli.walk.casestore import CaseStore
    from meldcode_cli.walk.session import Session

    stdin = sys.stdin if stdin is None else stdin
    stdout = sys.stdout if stdout is None else stdout
    profiles = profiles or ProfileStore()
    data, answer, fp = consult.load_answer(file)
    session, _ = Session.resume(store or CaseStore(), label)
    consult.check_for_case(
        session.case,
        file,
        data,
        answer,
        colleagues=consult.load_colleagues(profiles),
        own=profiles.keyring(),
    )
    profile = profiles.load()
    check_role(profile.role, session.case.role)
    consultant = answer["consultant"]
    lines = [
        t(
            "consult.import.summary",
            name=consultant["name"],
            role=consultant["role"],
            at=str(answer["answered_at"])[:10],
            fp=fp,
        ),
        t("consult.answer.your_advice"),
        *("    " + ln for ln in str(answer["advice"]).split("\n")),
        t("consult.import.signing", label=label),
    ]
    if not _confirm(stdin, stdout, lines, yes=yes):
        _say(stdout, t("consult.answer.not_signed"))
        return None
    pair = unlock_asking(profiles, passphrase)
    return consult.add_consultation(
        session,
        data,
        answer,
        fp,
        profile=profile,
        pair=pair,
        confirmation="yes-flag" if yes else "screen",
    )
