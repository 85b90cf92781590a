"""The verifiable collegiale consultatie (``meldcode consult``).

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
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TextIO

from pydantic import BaseModel, ConfigDict, Field

from meldcode_cli.i18n.messages import t
from meldcode_cli.walk.casestore import CaseError, atomic_write

__all__ = [
    "ANSWER_FORMAT",
    "REQUEST_FORMAT",
    "ConsultRefused",
    "answer_request",
    "chain_consultations",
    "check_embedded",
    "import_answer",
    "make_request",
    "report_entries",
    "trust_key",
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


def request_hash(request: dict[str, Any]) -> str:
    from meldcode_cli.record.canonical import record_hash

    return record_hash(request)


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
        raise CaseError(t("consult.trust.unreadable", path=path, error=str(e))) from None


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
        raise CaseError(t("consult.trust.missing", path=file)) from None
    except jsonio.JsonFileError as e:
        raise CaseError(e.message) from None
    if not isinstance(data, dict) or data.get("format") != "meldcode-public-key":
        raise CaseError(t("consult.trust.not_a_key", path=file))
    fields = {k: v for k, v in data.items() if k != "format"}
    entry = jsonio.validate(KeyringEntry, fields, file)
    try:
        pub = crypto.unb64(entry.public_key)
    except ValueError:
        raise CaseError(t("consult.trust.not_a_key", path=file)) from None
    if len(pub) != 32 or crypto.fingerprint(pub) != entry.fingerprint:
        raise CaseError(t("consult.trust.fingerprint", path=file))
    if store.keyring().find(entry.fingerprint) is not None:
        raise CaseError(t("consult.trust.own", fp=entry.fingerprint))
    ring = load_colleagues(store)
    keys = list(ring.keys) if ring is not None else []
    keys = [k for k in keys if k.fingerprint != entry.fingerprint] + [entry]
    store.root.mkdir(parents=True, exist_ok=True)
    body = {"format": "meldcode-colleague-keys", "keys": [k.model_dump() for k in keys]}
    atomic_write(
        colleagues_path(store), (json.dumps(body, ensure_ascii=False, indent=2) + "\n").encode()
    )
    return entry.fingerprint, entry.owner


# --- the request ------------------------------------------------------------------------


@dataclass
class RequestOutcome:
    path: Path
    request_id: str
    warnings: list[str]


def make_request(
    label: str,
    question: str,
    *,
    output: Path | None = None,
    betrokkenen: Path | None = None,
    stdin: TextIO | None = None,
    prompt_out: TextIO | None = None,
    today: dt.date | None = None,
    store: Any | None = None,
) -> RequestOutcome:
    """``meldcode consult CASE``: the leak-checked advies summary of the case with the
    question, as a request file; its id and hash go into the case's journal."""
    from meldcode_cli.report.command import ReportRequest, make_report
    from meldcode_cli.walk.casestore import CaseStore
    from meldcode_cli.walk.midcase import case_view

    question = " ".join(question.split()) if question else ""
    if not question:
        raise CaseError(t("consult.request.no_question"))
    store = store or CaseStore()
    view = case_view(label, store=store, today=today)
    err = prompt_out or sys.stderr
    outcome = make_report(
        ReportRequest(label, "txt", None, betrokkenen, advies=True, vraag=question),
        stdin=stdin if stdin is not None else io.StringIO(),
        prompt_out=err,
        today=today,
    )
    record = view.record
    proto = record.protocol
    day = (today or dt.date.today()).isoformat()
    request = Request(
        request_id=str(uuid.uuid4()),
        requested_on=day,
        lang=record.provenance.lang or "nl",
        protocol=ProtocolInfo(id=proto.id, version=proto.version, title=proto.title),
        role=view.session.case.role,
        step=max(1, min(5, view.step)),
        question=question,
        summary=outcome.text,
    ).model_dump()
    digest = request_hash(request)
    path = output or Path(f"consult-{request['request_id'][:8]}.json")
    view.session.case.append(
        "consult_request", request_id=request["request_id"], hash=digest, question=question
    )
    atomic_write(path, (json.dumps(request, ensure_ascii=False, indent=2) + "\n").encode())
    return RequestOutcome(path, request["request_id"], outcome.warnings)


def load_request(path: Path) -> dict[str, Any]:
    from meldcode_cli.files import jsonio

    try:
        data = jsonio.load_json_file(path, limit=jsonio.LIMIT_RECORD)
    except FileNotFoundError:
        raise CaseError(t("consult.missing", path=path)) from None
    except jsonio.JsonFileError as e:
        raise CaseError(e.message) from None
    if not isinstance(data, dict) or data.get("format") != REQUEST_FORMAT:
        raise CaseError(t("consult.answer.not_a_request", path=path))
    jsonio.validate(Request, data, path)
    return data


# --- the answer (the colleague) -------------------------------------------------------


