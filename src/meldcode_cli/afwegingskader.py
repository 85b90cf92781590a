"""The afwegingskader (mandatory since 1 January 2019): one definition for every protocol.

The five afwegingsvragen and the follow-up date are defined here once. A protocol places
them with the marker item ``- kind: afwegingskader`` in step 4 or step 5. The decision is
computed by :func:`decide` from the answers; protocols never type it by hand.

Sources: NJi, "Afwegingskader meldcode" (https://www.nji.nl/kindermishandeling/afwegingskader-meldcode)
and KNMG-meldcode stap 5. See ``docs/protocol-format.md`` for the branching.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from meldcode_cli.protocol import DateItem, LocalText, Source, YesNoItem

__all__ = [
    "AFWEGING_IDS",
    "AFWEGING_SOURCES",
    "EVALUATIE_ID",
    "FRAGMENT_IDS",
    "ORACLE",
    "Decision",
    "afweging_items",
    "decide",
]

AFWEGING_IDS: tuple[str, ...] = tuple(f"afweging_{n}" for n in range(1, 6))
EVALUATIE_ID = "afweging_evaluatiedatum"
FRAGMENT_IDS: tuple[str, ...] = (*AFWEGING_IDS[:4], EVALUATIE_ID, AFWEGING_IDS[4])
"""Order in which the fragment's items are asked."""

NJI = Source(
    id="nji-afwegingskader",
    title="NJi, Afwegingskader meldcode huiselijk geweld en kindermishandeling",
    url="https://www.nji.nl/kindermishandeling/afwegingskader-meldcode",
)
KNMG5 = Source(
    id="knmg-stap-5",
    title="KNMG-meldcode, stap 5: beslissen over melden via afwegingskader",
    url="https://knmg-meldcode.maglr.com/meldcode-kindermishandeling-en-huiselijk-geweld/stap-5-beslissen-over-melden-via-afwegingskader",
)
AFWEGING_SOURCES: tuple[Source, ...] = (NJI, KNMG5)

# The relevance conditions of the fragment, in the condition language.
FRAGMENT_CONDITIONS: dict[str, str | None] = {
    "afweging_1": None,
    "afweging_2": "afweging_1",
    "afweging_3": "afweging_1",
    "afweging_4": "afweging_3",
    EVALUATIE_ID: "afweging_4",
    "afweging_5": "afweging_4",
}

DEFERRABLE: frozenset[str] = frozenset({"afweging_5"})
"""Items that may stay open until the follow-up evaluation (answer ``None``)."""


def _t(nl: str, en: str) -> LocalText:
    return LocalText(nl=nl, en=en)


