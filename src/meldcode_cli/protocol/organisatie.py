"""The organisation's own meldcode: a validated layer on the shipped protocols.

The Besluit verplichte meldcode asks every organisation for *its own* meldcode: the
stappenplan plus who carries which responsibility. An ``kind: organisatie`` file says that
once, beside the shipped (maintained) protocols::

    name, aandachtsfunctionarissen (and how to reach them), eindverantwoordelijke,
    consultatieroute, veilig_thuis and partners (ketenkaart ids), extra guidance at named
    anchor items of a protocol, and the organisation's own texts for the dossier

The layer only adds. Removing or weakening a shipped item, the afwegingskader or a
guardrail check is refused (MC602), an anchor must be an item id of the protocol (MC601),
a partner must be a ketenkaart id (MC603). Anchors are item ids, so the layer survives a
protocol upgrade; an anchor that the new version no longer has is a clear MC601 naming
the version. See ``docs/organisatie.md``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from meldcode_cli.errors import InputError
from meldcode_cli.errors import Text as Msg
from meldcode_cli.files.jsonio import os_error_reason
from meldcode_cli.protocol.diagnostics import Diagnostic, Loc, did_you_mean
from meldcode_cli.protocol.model import ItemId, Text
from meldcode_cli.protocol.textio import is_organisatie_file

__all__ = [
    "LoadedOrganisatie",
    "OrganisatieFile",
    "OverlayError",
    "apply_overlay",
    "check_overlay",
    "find_overlay",
    "is_organisatie_file",
    "load_organisatie",
    "overlay_hash",
    "user_organisatie_dir",
]

_ID = r"^[a-z0-9][a-z0-9-]{0,63}$"


class OverlayError(InputError, ValueError):
    """An overlay that cannot be applied (not valid, or an anchor the protocol lacks): a
    catalogue key; a ``ValueError`` too, for the callers that catch one."""


class _FirstProblems:
    """The first diagnostics of an invalid overlay, said when the message is shown."""

    def __init__(self, diags: Sequence[Diagnostic]) -> None:
        self.diags = diags

    def __format__(self, spec: str) -> str:
        return "; ".join(f"{d.where} {d.code} {d.message}" for d in self.diags)


PREFIX = "org_"
"""Every item the overlay adds has an id starting with this (never a shipped id)."""


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)  # built on first use


class Person(_M):
    name: str = Field(min_length=1, max_length=200)
    role: str | None = Field(default=None, max_length=200, description="functie")
    phone: str | None = Field(default=None, pattern=r"^[0-9+][0-9 -]{1,20}$")
    email: str | None = Field(default=None, max_length=200)
    bereikbaar: str | None = Field(
        default=None, max_length=200, description="wanneer bereikbaar (dagen, uren)"
    )


class Partner(_M):
    ketenkaart: str = Field(pattern=_ID, description="id van een organisatie in de ketenkaart")
    note: str | None = Field(default=None, max_length=500)


class Addition(_M):
    after: ItemId = Field(description="anker: het item-id waarna deze tekst komt")
    id: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9_]{0,50}$")
    text: Text
    contacts_from: list[str] = Field(
        default_factory=list, description="ketenkaart-ids wier contact hier getoond wordt"
    )


class ProtocolLayer(_M):
    additions: list[Addition] = Field(default_factory=list)
    remove: list[str] | None = Field(
        default=None, description="niet toegestaan: het overlay voegt alleen toe (MC602)"
    )
    replace: list[Any] | None = Field(default=None, description="niet toegestaan (MC602)")
    disable_checks: list[str] | None = Field(default=None, description="niet toegestaan (MC602)")
    afwegingskader: Any | None = Field(default=None, description="niet toegestaan (MC602)")


class Dossier(_M):
    intro: Text | None = None
    footer: Text | None = None


class OrganisatieFile(_M):
    schema_version: Literal[1] = 1
    kind: Literal["organisatie"]
    id: str = Field(pattern=_ID)
    name: str = Field(min_length=1, max_length=200)
    meldcode_url: str | None = Field(
        default=None,
        pattern=r"^https?://\S+$",
        description="waar de eigen meldcode staat (de bron van de extra teksten)",
    )
    aandachtsfunctionarissen: list[Person] = Field(min_length=1)
    eindverantwoordelijke: Person = Field(
        description="wie de eindverantwoordelijkheid draagt voor het besluit tot melden"
    )
    consultatieroute: list[str] = Field(
        default_factory=list, description="de interne route voor collegiale consultatie"
    )
    veilig_thuis: str | None = Field(default=None, pattern=_ID, description="ketenkaart-id")
    partners: list[Partner] = Field(default_factory=list)
    protocols: dict[str, ProtocolLayer] = Field(default_factory=dict)
    dossier: Dossier | None = None


@dataclass
class LoadedOrganisatie:
    path: str
    text: str
    model: OrganisatieFile | None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.model is not None and not any(d.severity == "error" for d in self.diagnostics)


def overlay_hash(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def user_organisatie_dir() -> Path:
    from meldcode_cli.walk.casestore import user_organisatie_dir as folder

    return folder()


def find_overlay(explicit: Path | None) -> Path | None:
    """``--organisatie PATH``, else the one ``*.yaml`` in the user folder, else None
    (:func:`meldcode_cli.walk.casestore.find_overlay`, where the user's folders are known)."""
    from meldcode_cli.walk.casestore import find_overlay as find

    return find(explicit)


def _ketenkaart_ids() -> set[str]:
    from meldcode_cli.chain.ketenkaart import load_overlay

    return {e.org.id for e in load_overlay().entries}


def load_organisatie(path: Path) -> LoadedOrganisatie:
    """Read and parse (schema only) one organisation file. Never raises for bad input."""
    from meldcode_cli.protocol import yamlio
    from meldcode_cli.protocol.loading import validate_document

    shown = str(path)
    try:
        text = yamlio.read_text(path)
    except OSError as e:
        d = Diagnostic(
            "MC001",
            Msg("diag.MC001.unreadable", reason=os_error_reason(e)),
            Msg("diag.MC001.unreadable.hint"),
        )
        return LoadedOrganisatie(shown, "", None, [d.at(shown, 1, 1)])
    except ValueError as e:
        d = Diagnostic("MC001", str(e), Msg("diag.MC001.encoding.hint"))
        return LoadedOrganisatie(shown, "", None, [d.at(shown, 1, 1)])
    model, diags = validate_document(OrganisatieFile, text, shown)
    return LoadedOrganisatie(shown, text, model, diags)


def check_overlay(
    loaded: LoadedOrganisatie,
    protocols: dict[str, tuple[str, Any]] | None = None,
    *,
    ketenkaart_ids: set[str] | None = None,
) -> list[Diagnostic]:
    """The overlay against the protocols it names and the ketenkaart (MC601–MC605).

    ``protocols``: id -> (file path, Protocol); default: the shipped protocols. Every
    diagnostic is at file:line:col of the overlay; where a protocol item is concerned, its
    place in the protocol file is in ``related``.
    """
    from meldcode_cli.protocol import yamlio

    model = loaded.model
    if model is None:
        return []
    if protocols is None:
        protocols = shipped_protocols()
    ids = ketenkaart_ids if ketenkaart_ids is not None else _ketenkaart_ids()
    found: list[tuple[Diagnostic, Loc, bool]] = []
    if model.veilig_thuis is not None:
        found.extend(_partner(model.veilig_thuis, ids, ("veilig_thuis",)))
    for i, p in enumerate(model.partners):
        found.extend(_partner(p.ketenkaart, ids, ("partners", i, "ketenkaart")))
    for pid, layer in model.protocols.items():
        if pid in protocols:
            found.extend(_check_layer(pid, layer, protocols[pid], ids))
            continue
        d = Diagnostic(
            "MC604",
            Msg("diag.MC604.unknown", id=pid),
            did_you_mean(pid, protocols) or Msg("diag.MC604.unknown.hint"),
        )
        found.append((d, ("protocols", pid), True))
    locator = yamlio.Locator(loaded.text)
    out: list[Diagnostic] = []
    for d, loc, key in found:
        line, col = locator.locate(loc, key=key)
        out.append(d.at(loaded.path, line, col))
    return out


def _partner(pid: str, ids: set[str], loc: Loc) -> list[tuple[Diagnostic, Loc, bool]]:
    """MC603: a ketenkaart id that the ketenkaart does not have."""
    if pid in ids:
        return []
    hint = Msg(
        "diag.MC603.unknown.hint",
        first=did_you_mean(pid, ids) or Msg("diag.MC603.choose.hint"),
    )
    return [(Diagnostic("MC603", Msg("diag.MC603.unknown", id=pid), hint), loc, False)]


def _check_layer(
    pid: str, layer: ProtocolLayer, target: tuple[str, Any], ids: set[str]
) -> list[tuple[Diagnostic, Loc, bool]]:
    """One protocol's part of the overlay: nothing removed or weakened (MC602), every
    anchor an item of the protocol (MC601), every extra item an id of its own (MC605)."""
    ppath, proto = target
    plocator = _protocol_locator(ppath)
    positions = _item_positions(proto)
    out: list[tuple[Diagnostic, Loc, bool]] = []
    for what in ("remove", "replace", "disable_checks", "afwegingskader"):
        value = getattr(layer, what)
        if value is None:
            continue
        targets = value if isinstance(value, list) else [value]
        related = tuple(
            f"{ppath}:{_where(plocator, positions, str(x))}: {x}"
            for x in targets
            if isinstance(x, str) and x in positions
        )
        d = Diagnostic(
            "MC602",
            Msg("diag.MC602.weakens", what=what, id=pid),
            Msg("diag.MC602.weakens.hint"),
            related=related,
        )
        out.append((d, ("protocols", pid, what), True))
    seen: set[str] = set()
    for j, a in enumerate(layer.additions):
        loc: Loc = ("protocols", pid, "additions", j)
        if a.after not in positions:
            d = Diagnostic(
                "MC601",
                Msg("diag.MC601.unknown", anchor=a.after, id=pid, version=proto.version),
                Msg(
                    "diag.MC601.unknown.hint",
                    first=did_you_mean(a.after, positions) or Msg("diag.MC601.use_item.hint"),
                ),
                related=(f"{ppath}: protocol {pid} {proto.version}",),
            )
            out.append((d, (*loc, "after"), False))
        new_id = addition_id(a, j)
        if new_id in positions or new_id in seen:
            related = (
                (f"{ppath}:{_where(plocator, positions, new_id)}: {new_id}",)
                if new_id in positions
                else ()
            )
            d = Diagnostic(
                "MC605",
                Msg("diag.MC605.taken", id=new_id),
                Msg("diag.MC605.taken.hint", prefix=PREFIX),
                related=related,
            )
            out.append((d, (*loc, "id"), False))
        seen.add(new_id)
        for k, cid in enumerate(a.contacts_from):
            out.extend(_partner(cid, ids, (*loc, "contacts_from", k)))
    return out


def addition_id(a: Addition, index: int) -> str:
    return PREFIX + (a.id or f"{index + 1}")


def _item_positions(proto: Any) -> dict[str, tuple[int, int]]:
    """Item id -> (step index, item index) in the protocol."""
    out: dict[str, tuple[int, int]] = {}
    for si, s in enumerate(proto.steps):
        for ii, item in enumerate(s.items):
            iid = getattr(item, "id", None)
            if isinstance(iid, str):
                out[iid] = (si, ii)
    return out


def _protocol_locator(path: str) -> Any:
    from meldcode_cli.protocol import yamlio

    try:
        return yamlio.Locator(yamlio.read_text(Path(path)))
    except (OSError, ValueError):
        return None


def _where(locator: Any, positions: dict[str, tuple[int, int]], item_id: str) -> str:
    si, ii = positions[item_id]
    if locator is None:
        return "1:1"
    line, col = locator.locate(("steps", si, "items", ii, "id"))
    return f"{line}:{col}"


def shipped_protocols() -> dict[str, tuple[str, Any]]:
    from meldcode_cli.authoring.validate import display_path, shipped_protocols_dir
    from meldcode_cli.protocol.loading import load_protocol_file

    out: dict[str, tuple[str, Any]] = {}
    for p in sorted(shipped_protocols_dir().glob("*.yaml")):
        loaded = load_protocol_file(p)
        if loaded.protocol is not None:
            out[loaded.protocol.id] = (display_path(p), loaded.protocol)
    return out


# --- applying ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Applied:
    """An overlay as applied to one compiled protocol."""

    model: OrganisatieFile
    hash: str
    item_ids: frozenset[str]


def parse_pinned(text: str, display: str) -> OrganisatieFile:
    """An overlay text (pinned in a case, or given): the model; ValueError with the first
    problems when it is not valid."""
    from meldcode_cli.protocol.loading import validate_document

    model, diags = validate_document(OrganisatieFile, text, display)
    errors = [d for d in diags if d.severity == "error"]
    if model is None or errors:
        raise OverlayError("error.org.invalid", display=display, first=_FirstProblems(errors[:3]))
    return model


def apply_overlay(protocol: Any, model: OrganisatieFile, *, lang_contacts: bool = True) -> Any:
    """The protocol with the overlay's guidance inserted after each anchor (a new Protocol;
    the shipped one is untouched). Raises ValueError naming a missing anchor."""
    from meldcode_cli.protocol.model import Protocol

    layer = model.protocols.get(protocol.id)
    data = protocol.model_dump(mode="json", exclude_none=True)
    if layer is None or not layer.additions:
        return protocol
    contacts = _contacts() if lang_contacts else {}
    positions = _item_positions(protocol)
    by_anchor: dict[str, list[dict[str, Any]]] = {}
    for j, a in enumerate(layer.additions):
        if a.after not in positions:
            raise OverlayError(
                "error.org.anchor",
                anchor=a.after,
                org=model.id,
                protocol=protocol.id,
                version=protocol.version,
            )
        item: dict[str, Any] = {
            "id": addition_id(a, j),
            "kind": "guidance",
            "text": a.text.model_dump(exclude_none=True),
            "sources": [source_id(model)],
        }
        cs = [contacts[c] for c in a.contacts_from if c in contacts]
        if cs:
            item["contacts"] = cs
        anchor = next(
            it for s in protocol.steps for it in s.items if getattr(it, "id", None) == a.after
        )
        for key in ("when", "roles"):
            value = getattr(anchor, key, None)
            if value is not None:
                item[key] = value
        by_anchor.setdefault(a.after, []).append(item)
    data.setdefault("sources", []).append(
        {
            "id": source_id(model),
            "title": f"Eigen meldcode van {model.name}",
            # the organisation's own document; without one an identifier, never fetched
            "url": model.meldcode_url or f"https://meldcode-cli.invalid/organisatie/{model.id}",
        }
    )
    for s in data["steps"]:
        items: list[dict[str, Any]] = []
        for it in s["items"]:
            items.append(it)
            items.extend(by_anchor.get(str(it.get("id")), []))
        s["items"] = items
    return Protocol.model_validate(data)


def source_id(model: OrganisatieFile) -> str:
    return f"organisatie-{model.id}"[:64]


def _contacts() -> dict[str, dict[str, Any]]:
    """Ketenkaart id -> the first phone/url contact, as a protocol Contact."""
    from meldcode_cli.chain.ketenkaart import load_overlay

    out: dict[str, dict[str, Any]] = {}
    for e in load_overlay().entries:
        for c in e.org.contacts:
            if c.phone or c.url:
                entry: dict[str, Any] = {"name": {"nl": f"{e.org.name}: {c.label}"}}
                if c.phone:
                    entry["phone"] = c.phone
                if c.url:
                    entry["url"] = c.url
                out.setdefault(e.org.id, entry)
    return out


def overlay_ids(model: OrganisatieFile | None, protocol_id: str) -> set[str]:
    if model is None or protocol_id not in model.protocols:
        return set()
    return {addition_id(a, j) for j, a in enumerate(model.protocols[protocol_id].additions)}


def step2_lines(model: OrganisatieFile, t: Callable[..., str]) -> list[str]:
    """What stap 2 shows of the organisation: its aandachtsfunctionarissen, the
    eindverantwoordelijke and the consultation route. ``t``: the catalogue of the view
    that shows them (this module imports none)."""
    lines = [t("org.walk.header", name=model.name)]
    for p in model.aandachtsfunctionarissen:
        lines.append("  " + t("org.walk.af", who=person_line(p)))
    lines.append("  " + t("org.walk.eind", who=person_line(model.eindverantwoordelijke)))
    for n, step in enumerate(model.consultatieroute, 1):
        lines.append(f"  {n}. {' '.join(step.split())}")
    return lines


def person_line(p: Person) -> str:
    parts = [p.name + (f" ({p.role})" if p.role else "")]
    parts += [x for x in (p.phone, p.email, p.bereikbaar) if x]
    return ", ".join(parts)
