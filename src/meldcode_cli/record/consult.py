"""The verifiable collegiale consultatie: its files, signatures and checks (no prompts).

Three steps, two people, two machines::

    requester   meldcode consult CASE --vraag "..."         -> consult-<id>.json (the request)
    colleague   meldcode consult answer consult-<id>.json   -> consult-<id>-antwoord.json
    requester   meldcode consult import CASE consult-<id>-antwoord.json

The request holds the same pseudonymised, leak-checked summary as ``report --advies`` (roles
and ages, no names, dates of birth or addresses) and the question; nothing else of the case
leaves the practice. Its id and hash are kept in the case's journal. The colleague reads it,
writes advice and signs the answer with their own key (Ed25519 over RFC 8785, as records).
The import checks the signature, that the answer belongs to a request of *this* case, and
that the key is a colleague's key the requester trusts (``meldcode key trust``); the answer
then becomes a record of kind ``consultation`` in the case's chain, signed by the requester
and holding the colleague's signed answer, which ``verify`` checks again. See
``docs/consult.md``.

This module holds the data model, the canonical files and the checks (typed
:class:`~meldcode_cli.record.findings.Finding`\\ s); what is shown and asked on the way is
the command's (:mod:`meldcode_cli.cli.consultflow`).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from meldcode_cli.errors import Text
from meldcode_cli.record.findings import Finding, Problem
from meldcode_cli.walk.casestore import CaseError, atomic_write

__all__ = [
    "ANSWER_FORMAT",
    "REQUEST_FORMAT",
    "ConsultRefused",
    "ImportOutcome",
    "add_consultation",
    "chain_consultations",
    "check_advice",
    "check_embedded",
    "check_for_case",
    "journal_consultations",
    "load_answer",
    "load_colleagues",
    "load_request",
    "new_request",
    "refusal",
    "save_request",
    "sign_answer",
    "trust_key",
    "write_answer",
]

REQUEST_FORMAT: Literal["meldcode-consult-request"] = "meldcode-consult-request"
ANSWER_FORMAT: Literal["meldcode-consult-answer"] = "meldcode-consult-answer"
MAX_TEXT = 20_000


class ConsultRefused(CaseError):
    """The answer is not accepted (exit 1): changed, for another case, or an unknown key."""


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ProtocolInfo(_M):
    id: str = Field(max_length=100)
    version: str = Field(max_length=40)
    title: str = Field(max_length=300)


class Request(_M):
    format: Literal["meldcode-consult-request"] = REQUEST_FORMAT
    version: Literal[1] = 1
    request_id: str = Field(max_length=64)
    requested_on: str = Field(max_length=10, description="JJJJ-MM-DD, the day of the request")
    lang: str = Field(max_length=5)
    protocol: ProtocolInfo
    role: str = Field(max_length=40)
    step: int = Field(ge=1, le=5)
    question: str = Field(min_length=1, max_length=MAX_TEXT)
    summary: str = Field(max_length=200_000)


class Consultant(_M):
    name: str = Field(max_length=200)
    role: str = Field(max_length=40)
    organisation: str = Field(max_length=200)
    registration: str | None = Field(default=None, max_length=50)


class Answer(_M):
    schema_: Literal["meldcode-consultation"] = Field(
        alias="schema", default="meldcode-consultation"
    )
    schema_version: Literal[1] = 1
    request: Request
    request_hash: str = Field(max_length=80)
    advice: str = Field(min_length=1, max_length=MAX_TEXT)
    answered_at: str = Field(max_length=40)
    consultant: Consultant
    key_fingerprint: str = Field(max_length=200)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class AnswerEnvelope(_M):
    format: Literal["meldcode-consult-answer"] = ANSWER_FORMAT
    answer: dict[str, Any]
    signature: dict[str, Any]


class ColleagueKeys(_M):
    format: Literal["meldcode-colleague-keys"] = "meldcode-colleague-keys"
    keys: list[Any] = Field(default_factory=list)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _write_json(path: Path, data: Any) -> None:
    # absolute: a relative name in the current folder is that folder's, also when it is
    # inside the data folder (atomic_write checks the folder it writes in)
    atomic_write(path.absolute(), (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode())


def request_hash(request: dict[str, Any]) -> str:
    from meldcode_cli.record.canonical import record_hash

    return record_hash(request)


def _load(path: Path, limit_name: str) -> Any:
    """A JSON file through :mod:`jsonio` (bounded, strict); CaseError when it cannot be read."""
    from meldcode_cli.files import jsonio

    try:
        return jsonio.load_json_file(path, limit=getattr(jsonio, limit_name))
    except FileNotFoundError:
        raise CaseError("consult.missing", path=path) from None
    except jsonio.JsonFileError as e:
        raise CaseError(e.key, **e.params) from None


# --- trusted colleague keys -------------------------------------------------------------


def colleagues_path(store: Any) -> Path:
    return Path(store.root) / "colleagues.json"


def load_colleagues(store: Any) -> Any | None:
    """The colleagues' public keys this profile trusts (a Keyring), or None when none."""
    from meldcode_cli.files import jsonio
    from meldcode_cli.record.profile import Keyring, KeyringEntry

    path = colleagues_path(store)
    if not path.exists():
        return None
    try:
        data = jsonio.load_json_file(path, limit=jsonio.LIMIT_SMALL, nofollow=True)
        parsed = jsonio.validate(ColleagueKeys, data, path)
        return Keyring(keys=[KeyringEntry.model_validate(k) for k in parsed.keys])
    except (CaseError, ValueError) as e:
        raise CaseError("consult.trust.unreadable", path=path, error=str(e)) from None


