"""click/typer's own words (``Usage:``, ``Options``, ``Missing argument``, ``[required]``) in
the user's language.

Typer (from 0.26 it vendors click) writes these as literal English. They are translated
through the ``chrome`` gettext domain (``i18n/locale/nl/LC_MESSAGES/chrome.po``), whose
msgids are the library's own English text, as a gettext catalogue for click would have them;
English needs no file. A message with values (``Missing argument 'protocol'.``) is matched
against the msgids with ``{placeholders}``. Only the help formatter and the error display
are touched: nothing decides anything by this text.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["install", "tr"]

_templates: list[tuple[re.Pattern[str], str]] | None = None


def _catalog() -> dict[Any, str]:
    from meldcode_cli.i18n.messages import get_lang, translation

    if get_lang() == "en":
        return {}
    return dict(getattr(translation(get_lang(), "chrome"), "_catalog", {}))


def tr(text: str) -> str:
    """``text`` (click/typer English) in the current language."""
    cat = _catalog()
    if not cat or not text:
        # typer's enum check says "Value error, 'x' is not one of ...": pydantic's words
        return text.replace("Value error, ", "") if text else text
    if text in cat:
        return cat[text]
    stripped = text.rstrip(":")
    if stripped != text and stripped in cat:
        return cat[stripped] + ":"
    templates = sorted((k for k in cat if isinstance(k, str) and "{" in k), key=len, reverse=True)
    for msgid in templates:
        msgstr = cat[msgid]
        if msgid:
            pattern = "^" + re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>.+?)", re.escape(msgid)) + "$"
            m = re.match(pattern, text, re.S)
            if m:
                return msgstr.format(**{k: tr(v) for k, v in m.groupdict().items()})
    return text


def _translate_extras(text: str) -> str:
    """``[default: save]`` and ``[required]`` at the end of an option's help."""
    return re.sub(r"\[([^\[\]]+)\]", lambda m: "[" + tr(m.group(1)) + "]", text)


def _say_error(text: str, out: Any) -> None:
    """The error line; on a terminal wrapped at word boundaries (as every other message)."""
    from meldcode_cli.walk.prompt.lines import write_lines

    write_lines(out, *text.split("\n"))


def install() -> None:
    """Patch typer's help formatter and error display (idempotent)."""
    import importlib

    import typer
    import typer.core

    core = next(c.__module__ for c in typer.Context.__mro__ if c.__module__.endswith("click.core"))
    package = core.rsplit(".", 1)[0]  # typer._click (typer >= 0.26) or click
    ctx_cls = importlib.import_module(core).Context
    base = ctx_cls.formatter_class
    if getattr(base, "_meldcode", False):
        return

    class Formatter(base):  # type: ignore[valid-type, misc]
        _meldcode = True

        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            for word in ("COMMAND [ARGS]...", "[OPTIONS]"):
                args = args.replace(word, tr(word))
            super().write_usage(prog, args, tr("Usage: ") if prefix is None else prefix)

        def write_heading(self, heading: str) -> None:
            super().write_heading(tr(heading))

        def write_dl(self, rows: Any, *args: Any, **kwargs: Any) -> None:
            rows = [(a, _translate_extras(tr(b)) if b else b) for a, b in rows]
            super().write_dl(rows, *args, **kwargs)

    ctx_cls.formatter_class = Formatter
    setattr(typer.core, "_", tr)  # noqa: B010 - typer's own gettext calls

    exc_mod = importlib.import_module(package + ".exceptions")
    usage_error = exc_mod.UsageError
    click_exception = exc_mod.ClickException
    echo = importlib.import_module(package + ".utils").echo

    def show_usage_error(self: Any, file: Any = None) -> None:
        import sys

        out = file or sys.stderr
        if self.ctx is not None:
            hint = ""
            if self.ctx.command.get_help_option(self.ctx) is not None:
                hint = (
                    tr("Try '{command}' for help.").format(
                        command=f"{self.ctx.command_path} {self.ctx.help_option_names[0]}"
                    )
                    + "\n"
                )
            echo(f"{self.ctx.get_usage()}\n{hint}", file=out)
        _say_error(tr("Error: {message}").format(message=tr(self.format_message())), out)

    def show_click_exception(self: Any, file: Any = None) -> None:
        import sys

        _say_error(
            tr("Error: {message}").format(message=tr(self.format_message())), file or sys.stderr
        )

    usage_error.show = show_usage_error
    click_exception.show = show_click_exception
