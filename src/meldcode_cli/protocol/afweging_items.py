"""The afwegingskader's items as the walk asks them: the five afwegingsvragen, the
follow-up date and the two safety items (texts in Dutch and English, with their help, why
and sources). The ids, conditions and the decision are in
:mod:`meldcode_cli.protocol.afwegingskader`; a protocol places these items with its
``- kind: afwegingskader`` marker (:mod:`meldcode_cli.protocol.structure`).
"""

from __future__ import annotations

from meldcode_cli.protocol.afwegingskader import (
    AUGEO,
    EVALUATIE_ID,
    KNMG5,
    NJI,
    UTRECHT_CONSULTATIE,
    VEILIGHEID_AFSPRAKEN_ID,
    VEILIGHEID_ID,
)
from meldcode_cli.protocol.model import DateItem, GuidanceItem, LocalText, TextItem, YesNoItem

__all__ = ["afweging_items"]

# The items are this module's own constant data, built with ``model_construct``: validating
# them would build a pydantic validator for each item class (some 5 ms at the start of every
# walk and every validate). tests/protocol/test_afweging_items.py proves each item equal to
# its validated self, so a wrong value here still fails the tests.


def _t(nl: str, en: str) -> LocalText:
    return LocalText.model_construct(nl=nl, en=en)


def afweging_items() -> list[YesNoItem | DateItem | GuidanceItem | TextItem]:
    """The fragment's items, in the order they are asked."""
    items = _afweging_questions()
    return [*items[:2], *_safety_items(), *items[2:]]


def _safety_items() -> list[GuidanceItem | TextItem]:
    """Veiligheid nu: on every path with acute or structurele onveiligheid (afweging 2 ja)."""
    return [
        GuidanceItem.model_construct(
            kind="guidance",
            id=VEILIGHEID_ID,
            text=_t(
                "Veiligheid nu. Bij acute of structurele onveiligheid meldt u bij Veilig Thuis, "
                "en de veiligheid van de betrokkenen gaat vóór: maak met de cliënt (en Veilig "
                "Thuis) een veiligheidsplan — wat doet de cliënt bij nieuw geweld, waar is zij of "
                "hij veilig, wie kan helpen — en spreek af wie wat doet tot Veilig Thuis het "
                "overneemt. Dit geldt ook als hulp geweigerd wordt of niet mogelijk is.",
                "Safety now. With acute or structural unsafety you report to Veilig Thuis, and "
                "the safety of those involved comes first: make a safety plan with the client "
                "(and Veilig Thuis) — what the client does at new violence, where they are safe, "
                "who can help — and agree who does what until Veilig Thuis takes over. This "
                "also applies when help is refused or not possible.",
            ),
            why=_t(
                "Bij acute of structurele onveiligheid: melden en samen met Veilig Thuis bepalen "
                "welke hulp u zelf kunt organiseren; leg vast wie wat doet en wie coördineert.",
                "With acute or structural unsafety: report, and decide with Veilig Thuis which "
                "help you can organise yourself; record who does what and who coordinates.",
            ),
            role_text={
                "wijkagent": _t(
                    "Veiligheid nu. Bij acute of structurele onveiligheid doet u een "
                    "zorgmelding bij Veilig Thuis, en de veiligheid van de betrokkenen gaat vóór: "
                    "leg vast wat u ter plaatse regelde (scheiden van partijen, opvang, een "
                    "voorgelegd huisverbod) en spreek af wie wat doet tot Veilig Thuis het "
                    "overneemt. Dit geldt ook als hulp geweigerd wordt of niet mogelijk is.",
                    "Safety now. With acute or structural unsafety you make a zorgmelding to "
                    "Veilig Thuis, and the safety of those involved comes first: record what you "
                    "arranged on the spot (separating the parties, shelter, a huisverbod put to "
                    "the hulpofficier) and agree who does what until Veilig Thuis takes over. "
                    "This also applies when help is refused or not possible.",
                )
            },
            sources=[AUGEO.id, UTRECHT_CONSULTATIE.id, KNMG5.id],
        ),
        TextItem.model_construct(
            kind="text",
            id=VEILIGHEID_AFSPRAKEN_ID,
            text=_t(
                "Wie doet wat nu voor de veiligheid (veiligheidsplan, afspraken met de cliënt, "
                "Veilig Thuis, politie), en wanneer?",
                "Who does what now for safety (safety plan, agreements with the client, Veilig "
                "Thuis, police), and when?",
            ),
            role_text={
                "wijkagent": _t(
                    "Wie doet wat nu voor de veiligheid (ter plaatse, Veilig Thuis, hulpofficier, "
                    "ketenpartners, betrokkenen), en wanneer?",
                    "Who does what now for safety (on the spot, Veilig Thuis, hulpofficier, chain "
                    "partners, those involved), and when?",
                )
            },
            nature="toelichting",
            sources=[AUGEO.id, UTRECHT_CONSULTATIE.id],
        ),
    ]


