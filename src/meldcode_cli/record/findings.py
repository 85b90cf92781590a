"""What ``verify`` can find: a :class:`Problem` code and its parameters (a :class:`Finding`).

Typed, never text: the edge says a finding in words through the catalogue key
``verify.reason.<code>`` (:func:`meldcode_cli.report.verifyview.finding_text`), in the
language chosen there. Used by :mod:`~meldcode_cli.record.verify` for record files and
chains, and by :mod:`~meldcode_cli.record.consult` for a colleague's signed answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

__all__ = ["Finding", "Problem"]


class Problem(StrEnum):
    """What can be wrong with a record file or a chain (or, for notes, worth saying)."""

    NOT_AN_OBJECT = "not_an_object"
    SCHEMA_VERSION = "schema_version"
    SCHEMA = "schema"
    UNSIGNED = "unsigned"
    UNSIGNED_TRAINING = "unsigned_training"
    SIGNATURE_BLOCK_SCHEMA = "signature_block_schema"
    SIGNATURE_BLOCK_UNREADABLE = "signature_block_unreadable"
    SIGNATURE_BLOCK_LENGTH = "signature_block_length"
    FINGERPRINT_MISMATCH = "fingerprint_mismatch"
    RECORD_KEY_MISMATCH = "record_key_mismatch"
    OTHER_KEY = "other_key"
    NOT_IN_KEYRING = "not_in_keyring"
    KEYRING_MISMATCH = "keyring_mismatch"
    OUTSIDE_VALIDITY = "outside_validity"
    CHANGED_SECTIONS = "changed_sections"
    SIGNATURE_INVALID = "signature_invalid"
    PROTOCOL_DIFFERS = "protocol_differs"
    # the colleague's signed answer (a consultation record, or the answer file at import)
    CONSULT_NOT_CONSULTATION = "consult_not_consultation"
    CONSULT_UNREADABLE = "consult_unreadable"
    CONSULT_KEY_MISMATCH = "consult_key_mismatch"
    CONSULT_TAMPERED = "consult_tampered"
    CONSULT_REQUEST_CHANGED = "consult_request_changed"
    CONSULT_OWN_KEY = "consult_own_key"
    CONSULT_UNKNOWN_KEY = "consult_unknown_key"
    CONSULT_KEY_EXPIRED = "consult_key_expired"
    # notes (not problems): what verify found out about the protocol and a colleague's key
    PROTOCOL_OTHER_VERSION = "protocol_other_version"
    PROTOCOL_HASH_OK = "protocol_hash_ok"
    CONSULT_KEY_UNCHECKED = "consult_key_unchecked"
    CONSULT_OK = "consult_ok"
    # chains
    CHAIN_GAP = "chain_gap"
    CHAIN_MISSING_FIRST = "chain_missing_first"
    CHAIN_BROKEN = "chain_broken"
    CHAIN_REORDERED = "chain_reordered"
    JOURNAL_UNREADABLE = "journal_unreadable"
    JOURNAL_MISSING = "journal_missing"
    JOURNAL_REPLACED = "journal_replaced"


@dataclass(frozen=True)
class Finding:
    """One problem (or note) with what the words need; parameters are plain strings."""

    problem: Problem
    params: dict[str, str] = field(default_factory=dict)
