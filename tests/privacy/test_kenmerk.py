"""A refused kenmerk (police registration number) is said in the chosen language (issue 14p)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from meldcode_cli.cli.app import make_app
from meldcode_cli.errors import Text
from meldcode_cli.i18n.messages import set_lang
from meldcode_cli.privacy.kenmerk import kenmerk_problem

REFUSED = {
    "x" * 41: "kenmerk.too_long",
    "Jan Jansen": "kenmerk.characters",
    "AB12": "kenmerk.digits",
    "PietJansen2024": "kenmerk.word",
    "jan2026": "kenmerk.name",
    "0612345678": "kenmerk.identifier",
}
DUTCH = ("een kenmerk", "dit lijkt", "bijvoorbeeld", "cijfers", "telefoonnummer", "geen naam")


@pytest.mark.parametrize(("value", "key"), sorted(REFUSED.items()))
def test_a_refusal_is_a_catalogue_text(value: str, key: str) -> None:
    problem = kenmerk_problem(value)
    assert isinstance(problem, Text)
    assert problem.key == key


@pytest.mark.parametrize("value", sorted(REFUSED))
def test_a_refusal_in_english_has_no_dutch(value: str) -> None:
    problem = kenmerk_problem(value)
    set_lang("en")
    english = str(problem)
    assert "for example PL1400-2026123456" in english
    assert not [w for w in DUTCH if w in english], english
    assert value not in english
    set_lang("nl")
    assert "bijvoorbeeld PL1400-2026123456" in str(problem)


def test_what_was_found_is_said_in_the_language_shown() -> None:
    problem = kenmerk_problem("0612345678")
    set_lang("en")
    assert "(phone number)" in str(problem)
    set_lang("nl")
    assert "(telefoonnummer)" in str(problem)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "a kenmerk (registration number) consists of letters, digits"),
        ("nl", "een kenmerk bestaat uit letters, cijfers"),
    ],
)
def test_start_refuses_a_name_as_registration_number(
    tmp_path: Path, lang: str, expected: str
) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text(
        "role: wijkagent\nanswers:\n  politie_registratienummer: Jan Jansen\n", encoding="utf-8"
    )
    result = CliRunner().invoke(
        make_app(),
        ["--lang", lang, "start", "partnergeweld", "--answers", str(answers), "--no-sign"],
    )
    assert result.exit_code == 2
    assert "a.yaml:3:3: " in result.stderr  # where, then what and how to fix it
    assert expected in result.stderr
    assert "Jan Jansen" not in result.stderr
