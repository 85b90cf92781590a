"""Monitoring without dossiers: counts from signed records, signed, combinable.

``export``: the signed, verified decision records in this user's home become counts per
quarter, protocol and one dimension at a time (role, decision, meldnorm, acute route,
consultation, Veilig Thuis advice, gesprek, exception ground, fired checks, evaluations,
days to decision). Only identifiers the protocol defines (option ids, item ids, numbers)
become values, never text anyone typed; no date finer than a quarter; cells under
:data:`MIN_CELL` are suppressed. The export is signed (RFC 8785 + Ed25519) with the
professional's key. ``combine``: verifies each export, refuses duplicates and tampered
files, adds up, suppresses again. See ``docs/monitoring.md``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, ValidationError

from meldcode_cli.errors import CheckFailed

__all__ = [
    "DIMENSIONS",
    "MIN_CELL",
    "Combined",
    "ExportBody",
    "ExportRefused",
    "combine_paths",
    "count_records",
    "export_home",
    "make_export",
    "verify_export",
    "write_combined",
    "write_output",
]

MIN_CELL = 5
MAX_EXPORT_BYTES = 8 * 1024 * 1024
EXPORT_FORMAT = 1
_TOKEN = re.compile(r"^[a-z0-9][a-z0-9_.+-]{0,63}$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
DAY_BUCKETS = ((0, "0"), (7, "1-7"), (28, "8-28"), (90, "29-90"), (365, "91-365"))

Dimension = Literal[
    "totaal",
    "rol",
    "beslissing",
    "meldnorm",
    "acute_route",
    "consultatie",
    "advies_veilig_thuis",
    "gesprek",
    "uitzondering",
    "afwijking",
    "check",
    "verantwoord",
    "dagen_tot_beslissing",
    "evaluatie_gepland",
    "evaluatie_gehouden",
    "evaluatie_uitkomst",
]
DIMENSIONS: tuple[str, ...] = get_args(Dimension)  # one list, in this order


class ExportRefused(CheckFailed):
    """An export that cannot be made or used (tampered, duplicate, unreadable)."""


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid")


Quarter = Annotated[StrictStr, Field(pattern=_QUARTER.pattern)]
Token = Annotated[StrictStr, Field(pattern=_TOKEN.pattern)]
Count = Annotated[StrictInt, Field(ge=MIN_CELL, le=10**9)]
Cell = tuple[Quarter, Token, Dimension, Token, Count]
"""One cell: [quarter, protocol, dimension, value, count] (a JSON array, compact)."""
CELL_COLUMNS = ("quarter", "protocol", "dimension", "value", "count")


class ExportBody(_M):
    """What is signed. Nothing here names a person, a case or a day."""

    schema_: Literal["meldcode-monitor-export"] = Field(
        alias="schema", default="meldcode-monitor-export"
    )
    schema_version: Literal[1] = 1
    export_id: str = Field(pattern=r"^[0-9a-f-]{36}$")
    made_in: Quarter = Field(description="Kwartaal van de export")
    periode: str | None = Field(default=None, pattern=r"^\d{4}(-Q[1-4])?$")
    quarters: list[Quarter] = Field(description="De kwartalen die deze export dekt")
    tool_version: str = Field(pattern=r"^[0-9A-Za-z.+-]{1,40}$")
    columns: list[str] = Field(
        default_factory=lambda: list(CELL_COLUMNS), description="Kolommen van elke cel"
    )
    min_cell: Literal[5] = 5
    suppressed: StrictInt = Field(ge=0, description="Aantal cellen onder 5, weggelaten")
    cells: list[Cell]

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


# --- counting ---------------------------------------------------------------------------


def quarter_of(timestamp: str) -> str | None:
    try:
        d = dt.date.fromisoformat(str(timestamp)[:10])
    except ValueError:
        return None
    return f"{d.year}-Q{(d.month - 1) // 3 + 1}"


def _in_periode(quarter: str, periode: str | None) -> bool:
    return periode is None or quarter == periode or quarter.startswith(periode + "-")


def _token(value: Any) -> str | None:
    """Only identifiers a protocol defines: lower-case ids, never typed text."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and _TOKEN.match(value):
        return value
    return None


def _bucket(days: int) -> str:
    for limit, name in DAY_BUCKETS:
        if days <= limit:
            return name
    return "meer-dan-365"


def _items(record: dict[str, Any], step: int | None = None) -> Iterable[dict[str, Any]]:
    for s in record.get("steps") or []:
        if step is None or s.get("step") == step:
            yield from s.get("items") or []


