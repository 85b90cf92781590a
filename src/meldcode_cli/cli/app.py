"""The command line, assembled: the root options and the list of commands, in the order
``meldcode --help`` shows them. The commands themselves are module-level functions in
``cli/<group>.py`` (authoring, walk, cases, record, report, training, chain), the options
they share in ``cli/options.py``, and the one mapping of exceptions to exit codes in
``cli/exits.py`` (0 ok, 1 check failed, 2 usage or input error, 3 internal error, 130
interrupted; see docs/errors.md). Module level imports: typer and the standard library only,
so ``meldcode --help`` stays fast; each command imports what it needs when it runs.
"""

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, ClassVar

import typer
from typer.core import TyperGroup

from meldcode_cli import __version__
from meldcode_cli.cli import authoring, cases, chain, consult, record, report, training, walk
from meldcode_cli.cli.argv import hoist_lang
from meldcode_cli.cli.common import fail
from meldcode_cli.i18n.messages import LANGS, set_lang, t


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"meldcode {__version__}")
        raise typer.Exit()


class LazyGroup(TyperGroup):
    """The top-level group: a command is turned into a click command only when it is used.

    Typer inspects every command's signature to build it; with twenty commands that is a
    fifth of ``meldcode --help``. The list and the one-line help come from the registry
    (the catalogue texts), so ``--help`` builds none of them; ``meldcode CMD`` builds one.
    """

    registry: ClassVar[dict[str, Any]] = {}

    def list_commands(self, ctx: Any) -> list[str]:  # noqa: ARG002 - click's signature
        return list(self.registry)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:  # noqa: ARG002 - click's signature
        built = self.commands.get(cmd_name)
        if built is not None:
            return built
        info = self.registry.get(cmd_name)
        if info is None:
            return None
        from typer.main import get_command_from_info, get_group_from_info
        from typer.models import TyperInfo

        if isinstance(info, TyperInfo):
            built = get_group_from_info(
                info, pretty_exceptions_short=True, rich_markup_mode=None, suggest_commands=True
            )
        else:
            built = get_command_from_info(info, pretty_exceptions_short=True, rich_markup_mode=None)
        self.add_command(built, cmd_name)
        return built

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        names = self.list_commands(ctx)
        if not names:
            return
        limit = formatter.width - 6 - max(len(n) for n in names)
        rows = []
        for name in names:
            info = self.registry[name]
            text = info.help if isinstance(info.help, str) else ""
            instance = getattr(info, "typer_instance", None)
            if not text and instance is not None and isinstance(instance.info.help, str):
                text = instance.info.help
            rows.append((name, short_help(text, limit) if text else ""))
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def short_help(text: str, limit: int = 45) -> str:
    """The one-line help of a command in ``meldcode --help``: the first paragraph, up to its
    first sentence end, cut at a word before ``limit`` characters with "...".

    Click's own helper for this is private (``typer._click`` since typer 0.26, ``click``
    before), so the rule is written out here.
    """
    words = text.split("\n\n", 1)[0].split()
    if words and words[0] == "\b":
        words = words[1:]
    out: list[str] = []
    length = 0
    for word in words:
        length += len(word) + (1 if out else 0)
        if length > limit:
            break
        out.append(word)
        if word.endswith("."):
            return " ".join(out)
    else:
        return " ".join(out)
    while out and len(" ".join(out)) + 3 > limit:
        out.pop()
    return " ".join(out) + "..."


def _warn_bad_ketenkaart() -> None:
    """A ``--ketenkaart`` file with errors is left out (the national numbers are shown):
    say so, with file:line:col, and go on — a walk is never refused for it (issue 17)."""
    from meldcode_cli import console
    from meldcode_cli.chain.ketenkaart import active_ketenkaart

    for d in active_ketenkaart().diagnostics:
        if d.severity == "error":
            hint = f" ({d.hint})" if d.hint else ""
            console.print_error(
                t("ketenkaart.left_out", where=d.where, code=d.code, what=d.message + hint)
            )


def root(
    lang: Annotated[str | None, typer.Option("--lang", help=t("opt.lang"))] = None,
    version: Annotated[  # noqa: ARG001 - handled by its eager callback
        bool,
        typer.Option(
            "--version", "-V", help=t("opt.version"), callback=_version_callback, is_eager=True
        ),
    ] = False,
    ketenkaart: Annotated[
        list[Path] | None,
        typer.Option(
            "--ketenkaart",
            help=t("opt.ketenkaart.contacts"),
            show_default=False,
            metavar="PATH",
        ),
    ] = None,
) -> None:
    if lang is not None:
        if lang.lower()[:2] not in LANGS:
            fail(t("error.cli.bad_lang", lang=lang, langs=", ".join(LANGS)))
        set_lang(lang.lower()[:2])
    if ketenkaart:
        from meldcode_cli.chain.ketenkaart import set_ketenkaart_paths

        for p in ketenkaart:
            if not p.exists():
                fail(t("error.cli.ketenkaart_missing", path=p))
        set_ketenkaart_paths(ketenkaart)
        _warn_bad_ketenkaart()


