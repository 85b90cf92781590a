"""The console-script entry point: answers ``--version`` before importing anything heavy."""

from __future__ import annotations

import sys

from meldcode_cli import __version__


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args in (["--version"], ["-V"]):
        sys.stdout.write(f"meldcode {__version__}\n")
        return
    from meldcode_cli.cli import main as cli_main

    cli_main(args)
