"""The draft melding for Veilig Thuis and the anonymous advice summary (``meldcode report``).

The draft is derived from a decision record whose signature verifies (a training record gives
a draft watermarked OEFENING); its sections follow the Veilig Thuis melding form: melder,
betrokkenen, de melding (facts, then interpretations), the steps taken, the afweging, who was
informed, ondersteunend netwerk, overige informatie, vervolgafspraken. The betrokkenen come
from a separate file (or are asked at report time) and are never stored in the record.

``--advies`` gives a pseudonymised summary for asking Veilig Thuis for advice anonymously:
roles and ages only. Before it is shown, every identifying value (from the betrokkenen file,
the melder's name and contact, the case label) is looked for in it; if one is found, nothing
is printed. See ``docs/report.md``.

One model (:class:`Report`) is built in Python; three Jinja2 templates (Markdown, plain text,
HTML with autoescaping) only lay it out. Jinja2 is imported here, and only here, lazily.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from meldcode_cli.errors import CheckFailed
from meldcode_cli.i18n.messages import get_lang, has, t
from meldcode_cli.record.model import Record, VerstrekkingRecord
from meldcode_cli.roles import ROLES as _ROLES
from meldcode_cli.walk.casestore import CaseError

if TYPE_CHECKING:
    import jinja2

__all__ = [
    "FORMATS",
    "Betrokkenen",
    "Persoon",
    "Report",
    "ReportOutcome",
    "ReportRefused",
    "ReportRequest",
    "ask_betrokkenen",
    "build_report",
    "find_leaks",
    "identifying_values",
    "load_betrokkenen",
    "load_verified_record",
    "make_report",
    "render",
]

FORMATS = ("md", "txt", "html")
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
ROLES = _ROLES


class ReportRefused(CheckFailed):
    """No report: the record does not verify, or ``--advies`` would show an identifying
    value (exit 1). The message says why and what to do."""


# --- the betrokkenen file --------------------------------------------------------------


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _parse_date(value: Any) -> Any:
    """JJJJ-MM-DD as YAML gives it, or DD-MM-JJJJ as Dutch forms write it."""
    if isinstance(value, str):
        m = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", value.strip())
        if m:
            day, month, year = (int(x) for x in m.groups())
            try:
                return dt.date(year, month, day)
            except ValueError:
                raise ValueError(f"'{value}' is geen bestaande datum") from None
    return value


def _parse_age_text(text: str) -> dict[str, int] | None:
    """'4 mnd', '4 maanden', '4 months', '34', '34 jaar' as an age; None otherwise."""
    m = re.fullmatch(
        r"(\d{1,3})\s*(mnd\.?|maand(?:en)?|m|months?|jr\.?|jaar|years?|y)?",
        text.strip().lower(),
    )
    if m is None:
        return None
    n, unit = int(m.group(1)), m.group(2) or "jaar"
    if unit.startswith("m"):
        return {"leeftijd_maanden": n} if n <= 35 else None
    return {"leeftijd": n} if n <= 130 else None


def _parse_yes_no(value: Any) -> Any:
    if isinstance(value, str):
        low = value.strip().lower()
        if low in ("ja", "j", "yes", "y"):
            return True
        if low in ("nee", "n", "no"):
            return False
    return value


Text = str | None


class Persoon(_M):
    """One person involved. Only ``rol``, ``relatie`` and ``gezag`` are descriptive; every
    other text field is identifying and never appears in ``--advies``."""

    rol: str = Field(min_length=1, max_length=80, description="bv. slachtoffer, kind, ouder")
    naam: Text = Field(default=None, max_length=200)
    geboortedatum: dt.date | None = Field(default=None, description="JJJJ-MM-DD of DD-MM-JJJJ")
    geboortejaar: int | None = Field(default=None, ge=1900, le=2100)
    leeftijd: int | None = Field(default=None, ge=0, le=130, description="in jaren, of '4 mnd'")
    leeftijd_maanden: int | None = Field(default=None, ge=0, le=35, description="voor een baby")
    relatie: Text = Field(default=None, max_length=200, description="relatie tot de cliënt")
    adres: Text = Field(default=None, max_length=300)
    telefoon: Text = Field(default=None, max_length=50)
    email: Text = Field(default=None, max_length=200)
    gezag: Text = Field(default=None, max_length=200, description="wie het gezag heeft")
    school: Text = Field(default=None, max_length=200, description="school, opvang, werk")
    in_huishouden: bool | None = Field(default=None, description="woont in het huishouden")

    _date = field_validator("geboortedatum", mode="before")(_parse_date)

    @model_validator(mode="before")
    @classmethod
    def _months(cls, data: Any) -> Any:
        """``leeftijd: 4 mnd`` (or '4 maanden', '4 months', '2 jaar') as YAML gives it."""
        if isinstance(data, dict) and isinstance(data.get("leeftijd"), str):
            parsed = _parse_age_text(data["leeftijd"])
            if parsed is not None:
                data = {k: v for k, v in data.items() if k != "leeftijd"} | parsed
        return data

    _yes_no = field_validator("in_huishouden", mode="before")(_parse_yes_no)

    @field_validator("geboortedatum")
    @classmethod
    def _not_in_future(cls, value: dt.date | None) -> dt.date | None:
        if value is not None and value > dt.date.today():
            raise ValueError("geboortedatum ligt in de toekomst")
        return value

    @model_validator(mode="after")
    def _one_age(self) -> Persoon:
        given = [self.geboortedatum, self.geboortejaar, self.leeftijd, self.leeftijd_maanden]
        if sum(x is not None for x in given) > 1:
            raise ValueError("geef één van geboortedatum, geboortejaar of leeftijd")
        return self


class Netwerklid(_M):
    naam: Text = Field(default=None, max_length=200)
    relatie: Text = Field(default=None, max_length=200, description="bv. zus van de cliënt")
    telefoon: Text = Field(default=None, max_length=50)
    toelichting: Text = Field(default=None, max_length=2000)


class Hulpverlener(_M):
    naam: Text = Field(default=None, max_length=200)
    functie: Text = Field(default=None, max_length=200)
    organisatie: Text = Field(default=None, max_length=200)
    telefoon: Text = Field(default=None, max_length=50)


class Betrokkenen(_M):
    """``--betrokkenen FILE``: who is involved. Read at report time, never stored."""

    betrokkenen: list[Persoon] = Field(default_factory=list)
    netwerk: list[Netwerklid] = Field(default_factory=list, description="ondersteunend netwerk")
    hulpverleners: list[Hulpverlener] = Field(
        default_factory=list, description="andere betrokken professionals"
    )
    overige_informatie: Text = Field(default=None, max_length=10000)


def load_betrokkenen(path: Path) -> Betrokkenen:
    """Read and validate the betrokkenen file; a CaseError with file:line:col errors."""
    from meldcode_cli.protocol.loading import validate_document
    from meldcode_cli.protocol.yamlio import read_text

    try:
        text = read_text(path)
    except FileNotFoundError:
        raise CaseError(t("report.betrokkenen.missing", path=path)) from None
    except (OSError, ValueError) as e:
        raise CaseError(f"--betrokkenen {path}: {e}") from None
    model, diags = validate_document(Betrokkenen, text, str(path))
    if model is None:
        raise CaseError(
            t("report.betrokkenen.invalid", path=path)
            + "\n"
            + "\n".join(
                f"{d.where}: {d.code} {d.message}" + (f" ({d.hint})" if d.hint else "")
                for d in diags
            )
        )
    return model


def ask_betrokkenen(stdin: TextIO, out: TextIO, *, advies: bool) -> Betrokkenen:
    """Ask the betrokkenen on a terminal (prompts on ``out``, normally stderr). Nothing is
    stored. For ``--advies`` no names or addresses are asked: only roles and ages."""

    def ask(key: str, **params: object) -> str | None:
        out.write(t(key, **params) + " ")
        out.flush()
        line = stdin.readline()
        if line == "":
            return None
        return line.strip()

    out.write(t("report.ask.intro_advies" if advies else "report.ask.intro") + "\n")
    persons: list[Persoon] = []
    while True:
        rol = ask("report.ask.rol", n=len(persons) + 1)
        if not rol:
            break
        data: dict[str, Any] = {"rol": rol}
        if not advies:
            data["naam"] = ask("report.ask.naam") or None
        while True:
            born = ask("report.ask.geboren")
            if not born:
                break
            parsed = _parse_age_answer(born)
            if parsed is not None:
                data.update(parsed)
                if isinstance(parsed.get("geboortedatum"), dt.date):  # said back in words
                    from meldcode_cli.walk.view import date_in_words

                    out.write("  = " + date_in_words(parsed["geboortedatum"]) + "\n")
                break
            out.write(t("report.ask.geboren_again") + "\n")
        data["relatie"] = ask("report.ask.relatie") or None
        if not advies:  # every field the draft shows is asked (Enter: not given)
            for key in ("adres", "telefoon", "email", "gezag", "school"):
                data[key] = ask(f"report.ask.{key}") or None
        household = _parse_yes_no(ask("report.ask.huishouden") or "")
        data["in_huishouden"] = household if isinstance(household, bool) else None
        try:
            persons.append(Persoon.model_validate(data))
        except ValidationError as e:
            first = e.errors(include_url=False)[0]
            out.write(t("report.ask.invalid", error=first["msg"]) + "\n")
    return Betrokkenen(betrokkenen=persons)


def _parse_age_answer(text: str) -> dict[str, Any] | None:
    text = text.strip()
    if re.fullmatch(r"\d{4}", text):
        return {"geboortejaar": int(text)}
    age = _parse_age_text(text)
    if age is not None:
        return dict(age)
    from meldcode_cli.walk.engine import AnswerError, parse_date

    try:  # DD-MM-JJJJ, D-M-JJJJ or ISO, as everywhere in the walk
        return {"geboortedatum": parse_date(text)}
    except AnswerError:
        return None


# --- the record ------------------------------------------------------------------------


def resolve_record(arg: str) -> Path:
    """A record file; a folder (a case folder or its ``records``): its newest record; or a
    case label: that case's newest record."""
    from meldcode_cli.record.store import is_consultation_file
    from meldcode_cli.walk.casestore import CASE_LABEL_PATTERN, CaseStore

    def newest(folder: Path) -> Path | None:
        files = sorted(
            p for p in folder.glob("[0-9][0-9][0-9][0-9]-*.json") if not is_consultation_file(p)
        )
        return files[-1] if files else None

    path = Path(arg).expanduser()
    if path.is_file():
        return path
    if path.is_dir():
        found = newest(path / "records") or newest(path)
        if found is None:
            raise CaseError(t("report.no_records", path=path))
        return found
    if CASE_LABEL_PATTERN.match(arg):
        store = CaseStore()
        if store.exists(arg):
            found = newest(store.folder(arg) / "records")
            if found is None:
                raise CaseError(t("report.case_unsigned", label=arg))
            return found
    raise CaseError(t("report.not_found", path=arg))


