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
    "CONSULTATION_SUFFIX",
    "Unreadable",
    "is_consultation_file",
    "load_envelope",
    "load_record",
    "record_files",
    "records_of",
    "sign_envelope",
    "write_record",
]


class Unreadable(CaseError):
    """The input is not a record file at all (exit 2)."""


def sign_envelope(record: Record | dict[str, Any], pair: Any | None) -> dict[str, Any]:
    """The file contents: the record and its signature block (None for training)."""
    from meldcode_cli.record import crypto

    data = record.to_dict() if isinstance(record, Record) else record
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
        raise CaseError("error.core.bestaat_al_een_ondertekend", path=path)
    atomic_write(path, (json.dumps(envelope, ensure_ascii=False, indent=2) + "\n").encode())
    return path


def load_envelope(path: Path) -> dict[str, Any]:
    """The parsed envelope of a record file, through :mod:`jsonio` (bounded, strict);
    Unreadable with the file and what is wrong."""
    from meldcode_cli.files import jsonio

    try:
        data = jsonio.load_json_file(path, limit=jsonio.LIMIT_RECORD)
    except FileNotFoundError:
        raise Unreadable("error.core.bestaat_niet", path=path) from None
    except jsonio.JsonFileError as e:
        raise Unreadable(e.message) from None
    if not isinstance(data, dict) or "record" not in data or "signature" not in data:
        raise Unreadable("error.core.geen_meldcode_record_record", path=path)
    try:
        jsonio.validate(Envelope, data, path)
    except jsonio.JsonFileError as e:
        raise Unreadable(e.message) from None
    return data


CONSULTATION_SUFFIX = "-consultation.json"


def is_consultation_file(path: Path) -> bool:
    """A signed collegiale consultatie in a case's chain (not a decision, amendment or
    evaluation): skipped wherever "the newest record" of a case is meant."""
    return path.name.endswith(CONSULTATION_SUFFIX)


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
        raise Unreadable(
            "error.core.geen_geldig_record", path=path, where=where, first_msg=first["msg"]
        ) from None


def records_of(session: Any) -> list[Path]:
    """Every record of the case's chain, signed consultations included."""
    folder = session.case.folder / "records"
    if not folder.is_dir():
        return []
    # a planted link is no record of this case (and its name is then refused as taken)
    return sorted(p for p in folder.glob("[0-9][0-9][0-9][0-9]-*.json") if not p.is_symlink())
