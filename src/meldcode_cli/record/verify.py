"""Verifying record files and the chains they form: typed findings, no text.

:func:`verify_file` checks one file (schema, signature block, key, signature, protocol);
:func:`verify_chain` the chain of each case among the results. Every problem is a
:class:`Finding` (a :class:`Problem` code and its parameters); the edge says it in words
(:func:`meldcode_cli.report.verifyview.finding_text`). Nothing here compares message text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from meldcode_cli.record.canonical import canonical, integrity_map, record_hash
from meldcode_cli.record.findings import Finding, Problem
from meldcode_cli.record.model import RECORD_SCHEMA_VERSION, Record, SignatureBlock
from meldcode_cli.record.store import load_envelope

__all__ = ["Finding", "Problem", "VerifyResult", "verify_chain", "verify_file"]


@dataclass
class VerifyResult:
    path: str
    valid: bool
    reasons: list[Finding] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)
    record: Record | None = None
    hash: str | None = None
    fingerprint: str | None = None
    key_checked: bool = False
    """The signing key was checked against --key or a keyring (not only the file's own)."""

    @property
    def problems(self) -> set[Problem]:
        return {f.problem for f in self.reasons}


def _first_error(e: ValidationError) -> dict[str, str]:
    first = e.errors(include_url=False)[0]
    return {"where": ".".join(str(x) for x in first["loc"]), "msg": str(first["msg"])}


def _read_record(data: Any, result: VerifyResult) -> Record | None:
    """The typed record, when the file holds one of this schema (else the reason why not)."""
    if not isinstance(data, dict):
        result.reasons.append(Finding(Problem.NOT_AN_OBJECT))
        return None
    version = data.get("schema_version")
    if version != RECORD_SCHEMA_VERSION:
        params = {"version": f"{version!r:.40}", "supported": str(RECORD_SCHEMA_VERSION)}
        result.reasons.append(Finding(Problem.SCHEMA_VERSION, params))
        return None
    result.hash = record_hash(data)
    try:
        return Record.from_dict(data)
    except ValidationError as e:
        result.reasons.append(Finding(Problem.SCHEMA, _first_error(e)))
        return None  # a record of the wrong shape is not navigated any further


def _read_signature(sig: Any, record: Record, result: VerifyResult) -> tuple[bytes, bytes] | None:
    """The public key and signature of the signature block (else the reason why not)."""
    from meldcode_cli.record import crypto

    if sig is None:
        unsigned = Problem.UNSIGNED_TRAINING if record.training else Problem.UNSIGNED
        result.reasons.append(Finding(unsigned))
        return None
    try:
        block = SignatureBlock.model_validate(sig)
        pub = crypto.unb64(block.public_key)
        signature = crypto.unb64(block.signature)
    except ValidationError as e:
        result.reasons.append(Finding(Problem.SIGNATURE_BLOCK_SCHEMA, _first_error(e)))
        return None
    except (TypeError, ValueError) as e:
        result.reasons.append(Finding(Problem.SIGNATURE_BLOCK_UNREADABLE, {"error": str(e)}))
        return None
    if len(pub) != 32 or len(signature) != 64:
        result.reasons.append(Finding(Problem.SIGNATURE_BLOCK_LENGTH))
        return None
    result.fingerprint = block.key_fingerprint
    return pub, signature


def _check_key(
    pub: bytes,
    fp: str,
    record: Record,
    result: VerifyResult,
    *,
    public_key: bytes | None,
    keyring: Any | None,
) -> None:
    """Whose key signed: the one the file names, --key, the keyring and its validity."""
    from meldcode_cli.record import crypto

    if crypto.fingerprint(pub) != fp:
        result.reasons.append(Finding(Problem.FINGERPRINT_MISMATCH))
    if record.provenance.key_fingerprint not in (None, fp):
        result.reasons.append(Finding(Problem.RECORD_KEY_MISMATCH))
    if public_key is not None:
        if pub != public_key:
            result.reasons.append(Finding(Problem.OTHER_KEY))
        else:
            result.key_checked = True
    if keyring is None:
        return
    entry = keyring.find(fp)
    if entry is None:
        result.reasons.append(Finding(Problem.NOT_IN_KEYRING, {"fp": fp}))
    elif crypto.b64(pub) != entry.public_key:
        result.reasons.append(Finding(Problem.KEYRING_MISMATCH, {"fp": fp}))
    else:
        result.key_checked = True
        created = record.created_at
        if created < entry.valid_from or (entry.valid_until and created > entry.valid_until):
            result.reasons.append(Finding(Problem.OUTSIDE_VALIDITY, {"created": created, "fp": fp}))


def _check_signature(
    pub: bytes, signature: bytes, data: dict[str, Any], record: Record, result: VerifyResult
) -> None:
    """The signature over the canonical JSON; when it fails, which sections changed."""
    from meldcode_cli.record import crypto

    if crypto.verify(pub, signature, canonical(data)):
        return
    digests = integrity_map(data)
    changed = [k for k, v in digests.items() if record.integrity.get(k) != v]
    missing = [k for k in record.integrity if k not in digests]
    if changed or missing:
        sections = ", ".join(changed + missing)
        result.reasons.append(Finding(Problem.CHANGED_SECTIONS, {"sections": sections}))
    else:
        result.reasons.append(Finding(Problem.SIGNATURE_INVALID))


def verify_file(
    path: Path,
    *,
    public_key: bytes | None = None,
    keyring: Any | None = None,
    protocol_text: Any | None = None,
    colleagues: Any | None = None,
) -> VerifyResult:
    """Verify one record file. Raises Unreadable for input that is not a record at all.

    The signature is checked over the canonical JSON of the record as the file holds it;
    the typed :class:`Record` (``result.record``) round-trips those bytes exactly.
    """
    env = load_envelope(path)
    result = VerifyResult(str(path), False)
    data = env["record"]
    record = _read_record(data, result)
    if record is None:
        return result
    result.record = record
    keys = _read_signature(env["signature"], record, result)
    if keys is None or result.fingerprint is None:
        return result
    pub, signature = keys
    _check_key(pub, result.fingerprint, record, result, public_key=public_key, keyring=keyring)
    _check_signature(pub, signature, data, record, result)
    if record.kind == "consultation" or record.consultation is not None:
        from meldcode_cli.record.consult import check_embedded

        problems, notes = check_embedded(data, colleagues=colleagues, own=keyring)
        result.reasons += problems
        result.notes += notes
    if protocol_text is not None:
        _check_protocol(result, record, protocol_text)
    result.valid = not result.reasons
    return result


def _check_protocol(result: VerifyResult, record: Record, protocol_text: Any) -> None:
    from meldcode_cli.walk.casestore import protocol_hash

    ref = record.protocol
    text, version_at_hand = protocol_text
    params = {"id": ref.id, "version": ref.version, "at_hand": str(version_at_hand)}
    if protocol_hash(text) == ref.hash:
        result.notes.append(Finding(Problem.PROTOCOL_HASH_OK, params))
    elif version_at_hand == ref.version:
        result.reasons.append(Finding(Problem.PROTOCOL_DIFFERS, params))
    else:
        result.notes.append(Finding(Problem.PROTOCOL_OTHER_VERSION, params))


def verify_chain(results: list[VerifyResult], files: list[Path] | None = None) -> list[Finding]:
    """Problems in the chains of the cases these records belong to."""
    problems: list[Finding] = []
    by_case: dict[str, list[tuple[VerifyResult, Record]]] = {}
    for r in results:
        if r.record is not None:
            by_case.setdefault(r.record.case, []).append((r, r.record))
    for case, rs in by_case.items():
        rs.sort(key=lambda pair: pair[1].sequence)
        expected: tuple[VerifyResult, Record] | None = None
        for i, (r, rec) in enumerate(rs, 1):
            seq = rec.sequence
            where = {"case": case, "seq": str(seq)}
            if seq != i:
                problems.append(Finding(Problem.CHAIN_GAP, {**where, "before": str(i - 1)}))
            prev = rec.previous
            if expected is None:
                if prev is not None:
                    problems.append(Finding(Problem.CHAIN_MISSING_FIRST, where))
            elif (
                prev is None
                or prev.hash != expected[0].hash
                or prev.record_id != expected[1].record_id
            ):
                problems.append(
                    Finding(Problem.CHAIN_BROKEN, {**where, "before": str(expected[1].sequence)})
                )
            name = Path(r.path).name
            if files is not None and name[:4].isdigit() and int(name[:4]) != seq:
                problems.append(Finding(Problem.CHAIN_REORDERED, {**where, "name": name}))
            expected = (r, rec)
    return problems
