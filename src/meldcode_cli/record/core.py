"""The decision record: what was asked, answered and decided, signed and verifiable offline.

A record is built from a case (its journal and pinned protocol) and the profile, serialised
as canonical JSON (RFC 8785) and signed with Ed25519. The file holds the record and a
signature block; nothing else is needed to verify it, years later, with or without the
keyring. Records of one case form a chain: each names the hash of the one before it.
See ``docs/decision-record.md``.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from meldcode_cli.walk.casestore import CaseError, atomic_write

__all__ = [
    "RECORD_SCHEMA_VERSION",
    "Record",
    "VerifyResult",
    "build_record",
    "canonical",
    "record_hash",
    "sign_envelope",
    "verify_chain",
    "verify_file",
]

RECORD_SCHEMA_VERSION = 1
Answer = str | list[str] | None


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ProtocolRef(_M):
    id: str
    version: str
    title: str
    hash: str


class Professional(_M):
    name: str
    role: str
    organisation: str
    registration: str | None = None
    contact: str | None = None


class OrganisatieRef(_M):
    """The organisation overlay the walk used (docs/organisatie.md)."""

    id: str
    name: str
    hash: str


class Provenance(_M):
    tool: Literal["meldcode-cli"] = "meldcode-cli"
    tool_version: str
    protocol: ProtocolRef
    organisatie: OrganisatieRef | None = Field(
        default=None, description="Absent in records made without an organisation overlay."
    )
    role: str
    case: str
    lang: str
    professional: Professional | None
    key_fingerprint: str | None


class NoteRecord(_M):
    text: str
    provenance: str
    nature: str
    at: str | None


class ItemRecord(_M):
    id: str
    kind: str
    text: str
    answer: Answer
    answer_text: str
    answered_at: str | None
    nature: str | None = None
    notes: list[NoteRecord] = Field(default_factory=list)


class StepRecord(_M):
    step: int
    title: str
    started_at: str | None
    finished_at: str | None
    items: list[ItemRecord]


class SupersededRecord(_M):
    item: str
    value: Answer
    reason: str
    at: str | None


class AcuteRecord(_M):
    step: int
    item: str | None
    source: str
    at: str | None


class Informed(_M):
    geinformeerd: str | None = None
    reactie: str | None = None
    uitzondering: str | None = None
    pogingen: str | None = None
    anoniem: str | None = None


class EvaluationRecord(_M):
    day: str
    reason: str | None
    early: bool
    at: str | None


class DecisionRecord(_M):
    melden: bool
    hulp: bool
    afsluiten: bool
    afwegingen: dict[Literal["1", "2", "3", "4", "5"], bool | None]
    meldnormen: list[int]
    evaluatiedatum: str | None
    samen_met_veilig_thuis: bool
    onveiligheid_vastgesteld: bool
    informed: Informed
    outcome: str
    open_met_veilig_thuis: list[str] = Field(default_factory=list)
    """Afwegingen 3/4 left open on the afweging-2-"ja" path: to decide with Veilig Thuis."""
    eerder_gemeld: bool = False
    evaluatie: EvaluationRecord | None = None


class VerstrekkingRecord(_M):
    """The outcome of an information request (``kind: informatieverzoek``): no melding."""

    type: Literal["verstrekking"] = "verstrekking"
    besluit: str
    verstrekt: bool
    deels: bool
    open: bool
    grondslag: str | None
    vervolgdatum: str | None
    outcome: str


class ChosenDecision(_M):
    melden: bool
    hulp: bool
    afsluiten: bool


class Override(_M):
    chosen: ChosenDecision
    reason: str = Field(min_length=1)
    consulted: str = Field(min_length=1)


class RefutationRecord(_M):
    item: str
    value: str
    text: str
    source: str
    at: str | None


class FiredCheck(_M):
    id: str
    severity: str
    message: str
    shared: bool
    justification: str | None
    justified_at: str | None


class ChecksRecord(_M):
    definitions_hash: str
    fired: list[FiredCheck]


class PreviousRef(_M):
    record_id: str
    hash: str


class Record(_M):
    schema_: Literal["meldcode-record"] = Field(alias="schema", default="meldcode-record")
    schema_version: int
    record_id: str
    kind: Literal["decision", "evaluation", "amendment", "consultation"]
    sequence: int = Field(ge=1)
    previous: PreviousRef | None
    training: bool
    created_at: str
    provenance: Provenance
    steps: list[StepRecord]
    superseded: list[SupersededRecord]
    acute: list[AcuteRecord]
    decision: DecisionRecord | VerstrekkingRecord | None
    override: Override | None = None
    amendment_reason: str | None = None
    confirmation: Literal["screen", "yes-flag"] | None = Field(
        default=None,
        description="How the signer confirmed the summary: read on screen and answered yes, "
        "or --yes in a script. Absent in records made before meldcode asked.",
    )
    checks: ChecksRecord | None = None
    refutations: list[RefutationRecord] | None = None
    consultation: dict[str, Any] | None = Field(
        default=None,
        description="kind consultation: the colleague's signed answer (a meldcode-consult-"
        "answer envelope), checked again by verify against the colleague's key.",
    )
    integrity: dict[str, str]

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


SECTIONS = (
    "provenance",
    "steps",
    "superseded",
    "acute",
    "decision",
    "override",
    "checks",
    "refutations",
    "consultation",
)
OPTIONAL_SECTIONS = frozenset({"checks", "refutations", "consultation"})
"""Sections that records made before they existed do not have (and need not digest)."""


def _json_subset(data: Any) -> bool:
    """True when ``data`` uses only what records use: no floats, ASCII keys, no surrogates,
    integers a double holds exactly. (Hot path of signing and verifying: exact type checks.)"""
    stack = [data]
    pop = stack.pop
    extend = stack.extend
    while stack:
        x = pop()
        kind = type(x)
        if kind is str:
            if not x.isascii():
                try:
                    x.encode("utf-8")  # fails on a lone surrogate, which rfc8785 refuses
                except UnicodeEncodeError:
                    return False
        elif kind is dict:
            for k in x:
                if type(k) is not str or not k.isascii():
                    return False
            extend(x.values())
        elif kind is list:
            extend(x)
        elif kind is int:
            if not -(2**53) < x < 2**53:
                return False
        elif x is not None and kind is not bool:
            return False
    return True


def canonical(data: Any) -> bytes:
    """RFC 8785 canonical JSON of ``data``.

    The ``rfc8785`` package defines the bytes. For the JSON subset records consist of (no
    floats, ASCII keys, no lone surrogates) the standard library produces the identical
    bytes several times faster: keys sort the same, and both escape only '"', '\\' and
    control characters, the latter in the same forms. A property test holds the two equal;
    anything outside the subset goes through ``rfc8785``.
    """
    if _json_subset(data):
        return json.dumps(
            data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
        ).encode("utf-8")
    import rfc8785

    return bytes(rfc8785.dumps(data))


def _digest(data: Any) -> str:
    return "sha256:" + hashlib.sha256(canonical(data)).hexdigest()


def integrity_map(record: dict[str, Any]) -> dict[str, str]:
    """A digest per section and per step, so a broken signature can say what changed."""
    out: dict[str, str] = {}
    for name in SECTIONS:
        if name in OPTIONAL_SECTIONS and name not in record:
            continue
        if name == "steps":
            for s in record.get("steps") or []:
                out[f"steps/{s.get('step')}"] = _digest(s)
        else:
            out[name] = _digest(record.get(name))
    return out


def record_hash(record: dict[str, Any]) -> str:
    return _digest(record)


# --- building ---------------------------------------------------------------------------


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def build_record(
    session: Any,
    *,
    profile: Any | None,
    key_fingerprint: str | None,
    kind: str = "decision",
    previous: dict[str, Any] | None = None,
    sequence: int = 1,
    training: bool = False,
    override: Override | None = None,
    amendment_reason: str | None = None,
    confirmation: str | None = None,
) -> dict[str, Any]:
    """The record of a case as a plain dict (validated against :class:`Record`)."""
    from meldcode_cli import __version__
    from meldcode_cli.i18n.messages import get_lang
    from meldcode_cli.walk import view as walkview

    walk = session.walk
    compiled = walk.compiled
    proto = compiled.protocol
    case = session.case
    lang = str(case.header.get("lang") or get_lang())
    answered_at: dict[str, str] = {}
    step_times: dict[int, list[str]] = {}
    for e in case.entries:
        item_id = e.data.get("item")
        if e.type in ("answer", "shown", "note") and isinstance(item_id, str):
            if e.type == "answer":
                answered_at[item_id] = e.at
            ci = compiled.by_id.get(item_id)
            if ci is not None:
                step_times.setdefault(ci.step, []).append(e.at)
    notes_by_item: dict[str, list[NoteRecord]] = {}
    for n in walk.notes:
        notes_by_item.setdefault(n.item_id, []).append(
            NoteRecord(text=n.text, provenance=n.provenance, nature=n.nature, at=n.at)
        )
    relevant = walk.relevant()
    steps: list[StepRecord] = []
    for s in proto.steps:
        items = []
        for ci in relevant:
            if ci.step != s.step or not ci.answerable:
                continue
            value = walk.answers.get(ci.id)
            answer: Answer = sorted(value) if isinstance(value, frozenset) else value
            items.append(
                ItemRecord(
                    id=ci.id,
                    kind=ci.item.kind,
                    text=" ".join(ci.item.text.get(lang).split()),
                    answer=answer,
                    answer_text=walkview.answer_text(ci, value),
                    answered_at=answered_at.get(ci.id),
                    nature=getattr(ci.item, "nature", None),
                    notes=notes_by_item.get(ci.id, []),
                )
            )
        times = sorted(step_times.get(s.step, []))
        steps.append(
            StepRecord(
                step=s.step,
                title=s.title_for(walk.role).get(lang),
                started_at=times[0] if times else None,
                finished_at=times[-1] if times else None,
                items=items,
            )
        )
    decision = walk.decision()
    decision_record: DecisionRecord | VerstrekkingRecord | None = None
    verstrekking = walk.verstrekking()
    if verstrekking is not None:
        datum = walk.answers.get("verstrekking_vervolgdatum")
        decision_record = VerstrekkingRecord(
            besluit=verstrekking.besluit,
            verstrekt=verstrekking.verstrekt,
            deels=verstrekking.deels,
            open=verstrekking.open,
            grondslag=verstrekking.grondslag,
            vervolgdatum=str(datum) if verstrekking.open and datum else None,
            outcome=verstrekking.outcome,
        )
    if decision is not None:

        def shown_answer(iid: str) -> str | None:
            v = walk.answers.get(iid) if iid in {ci.id for ci in relevant} else None
            ci = compiled.by_id.get(iid)
            if v is None or ci is None:
                return None
            return walkview.answer_text(ci, v)

        decision_record = DecisionRecord(
            melden=decision.melden,
            hulp=decision.hulp,
            afsluiten=decision.afsluiten,
            afwegingen=dict(decision.afwegingen),
            meldnormen=list(decision.meldnormen),
            evaluatiedatum=(
                str(walk.answers.get("afweging_evaluatiedatum"))
                if walk.answers.get("afweging_evaluatiedatum")
                else None
            ),
            samen_met_veilig_thuis=decision.samen_met_veilig_thuis,
            onveiligheid_vastgesteld=decision.onveiligheid_vastgesteld,
            informed=Informed(
                geinformeerd=shown_answer("melding_geinformeerd"),
                reactie=shown_answer("melding_reactie"),
                uitzondering=shown_answer("melding_uitzondering"),
                pogingen=shown_answer("melding_pogingen"),
                anoniem=shown_answer("melding_anoniem"),
            ),
            outcome=decision.outcome,
            open_met_veilig_thuis=[f"afweging_{n}" for n in decision.open_met_veilig_thuis],
            eerder_gemeld=decision.eerder_gemeld,
            evaluatie=(
                EvaluationRecord(
                    day=walk.evaluation.day,
                    reason=walk.evaluation.reason,
                    early=walk.evaluation.early,
                    at=walk.evaluation.at,
                )
                if walk.evaluation is not None
                else None
            ),
        )
    professional = None
    if profile is not None:
        professional = Professional(
            name=profile.name,
            role=profile.role,
            organisation=profile.organisation,
            registration=profile.registration,
            contact=profile.contact,
        )
    body: dict[str, Any] = {
        "schema": "meldcode-record",
        "schema_version": RECORD_SCHEMA_VERSION,
        "record_id": str(uuid.uuid4()),
        "kind": kind,
        "sequence": sequence,
        "previous": previous,
        "training": training,
        "created_at": _now(),
        "provenance": Provenance(
            tool_version=__version__,
            protocol=ProtocolRef(
                id=proto.id,
                version=proto.version,
                title=proto.title.get(lang),
                hash=case.protocol_hash,
            ),
            role=case.role,
            case=case.label,
            lang=lang,
            professional=professional,
            key_fingerprint=key_fingerprint,
            organisatie=(
                OrganisatieRef(
                    id=compiled.organisatie.model.id,
                    name=compiled.organisatie.model.name,
                    hash=compiled.organisatie.hash,
                )
                if compiled.organisatie is not None
                else None
            ),
        ).model_dump(),
        "steps": [s.model_dump() for s in steps],
        "superseded": [
            SupersededRecord(
                item=x.item_id,
                value=sorted(x.value) if isinstance(x.value, frozenset) else x.value,
                reason=x.reason,
                at=x.at,
            ).model_dump()
            for x in walk.superseded
        ],
        "acute": [
            AcuteRecord(step=a.step, item=a.item_id, source=a.source, at=a.at).model_dump()
            for a in walk.acute_events
        ],
        "decision": decision_record.model_dump() if decision_record else None,
        "override": override.model_dump() if override else None,
        "amendment_reason": amendment_reason,
        "checks": _checks_record(walk, lang),
        "refutations": [
            RefutationRecord(
                item=r.item_id, value=r.value, text=r.text, source=r.source, at=r.at
            ).model_dump()
            for r in walk.refutations
        ],
    }
    if body["provenance"]["organisatie"] is None:  # records without an overlay: as before
        del body["provenance"]["organisatie"]
    if confirmation is not None:  # absent, not null, when nobody was asked (training)
        body["confirmation"] = confirmation
    body["integrity"] = integrity_map(body)
    Record.model_validate(body)  # a bug here must never produce a signed record
    return body


def _checks_record(walk: Any, lang: str) -> dict[str, Any]:
    """The fired checks with their justifications, and the hash of the check definitions."""
    fired: list[FiredCheck] = []
    for c in walk.fired_checks():
        j = walk.justifications.get(c.id)
        fired.append(
            FiredCheck(
                id=c.id,
                severity=c.severity,
                message=" ".join(c.check.message.get(lang).split()),
                shared=c.shared,
                justification=j.text if j else None,
                justified_at=j.at if j else None,
            )
        )
    return ChecksRecord(definitions_hash=walk.compiled.checks_hash, fired=fired).model_dump()


def sign_envelope(record: dict[str, Any], pair: Any | None) -> dict[str, Any]:
    """The file contents: the record and its signature block (None for training)."""
    from meldcode_cli.record import crypto

    if pair is None:
        return {"meldcode_signed_record": 1, "record": record, "signature": None}
    signature = pair.sign(canonical(record))
    return {
        "meldcode_signed_record": 1,
        "record": record,
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


# --- verifying --------------------------------------------------------------------------


class Unreadable(CaseError):
    """The input is not a record file at all (exit 2)."""


class SignatureBlock(_M):
    algorithm: Literal["Ed25519"]
    canonicalization: Literal["RFC8785"]
    key_fingerprint: str = Field(max_length=200)
    public_key: str = Field(max_length=200)
    signature: str = Field(max_length=400)


class Envelope(BaseModel):
    model_config = ConfigDict(extra="forbid")

    meldcode_signed_record: Literal[1] = 1
    record: dict[str, Any]
    signature: dict[str, Any] | None


class Unsigned(enum.Enum):
    """A record without a signature block: a TRAINING record (``--no-sign``) or one that
    was never signed (``meldcode sign`` can still sign it)."""

    TRAINING = "training"
    NOT_YET = "not-yet"


@dataclass
class VerifyResult:
    path: str
    valid: bool
    reasons: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    record: dict[str, Any] | None = None
    hash: str | None = None
    fingerprint: str | None = None
    key_checked: bool = False
    """The signing key was checked against --key or a keyring (not only the file's own)."""
    unsigned: Unsigned | None = None
    """Why there is no signature to check, when that is the only thing wrong; callers
    decide on this, never on the (translatable) text of ``reasons``."""


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


CONSULTATION_SUFFIX = "-consultation.json"


def is_consultation_file(path: Path) -> bool:
    """A signed collegiale consultatie in a case's chain (not a decision, amendment or
    evaluation): skipped wherever "the newest record" of a case is meant."""
    return path.name.endswith(CONSULTATION_SUFFIX)


def load_record(path: Path) -> dict[str, Any]:
    """The record of a file, checked against the schema (not the signature).

    Raises :class:`Unreadable` when it is not a record, or does not fit the schema.
    """
    record = load_envelope(path)["record"]
    try:
        Record.model_validate(record)
    except ValidationError as e:
        first = e.errors(include_url=False)[0]
        where = ".".join(str(x) for x in first["loc"])
        raise Unreadable(
            "error.core.geen_geldig_record", path=path, where=where, first_msg=first["msg"]
        ) from None
    assert isinstance(record, dict)
    return record


def verify_file(
    path: Path,
    *,
    public_key: bytes | None = None,
    keyring: Any | None = None,
    protocol_text: Any | None = None,
    colleagues: Any | None = None,
) -> VerifyResult:
    """Verify one record file. Raises Unreadable for input that is not a record at all."""
    from meldcode_cli.record import crypto

    env = load_envelope(path)
    result = VerifyResult(str(path), False)
    record = env["record"]
    sig = env["signature"]
    if not isinstance(record, dict):
        result.reasons.append("'record' is geen object")
        return result
    version = record.get("schema_version")
    if version != RECORD_SCHEMA_VERSION:
        result.reasons.append(
            f"onbekende schema_version {version!r:.40}: deze versie van meldcode leest "
            f"{RECORD_SCHEMA_VERSION}; gebruik een nieuwere meldcode"
        )
        return result
    try:
        Record.model_validate(record)
    except ValidationError as e:
        first = e.errors(include_url=False)[0]
        where = ".".join(str(x) for x in first["loc"])
        result.reasons.append(f"record past niet in het schema: {where}: {first['msg']}")
        result.hash = record_hash(record)
        return result  # a record of the wrong shape is not navigated any further
    result.record = record
    result.hash = record_hash(record)
    if sig is None:
        training = bool(record.get("training"))
        result.unsigned = Unsigned.TRAINING if training else Unsigned.NOT_YET
        result.reasons.append("niet ondertekend (OEFENING)" if training else "niet ondertekend")
        return result
    try:
        block = SignatureBlock.model_validate(sig)
        pub = crypto.unb64(block.public_key)
        signature = crypto.unb64(block.signature)
        fp = block.key_fingerprint
        if len(pub) != 32 or len(signature) != 64:
            raise ValueError("sleutel of handtekening heeft niet de lengte van Ed25519")
    except ValidationError as e:
        first = e.errors(include_url=False)[0]
        where = ".".join(str(x) for x in first["loc"])
        result.reasons.append(
            f"handtekeningblok onleesbaar: {where}: {first['msg']} (alleen Ed25519 met "
            "RFC 8785 wordt aanvaard)"
        )
        return result
    except (TypeError, ValueError) as e:
        result.reasons.append(f"handtekeningblok onleesbaar: {e}")
        return result
    result.fingerprint = fp
    if crypto.fingerprint(pub) != fp:
        result.reasons.append("vingerafdruk past niet bij de publieke sleutel in het bestand")
    if record.get("provenance", {}).get("key_fingerprint") not in (None, fp):
        result.reasons.append("de sleutel in het record is niet de sleutel die ondertekende")
    if public_key is not None:
        if pub != public_key:
            result.reasons.append("ondertekend met een andere sleutel dan --key")
        else:
            result.key_checked = True
    if keyring is not None:
        entry = keyring.find(fp)
        if entry is None:
            result.reasons.append(f"sleutel {fp} staat niet in de sleutelring")
        elif crypto.b64(pub) != entry.public_key:
            result.reasons.append(f"sleutel {fp} in het bestand is niet die in de sleutelring")
        else:
            result.key_checked = True
            created = str(record.get("created_at", ""))
            if created < entry.valid_from or (entry.valid_until and created > entry.valid_until):
                result.reasons.append(
                    f"record gemaakt op {created}, buiten de geldigheid van sleutel {fp}"
                )
    if not crypto.verify(pub, signature, canonical(record)):
        changed = [
            k for k, v in integrity_map(record).items() if record.get("integrity", {}).get(k) != v
        ]
        missing = [k for k in record.get("integrity", {}) if k not in integrity_map(record)]
        if changed or missing:
            result.reasons.append(
                "handtekening klopt niet: gewijzigd sinds ondertekening: "
                + ", ".join(changed + missing)
            )
        else:
            result.reasons.append(
                "handtekening klopt niet: de handtekening, het integriteitsoverzicht of de "
                "kopgegevens (record_id, datum, volgnummer) zijn gewijzigd, of de sleutel is "
                "een andere"
            )
    if record.get("kind") == "consultation" or record.get("consultation") is not None:
        from meldcode_cli.record.consult import check_embedded

        problems, notes = check_embedded(record, colleagues=colleagues, own=keyring)
        result.reasons += problems
        result.notes += notes
    if protocol_text is not None:
        from meldcode_cli.walk.casestore import protocol_hash

        ref = record.get("provenance", {}).get("protocol", {})
        text, version_at_hand = protocol_text
        if protocol_hash(text) != ref.get("hash"):
            if version_at_hand == ref.get("version"):
                result.reasons.append(
                    f"protocol {ref.get('id')} {version_at_hand} hier wijkt af van het "
                    "protocol waarmee het record is gemaakt (zelfde versie, andere inhoud)"
                )
            else:
                result.notes.append(
                    f"protocol {ref.get('id')} is hier versie {version_at_hand}; het record "
                    f"gebruikte versie {ref.get('version')}"
                )
        else:
            result.notes.append(f"protocol {ref.get('id')} {ref.get('version')}: hash klopt")
    result.valid = not result.reasons
    return result


def verify_chain(results: list[VerifyResult], files: list[Path] | None = None) -> list[str]:
    """Problems in the chains of the cases these records belong to."""
    problems: list[str] = []
    by_case: dict[str, list[VerifyResult]] = {}
    for r in results:
        if r.record is None:
            continue
        case = str(r.record.get("provenance", {}).get("case"))
        by_case.setdefault(case, []).append(r)
    for case, rs in by_case.items():
        rs.sort(key=lambda r: int((r.record or {}).get("sequence", 0)))
        expected_prev: VerifyResult | None = None
        for i, r in enumerate(rs, 1):
            rec = r.record or {}
            seq = rec.get("sequence")
            if seq != i:
                problems.append(
                    f"casus {case}: record {seq} volgt op record {i - 1}; "
                    f"er ontbreekt een record in de keten"
                )
            prev = rec.get("previous")
            if expected_prev is None:
                if prev is not None:
                    problems.append(
                        f"casus {case}: record {seq} verwijst naar een eerder record dat ontbreekt"
                    )
            elif (
                not prev
                or prev.get("hash") != expected_prev.hash
                or prev.get("record_id") != (expected_prev.record or {}).get("record_id")
            ):
                problems.append(
                    f"casus {case}: record {seq} verwijst niet naar record "
                    f"{(expected_prev.record or {}).get('sequence')} (keten gebroken)"
                )
            name = Path(r.path).name
            if files is not None and name[:4].isdigit() and int(name[:4]) != seq:
                problems.append(
                    f"casus {case}: bestand {name} bevat record {seq} (volgorde gewijzigd)"
                )
            expected_prev = r
    return problems
