"""``meldcode journaal CASE``: a short SOEP entry to paste into the HIS/EPD journal.

S what the client said; O own observations and findings; E the weging and the meldcode step
reached; P the decision, who was consulted, vervolgafspraken and the evaluation date. Plain
text, lines of at most :data:`WIDTH` characters, no names (the case label is the pseudonym
that links the entry to the case on this machine). Works at any step; an unsigned case is
marked CONCEPT. See docs/journaal.md for the guidance it follows.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from meldcode_cli.i18n.messages import t
from meldcode_cli.record.model import NoteRecord, Record, VerstrekkingRecord
from meldcode_cli.walk.casestore import CaseError

__all__ = ["WIDTH", "JournaalOutcome", "build_journaal", "copy_to_clipboard", "make_journaal"]

WIDTH = 72
INDENT = "   "

# step-1 text items that are the client's own words go to S; the rest of step 1 to O
S_IDS = ("gesprek_verslag", "melding_reactie")
CONSULT_STEP = 2
FOLLOW_UP_IDS = ("vervolgafspraken", "monitoring_afspraken", "hulp_plan", "hulp_mantelzorger")


@dataclass
class _Item:
    id: str
    step: int
    kind: str
    nature: str | None
    answer: Any
    text: str
    answer_text: str
    notes: list[NoteRecord] = field(default_factory=list)

    @property
    def answered(self) -> bool:
        return self.answer not in (None, "", [])


def _items(record: Record) -> dict[str, _Item]:
    out: dict[str, _Item] = {}
    for step in record.steps:
        for it in step.items:
            out[it.id] = _Item(
                id=it.id,
                step=step.step,
                kind=it.kind,
                nature=it.nature,
                answer=it.answer,
                text=" ".join(it.text.split()),
                answer_text=" ".join(it.answer_text.split()),
                notes=list(it.notes),
            )
    return out


def _sentence(text: str) -> str:
    text = " ".join(text.split()).strip()
    if text and text[-1] not in ".!?":
        text += "."
    return text


def _date(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        return dt.date.fromisoformat(iso[:10]).strftime("%d-%m-%Y")
    except ValueError:
        return iso


def _wrap(letter: str, parts: Iterable[str]) -> list[str]:
    body = " ".join(p for p in parts if p) or t("journaal.nothing")
    return textwrap.wrap(
        body,
        width=WIDTH,
        initial_indent=f"{letter}: ",
        subsequent_indent=INDENT,
        break_long_words=True,
        break_on_hyphens=False,
    )


def _notes(items: Iterable[_Item], *, client: bool) -> list[str]:
    out = []
    for it in items:
        for n in it.notes:
            if (n.provenance == "client") == client:
                out.append(_sentence(n.text))
    return out


def build_journaal(
    record: Record,
    *,
    concept: bool,
    step: int,
    complete: bool,
    followup: dict[str, Any] | None = None,
    terugkoppelingen: list[dict[str, Any]] | None = None,
    consultations: list[dict[str, Any]] | None = None,
) -> str:
    """The journal entry of a record (signed, training, or built live from a case).
    ``followup`` and ``terugkoppelingen``: the case's melding and Veilig Thuis's feedback as
    the case folder keeps them (``walk.followup``); ``consultations``: the signed answers of
    collegiale consultaties (``record.consult``)."""
    items = _items(record)
    verzoek = record.decision if isinstance(record.decision, VerstrekkingRecord) else None
    lines = _head(record, concept=concept, verzoek=verzoek is not None)
    lines += _wrap(t("journaal.S"), _subjective(items))
    lines += _wrap(t("journaal.O"), _objective(items))
    lines += _wrap(t("journaal.E"), _evaluation(record, items, step=step, complete=complete))
    p_parts = _decided(record, verzoek, complete=complete)
    p_parts += _consulted(items, consultations or [])
    p_parts += _follow_up(items, followup, terugkoppelingen or [])
    evaluation = record.melding.evaluatiedatum if record.melding is not None else None
    if evaluation:
        p_parts.append(t("journaal.evaluatie", date=_date(str(evaluation))))
    lines += _wrap(t("journaal.P"), p_parts)
    assert all(len(line) <= WIDTH for line in lines)
    return "\n".join(lines) + "\n"


def _head(record: Record, *, concept: bool, verzoek: bool) -> list[str]:
    head = t("journaal.head_verzoek" if verzoek else "journaal.head")
    if concept:
        head += " — " + t("journaal.concept")
    elif record.training:
        head += " — " + t("journaal.training")
    proto = record.protocol
    ref = t("journaal.ref", title=proto.title, case=record.case, version=proto.version)
    return textwrap.wrap(head, WIDTH, subsequent_indent=INDENT) + textwrap.wrap(
        ref, WIDTH, subsequent_indent=INDENT
    )


def _subjective(items: dict[str, _Item]) -> list[str]:
    """S: the client's own words."""
    parts = [_sentence(items[i].answer_text) for i in S_IDS if i in items and items[i].answered]
    return parts + _notes(items.values(), client=True)


