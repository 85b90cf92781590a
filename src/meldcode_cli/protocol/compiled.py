"""From a protocol model to a flat, checked item list the engine can run.

``compile_protocol`` does every static check that does not need path enumeration:
step numbering, ids, the afwegingskader marker, sources, roles and the conditions
(syntax, references, order, types). It is pure and returns diagnostics with YAML
locations (``loc``) that the loader turns into file:line:col.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from meldcode_cli.protocol import conditions as cond
from meldcode_cli.protocol.afwegingskader import (
    AFWEGING_SOURCES,
    DEFERRABLE,
    FRAGMENT_CONDITIONS,
    afweging_items,
)
from meldcode_cli.protocol.diagnostics import Diagnostic, Loc, did_you_mean
from meldcode_cli.protocol.model import (
    AfwegingskaderItem,
    Check,
    ConcreteItem,
    DateItem,
    GuidanceItem,
    MultiChoiceItem,
    Protocol,
    SingleChoiceItem,
    Source,
    TextItem,
    VerstrekkingsbesluitItem,
    YesNoItem,
)
from meldcode_cli.protocol.verstrekking import FRAGMENT_CONDITIONS as VERSTREKKING_CONDITIONS
from meldcode_cli.protocol.verstrekking import VERSTREKKING_SOURCES, verstrekking_items

__all__ = ["CCheck", "CItem", "CompiledProtocol", "ProtocolInvalid", "compile_protocol"]

DECISION_NAMES = ("decision.melden", "decision.hulp", "decision.afsluiten")
FLAG_NAMES = ("acute", "structureel")
RESERVED = frozenset({"role", *FLAG_NAMES, "decision", "and", "or", "not", "in", "contains"})


class ProtocolInvalid(Exception):
    """Raised when code needs a compiled protocol but the protocol has errors."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__(f"{len(diagnostics)} fout(en) in het protocol")
        self.diagnostics = diagnostics


@dataclass(frozen=True, slots=True)
class CItem:
    """One item in walk order, with its parsed relevance condition."""

    item: ConcreteItem
    step: int
    index: int
    cond: cond.Expr | None
    loc: Loc
    fragment: bool = False
    deferrable: bool = False
    id: str = field(init=False)
    answerable: bool = field(init=False)
    acute_values: frozenset[str] = field(init=False)
    """Answers (yes/no value or option ids) that raise acute onveiligheid."""
    structural_values: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        item = self.item
        object.__setattr__(self, "id", item.id)
        object.__setattr__(self, "answerable", not isinstance(item, GuidanceItem))
        acute: set[str] = set()
        structural: set[str] = set()
        if isinstance(item, YesNoItem):
            if item.acute_if:
                acute.add(item.acute_if)
            if item.structureel_if:
                structural.add(item.structureel_if)
        elif isinstance(item, SingleChoiceItem | MultiChoiceItem):
            acute.update(o.id for o in item.options if o.acute)
            structural.update(o.id for o in item.options if o.structureel)
        object.__setattr__(self, "acute_values", frozenset(acute))
        object.__setattr__(self, "structural_values", frozenset(structural))


@dataclass(frozen=True, slots=True)
class CCheck:
    """A compiled check (``checks:`` of the protocol, or a shared guardrail)."""

    check: Check
    cond: cond.Expr
    loc: Loc
    shared: bool = False

    @property
    def id(self) -> str:
        return self.check.id

    @property
    def severity(self) -> str:
        return self.check.severity


@dataclass(frozen=True, slots=True)
class _CheckOwner:
    """What the condition type checker needs to know about the owner of a condition."""

    loc: Loc
    id: str
    index: int