def trust_key(file: Path, *, store: Any | None = None) -> tuple[str, str]:
    """``meldcode key trust FILE``: add a colleague's public key (from ``meldcode key
    export``) to the keys this profile accepts consultations from. Returns (fp, owner)."""
    from meldcode_cli.files import jsonio
    from meldcode_cli.record import crypto
    from meldcode_cli.record.profile import KeyringEntry, ProfileStore

    store = store or ProfileStore()
    try:
        data = jsonio.load_json_file(file, limit=jsonio.LIMIT_SMALL)
    except FileNotFoundError:
        raise CaseError("consult.trust.missing", path=file) from None
    except jsonio.JsonFileError as e:
        raise CaseError(e.key, **e.params) from None
    if not isinstance(data, dict) or data.get("format") != "meldcode-public-key":
        raise CaseError("consult.trust.not_a_key", path=file)
    fields = {k: v for k, v in data.items() if k != "format"}
    entry = jsonio.validate(KeyringEntry, fields, file)
    try:
        pub = crypto.unb64(entry.public_key)
    except ValueError:
        raise CaseError("consult.trust.not_a_key", path=file) from None
    if len(pub) != 32 or crypto.fingerprint(pub) != entry.fingerprint:
        raise CaseError("consult.trust.fingerprint", path=file)
    if store.keyring().find(entry.fingerprint) is not None:
        raise CaseError("consult.trust.own", fp=entry.fingerprint)
    ring = load_colleagues(store)
    keys = list(ring.keys) if ring is not None else []
    keys = [k for k in keys if k.fingerprint != entry.fingerprint] + [entry]
    store.root.mkdir(parents=True, exist_ok=True)
    body = {"format": "meldcode-colleague-keys", "keys": [k.model_dump() for k in keys]}
    _write_json(colleagues_path(store), body)
    return entry.fingerprint, entry.owner


# --- the request ------------------------------------------------------------------------


