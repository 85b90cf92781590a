"""``meldcode validate`` and ``meldcode start`` without typer (and ``validate`` without
pydantic or YAML when every file is unchanged); ``meldcode --help`` from the cache once typer
has rendered it for this language and width.

A pre-commit hook or an editor runs ``validate`` on every save, mostly on files that were
checked before. When the command line is one this module understands (paths, ``-f/--format``,
``-v``, a global ``--lang``) and the cache (``meldcode_cli.protocol.cache``) has the result of every
file, the results are printed from the cache: the same bytes on stdout and stderr and the
same exit code as the full command. When a file is not in the cache, the same core call as
the full command checks it (and fills the cache), without typer: typer builds a pydantic
adapter for each parameter, which costs more than checking a small protocol. Anything it
does not know (an option, ``--help``, ``--``) returns ``None`` and the full command line
runs.
"""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["run_help", "try_start", "try_validate"]

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
    """Run ``validate`` without typer and return the exit code, or None to run the full CLI.

    Every file unchanged: the results are printed from the cache, without pydantic or YAML.
    Otherwise the same core call as ``cli.authoring.validate``, through the same exception
    mapper, with the same output (typer would only parse the command line, and building its
    parameters costs more than checking a small file)."""
    parsed = _parse(args)
    if parsed is None:
        return None
    lang, raw, fmt, verbose = parsed
    from meldcode_cli.i18n.messages import LANGS, set_lang

    if lang is not None:
        if lang.lower()[:2] not in LANGS:
            return None
        set_lang(lang.lower()[:2])
    code = _validate_from_cache(raw, fmt, verbose)
    return _validate(raw, fmt, verbose) if code is None else code


