"""``meldcode init``: every field is checked when it is entered and asked again on error,
in the user's language, without library text (issue 10)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from meldcode_cli.cli.app import make_app
from meldcode_cli.cli.signflow import init_profile
from meldcode_cli.i18n.messages import set_lang
from meldcode_cli.record.profile import ProfileError, ProfileStore, parse_role
from tests.walk.test_flow import Tty


@pytest.mark.parametrize("typed", ["huisarts", "Huisarts", " HUISARTS "])
def test_roles_are_case_insensitive(typed: str) -> None:
    assert parse_role(typed) == "huisarts"


def run_init(lines: list[str], **flags: str | None) -> tuple[str, dict[str, object]]:
    out = Tty()
    args: dict[str, str | None] = {
        "name": None, "role": None, "organisation": None, "registration": None, "contact": None,
    }  # fmt: skip
    args.update(flags)
    init_profile(
        **args,  # type: ignore[arg-type]
        passphrase=lambda: "een lange wachtzin",
        force=False,
        stdin=Tty("\n".join(lines) + "\n"),
        stdout=out,
    )
    return out.getvalue(), ProfileStore().load().model_dump()


def test_each_field_is_asked_again_until_it_is_right() -> None:
    lines = ["", "Dr. A. Jansen", "dokter", "Huisarts", "Praktijk Oost", "x" * 51, "BIG 1", ""]
    out, profile = run_init(lines)
    assert out.count("(verplicht)") == 1
    assert "'dokter' is geen rol; kies uit: huisarts, wijkagent, professional, trainer" in out
    assert "Te lang: hoogstens 50 tekens" in out
    assert profile["role"] == "huisarts"
    assert profile["registration"] == "BIG 1"
    assert profile["contact"] is None


def test_in_english_too() -> None:
    set_lang("en")
    out, profile = run_init(["Dr. A. Jansen", "GP", "Wijkagent", "Team Oost", "", ""])
    assert "'GP' is not a role; choose from:" in out
    assert profile["role"] == "wijkagent"


def test_a_bad_flag_is_said_in_our_words() -> None:
    with pytest.raises(ProfileError, match="is geen rol") as e:
        run_init([], name="A", role="chirurg", organisation="B")
    assert "validation" not in str(e.value).lower()
    with pytest.raises(ProfileError, match="controleer name") as e:
        run_init(["", ""], name="x" * 300, role="huisarts", organisation="B")
    assert "pydantic" not in str(e.value).lower()


def test_the_role_flag_is_case_insensitive(tmp_path: object) -> None:
    import os
    from pathlib import Path

    pw = Path(str(tmp_path)) / "pw"
    pw.write_text("kort")
    os.chmod(pw, 0o600)
    runner = CliRunner()
    args = ["init", "--name", "A", "--role", "Huisarts", "--organisation", "B"]
    result = runner.invoke(make_app(), [*args, "--passphrase-file", str(pw)])
    assert result.exit_code == 2
    assert "de wachtzin is te kort: gebruik minstens 8 tekens" in result.output
    pw.write_text("een lange wachtzin")
    result = runner.invoke(make_app(), [*args, "--passphrase-file", str(pw)])
    assert result.exit_code == 0, result.output
    assert ProfileStore().load().role == "huisarts"