def _choice(item: dict[str, Any]) -> list[str]:
    """The option ids of a choice or yes/no answer (never a text answer)."""
    if item.get("kind") not in ("yes_no", "single_choice", "multi_choice"):
        return []
    answer = item.get("answer")
    values = answer if isinstance(answer, list) else [answer]
    return [tok for v in values if v is not None and (tok := _token(v)) is not None]


def _first_signal(record: dict[str, Any]) -> dt.date | None:
    dates: list[dt.date] = []
    for item in _items(record, 1):
        if item.get("kind") == "date" and isinstance(item.get("answer"), str):
            with contextlib.suppress(ValueError):
                dates.append(dt.date.fromisoformat(item["answer"]))
    if not dates:
        for s in record.get("steps") or []:
            if s.get("step") == 1 and s.get("started_at"):
                with contextlib.suppress(ValueError):
                    dates.append(dt.date.fromisoformat(str(s["started_at"])[:10]))
    return min(dates) if dates else None


def _check_entries(record: dict[str, Any]) -> list[Any]:
    """The fired checks of a record: ``checks.fired`` (a signed record, #11), or a plain
    list (older test shapes). A dict's own keys are never taken for check ids."""
    checks = record.get("checks")
    if isinstance(checks, dict):
        fired = checks.get("fired")
        return list(fired) if isinstance(fired, list) else []
    return list(checks) if isinstance(checks, list) else []


def _justified_checks(record: dict[str, Any]) -> list[str]:
    """Fired checks (a step skipped or weakened) for which the record holds a written
    justification: only the check id is counted, never the text (issue 17)."""
    out: list[str] = []
    for c in _check_entries(record):
        if not isinstance(c, dict) or c.get("fired") is False:
            continue
        if not str(c.get("justification") or "").strip():
            continue
        tok = _token(c.get("id"))
        if tok is not None:
            out.append(tok)
    return out


def _fired_checks(record: dict[str, Any]) -> list[str]:
    """Guardrail checks the record says fired (#11); any shape we can read ids from."""
    out: list[str] = []
    for c in _check_entries(record):
        cid = c.get("id") if isinstance(c, dict) else c
        if isinstance(c, dict) and c.get("fired") is False:
            continue
        tok = _token(cid)
        if tok is not None:
            out.append(tok)
    return out


Key = tuple[str, str, str, str]


def _decision_facts(first: dict[str, Any], last: dict[str, Any]) -> list[tuple[str, str]]:  # noqa: C901, PLR0912, PLR0915 - issue 14: to split
    """(dimension, value) pairs of one case's decision (last = the latest amendment)."""
    facts: list[tuple[str, str]] = [("totaal", "casussen")]
    prov = last.get("provenance") or {}
    role = _token(prov.get("role"))
    if role:
        facts.append(("rol", role))
    decision = last.get("decision") or {}
    if decision.get("type") == "verstrekking":
        facts.append(("beslissing", "verstrekking"))
        tok = _token(decision.get("besluit"))
        if tok:
            facts.append(("beslissing", f"verstrekking.{tok}"))
    else:
        for name in ("melden", "hulp", "afsluiten"):
            if decision.get(name) is True:
                facts.append(("beslissing", name))
        norms = [n for n in decision.get("meldnormen") or [] if isinstance(n, int)]
        facts += [("meldnorm", str(n)) for n in sorted(set(norms))] or [("meldnorm", "geen")]
        if decision.get("evaluatiedatum"):
            q = quarter_of(str(decision["evaluatiedatum"]))
            if q:
                facts.append(("evaluatie_gepland", q.lower()))
    facts.append(("acute_route", "ja" if last.get("acute") else "nee"))
    facts.append(("afwijking", "ja" if last.get("override") else "nee"))
    consult = advies = None
    for item in _items(last, 2):
        iid = str(item.get("id", ""))
        vals = _choice(item)
        if item.get("kind") != "yes_no" or not vals:
            continue
        if iid.startswith("consultatie") and consult is None:
            consult = vals[0]
        elif iid in ("advies_veilig_thuis", "advies_vt", "overleg_veilig_thuis") and not advies:
            advies = vals[0]
    facts.append(("consultatie", consult or "onbekend"))
    facts.append(("advies_veilig_thuis", advies or "onbekend"))
    for item in _items(last, 3):
        if item.get("id") == "gesprek":
            facts += [("gesprek", v) for v in _choice(item)]
    for item in _items(last):
        if "uitzondering" in str(item.get("id", "")):
            facts += [("uitzondering", v) for v in _choice(item) if v != "nee"]
    facts += [("check", c) for c in sorted(set(_fired_checks(last)))]
    justified = sorted(set(_justified_checks(last)))
    facts += [("verantwoord", c) for c in justified]
    if justified:
        facts.append(("verantwoord", "casussen"))
    signal = _first_signal(first)
    try:
        decided = dt.date.fromisoformat(str(first.get("created_at", ""))[:10])
    except ValueError:
        decided = None
    if signal is not None and decided is not None:
        facts.append(("dagen_tot_beslissing", _bucket(max(0, (decided - signal).days))))
    else:
        facts.append(("dagen_tot_beslissing", "onbekend"))
    return facts


