"""``meldcode show --record FILE`` highlights a session's path; ``--format svg`` uses Graphviz."""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from meldcode_cli.authoring.render import AFWEGING_FLOW, render_protocol
from meldcode_cli.cli.app import make_app
from meldcode_cli.protocol.afwegingskader import PATH_CODES
from meldcode_cli.report.diagram import afweging_sequence, render_show
from tests.training_helpers import key_answers, train


@pytest.fixture
def afsluiten_record() -> Path:
    """km-huisarts-val as in the key: afweging 1 'nee', afsluiten."""
    outcome, _ = train("km-huisarts-val", key_answers("km-huisarts-val"))
    assert outcome.record is not None
    return outcome.record


@pytest.fixture
def hulp_record() -> Path:
    outcome, _ = train("om-huisarts-mantelzorg", key_answers("om-huisarts-mantelzorg"))
    assert outcome.record is not None
    return outcome.record


@pytest.mark.parametrize("path", PATH_CODES)
def test_afweging_sequence_follows_the_flow(path: str) -> None:
    afw: dict[str, bool | None] = {
        str(i + 1): (None if c in "-?" else c == "J") for i, c in enumerate(path)
    }
    seq = afweging_sequence(afw)
    edges = {(a, b) for a, _, b in AFWEGING_FLOW}
    assert all(pair in edges for pair in itertools.pairwise(seq)), seq
    end = seq[-1]
    if path == "N----":
        assert end == "afsluiten"
    elif path.endswith("?") and path[3] == "J":
        assert end == "a5"
        assert "hulp" in seq
    elif path[4] == "J":
        assert end == "monitoring"
    elif path[4] == "N":
        assert end == "melden3"
    elif path[1] == "J":
        assert end == "vt_verder"  # the melding stands; no meldnorm 2 after afweging 2 ja
    else:
        assert end == "melden2"
    assert ("melden1" in seq) == (path[1] == "J")
    assert not ("melden1" in seq and "melden2" in seq)


def test_mermaid_marks_the_path(afsluiten_record: Path) -> None:
    text = render_show("kindermishandeling", "mermaid", None, afsluiten_record)
    plain = render_protocol("kindermishandeling", "mermaid", "huisarts")
    assert text.startswith(plain)  # the diagram itself is unchanged; styles are added
    classes = re.search(r"^  class (\S+) taken;$", text, re.M)
    assert classes
    marked = set(classes.group(1).split(","))
    assert {"start", "signalen", "kindcheck", "gesprek", "a1", "afsluiten"} <= marked
    assert not {"a2", "melden1", "hulp", "monitoring_afspraken"} & marked
    assert "deskundige_leck" in marked  # huisarts guidance that was shown
    links = re.search(r"^  linkStyle ([\d,]+) ", text, re.M)
    assert links
    edges = [line for line in plain.splitlines() if "-->" in line or ".->" in line]
    taken = [edges[int(i)].strip() for i in links.group(1).split(",")]
    assert "a1 -- nee --> afsluiten" in taken
    assert not any(line.startswith("a1 -- ja") for line in taken)


def test_dot_marks_nodes_and_edges(hulp_record: Path) -> None:
    text = render_show("ouderenmishandeling", "dot", None, hulp_record)
    assert re.search(r'a4 \[shape=diamond, label="[^"]+", style=filled, fillcolor=', text)
    assert re.search(r"a4 -> hulp \[label=\"ja\", color=\"#c2410c\", penwidth=3\];", text)
    assert re.search(r"a2 -> a3 \[label=\"nee\", color=", text)
    assert re.search(r"a2 -> melden1 \[label=\"ja\"\];", text)  # not taken
    assert 'weging_dynamiek [shape=box, label="' in text
    assert re.search(r"weging_dynamiek \[[^\]]*fillcolor", text)


def test_without_record_show_is_unchanged(runner: CliRunner) -> None:
    for fmt in ("text", "mermaid", "dot"):
        result = runner.invoke(make_app(), ["show", "partnergeweld", "-f", fmt])
        assert result.exit_code == 0
        assert result.stdout.rstrip("\n") == render_protocol("partnergeweld", fmt, None)


def test_record_problems_are_usage_errors(
    runner: CliRunner, afsluiten_record: Path, tmp_path: Path
) -> None:
    text = runner.invoke(
        make_app(), ["show", "kindermishandeling", "--record", str(afsluiten_record)]
    )
    assert text.exit_code == 2
    assert "mermaid, dot of svg" in text.output
    other = runner.invoke(
        make_app(), ["show", "partnergeweld", "-f", "dot", "--record", str(afsluiten_record)]
    )
    assert other.exit_code == 2
    assert "kindermishandeling" in other.output
    role = runner.invoke(
        make_app(),
        [
            "show",
            "kindermishandeling",
            "-f",
            "dot",
            "--role",
            "wijkagent",
            "--record",
            str(afsluiten_record),
        ],
    )
    assert role.exit_code == 2
    junk = tmp_path / "x.json"
    junk.write_text(json.dumps({"record": {}, "signature": None}), encoding="utf-8")
    bad = runner.invoke(
        make_app(), ["show", "kindermishandeling", "-f", "dot", "--record", str(junk)]
    )
    assert bad.exit_code == 2
    missing = runner.invoke(
        make_app(),
        ["show", "kindermishandeling", "-f", "dot", "--record", str(tmp_path / "weg.json")],
    )
    assert missing.exit_code == 2


def test_svg_without_graphviz_is_a_clear_usage_error(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    result = runner.invoke(make_app(), ["show", "partnergeweld", "-f", "svg"])
    assert result.exit_code == 2
    assert "Graphviz" in result.output
    assert "'dot'" in result.output
    assert "Traceback" not in result.output


def test_svg_runs_dot_with_the_dot_source(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, hulp_record: Path
) -> None:
    """A stand-in ``dot`` on PATH: the command hands it the (highlighted) Graphviz source."""
    fake = tmp_path / "bin" / "dot"
    fake.parent.mkdir()
    seen = tmp_path / "seen.dot"
    fake.write_text(
        f'#!/bin/sh\n[ "$1" = "-Tsvg" ] || exit 9\ncat > "{seen}"\necho "<svg>ok</svg>"\n',
        encoding="utf-8",
    )
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")
    result = runner.invoke(
        make_app(), ["show", "ouderenmishandeling", "-f", "svg", "--record", str(hulp_record)]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "<svg>ok</svg>"
    assert seen.read_text(encoding="utf-8") == render_show(
        "ouderenmishandeling", "dot", None, hulp_record
    )


def test_svg_reports_a_failing_dot(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake = tmp_path / "dot"
    fake.write_text("#!/bin/sh\necho 'syntax error' >&2\nexit 1\n", encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    result = runner.invoke(make_app(), ["show", "partnergeweld", "-f", "svg"])
    assert result.exit_code == 2
    assert "syntax error" in result.output


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz not installed")
def test_real_graphviz_makes_svg(hulp_record: Path) -> None:
    svg = render_show("ouderenmishandeling", "svg", None, hulp_record)
    assert "<svg" in svg
    assert "</svg>" in svg
    assert "#c2410c" in svg  # the highlighted edges survive into the drawing
