"""``benchmarks/startup.py --importtime``: how it reads ``python -X importtime`` (no timing)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "startup.py"

SAMPLE = """\
import time: self [us] | cumulative | imported package
import time:       100 |        100 | _io
import time:      2000 |       2500 |   pydantic_core._pydantic_core
import time:       500 |       3000 | pydantic_core
import time:      1000 |       1000 |     rich.text
import time:       300 |       1300 |   rich.console
import time:       200 |       1500 | meldcode_cli.console
not an importtime line
"""


def load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("startup_benchmark", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_importtime_totals_and_self_times_per_library() -> None:
    figures = load().parse_importtime(SAMPLE)
    assert figures["total"] == 4.6  # the three top-level imports, cumulative
    assert figures["pydantic"] == 2.5  # pydantic_core's modules, self
    assert figures["rich"] == 1.3
    assert figures["meldcode_cli"] == 0.2
    assert figures["yaml"] == figures["typer"] == figures["prompt_toolkit"] == 0.0
