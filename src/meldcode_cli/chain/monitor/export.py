"""The signed export: what ``meldcode monitor export`` writes and ``combine`` reads.

:func:`make_export` signs the suppressed counts (RFC 8785 + Ed25519) with the
professional's key; :func:`verify_export` checks an export read back (the schema, the
fingerprint, the signature over the body as received). :func:`export_home` counts the
signed, verified records in this user's home.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, ValidationError

from meldcode_cli.chain.monitor.counts import (
    MIN_CELL,
    TOKEN,
    Dimension,
    count_records,
    quarter_of,
    suppress,
)
from meldcode_cli.errors import CheckFailed, Text, UsageError
from meldcode_cli.record.model import Record

__all__ = [
    "EXPORT_FORMAT",
    "MAX_EXPORT_BYTES",
    "ExportBody",
    "ExportRefused",
    "check_periode",
    "export_home",
    "format_export",
    "home_records",
    "load_export",
    "make_export",
    "verify_export",
]

MAX_EXPORT_BYTES = 8 * 1024 * 1024
EXPORT_FORMAT = 1
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


class ExportRefused(CheckFailed):
    """An export that cannot be made or used (tampered, duplicate, unreadable)."""


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid")


Quarter = Annotated[StrictStr, Field(pattern=_QUARTER.pattern)]
Token = Annotated[StrictStr, Field(pattern=TOKEN.pattern)]
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


# --- signing and verifying --------------------------------------------------------------


def make_export(
    records: Iterable[Record],
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
    if periode is not None and not re.fullmatch(r"\d{4}(-Q[1-4])?", periode):
        raise UsageError("monitor.bad_periode", periode=periode)


def home_records() -> tuple[list[Record], int]:
    """The signed records in this user's home that verify against the profile's keyring.
    Returns (records, number left out because they did not verify or are training)."""
    from meldcode_cli.record.profile import ProfileStore
    from meldcode_cli.record.store import Unreadable, record_files
    from meldcode_cli.record.verify import verify_file
    from meldcode_cli.walk.casestore import CaseStore

    store = CaseStore()
    keyring = ProfileStore().keyring()
    files, _ = record_files([store.root]) if store.root.is_dir() else ([], [])
    good: list[Record] = []
    left_out = 0
    for f in files:
        try:
            result = verify_file(f, keyring=keyring)
        except Unreadable:
            left_out += 1
            continue
        if result.valid and result.record is not None and not result.record.training:
            good.append(result.record)
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
    """The parsed export file (a dict: the envelope is checked by :func:`verify_export`);
    parsed by :mod:`meldcode_cli.files.jsonio` (strict UTF-8, no duplicate keys)."""
    from meldcode_cli.files import jsonio

    try:
        with path.open("rb") as f:
            raw = f.read(MAX_EXPORT_BYTES + 1)
    except OSError as e:
        raise ExportRefused(
            "error.monitor.niet_leesbaar", path=path, e_strerror_or_e=jsonio.os_error_reason(e)
        ) from None
    if len(raw) > MAX_EXPORT_BYTES:
        raise ExportRefused(
            "error.monitor.groter_dan_bytes_geen", path=path, MAX_EXPORT_BYTES=MAX_EXPORT_BYTES
        )
    try:
        data = jsonio.parse_json(raw)
    except jsonio.JsonValueError as e:  # "<path>: <what is wrong>", as for any JSON file
        raise ExportRefused("io.os_error", path=path, reason=e.text()) from None
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


def _signature_block(path: Path, sig: dict[str, Any]) -> tuple[bytes, bytes, object]:
    """(public key, signature, fingerprint) of an export's signature block; ExportRefused
    with a keyed reason (a missing field, an algorithm this tool does not use, bad base64)."""
    from meldcode_cli.record import crypto

    def refuse(key: str, **params: object) -> ExportRefused:
        return ExportRefused(
            "error.monitor.handtekeningblok_onleesbaar", path=path, e=Text(key, **params)
        )

    for name in ("public_key", "signature", "key_fingerprint"):
        if name not in sig:
            raise refuse("monitor.signature.missing", name=name)
    if sig.get("algorithm") != crypto.ALGORITHM or sig.get("canonicalization") != "RFC8785":
        raise refuse("monitor.signature.algorithm", algorithm=crypto.ALGORITHM)
    decoded: list[bytes] = []
    for name in ("public_key", "signature"):
        try:
            decoded.append(crypto.unb64(sig[name]))
        except (AttributeError, TypeError, ValueError):
            raise refuse("monitor.signature.base64", name=name) from None
    return decoded[0], decoded[1], sig["key_fingerprint"]


def verify_export(path: Path, data: dict[str, Any]) -> tuple[ExportBody, str]:
    """The checked body and the signer's fingerprint; ExportRefused when anything is off.

    ``data`` is a dict on purpose: an export is a file from someone else, and the signature
    is checked over the body exactly as received, before (and whatever) the schema says."""
    from meldcode_cli.record import crypto

    body, sig = data.get("body"), data.get("signature")
    if not isinstance(body, dict) or not isinstance(sig, dict):
        raise ExportRefused("error.monitor.body_of_signature_ontbreekt", path=path)
    pub, signature, fp = _signature_block(path, sig)
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