def new_request(
    *, question: str, record: Any, role: str, step: int, summary: str, day: str
) -> dict[str, Any]:
    """The request file's contents: the case's protocol and role (from its ``record``
    draft), the step it is at, the leak-checked ``summary`` and the question."""
    proto = record.protocol
    return Request(
        request_id=str(uuid.uuid4()),
        requested_on=day,
        lang=record.provenance.lang or "nl",
        protocol=ProtocolInfo(id=proto.id, version=proto.version, title=proto.title),
        role=role,
        step=max(1, min(5, step)),
        question=question,
        summary=summary,
    ).model_dump()


def save_request(case: Any, request: dict[str, Any], path: Path) -> None:
    """The request's id and hash into the case's journal, then the request file."""
    case.append(
        "consult_request",
        request_id=request["request_id"],
        hash=request_hash(request),
        question=request["question"],
    )
    _write_json(path, request)


def load_request(path: Path) -> dict[str, Any]:
    from meldcode_cli.files import jsonio

    data = _load(path, "LIMIT_RECORD")
    if not isinstance(data, dict) or data.get("format") != REQUEST_FORMAT:
        raise CaseError("consult.answer.not_a_request", path=path)
    jsonio.validate(Request, data, path)
    return data


# --- the answer (the colleague) -------------------------------------------------------


def check_advice(advice: str | None) -> str:
    """The advice as it is signed: stripped, not empty, not too long."""
    advice = (advice or "").strip()
    if not advice:
        raise CaseError("consult.answer.no_advice")
    if len(advice) > MAX_TEXT:
        raise CaseError("consult.answer.too_long", n=MAX_TEXT)
    return advice


def sign_answer(request: dict[str, Any], advice: str, profile: Any, pair: Any) -> dict[str, Any]:
    """The signed answer file: the request, its hash and the advice, signed by ``pair``."""
    from meldcode_cli.record import crypto
    from meldcode_cli.record.canonical import canonical

    body = Answer(
        request=Request.model_validate(request),
        request_hash=request_hash(request),
        advice=advice,
        answered_at=_now(),
        consultant=Consultant(
            name=profile.name,
            role=profile.role,
            organisation=profile.organisation,
            registration=profile.registration,
        ),
        key_fingerprint=pair.fingerprint,
    ).model_dump(by_alias=True)
    return {
        "format": ANSWER_FORMAT,
        "answer": body,
        "signature": {
            "algorithm": crypto.ALGORITHM,
            "canonicalization": "RFC8785",
            "key_fingerprint": pair.fingerprint,
            "public_key": crypto.b64(pair.public_bytes),
            "signature": crypto.b64(pair.sign(canonical(body))),
        },
    }


def write_answer(path: Path, envelope: dict[str, Any]) -> None:
    _write_json(path, envelope)


# --- checking an answer -----------------------------------------------------------------


def signature_problems(envelope: Any) -> tuple[list[Finding], dict[str, Any] | None, str | None]:
    """What is wrong with a signed answer in itself: its shape, and whether the signature
    holds over the answer. Returns (problems, answer, fingerprint)."""
    from meldcode_cli.record import crypto
    from meldcode_cli.record.canonical import canonical
    from meldcode_cli.record.model import SignatureBlock

    try:
        env = AnswerEnvelope.model_validate(envelope)
        answer = Answer.model_validate(env.answer)
        block = SignatureBlock.model_validate(env.signature)
        pub = crypto.unb64(block.public_key)
        sig = crypto.unb64(block.signature)
    except (ValueError, TypeError) as e:
        first = str(e).splitlines()[0]
        return [Finding(Problem.CONSULT_UNREADABLE, {"error": first})], None, None
    fp = block.key_fingerprint
    problems = []
    if (
        len(pub) != 32
        or len(sig) != 64
        or crypto.fingerprint(pub) != fp
        or answer.key_fingerprint != fp
    ):
        problems.append(Finding(Problem.CONSULT_KEY_MISMATCH))
    elif not crypto.verify(pub, sig, canonical(env.answer)):
        problems.append(Finding(Problem.CONSULT_TAMPERED))
    elif request_hash(env.answer["request"]) != answer.request_hash:
        problems.append(Finding(Problem.CONSULT_REQUEST_CHANGED))
    return problems, env.answer, fp


