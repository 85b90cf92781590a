"""The message catalogue: every chrome string, Dutch by default, English complete.

Language: ``--lang`` beats ``MELDCODE_LANG``, which beats Dutch. Diagnostic details
are written for protocol authors in Dutch; their code titles are translated here.
"""

from __future__ import annotations

import os

__all__ = ["LANGS", "get_lang", "set_lang", "t"]

LANGS = ("nl", "en")

_lang: str | None = None

CATALOGUE: dict[str, dict[str, str]] = {
    "app.help": {
        "nl": "De meldcode huiselijk geweld en kindermishandeling: protocollen als data, "
        "gecontroleerd, lokaal.",
        "en": "The Dutch reporting code for domestic violence and child abuse: protocols "
        "as data, checked, local.",
    },
    "opt.lang": {
        "nl": "Taal van de uitvoer: nl of en (ook via MELDCODE_LANG).",
        "en": "Output language: nl or en (also via MELDCODE_LANG).",
    },
    "opt.version": {"nl": "Toon de versie en stop.", "en": "Show the version and exit."},
    "opt.format": {"nl": "Uitvoerformaat.", "en": "Output format."},
    "opt.verbose": {"nl": "Toon ook de geldige bestanden.", "en": "Also list the valid files."},
    "cmd.validate": {
        "nl": "Controleer protocolbestanden (schema, verwijzingen, alle paden).",
        "en": "Check protocol files (schema, references, every path).",
    },
    "cmd.validate.paths": {
        "nl": "Bestanden of mappen; zonder pad: de meegeleverde protocollen.",
        "en": "Files or folders; without a path: the shipped protocols.",
    },
    "cmd.schema": {
        "nl": "Schrijf het JSON Schema van het protocolformaat.",
        "en": "Write the JSON Schema of the protocol format.",
    },
    "cmd.schema.kind": {
        "nl": "Welk schema: protocol of scenarios.",
        "en": "Which schema: protocol or scenarios.",
    },
    "cmd.schema.output": {"nl": "Schrijf naar dit bestand.", "en": "Write to this file."},
    "cmd.test": {
        "nl": "Draai scenario's door de engine en toon welke beslispaden niet gedekt zijn.",
        "en": "Run scenarios through the engine and show which decision paths are not covered.",
    },
    "cmd.test.paths": {
        "nl": "Scenariobestanden (*.scenarios.yaml) of mappen; zonder pad: de meegeleverde.",
        "en": "Scenario files (*.scenarios.yaml) or folders; without a path: the shipped ones.",
    },
    "cmd.test.require": {
        "nl": "Faal (exit 1) als een beslispad door geen scenario gedekt is.",
        "en": "Fail (exit 1) when a decision path is covered by no scenario.",
    },
    "cmd.list": {"nl": "Toon de meegeleverde protocollen.", "en": "List the shipped protocols."},
    "cmd.show": {
        "nl": "Toon de opbouw van een protocol als boom of stroomschema.",
        "en": "Show the structure of a protocol as a tree or a flow diagram.",
    },
    "cmd.show.protocol": {
        "nl": "Protocol-id of pad naar een protocolbestand.",
        "en": "Protocol id or path to a protocol file.",
    },
    "cmd.show.role": {
        "nl": "Toon alleen wat voor deze rol geldt.",
        "en": "Show only what applies to this role.",
    },
    "validate.summary": {
        "nl": "{files} bestand(en) gecontroleerd: {ok} in orde, {bad} met fouten "
        "({errors} fout(en), {warnings} waarschuwing(en)).",
        "en": "{files} file(s) checked: {ok} valid, {bad} invalid "
        "({errors} error(s), {warnings} warning(s)).",
    },
    "validate.ok_file": {
        "nl": "{path}: in orde ({paths} paden, {decisions} beslispaden)",
        "en": "{path}: valid ({paths} paths, {decisions} decision paths)",
    },
    "validate.progress": {"nl": "Controleren", "en": "Checking"},
    "validate.none": {
        "nl": "geen protocolbestanden gevonden in: {paths}",
        "en": "no protocol files found in: {paths}",
    },
    "hint": {"nl": "tip", "en": "hint"},
    "error": {"nl": "fout", "en": "error"},
    "warning": {"nl": "waarschuwing", "en": "warning"},
    "usage_error": {"nl": "Gebruiksfout", "en": "Usage error"},
    "interrupted": {"nl": "Onderbroken.", "en": "Interrupted."},
    "internal_error": {
        "nl": "Interne fout in meldcode ({kind}: {message}). Er is niets opgeslagen of "
        "gewijzigd. Meld dit met het commando dat u gaf.",
        "en": "Internal error in meldcode ({kind}: {message}). Nothing was saved or "
        "changed. Please report this with the command you ran.",
    },
    "list.header.id": {"nl": "id", "en": "id"},
    "list.header.title": {"nl": "titel", "en": "title"},
    "list.header.version": {"nl": "versie", "en": "version"},
    "list.header.file": {"nl": "bestand", "en": "file"},
    "list.invalid": {
        "nl": "{path}: ongeldig protocol, draai 'meldcode validate {path}'",
        "en": "{path}: invalid protocol, run 'meldcode validate {path}'",
    },
    "show.not_found": {
        "nl": "geen protocol '{name}'; bekend: {known}",
        "en": "no protocol '{name}'; known: {known}",
    },
    "show.invalid": {
        "nl": "'{name}' is geen geldig protocol; draai 'meldcode validate {path}'",
        "en": "'{name}' is not a valid protocol; run 'meldcode validate {path}'",
    },
    "show.step": {"nl": "Stap {n} van 5: {title}", "en": "Step {n} of 5: {title}"},
    "show.when": {"nl": "alleen als", "en": "only if"},
    "show.acute": {"nl": "acuut", "en": "acute"},
    "show.acute_route": {"nl": "acute route (elke stap)", "en": "acute route (any step)"},
    "show.structural": {"nl": "structureel", "en": "structural"},
    "show.afwegingskader": {
        "nl": "Afwegingskader (gedeeld, vijf afwegingen)",
        "en": "Assessment framework (shared, five considerations)",
    },
    "test.pass": {"nl": "geslaagd", "en": "passed"},
    "test.fail": {"nl": "mislukt", "en": "failed"},
    "test.summary": {
        "nl": "{passed} passed, {failed} failed",
        "en": "{passed} passed, {failed} failed",
    },
    "test.coverage": {
        "nl": "{protocol}: {covered} van {total} beslispaden gedekt",
        "en": "{protocol}: {covered} of {total} decision paths covered",
    },
    "test.uncovered": {"nl": "niet gedekt", "en": "not covered"},
    "test.none": {
        "nl": "geen scenariobestanden (*.scenarios.yaml) gevonden in: {paths}",
        "en": "no scenario files (*.scenarios.yaml) found in: {paths}",
    },
    "decision.melden": {"nl": "melden bij Veilig Thuis", "en": "report to Veilig Thuis"},
    "decision.hulp": {"nl": "hulp bieden of organiseren", "en": "offer or organise help"},
    "decision.afsluiten": {"nl": "afsluiten", "en": "close"},
    "decision.evaluatie": {
        "nl": "evaluatie van de hulp (afweging 5) nog te doen",
        "en": "evaluation of the help (consideration 5) still to do",
    },
    "schema.written": {"nl": "schema geschreven naar {path}", "en": "schema written to {path}"},
}

