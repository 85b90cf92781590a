"""The console-script entry point: answers ``--version``, ``--help`` (from the cache) and
``validate`` of unchanged files (``fastpath``) before importing anything heavy."""

from __future__ import annotations

import os
import sys

from meldcode_cli import __version__

# pydantic plugins are third-party code that observes every validation (some send telemetry);
# this tool promises that nothing leaves the machine, so none are loaded. It also saves
# pydantic's scan of every installed package's entry points at start-up.
os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"


def hoist_lang(argv: list[str]) -> list[str]:
    """``--lang L`` anywhere before ``--`` (``meldcode start X --lang en``, as docs/walk.md
    shows) is moved to the front, where the root option reads it."""
    out: list[str] = []
    lang: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            out += argv[i:]
            break
        if arg == "--lang" and i + 1 < len(argv):
            lang = [arg, argv[i + 1]]
            i += 2
            continue
        if arg.startswith("--lang="):
            lang = [arg]
        else:
            out.append(arg)
        i += 1
    return lang + out


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args in (["--version"], ["-V"]):
        sys.stdout.write(f"meldcode {__version__}\n")
        return
    from meldcode_cli.cli.exits import signals_as_interrupt

    signals_as_interrupt()
    if any(a == "--lang" or a.startswith("--lang=") for a in args[1:]):
        args = hoist_lang(args)
    if args and args[-1] in ("--help", "-h") and len(args) <= 3:
        from meldcode_cli.cli.fastpath import run_help

        code = run_help(args)
        if code is not None:
            raise SystemExit(code)
    if "validate" in args[:3]:
        from meldcode_cli.cli.fastpath import try_validate

        code = try_validate(args)
        if code is not None:
            raise SystemExit(code)
    if "start" in args[:3]:
        from meldcode_cli.cli.fastpath import try_start

        code = try_start(args)
        if code is not None:
            raise SystemExit(code)
    from meldcode_cli.cli.app import main as cli_main

    cli_main(args)