def _evaluation_outcome(ev: dict[str, Any]) -> list[str]:
    """Afweging 5 at the evaluation (does the help give the results needed: ja/nee) and
    whether the evaluation led to a melding."""
    decision = ev.get("decision") or {}
    a5 = (decision.get("afwegingen") or {}).get("5")
    out = ["afweging5." + ("ja" if a5 is True else "nee" if a5 is False else "onbekend")]
    if decision.get("melden") is True:
        out.append("melden")
    return out


def count_records(records: Iterable[dict[str, Any]], periode: str | None = None) -> Counter[Key]:
    """Raw counts (before suppression) from verified, signed records of any number of cases."""
    by_case: dict[str, list[dict[str, Any]]] = {}
    for r in records:
        if r.get("training"):
            continue
        case = str((r.get("provenance") or {}).get("case"))
        key = str((r.get("provenance") or {}).get("key_fingerprint")) + "/" + case
        by_case.setdefault(key, []).append(r)
    counts: Counter[Key] = Counter()
    for rs in by_case.values():
        rs.sort(key=lambda r: int(r.get("sequence", 0)))
        decisions = [r for r in rs if r.get("kind") in ("decision", "amendment")]
        protocol = _token(((rs[0].get("provenance") or {}).get("protocol") or {}).get("id"))
        if protocol is None:
            continue
        if decisions:
            first, last = decisions[0], decisions[-1]
            q = quarter_of(str(first.get("created_at", "")))
            if q and _in_periode(q, periode):
                for dim, value in _decision_facts(first, last):
                    counts[(q, protocol, dim, value)] += 1
        for ev in (r for r in rs if r.get("kind") == "evaluation"):
            q = quarter_of(str(ev.get("created_at", "")))
            if q and _in_periode(q, periode):
                counts[(q, protocol, "evaluatie_gehouden", "ja")] += 1
                for value in _evaluation_outcome(ev):
                    counts[(q, protocol, "evaluatie_uitkomst", value)] += 1
    return counts


def suppress(counts: Counter[Key]) -> tuple[list[Cell], int]:
    cells: list[Any] = []
    suppressed = 0
    for (q, p, dim, value), n in sorted(counts.items()):
        if n < MIN_CELL:
            suppressed += 1
            continue
        cells.append((q, p, dim, value, n))
    return cells, suppressed


# --- signing and verifying --------------------------------------------------------------


def make_export(
    records: Iterable[dict[str, Any]],
    pair: Any,
    *,
    periode: str | None = None,
    today: dt.date | None = None,
) -> dict[str, Any]:
    """A signed export of ``records`` (already verified by the caller)."""
    from meldcode_cli import __version__
    from meldcode_cli.record import crypto
    from meldcode_cli.record.canonical import canonical

    counts = count_records(records, periode)
    cells, suppressed = suppress(counts)
    today = today or dt.date.today()
    body = ExportBody(
        export_id=str(uuid.uuid4()),
        made_in=quarter_of(today.isoformat()) or "",
        periode=periode,
        quarters=sorted({k[0] for k in counts}),
        tool_version=__version__,
        suppressed=suppressed,
        cells=cells,
    ).model_dump(by_alias=True, mode="json")
    signature = pair.sign(canonical(body))
    return {
        "meldcode_monitor_export": EXPORT_FORMAT,
        "body": body,
        "signature": {
            "algorithm": crypto.ALGORITHM,
            "canonicalization": "RFC8785",
            "key_fingerprint": pair.fingerprint,
            "public_key": crypto.b64(pair.public_bytes),
            "signature": crypto.b64(signature),
        },
    }


def check_periode(periode: str | None) -> None:
    from meldcode_cli.authoring.validate import UsageError
    from meldcode_cli.i18n.messages import t

    if periode is not None and not re.fullmatch(r"\d{4}(-Q[1-4])?", periode):
        raise UsageError(t("monitor.bad_periode", periode=periode))