def make_app() -> typer.Typer:  # noqa: PLR0915 - a table of registrations: data, one line each
    """The app: root options, then every command and group in ``--help`` order."""
    from meldcode_cli.cli.chrome import install as install_chrome

    install_chrome()  # click/typer's own words through the catalogue (cli/chrome.py)
    app = typer.Typer(
        name="meldcode",
        help=t("app.help"),
        no_args_is_help=True,
        add_completion=False,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback()(root)

    def command(name: str, help_key: str, fn: Callable[..., Any], on: typer.Typer = app) -> None:
        on.command(name, help=t(help_key))(fn)

    key_app = typer.Typer(name="key", help=t("cmd.key"), no_args_is_help=True)
    app.add_typer(key_app, name="key")
    casus_app = typer.Typer(name="casus", help=t("cmd.casus"), no_args_is_help=True)
    app.add_typer(casus_app, name="casus")

    command("validate", "cmd.validate", authoring.validate)
    command("schema", "cmd.schema", authoring.schema)
    command("test", "cmd.test", authoring.scenario_tests)
    command("start", "cmd.start", walk.start)
    command("resume", "cmd.resume", walk.resume)
    command("init", "cmd.init", record.init)
    command("export", "cmd.key.export", record.key_export, key_app)
    command("rotate", "cmd.key.rotate", record.key_rotate, key_app)
    command("sign", "cmd.sign", record.sign_cmd)
    command("evaluate", "cmd.evaluate", record.evaluate)
    command("verify", "cmd.verify", record.verify)
    command("report", "cmd.report", report.report)
    command("cases", "cmd.cases", cases.cases)
    command("list", "cmd.list", authoring.list_)
    command("show", "cmd.show", authoring.show)
    command("validate", "cmd.casus.validate", training.casus_validate, casus_app)
    command("list", "cmd.casus.list", training.casus_list, casus_app)
    command("train", "cmd.train", training.train)
    command("debrief", "cmd.debrief", training.debrief)

    # Each issue's commands are functions in cli/<group>.py (inside that module's own
    # "issue N" anchors); register them here, inside the same issue's anchors.
    # ---- issue 10: new commands below this line ----
    command("diff", "cmd.diff", record.diff)
    # ---- end of issue 10 ----

    # ---- issue 11: new commands below this line ----
    command("refute", "cmd.refute", walk.refute)
    # ---- end of issue 11 ----

    # ---- issue 12: new commands below this line ----
    # ---- end of issue 12 ----

    # ---- issue 13: new commands below this line ----
    # ---- end of issue 13 ----

    # ---- issue 16: new commands below this line ----
    command("journaal", "cmd.journaal", report.journaal)
    command("acute", "cmd.acute", walk.acute)
    command("melding", "cmd.melding", walk.melding)
    command("terugkoppeling", "cmd.terugkoppeling", walk.terugkoppeling)
    command("rename", "cmd.rename", cases.rename)
    command("archive", "cmd.archive", cases.archive)
    command("purge", "cmd.purge", cases.purge)
    # ---- end of issue 16 ----

    # ---- issue 19: new commands below this line ----
    command("new", "cmd.new", authoring.new)
    # ---- end of issue 19 ----

    # ---- issue 17: new commands below this line ----
    kaart_app = typer.Typer(
        name="kaart", help=t("cmd.kaart"), invoke_without_command=True, no_args_is_help=False
    )
    app.add_typer(kaart_app, name="kaart")
    monitor_app = typer.Typer(name="monitor", help=t("cmd.monitor"), no_args_is_help=True)
    app.add_typer(monitor_app, name="monitor")
    kaart_app.callback()(chain.kaart)
    command("validate", "cmd.kaart.validate", chain.kaart_validate, kaart_app)
    command("export", "cmd.monitor.export", chain.monitor_export, monitor_app)
    command("combine", "cmd.monitor.combine", chain.monitor_combine, monitor_app)
    # ---- end of issue 17 ----

    # ---- issue 15: new commands below this line ----
    # ---- end of issue 15 ----

    # ---- issue 18: new commands below this line ----
    consult_app = typer.Typer(
        name="consult", help=t("cmd.consult"), no_args_is_help=True, cls=consult.ConsultGroup
    )
    app.add_typer(consult_app, name="consult")
    command("request", "cmd.consult.request", consult.consult_request, consult_app)
    command("answer", "cmd.consult.answer", consult.consult_answer, consult_app)
    command("import", "cmd.consult.import", consult.consult_import, consult_app)
    command("trust", "cmd.key.trust", consult.key_trust, key_app)
    # ---- end of issue 18 ----

    # hand the commands to the lazy top-level group (see LazyGroup); typer builds the root
    # (its callback and options) and nothing else up front
    registry: dict[str, Any] = {}
    for info in app.registered_commands:
        name = info.name or info.callback.__name__.replace("_", "-")  # type: ignore[union-attr]
        registry[name] = info
    for group in app.registered_groups:
        registry[group.name or ""] = group
    app.registered_commands = []
    app.registered_groups = []
    LazyGroup.registry = registry
    app.info.cls = LazyGroup
    return app


def _preparse_lang(argv: list[str]) -> None:
    """``--lang`` must be known before help texts are built."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            set_lang(argv[i + 1].lower()[:2])
        elif arg.startswith("--lang="):
            set_lang(arg.split("=", 1)[1].lower()[:2])


def main(argv: list[str] | None = None) -> None:
    args = hoist_lang(sys.argv[1:] if argv is None else argv)
    from meldcode_cli.cli.exits import signals_as_interrupt

    signals_as_interrupt()
    _preparse_lang(args)
    app = make_app()
    app(args=args, prog_name="meldcode")
