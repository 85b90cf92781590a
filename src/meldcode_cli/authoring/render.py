"""``meldcode show``: a protocol as a tree (text), or as a Mermaid or Graphviz flow diagram."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from meldcode_cli.i18n.messages import t
from meldcode_cli.protocol.compiled import CItem, CompiledProtocol
from meldcode_cli.protocol.model import (
    Contact,
    DateItem,
    GuidanceItem,
    MultiChoiceItem,
    SingleChoiceItem,
    TextItem,
    YesNoItem,
)
from meldcode_cli.walk.acute import acute_contacts, resolved

__all__ = ["AFWEGING_FLOW", "Highlight", "dot", "mermaid", "tree"]

KIND_LABEL = {
    "nl": {
        YesNoItem: "ja/nee",
        SingleChoiceItem: "keuze",
        MultiChoiceItem: "meerkeuze",
        TextItem: "tekst",
        DateItem: "datum",
        GuidanceItem: "informatie",
    },
    "en": {
        YesNoItem: "yes/no",
        SingleChoiceItem: "choice",
        MultiChoiceItem: "checklist",
        TextItem: "text",
        DateItem: "date",
        GuidanceItem: "guidance",
    },
}

# The afwegingskader's branching (brief §3.1) as a graph: (from, label, to).
# Nodes a1..a5 are the afwegingen; the others are outcomes.
AFWEGING_NODES: dict[str, tuple[str, str]] = {
    "a1": ("Afweging 1: vermoeden?", "Consideration 1: suspicion?"),
    "a2": (
        "Afweging 2: acute of structurele onveiligheid?",
        "Consideration 2: acute or structural unsafety?",
    ),
    "a3": ("Afweging 3: effectieve hulp mogelijk?", "Consideration 3: effective help possible?"),
    "a4": ("Afweging 4: hulp aanvaard?", "Consideration 4: help accepted?"),
    "a5": ("Afweging 5: gewenst resultaat?", "Consideration 5: desired result?"),
    "afsluiten": ("Afsluiten en vastleggen", "Close and record"),
    "melden1": (
        "Melden bij Veilig Thuis (meldnorm 1); 3 t/m 5 samen met Veilig Thuis",
        "Report to Veilig Thuis (norm 1); 3 to 5 together with Veilig Thuis",
    ),
    "a3vt": (
        "Afweging 3, samen met Veilig Thuis: effectieve hulp mogelijk?",
        "Consideration 3, with Veilig Thuis: effective help possible?",
    ),
    "a4vt": (
        "Afweging 4, samen met Veilig Thuis: hulp aanvaard?",
        "Consideration 4, with Veilig Thuis: help accepted?",
    ),
    "vt_verder": (
        "De melding (meldnorm 1) staat; geen eigen hulp, of nog te bepalen met Veilig Thuis",
        "The report (norm 1) stands; no own help, or to be decided with Veilig Thuis",
    ),
    "melden2": ("Melden bij Veilig Thuis (meldnorm 2)", "Report to Veilig Thuis (norm 2)"),
    "hulp": (
        "Hulp bieden of organiseren; evaluatiedatum vastleggen",
        "Offer or organise help; record the evaluation date",
    ),
    "melden3": (
        "(Opnieuw) melden bij Veilig Thuis (meldnorm 3)",
        "Report (again) to Veilig Thuis (norm 3)",
    ),
    "monitoring": (
        "Hulp afsluiten met afspraken over monitoring",
        "Close help with monitoring agreements",
    ),
}
AFWEGING_FLOW: tuple[tuple[str, str, str], ...] = (
    ("a1", "nee", "afsluiten"),
    ("a1", "ja", "a2"),
    ("a2", "ja", "melden1"),
    ("melden1", "", "a3vt"),
    ("a3vt", "nee", "vt_verder"),
    ("a3vt", "open", "vt_verder"),
    ("a3vt", "ja", "a4vt"),
    ("a4vt", "nee", "vt_verder"),
    ("a4vt", "open", "vt_verder"),
    ("a4vt", "ja", "hulp"),
    ("a2", "nee", "a3"),
    ("a3", "nee", "melden2"),
    ("a3", "ja", "a4"),
    ("a4", "nee", "melden2"),
    ("a4", "ja", "hulp"),
    ("hulp", "", "a5"),
    ("a5", "nee", "melden3"),
    ("a5", "ja", "monitoring"),
)
_YES_NO_EN = {"ja": "yes", "nee": "no", "open": "open", "": ""}


def _label(ci: CItem, lang: str) -> str:
    label = KIND_LABEL.get(lang, KIND_LABEL["nl"]).get(type(ci.item), "?")
    if isinstance(ci.item, TextItem):
        label += f", {ci.item.nature}"
    return label


def _markers(ci: CItem) -> str:
    marks = []
    if ci.acute_values:
        marks.append(t("show.acute"))
    if ci.structural_values:
        marks.append(t("show.structural"))
    return f" ({', '.join(marks)})" if marks else ""


def _visible(ci: CItem, role: str | None) -> bool:
    roles = getattr(ci.item, "roles", None)
    return role is None or roles is None or role in roles


def role_items(compiled: CompiledProtocol, role: str) -> list[CItem]:
    """The items a walker in this role can meet, in walk order, with that role's texts: its
    ``roles:`` and every ``when:`` that can be true on some path of the role (the path
    analysis run for this role alone), so an item that hangs on another role's item is
    left out too."""
    from dataclasses import replace

    from meldcode_cli.protocol.analysis import analyse

    only = replace(compiled, protocol=compiled.protocol.model_copy(update={"roles": [role]}))
    reachable = analyse(only).reachable
    return [ci for ci in compiled.for_role(role).items if _visible(ci, role) and ci.id in reachable]


def tree(compiled: CompiledProtocol, *, lang: str = "nl", role: str | None = None) -> str:
    p = compiled.protocol
    shown = None if role is None else {ci.id for ci in role_items(compiled, role)}
    if role is not None:
        compiled = compiled.for_role(role)
    lines = [f"{p.id} {p.version}: {p.title.get(lang)}"]
    lines.append(f"  roles: {', '.join(p.roles)}")
    if p.kind == "informatieverzoek":
        lines.append("  " + t("show.kind.informatieverzoek"))
    route = ", ".join(_contact(c, lang) for c in acute_contacts(p))
    lines.append(f"  {t('show.acute_route')}: {route}")
    for step in p.steps:
        lines.append("")
        lines.append(t("show.step", n=step.step, title=step.title_for(role).get(lang)))
        items = [
            ci
            for ci in compiled.items
            if ci.step == step.step and (shown is None or ci.id in shown)
        ]
        lines.extend(_step_items(compiled, items, lang, role))
    lines.extend(_checks_block(compiled, lang, role))
    return "\n".join(lines)


def _step_items(
    compiled: CompiledProtocol, items: list[CItem], lang: str, role: str | None
) -> list[str]:
    """One step's items as tree branches; the afwegingskader's under one heading."""
    lines: list[str] = []
    in_fragment = False
    for idx, ci in enumerate(items):
        last = idx == len(items) - 1
        branch = "└─" if last else "├─"
        pipe = "  " if last else "│ "
        if ci.fragment and not in_fragment:
            in_fragment = True
            lines.append(f"  {branch} {t('show.afwegingskader')}")
        prefix = "  │   " if ci.fragment and not last else ("      " if ci.fragment else "  ")
        lead = "" if ci.fragment else branch + " "
        head = f"{prefix}{lead}{ci.id} [{_label(ci, lang)}]{_markers(ci)}"
        if compiled.organisatie is not None and ci.id in compiled.organisatie.item_ids:
            head += " " + t("org.show.marker")
        lines.append(f"{head} {_one_line(ci.item.text.get(lang))}")
        sub = f"{prefix}{'' if ci.fragment else pipe + ' '}   "
        lines.extend(sub + line for line in _item_details(ci, lang, role))
    return lines


def _item_details(ci: CItem, lang: str, role: str | None) -> list[str]:
    """The lines under an item: its condition, roles, options and contacts."""
    lines: list[str] = []
    when = ci.item.when if not ci.fragment else None
    if when:
        lines.append(f"{t('show.when')}: {when}")
    roles = getattr(ci.item, "roles", None)
    if roles and role is None:
        lines.append(f"roles: {', '.join(roles)}")
    if isinstance(ci.item, SingleChoiceItem | MultiChoiceItem):
        for o in ci.item.options:
            if not o.for_role(role):
                continue
            mark = []
            if o.acute:
                mark.append(t("show.acute"))
            if o.structureel:
                mark.append(t("show.structural"))
            if o.roles and role is None:
                mark.append("roles: " + ", ".join(o.roles))
            extra = f" ({', '.join(mark)})" if mark else ""
            lines.append(f"- {o.id}: {_one_line(o.text.get(lang))}{extra}")
    if isinstance(ci.item, GuidanceItem):
        lines.extend(f"☎ {_contact(c, lang)}" for c in resolved(ci.item.contacts))
    return lines


def _checks_block(compiled: CompiledProtocol, lang: str, role: str | None) -> list[str]:
    """The protocol's checks (own and shared) and the shared ones that do not apply."""
    if not compiled.checks and not compiled.shared_skipped:
        return []
    lines = ["", t("show.checks")]
    for c in compiled.checks:
        if role is not None and c.check.roles is not None and role not in c.check.roles:
            continue
        origin = t("show.check.shared") if c.shared else t("show.check.own")
        lines.append(f"  - {c.id} [{c.severity}, {origin}] {t('show.when')}: {c.check.when}")
        lines.append(f"      {_one_line(c.check.message.get(lang))}")
        if c.check.sources:
            lines.append(f"      {t('check.sources')}: {', '.join(c.check.sources)}")
    for cid, why in compiled.shared_skipped:
        lines.append(f"  - {cid} [{t('show.check.not_applied')}: {why}]")
    return lines


