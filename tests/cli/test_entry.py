"""The console-script entry point: pydantic's plugin loader is not imported while plugins
are off (``cli/entry.py``), and a pydantic that wants more of it still gets the real one."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT, VOORBEELD

PROBE = """
import json, sys
from meldcode_cli.cli.entry import main
try:
    main(["validate", sys.argv[1]])
except SystemExit as e:
    code = e.code
loader = sys.modules.get("pydantic.plugin._loader")
report = {
    "code": code,
    "metadata": "importlib.metadata" in sys.modules,
    "loader": type(loader).__name__ if loader is not None else None,
}
if sys.argv[2] == "more":
    report["plugins"] = repr(loader._plugins)  # a name the stand-in does not have
    report["loader_after"] = type(sys.modules["pydantic.plugin._loader"]).__name__
sys.stderr.write("REPORT=" + json.dumps(report) + "\\n")
"""


def run(mode: str) -> dict[str, object]:
    ran = subprocess.run(
        [sys.executable, "-c", PROBE, str(VOORBEELD), mode],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "MELDCODE_NO_CACHE": "1"},  # validators are built
    )
    line = [x for x in ran.stderr.splitlines() if x.startswith("REPORT=")]
    assert line, ran.stderr
    return dict(json.loads(line[-1][len("REPORT=") :]))


def test_validation_runs_without_the_plugin_loader() -> None:
    report = run("plain")
    assert report == {"code": 0, "metadata": False, "loader": "_NoPluginLoader"}


def test_any_other_name_loads_the_real_loader() -> None:
    report = run("more")
    assert report["code"] == 0
    assert report["plugins"] == "None"  # the real module, which found nothing to load
    assert report["loader_after"] == "module"


@pytest.mark.parametrize(
    ("args", "codes"),
    [
        (["--version"], (141,)),
        (["--help"], (141,)),
        (["validate", str(VOORBEELD)], (141,)),
        (["start", "partnergeweld", "--answers", "examples/casus-partnergeweld.yaml"], (141,)),
        (["show", "partnergeweld"], (1,)),  # click's own handling of EPIPE: exit 1, quiet
        (["kaart"], (1,)),
    ],
    ids=lambda v: " ".join(v)[:30] if isinstance(v, list) else None,
)
def test_a_reader_that_leaves_ends_it_quietly(args: list[str], codes: tuple[int, ...]) -> None:
    # `meldcode ... | head` once printed "meldcode: ?: Broken pipe" or a traceback
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the first line
    try:
        ran = subprocess.run(
            [sys.executable, "-c", "from meldcode_cli.cli.entry import main; main()", *args],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=dict(os.environ),
            check=False,
        )
    finally:
        os.close(write)
    assert ran.returncode in codes, ran.stderr
    assert ran.stderr == ""
