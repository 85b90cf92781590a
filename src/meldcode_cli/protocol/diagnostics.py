"""Diagnostics: what is wrong, where, and how to fix it. Stable codes.

Codes are part of the interface (CI pipelines grep them); never renumber. The full
list with explanations is in ``docs/protocol-format.md`` ("Foutcodes").
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from meldcode_cli.errors import Text

__all__ = ["CODES", "Diagnostic", "Message", "did_you_mean", "message_from_json", "message_to_json"]

Loc = tuple[str | int, ...]

CODES: dict[str, str] = {
    # file and YAML level
    "MC001": "bestand niet leesbaar",
    "MC002": "YAML-syntaxfout",
    "MC003": "dubbele sleutel",
    "MC004": "niet-toegestane YAML-constructie (tag, alias of samenvoegen)",
    "MC005": "bestand te groot of te diep genest",
    "MC006": "document is geen mapping",
    "MC007": "waarde die YAML 1.1 anders leest dan bedoeld",
    # schema level
    "MC101": "verplicht veld ontbreekt",
    "MC102": "onbekend veld",
    "MC103": "verkeerd type",
    "MC104": "ongeldige waarde",
    "MC105": "onbekend item-soort (kind)",
    "MC106": "niet-ondersteunde schema_version",
    # static checks
    "MC201": "dubbel id",
    "MC202": "onbekende verwijzing",
    "MC203": "verwijzing naar een later item",
    "MC204": "syntaxfout in voorwaarde",
    "MC205": "typefout in voorwaarde",
    "MC206": "onbekende bron",
    "MC207": "normatief item zonder bron",
    "MC208": "afwegingskader ontbreekt of staat verkeerd",
    "MC209": "gereserveerd id",
    "MC210": "stappen niet 1 tot en met 5",
    "MC211": "rol niet in de rollen van het protocol",
    "MC212": "dubbele optie",
    "MC213": "ongebruikte bron",
    "MC214": "ongeldige min_selected",
    "MC215": "protocol-id komt in meer bestanden voor",
    "MC216": "bestandsnaam wijkt af van protocol-id",
    "MC217": "keuzevraag zonder opties voor een rol",
    "MC218": "afsluitend blok past niet bij het soort protocol",
    # checks (guardrails, ``checks:``)
    "MC230": "dubbel controle-id",
    "MC231": "onbekende bron in een controle",
    "MC232": "controle zonder bron",
    # path analysis
    "MC301": "pad zonder beslissing",
    "MC302": "beslissing wijkt af van het afwegingskader",
    "MC303": "onveiligheid zonder melding",
    "MC304": "te veel paden om uitputtend te controleren",
    "MC305": "onbereikbaar item",
    "MC306": "signaal voor onveiligheid hangt af van de afweging die het bepaalt",
    "MC307": "analyse van een lange meerkeuzelijst benaderd",
    "MC310": "controle gaat op geen enkel pad af",
    # casus files (trainer mode, docs/trainer.md)
    "MC401": "protocol van de casus niet gevonden of ongeldig",
    "MC402": "rol van de casus hoort niet bij het protocol",
    "MC403": "sleutel noemt een onbekend item",
    "MC404": "ongeldig antwoord in de sleutel",
    "MC405": "sleutelitem komt bij deze antwoorden niet aan de orde",
    "MC406": "onbekende bron in de casus",
    "MC407": "verwachte beslissing wijkt af van de engine",
    "MC408": "verwacht pad wijkt af van de engine",
    "MC409": "sleutel leidt niet tot een beslissing",
    "MC410": "casus-id komt in meer bestanden voor",
    "MC411": "bestandsnaam wijkt af van casus-id",
    # ketenkaart files (docs/ketenkaart.md)
    "MC501": "dubbel organisatie-id in de ketenkaart",
    "MC502": "onbekende organisatie in 'replaces'",
    "MC503": "organisatie zonder bron",
    "MC504": "'checked_on' ontbreekt, is geen datum of ligt in de toekomst",
    "MC505": "gegevens ouder dan 12 maanden (waarschuwing)",
    "MC506": "onbekend protocol-id in 'forms'",
    "MC507": "onbekende rol in 'roles'",
    "MC508": "contact zonder telefoon en zonder URL",
    "MC509": "telefoonnummer zonder bereikbaarheid (waarschuwing)",
    "MC510": "werkgebied ontbreekt of is tegenstrijdig",
    "MC511": "contact verwijst naar een onbekende partner (ketenkaart-id)",
    # organisation overlays (docs/organisatie.md)
    "MC601": "anker onbekend",
    "MC602": "meegeleverd item, afwegingskader of controle verwijderen of afzwakken",
    "MC603": "onbekende partner (ketenkaart-id)",
    "MC604": "onbekend protocol in de overlay",
    "MC605": "extra item met het id van een bestaand item",
}


Message = str | Text
"""A diagnostic's text: a catalogue :class:`~meldcode_cli.errors.Text` (key + params, said in
the language of the moment it is read), or a ready-made ``str`` shown as it is."""


@dataclass(frozen=True, slots=True, init=False)
class Diagnostic:
    """One finding. ``what`` and ``how`` hold the message and the hint as given (catalogue
    texts, see docs/translating.md); ``message`` and ``hint`` say them in the current
    language, so the pure core builds diagnostics without the catalogue and the edge
    (text, JSON, SARIF, GitHub output) shows them in the language chosen with ``--lang``."""

    code: str
    what: Message
    how: Message | None
    loc: Loc
    offset: int | None
    """0-based offset inside the scalar at ``loc`` (for errors inside a condition)."""
    severity: Literal["error", "warning"]
    path: str
    line: int
    col: int
    related: tuple[str, ...]

    def __init__(
        self,
        code: str,
        message: Message,
        hint: Message | None = None,
        loc: Loc = (),
        offset: int | None = None,
        severity: Literal["error", "warning"] = "error",
        path: str = "",
        line: int = 0,
        col: int = 0,
        related: tuple[str, ...] = (),
    ) -> None:
        init = object.__setattr__  # frozen: set once, here
        init(self, "code", code)
        init(self, "what", message)
        init(self, "how", hint)
        init(self, "loc", loc)
        init(self, "offset", offset)
        init(self, "severity", severity)
        init(self, "path", path)
        init(self, "line", line)
        init(self, "col", col)
        init(self, "related", tuple(related))

    @property
    def message(self) -> str:
        """What is wrong, in the current language."""
        return str(self.what)

    @property
    def hint(self) -> str | None:
        """How to fix it, in the current language (None: no hint)."""
        return None if self.how is None else str(self.how)

    def with_hint(self, hint: Message | None) -> Diagnostic:
        """The same diagnostic with another hint (``dataclasses.replace`` does not know the
        constructor's names ``message``/``hint``: use this and :meth:`at`)."""
        return Diagnostic(
            self.code,
            self.what,
            hint,
            self.loc,
            self.offset,
            self.severity,
            self.path,
            self.line,
            self.col,
            self.related,
        )

    def at(self, path: str, line: int, col: int) -> Diagnostic:
        return Diagnostic(
            self.code,
            self.what,
            self.how,
            self.loc,
            self.offset,
            self.severity,
            path,
            line,
            col,
            self.related,
        )

    @property
    def where(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.col}"
        return self.path

    @property
    def loc_text(self) -> str:
        return ".".join(str(p) for p in self.loc)

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.col,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint,
            "loc": self.loc_text,
        }


