"""Record files: the envelope (record and signature block) on disk, written once and read
back bounded and strict."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from meldcode_cli.record.canonical import canonical
from meldcode_cli.record.model import Envelope, Record
from meldcode_cli.walk.casestore import CaseError, atomic_write

__all__ = [
    "Unreadable",
    "load_envelope",
    "load_record",
    "record_files",
    "sign_envelope",
    "write_record",
]


class Unreadable(CaseError):
    """The input is not a record file at all (exit 2)."""


def sign_envelope(record: Record, pair: Any | None) -> dict[str, Any]:
    """The file contents: the record and its signature block (None for training)."""
    from meldcode_cli.record import crypto

    data = record.to_dict()
    if pair is None:
        return {"meldcode_signed_record": 1, "record": data, "signature": None}
    signature = pair.sign(canonical(data))
    return {
        "meldcode_signed_record": 1,
        "record": data,
        "signature": {
            "algorithm": crypto.ALGORITHM,
            "canonicalization": "RFC8785",
            "key_fingerprint": pair.fingerprint,
            "public_key": crypto.b64(pair.public_bytes),
            "signature": crypto.b64(signature),
        },
    }


def write_record(folder: Path, envelope: dict[str, Any]) -> Path:
    from meldcode_cli.files import safeio
    from meldcode_cli.walk.casestore import trusted_base

    record = envelope["record"]
    safeio.ensure_dir(folder, trusted_base(folder) or folder.parent)
    name = f"{record['sequence']:04d}-{record['kind']}.json"
    path = folder / name
    if os.path.lexists(path):
        raise CaseError(f"{path} bestaat al; een ondertekend record wordt nooit overschreven")
    atomic_write(path, (json.dumps(envelope, ensure_ascii=False, indent=2) + "\n").encode())
    return path


def load_envelope(path: Path) -> dict[str, Any]:
    """The parsed envelope of a record file, through :mod:`jsonio` (bounded, strict);
    Unreadable with the file and what is wrong."""
    from meldcode_cli.files import jsonio

    try:
        data = jsonio.load_json_file(path, limit=jsonio.LIMIT_RECORD)
    except FileNotFoundError:
        raise Unreadable(f"{path}: bestaat niet") from None
    except jsonio.JsonFileError as e:
        raise Unreadable(e.message) from None
    if not isinstance(data, dict) or "record" not in data or "signature" not in data:
        raise Unreadable(f"{path}: geen meldcode-record (record en signature ontbreken)")
    try:
        jsonio.validate(Envelope, data, path)
    except jsonio.JsonFileError as e:
        raise Unreadable(e.message) from None
    return data


def record_files(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """Record files under ``paths`` (folders searched for ``NNNN-<kind>.json``) and the
    paths that do not exist."""
    files: list[Path] = []
    missing: list[str] = []
    for p in paths:
        if p.is_dir():
            files.extend(sorted(p.rglob("[0-9][0-9][0-9][0-9]-*.json")))
        elif p.exists():
            files.append(p)
        else:
            missing.append(str(p))
    return files, missing


def load_record(path: Path) -> Record:
    """The record of a file, checked against the schema (not the signature).

    Raises :class:`Unreadable` when it is not a record, or does not fit the schema.
    """
    record = load_envelope(path)["record"]
    try:
        return Record.from_dict(record)
    except ValidationError as e:
        first = e.errors(include_url=False)[0]
        where = ".".join(str(x) for x in first["loc"])
        raise Unreadable(f"{path}: geen geldig record ({where}: {first['msg']})") from None