def afweging_items() -> list[YesNoItem | DateItem]:
    """The fragment's items, in the order they are asked."""
    src = [NJI.id, KNMG5.id]
    return [
        YesNoItem(
            kind="yes_no",
            id="afweging_1",
            text=_t(
                "Afweging 1: Heb ik op basis van de stappen 1 tot en met 4 een vermoeden van "
                "(dreiging van) huiselijk geweld en/of kindermishandeling?",
                "Consideration 1: Based on steps 1 to 4, do I suspect (the threat of) domestic "
                "violence and/or child abuse?",
            ),
            help=_t(
                "Nee: de meldcode wordt afgesloten; leg dit vast in het dossier.",
                "No: the meldcode is closed; record this in the file.",
            ),
            why=_t(
                "Afweging 1 van het afwegingskader (verplicht sinds 1 januari 2019).",
                "Consideration 1 of the assessment framework (mandatory since 1 January 2019).",
            ),
            sources=src,
        ),
        YesNoItem(
            kind="yes_no",
            id="afweging_2",
            text=_t(
                "Afweging 2: Schat ik op basis van de stappen 1 tot en met 4 in dat er sprake is "
                "van acute onveiligheid en/of structurele onveiligheid?",
                "Consideration 2: Based on steps 1 to 4, do I judge that there is acute and/or "
                "structural unsafety?",
            ),
            help=_t(
                "Ja: melden bij Veilig Thuis is altijd nodig (meldnorm 1); afwegingen 3 tot en "
                "met 5 doorloopt u samen met Veilig Thuis.",
                "Yes: reporting to Veilig Thuis is always required (reporting norm 1); go "
                "through considerations 3 to 5 together with Veilig Thuis.",
            ),
            why=_t(
                "Afweging 2: bij acute of structurele onveiligheid is melden de "
                "professionele norm.",
                "Consideration 2: with acute or structural unsafety, reporting is the norm.",
            ),
            sources=src,
        ),
        YesNoItem(
            kind="yes_no",
            id="afweging_3",
            text=_t(
                "Afweging 3: Ben ik in staat effectieve hulp te bieden of te organiseren om "
                "dreiging van (toekomstig) huiselijk geweld en/of kindermishandeling af te wenden?",
                "Consideration 3: Am I able to offer or organise effective help to avert the "
                "threat of (future) domestic violence and/or child abuse?",
            ),
            help=_t(
                "Nee: melden bij Veilig Thuis (meldnorm 2).",
                "No: report to Veilig Thuis (reporting norm 2).",
            ),
            why=_t(
                "Afweging 3: wie geen effectieve hulp kan bieden of organiseren, meldt.",
                "Consideration 3: whoever cannot offer or organise effective help, reports.",
            ),
            sources=src,
        ),
        YesNoItem(
            kind="yes_no",
            id="afweging_4",
            text=_t(
                "Afweging 4: Aanvaarden de betrokkenen hulp om dreiging van (toekomstig) huiselijk "
                "geweld en/of kindermishandeling af te wenden en zijn zij bereid zich hiervoor "
                "in te zetten?",
                "Consideration 4: Do those involved accept help to avert the threat of (future) "
                "domestic violence and/or child abuse, and are they willing to commit to it?",
            ),
            help=_t(
                "Nee: melden bij Veilig Thuis. Ja: hulp bieden of organiseren, met een "
                "evaluatiemoment (afweging 5).",
                "No: report to Veilig Thuis. Yes: offer or organise help, with an evaluation "
                "(consideration 5).",
            ),
            why=_t(
                "Afweging 4: hulp werkt alleen als betrokkenen haar aanvaarden.",
                "Consideration 4: help only works when those involved accept it.",
            ),
            sources=src,
        ),
        DateItem(
            kind="date",
            id=EVALUATIE_ID,
            text=_t(
                "Op welke datum evalueert u of de hulp tot de noodzakelijke veiligheid leidt "
                "(afweging 5)?",
                "On what date will you evaluate whether the help leads to the necessary "
                "safety (consideration 5)?",
            ),
            why=_t(
                "Wie hulp biedt, volgt of de onveiligheid stopt (meldnorm 3).",
                "Whoever offers help, follows whether the unsafety stops (reporting norm 3).",
            ),
            sources=src,
            range="future",
        ),
        YesNoItem(
            kind="yes_no",
            id="afweging_5",
            text=_t(
                "Afweging 5: Leidt de hulp binnen de gewenste termijn tot de noodzakelijke "
                "resultaten ten aanzien van de veiligheid en/of het welzijn (herstel) van alle "
                "betrokkenen?",
                "Consideration 5: Does the help lead, within the desired term, to the necessary "
                "results regarding the safety and/or well-being (recovery) of all involved?",
            ),
            help=_t(
                "Nee: (opnieuw) melden bij Veilig Thuis (meldnorm 3). Ja: hulp afsluiten met "
                "afspraken over het volgen van de veiligheid. Nog niet te beoordelen: sla over "
                "en beantwoord bij de evaluatie.",
                "No: report (again) to Veilig Thuis (reporting norm 3). Yes: close the help "
                "with agreements on monitoring safety. Not yet known: skip and answer at the "
                "evaluation.",
            ),
            why=_t(
                "Afweging 5: hulp die de onveiligheid niet stopt, leidt tot (opnieuw) melden.",
                "Consideration 5: help that does not stop the unsafety leads to reporting (again).",
            ),
            sources=src,
            required=False,
        ),
    ]