UNCHECKED_KEY: list[str] = []
"""Set by :func:`load_verified_record` when the key could not be checked (no keyring)."""


def load_verified_record(path: Path) -> Record:
    """The record in ``path`` if its signature verifies, or if it is an intact training
    record. Raises ReportRefused (exit 1) otherwise, CaseError for unreadable input."""
    from meldcode_cli.record.canonical import integrity_map
    from meldcode_cli.record.profile import ProfileStore
    from meldcode_cli.record.store import Unreadable
    from meldcode_cli.record.verify import Problem, verify_file
    from meldcode_cli.report.verifyview import finding_text

    store = ProfileStore()
    keyring = store.keyring() if store.keyring_path.exists() else None
    try:
        result = verify_file(path, keyring=keyring)
    except Unreadable as e:
        raise CaseError(str(e)) from None
    record = result.record
    if result.valid and record is not None:
        from meldcode_cli.record.signing import case_chain_problems

        problems = case_chain_problems(path)
        if problems:  # a removed, replaced or reordered record of this case
            reasons = "; ".join(finding_text(p) for p in problems)
            raise ReportRefused(t("report.refused", path=path, reasons=reasons))
        if not result.key_checked and keyring is not None:
            # a signature by a key nobody vouched for proves nothing about the melder
            raise ReportRefused(t("report.refused.unchecked", path=path, fp=result.fingerprint))
        if not result.key_checked:
            UNCHECKED_KEY.append(t("report.unchecked_warning", fp=result.fingerprint))
        return record
    only = result.reasons[0].problem if len(result.reasons) == 1 else None
    if record is not None and record.training and only is Problem.UNSIGNED_TRAINING:
        if integrity_map(record) == record.integrity:
            return record
        raise ReportRefused(t("report.refused.training_changed", path=path))
    if only is Problem.UNSIGNED:
        label = record.case if record is not None else "CASUS"
        raise ReportRefused(t("report.refused.unsigned", path=path, label=label))
    reasons = "; ".join(finding_text(f) for f in result.reasons)
    raise ReportRefused(t("report.refused", path=path, reasons=reasons))


