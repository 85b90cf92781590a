"""What a wijkagent's record adds to the draft: the Concept-zorgmelding has its own
section on the police measures (registration, huisverbod as the hulpofficier decided it,
aangifte) and, at the end, Veilig Thuis's terugkoppeling; its banner asks for neutral
wording, and its title and reminder are the zorgmelding's."""

from __future__ import annotations

from meldcode_cli.i18n.messages import t
from meldcode_cli.report.builder import FEEDBACK_IDS, POLICE_IDS, Builder
from meldcode_cli.report.model import Block, Section

__all__ = ["frame", "politie", "terugkoppeling", "zorgmelding_asked"]


def politie(b: Builder) -> Section:
    entries = b.entries(POLICE_IDS, fixed=("politie_registratienummer",))
    return Section(
        "politie",
        t("report.section.politie"),
        [Block(None, entries, key="politie")],
        [t("report.politie.intro")],
    )


def terugkoppeling(b: Builder) -> Section:
    entries = b.entries(FEEDBACK_IDS, fixed=FEEDBACK_IDS)
    return Section(
        "terugkoppeling",
        t("report.section.terugkoppeling"),
        [Block(None, entries, key="terugkoppeling")],
    )


def frame(banner: list[str]) -> tuple[str, str]:
    """The zorgmelding's title and reminder; its banner line on neutral wording is added
    to ``banner`` (after the concept and inzage lines)."""
    banner.insert(2, t("report.banner.neutraal"))
    return t("report.title.wijkagent"), t("report.reminder.wijkagent")


def zorgmelding_asked(b: Builder) -> bool:
    """The officer answered that a zorgmelding is made (no "not melden" notice then)."""
    return b.answer("zorgmelding_doen") == "ja"