@dataclass(frozen=True)
class CompiledProtocol:
    protocol: Protocol
    items: tuple[CItem, ...]
    by_id: dict[str, CItem]
    decision_index: int
    """Index of the first item after the afwegingskader: from there ``decision.*`` exists."""
    sources: dict[str, Source] = field(default_factory=dict)
    checks: tuple[CCheck, ...] = ()
    """Protocol checks and the shared guardrails that apply, in that order."""
    shared_skipped: tuple[tuple[str, str], ...] = ()
    """Shared guardrails that do not apply to this protocol: (id, why)."""
    checks_hash: str = ""
    """Hash of the check definitions in ``checks`` (stored in every record)."""
    organisatie: Any = None
    """The organisation overlay applied to this protocol (``protocol.organisatie``), if any:
    an :class:`~meldcode_cli.protocol.organisatie.Applied`."""

    @property
    def id(self) -> str:
        return self.protocol.id

    @property
    def roles(self) -> tuple[str, ...]:
        return tuple(self.protocol.roles)

    def for_role(self, role: str | None) -> CompiledProtocol:
        """The same protocol with each item's text and help as this role reads them
        (``role_text``/``role_help``); ``self`` when no item has a text of its own for it."""
        if role is None or not any(
            role in (ci.item.role_text or {}) or role in (ci.item.role_help or {})
            for ci in self.items
        ):
            return self
        items = tuple(
            replace(
                ci,
                item=ci.item.model_copy(
                    update={"text": ci.item.text_for(role), "help": ci.item.help_for(role)}
                ),
            )
            if role in (ci.item.role_text or {}) or role in (ci.item.role_help or {})
            else ci
            for ci in self.items
        )
        return replace(self, items=items, by_id={ci.id: ci for ci in items})


def _trigger_item(item: ConcreteItem) -> bool:
    if isinstance(item, YesNoItem):
        return item.acute_if is not None or item.structureel_if is not None
    if isinstance(item, SingleChoiceItem | MultiChoiceItem):
        return any(o.acute or o.structureel for o in item.options)
    return False


def is_normative(item: ConcreteItem) -> bool:
    """Items that state or apply a rule and therefore must cite a source."""
    return isinstance(item, GuidanceItem) or item.why is not None or _trigger_item(item)


