"""The walk and what follows it: ``start``, ``resume``, ``refute``, ``acute``, ``melding``,
``terugkoppeling``.

One function per command; ``cli.app`` registers them. Each turns its options into one
core call, run through the one exception mapper (``cli.common.run_core`` / ``run_walk``).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from meldcode_cli.cli import options as o
from meldcode_cli.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, nl_date, run_walk, short_path
from meldcode_cli.cli.options import OnChange
from meldcode_cli.i18n.messages import t

__all__ = ["acute", "melding", "refute", "resume", "start", "terugkoppeling"]


def start(
    protocol: Annotated[str, typer.Argument(help=t("cmd.show.protocol"), show_default=False)],
    role: Annotated[str | None, typer.Option("--role", help=t("cmd.start.role"))] = None,
    case: Annotated[str | None, typer.Option("--case", help=t("cmd.start.case"))] = None,
    plain: Annotated[bool | None, o.plain()] = None,
    answers: Annotated[Path | None, typer.Option("--answers", help=t("cmd.start.answers"))] = None,
    save: Annotated[bool, typer.Option("--save/--no-save", help=t("cmd.start.save"))] = True,
    training: Annotated[bool, o.no_sign()] = False,
    passphrase_file: Annotated[Path | None, o.passphrase_file()] = None,
    yes: Annotated[bool, o.yes()] = False,
    organisatie: Annotated[Path | None, o.organisatie()] = None,
) -> None:
    from meldcode_cli.walk.flow import WalkRequest, start_walk

    req = WalkRequest(
        protocol, role, case, plain, answers, save, not training, passphrase_file, yes, organisatie
    )
    outcome = run_walk(lambda: start_walk(req))
    raise typer.Exit(EXIT_USAGE if outcome.status == "incomplete" else EXIT_OK)


def resume(
    case: Annotated[
        str | None, typer.Argument(help=t("cmd.resume.case"), show_default=False)
    ] = None,
    plain: Annotated[bool | None, o.plain()] = None,
    on_change: Annotated[
        OnChange | None, typer.Option("--on-change", help=t("cmd.resume.on_change"))
    ] = None,
    training: Annotated[bool, o.no_sign()] = False,
    passphrase_file: Annotated[Path | None, o.passphrase_file()] = None,
    yes: Annotated[bool, o.yes()] = False,
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
            sign=not training,
            passphrase_file=passphrase_file,
            yes=yes,
        )
    )


# ---- issue 11: new commands below this line ----


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


# ---- issue 16: new commands below this line ----


def acute(
    case: Annotated[str, typer.Argument(help=t("cmd.journaal.case"), show_default=False)],
) -> None:
    from meldcode_cli import console
    from meldcode_cli.walk.midcase import case_view
    from meldcode_cli.walk.phone import phone_lines

    view = run_walk(lambda: case_view(case))
    console.print_text("\n".join(phone_lines(view.session.walk)))


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
            date=nl_date(data["date"]),
            channel=t(f"followup.channel.{data['channel']}"),
        ),
        *(
            f"  {t('followup.due.' + item.kind)} {nl_date(item.date)}"
            for item in items
            if item.kind.startswith("terugkoppeling")
        ),
        t("followup.hint", label=case),
    )


def terugkoppeling(
    case: Annotated[str, typer.Argument(help=t("cmd.journaal.case"), show_default=False)],
    summary: Annotated[str, typer.Option("--summary", help=t("opt.summary"))],
    moment: Annotated[int, typer.Option("--moment", help=t("opt.moment"))] = 1,
    date: Annotated[str | None, typer.Option("--date", help=t("opt.date"))] = None,
    passphrase_file: Annotated[Path | None, o.passphrase_file()] = None,
    training: Annotated[bool, o.no_sign()] = False,
    yes: Annotated[bool, o.yes()] = False,
) -> None:
    from meldcode_cli.walk.followup import record_terugkoppeling
    from meldcode_cli.walk.prompt.lines import write_lines
    from meldcode_cli.walk.prompt.passphrase import passphrase_source

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
        t(done, path=short_path(out.path)),
        *([] if still else [t("followup.all_closed")]),
        *(f"  {t('followup.due.' + i.kind)} {nl_date(i.date)}" for i in still),
    )


# ---- end of issue 16 ----