@dataclass(frozen=True, slots=True)
class Decision:
    """The decision the afwegingskader gives. Computed, never typed."""

    afwegingen: dict[str, bool | None]
    melden: bool
    hulp: bool
    afsluiten: bool
    meldnormen: tuple[int, ...]
    samen_met_veilig_thuis: bool
    evaluatie_nodig: bool
    opnieuw_melden: bool
    monitoring: bool
    onveiligheid_vastgesteld: bool = False
    reasons: tuple[str, ...] = field(default=())

    @property
    def outcome(self) -> str:
        """A short, stable code for the outcome."""
        parts = []
        if self.melden:
            parts.append("melden")
        if self.hulp:
            parts.append("hulp")
        if self.afsluiten:
            parts.append("afsluiten")
        if self.evaluatie_nodig:
            parts.append("evaluatie")
        return "+".join(parts)

    def as_dict(self) -> dict[str, object]:
        return {
            "melden": self.melden,
            "hulp": self.hulp,
            "afsluiten": self.afsluiten,
            "meldnormen": list(self.meldnormen),
            "afwegingen": dict(self.afwegingen),
            "samen_met_veilig_thuis": self.samen_met_veilig_thuis,
            "evaluatie_nodig": self.evaluatie_nodig,
            "opnieuw_melden": self.opnieuw_melden,
            "monitoring": self.monitoring,
            "onveiligheid_vastgesteld": self.onveiligheid_vastgesteld,
            "outcome": self.outcome,
        }


def decide(answers: dict[str, bool | None], *, onveilig: bool = False) -> Decision | None:
    """Compute the decision from the afwegingen (``"afweging_1"`` ... → bool/None).

    ``onveilig`` is true when acute or structurele onveiligheid was recorded elsewhere
    (a signal, or the acute route): afwegingen 1 and 2 then count as "ja" whatever was
    answered (the engine refuses "nee" there, so this only matters for stale input).
    Returns ``None`` while the answers do not yet determine a decision.
    """
    a1 = answers.get("afweging_1")
    a2 = answers.get("afweging_2")
    a3 = answers.get("afweging_3")
    a4 = answers.get("afweging_4")
    a5 = answers.get("afweging_5")
    asked: dict[str, bool | None] = dict.fromkeys(("1", "2", "3", "4", "5"))
    if a1 is None:
        return None
    a1 = a1 or onveilig  # recorded onveiligheid is a vermoeden: afweging 1 counts as "ja"
    asked["1"] = a1
    if not a1:
        return Decision(asked, False, False, True, (), False, False, False, False)
    if a2 is None and not onveilig:
        return None
    asked["2"] = True if onveilig else a2
    unsafe = bool(a2) or onveilig
    normen: list[int] = [1] if unsafe else []
    if a3 is None:
        if unsafe:
            # melden is settled; 3-5 are still to be gone through with Veilig Thuis
            return None
        return None
    asked["3"] = a3
    if not a3:
        normen.append(2)
        return Decision(
            asked, True, False, False, tuple(normen), unsafe, False, False, False, unsafe
        )
    if a4 is None:
        return None
    asked["4"] = a4
    if not a4:
        normen.append(2)
        return Decision(
            asked, True, False, False, tuple(normen), unsafe, False, False, False, unsafe
        )
    asked["5"] = a5
    if a5 is None:
        return Decision(
            asked, unsafe, True, False, tuple(normen), unsafe, True, False, False, unsafe
        )
    if not a5:
        normen.append(3)
        return Decision(asked, True, True, False, tuple(normen), unsafe, False, True, False, unsafe)
    return Decision(asked, unsafe, True, True, tuple(normen), unsafe, False, False, True, unsafe)


# The branching of brief §3.1 written out as a table, independent of :func:`decide`.
# Key: answers to afweging 1..5 as "J"/"N"/"-" (not asked) / "?" (not yet answered).
# Value: (melden, hulp, afsluiten, meldnormen).
ORACLE: dict[str, tuple[bool, bool, bool, tuple[int, ...]]] = {
    "N----": (False, False, True, ()),
    "JJN--": (True, False, False, (1, 2)),
    "JJJN-": (True, False, False, (1, 2)),
    "JJJJ?": (True, True, False, (1,)),
    "JJJJN": (True, True, False, (1, 3)),
    "JJJJJ": (True, True, True, (1,)),
    "JNN--": (True, False, False, (2,)),
    "JNJN-": (True, False, False, (2,)),
    "JNJJ?": (False, True, False, ()),
    "JNJJN": (True, True, False, (3,)),
    "JNJJJ": (False, True, True, ()),
}
