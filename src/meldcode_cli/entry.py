"""The console-script entry point: answers ``--version``, and ``validate`` of unchanged files
(``fastpath``), before importing anything heavy."""

from __future__ import annotations

import os
import sys

from meldcode_cli import __version__

# pydantic plugins are third-party code that observes every validation (some send telemetry);
# this tool promises that nothing leaves the machine, so none are loaded. It also saves
# pydantic's scan of every installed package's entry points at start-up.
os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args in (["--version"], ["-V"]):
        sys.stdout.write(f"meldcode {__version__}\n")
        return
    if "validate" in args[:3]:
        from meldcode_cli.fastpath import try_validate

        code = try_validate(args)
        if code is not None:
            raise SystemExit(code)
    from meldcode_cli.cli import main as cli_main

    cli_main(args)
