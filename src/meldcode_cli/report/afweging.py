"""The afweging section of a report: the professional's weging (interpretations), the five
afwegingen of the afwegingskader, the decision (and an override of it), the checks that
fired on the professional's steps and the acute route."""

from __future__ import annotations

from meldcode_cli.i18n.messages import t
from meldcode_cli.record.model import ChosenDecision, DecisionRecord, FiredCheck
from meldcode_cli.report.builder import AFWEGING_IDS, Builder
from meldcode_cli.report.model import Block, Entry, Section, empty_text, label_for, when, yes_no

__all__ = ["afweging", "decision_text"]


def afweging(b: Builder) -> Section:
    step4 = b.step_items(4)
    fixed = ("weging_risico", "weging_aard_ernst")
    interp = [i for i in fixed if i not in b.items] + [
        i for i in step4 if b.items[i].nature == "interpretatie" or i in fixed
    ]
    other = [i for i in step4 if i not in interp]
    blocks = [
        Block(
            t("report.block.weging"),
            b.entries(interp, fixed=fixed),
            kind="interpretations",
            intro=t("report.block.weging_intro"),
            key="weging",
        )
    ]
    if other:
        blocks.append(Block(t("report.block.overig_weging"), b.entries(other), key="overig-weging"))
    decision = b.decision
    blocks.append(Block(t("report.block.afwegingskader"), _kader(b), key="afwegingskader"))
    blocks.append(Block(t("report.block.besluit"), _besluit(b, decision), key="besluit"))
    fired = b.record.checks.fired if b.record.checks is not None else []
    if fired:
        blocks.append(Block(t("report.block.checks"), _checks(b, fired), key="controles"))
    blocks.append(
        Block(
            t("report.block.acuut"),
            _acuut(b, decision),
            intro=t("report.acuut.intro"),
            key="acuut",
        )
    )
    return Section("afweging", t("report.section.afweging"), blocks)


def _kader(b: Builder) -> list[Entry]:
    """The five afwegingen: ja / nee as decided, open when asked but not decided."""
    afwegingen: dict[str, bool | None] = (
        {str(k): v for k, v in b.decision.afwegingen.items()} if b.decision is not None else {}
    )
    kader = []
    for n, item_id in enumerate(AFWEGING_IDS, 1):
        asked = item_id in b.items
        if asked:
            b.used.add(item_id)
        value = afwegingen.get(str(n))
        if value is not None:
            shown = yes_no(value)
        elif asked:
            shown = t("report.afweging.open")
        else:
            shown = t("report.afweging.niet_aan_de_orde")
        kader.append(Entry(t(f"report.afweging.label.{n}"), shown))
    return kader


def _checks(b: Builder, fired: list[FiredCheck]) -> list[Entry]:
    """The checks that fired on the professional's own steps, with the justifications."""
    out = []
    for c in fired:
        label = f"{t('check.' + c.severity)}: {c.id}"
        items = [c.message]
        j = c.justification
        if j and not b.advies:
            items.append(t("report.check.justification", text=j))
        elif not j and c.severity == "justify":
            items.append(t("report.check.no_justification"))
        out.append(Entry(label, "", items=items))
    return out


def decision_text(d: DecisionRecord | ChosenDecision | None) -> str:
    """ "Melden + hulp" and the like; "Niet ingevuld" without a decision."""
    if d is None:
        return empty_text()
    parts = [t(f"decision.{k}") for k in ("melden", "hulp", "afsluiten") if getattr(d, k)]
    return " + ".join(parts) or empty_text()


def _besluit(b: Builder, decision: DecisionRecord | None) -> list[Entry]:
    if decision is None:
        return [Entry(t("report.besluit"), empty_text(), empty=True)]
    normen = decision.meldnormen
    out = [
        Entry(t("report.besluit"), decision_text(decision)),
        Entry(
            t("report.meldnormen"),
            ", ".join(str(n) for n in normen) if normen else t("report.meldnormen.geen"),
            items=[t(f"report.meldnorm.{n}") for n in normen if n in (1, 2, 3)],
        ),
        Entry(t("report.onveilig"), yes_no(decision.onveiligheid_vastgesteld)),
        Entry(t("report.samen"), yes_no(decision.samen_met_veilig_thuis)),
    ]
    override = b.record.override
    if override is not None:
        out.append(Entry(t("report.override"), decision_text(override.chosen)))
        out.append(Entry(t("report.override.reason"), override.reason))
        if not b.advies:
            out.append(Entry(t("report.override.consulted"), override.consulted))
    return out


def _acuut(b: Builder, decision: DecisionRecord | None) -> list[Entry]:
    events = b.record.acute
    if not events:
        return [Entry(t("report.acuut"), t("report.acuut.geen"))]
    out = []
    for ev in events:
        if ev.source == "signal" and ev.item:
            what = t("report.acuut.signal", item=label_for(ev.item, b.items.get(ev.item)))
        else:
            what = t("report.acuut.declared")
        at = "" if b.advies else when(ev.at)
        out.append(Entry(t("report.step_n", n=ev.step), what, meta=at or None))
    if decision is not None and decision.onveiligheid_vastgesteld:
        out.append(Entry(t("report.acuut.melden"), t("report.acuut.telefonisch")))
    return out
