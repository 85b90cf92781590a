"""The command line. Thin: each command turns options into one core call and maps
exceptions to exit codes (0 ok, 1 check failed, 2 usage or input error, 130 interrupted,
3 internal error). Module level imports: typer and the standard library only, so
``meldcode --help`` stays fast; each command imports what it needs.
"""

import enum
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, ClassVar, NoReturn, TypeVar

import typer
from typer.core import TyperGroup

from meldcode_cli import __version__
from meldcode_cli.i18n.messages import LANGS, set_lang, t

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130

T = TypeVar("T")


class CheckFormat(enum.StrEnum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


class ListFormat(enum.StrEnum):
    text = "text"
    json = "json"


class ShowFormat(enum.StrEnum):
    text = "text"
    mermaid = "mermaid"
    dot = "dot"
    svg = "svg"


class FeedbackMode(enum.StrEnum):
    step = "step"
    end = "end"


class DebriefFormat(enum.StrEnum):
    text = "text"
    html = "html"


class ReportFormat(enum.StrEnum):
    md = "md"
    txt = "txt"
    html = "html"


class OnChange(enum.StrEnum):
    pinned = "pinned"
    restart = "restart"


class SchemaKind(enum.StrEnum):
    protocol = "protocol"
    scenarios = "scenarios"
    record = "record"
    ketenkaart = "ketenkaart"
    monitor = "monitor"
    organisatie = "organisatie"


class SchemaDraft(enum.StrEnum):
    d2020 = "2020-12"
    d07 = "07"


class ProfileRoleOpt(enum.StrEnum):
    huisarts = "huisarts"
    wijkagent = "wijkagent"
    professional = "professional"
    trainer = "trainer"


def _fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    from meldcode_cli.console import print_error

    print_error(f"meldcode: {message}")
    raise typer.Exit(code)


def run_core(call: Callable[[], T]) -> T:
    """Run one core call; map our exceptions to exit codes and never show a traceback
    (the mapping lives in ``exits``, shared with the fast paths)."""
    from meldcode_cli.cli.exits import Exited, guard_core

    try:
        return guard_core(call, (typer.Exit, typer.Abort))
    except Exited as e:
        raise typer.Exit(e.code) from None


def run_walk(call: Callable[[], T]) -> T:
    """Like :func:`run_core`, plus the walk's own ends: a saved interruption is exit 130."""
    from meldcode_cli.cli.exits import Exited, guard_walk

    try:
        return guard_walk(call, (typer.Exit, typer.Abort))
    except Exited as e:
        raise typer.Exit(e.code) from None


def _nl_date(iso: str) -> str:
    """JJJJ-MM-DD as DD-MM-JJJJ."""
    y, m, d = iso[:10].split("-")
    return f"{d}-{m}-{y}"


def _short_path(path: Path) -> str:
    """A path as short as it can be said: relative to here, or from ~."""
    from meldcode_cli.walk.casemgmt import short_path

    return short_path(path)


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


def _say(text: str) -> None:
    """A message on stdout; on a terminal wrapped at word boundaries (never mid-word)."""
    from meldcode_cli.walk.prompt.lines import write_lines

    write_lines(sys.stdout, *text.rstrip("\n").split("\n"))


def _console() -> Any:
    from meldcode_cli import console

    return console


class ConsultGroup(TyperGroup):
    """``meldcode consult CASE`` is ``meldcode consult request CASE``; ``answer`` and
    ``import`` are the other two steps."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and not args[0].startswith("-") and args[0] not in self.commands:
            args = ["request", *args]
        return super().parse_args(ctx, args)


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


def build_app() -> typer.Typer:
    app = typer.Typer(
        name="meldcode",
        help=t("app.help"),
        no_args_is_help=True,
        add_completion=False,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )

    key_app = typer.Typer(name="key", help=t("cmd.key"), no_args_is_help=True)
    app.add_typer(key_app, name="key")
    casus_app = typer.Typer(name="casus", help=t("cmd.casus"), no_args_is_help=True)
    app.add_typer(casus_app, name="casus")

    def _warn_bad_ketenkaart() -> None:
        """A ``--ketenkaart`` file with errors is left out (the national numbers are shown):
        say so, with file:line:col, and go on — a walk is never refused for it."""
        from meldcode_cli import console
        from meldcode_cli.chain.ketenkaart import active_ketenkaart

        for d in active_ketenkaart().diagnostics:
            if d.severity == "error":
                hint = f" ({d.hint})" if d.hint else ""
                console.print_error(
                    t("ketenkaart.left_out", where=d.where, code=d.code, what=d.message + hint)
                )

    @app.callback()
    def root(
        lang: Annotated[
            str | None,
            typer.Option("--lang", help=t("opt.lang")),
        ] = None,
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
                _fail(f"--lang: '{lang}' (nl of en)")
            set_lang(lang.lower()[:2])
        if ketenkaart:
            from meldcode_cli.chain.ketenkaart import set_ketenkaart_paths

            for p in ketenkaart:
                if not p.exists():
                    _fail(f"--ketenkaart {p}: bestaat niet")
            set_ketenkaart_paths(ketenkaart)
            _warn_bad_ketenkaart()

    @app.command("validate", help=t("cmd.validate"))
    def validate(
        paths: Annotated[
            list[str] | None, typer.Argument(help=t("cmd.validate.paths"), show_default=False)
        ] = None,
        fmt: Annotated[
            CheckFormat, typer.Option("--format", "-f", help=t("opt.format"))
        ] = CheckFormat.text,
        verbose: Annotated[bool, typer.Option("--verbose", "-v", help=t("opt.verbose"))] = False,
    ) -> None:
        from meldcode_cli import console
        from meldcode_cli.authoring import output
        from meldcode_cli.authoring.validate import (
            expand_paths,
            shipped_protocols_dir,
            validate_paths,
        )

        raw = paths or [str(shipped_protocols_dir())]
        total = run_core(lambda: len(expand_paths(raw)))
        with console.progress(total, t("validate.progress")) as step:
            results = run_core(lambda: validate_paths(raw, on_result=lambda _r: step()))
        text, summary = output.render_validate(results, fmt.value, verbose=verbose)
        console.print_text(text)
        if summary:
            console.print_error(summary)
        raise typer.Exit(EXIT_OK if all(r.ok for r in results) else EXIT_FAILED)

    @app.command("schema", help=t("cmd.schema"))
    def schema(
        kind: Annotated[
            SchemaKind, typer.Option("--kind", help=t("cmd.schema.kind"))
        ] = SchemaKind.protocol,
        output_file: Annotated[
            Path | None, typer.Option("--output", "-o", help=t("cmd.schema.output"))
        ] = None,
        draft: Annotated[
            SchemaDraft, typer.Option("--draft", help=t("cmd.schema.draft"))
        ] = SchemaDraft.d2020,
    ) -> None:
        from meldcode_cli import console
        from meldcode_cli.authoring.schema import schema_json

        text = run_core(lambda: schema_json(kind.value, draft.value))
        if output_file is None:
            console.print_text(text)
            return
        from meldcode_cli.walk.casestore import atomic_write

        run_core(lambda: atomic_write(output_file, (text + "\n").encode("utf-8")))
        console.print_error(t("schema.written", path=output_file))

    @app.command("test", help=t("cmd.test"))
    def test(
        paths: Annotated[
            list[str] | None, typer.Argument(help=t("cmd.test.paths"), show_default=False)
        ] = None,
        fmt: Annotated[
            ListFormat, typer.Option("--format", "-f", help=t("opt.format"))
        ] = ListFormat.text,
        require_coverage: Annotated[
            bool, typer.Option("--require-full-coverage", help=t("cmd.test.require"))
        ] = False,
    ) -> None:
        from meldcode_cli import console
        from meldcode_cli.authoring.testrun import format_report, format_report_json, run_tests

        report = run_core(lambda: run_tests(paths or []))
        if fmt is ListFormat.json:
            console.print_text(format_report_json(report))
        else:
            console.print_text(format_report(report))
        failed = not report.ok or (require_coverage and report.uncovered_total > 0)
        raise typer.Exit(EXIT_FAILED if failed else EXIT_OK)

    @app.command("start", help=t("cmd.start"))
    def start(
        protocol: Annotated[str, typer.Argument(help=t("cmd.show.protocol"), show_default=False)],
        role: Annotated[str | None, typer.Option("--role", help=t("cmd.start.role"))] = None,
        case: Annotated[str | None, typer.Option("--case", help=t("cmd.start.case"))] = None,
        plain: Annotated[
            bool | None,
            typer.Option("--plain/--rich", help=t("cmd.start.plain"), show_default=False),
        ] = None,
        answers: Annotated[
            Path | None, typer.Option("--answers", help=t("cmd.start.answers"))
        ] = None,
        save: Annotated[bool, typer.Option("--save/--no-save", help=t("cmd.start.save"))] = True,
        sign: Annotated[bool, typer.Option("--sign/--no-sign", help=t("cmd.start.sign"))] = True,
        passphrase_file: Annotated[
            Path | None, typer.Option("--passphrase-file", help=t("opt.passphrase_file"))
        ] = None,
        yes: Annotated[bool, typer.Option("--yes", help=t("opt.yes"))] = False,
        organisatie: Annotated[
            Path | None, typer.Option("--organisatie", help=t("opt.organisatie"))
        ] = None,
    ) -> None:
        from meldcode_cli.walk.flow import WalkRequest, start_walk

        req = WalkRequest(
            protocol, role, case, plain, answers, save, sign, passphrase_file, yes, organisatie
        )
        outcome = run_walk(lambda: start_walk(req))
        raise typer.Exit(EXIT_USAGE if outcome.status == "incomplete" else EXIT_OK)

    @app.command("resume", help=t("cmd.resume"))
    def resume(
        case: Annotated[
            str | None, typer.Argument(help=t("cmd.resume.case"), show_default=False)
        ] = None,
        plain: Annotated[
            bool | None,
            typer.Option("--plain/--rich", help=t("cmd.start.plain"), show_default=False),
        ] = None,
        on_change: Annotated[
            OnChange | None, typer.Option("--on-change", help=t("cmd.resume.on_change"))
        ] = None,
        sign: Annotated[bool, typer.Option("--sign/--no-sign", help=t("cmd.start.sign"))] = True,
        passphrase_file: Annotated[
            Path | None, typer.Option("--passphrase-file", help=t("opt.passphrase_file"))
        ] = None,
        yes: Annotated[bool, typer.Option("--yes", help=t("opt.yes"))] = False,
    ) -> None:
        from meldcode_cli.walk.flow import resume_walk

        if case is None:  # no label: the cases that can be resumed
            from meldcode_cli import console
            from meldcode_cli.walk.casemgmt import resumable_lines

            console.print_text("\n".join(run_walk(resumable_lines)))
            return
        label = case
        choice = on_change.value if on_change else None
        run_walk(
            lambda: resume_walk(
                label,
                plain=plain,
                on_change=choice,
                sign=sign,
                passphrase_file=passphrase_file,
                yes=yes,
            )
        )

    @app.command("init", help=t("cmd.init"))
    def init(
        name: Annotated[str | None, typer.Option("--name", help=t("cmd.init.name"))] = None,
        role: Annotated[
            ProfileRoleOpt | None,
            typer.Option("--role", help=t("cmd.init.role"), case_sensitive=False),
        ] = None,
        organisation: Annotated[
            str | None, typer.Option("--organisation", help=t("cmd.init.organisation"))
        ] = None,
        registration: Annotated[
            str | None, typer.Option("--registration", help=t("cmd.init.registration"))
        ] = None,
        contact: Annotated[
            str | None, typer.Option("--contact", help=t("cmd.init.contact"))
        ] = None,
        passphrase_file: Annotated[
            Path | None, typer.Option("--passphrase-file", help=t("opt.passphrase_file"))
        ] = None,
        force: Annotated[bool, typer.Option("--force", help=t("cmd.init.force"))] = False,
    ) -> None:
        from meldcode_cli import console
        from meldcode_cli.record.keyflow import init_profile, passphrase_source

        fp, _public = run_walk(
            lambda: init_profile(
                name=name,
                role=role.value if role else None,
                organisation=organisation,
                registration=registration,
                contact=contact,
                passphrase=passphrase_source(passphrase_file, confirm=True),
                force=force,
            )
        )
        console.print_text(t("key.init.done", fp=fp))

    @key_app.command("export", help=t("cmd.key.export"))
    def key_export() -> None:
        from meldcode_cli import console
        from meldcode_cli.record.keyflow import export_key

        console.print_text(run_walk(export_key))

    @key_app.command("rotate", help=t("cmd.key.rotate"))
    def key_rotate(
        passphrase_file: Annotated[
            Path | None, typer.Option("--passphrase-file", help=t("opt.passphrase_file"))
        ] = None,
        new_passphrase_file: Annotated[
            Path | None, typer.Option("--new-passphrase-file", help=t("opt.passphrase_file"))
        ] = None,
    ) -> None:
        from meldcode_cli import console
        from meldcode_cli.record.keyflow import passphrase_source, rotate_key

        new = None
        if new_passphrase_file is not None or passphrase_file is None:
            new = passphrase_source(
                new_passphrase_file, confirm=True, prompt_key="key.passphrase.new"
            )
        old, fresh = run_walk(lambda: rotate_key(passphrase_source(passphrase_file), new))
        console.print_text(t("key.rotated", old=old, new=fresh))

    @app.command("sign", help=t("cmd.sign"))
    def sign_cmd(
        case: Annotated[str, typer.Argument(help=t("cmd.resume.case"), show_default=False)],
        passphrase_file: Annotated[
            Path | None, typer.Option("--passphrase-file", help=t("opt.passphrase_file"))
        ] = None,
        training: Annotated[bool, typer.Option("--no-sign", help=t("cmd.sign.training"))] = False,
        override: Annotated[
            str | None, typer.Option("--override", help=t("cmd.sign.override"))
        ] = None,
        reason: Annotated[str | None, typer.Option("--reason", help=t("cmd.sign.reason"))] = None,
        consulted: Annotated[
            str | None, typer.Option("--consulted", help=t("cmd.sign.consulted"))
        ] = None,
        yes: Annotated[bool, typer.Option("--yes", help=t("opt.yes"))] = False,
    ) -> None:
        from meldcode_cli.record.keyflow import passphrase_source, sign_existing

        run_walk(
            lambda: sign_existing(
                case,
                passphrase=passphrase_source(passphrase_file),
                training=training,
                override=override,
                reason=reason,
                consulted=consulted,
                yes=yes,
            )
        )

    @app.command("evaluate", help=t("cmd.evaluate"))
    def evaluate(
        case: Annotated[str, typer.Argument(help=t("cmd.resume.case"), show_default=False)],
        plain: Annotated[
            bool | None,
            typer.Option("--plain/--rich", help=t("cmd.start.plain"), show_default=False),
        ] = None,
        passphrase_file: Annotated[
            Path | None, typer.Option("--passphrase-file", help=t("opt.passphrase_file"))
        ] = None,
        training: Annotated[bool, typer.Option("--no-sign", help=t("cmd.sign.training"))] = False,
        reason: Annotated[
            str | None, typer.Option("--reason", help=t("cmd.evaluate.reason"))
        ] = None,
        yes: Annotated[bool, typer.Option("--yes", help=t("opt.yes"))] = False,
    ) -> None:
        from meldcode_cli.record.keyflow import evaluate_case, passphrase_source

        run_walk(
            lambda: evaluate_case(
                case,
                passphrase=passphrase_source(passphrase_file),
                training=training,
                plain=plain,
                reason=reason,
                yes=yes,
            )
        )

    @app.command("verify", help=t("cmd.verify"))
    def verify(
        paths: Annotated[
            list[Path], typer.Argument(help=t("cmd.verify.paths"), show_default=False)
        ],
        key: Annotated[Path | None, typer.Option("--key", help=t("cmd.verify.key"))] = None,
        keyring: Annotated[bool, typer.Option("--keyring", help=t("cmd.verify.keyring"))] = False,
        fmt: Annotated[
            ListFormat, typer.Option("--format", "-f", help=t("opt.format"))
        ] = ListFormat.text,
    ) -> None:
        from meldcode_cli import console
        from meldcode_cli.record.core import Unreadable
        from meldcode_cli.record.keyflow import format_verify
        from meldcode_cli.record.signing import resolve_records, verify_paths

        def call() -> tuple[list, list[str]]:  # type: ignore[type-arg]
            try:
                return verify_paths(resolve_records(paths), key_file=key, use_keyring=keyring)
            except Unreadable as e:
                _fail(str(e), EXIT_USAGE)

        results, problems = run_walk(call)
        console.print_text(format_verify(results, problems, fmt.value))
        ok = all(r.valid and r.key_checked for r in results) and not problems
        raise typer.Exit(EXIT_OK if ok else EXIT_FAILED)

    @app.command("report", help=t("cmd.report"))
    def report(
        record: Annotated[str, typer.Argument(help=t("cmd.report.record"), show_default=False)],
        fmt: Annotated[
            ReportFormat, typer.Option("--format", "-f", help=t("opt.format"))
        ] = ReportFormat.md,
        output_file: Annotated[
            Path | None, typer.Option("--output", "-o", help=t("cmd.report.output"))
        ] = None,
        betrokkenen: Annotated[
            Path | None, typer.Option("--betrokkenen", help=t("cmd.report.betrokkenen"))
        ] = None,
        advies: Annotated[bool, typer.Option("--advies", help=t("cmd.report.advies"))] = False,
    ) -> None:
        from meldcode_cli import console
        from meldcode_cli.report.core import (
            ReportOutcome,
            ReportRefused,
            ReportRequest,
            make_report,
        )

        req = ReportRequest(record, fmt.value, output_file, betrokkenen, advies)

        def call() -> ReportOutcome:
            try:
                return make_report(req)
            except ReportRefused as e:  # unsigned, tampered, or --advies would leak
                _fail(str(e), EXIT_FAILED)

        outcome = run_walk(call)
        for warning in outcome.warnings:
            console.print_error(f"meldcode: {warning}")
        if outcome.path is None:
            console.print_text(outcome.text)
        else:
            console.print_error(t("report.written", path=outcome.path))

    @app.command("cases", help=t("cmd.cases"))
    def cases(
        fmt: Annotated[
            ListFormat, typer.Option("--format", "-f", help=t("opt.format"))
        ] = ListFormat.text,
        due: Annotated[bool, typer.Option("--due", help=t("cmd.cases.due"))] = False,
        search: Annotated[
            str | None, typer.Option("--search", "-s", help=t("cmd.cases.search"))
        ] = None,
        archived: Annotated[bool, typer.Option("--archived", help=t("cmd.cases.archived"))] = False,
    ) -> None:
        from meldcode_cli import console
        from meldcode_cli.walk.casemgmt import archive_store, case_rows, format_rows

        store = archive_store() if archived else None
        rows = run_walk(lambda: case_rows(store=store, search=search, due_only=due))
        console.print_text(format_rows(rows, fmt.value))

    @app.command("list", help=t("cmd.list"))
    def list_(
        fmt: Annotated[
            ListFormat, typer.Option("--format", "-f", help=t("opt.format"))
        ] = ListFormat.text,
    ) -> None:
        from meldcode_cli import console
        from meldcode_cli.authoring.catalog import format_list, format_list_json, list_protocols

        entries = run_core(list_protocols)
        console.print_text(
            format_list_json(entries) if fmt is ListFormat.json else format_list(entries)
        )

    @app.command("show", help=t("cmd.show"))
    def show(
        protocol: Annotated[str, typer.Argument(help=t("cmd.show.protocol"), show_default=False)],
        fmt: Annotated[
            ShowFormat, typer.Option("--format", "-f", help=t("opt.format"))
        ] = ShowFormat.text,
        role: Annotated[str | None, typer.Option("--role", help=t("cmd.show.role"))] = None,
        record: Annotated[Path | None, typer.Option("--record", help=t("cmd.show.record"))] = None,
        organisatie: Annotated[
            Path | None, typer.Option("--organisatie", help=t("opt.organisatie"))
        ] = None,
    ) -> None:
        from meldcode_cli import console
        from meldcode_cli.report.diagram import render_show

        console.print_text(
            run_core(lambda: render_show(protocol, fmt.value, role, record, organisatie))
        )

    @casus_app.command("validate", help=t("cmd.casus.validate"))
    def casus_validate(
        paths: Annotated[
            list[str] | None, typer.Argument(help=t("cmd.casus.paths"), show_default=False)
        ] = None,
        fmt: Annotated[
            CheckFormat, typer.Option("--format", "-f", help=t("opt.format"))
        ] = CheckFormat.text,
    ) -> None:
        from meldcode_cli import console
        from meldcode_cli.authoring import output
        from meldcode_cli.training.casus import as_file_results, check_casus_paths

        results = as_file_results(run_core(lambda: check_casus_paths(paths or [])))
        if fmt is CheckFormat.json:
            console.print_text(output.format_json(results))
            console.print_error(output.summary(results))
        elif fmt is CheckFormat.github:
            console.print_text(output.format_github(results))
            console.print_error(output.summary(results))
        elif fmt is CheckFormat.sarif:
            from meldcode_cli.authoring.sarif import format_sarif

            console.print_text(format_sarif(results))
            console.print_error(output.summary(results))
        else:
            console.print_text(output.format_text(results))
            console.print_text(output.summary(results))
        raise typer.Exit(EXIT_OK if all(r.ok for r in results) else EXIT_FAILED)

    @casus_app.command("list", help=t("cmd.casus.list"))
    def casus_list(
        paths: Annotated[
            list[str] | None, typer.Argument(help=t("cmd.casus.paths"), show_default=False)
        ] = None,
        fmt: Annotated[
            ListFormat, typer.Option("--format", "-f", help=t("opt.format"))
        ] = ListFormat.text,
        key: Annotated[bool, typer.Option("--key", help=t("cmd.casus.list.key"))] = False,
    ) -> None:
        from meldcode_cli import console
        from meldcode_cli.training.casus import check_casus_paths, format_list

        checks = run_core(lambda: check_casus_paths(paths or []))
        console.print_text(format_list(checks, fmt.value, key=key))

    @app.command("train", help=t("cmd.train"))
    def train(
        casus: Annotated[str, typer.Argument(help=t("cmd.train.casus"), show_default=False)],
        feedback: Annotated[
            FeedbackMode, typer.Option("--feedback", help=t("cmd.train.feedback"))
        ] = FeedbackMode.step,
        plain: Annotated[
            bool | None,
            typer.Option("--plain/--rich", help=t("cmd.start.plain"), show_default=False),
        ] = None,
        participant: Annotated[
            str | None, typer.Option("--participant", "-p", help=t("cmd.train.participant"))
        ] = None,
        output: Annotated[
            Path | None, typer.Option("--output", "-o", help=t("cmd.train.output"))
        ] = None,
    ) -> None:
        from meldcode_cli.training.train import TrainRequest, start_training

        req = TrainRequest(casus, feedback.value, plain, participant, output)
        run_walk(lambda: start_training(req))

    @app.command("debrief", help=t("cmd.debrief"))
    def debrief(
        records: Annotated[
            list[Path], typer.Argument(help=t("cmd.debrief.records"), show_default=False)
        ],
        fmt: Annotated[
            DebriefFormat, typer.Option("--format", "-f", help=t("opt.format"))
        ] = DebriefFormat.text,
        output_file: Annotated[
            Path | None, typer.Option("--output", "-o", help=t("cmd.debrief.output"))
        ] = None,
        names: Annotated[bool, typer.Option("--names", help=t("cmd.debrief.names"))] = False,
        casus: Annotated[str | None, typer.Option("--casus", help=t("cmd.debrief.casus"))] = None,
    ) -> None:
        from meldcode_cli.training.debrief import build_debrief, collect_records, write_debrief

        summary = run_core(lambda: build_debrief(collect_records(records), casus))
        run_core(lambda: write_debrief(summary, fmt.value, output_file, names=names))

    # ---- issue 10: new commands below this line ----
    @app.command("diff", help=t("cmd.diff"))
    def diff(
        records: Annotated[
            list[Path], typer.Argument(help=t("cmd.diff.records"), show_default=False)
        ],
    ) -> None:
        from meldcode_cli import console
        from meldcode_cli.record.core import Unreadable
        from meldcode_cli.record.diff import diff_files

        def call() -> str:
            try:
                return diff_files(records)
            except Unreadable as e:
                _fail(str(e), EXIT_USAGE)

        console.print_text(run_walk(call))

    # ---- end of issue 10 ----

    # ---- issue 11: new commands below this line ----
    @app.command("refute", help=t("cmd.refute"))
    def refute(
        case: Annotated[str, typer.Argument(help=t("cmd.resume.case"), show_default=False)],
        item: Annotated[str, typer.Argument(help=t("cmd.refute.item"), show_default=False)],
        value: Annotated[str, typer.Argument(help=t("cmd.refute.value"), show_default=False)],
        text: Annotated[str, typer.Option("--text", help=t("cmd.refute.text"))],
        source: Annotated[str, typer.Option("--source", help=t("cmd.refute.source"))] = "dossier",
    ) -> None:
        from meldcode_cli.walk.refutation import refute_signal

        run_walk(lambda: refute_signal(case, item, value, text=text, source=source))

    # ---- end of issue 11 ----

    # ---- issue 12: new commands below this line ----
    # ---- end of issue 12 ----

    # ---- issue 13: new commands below this line ----
    # ---- end of issue 13 ----

    # ---- issue 16: new commands below this line ----
    @app.command("journaal", help=t("cmd.journaal"))
    def journaal(
        case: Annotated[str, typer.Argument(help=t("cmd.journaal.case"), show_default=False)],
        copy: Annotated[bool, typer.Option("--copy", help=t("cmd.journaal.copy"))] = False,
    ) -> None:
        from meldcode_cli import console
        from meldcode_cli.report.journaal import make_journaal

        outcome = run_walk(lambda: make_journaal(case, copy=copy))
        console.print_text(outcome.text.rstrip("\n"))
        for line in outcome.warnings:
            console.print_error(line)
        if outcome.copied_with:
            console.print_error(t("journaal.copied", tool=outcome.copied_with))
        if outcome.copy_error:
            _fail(outcome.copy_error, EXIT_FAILED)

    @app.command("acute", help=t("cmd.acute"))
    def acute(
        case: Annotated[str, typer.Argument(help=t("cmd.journaal.case"), show_default=False)],
    ) -> None:
        from meldcode_cli import console
        from meldcode_cli.walk.midcase import case_view
        from meldcode_cli.walk.phone import phone_lines

        view = run_walk(lambda: case_view(case))
        console.print_text("\n".join(phone_lines(view.session.walk)))

    @app.command("melding", help=t("cmd.melding"))
    def melding(
        case: Annotated[str, typer.Argument(help=t("cmd.journaal.case"), show_default=False)],
        date: Annotated[str | None, typer.Option("--date", help=t("opt.date"))] = None,
        channel: Annotated[str, typer.Option("--channel", help=t("opt.channel"))] = "telefoon",
    ) -> None:
        from meldcode_cli.walk.followup import record_melding
        from meldcode_cli.walk.prompt.lines import write_lines

        data, items = run_walk(lambda: record_melding(case, date=date, channel=channel))
        write_lines(
            sys.stdout,
            t(
                "followup.recorded",
                date=_nl_date(data["date"]),
                channel=t(f"followup.channel.{data['channel']}"),
            ),
            *(
                f"  {t('followup.due.' + item.kind)} {_nl_date(item.date)}"
                for item in items
                if item.kind.startswith("terugkoppeling")
            ),
            t("followup.hint", label=case),
        )

    @app.command("terugkoppeling", help=t("cmd.terugkoppeling"))
    def terugkoppeling(
        case: Annotated[str, typer.Argument(help=t("cmd.journaal.case"), show_default=False)],
        summary: Annotated[str, typer.Option("--summary", help=t("opt.summary"))],
        moment: Annotated[int, typer.Option("--moment", help=t("opt.moment"))] = 1,
        date: Annotated[str | None, typer.Option("--date", help=t("opt.date"))] = None,
        passphrase_file: Annotated[
            Path | None, typer.Option("--passphrase-file", help=t("opt.passphrase_file"))
        ] = None,
        training: Annotated[bool, typer.Option("--no-sign", help=t("cmd.sign.training"))] = False,
        yes: Annotated[bool, typer.Option("--yes", help=t("opt.yes"))] = False,
    ) -> None:
        from meldcode_cli.record.keyflow import passphrase_source
        from meldcode_cli.walk.followup import record_terugkoppeling
        from meldcode_cli.walk.prompt.lines import write_lines

        done_ = run_walk(
            lambda: record_terugkoppeling(
                case,
                moment=moment,
                date=date,
                summary=summary,
                passphrase=None if training else passphrase_source(passphrase_file),
                training=training,
                yes=yes,
            )
        )
        if done_ is None:  # not confirmed: nothing signed, nothing recorded
            raise typer.Exit(EXIT_FAILED)
        out, items = done_
        done = "followup.feedback_training" if out.training else "followup.feedback_done"
        still = [i for i in items if i.open and i.kind.startswith("terugkoppeling")]
        write_lines(
            sys.stdout,
            t(done, path=_short_path(out.path)),
            *([] if still else [t("followup.all_closed")]),
            *(f"  {t('followup.due.' + i.kind)} {_nl_date(i.date)}" for i in still),
        )

    @app.command("rename", help=t("cmd.rename"))
    def rename(
        case: Annotated[str, typer.Argument(help=t("cmd.journaal.case"), show_default=False)],
        new: Annotated[str, typer.Argument(help=t("cmd.rename.new"), show_default=False)],
    ) -> None:
        from meldcode_cli import console
        from meldcode_cli.walk.casemgmt import rename_case

        run_walk(lambda: rename_case(case, new))
        console.print_text(t("cases.renamed", old=case, new=new))

    @app.command("archive", help=t("cmd.archive"))
    def archive(
        case: Annotated[str, typer.Argument(help=t("cmd.journaal.case"), show_default=False)],
        undo: Annotated[bool, typer.Option("--undo", help=t("cmd.archive.undo"))] = False,
    ) -> None:
        from meldcode_cli import console
        from meldcode_cli.walk.casemgmt import archive_case

        run_walk(lambda: archive_case(case, undo=undo))
        console.print_text(t("cases.unarchived" if undo else "cases.archived", label=case))

    @app.command("purge", help=t("cmd.purge"))
    def purge(
        case: Annotated[str, typer.Argument(help=t("cmd.journaal.case"), show_default=False)],
        keep_records: Annotated[
            bool, typer.Option("--keep-records", help=t("cmd.purge.keep"))
        ] = False,
        yes: Annotated[bool, typer.Option("--yes", help=t("cmd.purge.yes"))] = False,
    ) -> None:
        from meldcode_cli import console
        from meldcode_cli.walk.casemgmt import purge_case

        if not yes:
            if not sys.stdin.isatty():
                _fail(t("purge.no_tty"))
            keep = t("purge.confirm.keep") if keep_records else ""
            sys.stderr.write(t("purge.confirm", label=case, keep=keep) + " ")
            sys.stderr.flush()
            if sys.stdin.readline().strip() != case:
                _fail(t("purge.cancelled"), EXIT_FAILED)
        tomb = run_walk(lambda: purge_case(case, keep_records=keep_records))
        console.print_text(t("purge.done", label=case))
        if tomb is not None:
            console.print_text(t("purge.tomb", path=_short_path(tomb)))

    # ---- end of issue 16 ----

    # ---- issue 19: new commands below this line ----
    @app.command("new", help=t("cmd.new"))
    def new(
        protocol_id: Annotated[str, typer.Argument(help=t("cmd.new.id"), show_default=False)],
        title: Annotated[str | None, typer.Option("--title", help=t("cmd.new.title"))] = None,
        output_file: Annotated[
            Path | None, typer.Option("--output", "-o", help=t("cmd.new.output"))
        ] = None,
        schema_ref: Annotated[
            str, typer.Option("--schema", help=t("cmd.new.schema"))
        ] = "protocol.schema.json",
    ) -> None:
        from meldcode_cli import console
        from meldcode_cli.authoring.scaffold import new_protocol

        outcome = run_core(
            lambda: new_protocol(protocol_id, title=title, output=output_file, schema=schema_ref)
        )
        if outcome.schema_path is not None:
            console.print_error(t("new.schema_written", path=outcome.schema_path))
        console.print_error(t("new.written", path=outcome.path))

    # ---- end of issue 19 ----

    # ---- issue 17: new commands below this line ----
    kaart_app = typer.Typer(
        name="kaart", help=t("cmd.kaart"), invoke_without_command=True, no_args_is_help=False
    )
    app.add_typer(kaart_app, name="kaart")
    monitor_app = typer.Typer(name="monitor", help=t("cmd.monitor"), no_args_is_help=True)
    app.add_typer(monitor_app, name="monitor")

    @kaart_app.callback()
    def kaart(
        ctx: typer.Context,
        pijler: Annotated[str | None, typer.Option("--pijler", help=t("opt.pijler"))] = None,
        vorm: Annotated[str | None, typer.Option("--vorm", help=t("opt.vorm"))] = None,
        rol: Annotated[str | None, typer.Option("--rol", help=t("opt.rol"))] = None,
        gemeente: Annotated[str | None, typer.Option("--gemeente", help=t("opt.gemeente"))] = None,
        regio: Annotated[str | None, typer.Option("--regio", help=t("opt.regio"))] = None,
        fmt: Annotated[
            DebriefFormat, typer.Option("--format", "-f", help=t("opt.format"))
        ] = DebriefFormat.text,
        output_file: Annotated[
            Path | None, typer.Option("--output", "-o", help=t("opt.output_file"))
        ] = None,
        ketenkaart: Annotated[
            list[Path] | None, typer.Option("--ketenkaart", help=t("opt.ketenkaart"))
        ] = None,
    ) -> None:
        if ctx.invoked_subcommand is not None:
            return
        from meldcode_cli import console
        from meldcode_cli.chain.kaart import KaartRequest, render_kaart
        from meldcode_cli.chain.monitor import write_output

        req = KaartRequest(pijler, vorm, rol, gemeente, regio, fmt.value, ketenkaart or [])
        text = run_core(lambda: render_kaart(req))
        if output_file is None:
            console.print_text(text)
            return
        run_core(lambda: write_output(output_file, text))
        console.print_error(t("written", path=output_file))

    @kaart_app.command("validate", help=t("cmd.kaart.validate"))
    def kaart_validate(
        paths: Annotated[
            list[Path] | None, typer.Argument(help=t("cmd.kaart.paths"), show_default=False)
        ] = None,
        fmt: Annotated[
            CheckFormat, typer.Option("--format", "-f", help=t("opt.format"))
        ] = CheckFormat.text,
    ) -> None:
        from meldcode_cli import console
        from meldcode_cli.authoring import output
        from meldcode_cli.authoring.validate import FileResult
        from meldcode_cli.chain.ketenkaart import check_kaart_paths

        loaded = run_core(lambda: check_kaart_paths(paths or []))
        results = [FileResult(lk.path, list(lk.diagnostics)) for lk in loaded]
        for r, lk in zip(results, loaded, strict=True):
            if lk.kaart is not None:
                r.protocol_id, r.title = lk.kaart.id, lk.kaart.title
        if fmt is CheckFormat.json:
            console.print_text(output.format_json(results))
            console.print_error(output.summary(results))
        elif fmt is CheckFormat.github:
            console.print_text(output.format_github(results))
            console.print_error(output.summary(results))
        else:
            console.print_text(output.format_text(results))
            console.print_text(output.summary(results))
        raise typer.Exit(EXIT_OK if all(r.ok for r in results) else EXIT_FAILED)

    @monitor_app.command("export", help=t("cmd.monitor.export"))
    def monitor_export(
        periode: Annotated[str | None, typer.Option("--periode", help=t("opt.periode"))] = None,
        output_file: Annotated[
            Path | None, typer.Option("--output", "-o", help=t("opt.output_file"))
        ] = None,
        passphrase_file: Annotated[
            Path | None, typer.Option("--passphrase-file", help=t("opt.passphrase_file"))
        ] = None,
    ) -> None:
        from meldcode_cli import console
        from meldcode_cli.chain.monitor import ExportRefused, export_home, write_output
        from meldcode_cli.record.keyflow import passphrase_source

        def call() -> tuple[str, dict[str, Any]]:
            try:
                return export_home(periode, passphrase_source(passphrase_file))
            except ExportRefused as e:
                _fail(str(e), EXIT_USAGE)

        text, stats = run_walk(call)
        if output_file is None:
            console.print_text(text)
        else:
            run_core(lambda: write_output(output_file, text))
            console.print_error(t("written", path=output_file))
        console.print_error(t("monitor.exported", **stats))

    @monitor_app.command("combine", help=t("cmd.monitor.combine"))
    def monitor_combine(
        exports: Annotated[
            list[Path], typer.Argument(help=t("cmd.monitor.exports"), show_default=False)
        ],
        html: Annotated[Path | None, typer.Option("--html", help=t("opt.html"))] = None,
        csv_out: Annotated[Path | None, typer.Option("--csv", help=t("opt.csv"))] = None,
        json_out: Annotated[Path | None, typer.Option("--json", help=t("opt.json_out"))] = None,
        signers: Annotated[Path | None, typer.Option("--signers", help=t("opt.signers"))] = None,
        round_to_5: Annotated[bool, typer.Option("--round-to-5", help=t("opt.round5"))] = False,
    ) -> None:
        from meldcode_cli import console
        from meldcode_cli.chain.monitor import (
            ExportRefused,
            combine_paths,
            read_signers,
            write_combined,
        )

        def call() -> Any:
            try:
                allowed = read_signers(signers) if signers is not None else None
                return combine_paths(exports, signers=allowed)
            except ExportRefused as e:
                _fail(str(e), EXIT_FAILED)

        combined = run_core(call)
        text = run_core(
            lambda: write_combined(combined, html, csv_out, json_out, round_to_5=round_to_5)
        )
        if text:
            console.print_text(text)
        console.print_error(
            t(
                "monitor.combined",
                n=combined.exports,
                records=combined.records,
                cells=len(combined.cells),
                suppressed=combined.suppressed,
            )
        )

    # ---- end of issue 17 ----

    # ---- issue 18: new commands below this line ----
    consult_app = typer.Typer(
        name="consult", help=t("cmd.consult"), no_args_is_help=True, cls=ConsultGroup
    )
    app.add_typer(consult_app, name="consult")

    @consult_app.command("request", help=t("cmd.consult.request"))
    def consult_request(
        case: Annotated[str, typer.Argument(help=t("cmd.resume.case"), show_default=False)],
        vraag: Annotated[str, typer.Option("--vraag", help=t("cmd.consult.vraag"))] = "",
        output_file: Annotated[
            Path | None, typer.Option("--output", "-o", help=t("cmd.consult.output"))
        ] = None,
        betrokkenen: Annotated[
            Path | None, typer.Option("--betrokkenen", help=t("cmd.report.betrokkenen"))
        ] = None,
    ) -> None:
        from meldcode_cli.record.consult import make_request
        from meldcode_cli.report.core import ReportRefused

        def call() -> Any:
            try:
                return make_request(
                    case, vraag, output=output_file, betrokkenen=betrokkenen, stdin=sys.stdin
                )
            except ReportRefused as e:  # the summary or the question would leak
                _fail(str(e), EXIT_FAILED)

        outcome = run_walk(call)
        for warning in outcome.warnings:
            _console().print_error(f"meldcode: {warning}")
        _say(
            t(
                "consult.request.written",
                path=outcome.path,
                id=outcome.request_id[:8],
                name=outcome.path.name,
            )
        )

    @consult_app.command("answer", help=t("cmd.consult.answer"))
    def consult_answer(
        file: Annotated[
            Path, typer.Argument(help=t("cmd.consult.answer.file"), show_default=False)
        ],
        advies: Annotated[
            str | None, typer.Option("--advies", help=t("cmd.consult.advies"))
        ] = None,
        output_file: Annotated[
            Path | None, typer.Option("--output", "-o", help=t("cmd.consult.output"))
        ] = None,
        passphrase_file: Annotated[
            Path | None, typer.Option("--passphrase-file", help=t("opt.passphrase_file"))
        ] = None,
        yes: Annotated[bool, typer.Option("--yes", help=t("opt.yes"))] = False,
    ) -> None:
        from meldcode_cli.record.consult import answer_request
        from meldcode_cli.record.keyflow import passphrase_source

        path = run_walk(
            lambda: answer_request(
                file,
                advice=advies,
                passphrase=passphrase_source(passphrase_file),
                output=output_file,
                yes=yes,
            )
        )
        if path is None:
            raise typer.Exit(EXIT_FAILED)
        from meldcode_cli.record.profile import ProfileStore

        fp = run_walk(lambda: ProfileStore().current_fingerprint())
        _say(t("consult.answer.written", path=path, fp=fp, name=path.name))

    @consult_app.command("import", help=t("cmd.consult.import"))
    def consult_import(
        case: Annotated[str, typer.Argument(help=t("cmd.resume.case"), show_default=False)],
        file: Annotated[
            Path, typer.Argument(help=t("cmd.consult.import.file"), show_default=False)
        ],
        passphrase_file: Annotated[
            Path | None, typer.Option("--passphrase-file", help=t("opt.passphrase_file"))
        ] = None,
        yes: Annotated[bool, typer.Option("--yes", help=t("opt.yes"))] = False,
    ) -> None:
        from meldcode_cli.record.consult import ConsultRefused, import_answer
        from meldcode_cli.record.keyflow import passphrase_source

        def call() -> Any:
            try:
                return import_answer(
                    case, file, passphrase=passphrase_source(passphrase_file), yes=yes
                )
            except ConsultRefused as e:
                _fail(e.message, EXIT_FAILED)

        outcome = run_walk(call)
        if outcome is None:
            raise typer.Exit(EXIT_FAILED)
        _say(
            t(
                "consult.import.done",
                name=outcome.consultant,
                path=outcome.path,
                fp=outcome.fingerprint,
                label=case,
            )
        )

    @key_app.command("trust", help=t("cmd.key.trust"))
    def key_trust(
        file: Annotated[Path, typer.Argument(help=t("cmd.key.trust.file"), show_default=False)],
    ) -> None:
        from meldcode_cli.record.consult import trust_key

        fp, owner = run_walk(lambda: trust_key(file))
        _say(t("consult.trust.done", owner=owner, fp=fp))

    # ---- end of issue 18 ----

    # hand the commands to the lazy top-level group (see LazyGroup); typer builds the root
    # (its callback and options) and nothing else up front
    registry: dict[str, Any] = {}
    for command in app.registered_commands:
        name = command.name or command.callback.__name__.replace("_", "-")  # type: ignore[union-attr]
        registry[name] = command
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
    args = sys.argv[1:] if argv is None else argv
    from meldcode_cli.cli.exits import signals_as_interrupt

    signals_as_interrupt()
    _preparse_lang(args)
    app = build_app()
    app(args=args, prog_name="meldcode")
