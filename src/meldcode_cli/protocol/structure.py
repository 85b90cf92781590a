"""The checks on a protocol's outline, before its items are compiled: the five steps, the
roles, the source list, and the shared closing block (the afwegingskader, or the
verstrekkingsbesluit of an informatieverzoek) with the flat item list it gives. Pure;
:func:`meldcode_cli.protocol.compiled.compile_protocol` calls them in this order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from meldcode_cli.errors import Text
from meldcode_cli.protocol.afweging_items import afweging_items
from meldcode_cli.protocol.afwegingskader import AFWEGING_SOURCES
from meldcode_cli.protocol.condcheck import foreign_role
from meldcode_cli.protocol.diagnostics import Diagnostic, Loc
from meldcode_cli.protocol.model import (
    AfwegingskaderItem,
    ConcreteItem,
    Protocol,
    Source,
    VerstrekkingsbesluitItem,
)
from meldcode_cli.protocol.verstrekking import FRAGMENT_CONDITIONS as VERSTREKKING_CONDITIONS
from meldcode_cli.protocol.verstrekking import VERSTREKKING_SOURCES, verstrekking_items

__all__ = ["Flat", "check_outline", "collect_sources", "flatten", "verstrekking_fragment"]


def check_outline(protocol: Protocol) -> list[Diagnostic]:
    """MC210 (steps 1 to 5), MC201 (a role twice), MC211 (a step title for another role)."""
    diags = _step_numbers([s.step for s in protocol.steps])
    for i, role in enumerate(protocol.roles):
        if role in protocol.roles[:i]:
            diags.append(
                Diagnostic(
                    "MC201",
                    Text("diag.MC201.role_twice", role=role),
                    Text("diag.MC201.role_twice.hint"),
                    ("roles", i),
                )
            )
    for si, step in enumerate(protocol.steps):
        diags.extend(
            foreign_role(r, protocol.roles, ("steps", si, "role_titles", r))
            for r in step.role_titles or {}
            if r not in protocol.roles
        )
    return diags


def _step_numbers(numbers: list[int]) -> list[Diagnostic]:
    if numbers == [1, 2, 3, 4, 5]:
        return []
    if len(numbers) != 5:
        return [
            Diagnostic(
                "MC210",
                Text("diag.MC210.count", n=len(numbers)),
                Text("diag.MC210.count.hint"),
                ("steps",),
            )
        ]
    return [
        Diagnostic(
            "MC210",
            Text("diag.MC210.order", pos=i + 1, n=n),
            Text("diag.MC210.order.hint"),
            ("steps", i, "step"),
        )
        for i, n in enumerate(numbers)
        if n != i + 1
    ]


def collect_sources(protocol: Protocol, diags: list[Diagnostic]) -> dict[str, Source]:
    """The protocol's sources by id, the afwegingskader's behind them (MC201: an id twice)."""
    sources: dict[str, Source] = {}
    for i, s in enumerate(protocol.sources):
        if s.id in sources:
            diags.append(
                Diagnostic(
                    "MC201",
                    Text("diag.MC201.source_twice", id=s.id),
                    Text("diag.MC201.source_twice.hint"),
                    ("sources", i, "id"),
                )
            )
        sources[s.id] = s
    for s in AFWEGING_SOURCES:
        sources.setdefault(s.id, s)
    return sources


@dataclass
class Flat:
    """The items in walk order: (item, step number, YAML location, from the shared
    afwegingskader fragment), and where the closing blocks stand."""

    items: list[tuple[ConcreteItem, int, Loc, bool]] = field(default_factory=list)
    markers: list[tuple[Loc, int]] = field(default_factory=list)
    """Every ``- kind: afwegingskader``: (location, step)."""
    besluit: list[tuple[Loc, int]] = field(default_factory=list)
    """Every ``- kind: verstrekkingsbesluit`` (an informatieverzoek): (location, step)."""


def flatten(protocol: Protocol, sources: dict[str, Source], diags: list[Diagnostic]) -> Flat:
    """The flat item list, the shared block written out once (MC218: a block that does not
    fit the kind of protocol; MC208: missing, twice, or in the wrong step)."""
    flat = Flat()
    besluit = protocol.kind == "informatieverzoek"
    for si, step in enumerate(protocol.steps):
        for ii, item in enumerate(step.items):
            loc: Loc = ("steps", si, "items", ii)
            if isinstance(item, AfwegingskaderItem):
                if besluit:
                    diags.append(_wrong_marker(item.kind, loc))
                    continue
                flat.markers.append((loc, step.step))
                flat.items.extend((frag, step.step, loc, True) for frag in afweging_items())
            elif isinstance(item, VerstrekkingsbesluitItem):
                if not besluit:
                    diags.append(_wrong_marker(item.kind, loc))
                    continue
                flat.besluit.append((loc, step.step))
                if len(flat.besluit) == 1:
                    flat.items.extend((v, step.step, loc, False) for v in verstrekking_fragment())
            else:
                flat.items.append((item, step.step, loc, False))
    if besluit:
        diags.extend(_marker_checks(flat.besluit, "verstrekkingsbesluit"))
        for s in VERSTREKKING_SOURCES:
            sources.setdefault(s.id, s)
    else:
        diags.extend(_marker_checks(flat.markers, "afwegingskader"))
    return flat


def verstrekking_fragment() -> list[ConcreteItem]:
    """The verstrekkingsbesluit's items with their relevance conditions written in."""
    out: list[ConcreteItem] = []
    for v in verstrekking_items():
        when = VERSTREKKING_CONDITIONS[v.id]
        out.append(v.model_copy(update={"when": when}) if when else v)
    return out


def _wrong_marker(marker: str, loc: Loc) -> Diagnostic:
    """MC218: a marker that does not belong to this kind of protocol."""
    if marker == "afwegingskader":
        return Diagnostic(
            "MC218",
            Text("diag.MC218.afweging_in_verzoek"),
            Text("diag.MC218.afweging_in_verzoek.hint"),
            loc,
        )
    return Diagnostic(
        "MC218",
        Text("diag.MC218.besluit_outside_verzoek", marker=marker),
        Text("diag.MC218.besluit_outside_verzoek.hint"),
        loc,
    )


def _marker_checks(locs: list[tuple[Loc, int]], marker: str) -> list[Diagnostic]:
    """MC208 for a shared marker: exactly one, in step 4 or 5."""
    out: list[Diagnostic] = []
    if not locs:
        out.append(
            Diagnostic(
                "MC208",
                Text("diag.MC208.missing", marker=marker),
                Text("diag.MC208.missing.hint", marker=marker),
                ("steps",),
            )
        )
    out.extend(
        Diagnostic(
            "MC208",
            Text("diag.MC208.twice", marker=marker),
            Text("diag.MC208.twice.hint", marker=marker),
            loc,
        )
        for loc, _ in locs[1:]
    )
    why = "diag.MC208.step.weighs.hint" if marker == "afwegingskader" else "diag.MC208.step.hint"
    out.extend(
        Diagnostic(
            "MC208",
            Text("diag.MC208.step", marker=marker, step=stepno),
            Text(why, marker=marker),
            loc,
        )
        for loc, stepno in locs[:1]
        if stepno not in (4, 5)
    )
    return out