def _objective(items: dict[str, _Item]) -> list[str]:
    """O: signals, own observations and findings, kindcheck."""
    parts: list[str] = []
    signals = items.get("signalen")
    if signals is not None and signals.answered:
        parts.append(t("journaal.signalen", list=signals.answer_text.rstrip(".")) + ".")
    for it in items.values():
        if it.step != 1 or it.kind != "text" or not it.answered:
            continue
        if it.nature == "interpretatie" or it.id in (*S_IDS, "kindcheck_kinderen"):
            continue
        parts.append(_sentence(it.answer_text))
    kind = items.get("kindcheck")
    if kind is not None and kind.answered:
        if kind.answer == "ja":
            kids = items.get("kindcheck_kinderen")
            detail = kids.answer_text if kids is not None and kids.answered else ""
            parts.append(_sentence(t("journaal.kindcheck_ja", detail=detail).rstrip(": ")))
        else:
            parts.append(t("journaal.kindcheck_nee"))
    return parts + _notes((i for i in items.values() if i.step == 1), client=False)


def _evaluation(record: Record, items: dict[str, _Item], *, step: int, complete: bool) -> list[str]:
    """E: interpretation, weging, the step reached."""
    parts: list[str] = []
    for it in items.values():
        if it.step == 1 and it.nature == "interpretatie" and it.answered:
            parts.append(_sentence(it.answer_text))
    for it in items.values():
        if it.step == 4 and it.kind == "text" and it.answered:
            parts.append(_sentence(it.answer_text))
    if not any(it.step == 4 and it.answered for it in items.values()):
        parts.append(t("journaal.no_weging"))
    if record.acute:
        steps = sorted({a.step for a in record.acute})
        parts.append(t("journaal.acute", steps=", ".join(map(str, steps))))
    if complete:
        verzoek = isinstance(record.decision, VerstrekkingRecord)
        parts.append(t("journaal.step_done_verzoek" if verzoek else "journaal.step_done"))
    else:
        title = next((s.title for s in record.steps if s.step == step), "")
        parts.append(t("journaal.step_at", n=step, title=title))
    return parts


def _decided(record: Record, verzoek: VerstrekkingRecord | None, *, complete: bool) -> list[str]:
    """P, first: the decision (or the verstrekkingsbesluit), once the case is complete."""
    decision, chosen = record.melding, record.chosen
    parts: list[str] = []
    if verzoek is not None and complete:
        from meldcode_cli.i18n.messages import has

        key = f"walk.verstrekking.{verzoek.besluit}"
        what = t(key) if has(key) else verzoek.besluit
        parts.append(t("journaal.besluit", what=what))
        if verzoek.grondslag:
            parts.append(_sentence(t("walk.verstrekking.grondslag", grondslag=verzoek.grondslag)))
        if verzoek.vervolgdatum:
            parts.append(t("journaal.evaluatie", date=_date(verzoek.vervolgdatum)))
    elif decision is not None and chosen is not None and complete:
        what = " + ".join(
            t(f"decision.{k}") for k in ("melden", "hulp", "afsluiten") if getattr(chosen, k)
        )
        parts.append(t("journaal.besluit", what=what))
        normen = decision.meldnormen
        if normen:
            parts.append(t("journaal.meldnormen", normen=", ".join(map(str, normen))))
        if record.override:
            parts.append(t("journaal.override"))
    else:
        parts.append(t("journaal.geen_besluit"))
    return parts