# --- the model -------------------------------------------------------------------------


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


def _empty() -> str:
    return t("report.empty")


def _when(at: str | None) -> str:
    if not at:
        return ""
    return at[:16].replace("T", " ")


def _label_for(item_id: str, item: dict[str, Any] | None) -> str:
    key = f"report.item.{item_id}"
    if has(key):
        return t(key)
    if item is not None:
        return " ".join(str(item.get("text", item_id)).split())
    return item_id


def _nature(nature: str | None) -> str | None:
    if nature in ("feit", "interpretatie", "toelichting"):
        return t(f"walk.nature.{nature}")
    return None


def _provenance(provenance: str) -> str:
    key = f"walk.provenance.{provenance}"
    return t(key) if has(key) else provenance


def _role(role: str | None) -> str:
    if role in ROLES:
        return t(f"role.{role}")
    return role or _empty()


def _yes_no(value: bool | None) -> str:
    if value is None:
        return _empty()
    return t("walk.ja") if value else t("walk.nee")


class _Builder:
    def __init__(
        self,
        record: dict[str, Any],
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
        self.items: dict[str, dict[str, Any]] = {}
        for step in record.get("steps") or []:
            for item in step.get("items") or []:
                self.items[item["id"]] = {**item, "step": step.get("step")}
        self.step_titles = {s.get("step"): s.get("title", "") for s in record.get("steps") or []}
        self.used: set[str] = set()
        self.police = record.get("provenance", {}).get("role") == "wijkagent"

    # --- entries ----------------------------------------------------------------------
    def note(self, note: dict[str, Any]) -> Note:
        parts = [_provenance(str(note.get("provenance", ""))), _nature(note.get("nature")) or ""]
        if not self.advies and note.get("at"):
            parts.append(_when(note.get("at")))
        return Note(str(note.get("text", "")), " · ".join(p for p in parts if p))

    def entry(
        self,
        item_id: str,
        *,
        label: str | None = None,
        fixed: bool = True,
        notes: Callable[[dict[str, Any]], bool] | None = None,
    ) -> Entry | None:
        """The entry of a record item; an empty entry when ``fixed`` and it is absent."""
        item = self.items.get(item_id)
        if item is None:
            if not fixed:
                return None
            return Entry(label or _label_for(item_id, None), _empty(), empty=True)
        self.used.add(item_id)
        answer = item.get("answer")
        empty = answer is None or answer in ("", [])
        value = _empty() if empty else str(item.get("answer_text", ""))
        items: list[str] = []
        if item.get("kind") == "multi_choice" and isinstance(answer, list) and not empty:
            parts = value.split("; ")
            if len(parts) == len(answer):
                items = parts
        meta = None
        if item.get("kind") == "text" and not empty:
            bits = [_nature(item.get("nature")) or ""]
            if not self.advies and item.get("answered_at"):
                bits.append(t("report.recorded", at=_when(item.get("answered_at"))))
            meta = " · ".join(b for b in bits if b) or None
        keep = notes or (lambda _n: True)
        own = f"report.item.{item_id}.{self.record.get('provenance', {}).get('role')}"
        return Entry(
            label or (t(own) if has(own) else _label_for(item_id, item)),
            value,
            empty=empty,
            items=items,
            meta=meta,
            notes=[self.note(n) for n in item.get("notes") or [] if keep(n)],
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
        return [
            i
            for i, item in self.items.items()
            if item.get("step") == step
            and (i not in PLACED or (not self.police and i in FEEDBACK_IDS))
            and i not in self.used
        ]

    # --- sections ---------------------------------------------------------------------
    def melder(self) -> Section:
        prof = self.record.get("provenance", {}).get("professional") or {}
        if self.advies:
            role = self.record.get("provenance", {}).get("role")
            return Section(
                "melder",
                t("report.section.vraagsteller"),
                [Block(None, [Entry(t("report.melder.functie"), _role(role))])],
                [t("report.advies.melder_intro")],
            )

        role = self.record.get("provenance", {}).get("role")

        def val(key: str) -> Entry:
            own = f"report.melder.{key}.{role}"
            label = t(own if has(own) else f"report.melder.{key}")
            raw = prof.get(key)
            if key == "role":
                raw = _role(raw) if raw else None
            return Entry(label, str(raw) if raw else _empty(), empty=not raw)

        who = [val("name"), val("role"), val("organisation"), val("registration"), val("contact")]
        anon = [self.entry("melding_anoniem", label=t("report.item.melding_anoniem"))]
        anonymous = self.items.get("melding_anoniem", {}).get("answer") == "ja"
        for extra in ("melding_anoniem_grond", "melding_anoniem_toelichting"):
            anon.append(self.entry(extra, fixed=anonymous))
        if self.police:  # police zorgmeldingen are not anonymous towards the family here
            return Section(
                "melder",
                t("report.section.melder.wijkagent"),
                [Block(None, who, key="melder-gegevens")],
            )
        return Section(
            "melder",
            t("report.section.melder"),
            [
                Block(None, who, key="melder-gegevens"),
                Block(
                    t("report.block.anoniem"),
                    [e for e in anon if e is not None],
                    intro=t("report.melder.anoniem_intro"),
                    key="melder-anoniem",
                ),
            ],
        )

    def _age(self, p: Persoon, *, full: bool) -> Entry:
        label = t("report.person.geboren" if full else "report.person.leeftijd")
        if p.geboortedatum is not None:
            d = p.geboortedatum
            years = (
                self.today.year - d.year - ((self.today.month, self.today.day) < (d.month, d.day))
            )
            age = t("report.age", n=years)
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
        return Entry(label, _empty(), empty=True)

    def _years(self, p: Persoon) -> int | None:
        if p.geboortedatum is not None:
            d = p.geboortedatum
            return (
                self.today.year - d.year - ((self.today.month, self.today.day) < (d.month, d.day))
            )
        if p.geboortejaar is not None:
            return self.today.year - p.geboortejaar
        if p.leeftijd_maanden is not None:
            return p.leeftijd_maanden // 12
        return p.leeftijd

    def betrokkenen(self) -> Section:
        blocks: list[Block] = []
        people = self.people.betrokkenen if self.people else []
        intro = []
        if not people:
            blocks.append(
                Block(
                    None,
                    [Entry(t("report.section.betrokkenen"), _empty(), empty=True)],
                    key="betrokkenen-leeg",
                )
            )
            intro.append(t("report.betrokkenen.none"))
        for n, p in enumerate(people, 1):

            def text(key: str, value: str | None) -> Entry:
                return Entry(t(f"report.person.{key}"), value or _empty(), empty=not value)

            if self.advies:
                entries = [
                    text("rol", p.rol),
                    self._age(p, full=False),
                    Entry(
                        t("report.person.in_huishouden"),
                        _yes_no(p.in_huishouden),
                        p.in_huishouden is None,
                    ),
                ]
            else:
                entries = [
                    text("rol", p.rol),
                    text("naam", p.naam),
                    self._age(p, full=True),
                    text("relatie", p.relatie),
                    text("adres", p.adres),
                    text("telefoon", p.telefoon),
                    text("email", p.email),
                    text("gezag", p.gezag),
                    text("school", p.school),
                    Entry(
                        t("report.person.in_huishouden"),
                        _yes_no(p.in_huishouden),
                        p.in_huishouden is None,
                    ),
                ]
            blocks.append(
                Block(
                    t("report.person.title", n=n, rol=p.rol),
                    entries,
                    kind="person",
                    key=f"persoon-{n}",
                )
            )
        children = [
            Entry(p.rol, self._age(p, full=False).value)
            for p in people
            if p.in_huishouden and (years := self._years(p)) is not None and years < 18
        ]
        children += self.entries(CHILD_IDS, fixed=("kindcheck",))
        blocks.append(Block(t("report.block.kinderen"), children, key="kinderen"))
        from_record = self.entries(PERSON_IDS)
        if from_record:
            blocks.append(Block(t("report.block.uit_record"), from_record, key="uit-record"))
        if not self.advies:
            helpers = self.people.hulpverleners if self.people else []
            entries = [
                Entry(
                    h.functie or t("report.hulpverlener"),
                    ", ".join(x for x in (h.naam, h.organisatie, h.telefoon) if x) or _empty(),
                    empty=not (h.naam or h.organisatie or h.telefoon),
                )
                for h in helpers
            ] or [Entry(t("report.block.hulpverleners"), _empty(), empty=True)]
            blocks.append(Block(t("report.block.hulpverleners"), entries, key="hulpverleners"))
        return Section("betrokkenen", t("report.section.betrokkenen"), blocks, intro)

    def melding(self) -> Section:
        rest = self.step_items(1)

        def nature(i: str) -> str | None:
            return self.items[i].get("nature")

        def not_interpretation(n: dict[str, Any]) -> bool:
            return n.get("nature") != "interpretatie"

        fact_ids = ["signalen_feiten"] + [
            i for i in rest if nature(i) == "feit" and i != "signalen_feiten"
        ]
        interp_ids = ["signalen_interpretatie"] + [
            i for i in rest if nature(i) == "interpretatie" and i != "signalen_interpretatie"
        ]
        other_ids = [i for i in rest if i not in fact_ids and i not in interp_ids]
        # interpretations noted on step-1 items move to the interpretations block
        moved = [
            Entry(
                t("report.note_on", label=_label_for(item_id, item)),
                str(n.get("text", "")),
                meta=self.note(n).meta,
            )
            for item_id, item in self.items.items()
            if item.get("step") == 1 and item.get("nature") != "interpretatie"
            for n in item.get("notes") or []
            if n.get("nature") == "interpretatie"
        ]
        signals = [
            e
            for e in (
                self.entry(i, fixed=i in ("signalen", "signalen_datum"), notes=not_interpretation)
                for i in SIGNAL_IDS
            )
            if e is not None
        ]
        facts = [
            e
            for i in fact_ids
            if (e := self.entry(i, fixed=i == "signalen_feiten", notes=not_interpretation))
        ]
        interpretations = self.entries(interp_ids, fixed=("signalen_interpretatie",)) + moved
        others = [
            e for i in other_ids if (e := self.entry(i, fixed=False, notes=not_interpretation))
        ]
        blocks = [
            Block(t("report.block.signalen"), signals, key="signalen"),
            Block(
                t("report.block.feiten"),
                facts,
                kind="facts",
                intro=t("report.block.feiten_intro"),
                key="feiten",
            ),
            Block(
                t("report.block.interpretaties"),
                interpretations,
                kind="interpretations",
                intro=t("report.block.interpretaties_intro"),
                key="interpretaties",
            ),
        ]
        if others:
            blocks.append(Block(t("report.block.overig_signalen"), others, key="overig-signalen"))
        title = t("report.section.melding.wijkagent" if self.police else "report.section.melding")
        return Section("melding", title, blocks)

    def politie(self) -> Section:
        entries = self.entries(POLICE_IDS, fixed=("politie_registratienummer",))
        return Section(
            "politie",
            t("report.section.politie"),
            [Block(None, entries, key="politie")],
            [t("report.politie.intro")],
        )

    def terugkoppeling(self) -> Section:
        entries = self.entries(FEEDBACK_IDS, fixed=FEEDBACK_IDS)
        return Section(
            "terugkoppeling",
            t("report.section.terugkoppeling"),
            [Block(None, entries, key="terugkoppeling")],
        )

    def stappen(self) -> Section:
        blocks = []
        for step, fixed in ((2, ("consultatie_collega", "advies_veilig_thuis")), (3, ("gesprek",))):
            ids = [i for i in fixed if i not in self.items] + self.step_items(step)
            blocks.append(
                Block(
                    t("report.step", n=step, title=self.step_titles.get(step, "")),
                    self.entries(ids, fixed=fixed),
                    key=f"stap-{step}",
                )
            )
        return Section("stappen", t("report.section.stappen"), blocks)

    def afweging(self) -> Section:
        step4 = self.step_items(4)
        fixed = ("weging_risico", "weging_aard_ernst")
        interp = [i for i in fixed if i not in self.items] + [
            i for i in step4 if self.items[i].get("nature") == "interpretatie" or i in fixed
        ]
        other = [i for i in step4 if i not in interp]
        blocks = [
            Block(
                t("report.block.weging"),
                self.entries(interp, fixed=fixed),
                kind="interpretations",
                intro=t("report.block.weging_intro"),
                key="weging",
            )
        ]
        if other:
            blocks.append(
                Block(t("report.block.overig_weging"), self.entries(other), key="overig-weging")
            )
        decision = self.record.get("decision") or {}
        afwegingen = decision.get("afwegingen") or {}
        kader = []
        for n, item_id in enumerate(AFWEGING_IDS, 1):
            item = self.items.get(item_id)
            if item is not None:
                self.used.add(item_id)
            value = afwegingen.get(str(n))
            if value is not None:
                shown = _yes_no(value)
            elif item is not None:
                shown = t("report.afweging.open")
            else:
                shown = t("report.afweging.niet_aan_de_orde")
            label = t(f"report.afweging.label.{n}")
            kader.append(Entry(label, shown))
        blocks.append(Block(t("report.block.afwegingskader"), kader, key="afwegingskader"))
        blocks.append(Block(t("report.block.besluit"), self._besluit(decision), key="besluit"))
        fired = (self.record.get("checks") or {}).get("fired") or []
        if fired:
            blocks.append(Block(t("report.block.checks"), self._checks(fired), key="controles"))
        blocks.append(
            Block(
                t("report.block.acuut"),
                self._acuut(decision),
                intro=t("report.acuut.intro"),
                key="acuut",
            )
        )
        return Section("afweging", t("report.section.afweging"), blocks)

    def _checks(self, fired: list[dict[str, Any]]) -> list[Entry]:
        """The checks that fired on the professional's own steps, with the justifications."""
        out = []
        for c in fired:
            label = f"{t('check.' + str(c.get('severity')))}: {c.get('id')}"
            items = [str(c.get("message", ""))]
            j = c.get("justification")
            if j and not self.advies:
                items.append(t("report.check.justification", text=j))
            elif not j and c.get("severity") == "justify":
                items.append(t("report.check.no_justification"))
            out.append(Entry(label, "", items=items))
        return out

    def _decision_text(self, d: dict[str, Any]) -> str:
        parts = [t(f"decision.{k}") for k in ("melden", "hulp", "afsluiten") if d.get(k)]
        return " + ".join(parts) or _empty()

    def _besluit(self, decision: dict[str, Any]) -> list[Entry]:
        if not decision:
            return [Entry(t("report.besluit"), _empty(), empty=True)]
        normen = decision.get("meldnormen") or []
        out = [
            Entry(t("report.besluit"), self._decision_text(decision)),
            Entry(
                t("report.meldnormen"),
                ", ".join(str(n) for n in normen) if normen else t("report.meldnormen.geen"),
                items=[t(f"report.meldnorm.{n}") for n in normen if n in (1, 2, 3)],
            ),
            Entry(t("report.onveilig"), _yes_no(bool(decision.get("onveiligheid_vastgesteld")))),
            Entry(t("report.samen"), _yes_no(bool(decision.get("samen_met_veilig_thuis")))),
        ]
        override = self.record.get("override")
        if override:
            out.append(
                Entry(t("report.override"), self._decision_text(override.get("chosen") or {}))
            )
            out.append(Entry(t("report.override.reason"), str(override.get("reason", ""))))
            if not self.advies:
                out.append(
                    Entry(t("report.override.consulted"), str(override.get("consulted", "")))
                )
        return out

    def _acuut(self, decision: dict[str, Any]) -> list[Entry]:
        events = self.record.get("acute") or []
        if not events:
            return [Entry(t("report.acuut"), t("report.acuut.geen"))]
        out = []
        for ev in events:
            source = ev.get("source")
            item_id = ev.get("item")
            if source == "signal" and item_id:
                what = t("report.acuut.signal", item=_label_for(item_id, self.items.get(item_id)))
            else:
                what = t("report.acuut.declared")
            at = "" if self.advies else _when(ev.get("at"))
            out.append(Entry(t("report.step_n", n=ev.get("step")), what, meta=at or None))
        if decision.get("onveiligheid_vastgesteld"):
            out.append(Entry(t("report.acuut.melden"), t("report.acuut.telefonisch")))
        return out

    def geinformeerd(self) -> Section:
        entries = self.entries(INFORMED_IDS, fixed=("melding_geinformeerd",))
        return Section(
            "geinformeerd",
            t("report.section.geinformeerd"),
            [Block(None, entries, key="geinformeerd")],
            [t("report.geinformeerd.intro")],
        )

    def netwerk(self) -> Section:
        members = self.people.netwerk if self.people else []
        entries = [
            Entry(
                m.relatie or t("report.netwerk.lid"),
                ", ".join(x for x in (m.naam, m.telefoon, m.toelichting) if x) or _empty(),
                empty=not (m.naam or m.telefoon or m.toelichting),
            )
            for m in members
        ]
        entries += self.entries(NETWORK_IDS)
        if not entries:
            entries = [Entry(t("report.section.netwerk"), _empty(), empty=True)]
        return Section(
            "netwerk", t("report.section.netwerk"), [Block(None, entries, key="netwerk")]
        )

    def overig(self) -> Section:
        entries = []
        if self.people and self.people.overige_informatie:
            entries.append(Entry(t("report.overig.betrokkenen"), self.people.overige_informatie))
        entries += self.entries(self.step_items(5))
        if not entries:
            entries = [Entry(t("report.section.overig"), _empty(), empty=True)]
        return Section("overig", t("report.section.overig"), [Block(None, entries, key="overig")])

    def vervolg(self) -> Section:
        entries = self.entries(FOLLOW_UP_IDS, fixed=("vervolgafspraken",))
        date = (self.record.get("decision") or {}).get("evaluatiedatum")
        self.used.add(EVALUATIE_ID)
        entries.append(Entry(t("report.evaluatiedatum"), date or _empty(), empty=not date))
        return Section(
            "vervolg", t("report.section.vervolg"), [Block(None, entries, key="vervolg")]
        )

    def verantwoording(self, signed_by: str | None) -> Section:
        rec = self.record
        prov = rec.get("provenance", {})
        proto = prov.get("protocol", {})
        version = f"{t('report.version')} {proto.get('version', '')}"
        protocol = f"{proto.get('title', '')} ({proto.get('id', '')}, {version})"
        if self.advies:
            entries = [
                Entry(t("report.about.protocol"), protocol),
                Entry(t("report.about.check"), t("report.advies.checked")),
            ]
            return Section(
                "verantwoording",
                t("report.section.verantwoording"),
                [Block(None, entries, key="verantwoording")],
            )
        if rec.get("training"):
            signature = t("report.about.training")
        else:
            signature = t("report.about.signed", fp=signed_by or "?")
        superseded = len(rec.get("superseded") or [])
        entries = [
            Entry(t("report.about.protocol"), protocol),
            Entry(t("report.about.hash"), str(proto.get("hash", ""))),
            Entry(
                t("report.about.record"),
                t(
                    "report.about.record_value",
                    kind=t(f"report.kind.{rec.get('kind')}")
                    if has(f"report.kind.{rec.get('kind')}")
                    else rec.get("kind", ""),
                    n=rec.get("sequence", ""),
                    id=rec.get("record_id", ""),
                ),
            ),
            Entry(t("report.about.created"), _when(rec.get("created_at")) or _empty()),
            Entry(t("report.about.role"), _role(prov.get("role"))),
            Entry(t("report.about.case"), str(prov.get("case", ""))),
            Entry(t("report.about.signature"), signature),
            Entry(t("report.about.superseded"), str(superseded)),
            Entry(t("report.about.betrokkenen"), self.people_source),
        ]
        if rec.get("amendment_reason"):
            entries.append(Entry(t("report.about.amendment"), str(rec["amendment_reason"])))
        org = prov.get("organisatie") if isinstance(prov, dict) else None
        if isinstance(org, dict) and not self.advies:  # the overlay the walk used
            entries.append(
                Entry(
                    t("report.about.organisatie"),
                    t("report.about.organisatie_value", name=org.get("name"), hash=org.get("hash")),
                )
            )
        return Section(
            "verantwoording",
            t("report.section.verantwoording"),
            [Block(None, entries, key="verantwoording")],
        )


def build_report(
    record: dict[str, Any],
    people: Betrokkenen | None = None,
    *,
    advies: bool = False,
    today: dt.date | None = None,
    people_source: str | None = None,
    vraag: str | None = None,
    consultations: list[dict[str, Any]] | None = None,
) -> Report:
    """The report model of a (verified) record."""
    b = _Builder(
        record,
        people,
        advies=advies,
        today=today or dt.date.today(),
        people_source=people_source or t("report.about.betrokkenen_none"),
    )
    training = bool(record.get("training"))
    proto = record.get("provenance", {}).get("protocol", {})
    signed_by = (record.get("provenance") or {}).get("key_fingerprint")
    if advies:
        sections = [b.melder(), b.betrokkenen(), b.melding(), b.stappen(), b.afweging()]
        sections.append(
            Section(
                "vraag",
                t("report.section.vraag"),
                [
                    Block(
                        None,
                        [
                            Entry(t("report.vraag"), vraag)
                            if vraag
                            else Entry(t("report.vraag"), _empty(), empty=True)
                        ],
                        key="vraag",
                    )
                ],
            )
        )
        sections.append(b.verantwoording(signed_by))
        banner = [t("report.advies.banner"), _vt_number(t("report.advies.bellen"))]
        title = t("report.advies.title")
        reminder = t("report.advies.reminder")
    else:
        sections = [b.melder(), b.betrokkenen(), b.melding()]
        if b.police:
            sections.append(b.politie())
        sections += [b.stappen(), b.afweging(), b.geinformeerd(), b.netwerk(), b.vervolg()]
        if b.police:
            sections.append(b.terugkoppeling())
        sections += [
            b.overig(),  # last of the form: it takes what no other section placed
            b.verantwoording(signed_by),
        ]
        # the form's order: overige informatie before the follow-up agreements; a police
        # zorgmelding adds its measures after the incident and VT's feedback at the end
        order = [
            "melder",
            "betrokkenen",
            "melding",
            "politie",
            "stappen",
            "afweging",
            "geinformeerd",
            "netwerk",
            "overig",
            "vervolg",
            "terugkoppeling",
            "verantwoording",
        ]
        sections.sort(key=lambda s: order.index(s.key))
        if consultations:  # signed collegiale consultaties in the case's chain
            from meldcode_cli.record.consult import report_entries

            stappen = next(s for s in sections if s.key == "stappen")
            stappen.blocks.append(
                Block(t("consult.report.title"), report_entries(consultations), key="consult")
            )
        banner = [
            t("report.banner.concept"),
            t("report.banner.inzage"),
            _vt_number(t("report.banner.bellen")),
        ]
        title = t("report.title")
        reminder = t("report.reminder")
        if b.police:
            banner.insert(2, t("report.banner.neutraal"))
            title = t("report.title.wijkagent")
            reminder = t("report.reminder.wijkagent")
    if training:
        banner.insert(0, t("report.banner.training"))
    notices = []
    decision = record.get("decision") or {}
    chosen = (record.get("override") or {}).get("chosen") or decision
    zorgmelding = b.items.get("zorgmelding_doen", {}).get("answer") == "ja"
    if not advies and not chosen.get("melden") and not (b.police and zorgmelding):
        notices.append(t("report.notice.not_melden", decision=b._decision_text(chosen)))
    if record.get("override"):
        notices.append(t("report.notice.override"))
    subtitle = f"{proto.get('title', '')} · {t('report.version')} {proto.get('version', '')}"
    page_head = (t("report.watermark") + " — " if training else "") + (
        t("report.page_head_advies") if advies else t("report.page_head")
    )
    return Report(
        mode="advies" if advies else "melding",
        lang=get_lang(),
        title=title,
        subtitle=subtitle,
        training=training,
        watermark=t("report.watermark"),
        page_head=page_head,
        banner=banner,
        reminder=reminder,
        notices=notices,
        sections=sections,
    )


# --- the advies check ------------------------------------------------------------------

_PARTICLES = frozenset(
    (
        *("van", "de", "der", "den", "het", "ten", "ter", "te", "op", "in", "el", "al"),
        *("la", "le", "du", "da", "di", "von", "vom", "zu", "bin", "ben", "ibn", "dr"),
        *("drs", "mr", "ir", "ing", "prof", "dhr", "mevr", "mw", "mevrouw", "meneer", "heer"),
    )
)
_MONTHS = {
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "en": "january february march april may june july august september october november december",
}


def _tokens(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.casefold())


def _contains(haystack: list[str], needle: list[str]) -> bool:
    if not needle or len(needle) > len(haystack):
        return False
    first = needle[0]
    n = len(needle)
    return any(
        haystack[i] == first and haystack[i : i + n] == needle for i in range(len(haystack) - n + 1)
    )


def _digit_runs(text: str) -> list[str]:
    return [re.sub(r"\D", "", m.group()) for m in re.finditer(r"\d[\d\s./()+-]*\d", text)]


@dataclass(frozen=True)
class Identifying:
    """One identifying value and the forms it may take in a text."""

    where: str
    variants: tuple[tuple[str, ...], ...]
    digits: str | None = None
    case_label: bool = False
    """The value is the case label (a pseudonym, which a journal entry may show)."""


def _value(where: str, value: str, *, name: bool = False, parts: bool = False) -> list[Identifying]:
    variants = [tuple(_tokens(value))]
    if name:  # a first name or surname alone identifies too
        variants += [(p,) for p in _tokens(value) if len(p) >= 3 and p not in _PARTICLES]
    if parts:  # "Kerkstraat 12, 1234 AB Utrecht": each part
        variants += [tuple(_tokens(p)) for p in re.split(r"[,;\n]", value) if len(p.strip()) >= 3]
    digits = re.sub(r"\D", "", value)
    return [
        Identifying(
            where,
            tuple(dict.fromkeys(v for v in variants if v)),
            digits if len(digits) >= 6 else None,
        )
    ]


def _date_value(where: str, d: dt.date) -> Identifying:
    y, m, dd = str(d.year), f"{d.month:02d}", f"{d.day:02d}"
    variants = [(y, m, dd), (dd, m, y), (str(d.day), str(d.month), y), (dd, m, y[2:])]
    for names in _MONTHS.values():
        month = names.split()[d.month - 1]
        variants += [(str(d.day), month, y), (dd, month, y)]
    return Identifying(where, tuple(dict.fromkeys(variants)), f"{dd}{m}{y}")


def identifying_values(record: dict[str, Any], people: Betrokkenen | None) -> list[Identifying]:  # noqa: C901, PLR0912 - issue 14: to split
    """Every value the advice summary must not show: each string value from the
    betrokkenen file except the descriptive ``rol``, ``relatie`` and ``gezag``; birth dates
    in their usual spellings; the melder's name, registration and contact; the case label."""
    out: list[Identifying] = []
    if people is not None:
        for n, p in enumerate(people.betrokkenen, 1):
            where = t("report.leak.person", n=n)
            if p.naam:
                out += _value(f"{where}: naam", p.naam, name=True)
            if p.geboortedatum:
                out.append(_date_value(f"{where}: geboortedatum", p.geboortedatum))
            for key in ("adres", "telefoon", "email", "school"):
                value = getattr(p, key)
                if value:
                    out += _value(f"{where}: {key}", value, parts=key == "adres")
        for n, m in enumerate(people.netwerk, 1):
            where = t("report.leak.netwerk", n=n)
            if m.naam:
                out += _value(f"{where}: naam", m.naam, name=True)
            for key in ("telefoon", "toelichting"):
                value = getattr(m, key)
                if value:
                    out += _value(f"{where}: {key}", value)
        for n, h in enumerate(people.hulpverleners, 1):
            where = t("report.leak.hulpverlener", n=n)
            if h.naam:
                out += _value(f"{where}: naam", h.naam, name=True)
            for key in ("organisatie", "telefoon"):
                value = getattr(h, key)
                if value:
                    out += _value(f"{where}: {key}", value)
        if people.overige_informatie:
            out += _value(t("report.leak.overig"), people.overige_informatie)
    prov = record.get("provenance") or {}
    prof = prov.get("professional") or {}
    if prof.get("name"):
        out += _value(t("report.leak.melder_naam"), str(prof["name"]), name=True)
    for key in ("contact", "registration"):
        if prof.get(key):
            out += _value(t(f"report.leak.melder_{key}"), str(prof[key]))
    if prov.get("case"):
        out += [
            dataclasses.replace(v, case_label=True)
            for v in _value(t("report.leak.case"), str(prov["case"]))
        ]
    return out


def known_values(record: dict[str, Any], people: Betrokkenen | None) -> list[Any]:  # noqa: C901, PLR0912 - issue 14: to split
    """The values :mod:`leakcheck` must not find: every name, birth date and contact in the
    betrokkenen, the melder's name, organisation and contact, and the case label."""
    from meldcode_cli.privacy.leakcheck import Known

    out: list[Known] = []
    if people is not None:
        for n, p in enumerate(people.betrokkenen, 1):
            where = t("report.leak.person", n=n)
            if p.naam:
                out.append(Known(f"{where}: naam", p.naam, "name"))
            if p.geboortedatum:
                out.append(Known(f"{where}: geboortedatum", p.geboortedatum.isoformat(), "date"))
            for key in ("adres", "telefoon", "email", "school"):
                if getattr(p, key):
                    out.append(Known(f"{where}: {key}", getattr(p, key), "text"))
        for n, m in enumerate(people.netwerk, 1):
            where = t("report.leak.netwerk", n=n)
            if m.naam:
                out.append(Known(f"{where}: naam", m.naam, "name"))
            if m.telefoon:
                out.append(Known(f"{where}: telefoon", m.telefoon, "text"))
        for n, h in enumerate(people.hulpverleners, 1):
            where = t("report.leak.hulpverlener", n=n)
            if h.naam:
                out.append(Known(f"{where}: naam", h.naam, "name"))
            if h.organisatie:
                out.append(Known(f"{where}: organisatie", h.organisatie, "organisation"))
            if h.telefoon:
                out.append(Known(f"{where}: telefoon", h.telefoon, "text"))
    prov = record.get("provenance") or {}
    prof = prov.get("professional") or {}
    if prof.get("name"):
        out.append(Known(t("report.leak.melder_naam"), str(prof["name"]), "name"))
    if prof.get("organisation"):
        out.append(Known("melder: organisatie", str(prof["organisation"]), "organisation"))
    for key in ("contact", "registration"):
        if prof.get(key):
            out.append(Known(t(f"report.leak.melder_{key}"), str(prof[key]), "text"))
    if prov.get("case"):
        out.append(Known(t("report.leak.case"), str(prov["case"]), "label"))
    return out


def find_leaks(text: str, values: list[Identifying]) -> list[str]:
    """Which identifying values occur in ``text`` (as whole words, in any case)."""
    tokens = _tokens(text)
    runs = _digit_runs(text)
    found = []
    for v in values:
        if any(_contains(tokens, list(variant)) for variant in v.variants) or (
            v.digits is not None and any(v.digits in run for run in runs)
        ):
            found.append(v.where)
    return list(dict.fromkeys(found))


def _entry_texts(report: Report) -> Iterable[tuple[str, str]]:
    for s in report.sections:
        for b in s.blocks:
            for e in b.entries:
                texts = [e.label, e.value, *e.items, e.meta or ""]
                texts += [x for n in e.notes for x in (n.text, n.meta)]
                yield s.title, "\n".join(texts)
        for line in s.intro:
            yield s.title, line


def check_advies(
    report: Report,
    output: str,
    values: list[Identifying],
    fmt: str,
    known: list[Any] | None = None,
) -> None:
    """Refuse (ReportRefused) when an identifying value is in the advice summary: the
    known values (betrokkenen, melder, organisation, case label) and, known or not, what
    looks like a postcode, phone number, BSN, e-mail, street with number or date of birth
    (:mod:`leakcheck`). Says what and where, never the value."""
    from meldcode_cli.privacy.leakcheck import find_identifiers

    problems: list[str] = []
    for section, text in _entry_texts(report):
        problems += [
            t("report.leak.in", where=w, section=section) for w in find_leaks(text, values)
        ]
        for f in find_identifiers(text, known or []):
            problems.append(t("report.leak.in", where=f"{f.what} ({f.where})", section=section))
    plain = html.unescape(re.sub(r"<[^>]*>", " ", output)) if fmt == "html" else output
    for w in find_leaks(plain, values):
        line = t("report.leak.in", where=w, section=report.title)
        if not any(p.startswith(w + " ") for p in problems):
            problems.append(line)
    if problems:
        raise ReportRefused(
            t("report.leak.refused")
            + "\n"
            + "\n".join(f"  - {p}" for p in dict.fromkeys(problems))
            + "\n"
            + t("report.leak.hint")
        )


# --- rendering -------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
_MD_LINE_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))")


