"""``meldcode debrief``: counts per decision point on generated training records, the text
and HTML output, names only on request, and an offline headless-Chromium render."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from meldcode_cli.cli.app import make_app
from meldcode_cli.training.debrief import (
    Debrief,
    Point,
    build_debrief,
    collect_records,
)
from meldcode_cli.training.debriefview import format_html
from tests.conftest import ROOT
from tests.training_helpers import key_answers, train

CASUS = "km-professional-getuige"
RENDER = ROOT / "scripts" / "render-debrief.sh"


@pytest.fixture
def records() -> list[Path]:
    """Four participants on one casus (key: melden+hulp, JJJJ?)."""
    runs = [
        # 1: as in the key
        (key_answers(CASUS), "Anouk"),
        # 2: sees one incident, not a pattern: no structurele onveiligheid, so hulp only
        (
            key_answers(
                CASUS,
                signalen=["getuige_incident", "gedrag_kind"],
                getuige_stelselmatig_vraag="nee",
                afweging_2="nee",
            ),
            "Bilal",
        ),
        # 3: the mother refuses help: melden only
        (key_answers(CASUS, afweging_4="nee"), "Chantal"),
        # 4: right decision, but no consultation and no talk with the child
        (key_answers(CASUS, consultatie_collega="nee", gesprek_kind="nee"), None),
    ]
    out = []
    for answers, name in runs:
        outcome, _ = train(CASUS, answers, name=name)
        assert outcome.record is not None
        out.append(outcome.record)
    return out


def _rows(p: Point) -> dict[str, tuple[int, bool, bool]]:
    return {r.label: (r.count, r.expected, r.avoid) for r in p.rows}


def _item(d: Debrief, item_id: str) -> Point:
    return next(p for p in d.items if p.id == item_id)


def test_counts_per_decision_point(records: list[Path]) -> None:
    d = build_debrief(records)
    assert d.casus.id == CASUS
    assert d.n == 4
    assert _rows(d.decision) == {
        "melden bij Veilig Thuis": (3, True, False),
        "hulp bieden of organiseren": (3, True, False),
        "afsluiten": (0, False, False),
    }
    assert d.decision.matching == 2  # melden+hulp: participants 1 and 4
    assert _rows(d.paths) == {
        "JJJJ?": (2, True, False),
        "JNJJ?": (1, False, False),
        "JJJN-": (1, False, False),
    }
    signalen = _item(d, "signalen")
    rows = _rows(signalen)
    assert rows["Kind is stelselmatig getuige van huiselijk geweld"] == (3, True, False)
    assert rows[
        "Kind was getuige van een incident van huiselijk geweld (niet bekend als stelselmatig)"
    ] == (1, False, True)
    assert signalen.matching == 3
    assert _rows(_item(d, "consultatie_collega")) == {
        "ja": (3, True, False),
        "nee": (1, False, False),
    }
    assert _item(d, "consultatie_collega").matching == 3
    assert _rows(_item(d, "gesprek_kind")) == {"ja": (3, True, False), "nee": (1, False, False)}
    afw = {p.id: p for p in d.afwegingen}
    assert _rows(afw["afweging_2"]) == {"ja": (3, True, False), "nee": (1, False, False)}
    assert _rows(afw["afweging_4"]) == {"ja": (3, True, False), "nee": (1, False, False)}
    assert afw["afweging_5"].matching == 3
    assert {r.label: r.count for r in afw["afweging_5"].rows} == {
        "niet gevraagd": 1,
        "open (later te beoordelen)": 3,
    }
    assert [p.ok for p in d.participants] == [9, 7, 8, 7]
    assert [p.decision_ok for p in d.participants] == [True, False, False, True]


def test_folders_are_searched_and_the_newest_record_per_case_counts(
    records: list[Path],
) -> None:
    folder = records[0].parents[2]  # .../training/cases
    assert len(collect_records([folder])) == 4
    assert build_debrief(collect_records([folder])).n == 4


def test_text_output_has_bars_and_no_names_by_default(
    records: list[Path], runner: CliRunner
) -> None:
    result = runner.invoke(make_app(), ["debrief", *map(str, records)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "OEFENING · debrief · geen dossierstuk" in out
    assert re.search(r"melden bij Veilig Thuis\s+█+\s+3  ← sleutel", out)
    assert re.search(r"afsluiten\s+0", out)
    assert "volgens de sleutel: 2 van 4" in out
    for name in ("Anouk", "Bilal", "Chantal"):
        assert name not in out
    named = runner.invoke(make_app(), ["debrief", "--names", *map(str, records)]).stdout
    for name in ("Anouk", "Bilal", "Chantal", "(geen naam)"):
        assert name in named


def test_text_to_file(records: list[Path], runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "debrief.txt"
    result = runner.invoke(make_app(), ["debrief", "-o", str(target), *map(str, records)])
    assert result.exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert "Sleutelvragen" in text
    assert "\x1b[" not in text
    assert oct(target.stat().st_mode & 0o777) == "0o600"


EXTERNAL = re.compile(
    r"<script|<link|<img|<iframe|<object|<embed|src\s*=|href\s*=|url\(|@import|https?://[^\s<]*\.(css|js)",
    re.IGNORECASE,
)


def test_html_is_self_contained(records: list[Path], runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "debrief.html"
    result = runner.invoke(
        make_app(), ["debrief", "-f", "html", "-o", str(target), *map(str, records)]
    )
    assert result.exit_code == 0, result.output
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert not EXTERNAL.search(page), EXTERNAL.search(page)
    assert "default-src 'none'" in page  # the page may not load anything
    assert "OEFENING" in page
    assert "class='watermark'" in page
    assert page.count("class='bar'") >= 10
    assert "style='width: 75%'" in page  # 3 of 4 chose melden
    for name in ("Anouk", "Bilal"):
        assert name not in page
    assert "Anouk" in format_html(build_debrief(records), names=True)


def test_only_training_records(records: list[Path], runner: CliRunner, tmp_path: Path) -> None:
    env = json.loads(records[0].read_text(encoding="utf-8"))
    env["record"]["training"] = False
    real = tmp_path / "0001-decision.json"
    real.write_text(json.dumps(env), encoding="utf-8")
    result = runner.invoke(make_app(), ["debrief", str(real)])
    assert result.exit_code == 2
    assert "geen oefenrecord" in result.output


def test_one_casus_at_a_time(records: list[Path], runner: CliRunner) -> None:
    other, _ = train("km-huisarts-val", key_answers("km-huisarts-val"))
    assert other.record is not None
    result = runner.invoke(make_app(), ["debrief", str(other.record), *map(str, records)])
    assert result.exit_code == 2
    assert "verschillende casussen" in result.output
    only = runner.invoke(make_app(), ["debrief", "--casus", "km-huisarts-val", str(other.record)])
    assert only.exit_code == 0
    assert "Van de glijbaan" in only.stdout
    wrong = runner.invoke(
        make_app(), ["debrief", "--casus", "pg-huisarts-verwurging", str(other.record)]
    )
    assert wrong.exit_code == 2


def test_missing_or_empty_input(runner: CliRunner, tmp_path: Path) -> None:
    assert runner.invoke(make_app(), ["debrief", str(tmp_path / "weg.json")]).exit_code == 2
    assert runner.invoke(make_app(), ["debrief", str(tmp_path)]).exit_code == 2
    junk = tmp_path / "0001-decision.json"
    junk.write_text("{}", encoding="utf-8")
    assert runner.invoke(make_app(), ["debrief", str(junk)]).exit_code == 2


# --- headless Chromium ----------------------------------------------------------------------


def _chromium() -> str | None:
    return os.environ.get("CHROMIUM") or next(
        (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p),
        None,
    )


def _page_requests(netlog: Path) -> list[str]:
    """URLs the page asked for. Chromium's own service requests have no origin; a page
    loaded from a file has the opaque origin 'null'."""
    log = json.loads(netlog.read_text(encoding="utf-8"))
    names = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    return [
        ev["params"]["url"]
        for ev in log["events"]
        if names.get(ev["type"]) == "URL_REQUEST_START_JOB"
        and "url" in ev.get("params", {})
        and ev["params"].get("initiator") != "not an origin"
    ]


def _render(html: Path, png: Path, netlog: Path) -> None:
    env = {**os.environ, "NETLOG": str(netlog)}
    proc = subprocess.run(
        ["bash", str(RENDER), str(html), str(png), "1280,1600"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr


@pytest.mark.skipif(_chromium() is None, reason="chromium not installed")
def test_html_renders_in_headless_chromium_without_network(
    records: list[Path], tmp_path: Path
) -> None:
    html = tmp_path / "debrief.html"
    html.write_text(format_html(build_debrief(records)), encoding="utf-8")
    png, netlog = tmp_path / "debrief.png", tmp_path / "netlog.json"
    _render(html, png, netlog)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.stat().st_size > 20_000  # a drawn page, not an empty canvas
    assert _page_requests(netlog) == []
    # the check itself works: a page that loads something is caught
    leaky = tmp_path / "leaky.html"
    leaky.write_text("<img src='http://example.invalid/x.png'>", encoding="utf-8")
    _render(leaky, tmp_path / "leaky.png", tmp_path / "leaky.json")
    assert _page_requests(tmp_path / "leaky.json") == ["http://example.invalid/x.png"]


@pytest.mark.parametrize("width", [50, 60, 80, 95])
def test_the_text_debrief_fits_a_narrow_terminal(records: list[Path], width: int) -> None:
    # bars and labels were 96 columns wide whatever the screen; on a 60-column terminal
    # every row wrapped and the bars no longer lined up
    from meldcode_cli.training.debriefview import text_lines

    d = build_debrief(records)
    rows = [line for line, _ in text_lines(d, width=width) if "█" in line]
    assert rows
    assert all(len(line) <= width for line in rows), [r for r in rows if len(r) > width]
    # the bars still start in one column
    assert len({line.index("█") for line in rows if "█" in line}) <= 2


def test_the_text_debrief_in_a_file_keeps_its_width(records: list[Path]) -> None:
    from meldcode_cli.training.debriefview import WIDTH, text_lines

    d = build_debrief(records)
    assert text_lines(d) == text_lines(d, width=WIDTH) == text_lines(d, width=200)
