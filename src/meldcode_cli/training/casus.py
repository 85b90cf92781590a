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
from meldcode_cli.files.jsonio import os_error_reason
from meldcode_cli.protocol.diagnostics import Diagnostic, Loc, Message, did_you_mean

if TYPE_CHECKING:
    from meldcode_cli.authoring.validate import FileResult
    from meldcode_cli.protocol.compiled import CItem, CompiledProtocol

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
    from meldcode_cli.shipped import shipped_dir

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
        reason = os_error_reason(e) if isinstance(e, OSError) else str(e)
        return CasusCheck(
            display,
            diagnostics=[
                Diagnostic("MC001", Text("diag.MC001.casus_unreadable", reason=reason)).at(
                    display, 1, 1
                )
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


@dataclass
class _Found:
    """The diagnostics of one casus, each with whether it points at a key (not a value)."""

    out: list[tuple[Diagnostic, bool]] = field(default_factory=list)

    def add(
        self, code: str, message: Message, hint: Message | None, loc: Loc, *, on_key: bool = False
    ) -> None:
        self.out.append((Diagnostic(code, message, hint, loc), on_key))


def _semantic(
    casus: Casus, display: str, base: Path, result: CasusCheck
) -> list[tuple[Diagnostic, bool]]:
    found = _Found()
    name = Path(display).name
    if name != f"{casus.id}{CASUS_SUFFIX}":
        found.out.append(
            (
                Diagnostic(
                    "MC411",
                    Text("diag.MC411.name", name=name, id=casus.id),
                    Text("diag.MC411.name.hint", file=f"{casus.id}{CASUS_SUFFIX}", id=casus.id),
                    ("id",),
                    severity="warning",
                ),
                False,
            )
        )
    compiled = _casus_protocol(casus, base, result, found)
    if compiled is None:
        return found.out
    if casus.role not in compiled.roles:
        hint = did_you_mean(casus.role, compiled.roles) or Text(
            "diag.hint.possible", options=", ".join(compiled.roles)
        )
        found.add(
            "MC402", Text("diag.MC402.role", role=casus.role, id=compiled.id), hint, ("role",)
        )
        return found.out
    _source_ok(casus.key.source, ("key", "source"), compiled, found)
    answers: dict[str, Any] = {}
    for iid, ki in casus.key.items.items():
        if _key_item_ok(iid, ki, compiled, casus.role, found):
            answers[iid] = ki.answer
    _replay_key(casus, compiled, answers, found)
    return found.out


def _casus_protocol(
    casus: Casus, base: Path, result: CasusCheck, found: _Found
) -> CompiledProtocol | None:
    """The casus's protocol, compiled (MC401 when it is not found or not valid)."""
    from meldcode_cli.authoring.scenarios import resolve_protocol
    from meldcode_cli.protocol.compiled import compile_protocol
    from meldcode_cli.protocol.loading import load_protocol_file
    from meldcode_cli.protocol.yamlio import read_text

    proto_path = resolve_protocol(casus.protocol, base)
    if proto_path is None:
        found.add(
            "MC401",
            Text("diag.MC401.not_found", id=casus.protocol),
            Text("diag.MC401.not_found.hint"),
            ("protocol",),
        )
        return None
    loaded = load_protocol_file(proto_path)
    compiled = None
    if loaded.protocol is not None:
        compiled, _ = compile_protocol(loaded.protocol)
    if compiled is None:
        found.add(
            "MC401",
            Text("diag.MC401.invalid", id=casus.protocol),
            Text("diag.MC401.invalid.hint", path=proto_path),
            ("protocol",),
        )
        return None
    result.compiled = compiled
    result.protocol_path = proto_path
    try:
        result.protocol_text = read_text(proto_path)
    except (OSError, ValueError):
        result.protocol_text = None
    return compiled


def _source_ok(source: str, loc: Loc, compiled: CompiledProtocol, found: _Found) -> None:
    """MC406: a source the protocol does not list."""
    if source not in compiled.sources:
        hint = did_you_mean(source, compiled.sources) or Text(
            "diag.MC406.unknown.hint", id=compiled.id
        )
        found.add("MC406", Text("diag.MC406.unknown", source=source), hint, loc)


def _key_item_ok(
    iid: str, ki: KeyItem, compiled: CompiledProtocol, role: str, found: _Found
) -> bool:
    """One item of the key: it exists (MC403), can be marked and its answers are valid
    (MC404); its source is known (MC406). False: leave it out of the replay."""
    from meldcode_cli.protocol.model import MultiChoiceItem, SingleChoiceItem, YesNoItem
    from meldcode_cli.walk.engine import AnswerError, normalize_answer

    here: Loc = ("key", "items", iid)
    ci = compiled.by_id.get(iid)
    if ci is None:
        hint = did_you_mean(iid, compiled.by_id) or Text("diag.MC403.unknown.hint", id=compiled.id)
        found.add(
            "MC403", Text("diag.MC403.unknown", item=iid, id=compiled.id), hint, here, on_key=True
        )
        return False
    _source_ok(ki.source, (*here, "source"), compiled, found)
    if not isinstance(ci.item, YesNoItem | SingleChoiceItem | MultiChoiceItem):
        kind = ci.item.kind
        kinds = {
            "guidance": Text("diag.MC404.kind.guidance"),
            "text": Text("diag.MC404.kind.text"),
            "date": Text("diag.MC404.kind.date"),
        }
        what: Message = kinds.get(kind, kind)
        found.add(
            "MC404",
            Text("diag.MC404.not_markable", id=iid, what=what),
            Text("diag.MC404.not_markable.hint"),
            here,
            on_key=True,
        )
        return False
    try:
        value = normalize_answer(ci, ki.answer, role=role)
    except AnswerError as e:
        found.add("MC404", f"'{iid}': {e.reason}", None, (*here, "answer"))
        return False
    for i, alt in enumerate(ki.also_accept):
        try:
            normalize_answer(ci, alt, role=role)
        except AnswerError as e:
            found.add(
                "MC404",
                f"'{iid}' also_accept: {e.reason}",
                None,
                (*here, "also_accept", i),
            )
    if ki.avoid:
        _check_avoid(iid, ki, ci, value, role, found)
    return True


def _check_avoid(iid: str, ki: KeyItem, ci: CItem, value: object, role: str, found: _Found) -> None:
    """MC404 for ``avoid``: only on a multiple-choice item, known options not in ``answer``."""
    from meldcode_cli.protocol.model import MultiChoiceItem

    here: Loc = ("key", "items", iid, "avoid")
    if not isinstance(ci.item, MultiChoiceItem):
        found.add(
            "MC404",
            Text("diag.MC404.avoid_multi", id=iid),
            Text("diag.MC404.avoid_multi.hint"),
            here,
            on_key=True,
        )
        return
    ids = [o.id for o in ci.item.options if o.for_role(role)]
    chosen = value if isinstance(value, frozenset) else frozenset()
    for i, opt in enumerate(ki.avoid):
        if opt not in ids:
            hint = did_you_mean(opt, ids) or Text("diag.hint.possible", options=", ".join(ids))
            found.add(
                "MC404", Text("diag.MC404.avoid_unknown", id=iid, option=opt), hint, (*here, i)
            )
        elif opt in chosen:
            found.add(
                "MC404", Text("diag.MC404.avoid_chosen", id=iid, option=opt), None, (*here, i)
            )


def _replay_key(
    casus: Casus, compiled: CompiledProtocol, answers: dict[str, Any], found: _Found
) -> None:
    """The key's answers through the engine: every item asked (MC405), a decision
    (MC409), the one the key expects (MC407) along the expected path (MC408)."""
    from meldcode_cli.walk.driver import BareTarget, replay
    from meldcode_cli.walk.engine import AnswerError, Walk, path_code

    role = casus.role
    walk = Walk(compiled, role, today=REPLAY_DAY)
    try:
        replay(BareTarget(walk), answers)
    except AnswerError as e:
        loc: Loc = ("key", "items", e.item_id, "answer")
        if e.item_id not in answers:
            loc = ("key", "items")
        found.add("MC404", f"'{e.item_id}': {e.reason}", None, loc)
        return
    relevant = {ci.id for ci in walk.relevant()}
    for iid in answers:
        if iid not in relevant:
            found.add(
                "MC405",
                Text(
                    "diag.MC405.not_asked",
                    id=iid,
                    role=role,
                    why=_why_not_asked(compiled.by_id[iid], role),
                ),
                Text("diag.MC405.not_asked.hint"),
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
        what = (
            Text("diag.MC409.open", missing=", ".join(open_))
            if open_
            else Text("diag.MC409.no_decision")
        )
        found.add("MC409", what, Text("diag.MC409.hint"), ("key", "decision"))
        return
    got = outcome_of(decision.melden, decision.hulp, decision.afsluiten)
    code = path_code(decision)
    if got != casus.key.decision:
        found.add(
            "MC407",
            Text("diag.MC407.decision", expected=casus.key.decision, got=got, path=code),
            Text("diag.MC407.decision.hint"),
            ("key", "decision"),
        )
    if code != casus.key.path:
        hint = Text("diag.MC408.path.hint")
        if walk.onveilig() and "N" in casus.key.path[:2]:
            hint = Text("diag.MC408.path.unsafe.hint")
        found.add(
            "MC408",
            Text("diag.MC408.path", expected=casus.key.path, got=code),
            hint,
            ("key", "path"),
        )


def _why_not_asked(ci: CItem, role: str) -> Text:
    """Why a key item does not come up for the casus's role (the MC405 detail)."""
    roles = getattr(ci.item, "roles", None)
    if roles is not None and role not in roles:
        return Text("diag.MC405.roles", roles=", ".join(roles))
    if ci.item.when:
        return Text("diag.MC405.condition", when=ci.item.when)
    return Text("diag.MC405.not_reached")


def check_casus_paths(paths: Iterable[str]) -> list[CasusCheck]:
    """Every casus file under ``paths`` (default: the shipped casus), plus cross-file checks."""
    from meldcode_cli.authoring.validate import UsageError, expand_paths

    raw = list(paths) or [str(shipped_casus_dir())]
    files = expand_paths(raw, want=is_casus_file)
    if not files:
        raise UsageError("error.casus.none_found", paths=", ".join(raw))
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
                    Text("diag.MC410.twice", id=r.casus.id, other=first[r.casus.id].path),
                    Text("diag.MC410.twice.hint"),
                    ("id",),
                ).at(r.path, line, col)
            )
        else:
            first[r.casus.id] = r
    return results


def find_casus(name: str) -> Path:
    """A casus id (shipped) or a path to a casus file."""
    from meldcode_cli.errors import UsageError

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
    from meldcode_cli.errors import UsageError

    check = check_casus_file(find_casus(name))
    if not check.ok:
        lines = [f"{d.where}: {d.code} {d.message}" for d in check.errors[:10]]
        raise UsageError(
            "error.casus.invalid", name=name, path=check.path, problems="\n".join(lines)
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
