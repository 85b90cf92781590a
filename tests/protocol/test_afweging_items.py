"""The built-in items and texts are built without validation (``model_construct``, for
start-up): each must equal what validating it gives, so a wrong id, kind, role or source
here fails as it would have with validation."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from meldcode_cli.protocol.afweging_items import afweging_items
from meldcode_cli.protocol.guardrails import ALL_SHARED_CHECKS
from meldcode_cli.protocol.model import LocalText
from meldcode_cli.protocol.verstrekking import verstrekking_items

BUILT: list[BaseModel] = [*afweging_items(), *verstrekking_items(), *ALL_SHARED_CHECKS]


def _texts(value: object) -> list[LocalText]:
    """Every LocalText inside ``value`` (models, lists, dicts)."""
    if isinstance(value, LocalText):
        return [value]
    if isinstance(value, BaseModel):
        return [t for name in type(value).model_fields for t in _texts(getattr(value, name))]
    if isinstance(value, list | tuple):
        return [t for v in value for t in _texts(v)]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    return []


@pytest.mark.parametrize("model", BUILT, ids=lambda m: str(getattr(m, "id", type(m).__name__)))
def test_each_built_in_model_equals_its_validated_self(model: BaseModel) -> None:
    given = model.model_dump(exclude_unset=True)
    validated = type(model).model_validate(given)
    assert validated == model
    assert validated.model_dump(exclude_unset=True) == given  # the same fields set
    assert validated.model_dump() == model.model_dump()  # defaults filled in alike


def test_the_built_in_texts_are_complete() -> None:
    texts = [t for m in BUILT for t in _texts(m)]
    assert len(texts) >= 50  # 50 when this test was written
    for text in texts:
        assert LocalText.model_validate(text.model_dump()) == text  # nl non-empty, en None or text
        assert text.en, text.nl  # every built-in text has its English