def md_escape(text: str) -> str:
    """User text as Markdown data: markup characters are escaped, never interpreted."""
    out = []
    for raw in _MD_SPECIAL.sub(r"\\\1", text).split("\n"):
        line = raw
        m = _MD_LINE_START.match(raw)
        if m:
            at = m.end() if m.group(2)[0].isdigit() else m.start(2)
            line = raw[:at] + "\\" + raw[at:]
        out.append(line)
    return "\n".join(out)


def md_block(text: str, indent: int = 2) -> str:
    """Escaped user text whose line breaks survive inside a Markdown list item."""
    lines = [ln.rstrip() for ln in md_escape(text.strip("\n")).split("\n")]
    pad = " " * indent
    out: list[str] = []
    for i, ln in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if not ln:
            if out and out[-1]:
                out.append("")
            continue
        out.append((pad if out else "") + ln + ("\\" if nxt else ""))
    return "\n".join(out)


def txt_block(text: str, indent: int = 4) -> str:
    pad = " " * indent
    lines = [ln.rstrip() for ln in text.strip("\n").split("\n")]
    return "\n".join((pad if i else "") + ln if ln else "" for i, ln in enumerate(lines))


def css_string(text: str) -> Any:
    """A CSS string literal for catalogue text (``content:`` of the page margin boxes)."""
    from markupsafe import Markup

    safe = "".join(
        ch if (ch.isalnum() or ch in " .,:;()!-—–·") else f"\\{ord(ch):x} " for ch in text
    )
    return Markup(f'"{safe}"')


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("meldcode_cli.report", "templates"),
        autoescape=lambda name: bool(name and name.endswith(".html.j2")),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_escape
    env.filters["md_block"] = md_block
    env.filters["txt_block"] = txt_block
    env.filters["css_string"] = css_string
    return env


