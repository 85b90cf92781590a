"""``meldcode validate`` without typer, pydantic or YAML, when every file is unchanged.

A pre-commit hook or an editor runs ``validate`` on every save, mostly on files that were
checked before. When the command line is one this module understands (paths, ``-f/--format``,
``-v``, a global ``--lang``) and the cache (``meldcode_cli.cache``) has the result of every
file, the results are printed from the cache: the same bytes on stdout and stderr and the
same exit code as the full command. Anything else (an option it does not know, a missing
path, one file not in the cache) returns ``None`` and the full command line runs, which
checks what changed and fills the cache.
"""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["try_validate"]

FORMATS = ("text", "json", "github", "sarif")


def _parse(args: list[str]) -> tuple[str | None, list[str], str, bool] | None:
    """(lang, paths, format, verbose) for ``[--lang L] validate [opts] [paths]``, or None."""
    lang: str | None = None
    i = 0
    while i < len(args) and args[i] != "validate":
        arg = args[i]
        if arg == "--lang" and i + 1 < len(args):
            lang = args[i + 1]
            i += 2
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
            i += 1
        else:
            return None
    if i >= len(args):
        return None
    paths: list[str] = []
    fmt = "text"
    verbose = False
    rest = args[i + 1 :]
    j = 0
    while j < len(rest):
        arg = rest[j]
        if arg in ("-f", "--format") and j + 1 < len(rest):
            fmt = rest[j + 1]
            j += 2
            continue
        if arg.startswith("--format="):
            fmt = arg.split("=", 1)[1]
        elif arg in ("-v", "--verbose"):
            verbose = True
        elif arg.startswith("-"):
            return None  # --help, -fjson, --, an unknown option: the full parser decides
        else:
            paths.append(arg)
        j += 1
    if fmt not in FORMATS:
        return None
    return lang, paths, fmt, verbose


def try_validate(args: list[str]) -> int | None:
    """Print the cached results and return the exit code, or None to run the full CLI."""
    parsed = _parse(args)
    if parsed is None:
        return None
    lang, raw, fmt, verbose = parsed
    from meldcode_cli import cache
    from meldcode_cli.messages import LANGS, set_lang

    if cache.cache_dir() is None:
        return None
    if lang is not None:
        if lang.lower()[:2] not in LANGS:
            return None
        set_lang(lang.lower()[:2])
    from meldcode_cli.checker import (
        UsageError,
        _cache_key,
        _cross_file_checks,
        cached_result,
        display_path,
        expand_paths,
        shipped_protocols_dir,
    )

    try:
        files = expand_paths(raw or [str(shipped_protocols_dir())])
    except UsageError:
        return None
    if not files:
        return None
    results = []
    for path in files:
        key = _cache_key(Path(path))
        hit = cached_result(key, display_path(path)) if key is not None else None
        if hit is None:
            return None
        results.append(hit)
    _cross_file_checks(results)
    from meldcode_cli.output import render_validate

    out, err = render_validate(results, fmt, verbose=verbose)
    if out:
        sys.stdout.write(out if out.endswith("\n") else out + "\n")
        sys.stdout.flush()
    if err:
        sys.stderr.write(err if err.endswith("\n") else err + "\n")
        sys.stderr.flush()
    return 0 if all(r.ok for r in results) else 1