def home_records() -> tuple[list[dict[str, Any]], int]:
    """The signed records in this user's home that verify against the profile's keyring.
    Returns (records, number left out because they did not verify or are training)."""
    from meldcode_cli.record.profile import ProfileStore
    from meldcode_cli.record.store import Unreadable, record_files
    from meldcode_cli.record.verify import verify_file
    from meldcode_cli.walk.casestore import CaseStore

    store = CaseStore()
    keyring = ProfileStore().keyring()
    files, _ = record_files([store.root]) if store.root.is_dir() else ([], [])
    good: list[dict[str, Any]] = []
    left_out = 0
    for f in files:
        try:
            result = verify_file(f, keyring=keyring)
        except Unreadable:
            left_out += 1
            continue
        if result.valid and result.record is not None and not result.record.training:
            good.append(result.record.to_dict())  # counted from the plain data
        else:
            left_out += 1
    return good, left_out


def export_home(periode: str | None, passphrase: Callable[[], str]) -> tuple[str, dict[str, Any]]:
    """``meldcode monitor export``: the JSON text and a few numbers for the message."""
    from meldcode_cli.record.profile import ProfileStore

    check_periode(periode)
    records, left_out = home_records()
    pair = ProfileStore().unlock(passphrase())
    export = make_export(records, pair, periode=periode)
    stats = {
        "records": len(records),
        "cells": len(export["body"]["cells"]),
        "suppressed": export["body"]["suppressed"],
        "fp": pair.fingerprint,
        "left_out": left_out,
    }
    return format_export(export), stats


def format_export(export: dict[str, Any]) -> str:
    """Readable JSON: one cell a line, so a person can see what leaves the machine."""
    text = json.dumps(export, ensure_ascii=False, indent=1)
    return (
        re.sub(
            r"\[\s+((?:\"[^\"]*\",\s+){4}\d+)\s+\]",
            lambda m: "[" + re.sub(r",\s+", ", ", m.group(1)) + "]",
            text,
        )
        + "\n"
    )


def load_export(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            raw = f.read(MAX_EXPORT_BYTES + 1)
    except OSError as e:
        raise ExportRefused(
            "error.monitor.niet_leesbaar", path=path, e_strerror_or_e=e.strerror or e
        ) from None
    if len(raw) > MAX_EXPORT_BYTES:
        raise ExportRefused(
            "error.monitor.groter_dan_bytes_geen", path=path, MAX_EXPORT_BYTES=MAX_EXPORT_BYTES
        )
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        raise ExportRefused("error.monitor.geen_geldige_json", path=path, e=e) from None
    if not isinstance(data, dict) or data.get("meldcode_monitor_export") != EXPORT_FORMAT:
        raise ExportRefused(
            "error.monitor.geen_meldcode_monitor_export", path=path, EXPORT_FORMAT=EXPORT_FORMAT
        )
    return data


def _signed(pub: bytes, signature: bytes, body: dict[str, Any], *, fast: bool = False) -> bool:
    from meldcode_cli.record import crypto
    from meldcode_cli.record.canonical import canonical

    if fast:
        data = json.dumps(
            body, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
        ).encode("utf-8")
    else:
        try:
            data = canonical(body)
        except (TypeError, ValueError):
            return False
    try:
        return bool(crypto.verify(pub, signature, data))
    except (TypeError, ValueError):
        return False


def verify_export(path: Path, data: dict[str, Any]) -> tuple[ExportBody, str]:
    """The checked body and the signer's fingerprint; ExportRefused when anything is off."""
    from meldcode_cli.record import crypto

    body, sig = data.get("body"), data.get("signature")
    if not isinstance(body, dict) or not isinstance(sig, dict):
        raise ExportRefused("error.monitor.body_of_signature_ontbreekt", path=path)
    try:
        pub = crypto.unb64(sig["public_key"])
        signature = crypto.unb64(sig["signature"])
        fp = sig["key_fingerprint"]
        if sig.get("algorithm") != crypto.ALGORITHM or sig.get("canonicalization") != "RFC8785":
            raise ValueError("onbekend algoritme")
    except (KeyError, TypeError, ValueError) as e:
        raise ExportRefused("error.monitor.handtekeningblok_onleesbaar", path=path, e=e) from None
    if not isinstance(fp, str) or crypto.fingerprint(pub) != fp:
        raise ExportRefused("error.monitor.vingerafdruk_past_niet_bij", path=path)
    # the schema first: it admits only short ASCII identifiers and bounded integers, so the
    # body is inside the JSON subset whose canonical form the standard library writes
    # (record.canonical); the signature is checked over the bytes of the body as received
    try:
        checked = ExportBody.model_validate(body)
    except ValidationError as e:
        if not _signed(pub, signature, body):
            raise ExportRefused("error.monitor.handtekening_klopt_niet_het", path=path) from None
        first = e.errors(include_url=False)[0]
        where = ".".join(str(x) for x in first["loc"])
        raise ExportRefused("error.monitor.past_niet_in_het", path=path, where=where) from None
    if not _signed(pub, signature, body, fast=True):
        raise ExportRefused("error.monitor.handtekening_klopt_niet_het", path=path)
    return checked, fp


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
    from meldcode_cli.authoring.validate import UsageError

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
    except (OSError, UnicodeDecodeError) as e:
        raise ExportRefused("error.monitor.niet_leesbaar_2", path=path, e=e) from None
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


def table_rows(combined: Combined) -> list[dict[str, Any]]:
    return [
        {"quarter": q, "protocol": p, "dimension": d, "value": v, "count": n}
        for (q, p, d, v), n in sorted(combined.cells.items())
    ]


def to_csv(combined: Combined) -> str:
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["quarter", "protocol", "dimension", "value", "count"])
    for row in table_rows(combined):
        w.writerow([row["quarter"], row["protocol"], row["dimension"], row["value"], row["count"]])
    return buf.getvalue()