def did_you_mean(name: str, candidates: Iterable[str]) -> Text | None:
    """A ``did you mean`` hint for a misspelt id (a catalogue text), or None."""
    matches = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0.6)
    if matches:
        return Text("diag.did_you_mean", match=matches[0])
    return None


def message_to_json(m: Message | None) -> object:
    """A message as JSON data, in no particular language: a ``str`` as it is, a catalogue
    text as ``{"key": ..., "params": {...}}`` (the validate cache keeps diagnostics so, and
    the language of the run that reads them says them)."""
    if m is None or isinstance(m, str):
        return m
    return {"key": m.key, "params": {k: _param_to_json(v) for k, v in m.params.items()}}


def _param_to_json(value: object) -> object:
    if isinstance(value, Text):
        return message_to_json(value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def message_from_json(data: object) -> Message | None:
    """The inverse of :func:`message_to_json`; ValueError for another shape."""
    if data is None or isinstance(data, str):
        return data
    if isinstance(data, dict) and isinstance(data.get("key"), str):
        params = data.get("params")
        if not isinstance(params, dict):
            raise ValueError("params")
        return Text(data["key"], **{str(k): _param_from_json(v) for k, v in params.items()})
    raise ValueError("message")


def _param_from_json(value: object) -> object:
    return message_from_json(value) if isinstance(value, dict) else value
