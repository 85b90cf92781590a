"""The organisation overlay: validation codes (MC601-MC605), the walk, the record."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from meldcode_cli.cli.app import make_app
from meldcode_cli.protocol.organisatie import check_overlay, load_organisatie
from tests.conftest import PROTOCOLS, ROOT

FIX = ROOT / "tests" / "fixtures" / "organisatie"
PRAKTIJK = ROOT / "examples" / "organisatie-huisartsenpraktijk.yaml"
POLITIE = ROOT / "examples" / "organisatie-basisteam-politie.yaml"
EXAMPLE = ROOT / "examples" / "casus-partnergeweld.yaml"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(make_app(), list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("path", [PRAKTIJK, POLITIE])
def test_examples_are_valid(path: Path) -> None:
    code, out, err = run("validate", str(path))
    assert code == 0, out + err


@pytest.mark.parametrize(
    ("name", "code", "line", "col", "text"),
    [
        ("mc601-onbekend-anker", "MC601", 12, 16, "bedoelde u 'consultatie_collega'?"),
        ("mc602-verwijderen", "MC602", 11, 5, "voegt alleen toe"),
        ("mc603-onbekende-partner", "MC603", 9, 15, "geen organisatie in de ketenkaart"),
        ("mc604-onbekend-protocol", "MC604", 10, 3, "bedoelde u 'partnergeweld'?"),
        ("mc605-dubbel-id", "MC605", 16, 13, "org_een"),
    ],
)
def test_every_overlay_code_has_a_fixture(
    name: str, code: str, line: int, col: int, text: str
) -> None:
    path = FIX / f"{name}.yaml"
    rc, out, err = run("validate", str(path))
    assert rc == 1, out + err
    assert f"{name}.yaml:{line}:{col}: {code}" in out
    assert text in out


def test_removing_a_shipped_item_points_at_it_in_the_protocol_file() -> None:
    loaded = load_organisatie(FIX / "mc602-verwijderen.yaml")
    diags = check_overlay(loaded)
    assert [d.code for d in diags] == ["MC602"]
    (related,) = diags[0].related
    path, line, _col, rest = related.split(":", 3)
    assert path.endswith("partnergeweld.yaml")
    assert rest.strip() == "consultatie_collega"
    text = (PROTOCOLS / "partnergeweld.yaml").read_text("utf-8").splitlines()
    assert "consultatie_collega" in text[int(line) - 1]


def test_overlay_and_protocol_validated_together(tmp_path: Path) -> None:
    """A protocol upgrade that removes an anchor: the overlay fails with a clear message."""
    text = (PROTOCOLS / "partnergeweld.yaml").read_text("utf-8")
    upgraded, n = re.subn(r'version: "1\.\d+\.\d+"', 'version: "2.0.0"', text, count=1)
    assert n == 1
    # the new version no longer has the 'advies_veilig_thuis' anchor of the practice
    upgraded = upgraded.replace("- id: advies_veilig_thuis\n", "- id: advies_vt_nieuw\n", 1)
    upgraded = upgraded.replace("advies_veilig_thuis ==", "advies_vt_nieuw ==")
    proto = tmp_path / "partnergeweld.yaml"
    proto.write_text(upgraded, encoding="utf-8")
    code, out, err = run("validate", str(PRAKTIJK), str(proto))
    assert code == 1, out + err
    assert "MC601 anker 'advies_veilig_thuis' is geen item van protocol 'partnergeweld'" in out
    assert "versie 2.0.0" in out
    # starting a walk with it says the same, and names the overlay file to fix
    code, out, err = run(
        "start", str(proto), "--answers", str(EXAMPLE), "--no-sign", "--organisatie",
        str(PRAKTIJK),
    )  # fmt: skip
    assert code == 2
    assert "anker 'advies_veilig_thuis'" in err
    assert "versie 2.0.0" in err
    assert "organisatie-huisartsenpraktijk.yaml" in err


def test_walk_with_the_practice_overlay_records_its_hash(tmp_path: Path) -> None:
    from meldcode_cli.protocol.organisatie import overlay_hash

    pw = tmp_path / "pw"
    pw.write_text("een lange wachtzin\n", encoding="utf-8")
    os.chmod(pw, 0o600)
    code, _, err = run(
        "init", "--name", "Dr. A. Jansen", "--role", "huisarts", "--organisation", "De Linde",
        "--passphrase-file", str(pw),
    )  # fmt: skip
    assert code == 0, err
    code, out, err = run(
        "start", "partnergeweld", "--answers", str(EXAMPLE), "--case", "o1", "--organisatie",
        str(PRAKTIJK), "--passphrase-file", str(pw), "--yes",
    )  # fmt: skip
    assert code == 0, err
    assert "Met de eigen meldcode van Huisartsenpraktijk De Linde" in out
    home = Path(os.environ["MELDCODE_HOME"])
    env = json.loads((home / "cases" / "o1" / "records" / "0001-decision.json").read_text())
    org = env["record"]["provenance"]["organisatie"]
    assert org["id"] == "huisartsenpraktijk-de-linde"
    assert org["hash"] == overlay_hash(PRAKTIJK.read_text("utf-8"))
    ids = [i["id"] for s in env["record"]["steps"] for i in s["items"]]
    assert "org_praktijk_consultatie" not in ids  # guidance is shown, not answered
    code, out, _ = run("verify", "o1")
    assert code == 0, out
    code, out, err = run("report", "o1", "-f", "txt")
    assert code == 0, err
    assert "Eigen meldcode" in out
    assert "Dossier volgens de meldcode van Huisartsenpraktijk De Linde" in " ".join(out.split())
    assert org["hash"] in " ".join(out.split())
    # the case keeps its overlay: a changed file in the user folder does not change it
    assert (home / "cases" / "o1" / "organisatie.yaml").read_text("utf-8") == PRAKTIJK.read_text(
        "utf-8"
    )


def test_records_without_an_overlay_do_not_name_one(tmp_path: Path) -> None:
    code, _, err = run("start", "partnergeweld", "--answers", str(EXAMPLE), "--case", "n1",
                       "--no-sign")  # fmt: skip
    assert code == 0, err
    home = Path(os.environ["MELDCODE_HOME"])
    env = json.loads(next((home / "cases" / "n1" / "records").glob("*.json")).read_text("utf-8"))
    assert "organisatie" not in env["record"]["provenance"]


def test_user_folder_overlay_is_picked_up(tmp_path: Path) -> None:
    home = Path(os.environ["MELDCODE_HOME"])
    (home / "organisatie").mkdir(parents=True)
    (home / "organisatie" / "praktijk.yaml").write_text(PRAKTIJK.read_text("utf-8"), "utf-8")
    code, out, err = run("start", "partnergeweld", "--answers", str(EXAMPLE), "--case", "u1",
                         "--no-sign")  # fmt: skip
    assert code == 0, err
    assert "Met de eigen meldcode van" in out


def test_step_2_shows_the_aandachtsfunctionaris() -> None:
    from meldcode_cli.walk import view as walkview
    from meldcode_cli.walk.engine import Walk
    from meldcode_cli.walk.session import compile_text

    text = (PROTOCOLS / "partnergeweld.yaml").read_text("utf-8")
    compiled = compile_text(
        text, "partnergeweld.yaml", organisatie=(PRAKTIJK.read_text("utf-8"), str(PRAKTIJK))
    )
    walk = Walk(compiled, "huisarts")
    lines = "\n".join(walkview.step_header(2, walk))
    assert "Aandachtsfunctionaris: dr. M. Voorbeeld" in lines
    assert "024-0000000" in lines
    assert "Eindverantwoordelijk voor melden: dr. M. Voorbeeld" in lines
    assert "Aandachtsfunctionaris" not in "\n".join(walkview.step_header(1, walk))
    # the overlay's guidance sits after its anchor, and is marked as the organisation's
    ids = [ci.id for ci in compiled.items]
    at = ids.index("consultatie_collega")
    assert ids[at + 1] == "org_praktijk_consultatie"
    assert compiled.organisatie.item_ids == {"org_praktijk_consultatie", "org_praktijk_vt"}
    # every shipped item, the afwegingskader and every check are still there
    plain = compile_text(text, "partnergeweld.yaml")
    assert set(ids) - {"org_praktijk_consultatie", "org_praktijk_vt"} == {
        ci.id for ci in plain.items
    }
    assert [c.id for c in compiled.checks] == [c.id for c in plain.checks]


def test_show_marks_overlay_items() -> None:
    code, out, err = run("show", "partnergeweld", "--organisatie", str(PRAKTIJK))
    assert code == 0, err
    marked = [ln for ln in out.splitlines() if "[organisatie]" in ln]
    assert len(marked) == 2
    assert all("org_praktijk_" in ln for ln in marked)
    code, out, _ = run("show", "partnergeweld")
    assert "[organisatie]" not in out


def test_schema_accepts_the_examples_and_rejects_a_typo() -> None:
    import jsonschema
    import yaml

    from meldcode_cli.authoring.schema import schema_dict

    validator = jsonschema.Draft7Validator(schema_dict("organisatie", "07"))
    for path in (PRAKTIJK, POLITIE):
        text = path.read_text("utf-8")
        assert text.startswith(
            "# yaml-language-server: $schema=../schemas/organisatie.draft-07.schema.json"
        )
        doc = yaml.safe_load(text)
        assert not list(validator.iter_errors(doc)), path
        doc["aandachtsfunctionarisen"] = doc.pop("aandachtsfunctionarissen")
        assert list(validator.iter_errors(doc))
    code, out, _ = run("schema", "--kind", "organisatie", "--draft", "07")
    assert code == 0
    assert json.loads(out)["$id"].endswith("/draft-07/organisatie-v1.json")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_an_unreadable_pinned_overlay_is_said_in_the_chosen_language(
    tmp_path: Path, lang: str
) -> None:
    from types import SimpleNamespace

    from meldcode_cli.i18n.messages import get_lang, set_lang
    from meldcode_cli.walk.casestore import CaseError
    from meldcode_cli.walk.session import PINNED_ORGANISATIE, pinned_organisatie

    (tmp_path / PINNED_ORGANISATIE).write_bytes(b"name: \xff\xfe kapot\n")  # not UTF-8
    case = SimpleNamespace(folder=tmp_path, label="o9")
    before = get_lang()
    set_lang(lang)
    try:
        with pytest.raises(CaseError) as caught:
            pinned_organisatie(case)  # type: ignore[arg-type]
        message = caught.value.message
    finally:
        set_lang(before)
    assert "o9" in message
    assert str(tmp_path / PINNED_ORGANISATIE) in message
    expected = "cannot be read" if lang == "en" else "is onleesbaar"
    assert expected in message
    assert ("onleesbaar" in message) == (lang == "nl")
