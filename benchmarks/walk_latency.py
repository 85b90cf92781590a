"""Walk latency: from giving an answer to the next question being ready, on a case on disk.

What the interactive walk does between the person pressing Enter and the next question
(``walker.drive`` with a ``session.Session``): ``Session.answer`` (validate, apply,
reconcile, append one checksummed line to ``journal.jsonl`` and fsync it), then
``Walk.next_item``; a guidance block that comes next is shown and journalled
(``Session.mark_shown``, one more fsync'ed line) before the next question. The walk writes
no summary (``case.json``) per answer, only at a pause or at the end; that end
(``Session.complete``) is timed separately.

The case is real: a fresh ``CaseStore`` under ``--workdir`` (default
``benchmarks/.work``, on the repository's disk; not /tmp, which may be a RAM disk). The
first answers walk the protocol to the end with seeded answers; after that the person
goes back and changes earlier text answers (as 'terug' does), until ``--answers``
answers were given.

Target: p95 <= 50 ms per answer. This is a measurement, not a test: it prints what one
run measured and exits 0. Usage, from the repository root::

    python benchmarks/walk_latency.py [--answers 200] [--protocol ouderenmishandeling]
                                      [--role huisarts] [--seed 7] [--workdir DIR]
                                      [--keep] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from meldcode_cli.authoring.catalog import find_protocol
from meldcode_cli.protocol.compiled import CItem
from meldcode_cli.protocol.model import (
    DateItem,
    MultiChoiceItem,
    SingleChoiceItem,
    TextItem,
    YesNoItem,
)
from meldcode_cli.walk.casestore import CaseStore
from meldcode_cli.walk.engine import AnswerError, Walk
from meldcode_cli.walk.session import Session, compile_text

REPO = Path(__file__).resolve().parent.parent
TARGET_MS = 50.0


@dataclass
class Samples:
    first_pass: list[float] = field(default_factory=list)  # seconds
    edits: list[float] = field(default_factory=list)
    complete: float | None = None
    shown: int = 0

    @property
    def all(self) -> list[float]:
        return self.first_pass + self.edits


def candidates(ci: CItem, walk: Walk, n: int, rng: random.Random) -> list[Any]:
    """Answers to try for an item, in order (the engine refuses some, e.g. 'nee' when
    onveiligheid forces 'ja')."""
    item = ci.item
    today = walk.today or dt.date.today()
    if isinstance(item, YesNoItem):
        return rng.sample(["ja", "nee"], 2)
    if isinstance(item, SingleChoiceItem):
        ids = [o.id for o in item.options if o.for_role(walk.role)]
        return rng.sample(ids, len(ids))
    if isinstance(item, MultiChoiceItem):
        options = [o for o in item.options if o.for_role(walk.role)]
        calm = [o.id for o in options if not o.acute] or [o.id for o in options]
        picks = rng.sample(calm, min(len(calm), 2))
        return [picks, picks[:1], []]
    if isinstance(item, DateItem):
        days = {"past": -7, "future": 30}.get(item.range, 0)
        return [(today + dt.timedelta(days=days)).isoformat()]
    return [f"Antwoord {n}: waargenomen op {today.isoformat()}, bron eigen waarneming."]


def next_question(session: Session) -> CItem | None:
    """Walk.next_item, showing (and journalling) guidance on the way, as drive() does."""
    while True:
        nxt = session.walk.next_item()
        if nxt is None or nxt.answerable:
            return nxt
        session.mark_shown(nxt.id)


def give(session: Session, ci: CItem, values: list[Any]) -> float:
    """Answer with the first accepted value; the time until the next question is ready."""
    for value in values:
        start = time.perf_counter()
        try:
            session.answer(ci.id, value)
        except AnswerError:
            continue
        next_question(session)
        return time.perf_counter() - start
    raise SystemExit(f"walk_latency.py: no accepted answer for {ci.id}")


def run(args: argparse.Namespace, root: Path) -> tuple[Samples, dict[str, Any]]:
    path = find_protocol(args.protocol)
    text = path.read_text(encoding="utf-8")
    compiled = compile_text(text, str(path))
    role = args.role or compiled.roles[0]
    store = CaseStore(root)
    session = Session.start(
        store, "latency", protocol_text=text, compiled=compiled, role=role, lang="nl"
    )
    rng = random.Random(args.seed)
    samples = Samples()
    n = 0
    item = next_question(session)
    while item is not None and n < args.answers:
        samples.first_pass.append(give(session, item, candidates(item, session.walk, n, rng)))
        n += 1
        item = next_question(session)
    if item is None:
        start = time.perf_counter()
        session.complete()  # the end of the walk: 'completed' line + case.json
        samples.complete = time.perf_counter() - start
    texts = [ci for ci in session.walk.answered_in_order() if isinstance(ci.item, TextItem)]
    while n < args.answers:
        if not texts:
            raise SystemExit("walk_latency.py: no text answers to change after the walk")
        ci = texts[n % len(texts)]
        samples.edits.append(give(session, ci, [f"Gewijzigd antwoord {n}."]))
        n += 1
    samples.shown = sum(1 for e in session.case.entries if e.type == "shown")
    journal = session.case.journal
    info = {
        "protocol": compiled.id,
        "role": role,
        "case": str(session.case.folder),
        "journal_lines": len(session.case.entries),
        "journal_bytes": journal.stat().st_size,
    }
    return samples, info


def stats(values: list[float]) -> dict[str, float]:
    ms = sorted(v * 1000 for v in values)
    if not ms:
        return {}
    p95 = ms[max(0, -(-95 * len(ms) // 100) - 1)]  # nearest rank
    return {
        "n": len(ms),
        "min_ms": round(ms[0], 3),
        "median_ms": round(statistics.median(ms), 3),
        "p95_ms": round(p95, 3),
        "max_ms": round(ms[-1], 3),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--answers", type=int, default=200, help="answers to give (200)")
    parser.add_argument(
        "--protocol", default="ouderenmishandeling", help="shipped id or file (ouderen...)"
    )
    parser.add_argument("--role", default=None, help="role (default: the protocol's first)")
    parser.add_argument("--seed", type=int, default=7, help="seed for the answers (7)")
    parser.add_argument(
        "--workdir", type=Path, default=REPO / "benchmarks" / ".work", help="where the case goes"
    )
    parser.add_argument("--keep", action="store_true", help="keep the case afterwards")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args(argv)
    if args.answers < 1:
        parser.error("--answers must be >= 1")
    args.workdir.mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix="walk-latency-", dir=args.workdir))
    try:
        samples, info = run(args, root)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    overall = stats(samples.all)
    data: dict[str, Any] = {
        "python_version": platform.python_version(),
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
        **info,
        "guidance_shown": samples.shown,
        "target_p95_ms": TARGET_MS,
        "all": overall,
        "first_pass": stats(samples.first_pass),
        "edits": stats(samples.edits),
        "complete_ms": None if samples.complete is None else round(samples.complete * 1000, 3),
        "pass": overall["p95_ms"] <= TARGET_MS,
    }
    if args.json:
        print(json.dumps(data, indent=2))
        return 0
    print(
        f"walk latency: {overall['n']} answers, {data['protocol']} as {data['role']}; "
        f"Python {data['python_version']}, {data['cpu_count']} CPU(s)"
    )
    print(f"case: {data['case']}{'' if args.keep else ' (removed)'}")
    print(
        f"journal: {data['journal_lines']} lines, {data['journal_bytes']} bytes; "
        f"guidance blocks shown: {data['guidance_shown']}"
    )
    print()
    header = f"{'answers':<22} {'n':>4} {'min ms':>8} {'median ms':>10} {'p95 ms':>8} {'max ms':>8}"
    print(header)
    print("-" * len(header))
    for label, key in (("all", "all"), ("first pass (walk)", "first_pass"), ("edits", "edits")):
        s = data[key]
        if s:
            print(
                f"{label:<22} {s['n']:>4} {s['min_ms']:>8.2f} {s['median_ms']:>10.2f} "
                f"{s['p95_ms']:>8.2f} {s['max_ms']:>8.2f}"
            )
    if data["complete_ms"] is not None:
        print(f"end of the walk (Session.complete, incl. case.json): {data['complete_ms']:.2f} ms")
    print()
    verdict = "PASS" if data["pass"] else "MISS"
    p95 = overall["p95_ms"]
    print(f"target: p95 <= {TARGET_MS:.0f} ms per answer -> {verdict} (p95 {p95:.2f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
