"""The betrokkenen file (``report.betrokkenen``): a value that cannot be right is a
catalogue error at its file:line:col, in the chosen language."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pydantic import ValidationError

from meldcode_cli.i18n.messages import set_lang
from meldcode_cli.report.betrokkenen import BetrokkeneInvalid, Persoon, load_betrokkenen
from meldcode_cli.walk.casestore import CaseError

TOMORROW = (dt.date.today() + dt.timedelta(days=1)).isoformat()

CASES = [
    ({"rol": "kind", "geboortedatum": "31-02-2019"}, "report.betrokkenen.no_such_date"),
    ({"rol": "kind", "geboortedatum": TOMORROW}, "report.betrokkenen.future"),
    ({"rol": "kind", "leeftijd": 7, "geboortejaar": 2019}, "report.betrokkenen.one_age"),
]


@pytest.mark.parametrize(("data", "key"), CASES)
def test_an_impossible_value_is_a_catalogue_error(data: dict[str, object], key: str) -> None:
    with pytest.raises(ValidationError) as err:
        Persoon.model_validate(data)
    cause = err.value.errors()[0]["ctx"]["error"]
    assert isinstance(cause, BetrokkeneInvalid)
    assert cause.key == key
    assert cause.exit_code == 2


@pytest.mark.parametrize(
    ("yaml_line", "nl", "en"),
    [
        (
            "geboortedatum: 31-02-2019",
            "'31-02-2019' is geen bestaande datum",
            "'31-02-2019' is not a date that exists",
        ),
        (
            f"geboortedatum: {TOMORROW}",
            "geboortedatum ligt in de toekomst",
            "geboortedatum is in the future",
        ),
        (
            "geboortejaar: 2019",
            "geef één van geboortedatum, geboortejaar of leeftijd",
            "give one of geboortedatum, geboortejaar or leeftijd",
        ),
    ],
)
def test_the_file_says_where_in_either_language(
    tmp_path: Path, yaml_line: str, nl: str, en: str
) -> None:
    bad = tmp_path / "b.yaml"
    extra = "    leeftijd: 7\n" if yaml_line.startswith("geboortejaar") else ""
    bad.write_text(f"betrokkenen:\n  - rol: kind\n{extra}    {yaml_line}\n", encoding="utf-8")
    for lang, text in (("nl", nl), ("en", en)):
        set_lang(lang)
        with pytest.raises(CaseError) as err:
            load_betrokkenen(bad)
        assert f"{bad}:" in err.value.message
        assert text in err.value.message


def test_an_unreadable_file_names_the_option(tmp_path: Path) -> None:
    bad = tmp_path / "b.yaml"
    bad.write_bytes(b"betrokkenen:\n  - rol: \xff\n")
    with pytest.raises(CaseError) as err:
        load_betrokkenen(bad)
    assert err.value.key == "report.betrokkenen.unreadable"
    assert err.value.message.startswith(f"--betrokkenen {bad}: ")
    set_lang("en")
    assert f"--betrokkenen {bad}: cannot be read: " in err.value.message
