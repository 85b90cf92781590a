"""Signing a case's decision record, and verifying record files (``sign``, ``verify``).

The walk hands over a finished case; this module turns it into a signed record in the
case folder (``records/NNNN-<kind>.json``), chained to the record before it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from meldcode_cli.cases import CaseError
from meldcode_cli.profile import ProfileError, ProfileStore
from meldcode_cli.record import (
    Override,
    Unreadable,
    VerifyResult,
    build_record,
    load_envelope,
    record_files,
    record_hash,
    sign_envelope,
    verify_chain,
    verify_file,
    write_record,
)
from meldcode_cli.session import Session

__all__ = ["SignOutcome", "records_of", "sign_case", "verify_paths"]

MAX_PASSPHRASE_TRIES = 3


@dataclass
class SignOutcome:
    path: Path
    kind: str
    sequence: int
    fingerprint: str | None
    training: bool


def records_of(session: Session) -> list[Path]:
    folder = session.case.folder / "records"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("[0-9][0-9][0-9][0-9]-*.json"))


def sign_case(
    session: Session,
    *,
    passphrase: Callable[[], str] | None,
    training: bool = False,
    kind: str | None = None,
    override: Override | None = None,
    amendment_reason: str | None = None,
    profiles: ProfileStore | None = None,
) -> SignOutcome:
    """Write the next record of this case, signed with the profile's key (or as training)."""
    walk = session.walk
    if walk.decision() is None or not walk.is_complete():
        raise CaseError(
            f"casus {session.case.label} is nog niet af: er is nog geen beslissing om te "
            f"ondertekenen; ga verder met 'meldcode resume {session.case.label}'"
        )
    if not training:
        blocked = walk.blocking()
        if blocked:
            raise CaseError(
                "ondertekenen geweigerd: "
                + "; ".join(f"{c.id}: {c.check.message.get()}" for c in blocked)
                + f" — pas de antwoorden aan met 'meldcode resume {session.case.label}'"
            )
        open_ = walk.unjustified()
        if open_:
            raise CaseError(
                "ondertekenen vraagt eerst een verantwoording voor: "
                + "; ".join(f"{c.id} ({c.check.message.get()})" for c in open_)
                + f" — geef die met 'meldcode resume {session.case.label}'"
            )
    existing = records_of(session)
    previous = None
    if existing:
        last = load_envelope(existing[-1])["record"]
        previous = {"record_id": last["record_id"], "hash": record_hash(last)}
        if kind is None:
            kind = "amendment"
        if kind == "decision":
            raise CaseError(
                "deze casus heeft al een beslisrecord; een wijziging is een 'amendment'"
            )
        if kind == "amendment" and not (amendment_reason and amendment_reason.strip()):
            raise CaseError(
                "een wijziging op een ondertekend record vraagt een reden (--reason); het "
                "eerdere record blijft ongewijzigd"
            )
    kind = kind or "decision"
    profile = None
    pair = None
    profiles = profiles or ProfileStore()
    if not training:
        profile = profiles.load()
        if passphrase is None:
            raise ProfileError("geen wachtzin: ondertekenen vraagt de wachtzin van uw sleutel")
        for attempt in range(1, MAX_PASSPHRASE_TRIES + 1):
            try:
                pair = profiles.unlock(passphrase())
                break
            except ProfileError as e:
                if "onjuiste wachtzin" not in e.message or attempt == MAX_PASSPHRASE_TRIES:
                    raise
        assert pair is not None
    elif profiles.exists():
        try:
            profile = profiles.load()
        except ProfileError:
            profile = None
    record = build_record(
        session,
        profile=profile,
        key_fingerprint=pair.fingerprint if pair else None,
        kind=kind,
        previous=previous,
        sequence=len(existing) + 1,
        training=training,
        override=override,
        amendment_reason=amendment_reason,
    )
    envelope = sign_envelope(record, pair)
    path = write_record(session.case.folder / "records", envelope)
    session.case.append(
        "signed" if pair else "training_record",
        record=path.name,
        hash=record_hash(record),
        kind=kind,
    )
    session.save_summary()
    return SignOutcome(path, kind, record["sequence"], pair.fingerprint if pair else None, training)


def _protocol_at_hand(record: dict[str, Any]) -> tuple[str, str] | None:
    """The shipped protocol with the record's id, if there is one: (text, version)."""
    from meldcode_cli.catalog import find_protocol
    from meldcode_cli.checker import UsageError
    from meldcode_cli.loading import load_protocol_file
    from meldcode_cli.yamlio import read_text

    pid = record.get("provenance", {}).get("protocol", {}).get("id")
    if not isinstance(pid, str):
        return None
    try:
        path = find_protocol(pid)
        loaded = load_protocol_file(path)
        if loaded.protocol is None:
            return None
        return read_text(path), loaded.protocol.version
    except (UsageError, OSError, ValueError):
        return None


def verify_paths(
    paths: list[Path],
    *,
    key_file: Path | None = None,
    use_keyring: bool = False,
    profiles: ProfileStore | None = None,
) -> tuple[list[VerifyResult], list[str]]:
    """Verify record files (folders: every record in them). Returns results and chain problems.

    Raises Unreadable for input that is not a record, CaseError for an unusable --key.
    """
    from meldcode_cli import crypto

    public_key = None
    if key_file is not None:
        try:
            data = json.loads(key_file.read_text(encoding="utf-8"))
            public_key = crypto.unb64(data["public_key"])
        except (OSError, ValueError, KeyError, TypeError) as e:
            raise CaseError(f"--key {key_file}: geen publieke sleutel van meldcode ({e})") from None
    keyring = (profiles or ProfileStore()).keyring() if use_keyring else None
    files, missing = record_files(paths)
    if missing:
        raise Unreadable(f"{missing[0]}: bestaat niet")
    if not files:
        raise Unreadable("geen recordbestanden gevonden in: " + ", ".join(map(str, paths)))
    results = []
    for f in files:
        env_record = load_envelope(f)["record"]
        at_hand = _protocol_at_hand(env_record) if isinstance(env_record, dict) else None
        results.append(
            verify_file(f, public_key=public_key, keyring=keyring, protocol_text=at_hand)
        )
    return results, verify_chain(results, files)