def compile_protocol(protocol: Protocol) -> tuple[CompiledProtocol | None, list[Diagnostic]]:
    diags: list[Diagnostic] = []

    # --- steps -------------------------------------------------------------------------
    numbers = [s.step for s in protocol.steps]
    if numbers != [1, 2, 3, 4, 5]:
        if len(numbers) != 5:
            msg = f"het protocol heeft {len(numbers)} stap(pen); de meldcode heeft er precies vijf"
            diags.append(
                Diagnostic("MC210", msg, "geef stappen 1 tot en met 5, elk één keer", ("steps",))
            )
        else:
            for i, n in enumerate(numbers):
                if n != i + 1:
                    diags.append(
                        Diagnostic(
                            "MC210",
                            f"stap op positie {i + 1} heeft nummer {n}",
                            "nummer de stappen 1 tot en met 5 in volgorde",
                            ("steps", i, "step"),
                        )
                    )

    # --- roles -------------------------------------------------------------------------
    for i, role in enumerate(protocol.roles):
        if role in protocol.roles[:i]:
            diags.append(
                Diagnostic(
                    "MC201",
                    f"rol '{role}' staat twee keer in 'roles'",
                    "noem elke rol één keer",
                    ("roles", i),
                )
            )

    for si, step in enumerate(protocol.steps):
        for r in step.role_titles or {}:
            if r not in protocol.roles:
                diags.append(
                    Diagnostic(
                        "MC211",
                        f"rol '{r}' staat niet in de rollen van het protocol",
                        f"het protocol dient: {', '.join(protocol.roles)}",
                        ("steps", si, "role_titles", r),
                    )
                )

    # --- sources -----------------------------------------------------------------------
    sources: dict[str, Source] = {}
    for i, s in enumerate(protocol.sources):
        if s.id in sources:
            diags.append(
                Diagnostic(
                    "MC201",
                    f"bron-id '{s.id}' staat er twee keer",
                    "geef elke bron een eigen id",
                    ("sources", i, "id"),
                )
            )
        sources[s.id] = s
    for s in AFWEGING_SOURCES:
        sources.setdefault(s.id, s)
    used_sources: set[str] = set()

    # --- flatten, ids, afwegingskader ----------------------------------------------------
    flat: list[tuple[ConcreteItem, int, Loc, bool]] = []
    marker_locs: list[tuple[Loc, int]] = []
    besluit = protocol.kind == "informatieverzoek"
    besluit_locs: list[tuple[Loc, int]] = []
    for si, step in enumerate(protocol.steps):
        for ii, item in enumerate(step.items):
            loc: Loc = ("steps", si, "items", ii)
            if isinstance(item, AfwegingskaderItem):
                if besluit:
                    diags.append(_wrong_marker(item.kind, loc))
                    continue
                marker_locs.append((loc, step.step))
                for frag in afweging_items():
                    flat.append((frag, step.step, loc, True))
            elif isinstance(item, VerstrekkingsbesluitItem):
                if not besluit:
                    diags.append(_wrong_marker(item.kind, loc))
                    continue
                besluit_locs.append((loc, step.step))
                if len(besluit_locs) == 1:
                    flat.extend((v, step.step, loc, False) for v in verstrekking_fragment())
            else:
                flat.append((item, step.step, loc, False))

    if besluit:
        diags.extend(_marker_checks(besluit_locs, "verstrekkingsbesluit"))
        for s in VERSTREKKING_SOURCES:
            sources.setdefault(s.id, s)
    elif not marker_locs:
        diags.append(
            Diagnostic(
                "MC208",
                "het afwegingskader ontbreekt",
                "zet '- kind: afwegingskader' als item in stap 5 (of stap 4)",
                ("steps",),
            )
        )
    for loc, _stepno in marker_locs[1:]:
        diags.append(
            Diagnostic(
                "MC208",
                "het afwegingskader staat er meer dan één keer",
                "laat één '- kind: afwegingskader' staan, in stap 4 of 5",
                loc,
            )
        )
    for loc, stepno in marker_locs[:1]:
        if stepno not in (4, 5):
            diags.append(
                Diagnostic(
                    "MC208",
                    f"het afwegingskader staat in stap {stepno}",
                    "het afwegingskader hoort in stap 5 (of stap 4): het weegt de stappen 1 t/m 4",
                    loc,
                )
            )

    seen: dict[str, Loc] = {}
    first_marker = marker_locs[0][0] if marker_locs else None
    decision_index = len(flat)
    citems: list[CItem] = []
    for item, stepno, loc, fragment in flat:
        if fragment and loc != first_marker:
            continue  # duplicate marker: already reported
        shared = fragment or (besluit and loc in {bl for bl, _ in besluit_locs[:1]})
        id_loc: Loc = loc if shared else (*loc, "id")
        reserved_prefix = item.id.startswith(("afweging_", "verstrekking_"))
        if not shared and (reserved_prefix or item.id in RESERVED):
            why = (
                "ids die met 'afweging_' of 'verstrekking_' beginnen komen uit het gedeelde "
                "afwegingskader of verstrekkingsbesluit"
                if reserved_prefix
                else f"'{item.id}' is een woord van de voorwaardetaal"
            )
            diags.append(
                Diagnostic(
                    "MC209", f"id '{item.id}' is gereserveerd", f"{why}; kies een ander id", id_loc
                )
            )
        elif item.id in seen:
            diags.append(
                Diagnostic(
                    "MC201",
                    f"id '{item.id}' is al gebruikt",
                    "elk item heeft een uniek id binnen het protocol",
                    id_loc,
                )
            )
        seen.setdefault(item.id, id_loc)
        if fragment and item.id == "afweging_5":
            decision_index = len(citems) + 1
        citems.append(
            CItem(
                item=item,
                step=stepno,
                index=len(citems),
                cond=None,
                loc=loc,
                fragment=fragment,
                deferrable=fragment and item.id in DEFERRABLE,
            )
        )

    # --- per-item checks ----------------------------------------------------------------
    protocol_roles: set[str] = set(protocol.roles)
    for ci in citems:
        item = ci.item
        if ci.fragment:
            for sid in item.sources:
                used_sources.add(sid)
            continue
        for si, sid in enumerate(item.sources):
            used_sources.add(sid)
            if sid not in sources:
                diags.append(
                    Diagnostic(
                        "MC206",
                        f"bron '{sid}' staat niet in 'sources'",
                        did_you_mean(sid, sources) or "voeg de bron toe aan 'sources' bovenaan",
                        (*ci.loc, "sources", si),
                    )
                )
        if is_normative(item) and not item.sources:
            diags.append(
                Diagnostic(
                    "MC207",
                    f"item '{item.id}' geeft een norm of regel maar noemt geen bron",
                    "voeg 'sources: [<bron-id>]' toe",
                    (*ci.loc, "id"),
                )
            )
        diags.extend(_foreign_roles(item.roles, protocol.roles, (*ci.loc, "roles")))
        if not ci.fragment:  # the shared fragment phrases for every role a protocol may have
            for key in ("role_text", "role_help"):
                diags.extend(
                    Diagnostic(
                        "MC211",
                        f"rol '{r}' staat niet in de rollen van het protocol",
                        f"het protocol dient: {', '.join(protocol.roles)}",
                        (*ci.loc, key, r),
                    )
                    for r in getattr(item, key) or {}
                    if r not in protocol.roles
                )
        if isinstance(item, SingleChoiceItem | MultiChoiceItem):
            opt_seen: set[str] = set()
            for oi, o in enumerate(item.options):
                diags.extend(
                    _foreign_roles(o.roles, protocol.roles, (*ci.loc, "options", oi, "roles"))
                )
                if o.id in opt_seen:
                    diags.append(
                        Diagnostic(
                            "MC212",
                            f"optie '{o.id}' staat twee keer in '{item.id}'",
                            "geef elke optie een eigen id",
                            (*ci.loc, "options", oi, "id"),
                        )
                    )
                opt_seen.add(o.id)
            item_roles = item.roles if item.roles is not None else protocol.roles
            for r in item_roles:
                offered = sum(1 for o in item.options if o.for_role(r))
                too_few = (
                    offered == 0
                    if isinstance(item, SingleChoiceItem)
                    else offered < item.min_selected
                )
                if too_few:
                    diags.append(
                        Diagnostic(
                            "MC217",
                            f"'{item.id}' heeft geen enkele optie voor rol '{r}'"
                            if offered == 0
                            else f"'{item.id}' vraagt minstens {getattr(item, 'min_selected', 1)} "
                            f"opties, maar rol '{r}' krijgt er {offered}",
                            f"geef minstens één optie zonder 'roles' of met '{r}' erin, of "
                            f"beperk het item met 'roles'",
                            (*ci.loc, "options"),
                        )
                    )
            if isinstance(item, MultiChoiceItem) and item.min_selected > len(item.options):
                diags.append(
                    Diagnostic(
                        "MC214",
                        f"min_selected is {item.min_selected} maar er zijn "
                        f"{len(item.options)} opties",
                        "verlaag min_selected",
                        (*ci.loc, "min_selected"),
                    )
                )

    for check in protocol.checks:
        used_sources.update(check.sources)
    for i, s in enumerate(protocol.sources):
        if s.id not in used_sources:
            diags.append(
                Diagnostic(
                    "MC213",
                    f"bron '{s.id}' wordt door geen item genoemd",
                    "noem de bron bij een item of haal haar weg",
                    ("sources", i, "id"),
                    severity="warning",
                )
            )

    # --- conditions -------------------------------------------------------------------
    position = {ci.id: ci.index for ci in citems}
    final: list[CItem] = []
    for ci in citems:
        expr: cond.Expr | None = None
        if ci.fragment:
            text = FRAGMENT_CONDITIONS[ci.id]
            expr = _explicit_yes(cond.parse(text), citems, position) if text else None
        else:
            item = ci.item
            if item.when is not None:
                try:
                    parsed = cond.parse(item.when)
                except cond.ConditionSyntaxError as e:
                    diags.append(
                        Diagnostic(
                            "MC204",
                            f"voorwaarde: {e.message}",
                            "zie 'Voorwaarden' in docs/protocol-format.md",
                            (*ci.loc, "when"),
                            offset=e.pos,
                        )
                    )
                else:
                    errs = _typecheck(parsed, ci, citems, position, decision_index, protocol_roles)
                    diags.extend(errs)
                    if not errs:
                        expr = _explicit_yes(parsed, citems, position)
            if item.roles is not None:
                role_expr = cond.Compare(
                    cond.Ref("role", 0), "in", tuple(item.roles), tuple(0 for _ in item.roles)
                )
                expr = role_expr if expr is None else cond.And((role_expr, expr))
        final.append(CItem(ci.item, ci.step, ci.index, expr, ci.loc, ci.fragment, ci.deferrable))

    checks, skipped = _compile_checks(
        protocol, final, position, decision_index, protocol_roles, sources, diags
    )
    if any(d.severity == "error" for d in diags):
        return None, diags
    from meldcode_cli.protocol.guardrails import checks_hash

    compiled = CompiledProtocol(
        protocol=protocol,
        items=tuple(final),
        by_id={ci.id: ci for ci in final},
        decision_index=decision_index,
        sources=sources,
        checks=tuple(checks),
        shared_skipped=tuple(skipped),
        checks_hash=checks_hash(c.check for c in checks),
    )
    return compiled, diags