def _consulted(items: dict[str, _Item], consultations: list[dict[str, Any]]) -> list[str]:
    """P: who was consulted (step 2's texts, the signed consultations)."""
    parts: list[str] = []
    consulted = [
        _sentence(it.answer_text)
        for it in items.values()
        if it.step == CONSULT_STEP and it.kind == "text" and it.answered
    ]
    signed = [
        t(
            "consult.journaal",
            name=c.get("consultant", ""),
            role=c.get("consultant_role", ""),
            date=_date(str(c.get("answered_at", ""))[:10]),
        )
        for c in consultations
    ]
    if consulted:
        parts.append(t("journaal.overleg") + " " + " ".join(consulted))
    elif not signed:
        parts.append(t("journaal.geen_overleg"))
    return parts + signed


def _follow_up(
    items: dict[str, _Item],
    followup: dict[str, Any] | None,
    terugkoppelingen: list[dict[str, Any]],
) -> list[str]:
    """P: who was informed, the conversation planned, the agreements, the melding made
    and Veilig Thuis's feedback."""
    parts: list[str] = []
    informed = items.get("melding_geinformeerd")
    if informed is not None and informed.answered:
        parts.append(t("journaal.geinformeerd", what=informed.answer_text.rstrip(".")) + ".")
    gesprek = items.get("gesprek_gepland")
    if gesprek is not None and gesprek.answered:
        parts.append(t("journaal.gesprek_gepland", date=_date(str(gesprek.answer))))
    for i in FOLLOW_UP_IDS:
        if i in items and items[i].answered:
            parts.append(_sentence(items[i].answer_text))
    if followup:
        channel = t(f"followup.channel.{followup.get('channel')}")
        parts.append(t("journaal.gemeld", date=_date(str(followup.get("date"))), channel=channel))
    for fb in terugkoppelingen:
        parts.append(
            t(
                "journaal.terugkoppeling",
                date=_date(str(fb.get("date"))),
                summary=_sentence(str(fb.get("summary", ""))),
            )
        )
    return parts


# --- the command -----------------------------------------------------------------------


@dataclass
class JournaalOutcome:
    text: str
    warnings: list[str]
    concept: bool
    copied_with: str | None = None
    copy_error: str | None = None


def make_journaal(
    label: str, *, copy: bool = False, store: Any = None, today: dt.date | None = None
) -> JournaalOutcome:
    from meldcode_cli.privacy.identcheck import free_text_findings, warning_lines
    from meldcode_cli.record.consult import journal_consultations
    from meldcode_cli.report.leaks import identifying_values
    from meldcode_cli.walk.followup import melding_of, terugkoppelingen_of
    from meldcode_cli.walk.midcase import case_view

    view = case_view(label, store=store, today=today)
    text = build_journaal(
        view.record,
        concept=view.concept,
        step=view.step,
        complete=view.complete,
        followup=melding_of(view.session.case),
        terugkoppelingen=terugkoppelingen_of(view.session.case),
        consultations=journal_consultations(view.session.case),
    )
    # the case label is meant to be in the entry (it is the pseudonym); the melder's own
    # name and contact are not
    known = [v for v in identifying_values(view.record, None) if not v.case_label]
    warnings = warning_lines(free_text_findings(view.record, known, today=today))
    outcome = JournaalOutcome(text, warnings, view.concept)
    if copy:
        try:
            outcome.copied_with = copy_to_clipboard(text)
        except CaseError as e:
            outcome.copy_error = e.message
    return outcome


_CLIPBOARD_TOOLS: tuple[tuple[str, ...], ...] = (
    ("wl-copy",),
    ("xclip", "-selection", "clipboard"),
    ("xsel", "--clipboard", "--input"),
    ("pbcopy",),
    ("clip.exe",),
)


def copy_to_clipboard(text: str) -> str:
    """Put ``text`` on the clipboard with the first clipboard tool found; its name.
    CaseError when there is none or it fails."""
    import os

    for cmd in _CLIPBOARD_TOOLS:
        exe = shutil.which(cmd[0])
        if exe is None:
            continue
        if cmd[0] == "wl-copy" and not os.environ.get("WAYLAND_DISPLAY"):
            continue
        if cmd[0] in ("xclip", "xsel") and not os.environ.get("DISPLAY"):
            continue
        try:
            subprocess.run([exe, *cmd[1:]], input=text.encode("utf-8"), check=True, timeout=5)
        except (OSError, subprocess.SubprocessError) as e:
            raise CaseError(t("journaal.copy_failed", tool=cmd[0], error=e)) from None
        return cmd[0]
    raise CaseError(t("journaal.no_clipboard"))
