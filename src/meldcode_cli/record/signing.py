"""Signing a case's decision record, and verifying record files (``sign``, ``verify``).

The walk hands over a finished case; this module turns it into a signed record in the
case folder (``records/NNNN-<kind>.json``), chained to the record before it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from meldcode_cli.record.build import Texts, build_record
from meldcode_cli.record.canonical import record_hash
from meldcode_cli.record.diff import Change, diff_records
from meldcode_cli.record.model import ChosenDecision, Override, Record
from meldcode_cli.record.profile import ProfileError, ProfileStore, check_role, unlock_asking
from meldcode_cli.record.store import (
    Unreadable,
    load_envelope,
    record_files,
    records_of,
    sign_envelope,
    write_record,
)
from meldcode_cli.record.verify import Finding, Problem, VerifyResult, verify_chain, verify_file
from meldcode_cli.walk.casestore import CaseError
from meldcode_cli.walk.session import Session

__all__ = [
    "Pending",
    "SignOutcome",
    "check_role",
    "ensure_finished",
    "last_record",
    "parse_override",
    "pending_changes",
    "records_of",
    "resolve_records",
    "sign_case",
    "unlock_asking",
    "unsigned_changes",
    "verify_paths",
]


@dataclass
class SignOutcome:
    path: Path
    kind: str
    sequence: int
    fingerprint: str | None
    training: bool


def decision_records_of(session: Session) -> list[Path]:
    """The decision, amendment and evaluation records (not the signed consultations)."""
    from meldcode_cli.record.store import is_consultation_file

    return [p for p in records_of(session) if not is_consultation_file(p)]


def parse_override(spec: str | None, reason: str | None, consulted: str | None) -> Override | None:
    """``--override melden,hulp`` with ``--reason`` and ``--consulted``: the decision the
    professional takes instead of the computed one (None without ``--override``)."""
    if spec is None:
        return None
    chosen = {"melden": False, "hulp": False, "afsluiten": False}
    for part in spec.replace(" ", "").split(","):
        if part not in chosen:
            raise CaseError("error.keyflow.kies_uit_melden_hulp", part=part)
        chosen[part] = True
    if not (reason and consulted):
        raise CaseError("error.keyflow.vraagt_ook_en_wie")
    return Override(chosen=ChosenDecision(**chosen), reason=reason, consulted=consulted)


def _check_signable(session: Session, *, training: bool, override: Override | None) -> None:
    """A finished case, no override of an information request, and (to sign) no blocking
    check and none without its justification."""
    ensure_finished(session)
    label = session.case.label
    if override is not None and session.walk.verstrekking() is not None:
        raise CaseError("error.signing.een_informatieverzoek_heeft_geen", label=label)
    if training:
        return
    blocked = session.walk.blocking()
    if blocked:
        checks = "; ".join(f"{c.id}: {c.check.message.get()}" for c in blocked)
        raise CaseError("sign.blocked", checks=checks, label=label)
    open_ = session.walk.unjustified()
    if open_:
        checks = "; ".join(f"{c.id} ({c.check.message.get()})" for c in open_)
        raise CaseError("sign.unjustified", checks=checks, label=label)


def _chain_link(existing: list[Path]) -> dict[str, Any] | None:
    """The ``previous`` of the next record: the id and hash of the newest one."""
    if not existing:
        return None
    last = load_envelope(existing[-1])["record"]
    return {"record_id": last["record_id"], "hash": record_hash(last)}


def _record_kind(session: Session, kind: str | None, amendment_reason: str | None) -> str:
    """decision for the first record; after one, an amendment (with its reason) or an
    evaluation."""
    if not decision_records_of(session):  # a signed consultation before it is no decision
        return kind or "decision"
    kind = kind or "amendment"
    if kind == "decision":
        raise CaseError("error.signing.deze_casus_heeft_al")
    if kind == "amendment" and not (amendment_reason and amendment_reason.strip()):
        raise CaseError("error.signing.een_wijziging_op_een")
    return kind


def _signer(
    session: Session,
    profiles: ProfileStore,
    passphrase: Callable[[], str] | None,
    *,
    training: bool,
) -> tuple[Any | None, Any | None]:
    """(profile, key pair): the profile's, unlocked with the passphrase; for training the
    profile when there is a readable one, and no key."""
    if training:
        if not profiles.exists():
            return None, None
        try:
            return profiles.load(), None
        except ProfileError:
            return None, None
    profile = profiles.load()
    check_role(profile.role, session.case.role)
    if passphrase is None:
        raise ProfileError("error.signing.geen_wachtzin_ondertekenen_vraagt")
    return profile, unlock_asking(profiles, passphrase)


def sign_case(
    session: Session,
    *,
    passphrase: Callable[[], str] | None,
    training: bool = False,
    kind: str | None = None,
    override: Override | None = None,
    amendment_reason: str | None = None,
    profiles: ProfileStore | None = None,
    confirmation: str | None = None,
    texts: Texts | None = None,
) -> SignOutcome:
    """Write the next record of this case, signed with the profile's key (or as training).

    ``confirmation``: how the signer confirmed the summary (see :mod:`meldcode_cli.walk.confirm`);
    ``texts``: the words of the answers (:func:`meldcode_cli.walk.view.record_texts`).
    """
    _check_signable(session, training=training, override=override)
    existing = records_of(session)
    previous = _chain_link(existing)
    kind = _record_kind(session, kind, amendment_reason)
    profile, pair = _signer(session, profiles or ProfileStore(), passphrase, training=training)
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
        confirmation=confirmation,
        texts=texts,
    )
    envelope = sign_envelope(record, pair)
    path = write_record(session.case.folder / "records", envelope)
    try:
        session.case.append(
            "signed" if pair else "training_record",
            record=path.name,
            hash=record_hash(record),
            kind=kind,
        )
    except CaseError:
        # the journal is the source of truth: a record it does not name is taken back,
        # so signing again after the disk is freed gives the same record number
        import contextlib

        with contextlib.suppress(OSError):
            path.unlink()
        raise
    session.save_summary()
    return SignOutcome(path, kind, record.sequence, pair.fingerprint if pair else None, training)


def ensure_finished(session: Session) -> None:
    walk = session.walk
    if not walk.concluded() or not walk.is_complete():
        raise CaseError("error.signing.casus_is_nog_niet", label=session.case.label)


def resolve_records(args: list[Path], store: Any | None = None) -> list[Path]:
    """Record files, folders, or case labels (a label stands for the case's records)."""
    from meldcode_cli.walk.casestore import CaseStore

    out: list[Path] = []
    for arg in args:
        if not arg.exists() and len(arg.parts) == 1:
            cases = store or CaseStore()
            try:
                if cases.exists(str(arg)):
                    out.append(cases.folder(str(arg)) / "records")
                    continue
            except (CaseError, ValueError):
                pass
        out.append(arg)
    return out


def last_record(session: Session) -> Record | None:
    """The newest decision, amendment or evaluation record of the case (None without one,
    or when it does not fit the schema: nothing can be compared with it). Signed
    consultations are skipped."""
    existing = decision_records_of(session)
    if not existing:
        return None
    try:
        return Record.from_dict(load_envelope(existing[-1])["record"])
    except ValidationError:
        return None


@dataclass(frozen=True)
class Pending:
    """What an amendment would change: the last record, the draft after it, the changes."""

    previous: Record
    draft: Record
    changes: list[Change]


def pending_changes(
    session: Session, amendment_reason: str | None, texts: Texts | None = None
) -> Pending | None:
    """What an amendment would change, against the last record of the case (None without
    one); :func:`meldcode_cli.report.verifyview.format_diff` says it in lines."""
    previous = last_record(session)
    if previous is None:
        return None
    draft = build_record(
        session,
        profile=None,
        key_fingerprint=None,
        kind="amendment",
        sequence=previous.sequence + 1,
        amendment_reason=amendment_reason,
        texts=texts,
    )
    return Pending(previous, draft, diff_records(previous, draft))


def unsigned_changes(session: Session, texts: Texts | None = None) -> bool:
    """True when the case holds answers its last signed record does not (a correction
    that was not signed yet)."""
    pending = pending_changes(session, None, texts)
    return pending is not None and session.walk.is_complete() and bool(pending.changes)


def _protocol_at_hand(record: dict[str, Any]) -> tuple[str, str] | None:
    """The shipped protocol with the record's id, if there is one: (text, version)."""
    from meldcode_cli.authoring.catalog import find_protocol
    from meldcode_cli.errors import UsageError
    from meldcode_cli.protocol.loading import load_protocol_file
    from meldcode_cli.protocol.yamlio import read_text

    prov = record.get("provenance")
    proto = prov.get("protocol") if isinstance(prov, dict) else None
    pid = proto.get("id") if isinstance(proto, dict) else None
    if not isinstance(pid, str) or len(pid) > 100:
        return None
    try:
        path = find_protocol(pid)
        loaded = load_protocol_file(path)
        if loaded.protocol is None:
            return None
        return read_text(path), loaded.protocol.version
    except (UsageError, OSError, ValueError):
        return None


def _public_key(key_file: Path) -> bytes:
    """The raw Ed25519 public key in a ``--key`` file (from ``meldcode key export``);
    CaseError saying what is wrong with the file."""
    from meldcode_cli.errors import Text
    from meldcode_cli.files import jsonio
    from meldcode_cli.record import crypto

    def not_a_key(why: Text | str) -> CaseError:
        return CaseError("error.signing.geen_publieke_sleutel_van", key_file=key_file, e=why)

    try:
        data = jsonio.load_json_file(key_file, limit=jsonio.LIMIT_SMALL)
    except FileNotFoundError:
        raise CaseError("error.signing.bestaat_niet_2", key_file=key_file) from None
    except jsonio.JsonFileError as e:
        raise CaseError("verify.key.unreadable", message=e.message) from None
    if not isinstance(data, dict) or data.get("algorithm", "Ed25519") != "Ed25519":
        raise not_a_key(Text("verify.key.not_ed25519"))
    try:
        public_key = crypto.unb64(data["public_key"])
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        raise not_a_key(str(e)) from None
    if len(public_key) != 32:
        raise not_a_key(Text("verify.key.length"))
    return public_key


def verify_paths(
    paths: list[Path],
    *,
    key_file: Path | None = None,
    use_keyring: bool = False,
    profiles: ProfileStore | None = None,
) -> tuple[list[VerifyResult], list[Finding]]:
    """Verify record files (folders: every record in them). Returns results and chain problems.

    Raises Unreadable for input that is not a record, CaseError for an unusable --key.
    """
    public_key = None if key_file is None else _public_key(key_file)
    store = profiles or ProfileStore()
    # the keyring is used whenever there is one: a signature by a key nobody vouched for
    # proves nothing (anyone can make a key); --keyring makes it required
    keyring = store.keyring() if use_keyring or store.keyring_path.exists() else None
    if keyring is not None and not keyring.keys and not use_keyring:
        keyring = None
    files, missing = record_files(paths)
    if missing:
        raise Unreadable("error.signing.bestaat_niet", missing_0=missing[0])
    if not files:
        raise Unreadable("verify.no_records", paths=", ".join(map(str, paths)))
    from meldcode_cli.record.consult import load_colleagues

    colleagues = load_colleagues(store)
    results = []
    for f in files:
        env_record = load_envelope(f)["record"]
        at_hand = _protocol_at_hand(env_record) if isinstance(env_record, dict) else None
        results.append(
            verify_file(
                f,
                public_key=public_key,
                keyring=keyring,
                protocol_text=at_hand,
                colleagues=colleagues,
            )
        )
    problems = verify_chain(results, files)
    problems += journal_chain_problems(files, results)
    return results, problems


def case_chain_problems(record_file: Path) -> list[Finding]:
    """For a record file inside a case folder: the chain problems of that case's records
    against its journal (see :func:`journal_chain_problems`); [] elsewhere."""
    folder = record_file.parent
    files = sorted(folder.glob("[0-9][0-9][0-9][0-9]-*.json"))
    results = []
    for f in files:
        try:
            record = load_envelope(f)["record"]
            results.append(VerifyResult(str(f), False, hash=record_hash(record)))
        except CaseError:
            results.append(VerifyResult(str(f), False))
    return journal_chain_problems(files, results)


def journal_chain_problems(files: list[Path], results: list[VerifyResult]) -> list[Finding]:
    """For records inside a case folder (``cases/<label>/records/``): every ``signed``
    line of that case's journal must match a record file with the same hash. A removed or
    replaced newest record is found here, which the chain alone cannot show."""
    from meldcode_cli.walk.casestore import JOURNAL, read_journal

    problems: list[Finding] = []
    by_folder: dict[Path, dict[str, str | None]] = {}
    for f, r in zip(files, results, strict=True):
        folder = f.parent
        if folder.name != "records" or not (folder.parent / JOURNAL).is_file():
            continue
        by_folder.setdefault(folder, {})[f.name] = r.hash
    for folder, hashes in by_folder.items():
        case_folder = folder.parent
        try:
            journal = read_journal(case_folder / JOURNAL)
        except CaseError as e:
            problems.append(Finding(Problem.JOURNAL_UNREADABLE, {"message": e.message}))
            continue
        present = {p.name: hashes.get(p.name) for p in folder.glob("[0-9][0-9][0-9][0-9]-*.json")}
        for entry in journal.entries:
            if entry.type not in ("signed", "training_record", "consultation"):
                continue
            name, want = entry.data.get("record"), entry.data.get("hash")
            if name not in present:
                problems.append(
                    Finding(
                        Problem.JOURNAL_MISSING,
                        {"case": case_folder.name, "name": str(name), "at": entry.at},
                    )
                )
            elif name in hashes and present[name] != want:
                problems.append(
                    Finding(Problem.JOURNAL_REPLACED, {"case": case_folder.name, "name": str(name)})
                )
    return problems