def _compile_checks(
    protocol: Protocol,
    citems: list[CItem],
    position: dict[str, int],
    decision_index: int,
    roles: set[str],
    sources: dict[str, Source],
    diags: list[Diagnostic],
) -> tuple[list[CCheck], list[tuple[str, str]]]:
    """The protocol's ``checks:`` (MC230-MC232, conditions as ``when:``) and the shared
    guardrails whose items exist in this protocol."""
    from meldcode_cli.protocol.guardrails import ALL_SHARED_CHECKS, GUARDRAIL_SOURCES

    out: list[CCheck] = []
    seen: dict[str, int] = {}
    item_ids = {ci.id for ci in citems}
    end = len(citems)  # a check is evaluated over the whole walk: every item is earlier
    for i, check in enumerate(protocol.checks):
        loc: Loc = ("checks", i)
        if check.id in seen or check.id in item_ids:
            what = "een andere controle" if check.id in seen else "een item"
            diags.append(
                Diagnostic(
                    "MC230",
                    f"controle-id '{check.id}' is al gebruikt door {what}",
                    "geef elke controle een eigen id, anders dan de item-ids",
                    (*loc, "id"),
                )
            )
        seen.setdefault(check.id, i)
        for si, sid in enumerate(check.sources):
            if sid not in sources:
                diags.append(
                    Diagnostic(
                        "MC231",
                        f"bron '{sid}' van controle '{check.id}' staat niet in 'sources'",
                        did_you_mean(sid, sources) or "voeg de bron toe aan 'sources' bovenaan",
                        (*loc, "sources", si),
                    )
                )
        if not check.sources:
            diags.append(
                Diagnostic(
                    "MC232",
                    f"controle '{check.id}' noemt geen bron",
                    "een controle stelt een norm: voeg 'sources: [<bron-id>]' toe",
                    (*loc, "id"),
                )
            )
        diags.extend(_foreign_roles(check.roles, protocol.roles, (*loc, "roles")))
        expr = _check_condition(check, loc, citems, position, decision_index, roles, diags, end)
        if expr is not None:
            out.append(CCheck(check, expr, loc))
    skipped: list[tuple[str, str]] = []
    for s in GUARDRAIL_SOURCES:
        sources.setdefault(s.id, s)
    for check in ALL_SHARED_CHECKS:
        if check.id in seen:
            skipped.append((check.id, "het protocol definieert een eigen controle met dit id"))
            continue
        local: list[Diagnostic] = []
        expr = _check_condition(
            check, ("checks",), citems, position, decision_index, roles, local, end
        )
        if expr is None:
            skipped.append((check.id, local[0].message if local else "?"))
            continue
        out.append(CCheck(check, expr, ("checks",), shared=True))
    return out, skipped


