"""What every section of a report is built from: the typed record's items by id (and the
step each was answered in), which section places which item, and one :class:`Entry` per
item. The sections themselves are in :mod:`.sections`, :mod:`.afweging` and :mod:`.police`;
:mod:`.build` puts them in the form's order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from meldcode_cli.i18n.messages import has, t
from meldcode_cli.record.model import DecisionRecord, ItemRecord, NoteRecord, Record
from meldcode_cli.report.betrokkenen import Betrokkenen, Persoon
from meldcode_cli.report.model import (
    Entry,
    Note,
    empty_text,
    label_for,
    nature_text,
    provenance_text,
    when,
)

__all__ = [
    "AFWEGING_IDS",
    "CHILD_IDS",
    "EVALUATIE_ID",
    "FEEDBACK_IDS",
    "FOLLOW_UP_IDS",
    "INFORMED_IDS",
    "MELDER_IDS",
    "NETWORK_IDS",
    "PERSON_IDS",
    "PLACED",
    "POLICE_IDS",
    "SIGNAL_IDS",
    "Builder",
]

AFWEGING_IDS = tuple(f"afweging_{n}" for n in range(1, 6))
EVALUATIE_ID = "afweging_evaluatiedatum"

# Shared item ids (docs/protocol-conventions.md) and the form-specific ids that belong to
# one section of the form. Every other answered item is placed by its step.
SIGNAL_IDS = ("signalen", "vorm", "vormen", "uitbuiting_vorm", "signalen_datum")
MELDER_IDS = ("melding_anoniem", "melding_anoniem_grond", "melding_anoniem_toelichting")
CHILD_IDS = ("kindcheck", "kindcheck_kinderen", "kinderen_getuige", "kind_gegevens")
PERSON_IDS = (
    "slachtoffer_minderjarig",
    "pleger_relatie",
    "pleger_mantelzorger",
    "mantelzorger_belasting",
    "wilsbekwaam",
    "vertegenwoordiger",
    "vertegenwoordiger_is_pleger",
    "mantelzorgcheck",
    "mantelzorgcheck_toelichting",
)
INFORMED_IDS = (
    "melding_geinformeerd",
    "melding_reactie",
    "melding_uitzondering",
    "melding_pogingen",
)
NETWORK_IDS = ("financieel_netwerk",)
POLICE_IDS = (
    "politie_registratienummer",
    "huisverbod_gevaar",
    "huisverbod_voorgelegd",
    "huisverbod_voorgelegd_datum",
    "huisverbod_besluit",
    "aangifte",
    "zorgmelding_doen",
)
"""The police zorgmelding's own section (wijkagent records): the registration, the
huisverbod route as the hulpofficier decided it, the aangifte."""
FEEDBACK_IDS = ("terugkoppeling_veilig_thuis",)
FOLLOW_UP_IDS = ("vervolgafspraken", "monitoring_afspraken", "hulp_plan", "hulp_mantelzorger")
PLACED = frozenset(
    (
        *SIGNAL_IDS,
        *MELDER_IDS,
        *CHILD_IDS,
        *PERSON_IDS,
        *INFORMED_IDS,
        *NETWORK_IDS,
        *FOLLOW_UP_IDS,
        *POLICE_IDS,
        *FEEDBACK_IDS,
        *AFWEGING_IDS,
        EVALUATIE_ID,
    )
)


class Builder:
    """The record and the betrokkenen a report is built from, and which items a section
    has already placed (``used``): what is left of a step goes to its step's block."""

    def __init__(
        self,
        record: Record,
        people: Betrokkenen | None,
        *,
        advies: bool,
        today: dt.date,
        people_source: str,
    ) -> None:
        self.record = record
        self.people = people
        self.advies = advies
        self.today = today
        self.people_source = people_source
        self.items: dict[str, ItemRecord] = {}
        self.step_of: dict[str, int] = {}
        for step in record.steps:
            for item in step.items:
                self.items[item.id] = item
                self.step_of[item.id] = step.step
        self.step_titles = {s.step: s.title for s in record.steps}
        self.used: set[str] = set()
        self.police = record.role == "wijkagent"

    @property
    def decision(self) -> DecisionRecord | None:
        """The meldcode decision (None before one was taken)."""
        return self.record.melding

    def answer(self, item_id: str) -> object:
        """The answer of an item (None when it is not in the record)."""
        item = self.items.get(item_id)
        return None if item is None else item.answer

    # --- entries ----------------------------------------------------------------------
    def note(self, note: NoteRecord) -> Note:
        parts = [provenance_text(note.provenance), nature_text(note.nature) or ""]
        if not self.advies and note.at:
            parts.append(when(note.at))
        return Note(note.text, " · ".join(p for p in parts if p))

    def entry(
        self,
        item_id: str,
        *,
        label: str | None = None,
        fixed: bool = True,
        notes: Callable[[NoteRecord], bool] | None = None,
    ) -> Entry | None:
        """The entry of a record item; an empty entry when ``fixed`` and it is absent."""
        item = self.items.get(item_id)
        if item is None:
            if not fixed:
                return None
            return Entry(label or label_for(item_id, None), empty_text(), empty=True)
        self.used.add(item_id)
        answer = item.answer
        empty = answer is None or answer in ("", [])
        value = empty_text() if empty else item.answer_text
        items: list[str] = []
        if item.kind == "multi_choice" and isinstance(answer, list) and not empty:
            parts = value.split("; ")
            if len(parts) == len(answer):
                items = parts
        meta = None
        if item.kind == "text" and not empty:
            bits = [nature_text(item.nature) or ""]
            if not self.advies and item.answered_at:
                bits.append(t("report.recorded", at=when(item.answered_at)))
            meta = " · ".join(b for b in bits if b) or None
        keep = notes or (lambda _n: True)
        own = f"report.item.{item_id}.{self.record.role}"
        return Entry(
            label or (t(own) if has(own) else label_for(item_id, item)),
            value,
            empty=empty,
            items=items,
            meta=meta,
            notes=[self.note(n) for n in item.notes if keep(n)],
        )

    def entries(self, ids: Iterable[str], *, fixed: Iterable[str] = ()) -> list[Entry]:
        must = set(fixed)
        out = []
        for item_id in ids:
            e = self.entry(item_id, fixed=item_id in must)
            if e is not None:
                out.append(e)
        return out

    def step_items(self, step: int) -> list[str]:
        """The items of ``step`` no section placed by id (nor placed already)."""
        return [
            i
            for i in self.items
            if self.step_of[i] == step
            and (i not in PLACED or (not self.police and i in FEEDBACK_IDS))
            and i not in self.used
        ]

    # --- ages -------------------------------------------------------------------------
    def age(self, p: Persoon, *, full: bool) -> Entry:
        label = t("report.person.geboren" if full else "report.person.leeftijd")
        if p.geboortedatum is not None:
            d = p.geboortedatum
            age = t("report.age", n=self._years_since(d))
            return Entry(label, f"{d.isoformat()} ({age})" if full else age)
        if p.geboortejaar is not None:
            age = t("report.age_about", n=self.today.year - p.geboortejaar)
            if full:
                return Entry(label, t("report.person.geboortejaar", year=p.geboortejaar, age=age))
            return Entry(label, age)
        if p.leeftijd is not None:
            return Entry(label, t("report.age", n=p.leeftijd))
        if p.leeftijd_maanden is not None:
            return Entry(label, t("report.age_months", n=p.leeftijd_maanden))
        return Entry(label, empty_text(), empty=True)

    def years(self, p: Persoon) -> int | None:
        if p.geboortedatum is not None:
            return self._years_since(p.geboortedatum)
        if p.geboortejaar is not None:
            return self.today.year - p.geboortejaar
        if p.leeftijd_maanden is not None:
            return p.leeftijd_maanden // 12
        return p.leeftijd

    def _years_since(self, d: dt.date) -> int:
        today = self.today
        return today.year - d.year - ((today.month, today.day) < (d.month, d.day))