def render(report: Report, fmt: str) -> str:
    if fmt not in FORMATS:
        raise CaseError("error.core.kies_md_txt_of", fmt=fmt)
    template = _environment().get_template(f"report.{fmt}.j2")
    text = template.render(r=report, t=t)
    text = re.sub(r"\n{3,}", "\n\n", text) if fmt != "html" else text
    return text.rstrip("\n") + "\n"


# --- the command -----------------------------------------------------------------------


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
    if line == "" or _parse_yes_no(line.strip() or "ja") is not True:
        return  # end of input, or no
    data = people.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    atomic_write(folder / KEPT_PEOPLE, json.dumps(data, ensure_ascii=False, indent=2).encode())
    out.write(t("report.ask.kept", path=folder / KEPT_PEOPLE) + "\n")


def _unfinished_case(arg: str) -> Any:
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


def _organisatie_texts(path: Path, record: dict[str, Any]) -> list[str]:
    """The dossier texts of the overlay pinned in the record's case, if its hash is the one
    the record names."""
    from meldcode_cli.protocol.organisatie import overlay_hash, parse_pinned
    from meldcode_cli.protocol.yamlio import read_text

    org = (record.get("provenance") or {}).get("organisatie")
    folder = _case_folder(path)
    pinned = folder / "organisatie.yaml" if folder is not None else None
    if not isinstance(org, dict) or pinned is None or not pinned.is_file():
        return []
    try:
        text = read_text(pinned)
        if overlay_hash(text) != org.get("hash"):
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