def _check_condition(
    check: Check,
    loc: Loc,
    citems: list[CItem],
    position: dict[str, int],
    decision_index: int,
    roles: set[str],
    diags: list[Diagnostic],
    end: int,
) -> cond.Expr | None:
    try:
        parsed = cond.parse(check.when)
    except cond.ConditionSyntaxError as e:
        diags.append(
            Diagnostic(
                "MC204",
                f"voorwaarde: {e.message}",
                "zie 'Voorwaarden' in docs/protocol-format.md",
                (*loc, "when"),
                offset=e.pos,
            )
        )
        return None
    owner = _CheckOwner(loc, check.id, end)
    errs = _typecheck(parsed, owner, citems, position, decision_index, roles)
    diags.extend(errs)
    if errs:
        return None
    expr = _explicit_yes(parsed, citems, position)
    if check.roles is not None:
        role_expr = cond.Compare(
            cond.Ref("role", 0), "in", tuple(check.roles), tuple(0 for _ in check.roles)
        )
        expr = cond.And((role_expr, expr))
    return expr


def _foreign_roles(
    roles: Sequence[str] | None, allowed: Sequence[str], loc: Loc
) -> list[Diagnostic]:
    """MC211 for every role in ``roles`` that the protocol does not serve."""
    return [
        Diagnostic(
            "MC211",
            f"rol '{r}' staat niet in de rollen van het protocol",
            f"het protocol dient: {', '.join(allowed)}",
            (*loc, i),
        )
        for i, r in enumerate(roles or [])
        if r not in allowed
    ]


