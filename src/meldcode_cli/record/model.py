"""The decision record as typed models (pydantic): what ``build`` returns, what a record file
holds, and what ``verify``, the report, the diagram, the debrief and the chain checks read.

A record is data, signed as canonical JSON (RFC 8785, see :mod:`.canonical`). The models
round-trip a record without changing one byte: :meth:`Record.from_dict` keeps which keys the
file had (records made before a section existed do not have it), validation is strict (no
coercion: ``"1"`` is not ``1``, ``1`` is not ``true``), and :meth:`Record.to_dict` gives the
same dict back, keys in the order meldcode writes them. See ``docs/decision-record.md``.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "RECORD_SCHEMA_VERSION",
    "AcuteRecord",
    "ChecksRecord",
    "ChosenDecision",
    "DecisionRecord",
    "Envelope",
    "EvaluationRecord",
    "FiredCheck",
    "Informed",
    "ItemRecord",
    "NoteRecord",
    "OrganisatieRef",
    "Override",
    "PreviousRef",
    "Professional",
    "ProtocolRef",
    "Provenance",
    "Record",
    "RefutationRecord",
    "SignatureBlock",
    "StepRecord",
    "SupersededRecord",
    "VerstrekkingRecord",
]

RECORD_SCHEMA_VERSION = 1
Answer = str | list[str] | None


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, defer_build=True)  # built on first use


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

    model_config = ConfigDict(extra="forbid", populate_by_name=True, strict=True, defer_build=True)

    @classmethod
    def from_dict(cls, data: Any) -> Record:
        """The record of a parsed file (or of :meth:`to_dict`); raises ValidationError."""
        return cls.model_validate(data)

    def to_dict(self) -> dict[str, Any]:
        """The record as the plain JSON data that is signed and written: the keys it was
        made or read with (an absent section stays absent, a null stays null)."""
        data = self.model_dump(by_alias=True, exclude_unset=True)
        return {k: data[k] for k in _KEY_ORDER if k in data}

    @property
    def case(self) -> str:
        return self.provenance.case

    @property
    def role(self) -> str:
        return self.provenance.role

    @property
    def protocol(self) -> ProtocolRef:
        return self.provenance.protocol

    @property
    def melding(self) -> DecisionRecord | None:
        """The meldcode decision (None for an information request or no decision)."""
        return self.decision if isinstance(self.decision, DecisionRecord) else None

    @property
    def chosen(self) -> DecisionRecord | ChosenDecision | None:
        """What the professional chose: the override when there is one, else the decision."""
        return self.override.chosen if self.override is not None else self.melding


_KEY_ORDER = (
    "schema",
    "schema_version",
    "record_id",
    "kind",
    "sequence",
    "previous",
    "training",
    "created_at",
    "provenance",
    "steps",
    "superseded",
    "acute",
    "decision",
    "override",
    "amendment_reason",
    "checks",
    "refutations",
    "confirmation",
    "consultation",
    "integrity",
)
"""The order in which :func:`build_record` has always written a record's keys (the file
is indented JSON in this order; the signed canonical form sorts them)."""


class SignatureBlock(_M):
    algorithm: Literal["Ed25519"]
    canonicalization: Literal["RFC8785"]
    key_fingerprint: str = Field(max_length=200)
    public_key: str = Field(max_length=200)
    signature: str = Field(max_length=400)


class Envelope(BaseModel):
    """The outer shape of a record file (the record itself is checked by :class:`Record`)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    meldcode_signed_record: Literal[1] = 1
    record: dict[str, Any]
    signature: dict[str, Any] | None