def _ask_advice(stdin: TextIO, out: TextIO) -> str:
    _say(out, t("consult.answer.ask"))
    lines: list[str] = []
    while True:
        line = stdin.readline()
        if line == "" or not line.strip():
            break
        lines.append(line.rstrip("\n"))
    return "\n".join(lines).strip()


def _say(out: TextIO, *lines: str) -> None:
    """Lines to the person; on a terminal wrapped at word boundaries."""
    from meldcode_cli.walk.prompt.lines import write_lines

    write_lines(out, *lines)


def _confirm(stdin: TextIO, out: TextIO, lines: list[str], *, yes: bool) -> bool:
    _say(out, *lines)
    if yes:
        _say(out, t("consult.confirmed_yes"))
        return True
    if not stdin.isatty():
        raise CaseError(t("consult.answer.needs_yes"))
    out.write(t("consult.answer.confirm") + " ")
    out.flush()
    reply = stdin.readline().strip().casefold()
    return reply in ("j", "ja", "y", "yes")


def answer_request(
    file: Path,
    *,
    advice: str | None,
    passphrase: Callable[[], str],
    output: Path | None = None,
    yes: bool = False,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    store: Any | None = None,
) -> Path | None:
    """``meldcode consult answer FILE``: show the request, take the advice, sign it with
    the colleague's own key. None when the colleague did not confirm."""
    from meldcode_cli.record import crypto
    from meldcode_cli.record.canonical import canonical
    from meldcode_cli.record.profile import ProfileStore

    stdin = sys.stdin if stdin is None else stdin
    stdout = sys.stdout if stdout is None else stdout
    request = load_request(file)
    store = store or ProfileStore()
    profile = store.load()
    _say(
        stdout,
        t("consult.answer.intro", id=request["request_id"][:8]),
        "",
        *str(request["summary"]).rstrip("\n").split("\n"),
        "",
        t("consult.answer.question", question=request["question"]),
        "",
    )
    if advice is None:
        if not stdin.isatty():
            raise CaseError(t("consult.answer.no_advice"))
        advice = _ask_advice(stdin, stdout)
    advice = advice.strip()
    if not advice:
        raise CaseError(t("consult.answer.no_advice"))
    if len(advice) > MAX_TEXT:
        raise CaseError(t("consult.answer.too_long", n=MAX_TEXT))
    confirm_lines = [
        t("consult.answer.signing", name=profile.name, role=profile.role),
        t("consult.answer.your_advice"),
        *("    " + ln for ln in advice.split("\n")),
    ]
    if not _confirm(stdin, stdout, confirm_lines, yes=yes):
        _say(stdout, t("consult.answer.not_signed"))
        return None
    pair = store.unlock(passphrase())
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
    envelope = {
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
    path = output or file.with_name(file.stem + "-antwoord.json")
    atomic_write(path, (json.dumps(envelope, ensure_ascii=False, indent=2) + "\n").encode())
    return path


# --- checking an answer -----------------------------------------------------------------


def signature_problems(envelope: Any) -> tuple[list[str], dict[str, Any] | None, str | None]:
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
        return [t("consult.check.unreadable", error=first)], None, None
    fp = block.key_fingerprint
    problems = []
    if (
        len(pub) != 32
        or len(sig) != 64
        or crypto.fingerprint(pub) != fp
        or answer.key_fingerprint != fp
    ):
        problems.append(t("consult.check.key_mismatch"))
    elif not crypto.verify(pub, sig, canonical(env.answer)):
        problems.append(t("consult.check.tampered"))
    elif request_hash(env.answer["request"]) != answer.request_hash:
        problems.append(t("consult.check.request_changed"))
    return problems, env.answer, fp


def key_problems(
    fp: str | None, public_key: str, answered_at: str, colleagues: Any | None, own: Any | None
) -> tuple[list[str], bool]:
    """Whether the colleague's key is one this profile trusts: (problems, checked)."""
    if fp is None:
        return [], False
    if own is not None and own.find(fp) is not None:
        return [t("consult.check.own_key")], True
    entry = colleagues.find(fp) if colleagues is not None else None
    if entry is None:
        return [t("consult.check.unknown_key", fp=fp)], False
    if entry.public_key != public_key:
        return [t("consult.check.unknown_key", fp=fp)], False
    if answered_at < entry.valid_from or (entry.valid_until and answered_at > entry.valid_until):
        return [t("consult.check.key_expired", fp=fp)], True
    return [], True


def check_embedded(
    record: dict[str, Any], *, colleagues: Any | None, own: Any | None
) -> tuple[list[str], list[str]]:
    """For ``verify``: the colleague's signed answer inside a consultation record."""
    envelope = record.get("consultation")
    if record.get("kind") != "consultation" or not isinstance(envelope, dict):
        return [t("consult.check.not_consultation")], []
    problems, answer, fp = signature_problems(envelope)
    if problems or answer is None:
        return problems, []
    pub = str(envelope["signature"]["public_key"])
    kp, checked = key_problems(fp, pub, str(answer["answered_at"]), colleagues, own)
    if colleagues is None and not checked:
        # no colleague keys here (a verifier elsewhere): the signature holds, the key is
        # not vouched for; said, not hidden
        return [], [t("consult.check.key_unchecked", fp=fp)]
    if kp:
        return kp, []
    return [], [t("consult.check.ok", name=answer["consultant"]["name"], fp=fp)]


# --- the import (the requester) ----------------------------------------------------------


@dataclass
class ImportOutcome:
    path: Path
    consultant: str
    fingerprint: str


def import_answer(  # noqa: PLR0915 - issue 14: to split
    label: str,
    file: Path,
    *,
    passphrase: Callable[[], str],
    yes: bool = False,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    store: Any | None = None,
    profiles: Any | None = None,
) -> ImportOutcome | None:
    """``meldcode consult import CASE FILE``: check the signed answer and add it to the
    case's chain as a ``consultation`` record. ConsultRefused when it is not accepted."""
    from meldcode_cli.files import jsonio
    from meldcode_cli.record.canonical import integrity_map, record_hash
    from meldcode_cli.record.model import Record
    from meldcode_cli.record.profile import ProfileStore
    from meldcode_cli.record.signing import check_role, records_of, unlock_asking
    from meldcode_cli.record.store import sign_envelope, write_record
    from meldcode_cli.walk.casestore import CaseStore
    from meldcode_cli.walk.session import Session

    stdin = sys.stdin if stdin is None else stdin
    stdout = sys.stdout if stdout is None else stdout
    profiles = profiles or ProfileStore()
    try:
        data = jsonio.load_json_file(file, limit=jsonio.LIMIT_RECORD)
    except FileNotFoundError:
        raise CaseError(t("consult.missing", path=file)) from None
    except jsonio.JsonFileError as e:
        raise CaseError(e.message) from None
    if not isinstance(data, dict) or data.get("format") != ANSWER_FORMAT:
        raise CaseError(t("consult.import.not_an_answer", path=file))
    problems, answer, fp = signature_problems(data)
    if problems or answer is None or fp is None:
        raise ConsultRefused(t("consult.import.refused", path=file) + " " + "; ".join(problems))
    session, _ = Session.resume(store or CaseStore(), label)
    case = session.case
    request_id = answer["request"]["request_id"]
    asked = [e for e in case.entries if e.type == "consult_request"]
    mine = next((e for e in asked if e.data.get("request_id") == request_id), None)
    if mine is None:
        raise ConsultRefused(t("consult.import.other_case", path=file, label=label))
    if mine.data.get("hash") != answer["request_hash"]:
        raise ConsultRefused(t("consult.import.request_changed", path=file))
    done = [e for e in case.entries if e.type == "consultation"]
    if any(e.data.get("request_id") == request_id for e in done):
        raise CaseError(t("consult.import.already", label=label))
    kp, _checked = key_problems(
        fp,
        str(data["signature"]["public_key"]),
        str(answer["answered_at"]),
        load_colleagues(profiles),
        profiles.keyring(),
    )
    if kp:
        raise ConsultRefused(t("consult.import.refused", path=file) + " " + "; ".join(kp))
    profile = profiles.load()
    check_role(profile.role, case.role)
    consultant = answer["consultant"]
    lines = [
        t(
            "consult.import.summary",
            name=consultant["name"],
            role=consultant["role"],
            at=str(answer["answered_at"])[:10],
            fp=fp,
        ),
        t("consult.answer.your_advice"),
        *("    " + ln for ln in str(answer["advice"]).split("\n")),
        t("consult.import.signing", label=label),
    ]
    if not _confirm(stdin, stdout, lines, yes=yes):
        _say(stdout, t("consult.answer.not_signed"))
        return None
    pair = unlock_asking(profiles, passphrase)
    from meldcode_cli import __version__
    from meldcode_cli.record.store import load_envelope

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
        "confirmation": "yes-flag" if yes else "screen",
        "consultation": data,
    }
    body["integrity"] = integrity_map(body)
    Record.model_validate(body)
    path = write_record(case.folder / "records", sign_envelope(body, pair))
    case.append(
        "consultation",
        record=path.name,
        hash=record_hash(body),
        request_id=request_id,
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


def report_entries(answers: list[dict[str, Any]]) -> list[Any]:
    """Report entries for signed consultations (``report``, not ``--advies``)."""
    from meldcode_cli.report.model import Entry

    out = []
    for a in answers:
        c = a.get("consultant") or {}
        out.append(
            Entry(
                t(
                    "consult.report.entry",
                    name=c.get("name", ""),
                    role=c.get("role", ""),
                    at=str(a.get("answered_at", ""))[:10],
                ),
                str(a.get("advice", "")),
                meta=t("consult.report.meta", fp=a.get("key_fingerprint", "")),
            )
        )
    return out


def journal_consultations(case: Any) -> list[dict[str, Any]]:
    """The ``consultation`` entries of a case journal (name, role, date, fingerprint)."""
    return [dict(e.data) for e in case.entries if e.type == "consultation"]