def _one_line(text: str) -> str:
    """Protocol text may be a folded YAML block: show it as one clean line."""
    return " ".join(text.split())


def _contact(c: Contact, lang: str) -> str:
    reach = c.phone or c.url or ""
    return f"{c.label(lang)} {reach}".strip()


def _step_title(n: int, title: str) -> str:
    return t("show.step", n=n, title=title)


def _short(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _mm_text(text: str, n: int = 60) -> str:
    return _short(text, n).replace('"', "#quot;")


TERMINALS = ("afsluiten", "melden2", "melden3", "monitoring")
HIGHLIGHT_FILL = "#ffe08a"
HIGHLIGHT_LINE = "#c2410c"


@dataclass(frozen=True)
class Highlight:
    """The path a session took: nodes to mark, and edges (from, to) to draw heavier."""

    nodes: frozenset[str] = frozenset()
    edges: frozenset[tuple[str, str]] = frozenset()


QUESTIONS = ("a1", "a2", "a3", "a4", "a5")


@dataclass
class _Graph:
    """A protocol as a flow graph, independent of the drawing language."""

    title: str
    steps: list[tuple[int, str, list[tuple[str, str, str]]]] = field(default_factory=list)
    """(step, title, nodes as (id, text, shape)); shapes: item, guidance, question, outcome."""
    edges: list[tuple[str, str, str, bool]] = field(default_factory=list)
    """(from, to, label, dashed)."""


def _graph(compiled: CompiledProtocol, lang: str, role: str | None) -> _Graph:
    p = compiled.protocol
    graph = _Graph(p.title.get(lang))
    prev = ["start"]
    for step in p.steps:
        nodes: list[tuple[str, str, str]] = []
        fragment_done = False
        for ci in compiled.items:
            if ci.step != step.step or not _visible(ci, role):
                continue
            if ci.fragment:
                if fragment_done:
                    continue
                fragment_done = True
                for node, (nl, en) in AFWEGING_NODES.items():
                    shape = "question" if node in QUESTIONS else "outcome"
                    nodes.append((node, en if lang == "en" else nl, shape))
                graph.edges.extend((x, "a1", "", False) for x in prev)
                for a, label, b in AFWEGING_FLOW:
                    graph.edges.append((a, b, _YES_NO_EN[label] if lang == "en" else label, False))
                prev = list(TERMINALS)
                continue
            shape = "guidance" if isinstance(ci.item, GuidanceItem) else "item"
            nodes.append((ci.id, ci.item.text.get(lang), shape))
            graph.edges.extend((x, ci.id, ci.item.when or "", bool(ci.item.when)) for x in prev)
            # a conditional item may be skipped: the next item is reached from before it too
            prev = [*prev, ci.id] if ci.item.when else [ci.id]
        graph.steps.append((step.step, _step_title(step.step, step.title.get(lang)), nodes))
    return graph


_MERMAID_SHAPES = {
    "item": ('["', '"]'),
    "guidance": ('[/"', '"/]'),
    "question": ('{"', '"}'),
    "outcome": ('(["', '"])'),
}


def mermaid(
    compiled: CompiledProtocol,
    *,
    lang: str = "nl",
    role: str | None = None,
    highlight: Highlight | None = None,
) -> str:
    graph = _graph(compiled, lang, role)
    out = ["flowchart TD", f'  start(["{_mm_text(graph.title)}"])']
    for n, title, nodes in graph.steps:
        out.append(f'  subgraph stap{n}["{_mm_text(title)}"]')
        for node, text, shape in nodes:
            left, right = _MERMAID_SHAPES[shape]
            out.append(f"    {node}{left}{_mm_text(text)}{right}")
        out.append("  end")
    for a, b, label, dashed in graph.edges:
        if dashed:
            out.append(f'  {a} -. "{_mm_text(label, 40)}" .-> {b}')
        elif label:
            out.append(f"  {a} -- {label} --> {b}")
        else:
            out.append(f"  {a} --> {b}")
    if highlight is not None:
        known = {"start"} | {node for _, _, nodes in graph.steps for node, _, _ in nodes}
        marked = [
            n
            for n in ("start", *(x for _, _, ns in graph.steps for x, _, _ in ns))
            if n in highlight.nodes and n in known
        ]
        links = [str(i) for i, (a, b, _, _) in enumerate(graph.edges) if (a, b) in highlight.edges]
        out.append(
            f"  classDef taken fill:{HIGHLIGHT_FILL},stroke:{HIGHLIGHT_LINE},stroke-width:3px;"
        )
        if marked:
            out.append(f"  class {','.join(marked)} taken;")
        if links:
            out.append(f"  linkStyle {','.join(links)} stroke:{HIGHLIGHT_LINE},stroke-width:4px;")
    return "\n".join(out)


def _dot_text(text: str) -> str:
    return _short(text).replace("\\", "\\\\").replace('"', '\\"')


_DOT_SHAPES = {"item": "box", "guidance": "note", "question": "diamond", "outcome": "oval"}


def dot(
    compiled: CompiledProtocol,
    *,
    lang: str = "nl",
    role: str | None = None,
    highlight: Highlight | None = None,
) -> str:
    graph = _graph(compiled, lang, role)
    lit = highlight or Highlight()
    node_extra = f', style=filled, fillcolor="{HIGHLIGHT_FILL}", penwidth=2'
    edge_extra = [f'color="{HIGHLIGHT_LINE}"', "penwidth=3"]
    out = [
        f'digraph "{_dot_text(compiled.protocol.id)}" {{',
        "  rankdir=TB;",
        '  node [shape=box, fontname="Helvetica"];',
        f'  start [shape=oval, label="{_dot_text(graph.title)}"'
        + (node_extra if "start" in lit.nodes else "")
        + "];",
    ]
    for n, title, nodes in graph.steps:
        out.append(f"  subgraph cluster_{n} {{")
        out.append(f'    label="{_dot_text(title)}";')
        for node, text, shape in nodes:
            extra = node_extra if node in lit.nodes else ""
            out.append(
                f'    {node} [shape={_DOT_SHAPES[shape]}, label="{_dot_text(text)}"{extra}];'
            )
        out.append("  }")
    for a, b, label, dashed in graph.edges:
        attrs = []
        if dashed:
            attrs.append("style=dashed")
        if label:
            attrs.append(f'label="{_dot_text(label)}"')
        if (a, b) in lit.edges:
            attrs.extend(edge_extra)
        out.append(f"  {a} -> {b} [{', '.join(attrs)}];" if attrs else f"  {a} -> {b};")
    out.append("}")
    return "\n".join(out)


def render_protocol(
    name: str, fmt: str = "text", role: str | None = None, organisatie: Path | None = None
) -> str:
    """``meldcode show``: a protocol by id or path as a text tree, Mermaid or DOT."""
    from meldcode_cli.authoring.catalog import compiled_protocol
    from meldcode_cli.errors import UsageError
    from meldcode_cli.i18n.messages import get_lang
    from meldcode_cli.walk.casestore import CaseError, find_overlay

    try:
        overlay = find_overlay(organisatie)
    except CaseError as e:
        raise UsageError(e.message) from None
    compiled = compiled_protocol(name, overlay)
    if role is not None and role not in compiled.roles:
        raise UsageError(
            "error.catalog.hoort_niet_bij",
            role=role,
            id=compiled.id,
            join_compiled_roles=", ".join(compiled.roles),
        )
    lang = get_lang()
    if fmt == "mermaid":
        return mermaid(compiled, lang=lang, role=role)
    if fmt == "dot":
        return dot(compiled, lang=lang, role=role)
    return tree(compiled, lang=lang, role=role)