def to_json(combined: Combined) -> str:
    return (
        json.dumps(
            {
                "exports": combined.exports,
                "signers": combined.signers,
                "cases": combined.records,
                "suppressed_cells": combined.suppressed,
                "min_cell": MIN_CELL,
                "rounded_to_5": combined.rounded,
                "rows": table_rows(combined),
            },
            ensure_ascii=False,
            indent=1,
        )
        + "\n"
    )


CHART_DIMENSIONS = (
    "beslissing",
    "meldnorm",
    "dagen_tot_beslissing",
    "verantwoord",
    "afwijking",
    "acute_route",
)


def to_html(combined: Combined) -> str:
    """Self-contained HTML: tables and bar charts as inline SVG computed here (no scripts,
    no external resources)."""
    from meldcode_cli.i18n.messages import get_lang, t
    from meldcode_cli.report.htmlout import environment

    groups: dict[tuple[str, str], dict[str, list[tuple[str, int]]]] = {}
    for (q, p, d, v), n in sorted(combined.cells.items()):
        groups.setdefault((q, p), {}).setdefault(d, []).append((v, n))
    charts = []
    for (q, p), dims in groups.items():
        total = dict(dims.get("totaal", [])).get("casussen", 0)
        bars = []
        for d in CHART_DIMENSIONS:
            rows = dims.get(d, [])
            if not rows:
                continue
            top = max(n for _, n in rows)
            bars.append(
                {
                    "dimension": d,
                    "rows": [
                        {"value": v, "count": n, "width": round(300 * n / top) if top else 0}
                        for v, n in rows
                    ],
                }
            )
        other = {d: rows for d, rows in dims.items() if d not in (*CHART_DIMENSIONS, "totaal")}
        charts.append({"quarter": q, "protocol": p, "total": total, "bars": bars, "other": other})
    return (
        environment()
        .get_template("monitor.html.j2")
        .render(
            lang=get_lang(),
            title=t("monitor.title"),
            combined=combined,
            charts=charts,
            min_cell=MIN_CELL,
        )
    )


def write_output(path: Path, text: str) -> None:
    """Write one output file (owner-only, atomic)."""
    from meldcode_cli.authoring.validate import UsageError
    from meldcode_cli.walk.casestore import CaseError, atomic_write

    try:
        atomic_write(path, text.encode("utf-8"))
    except CaseError as e:
        raise UsageError(e.message) from None


def rounded(combined: Combined) -> Combined:
    """Every count rounded to the nearest multiple of 5 (half up), as CBS publishes; the
    number of cases is the rounded total of the ``totaal`` cells."""
    cells = {k: 5 * ((n + 2) // 5) for k, n in combined.cells.items()}
    records = sum(n for (_, _, d, _), n in cells.items() if d == "totaal")
    return Combined(
        combined.exports, records, combined.suppressed, cells, combined.signers, rounded=True
    )


def write_combined(
    combined: Combined,
    html: Path | None,
    csv_out: Path | None,
    json_out: Path | None,
    *,
    round_to_5: bool = False,
) -> str:
    """Write the requested outputs; with none requested, the CSV table is returned."""
    if round_to_5:
        combined = rounded(combined)
    if html is not None:
        write_output(html, to_html(combined))
    if csv_out is not None:
        write_output(csv_out, to_csv(combined))
    if json_out is not None:
        write_output(json_out, to_json(combined))
    if html is None and csv_out is None and json_out is None:
        return to_csv(combined)
    return ""
