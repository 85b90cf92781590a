"""What the walk shows, as plain text blocks (pure; both prompters print these).

Step headers, guidance with contacts, the "waarom?" explanation with sources, the acute
route, and the summary at the end of step 5: the decision and what the dossier must hold.
"""

from __future__ import annotations

import datetime as dt

from meldcode_cli.i18n.messages import get_lang, t, tn
from meldcode_cli.protocol.afwegingskader import OPEN_WITH_VT, Decision
from meldcode_cli.protocol.compiled import CCheck, CItem
from meldcode_cli.protocol.model import (
    Contact,
    GuidanceItem,
    MultiChoiceItem,
    Option,
    SingleChoiceItem,
    TextItem,
)
from meldcode_cli.record.texts import Texts, set_default_texts
from meldcode_cli.walk.acute import resolved
from meldcode_cli.walk.engine import Walk

__all__ = [
    "answer_text",
    "date_in_words",
    "decision_lines",
    "dossier_lines",
    "guidance_block",
    "question_text",
    "step_header",
    "why_block",
]


def _lang() -> str:
    return get_lang()


def contact_line(c: Contact) -> str:
    lang = _lang()
    parts = [c.label(lang)]
    if c.phone:
        parts.append(c.phone)
    if c.url:
        parts.append(c.url)
    line = "  ".join(parts)
    if c.when:
        line += f"  ({c.when.get(lang)})"
    return line


def step_header(step: int, walk: Walk) -> list[str]:
    proto = walk.compiled.protocol
    s = next(x for x in proto.steps if x.step == step)
    lines = [t("walk.step", n=step, title=s.title_for(walk.role).get(_lang()))]
    if s.intro:
        lines.append(" ".join(s.intro.get(_lang()).split()))
    if step == 2 and walk.compiled.organisatie is not None:
        from meldcode_cli.protocol.organisatie import step2_lines

        lines.extend(step2_lines(walk.compiled.organisatie.model, t))
    if step == 2:
        lines.extend(
            t(
                "consult.walk.signed",
                name=c.consultant,
                role=c.consultant_role,
                at=c.answered_at[:10],
            )
            for c in walk.consultations
        )
    return lines


def question_text(item: CItem) -> str:
    text = " ".join(item.item.text.get(_lang()).split())
    if isinstance(item.item, TextItem):
        text += f" [{t('walk.nature.' + item.item.nature)}]"
    return text


def help_text(item: CItem) -> str | None:
    if item.item.help is None:
        return None
    return " ".join(item.item.help.get(_lang()).split())


def guidance_block(item: CItem) -> list[str]:
    assert isinstance(item.item, GuidanceItem)
    lines = [" ".join(item.item.text.get(_lang()).split())]
    lines.extend(f"  ☎ {contact_line(c)}" for c in resolved(item.item.contacts))
    return lines


def why_block(item: CItem, walk: Walk) -> list[str]:
    """The rule that put this question here, the condition, and the sources with URLs."""
    lang = _lang()
    lines = [t("walk.why.title", id=item.id)]
    if item.item.why is not None:
        lines.append(" ".join(item.item.why.get(lang).split()))
    if item.item.when:
        lines.append(t("walk.why.when", when=item.item.when))
    elif item.fragment:
        lines.append(t("walk.why.afwegingskader"))
    else:
        lines.append(t("walk.why.always"))
    sources = [walk.compiled.sources[s] for s in item.item.sources if s in walk.compiled.sources]
    if sources:
        lines.append(t("walk.why.sources"))
        lines.extend(f"  - {s.title}: {s.url}" for s in sources)
    else:
        lines.append(t("walk.why.no_sources"))
    return lines


def option_label(option: Option) -> str:
    """An option's text, marked when choosing it records acute or structurele onveiligheid.

    The markers come first, so they stay in view however narrow the terminal is."""
    text = " ".join(option.text.get(_lang()).split())
    marks = []
    if option.acute:
        marks.append(f"[{t('show.acute')}]")
    if option.structureel:
        marks.append(f"[{t('show.structural')}]")
    return " ".join([*marks, text])