def key_problems(
    fp: str | None, public_key: str, answered_at: str, colleagues: Any | None, own: Any | None
) -> tuple[list[Finding], bool]:
    """Whether the colleague's key is one this profile trusts: (problems, checked)."""
    if fp is None:
        return [], False
    if own is not None and own.find(fp) is not None:
        return [Finding(Problem.CONSULT_OWN_KEY)], True
    entry = colleagues.find(fp) if colleagues is not None else None
    if entry is None or entry.public_key != public_key:
        return [Finding(Problem.CONSULT_UNKNOWN_KEY, {"fp": fp})], False
    if answered_at < entry.valid_from or (entry.valid_until and answered_at > entry.valid_until):
        return [Finding(Problem.CONSULT_KEY_EXPIRED, {"fp": fp})], True
    return [], True


def check_embedded(
    record: dict[str, Any], *, colleagues: Any | None, own: Any | None
) -> tuple[list[Finding], list[Finding]]:
    """For ``verify``: the colleague's signed answer inside a consultation record
    (problems, notes)."""
    envelope = record.get("consultation")
    if record.get("kind") != "consultation" or not isinstance(envelope, dict):
        return [Finding(Problem.CONSULT_NOT_CONSULTATION)], []
    problems, answer, fp = signature_problems(envelope)
    if problems or answer is None or fp is None:
        return problems, []
    pub = str(envelope["signature"]["public_key"])
    kp, checked = key_problems(fp, pub, str(answer["answered_at"]), colleagues, own)
    if colleagues is None and not checked:
        # no colleague keys here (a verifier elsewhere): the signature holds, the key is
        # not vouched for; said, not hidden
        return [], [Finding(Problem.CONSULT_KEY_UNCHECKED, {"fp": fp})]
    if kp:
        return kp, []
    return [], [Finding(Problem.CONSULT_OK, {"name": str(answer["consultant"]["name"]), "fp": fp})]


def refusal(path: Path, finding: Finding) -> ConsultRefused:
    """The answer in ``path`` is not accepted, and why (the finding, said at the edge)."""
    reason = Text(f"verify.reason.{finding.problem.value}", **finding.params)
    return ConsultRefused("consult.import.refused_because", path=path, reason=reason)


def load_answer(file: Path) -> tuple[dict[str, Any], dict[str, Any], str]:
    """A signed answer file whose signature holds: (file contents, answer, fingerprint).
    ConsultRefused when it does not hold."""
    data = _load(file, "LIMIT_RECORD")
    if not isinstance(data, dict) or data.get("format") != ANSWER_FORMAT:
        raise CaseError("consult.import.not_an_answer", path=file)
    problems, answer, fp = signature_problems(data)
    if problems or answer is None or fp is None:  # no problems: the answer was read
        raise refusal(file, problems[0])
    return data, answer, fp


def check_for_case(
    case: Any,
    file: Path,
    data: dict[str, Any],
    answer: dict[str, Any],
    *,
    colleagues: Any | None,
    own: Any | None,
) -> None:
    """That the answer belongs to a request of this case, is not in it yet, and is signed
    by a colleague's key this profile trusts. ConsultRefused (or CaseError) otherwise."""
    request_id = answer["request"]["request_id"]
    asked = [e for e in case.entries if e.type == "consult_request"]
    mine = next((e for e in asked if e.data.get("request_id") == request_id), None)
    if mine is None:
        raise ConsultRefused("consult.import.other_case", path=file, label=case.label)
    if mine.data.get("hash") != answer["request_hash"]:
        raise ConsultRefused("consult.import.request_changed", path=file)
    done = [e for e in case.entries if e.type == "consultation"]
    if any(e.data.get("request_id") == request_id for e in done):
        raise CaseError("consult.import.already", label=case.label)
    kp, _checked = key_problems(
        str(data["signature"]["key_fingerprint"]),
        str(data["signature"]["public_key"]),
        str(answer["answered_at"]),
        colleagues,
        own,
    )
    if kp:
        raise refusal(file, kp[0])