CODE_TITLES_EN: dict[str, str] = {
    "MC001": "file not readable",
    "MC002": "YAML syntax error",
    "MC003": "duplicate key",
    "MC004": "YAML construct not allowed (tag, alias or merge key)",
    "MC005": "file too large or nested too deeply",
    "MC006": "document is not a mapping",
    "MC007": "value YAML 1.1 reads differently than intended",
    "MC101": "required field missing",
    "MC102": "unknown field",
    "MC103": "wrong type",
    "MC104": "invalid value",
    "MC105": "unknown item kind",
    "MC106": "unsupported schema_version",
    "MC201": "duplicate id",
    "MC202": "unknown reference",
    "MC203": "reference to a later item",
    "MC204": "syntax error in condition",
    "MC205": "type error in condition",
    "MC206": "unknown source",
    "MC207": "normative item without a source",
    "MC208": "afwegingskader missing or misplaced",
    "MC209": "reserved id",
    "MC210": "steps not 1 to 5",
    "MC211": "role not among the protocol's roles",
    "MC212": "duplicate option",
    "MC213": "unused source",
    "MC214": "invalid min_selected",
    "MC215": "protocol id used by more than one file",
    "MC216": "file name differs from protocol id",
    "MC217": "choice without options for a role",
    "MC301": "path without a decision",
    "MC302": "decision deviates from the afwegingskader",
    "MC303": "unsafety without a report",
    "MC304": "too many paths to check exhaustively",
    "MC305": "unreachable item",
    "MC306": "unsafety signal depends on the consideration it decides",
    "MC307": "analysis of a long checklist approximated",
}


def set_lang(lang: str | None) -> None:
    global _lang  # noqa: PLW0603 - one process-wide setting, chosen once at start-up
    _lang = lang if lang in LANGS else None


def get_lang() -> str:
    if _lang:
        return _lang
    env = os.environ.get("MELDCODE_LANG", "").strip().lower()[:2]
    return env if env in LANGS else "nl"


def t(key: str, **params: object) -> str:
    """The catalogue text for ``key`` in the current language, formatted."""
    entry = CATALOGUE[key]
    text = entry.get(get_lang()) or entry["nl"]
    return text.format(**params) if params else text


def code_title(code: str) -> str:
    from meldcode_cli.diagnostics import CODES

    if get_lang() == "en":
        return CODE_TITLES_EN.get(code, code)
    return CODES.get(code, code)
