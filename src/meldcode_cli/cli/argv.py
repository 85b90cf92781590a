"""The command line before typer sees it (shared by the entry point and the app)."""

from __future__ import annotations

__all__ = ["hoist_lang"]


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