@dataclass
class ImportOutcome:
    path: Path
    consultant: str
    fingerprint: str


def add_consultation(
    session: Any,
    data: dict[str, Any],
    answer: dict[str, Any],
    fp: str,
    *,
    profile: Any,
    pair: Any,
    confirmation: str,
) -> ImportOutcome:
    """The next record of the case's chain, of kind ``consultation``: the colleague's signed
    answer (``data``, the file as signed), signed by the requester's ``pair``; journalled."""
    from meldcode_cli import __version__
    from meldcode_cli.record.canonical import integrity_map, record_hash
    from meldcode_cli.record.model import Record
    from meldcode_cli.record.store import load_envelope, records_of, sign_envelope, write_record

    case = session.case
    existing = records_of(session)
    previous = None
    if existing:
        last = load_envelope(existing[-1])["record"]
        previous = {"record_id": last["record_id"], "hash": record_hash(last)}
    proto = session.compiled.protocol
    lang = str(case.header.get("lang") or "nl")
    body: dict[str, Any] = {
        "schema": "meldcode-record",
        "schema_version": 1,
        "record_id": str(uuid.uuid4()),
        "kind": "consultation",
        "sequence": len(existing) + 1,
        "previous": previous,
        "training": False,
        "created_at": _now(),
        "provenance": {
            "tool": "meldcode-cli",
            "tool_version": __version__,
            "protocol": {
                "id": proto.id,
                "version": proto.version,
                "title": proto.title.get(lang),
                "hash": case.protocol_hash,
            },
            "role": case.role,
            "case": case.label,
            "lang": lang,
            "professional": {
                "name": profile.name,
                "role": profile.role,
                "organisation": profile.organisation,
                "registration": profile.registration,
                "contact": profile.contact,
            },
            "key_fingerprint": pair.fingerprint,
        },
        "steps": [],
        "superseded": [],
        "acute": [],
        "decision": None,
        "override": None,
        "amendment_reason": None,
        "confirmation": confirmation,
        "consultation": data,
    }
    body["integrity"] = integrity_map(body)
    Record.model_validate(body)
    path = write_record(case.folder / "records", sign_envelope(body, pair))
    consultant = answer["consultant"]
    case.append(
        "consultation",
        record=path.name,
        hash=record_hash(body),
        request_id=answer["request"]["request_id"],
        consultant=consultant["name"],
        consultant_role=consultant["role"],
        fingerprint=fp,
        answered_at=answer["answered_at"],
    )
    return ImportOutcome(path, str(consultant["name"]), fp)


# --- reading them back ------------------------------------------------------------------


def chain_consultations(record_path: Path) -> list[dict[str, Any]]:
    """The signed consultations in the chain of the case a record file belongs to (their
    answers, as signed). Ones whose signature does not hold are left out (verify says why)."""
    from meldcode_cli.record.store import is_consultation_file, load_envelope

    folder = record_path.parent if record_path.is_file() else record_path
    if folder.name != "records":
        folder = folder / "records"
    if not folder.is_dir():
        return []
    out = []
    for p in sorted(folder.glob("[0-9][0-9][0-9][0-9]-*.json")):
        if not is_consultation_file(p):
            continue
        try:
            env = load_envelope(p)["record"].get("consultation")
        except CaseError:
            continue
        problems, answer, _ = signature_problems(env)
        if not problems and answer is not None:
            out.append(answer)
    return out


def journal_consultations(case: Any) -> list[dict[str, Any]]:
    """The ``consultation`` entries of a case journal (name, role, date, fingerprint)."""
    return [dict(e.data) for e in case.entries if e.type == "consultation"]
