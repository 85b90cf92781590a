"""The words a record keeps, given by the layer that shows the walk.

Apart from :mod:`meldcode_cli.record.build` so that the walk's view can register itself
without importing the record models: ``meldcode start`` shows its first question before the
record layer is loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["Texts", "default_texts", "set_default_texts"]


@dataclass(frozen=True)
class Texts:
    """What the record keeps in words, given by the layer that shows the walk
    (:func:`meldcode_cli.walk.view.record_texts`)."""

    lang: str
    """The language of the record when the case does not name one."""
    answer_text: Callable[[Any, object], str]
    """An answer as the person read it: ``answer_text(compiled_item, value)``."""


_default_texts: list[Callable[[], Texts]] = []


def set_default_texts(source: Callable[[], Texts]) -> None:
    """Where ``texts`` comes from when a caller gives none: the walk's view registers itself
    here when it is imported (the record layer never imports presentation)."""
    _default_texts[:] = [source]


def default_texts() -> Texts:
    if not _default_texts:  # a bug: nothing that shows a walk was loaded
        raise RuntimeError("build_record: no texts given and no view registered")
    return _default_texts[0]()
