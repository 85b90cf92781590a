"""Combining: verify each export, refuse what would count a case twice, add up, suppress
again. Large sets are verified in parallel (:data:`PARALLEL_FROM`)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from meldcode_cli.chain.monitor.counts import MIN_CELL, Key
from meldcode_cli.chain.monitor.export import ExportRefused, load_export, verify_export
from meldcode_cli.errors import Text, UsageError
from meldcode_cli.files.jsonio import os_error_reason

__all__ = [
    "PARALLEL_FROM",
    "Combined",
    "combine_exports",
    "combine_paths",
    "read_signers",
    "rounded",
]


# --- combining --------------------------------------------------------------------------


@dataclass
class Combined:
    exports: int = 0
    records: int = 0
    suppressed: int = 0
    cells: dict[Key, int] = field(default_factory=dict)
    signers: int = 0
    rounded: bool = False


def _export_files(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += sorted(p.rglob("*.json"))
        elif p.exists():
            out.append(p)
        else:
            raise UsageError("error.ketenkaart.bestaat_niet_2", p=p)
    if not out:
        raise ExportRefused("error.monitor.geen_exportbestanden_gevonden")
    return out


@dataclass
class _Part:
    """The verified contents of some exports: what they are, and their cells added up."""

    metas: list[tuple[str, str, str, list[str]]] = field(default_factory=list)
    """(path, export_id, signer, quarters) per export."""
    total: Counter[Key] = field(default_factory=Counter)
    records: int = 0
    suppressed: int = 0


def _verify_part(items: Iterable[tuple[Path, dict[str, Any]]]) -> _Part:
    part = _Part()
    total = part.total
    for path, data in items:
        body, fp = verify_export(path, data)
        part.metas.append((str(path), body.export_id, fp, list(body.quarters)))
        for q, p, d, v, n in body.cells:
            total[(q, p, d, v)] += n
            if d == "totaal":
                part.records += n
        part.suppressed += body.suppressed
    return part


def _verify_files(files: list[Path]) -> _Part:
    return _verify_part((f, load_export(f)) for f in files)


def _merge(parts: Iterable[_Part], signers_allowed: set[str] | None = None) -> Combined:
    """Refuses exports signed by a key outside ``signers_allowed`` (when given), the same
    export twice, and the same signer for the same quarter twice (a re-export would count
    the same cases again); adds up; suppresses again."""
    seen_ids: dict[str, str] = {}
    seen_quarters: dict[tuple[str, str], str] = {}
    signers: set[str] = set()
    total: Counter[Key] = Counter()
    combined = Combined()
    for part in parts:
        for path, export_id, fp, quarters in part.metas:
            if signers_allowed is not None and fp not in signers_allowed:
                raise ExportRefused("error.monitor.ondertekend_door_niet_in", path=path, fp=fp)
            if export_id in seen_ids:
                raise ExportRefused(
                    "error.monitor.dezelfde_export_als_elk",
                    path=path,
                    seen_ids_export_id=seen_ids[export_id],
                )
            seen_ids[export_id] = path
            for q in quarters:
                if (fp, q) in seen_quarters:
                    raise ExportRefused(
                        "error.monitor.leverde_kwartaal_al_in",
                        path=path,
                        fp=fp,
                        q=q,
                        seen_quarters_fp_q=seen_quarters[(fp, q)],
                    )
                seen_quarters[(fp, q)] = path
            signers.add(fp)
            combined.exports += 1
        total.update(part.total)
        combined.records += part.records
        combined.suppressed += part.suppressed
    for key, n in total.items():
        if n < MIN_CELL:  # cannot happen with honest exports; the rule holds regardless
            combined.suppressed += 1
        else:
            combined.cells[key] = n
    combined.signers = len(signers)
    return combined


def combine_exports(items: Iterable[tuple[Path, dict[str, Any]]]) -> Combined:
    """Verify and add up exports already read (see :func:`_merge` for what is refused)."""
    return _merge([_verify_part(items)])


PARALLEL_FROM = 400


def read_signers(path: Path) -> set[str]:
    """Fingerprints (``SHA256:...``), one a line, or ``meldcode key export`` JSON files."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise ExportRefused(
            "error.monitor.niet_leesbaar_2", path=path, e=os_error_reason(e)
        ) from None
    except UnicodeDecodeError as e:
        reason = Text("json.not_utf8", offset=e.start)
        raise ExportRefused("error.monitor.niet_leesbaar_2", path=path, e=reason) from None
    found = set(re.findall(r"SHA256:[A-Za-z0-9+/=]{20,}", text))
    if not found:
        raise ExportRefused("error.monitor.geen_vingerafdrukken_sha_gevonden", path=path)
    return found


def combine_paths(
    paths: list[Path], workers: int | None = None, signers: set[str] | None = None
) -> Combined:
    """Read, verify and add up export files. From :data:`PARALLEL_FROM` files on, the
    reading and verifying is spread over the machine's cores (``workers``: how many; 1
    keeps it in this process)."""
    import os

    files = _export_files(paths)
    n = workers if workers is not None else min(os.cpu_count() or 1, 8)
    if n <= 1 or (workers is None and len(files) < PARALLEL_FROM):
        return _merge([_verify_files(files)], signers)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    size = max(1, -(-len(files) // (n * 4)))
    chunks = [files[i : i + size] for i in range(0, len(files), size)]
    spawn = multiprocessing.get_context("spawn")  # no fork of a possibly threaded process
    with ProcessPoolExecutor(max_workers=n, mp_context=spawn) as pool:
        return _merge(pool.map(_verify_files, chunks), signers)


def rounded(combined: Combined) -> Combined:
    """Every count rounded to the nearest multiple of 5 (half up), as CBS publishes; the
    number of cases is the rounded total of the ``totaal`` cells."""
    cells = {k: 5 * ((n + 2) // 5) for k, n in combined.cells.items()}
    records = sum(n for (_, _, d, _), n in cells.items() if d == "totaal")
    return Combined(
        combined.exports, records, combined.suppressed, cells, combined.signers, rounded=True
    )