def _validate_from_cache(raw: list[str], fmt: str, verbose: bool) -> int | None:
    """The exit code after printing every file's cached result; None when one is missing."""
    from meldcode_cli.protocol import cache

    if cache.cache_dir() is None:
        return None
    from meldcode_cli.authoring.validate import (
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
    from meldcode_cli.authoring.output import render_validate

    out, err = render_validate(results, fmt, verbose=verbose)
    if out:
        sys.stdout.write(out if out.endswith("\n") else out + "\n")
        sys.stdout.flush()
    if err:
        sys.stderr.write(err if err.endswith("\n") else err + "\n")
        sys.stderr.flush()
    return 0 if all(r.ok for r in results) else 1


def _validate(raw: list[str], fmt: str, verbose: bool) -> int:
    """``cli.authoring.validate`` without typer: check, fill the cache, print, exit code."""
    from meldcode_cli import console
    from meldcode_cli.authoring import output
    from meldcode_cli.authoring.validate import expand_paths, shipped_protocols_dir, validate_paths
    from meldcode_cli.cli.exits import EXIT_FAILED, EXIT_OK, Exited, guard_core
    from meldcode_cli.i18n.messages import t

    paths = raw or [str(shipped_protocols_dir())]
    try:
        total = guard_core(lambda: len(expand_paths(paths)))
        with console.progress(total, t("validate.progress")) as step:
            results = guard_core(lambda: validate_paths(paths, on_result=lambda _r: step()))
    except Exited as e:
        return e.code
    text, summary = output.render_validate(results, fmt, verbose=verbose)
    console.print_text(text)
    if summary:
        console.print_error(summary)
    return EXIT_OK if all(r.ok for r in results) else EXIT_FAILED


def _help_request(args: list[str]) -> str | None:
    """The language of ``[--lang L] --help`` (or ``-h``), "" for the default; else None."""
    lang = ""
    rest = list(args)
    if len(rest) >= 2 and rest[0] == "--lang":
        lang, rest = rest[1], rest[2:]
    elif rest and rest[0].startswith("--lang="):
        lang, rest = rest[0].split("=", 1)[1], rest[1:]
    if rest not in (["--help"], ["-h"]):
        return None
    return lang


def run_help(args: list[str]) -> int | None:
    """Top-level help: print it from the cache, or render it with typer (the full CLI) and
    keep it, keyed by tool, language and terminal width. None: not a top-level help call."""
    lang = _help_request(args)
    if lang is None:
        return None
    import shutil

    from meldcode_cli.i18n.messages import LANGS, get_lang, set_lang
    from meldcode_cli.protocol import cache

    if lang:
        if lang.lower()[:2] not in LANGS:
            return None
        set_lang(lang.lower()[:2])
    if cache.cache_dir() is None:
        return None
    width = shutil.get_terminal_size().columns
    key = cache.key_for("help", b"", get_lang(), str(width))
    text = cache.get("help", key)
    if isinstance(text, str) and text:
        sys.stdout.write(text)
        sys.stdout.flush()
        return 0
    import contextlib
    import io

    from meldcode_cli.cli.app import main as cli_main

    buf = io.StringIO()
    code: int | str | None = 0
    with contextlib.redirect_stdout(buf):
        try:
            cli_main(args)
        except SystemExit as e:
            code = e.code
    rendered = buf.getvalue()
    sys.stdout.write(rendered)
    sys.stdout.flush()
    if code in (0, None) and rendered:
        cache.put("help", key, rendered)
    return code if isinstance(code, int) else (0 if code is None else 1)


_START_VALUE_OPTIONS = {"--role": "role", "--case": "case", "--answers": "answers"}
_START_VALUE_OPTIONS["--passphrase-file"] = "passphrase_file"
_START_FLAGS: dict[str, tuple[str, bool]] = {
    "--plain": ("plain", True),
    "--rich": ("plain", False),
    "--save": ("save", True),
    "--no-save": ("save", False),
    "--no-sign": ("sign", False),
}


def _parse_start(args: list[str]) -> tuple[str | None, dict[str, object]] | None:
    """(lang, WalkRequest fields) for ``[--lang L] start PROTOCOL [options]``, or None."""
    lang: str | None = None
    rest = list(args)
    if len(rest) >= 2 and rest[0] == "--lang":
        lang, rest = rest[1], rest[2:]
    elif rest and rest[0].startswith("--lang="):
        lang, rest = rest[0].split("=", 1)[1], rest[1:]
    if not rest or rest[0] != "start":
        return None
    fields: dict[str, object] = {"plain": None, "save": True, "sign": True}
    positional: list[str] = []
    i = 1
    while i < len(rest):
        arg = rest[i]
        name, eq, value = arg.partition("=")
        if name in _START_VALUE_OPTIONS:
            if not eq:
                if i + 1 >= len(rest) or rest[i + 1].startswith("-"):
                    return None
                value = rest[i + 1]
                i += 1
            field_name = _START_VALUE_OPTIONS[name]
            if field_name in fields:
                return None  # given twice: let the full parser decide what that means
            fields[field_name] = (
                Path(value) if field_name in ("answers", "passphrase_file") else value
            )
        elif arg in _START_FLAGS:
            key, flag = _START_FLAGS[arg]
            fields[key] = flag
        elif arg.startswith("-"):
            return None  # --help, an unknown option, --: the full parser
        else:
            positional.append(arg)
        i += 1
    if len(positional) != 1:
        return None
    fields["protocol"] = positional[0]
    return lang, fields


def try_start(args: list[str]) -> int | None:
    """Run ``start`` without building the typer app; None when the command line is not one
    this parser knows (then the full CLI runs and explains)."""
    parsed = _parse_start(args)
    if parsed is None:
        return None
    lang, fields = parsed
    from meldcode_cli.i18n.messages import LANGS, set_lang

    if lang is not None:
        if lang.lower()[:2] not in LANGS:
            return None
        set_lang(lang.lower()[:2])
    from meldcode_cli.cli.exits import EXIT_OK, EXIT_USAGE, Exited, guard_walk
    from meldcode_cli.walk.flow import WalkRequest, start_walk

    req = WalkRequest(**fields)  # type: ignore[arg-type]
    try:
        outcome = guard_walk(lambda: start_walk(req))
    except Exited as e:
        return e.code
    return EXIT_USAGE if outcome.status == "incomplete" else EXIT_OK
