"""The diagnostics of the loader (MC001-MC007, MC1xx) and the path analysis (MC3xx) say
everything in English under ``--lang en`` (Dutch stays byte-identical: see
``test_analysis_differential.py``, whose recorded outputs are the Dutch ones)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from meldcode_cli.authoring.validate import check_file, check_text
from meldcode_cli.i18n.messages import set_lang
from meldcode_cli.protocol.analysis import analyse
from tests.protocol.test_analysis_differential import (
    _MUTABLE,
    _SHIPPED_DATA,
    FIXTURE_PROTOCOLS,
    _compiled,
    mutate,
)

DUTCH = re.compile(
    r"\b(het|de|een|niet|geen|moet|mag|van|voor|bestand|sleutel|regel|waarden|pad|rol|"
    r"beslissing|melding|voorwaarde|leeg|toegestaan|ontbreekt|veld|stap|tekst|haal|zet)\b"
)
MY_CODES = re.compile(r"MC(00\d|1\d\d|3\d\d)$")


def _dutch_words(text: str) -> list[str]:
    """Dutch words outside quoted values (ids and the author's own text may be Dutch)."""
    bare = re.sub(r"'[^']*'|\"[^\"]*\"", "", text)
    return DUTCH.findall(bare)


@pytest.fixture
def english() -> None:
    set_lang("en")


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize("path", FIXTURE_PROTOCOLS, ids=lambda p: p.name)
def test_fixture_diagnostics_are_english(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MELDCODE_NO_CACHE", "1")
    for d in check_file(path).diagnostics:
        if not MY_CODES.match(d.code):
            continue  # other engineers' codes have their own tests
        for text in (d.message, d.hint or ""):
            assert not _dutch_words(text), f"{d.code}: {text}"


@pytest.mark.usefixtures("english")
def test_analysis_diagnostics_are_english() -> None:
    seen: set[str] = set()
    for seed in range(60):
        name = _MUTABLE[seed % len(_MUTABLE)]
        doc = mutate(_SHIPPED_DATA[name], seed, 1 + seed % 12)
        compiled = _compiled(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False))
        if compiled is None:
            continue
        for d in analyse(compiled).diagnostics:
            seen.add(d.code)
            for text in (d.message, d.hint or ""):
                assert not _dutch_words(text), f"{d.code}: {text}"
    assert {"MC304", "MC305", "MC310"} <= seen


def test_analysis_message_in_both_languages() -> None:
    from tests.conftest import minimal
    from tests.protocol.test_analysis import TRIGGER_VIA_AFWEGING

    result = check_text(minimal(step5=TRIGGER_VIA_AFWEGING), "mini.yaml")
    (d,) = result.errors
    assert d.message == (
        "'nu_acuut' legt acute of structurele onveiligheid vast, maar hangt af van "
        "toch_zorg (via afweging_1, afweging_2)"
    )
    set_lang("en")
    assert d.message == (
        "'nu_acuut' records acute or structural unsafety, but depends on "
        "toch_zorg (via afweging_1, afweging_2)"
    )
    assert d.hint is not None
    assert "Remove that reference from 'when'" in d.hint
