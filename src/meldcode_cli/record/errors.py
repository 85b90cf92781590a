"""Errors of the record layer that the user can act on, as a catalogue key and parameters.

The record layer says nothing itself: the edge turns ``key`` and ``params`` into words
(:func:`meldcode_cli.i18n.messages.error_text`). Minimal on purpose, until the one error
hierarchy of issue 14 (``errors.py``) takes these in.
"""

from __future__ import annotations

from meldcode_cli.walk.casestore import CaseError

__all__ = ["RecordError"]


class RecordError(CaseError):
    """A record, signing or profile problem (exit 2): ``key`` in the catalogue, ``params``."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params