def make_report(  # noqa: PLR0912 - issue 14: to split
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
        typed, path = live.record, live.session.case.folder
    else:
        path = resolve_record(req.record)
        typed = load_verified_record(path)
    record = typed.to_dict()  # the report's model still reads the plain data
    if isinstance(typed.decision, VerstrekkingRecord):
        raise CaseError(t("report.not_a_melding", path=path))
    people: Betrokkenen | None = None
    stdin = sys.stdin if stdin is None else stdin
    if req.betrokkenen is not None:
        people = load_betrokkenen(req.betrokkenen)
        source = t("report.about.betrokkenen_file", name=req.betrokkenen.name)
    elif (kept := _kept_people(path)) is not None:  # asked before for this case
        people = load_betrokkenen(kept)
        source = t("report.about.betrokkenen_kept")
    elif stdin.isatty():
        out = prompt_out or sys.stderr
        people = ask_betrokkenen(stdin, out, advies=req.advies)
        source = t("report.about.betrokkenen_asked")
        _offer_to_keep(path, people, stdin, out, advies=req.advies)
    else:
        source = t("report.about.betrokkenen_none")
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
        check_advies(
            report,
            text,
            identifying_values(record, people),
            req.fmt,
            known=known_values(record, people),
        )
        from meldcode_cli.privacy.identcheck import free_text_findings, warning_lines

        for line in warning_lines(free_text_findings(record, today=today)):
            (prompt_out or sys.stderr).write(line + "\n")
    if req.output is not None:
        atomic_write(req.output, text.encode("utf-8"))
    return ReportOutcome(text, req.output, report.training, path, list(UNCHECKED_KEY))


def _vt_number(text: str) -> str:
    """The Veilig Thuis number from the ketenkaart (a region's own first, issue 17)."""
    from meldcode_cli.walk.acute import with_vt_number

    return with_vt_number(text)