def _explicit_yes(expr: cond.Expr, citems: list[CItem], position: dict[str, int]) -> cond.Expr:
    """A bare reference to a yes/no item means ``== ja``; make that explicit once, here."""
    if isinstance(expr, cond.Ref):
        idx = position.get(expr.name)
        if idx is not None and isinstance(citems[idx].item, YesNoItem):
            return cond.Compare(expr, "==", ("ja",), (expr.pos,))
        return expr
    if isinstance(expr, cond.Not):
        return cond.Not(_explicit_yes(expr.expr, citems, position))
    if isinstance(expr, cond.And):
        return cond.And(tuple(_explicit_yes(p, citems, position) for p in expr.parts))
    if isinstance(expr, cond.Or):
        return cond.Or(tuple(_explicit_yes(p, citems, position) for p in expr.parts))
    return expr


def _typecheck(
    expr: cond.Expr,
    ci: CItem | _CheckOwner,
    citems: list[CItem],
    position: dict[str, int],
    decision_index: int,
    roles: set[str],
) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    loc: Loc = (*ci.loc, "when")

    def err(code: str, msg: str, hint: str, pos: int) -> None:
        out.append(Diagnostic(code, msg, hint, loc, offset=pos))

    def check_values(compare: cond.Compare, allowed: list[str], what: str) -> None:
        for v, p in zip(compare.values, compare.value_pos, strict=True):
            if v not in allowed:
                err(
                    "MC205",
                    f"'{v}' is geen {what}"
                    + ("" if compare.ref.name == "role" else f" van '{compare.ref.name}'"),
                    did_you_mean(v, allowed) or f"mogelijk: {', '.join(allowed)}",
                    p,
                )

    def visit(e: cond.Expr) -> None:
        if isinstance(e, cond.Not):
            visit(e.expr)
            return
        if isinstance(e, cond.And | cond.Or):
            for p in e.parts:
                visit(p)
            return
        ref = e.ref if isinstance(e, cond.Compare) else e
        compare = e if isinstance(e, cond.Compare) else None
        name = ref.name
        if name == "role":
            if compare is None or compare.op == "contains":
                err(
                    "MC205",
                    "'role' moet vergeleken worden",
                    "schrijf bv. role == huisarts",
                    ref.pos,
                )
            else:
                check_values(compare, sorted(roles), "rol van dit protocol")
            return
        if name in FLAG_NAMES or name in DECISION_NAMES:
            if compare is not None:
                err(
                    "MC205",
                    f"'{name}' is waar of onwaar",
                    f"schrijf '{name}' of 'not {name}'",
                    ref.pos,
                )
            if name in DECISION_NAMES and ci.index < decision_index:
                err(
                    "MC203",
                    f"'{name}' is pas bekend na het afwegingskader",
                    "zet dit item na '- kind: afwegingskader'",
                    ref.pos,
                )
            return
        if "." in name:
            err(
                "MC202",
                f"onbekende naam '{name}'",
                did_you_mean(name, DECISION_NAMES) or f"mogelijk: {', '.join(DECISION_NAMES)}",
                ref.pos,
            )
            return
        if name not in position:
            candidates = [c.id for c in citems] + ["role", *FLAG_NAMES]
            err(
                "MC202",
                f"onbekend item '{name}'",
                did_you_mean(name, candidates) or "een voorwaarde verwijst naar een eerder item-id",
                ref.pos,
            )
            return
        if position[name] >= ci.index:
            err(
                "MC203",
                f"'{name}' komt niet vóór '{ci.id}'",
                "een voorwaarde mag alleen verwijzen naar eerdere items",
                ref.pos,
            )
            return
        target = citems[position[name]].item
        if isinstance(target, GuidanceItem):
            err(
                "MC205",
                f"'{name}' is een informatieblok zonder antwoord",
                "verwijs naar een vraag",
                ref.pos,
            )
            return
        if compare is None:
            return
        if isinstance(target, YesNoItem):
            if compare.op == "contains":
                err("MC205", f"'{name}' is een ja/nee-vraag", f"schrijf '{name} == ja'", ref.pos)
            else:
                check_values(compare, ["ja", "nee"], "antwoord")
        elif isinstance(target, SingleChoiceItem):
            if compare.op == "contains":
                err(
                    "MC205", f"'{name}' heeft één antwoord", f"schrijf '{name} == <optie>'", ref.pos
                )
            else:
                check_values(compare, [o.id for o in target.options], "optie")
        elif isinstance(target, MultiChoiceItem):
            if compare.op != "contains":
                err(
                    "MC205",
                    f"'{name}' is een meerkeuzelijst",
                    f"schrijf '{name} contains <optie>'",
                    ref.pos,
                )
            else:
                check_values(compare, [o.id for o in target.options], "optie")
        elif isinstance(target, TextItem | DateItem):
            err(
                "MC205",
                f"'{name}' is een {'tekst' if isinstance(target, TextItem) else 'datum'}",
                f"alleen '{name}' (ingevuld) kan als voorwaarde",
                ref.pos,
            )

    visit(expr)
    return out


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
            "een informatieverzoek heeft geen afwegingskader",
            "zet '- kind: verstrekkingsbesluit' in stap 5 (of stap 4), of haal 'kind: "
            "informatieverzoek' weg",
            loc,
        )
    return Diagnostic(
        "MC218",
        f"'- kind: {marker}' hoort alleen in een protocol met 'kind: informatieverzoek'",
        "zet 'kind: informatieverzoek' bovenaan, of gebruik '- kind: afwegingskader'",
        loc,
    )


def _marker_checks(locs: list[tuple[Loc, int]], marker: str) -> list[Diagnostic]:
    """MC208 for a shared marker: exactly one, in step 4 or 5."""
    out: list[Diagnostic] = []
    if not locs:
        out.append(
            Diagnostic(
                "MC208",
                f"het {marker} ontbreekt",
                f"zet '- kind: {marker}' als item in stap 5 (of stap 4)",
                ("steps",),
            )
        )
    out.extend(
        Diagnostic(
            "MC208",
            f"het {marker} staat er meer dan één keer",
            f"laat één '- kind: {marker}' staan, in stap 4 of 5",
            loc,
        )
        for loc, _ in locs[1:]
    )
    out.extend(
        Diagnostic(
            "MC208",
            f"het {marker} staat in stap {stepno}",
            f"het {marker} hoort in stap 5 (of stap 4): het sluit de stappen af",
            loc,
        )
        for loc, stepno in locs[:1]
        if stepno not in (4, 5)
    )
    return out
