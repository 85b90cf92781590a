"""``meldcode show --record FILE`` and ``--format svg``: the path a session took, drawn.

The record holds the role, every answer and the decision; from those the engine's own
relevance rules give the items that came up (guidance included), and the afwegingen give
the branch through the afwegingskader. ``render.mermaid``/``render.dot`` mark those nodes and
the edges between them. SVG is made by Graphviz ``dot`` where it is installed.
"""

from __future__ import annotations

import itertools
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

from meldcode_cli.authoring.render import Highlight
from meldcode_cli.errors import UsageError
from meldcode_cli.i18n.messages import t
from meldcode_cli.protocol.compiled import CompiledProtocol
from meldcode_cli.walk.engine import AnswerValue

if TYPE_CHECKING:
    from meldcode_cli.record.model import Record

__all__ = ["afweging_sequence", "record_highlight", "render_show", "to_svg"]


def afweging_sequence(afwegingen: dict[str, bool | None]) -> list[str]:
    """The nodes of ``render.AFWEGING_FLOW`` a decision passes, in order."""
    seq = ["a1"]
    a1 = afwegingen.get("1")
    if a1 is None:
        return seq
    if not a1:
        return [*seq, "afsluiten"]
    seq.append("a2")
    if afwegingen.get("2"):
        # melden is settled (meldnorm 1); 3 and 4 with Veilig Thuis, and they may stay open
        seq += ["melden1", "a3vt"]
        if not afwegingen.get("3"):
            return [*seq, "vt_verder"]
        seq.append("a4vt")
        if not afwegingen.get("4"):
            return [*seq, "vt_verder"]
        seq += ["hulp", "a5"]
        a5v = afwegingen.get("5")
        if a5v is None:
            return seq
        return [*seq, "monitoring" if a5v else "melden3"]
    seq.append("a3")
    a3 = afwegingen.get("3")
    if a3 is None:
        return seq
    if not a3:
        return [*seq, "melden2"]
    seq.append("a4")
    a4 = afwegingen.get("4")
    if a4 is None:
        return seq
    if not a4:
        return [*seq, "melden2"]
    seq += ["hulp", "a5"]
    a5 = afwegingen.get("5")
    if a5 is None:
        return seq
    return [*seq, "monitoring" if a5 else "melden3"]


def _record_answers(record: Record) -> dict[str, AnswerValue]:
    answers: dict[str, AnswerValue] = {}
    for step in record.steps:
        for item in step.items:
            value = item.answer
            answers[item.id] = frozenset(value) if isinstance(value, list) else value
    return answers


def record_highlight(compiled: CompiledProtocol, record: Record) -> Highlight:
    """Nodes and edges of the path in ``record``."""
    from meldcode_cli.walk.engine import relevant_items

    role = record.role
    answers = _record_answers(record)
    declared = any(a.source == "declared" for a in record.acute)
    decision = record.melding
    afwegingen: dict[str, bool | None] = (
        {str(k): v for k, v in decision.afwegingen.items()} if decision else {}
    )
    if not afwegingen:
        afwegingen = {
            str(n): (
                None
                if answers.get(f"afweging_{n}") is None
                else answers.get(f"afweging_{n}") == "ja"
            )
            for n in range(1, 6)
        }
    seq = ["start"]
    fragment_done = False
    for ci in relevant_items(compiled, role, answers, acute_declared=declared):
        if ci.fragment:
            if not fragment_done:
                fragment_done = True
                seq += afweging_sequence(afwegingen)
            continue
        seq.append(ci.id)
    return Highlight(frozenset(seq), frozenset(itertools.pairwise(seq)))


def _load_record(path: Path) -> Record:
    from meldcode_cli.record.store import Unreadable, load_record

    try:
        return load_record(path)
    except Unreadable as e:
        raise UsageError(str(e)) from None


def to_svg(dot_text: str) -> str:
    """Render Graphviz source to SVG with the ``dot`` program (UsageError when absent)."""
    exe = shutil.which("dot")
    if exe is None:
        raise UsageError(t("show.svg.no_dot"))
    try:
        proc = subprocess.run(
            [exe, "-Tsvg"],
            input=dot_text,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as e:
        raise UsageError(t("show.svg.failed", reason=e)) from None
    if proc.returncode != 0:
        raise UsageError(t("show.svg.failed", reason=proc.stderr.strip() or proc.returncode))
    return proc.stdout


def render_show(
    name: str,
    fmt: str = "text",
    role: str | None = None,
    record: Path | None = None,
    organisatie: Path | None = None,
) -> str:
    """``meldcode show``: the existing formats, plus ``--record`` and ``--format svg``."""
    from meldcode_cli.authoring import render
    from meldcode_cli.authoring.catalog import compiled_protocol
    from meldcode_cli.authoring.render import render_protocol
    from meldcode_cli.i18n.messages import get_lang

    if record is None and fmt in ("text", "mermaid", "dot"):
        return render_protocol(name, fmt, role, organisatie)
    if record is not None and fmt == "text":
        raise UsageError(t("show.record.text"))
    compiled = compiled_protocol(name)
    highlight = None
    if record is not None:
        rec = _load_record(record)
        pid = rec.protocol.id
        if pid != compiled.id:
            raise UsageError(t("show.record.other", path=record, got=pid, want=compiled.id))
        rec_role = rec.role
        if role is not None and role != rec_role:
            raise UsageError(t("show.record.role", role=role, record_role=rec_role))
        role = rec_role
        highlight = record_highlight(compiled, rec)
    if role is not None and role not in compiled.roles:
        raise UsageError(
            "error.catalog.hoort_niet_bij",
            role=role,
            id=compiled.id,
            join_compiled_roles=", ".join(compiled.roles),
        )
    lang = get_lang()
    if fmt == "mermaid":
        return render.mermaid(compiled, lang=lang, role=role, highlight=highlight)
    text = render.dot(compiled, lang=lang, role=role, highlight=highlight)
    return to_svg(text) if fmt == "svg" else text
