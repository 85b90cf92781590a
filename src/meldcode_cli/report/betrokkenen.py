"""The betrokkenen of a report: the ``--betrokkenen FILE`` model, reading it, and asking
them on a terminal. Who is involved is read at report time and never stored in the record
(``docs/report.md``); only roles and ages reach the advice summary."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, TextIO

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from meldcode_cli.errors import InputError
from meldcode_cli.i18n.messages import t
from meldcode_cli.walk.casestore import CaseError

__all__ = [
    "BetrokkeneInvalid",
    "Betrokkenen",
    "Hulpverlener",
    "Netwerklid",
    "Persoon",
    "ask_betrokkenen",
    "load_betrokkenen",
    "parse_yes_no",
]


class BetrokkeneInvalid(InputError, ValueError):
    """A value of one person that cannot be right (a date that does not exist, one in the
    future, two ages). A ``ValueError`` too, so pydantic reports it at its field's
    file:line:col; the text comes from the catalogue in the chosen language."""


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
                raise BetrokkeneInvalid("report.betrokkenen.no_such_date", value=value) from None
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


def parse_yes_no(value: Any) -> Any:
    """``ja``/``nee`` (or yes/no, j/n) as a bool; any other value as it is."""
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

    _yes_no = field_validator("in_huishouden", mode="before")(parse_yes_no)

    @field_validator("geboortedatum")
    @classmethod
    def _not_in_future(cls, value: dt.date | None) -> dt.date | None:
        if value is not None and value > dt.date.today():
            raise BetrokkeneInvalid("report.betrokkenen.future")
        return value

    @model_validator(mode="after")
    def _one_age(self) -> Persoon:
        given = [self.geboortedatum, self.geboortejaar, self.leeftijd, self.leeftijd_maanden]
        if sum(x is not None for x in given) > 1:
            raise BetrokkeneInvalid("report.betrokkenen.one_age")
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
        raise CaseError("report.betrokkenen.unreadable", path=path, error=e) from None
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
        household = parse_yes_no(ask("report.ask.huishouden") or "")
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