def _afweging_questions() -> list[YesNoItem | DateItem]:
    src = [NJI.id, KNMG5.id]
    return [
        YesNoItem.model_construct(
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
        YesNoItem.model_construct(
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
        YesNoItem.model_construct(
            kind="yes_no",
            id="afweging_3",
            text=_t(
                "Afweging 3: Ben ik in staat effectieve hulp te bieden of te organiseren om "
                "dreiging van (toekomstig) huiselijk geweld en/of kindermishandeling af te wenden?",
                "Consideration 3: Am I able to offer or organise effective help to avert the "
                "threat of (future) domestic violence and/or child abuse?",
            ),
            role_text={
                "wijkagent": _t(
                    "Afweging 3: Kan ik effectieve hulp organiseren — via Veilig Thuis, het "
                    "wijkteam of andere ketenpartners; de politie biedt de hulp niet zelf — om "
                    "dreiging van (toekomstig) huiselijk geweld en/of kindermishandeling af te "
                    "wenden?",
                    "Consideration 3: Can I organise effective help — through Veilig Thuis, the "
                    "neighbourhood team or other chain partners; the police do not offer the "
                    "help themselves — to avert the threat of (future) domestic violence and/or "
                    "child abuse?",
                )
            },
            role_help={
                "wijkagent": _t(
                    "De politie biedt zelf geen hulp: zij organiseert hulp, in de regel met een "
                    "zorgmelding bij Veilig Thuis. Nee: zorgmelding (meldnorm 2). Na afweging 2 "
                    "'ja' is de zorgmelding al besloten (meldnorm 1) en beantwoordt u dit samen "
                    "met Veilig Thuis, nu of later.",
                    "The police do not offer help themselves: they organise it, as a rule "
                    "through a zorgmelding to Veilig Thuis. No: zorgmelding (norm 2). After "
                    "consideration 2 'yes' the zorgmelding is decided (norm 1) and you answer "
                    "this together with Veilig Thuis, now or later.",
                )
            },
            help=_t(
                "Nee: melden bij Veilig Thuis (meldnorm 2). Na afweging 2 'ja' is de melding al "
                "besloten (meldnorm 1): dan beantwoordt u deze vraag samen met Veilig Thuis, nu "
                "of later ('nog te bepalen met Veilig Thuis').",
                "No: report to Veilig Thuis (reporting norm 2). After consideration 2 'yes' the "
                "report is already decided (norm 1): you then answer this together with Veilig "
                "Thuis, now or later ('to be decided with Veilig Thuis').",
            ),
            why=_t(
                "Afweging 3: wie geen effectieve hulp kan bieden of organiseren, meldt.",
                "Consideration 3: whoever cannot offer or organise effective help, reports.",
            ),
            sources=src,
        ),
        YesNoItem.model_construct(
            kind="yes_no",
            id="afweging_4",
            text=_t(
                "Afweging 4: Aanvaarden de betrokkenen hulp om dreiging van (toekomstig) huiselijk "
                "geweld en/of kindermishandeling af te wenden en zijn zij bereid zich hiervoor "
                "in te zetten?",
                "Consideration 4: Do those involved accept help to avert the threat of (future) "
                "domestic violence and/or child abuse, and are they willing to commit to it?",
            ),
            role_text={
                "wijkagent": _t(
                    "Afweging 4: Aanvaarden de betrokkenen de hulp die u voor hen organiseert "
                    "(bijvoorbeeld: stemmen zij in met de doorverwijzing) en zijn zij bereid "
                    "zich hiervoor in te zetten?",
                    "Consideration 4: Do those involved accept the help you organise for them "
                    "(for example: do they agree to the referral), and are they willing to "
                    "commit to it?",
                )
            },
            help=_t(
                "Nee: melden bij Veilig Thuis (meldnorm 2). Ja: hulp bieden of organiseren, met "
                "een evaluatiemoment (afweging 5). Na afweging 2 'ja' beantwoordt u dit samen "
                "met Veilig Thuis, nu of later.",
                "No: report to Veilig Thuis (norm 2). Yes: offer or organise help, with an "
                "evaluation (consideration 5). After consideration 2 'yes' you answer this "
                "together with Veilig Thuis, now or later.",
            ),
            why=_t(
                "Afweging 4: hulp werkt alleen als betrokkenen haar aanvaarden.",
                "Consideration 4: help only works when those involved accept it.",
            ),
            sources=src,
        ),
        DateItem.model_construct(
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
        YesNoItem.model_construct(
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
                "afspraken over het volgen van de veiligheid. Deze vraag hoort bij de evaluatie "
                "('meldcode evaluate') op of na de evaluatiedatum.",
                "No: report (again) to Veilig Thuis (reporting norm 3). Yes: close the help "
                "with agreements on monitoring safety. This question belongs to the evaluation "
                "('meldcode evaluate') on or after the evaluation date.",
            ),
            why=_t(
                "Afweging 5: hulp die de onveiligheid niet stopt, leidt tot (opnieuw) melden.",
                "Consideration 5: help that does not stop the unsafety leads to reporting (again).",
            ),
            sources=src,
            required=False,
        ),
    ]
