"""``meldcode report``: the draft melding for Veilig Thuis and the anonymous advice summary.

The draft is derived from a decision record whose signature verifies (a training record gives
a draft watermarked OEFENING; :mod:`.records`); its sections follow the Veilig Thuis melding
form (:mod:`.build`). The betrokkenen come from a separate file, from the copy kept beside the
case, or are asked at report time (:mod:`.betrokkenen`); they are never stored in the record.

``--advies`` gives a pseudonymised summary for asking Veilig Thuis for advice anonymously:
roles and ages only. Before it is shown, every identifying value (from the betrokkenen file,
the melder's name and contact, the case label) is looked for in it; if one is found, nothing
is printed (:mod:`.leaks`). See ``docs/report.md``.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from meldcode_cli.i18n.messages import t
from meldcode_cli.record.model import Record, VerstrekkingRecord
from meldcode_cli.report.betrokkenen import (
    Betrokkenen,
    ask_betrokkenen,
    load_betrokkenen,
    parse_yes_no,
)
from meldcode_cli.report.build import build_report
from meldcode_cli.report.leaks import check_advies, identifying_values, known_values
from meldcode_cli.report.model import Report
from meldcode_cli.report.records import (
    UNCHECKED_KEY,
    ReportRefused,
    load_verified_record,
    resolve_record,
)
from meldcode_cli.report.render import FORMATS, render
from meldcode_cli.walk.casestore import CaseError

if TYPE_CHECKING:
    from meldcode_cli.walk.midcase import CaseView

__all__ = ["KEPT_PEOPLE", "ReportOutcome", "ReportRefused", "ReportRequest", "make_report"]


KEPT_PEOPLE = "betrokkenen.json"


def _case_folder(path: Path) -> Path | None:
    """The case folder a record (or a case folder) belongs to, if any."""
    for folder in (path, path.parent.parent):
        if (folder / "journal.jsonl").is_file():
            return folder
    return None


def _kept_people(path: Path) -> Path | None:
    folder = _case_folder(path)
    kept = folder / KEPT_PEOPLE if folder is not None else None
    return kept if kept is not None and kept.is_file() else None


def _offer_to_keep(
    path: Path, people: Betrokkenen, stdin: TextIO, out: TextIO, *, advies: bool
) -> None:
    """Asked once per case: keep the betrokkenen beside the case (never in the record) so
    the next format does not ask again. Only the full answers, and only with a yes."""
    import json

    from meldcode_cli.walk.casestore import atomic_write

    folder = _case_folder(path)
    if advies or folder is None or not people.betrokkenen:
        return
    out.write(t("report.ask.keep") + " ")
    out.flush()
    line = stdin.readline()
    if line == "" or parse_yes_no(line.strip() or "ja") is not True:
        return  # end of input, or no
    data = people.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    atomic_write(folder / KEPT_PEOPLE, json.dumps(data, ensure_ascii=False, indent=2).encode())
    out.write(t("report.ask.kept", path=folder / KEPT_PEOPLE) + "\n")


def _unfinished_case(arg: str) -> CaseView | None:
    """The case ``arg`` as it stands when it is a case label without a signed record."""
    from meldcode_cli.walk.casestore import CASE_LABEL_PATTERN, CaseStore

    if Path(arg).expanduser().exists() or not CASE_LABEL_PATTERN.match(arg):
        return None
    store = CaseStore()
    if not store.exists(arg):
        return None
    from meldcode_cli.walk.midcase import case_view

    view = case_view(arg, store=store)
    return view if view.concept else None


def _organisatie_texts(path: Path, record: Record) -> list[str]:
    """The dossier texts of the overlay pinned in the record's case, if its hash is the one
    the record names."""
    from meldcode_cli.protocol.organisatie import overlay_hash, parse_pinned
    from meldcode_cli.protocol.yamlio import read_text

    org = record.provenance.organisatie
    folder = _case_folder(path)
    pinned = folder / "organisatie.yaml" if folder is not None else None
    if org is None or pinned is None or not pinned.is_file():
        return []
    try:
        text = read_text(pinned)
        if overlay_hash(text) != org.hash:
            return []
        model = parse_pinned(text, str(pinned))
    except (OSError, ValueError):
        return []
    if model.dossier is None:
        return []
    return [" ".join(x.get().split()) for x in (model.dossier.intro, model.dossier.footer) if x]


@dataclass
class ReportRequest:
    record: str
    fmt: str = "md"
    output: Path | None = None
    betrokkenen: Path | None = None
    advies: bool = False
    vraag: str | None = None
    """--advies: the question for Veilig Thuis or a colleague (``consult``), leak-checked."""


@dataclass
class ReportOutcome:
    text: str
    path: Path | None
    training: bool
    record_path: Path
    warnings: list[str] = field(default_factory=list)


def make_report(
    req: ReportRequest,
    *,
    stdin: TextIO | None = None,
    prompt_out: TextIO | None = None,
    today: dt.date | None = None,
) -> ReportOutcome:
    """``meldcode report``: verify, gather the betrokkenen, build, render, check, write."""
    from meldcode_cli.walk.casestore import atomic_write

    if req.fmt not in FORMATS:
        raise CaseError("error.core.kies_md_txt_of", fmt=req.fmt)
    UNCHECKED_KEY.clear()
    live = _unfinished_case(req.record) if req.advies else None
    if live is not None:  # --advies on a case not signed yet: the case as it stands
        record, path = live.record, live.session.case.folder
    else:
        path = resolve_record(req.record)
        record = load_verified_record(path)
    if isinstance(record.decision, VerstrekkingRecord):
        raise CaseError(t("report.not_a_melding", path=path))
    stdin = sys.stdin if stdin is None else stdin
    people, source = _gather_people(req, path, stdin, prompt_out or sys.stderr)
    consultations = None
    if not req.advies and live is None:
        from meldcode_cli.record.consult import chain_consultations

        consultations = chain_consultations(path)
    report = build_report(
        record,
        people,
        advies=req.advies,
        today=today,
        people_source=source,
        vraag=req.vraag,
        consultations=consultations,
    )
    if live is not None:
        notice = "midcase.notice_unsigned" if live.complete else "midcase.notice"
        report.notices.insert(0, t(notice, step=live.step))
    if not req.advies:  # the organisation's own texts for the dossier (docs/organisatie.md)
        report.notices += _organisatie_texts(path, record)
    text = render(report, req.fmt)
    if req.advies:
        _check_advies(report, text, record, people, req.fmt, prompt_out or sys.stderr, today)
    if req.output is not None:
        atomic_write(req.output, text.encode("utf-8"))
    return ReportOutcome(text, req.output, report.training, path, list(UNCHECKED_KEY))


def _gather_people(
    req: ReportRequest, path: Path, stdin: TextIO, out: TextIO
) -> tuple[Betrokkenen | None, str]:
    """The betrokkenen and where they came from: ``--betrokkenen FILE``, the copy kept
    beside the case, asked on a terminal (offering to keep them), or none."""
    if req.betrokkenen is not None:
        people = load_betrokkenen(req.betrokkenen)
        return people, t("report.about.betrokkenen_file", name=req.betrokkenen.name)
    kept = _kept_people(path)
    if kept is not None:  # asked before for this case
        return load_betrokkenen(kept), t("report.about.betrokkenen_kept")
    if stdin.isatty():
        people = ask_betrokkenen(stdin, out, advies=req.advies)
        _offer_to_keep(path, people, stdin, out, advies=req.advies)
        return people, t("report.about.betrokkenen_asked")
    return None, t("report.about.betrokkenen_none")


def _check_advies(
    report: Report,
    text: str,
    record: Record,
    people: Betrokkenen | None,
    fmt: str,
    out: TextIO,
    today: dt.date | None,
) -> None:
    """Refuse an advice summary that shows an identifying value; warn (on ``out``) about
    what looks like one in the record's free texts."""
    check_advies(
        report,
        text,
        identifying_values(record, people),
        fmt,
        known=known_values(record, people),
    )
    from meldcode_cli.privacy.identcheck import free_text_findings, warning_lines

    for line in warning_lines(free_text_findings(record, today=today)):
        out.write(line + "\n")
