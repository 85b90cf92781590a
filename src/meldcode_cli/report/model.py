"""The report's model: sections of blocks of entries, built in Python (``build``) and only
laid out by the templates (``render``); and the small texts every section uses."""

from __future__ import annotations

from dataclasses import dataclass, field

from meldcode_cli.i18n.messages import has, t
from meldcode_cli.record.model import ItemRecord
from meldcode_cli.roles import ROLES

__all__ = [
    "Block",
    "Entry",
    "Note",
    "Report",
    "Section",
    "empty_text",
    "label_for",
    "nature_text",
    "provenance_text",
    "role_text",
    "when",
    "yes_no",
]


@dataclass
class Note:
    text: str
    meta: str


@dataclass
class Entry:
    label: str
    value: str
    empty: bool = False
    items: list[str] = field(default_factory=list)
    meta: str | None = None
    notes: list[Note] = field(default_factory=list)

    @property
    def wide(self) -> bool:
        """A label too long for the label column: shown above its value (HTML)."""
        return len(self.label) > 60

    @property
    def long(self) -> bool:
        """Shown below its label rather than beside it (plain text)."""
        return "\n" in self.value or len(self.label + self.value + (self.meta or "")) > 90


@dataclass
class Block:
    title: str | None
    entries: list[Entry]
    kind: str = "plain"  # plain | facts | interpretations | person
    intro: str | None = None
    key: str = ""


@dataclass
class Section:
    key: str
    title: str
    blocks: list[Block]
    intro: list[str] = field(default_factory=list)


@dataclass
class Report:
    mode: str  # melding | advies
    lang: str
    title: str
    subtitle: str
    training: bool
    watermark: str
    page_head: str
    banner: list[str]
    reminder: str
    notices: list[str]
    sections: list[Section]


def empty_text() -> str:
    """What an empty field says ("Niet ingevuld")."""
    return t("report.empty")


def when(at: str | None) -> str:
    """An ISO time as ``JJJJ-MM-DD HH:MM``."""
    if not at:
        return ""
    return at[:16].replace("T", " ")


def label_for(item_id: str, item: ItemRecord | None) -> str:
    """The label of a record item: the report's own wording, else the question's text."""
    key = f"report.item.{item_id}"
    if has(key):
        return t(key)
    if item is not None:
        return " ".join(item.text.split())
    return item_id


def nature_text(nature: str | None) -> str | None:
    if nature in ("feit", "interpretatie", "toelichting"):
        return t(f"walk.nature.{nature}")
    return None


def provenance_text(provenance: str) -> str:
    key = f"walk.provenance.{provenance}"
    return t(key) if has(key) else provenance


def role_text(role: str | None) -> str:
    if role in ROLES:
        return t(f"role.{role}")
    return role or empty_text()


def yes_no(value: bool | None) -> str:
    if value is None:
        return empty_text()
    return t("walk.ja") if value else t("walk.nee")
