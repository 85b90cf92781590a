"""Casus files for trainer mode: a vignette per step, a protocol and role, and an expert key.

A casus (``casus/<id>.casus.yaml``) is a training case. Participants walk the real protocol
(``meldcode train``); the key says which answers matter, what the right answer is and why,
with a source from the protocol. ``meldcode casus validate`` checks a casus against its
protocol and replays the key through the engine: the expected decision must be the one the
afwegingskader computes. See ``docs/trainer.md``.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from meldcode_cli.errors import Text
from meldcode_cli.protocol.diagnostics import Diagnostic, Loc, did_you_mean

if TYPE_CHECKING:
    from meldcode_cli.authoring.validate import FileResult
    from meldcode_cli.protocol.compiled import CompiledProtocol

__all__ = [
    "CASUS_SUFFIX",
    "Casus",
    "CasusCheck",
    "KeyItem",
    "check_casus_file",
    "check_casus_paths",
    "expected_parts",
    "find_casus",
    "load_casus",
    "shipped_casus_dir",
]

CASUS_SUFFIX = ".casus.yaml"
CASUS_ID_PATTERN = r"^[a-z][a-z0-9-]{0,39}$"
REPLAY_DAY = dt.date(2026, 1, 15)
"""The day the key is replayed on (as for scenarios): dates never make a key drift."""

Outcome = Literal[
    "melden",
    "hulp",
    "afsluiten",
    "melden+hulp",
    "hulp+afsluiten",
    "melden+hulp+afsluiten",
]
PARTS = ("melden", "hulp", "afsluiten")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class KeyItem(_Model):
    """The expected answer to one item, and why."""

    answer: Any = Field(
        description="Het verwachte antwoord, in het antwoordformaat van scenario's."
    )
    match: Literal["contains", "exact"] = Field(
        default="contains",
        description="Meerkeuze: 'contains' (minstens deze opties) of 'exact' (precies deze).",
    )
    also_accept: list[Any] = Field(
        default_factory=list,
        description="Andere antwoorden die ook goed zijn (ja/nee- en keuzevragen).",
    )
    avoid: list[str] = Field(
        default_factory=list, description="Meerkeuze: opties die niet aangevinkt horen te worden."
    )
    explanation: str = Field(min_length=1, description="Waarom dit het antwoord is.")
    source: str = Field(min_length=1, description="Een bron-id uit de sources van het protocol.")


class Key(_Model):
    decision: Outcome = Field(description="De verwachte beslissing: melden, hulp, afsluiten, ...")
    path: str = Field(pattern=r"^[JN?-]{5}$", description="De afwegingen als J/N/-/? (JNJJ?).")
    explanation: str = Field(min_length=1)
    source: str = Field(min_length=1)
    items: dict[str, KeyItem] = Field(min_length=1)


class Casus(_Model):
    schema_version: Literal[1]
    id: str = Field(pattern=CASUS_ID_PATTERN)
    title: str = Field(min_length=1)
    protocol: str = Field(
        min_length=1, description="Protocol-id of pad (relatief aan dit bestand)."
    )
    role: str = Field(min_length=1)
    summary: str = Field(min_length=1, description="Voor de trainer; deelnemers zien dit niet.")
    learning_goals: list[str] = Field(default_factory=list)
    story: dict[Annotated[int, Field(ge=1, le=5)], str] = Field(min_length=1)
    key: Key


def expected_parts(outcome: str) -> tuple[bool, bool, bool]:
    """``melden+hulp`` → (True, True, False)."""
    names = set(outcome.split("+"))
    return ("melden" in names, "hulp" in names, "afsluiten" in names)


def outcome_of(melden: bool, hulp: bool, afsluiten: bool) -> str:
    parts = [p for p, on in zip(PARTS, (melden, hulp, afsluiten), strict=True) if on]
    return "+".join(parts) or "-"


@dataclass
class CasusCheck:
    """A casus file, checked: the model, its compiled protocol and every problem found."""

    path: str
    casus: Casus | None = None
    compiled: CompiledProtocol | None = None
    protocol_path: Path | None = None
    protocol_text: str | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.casus is not None and not any(d.severity == "error" for d in self.diagnostics)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]


def shipped_casus_dir() -> Path:
    """The casus that ship with the tool."""
    from meldcode_cli.authoring.validate import shipped_dir

    return shipped_dir("casus")


def is_casus_file(p: Path) -> bool:
    return p.name.endswith(CASUS_SUFFIX) and not p.name.startswith(".")


def check_casus_file(path: Path) -> CasusCheck:
    from meldcode_cli.authoring.validate import display_path
    from meldcode_cli.protocol import yamlio

    display = display_path(path)
    try:
        text = yamlio.read_text(path)
    except (OSError, ValueError) as e:
        reason = getattr(e, "strerror", None) or str(e)
        return CasusCheck(
            display,
            diagnostics=[
                Diagnostic("MC001", f"kan het bestand niet lezen: {reason}", None).at(display, 1, 1)
            ],
        )
    return check_casus_text(text, display, path.parent)


def check_casus_text(text: str, display: str, base: Path) -> CasusCheck:
    """Schema, protocol, role, key items, sources, and the key replayed through the engine."""
    from meldcode_cli.protocol.loading import validate_document
    from meldcode_cli.protocol.yamlio import Locator

    model, diags = validate_document(Casus, text, display)
    result = CasusCheck(display, model, diagnostics=list(diags))
    if model is None:
        result.diagnostics.sort(key=lambda d: (d.line, d.col, d.code))
        return result
    found = _semantic(model, display, base, result)
    if found:
        locator = Locator(text)
        for d, on_key in found:
            line, col = locator.locate(d.loc, key=on_key)
            result.diagnostics.append(d.at(display, line, col))
    result.diagnostics.sort(key=lambda d: (d.line, d.col, d.code))
    return result


def _semantic(
    casus: Casus, display: str, base: Path, result: CasusCheck
) -> list[tuple[Diagnostic, bool]]:
    from meldcode_cli.authoring.scenarios import resolve_protocol
    from meldcode_cli.protocol.compiled import compile_protocol
    from meldcode_cli.protocol.loading import load_protocol_file
    from meldcode_cli.protocol.model import MultiChoiceItem, SingleChoiceItem, YesNoItem
    from meldcode_cli.protocol.yamlio import read_text
    from meldcode_cli.walk.driver import BareTarget, replay
    from meldcode_cli.walk.engine import AnswerError, Walk, normalize_answer, path_code

    out: list[tuple[Diagnostic, bool]] = []

    def add(code: str, message: str, hint: str | None, loc: Loc, *, on_key: bool = False) -> None:
        out.append((Diagnostic(code, message, hint, loc), on_key))

    name = Path(display).name
    if name != f"{casus.id}{CASUS_SUFFIX}":
        out.append(
            (
                Diagnostic(
                    "MC411",
                    f"bestand '{name}' bevat casus '{casus.id}'",
                    f"noem het bestand '{casus.id}{CASUS_SUFFIX}': 'meldcode train {casus.id}' "
                    "zoekt de casus onder die naam",
                    ("id",),
                    severity="warning",
                ),
                False,
            )
        )
    proto_path = resolve_protocol(casus.protocol, base)
    if proto_path is None:
        add(
            "MC401",
            f"protocol '{casus.protocol}' niet gevonden",
            "geef een protocol-id (meldcode list) of een pad relatief aan de casus",
            ("protocol",),
        )
        return out
    loaded = load_protocol_file(proto_path)
    compiled = None
    if loaded.protocol is not None:
        compiled, _ = compile_protocol(loaded.protocol)
    if compiled is None:
        add(
            "MC401",
            f"protocol '{casus.protocol}' is ongeldig",
            f"draai 'meldcode validate {proto_path}'",
            ("protocol",),
        )
        return out
    result.compiled = compiled
    result.protocol_path = proto_path
    try:
        result.protocol_text = read_text(proto_path)
    except (OSError, ValueError):
        result.protocol_text = None
    role = casus.role
    if role not in compiled.roles:
        hint = did_you_mean(role, compiled.roles) or f"mogelijk: {', '.join(compiled.roles)}"
        add("MC402", f"rol '{role}' hoort niet bij protocol {compiled.id}", hint, ("role",))
        return out

    def source_ok(source: str, loc: Loc) -> None:
        if source not in compiled.sources:
            hint = did_you_mean(source, compiled.sources) or (
                f"kies een bron uit de sources van {compiled.id} (meldcode show {compiled.id})"
            )
            add("MC406", f"onbekende bron '{source}'", hint, loc)

    source_ok(casus.key.source, ("key", "source"))
    answers: dict[str, Any] = {}
    for iid, ki in casus.key.items.items():
        here: Loc = ("key", "items", iid)
        ci = compiled.by_id.get(iid)
        if ci is None:
            hint = did_you_mean(iid, compiled.by_id) or f"zie 'meldcode show {compiled.id}'"
            add("MC403", f"item '{iid}' bestaat niet in {compiled.id}", hint, here, on_key=True)
            continue
        source_ok(ki.source, (*here, "source"))
        if not isinstance(ci.item, YesNoItem | SingleChoiceItem | MultiChoiceItem):
            what = {"guidance": "een informatieblok", "text": "een tekstvraag", "date": "een datum"}
            add(
                "MC404",
                f"'{iid}' is {what.get(ci.item.kind, ci.item.kind)}; dat kan de sleutel niet "
                "nakijken",
                "neem alleen ja/nee-, keuze- en meerkeuzevragen op in de sleutel; zet het "
                "modelantwoord in de uitleg van een ander item",
                here,
                on_key=True,
            )
            continue
        try:
            value = normalize_answer(ci, ki.answer, role=role)
        except AnswerError as e:
            add("MC404", f"'{iid}': {e.reason}", None, (*here, "answer"))
            continue
        for i, alt in enumerate(ki.also_accept):
            try:
                normalize_answer(ci, alt, role=role)
            except AnswerError as e:
                add("MC404", f"'{iid}' also_accept: {e.reason}", None, (*here, "also_accept", i))
        if ki.avoid:
            if not isinstance(ci.item, MultiChoiceItem):
                add(
                    "MC404",
                    f"'{iid}': avoid hoort alleen bij een meerkeuzevraag",
                    "haal avoid weg",
                    (*here, "avoid"),
                    on_key=True,
                )
            else:
                ids = [o.id for o in ci.item.options if o.for_role(role)]
                chosen = value if isinstance(value, frozenset) else frozenset()
                for i, opt in enumerate(ki.avoid):
                    if opt not in ids:
                        hint = did_you_mean(opt, ids) or f"mogelijk: {', '.join(ids)}"
                        add(
                            "MC404",
                            f"'{iid}' avoid: onbekende optie '{opt}'",
                            hint,
                            (*here, "avoid", i),
                        )
                    elif opt in chosen:
                        add(
                            "MC404",
                            f"'{iid}': optie '{opt}' staat in answer én in avoid",
                            None,
                            (*here, "avoid", i),
                        )
        answers[iid] = ki.answer

    walk = Walk(compiled, role, today=REPLAY_DAY)
    try:
        replay(BareTarget(walk), answers)
    except AnswerError as e:
        loc: Loc = ("key", "items", e.item_id, "answer")
        if e.item_id not in answers:
            loc = ("key", "items")
        add("MC404", f"'{e.item_id}': {e.reason}", None, loc)
        return out
    relevant = {ci.id: ci for ci in walk.relevant()}
    for iid in answers:
        if iid not in relevant:
            ci = compiled.by_id[iid]
            roles = getattr(ci.item, "roles", None)
            if roles is not None and role not in roles:
                why = f"het is alleen voor de rol(len) {', '.join(roles)}"
            elif ci.item.when:
                why = f"de voorwaarde '{ci.item.when}' is bij de antwoorden in de sleutel niet waar"
            else:
                why = "het komt bij de antwoorden in de sleutel niet aan de orde"
            add(
                "MC405",
                f"'{iid}' komt voor rol {role} niet aan de orde: {why}",
                "neem de antwoorden op waar de voorwaarde van afhangt, of haal het item weg",
                ("key", "items", iid),
                on_key=True,
            )
    decision = walk.decision()
    if decision is None:
        open_ = [
            ci.id
            for ci in walk.relevant()
            if ci.id.startswith("afweging_")
            and ci.id not in walk.answers
            and not ci.deferrable
            and ci.id != "afweging_evaluatiedatum"
        ]
        add(
            "MC409",
            "de antwoorden in de sleutel leiden niet tot een beslissing"
            + (f": {', '.join(open_)} ontbreekt" if open_ else ""),
            "neem de afwegingen op in key.items",
            ("key", "decision"),
        )
        return out
    got = outcome_of(decision.melden, decision.hulp, decision.afsluiten)
    code = path_code(decision)
    if got != casus.key.decision:
        add(
            "MC407",
            f"verwachte beslissing '{casus.key.decision}', maar de engine berekent '{got}' "
            f"uit de antwoorden in de sleutel (pad {code})",
            "pas de beslissing of de antwoorden in de sleutel aan",
            ("key", "decision"),
        )
    if code != casus.key.path:
        hint = "pas het pad of de antwoorden in de sleutel aan"
        if walk.onveilig() and "N" in casus.key.path[:2]:
            hint = "onveiligheid die in de sleutel is vastgelegd maakt afweging 1 en 2 'ja'"
        add(
            "MC408",
            f"verwacht pad {casus.key.path}, maar de engine berekent {code}",
            hint,
            ("key", "path"),
        )
    return out


def check_casus_paths(paths: Iterable[str]) -> list[CasusCheck]:
    """Every casus file under ``paths`` (default: the shipped casus), plus cross-file checks."""
    from meldcode_cli.authoring.validate import UsageError, expand_paths

    raw = list(paths) or [str(shipped_casus_dir())]
    files = expand_paths(raw, want=is_casus_file)
    if not files:
        raise UsageError("geen casusbestanden (*.casus.yaml) gevonden in: " + ", ".join(raw))
    results = [check_casus_file(f) for f in files]
    first: dict[str, CasusCheck] = {}
    for r in results:
        if r.casus is None:
            continue
        if r.casus.id in first:
            from meldcode_cli.protocol.yamlio import locate_in_file

            line, col = locate_in_file(Path(r.path), ("id",))
            r.diagnostics.append(
                Diagnostic(
                    "MC410",
                    f"casus-id '{r.casus.id}' wordt ook gebruikt door {first[r.casus.id].path}",
                    "geef elke casus een eigen id",
                    ("id",),
                ).at(r.path, line, col)
            )
        else:
            first[r.casus.id] = r
    return results


def find_casus(name: str) -> Path:
    """A casus id (shipped) or a path to a casus file."""
    from meldcode_cli.authoring.validate import UsageError

    candidate = Path(name)
    if candidate.suffix in (".yaml", ".yml") or candidate.is_file():
        if not candidate.is_file():
            raise UsageError("error.catalog.bestaat_niet", name=name)
        return candidate
    folder = shipped_casus_dir()
    direct = folder / f"{name}{CASUS_SUFFIX}"
    if direct.is_file():
        return direct
    known = sorted(
        p.name[: -len(CASUS_SUFFIX)] for p in folder.glob(f"*{CASUS_SUFFIX}") if p.is_file()
    )
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    hint = Text("error.casus.did_you_mean", match=close[0]) if close else ""
    raise UsageError("error.casus.unknown", name=name, hint=hint, known=", ".join(known) or "-")


def load_casus(name: str) -> CasusCheck:
    """A valid casus by id or path, or a UsageError that lists its problems."""
    from meldcode_cli.authoring.validate import UsageError

    check = check_casus_file(find_casus(name))
    if not check.ok:
        lines = [f"{d.where}: {d.code} {d.message}" for d in check.errors[:10]]
        raise UsageError(
            f"casus '{name}' is ongeldig; draai 'meldcode casus validate {check.path}':\n"
            + "\n".join(lines)
        )
    return check


def format_list(checks: list[CasusCheck], fmt: str = "text", *, key: bool = False) -> str:
    """The casus; the expected decision (the key) only with ``key`` (for the trainer: a
    projected list must not give the answer away)."""
    import json

    rows = []
    for c in checks:
        if c.casus is None:
            continue
        rows.append(
            {
                "id": c.casus.id,
                "protocol": c.casus.protocol,
                "role": c.casus.role,
                "decision": c.casus.key.decision,
                "path": c.casus.key.path,
                "title": c.casus.title,
                "file": c.path,
                "valid": c.ok,
            }
        )
        if not key:
            del rows[-1]["decision"], rows[-1]["path"]
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2)
    from meldcode_cli.i18n.messages import t

    head = [t("casus.list.id"), t("casus.list.protocol"), t("casus.list.role")]
    if key:
        head.append(t("casus.list.decision"))
    table = [[*head, t("casus.list.title")]]
    for r in rows:
        mark = "" if r["valid"] else " (!)"
        cells = [str(r["id"]) + mark, str(r["protocol"]), str(r["role"])]
        if key:
            cells.append(f"{r['decision']} ({r['path']})")
        table.append([*cells, str(r["title"])])
    n = len(table[0]) - 1
    widths = [max(len(row[i]) for row in table) for i in range(n)]
    lines = [
        "  ".join(f"{cell:<{widths[i]}}" for i, cell in enumerate(row[:n])) + "  " + row[n]
        for row in table
    ]
    if not key:
        lines += ["", t("casus.list.no_key")]
    return "\n".join(lines)


def as_file_results(checks: list[CasusCheck]) -> list[FileResult]:
    """The checks as ``checker.FileResult`` so ``output`` formats them like ``validate``."""
    from meldcode_cli.authoring.validate import FileResult

    out = []
    for c in checks:
        r = FileResult(c.path, list(c.diagnostics))
        if c.casus is not None:
            r.protocol_id = c.casus.protocol
            r.title = c.casus.title
            r.version = str(c.casus.schema_version)
        out.append(r)
    return out