DAYS = {
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
MONTHS = {
    "nl": (
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
        "september", "oktober", "november", "december",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December",
    ),
}  # fmt: skip


def date_in_words(value: str | dt.date) -> str:
    """An ISO date as a person says it: "dinsdag 1 december 2026" (English: "Tuesday
    1 December 2026"), so a slip in the digits is seen before it is signed."""
    day = dt.date.fromisoformat(value) if isinstance(value, str) else value
    lang = _lang() if _lang() in DAYS else "nl"
    return f"{DAYS[lang][day.weekday()]} {day.day} {MONTHS[lang][day.month - 1]} {day.year}"


def answer_text(item: CItem, value: object) -> str:
    """An answer as the person would read it."""
    lang = _lang()
    if value is None:
        if item.id in OPEN_WITH_VT:
            return t("walk.open_met_vt")
        if item.deferrable:
            return t("walk.at_evaluation")
        return t("walk.not_answered")
    if isinstance(item.item, SingleChoiceItem | MultiChoiceItem):
        names = {o.id: " ".join(o.text.get(lang).split()) for o in item.item.options}
        chosen = sorted(value) if isinstance(value, frozenset) else [value]
        if not chosen:
            return t("walk.none_chosen")
        return "; ".join(names.get(str(v), str(v)) for v in chosen)
    if value in ("ja", "nee"):
        return t(f"walk.{value}")
    return str(value)


def verstrekking_lines(walk: Walk) -> list[str]:
    """The verstrekkingsbesluit of an information request, for the end of the walk."""
    v = walk.verstrekking()
    if v is None:
        return [t("walk.no_decision")]
    lines = [t("walk.verstrekking.title"), "  " + t(f"walk.verstrekking.{v.besluit}")]
    if v.grondslag:
        ci = walk.compiled.by_id.get("verstrekking_grondslag")
        label = answer_text(ci, v.grondslag) if ci else v.grondslag
        lines.append("  " + t("walk.verstrekking.grondslag", grondslag=label))
    if v.open:
        due = walk.answers.get("verstrekking_vervolgdatum")
        lines.append("  " + t("walk.verstrekking.vervolg", date=due or "?"))
    return lines


def _decision_notes(decision: Decision, walk: Walk) -> list[str]:
    """What the decision brings with it, one line each, in this order."""
    notes = []
    if decision.meldnormen:
        notes.append(t("walk.decision.meldnormen", normen=", ".join(map(str, decision.meldnormen))))
    if decision.samen_met_veilig_thuis:
        notes.append(t("walk.decision.samen"))
    if decision.open_met_veilig_thuis:
        afwegingen = ", ".join(decision.open_met_veilig_thuis)
        notes.append(t("walk.decision.open_vt", afwegingen=afwegingen))
    if decision.onveiligheid_vastgesteld:
        notes.append(t("walk.decision.onveilig"))
    if decision.evaluatie_nodig:
        due = walk.answers.get("afweging_evaluatiedatum")
        notes.append(t("walk.decision.evaluatie", date=due or "?"))
    if decision.opnieuw_melden:
        notes.append(t("walk.decision.opnieuw"))
    if decision.monitoring:
        notes.append(t("walk.decision.monitoring"))
    if decision.eerder_gemeld and not decision.melden:
        notes.append(t("walk.decision.eerder_gemeld"))
    return notes


def decision_lines(decision: Decision | None, walk: Walk) -> list[str]:
    if walk.compiled.protocol.kind == "informatieverzoek":
        return verstrekking_lines(walk)
    if decision is None:
        return [t("walk.no_decision")]
    parts = [
        t(f"decision.{part}") for part in ("melden", "hulp", "afsluiten") if getattr(decision, part)
    ]
    return [
        t("walk.decision.title"),
        "  " + " + ".join(parts),
        *("  " + note for note in _decision_notes(decision, walk)),
    ]


def dossier_lines(walk: Walk) -> list[str]:
    """What the dossier must hold, per step, from what was recorded."""
    lines = [t("walk.dossier.title")]
    relevant = walk.relevant()
    for step in walk.compiled.protocol.steps:
        items = [ci for ci in relevant if ci.step == step.step and ci.answerable]
        lines.append(t("walk.step", n=step.step, title=step.title_for(walk.role).get(_lang())))
        for ci in items:
            value = walk.answers.get(ci.id)
            label = " ".join(ci.item.text.get(_lang()).split())  # in full: no "…"
            lines.append(f"  - {label}: {answer_text(ci, value)}")
        for note in walk.notes:
            if walk.compiled.by_id[note.item_id].step == step.step:
                lines.append(
                    "  * "
                    + t(
                        "walk.dossier.note",
                        text=note.text,
                        provenance=t("walk.provenance." + note.provenance),
                        nature=t("walk.nature." + note.nature),
                    )
                )
    for r in walk.refutations:
        ci = walk.compiled.by_id[r.item_id]
        lines.append(
            "  "
            + t(
                "walk.dossier.refuted",
                item=r.item_id,
                value=answer_text(
                    ci,
                    frozenset({r.value})
                    if isinstance(walk.answers.get(r.item_id), frozenset)
                    else r.value,
                ),
                text=r.text,
                provenance=t("walk.provenance." + r.source),
                at=(r.at or "")[:16],
            )
        )
    if walk.acute_events:
        steps = ", ".join(str(e.step) for e in walk.acute_events)
        lines.append(t("walk.dossier.acute", steps=steps))
    if walk.superseded:
        lines.append(tn("walk.dossier.superseded", len(walk.superseded)))
    return lines


def check_lines(check: CCheck, walk: Walk, *, again: bool = False) -> list[str]:
    """A fired check as the person reads it: severity, message, sources, justification."""
    head = t(f"check.{check.severity}") + (f" ({t('check.again')})" if again else "")
    lines = [f"{head}: {check.id}", "  " + " ".join(check.check.message.get(_lang()).split())]
    src = [walk.compiled.sources[s] for s in check.check.sources if s in walk.compiled.sources]
    if src:
        lines.append("  " + t("check.sources") + ": " + "; ".join(s.title for s in src))
    j = walk.justifications.get(check.id)
    if j is not None:
        lines.append("  " + t("check.justified", text=j.text))
    elif check.severity == "block":
        lines.append("  " + t("check.block_hint"))
    return lines


def record_texts() -> Texts:
    """The words a record keeps beside the answers, as this view says them (the record
    layer shows nothing itself)."""
    return Texts(lang=_lang(), answer_text=answer_text)


set_default_texts(record_texts)
