"""``meldcode test``: a failing scenario shows expected against actual as a diff."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from meldcode_cli.cli.app import make_app
from tests.conftest import VOORBEELD

SCENARIO = f"""\
protocol: {VOORBEELD}
scenarios:
- name: verkeerd verwacht
  role: huisarts
  answers:
    signalen: [angst]
    signalen_feiten: 'feit'
    kinderen: nee
    advies_vt: ja
    advies_vt_uitkomst: 'advies'
    gesprek: gevoerd
    gesprek_verslag: verslag
    weging: weging
    afweging_1: nee
  expect:
    path: J----
    shown: [kinderen_aantal, gesprek_verslag]
    not_shown: [advies_vt_uitkomst]
    acute: false
    decision:
      melden: true
      afsluiten: true
- name: goed verwacht
  role: huisarts
  answers:
    signalen: [angst]
    signalen_feiten: 'feit'
    kinderen: nee
    advies_vt: ja
    advies_vt_uitkomst: 'advies'
    gesprek: gevoerd
    gesprek_verslag: verslag
    weging: weging
    afweging_1: nee
  expect:
    path: N----
    decision: {{melden: false}}
"""


def run(tmp_path: Path, *args: str) -> tuple[int, str]:
    path = tmp_path / "x.scenarios.yaml"
    path.write_text(SCENARIO, encoding="utf-8")
    result = CliRunner().invoke(make_app(), [*args, "test", str(path)])
    return result.exit_code, result.stdout


def test_failure_shows_expected_against_actual(tmp_path: Path) -> None:
    code, out = run(tmp_path)
    assert code == 1
    lines = [line.strip() for line in out.splitlines()]
    start = lines.index("verwacht (-) tegenover werkelijk (+):")
    diff = lines[start + 1 : start + 14]
    assert diff == [
        "decision:",
        "-  melden: ja",
        "+  melden: nee",
        "afsluiten: ja",
        "-path: J----",
        "+path: N----",
        "shown:",
        "-  kinderen_aantal: ja",
        "+  kinderen_aantal: nee",
        "gesprek_verslag: ja",
        "-  advies_vt_uitkomst: nee",
        "+  advies_vt_uitkomst: ja",
        "acute: nee",
    ]
    # the passing scenario has no diff
    assert out.count("verwacht (-) tegenover werkelijk (+):") == 1


def test_diff_in_english_and_in_json(tmp_path: Path) -> None:
    _, out = run(tmp_path, "--lang", "en")
    assert "expected (-) against actual (+):" in out
    code, out = run(tmp_path, "--lang", "en")
    assert code == 1
    path = tmp_path / "x.scenarios.yaml"
    result = CliRunner().invoke(make_app(), ["test", "-f", "json", str(path)])
    doc = json.loads(result.stdout)
    first, second = doc["files"][0]["scenarios"]
    assert first["expected"]["path"] == "J----"
    assert first["actual"]["path"] == "N----"
    assert first["expected"]["shown"] == {
        "kinderen_aantal": True,
        "gesprek_verslag": True,
        "advies_vt_uitkomst": False,
    }
    assert first["actual"]["shown"]["advies_vt_uitkomst"] is True
    assert second["expected"] == second["actual"]
