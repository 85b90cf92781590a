"""The verstrekkingsbesluit: the shared end of an information-request protocol.

A protocol with ``kind: informatieverzoek`` follows one of the KNMG-meldcode (November 2023)
stappenplannen for a request for information (from Veilig Thuis, the Raad voor de
Kinderbescherming or a gecertificeerde instelling, or from police or justice). It has no
afwegingskader: nobody decides to melden. Its step 5 holds the marker
``- kind: verstrekkingsbesluit``; the items below are put in its place, and the outcome is
computed from their answers by :func:`decide_verstrekking`, like the afwegingskader's
decision. Pure data and functions, no I/O. See ``docs/protocol-format.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from meldcode_cli.protocol.model import (
    DateItem,
    LocalText,
    Option,
    SingleChoiceItem,
    Source,
    TextItem,
)

__all__ = [
    "BESLUIT_ID",
    "FRAGMENT_CONDITIONS",
    "ORACLE",
    "OUTCOMES",
    "VERSTREKKING_IDS",
    "VERSTREKKING_SOURCES",
    "Verstrekking",
    "decide_verstrekking",
    "verstrekking_items",
]

BESLUIT_ID = "verstrekking_besluit"
GEGEVENS_ID = "verstrekking_gegevens"
GRONDSLAG_ID = "verstrekking_grondslag"
TOELICHTING_ID = "verstrekking_toelichting"
DATUM_ID = "verstrekking_vervolgdatum"
VERSTREKKING_IDS: tuple[str, ...] = (
    BESLUIT_ID,
    GEGEVENS_ID,
    GRONDSLAG_ID,
    TOELICHTING_ID,
    DATUM_ID,
)

OUTCOMES: tuple[str, ...] = ("verstrekken", "deels", "niet_verstrekken", "eerst_context")
"""The lawful end states, in the order the question offers them."""

KNMG_BIJLAGE_2 = Source(
    id="knmg-bijlage-2",
    title="KNMG-meldcode, bijlage 2 beroepsgeheim bij melden van kindermishandeling en "
    "huiselijk geweld",
    url="https://knmg-meldcode.maglr.com/meldcode-kindermishandeling-en-huiselijk-geweld/"
    "bijlage-2-beroepsgeheim-bij-melden-van-kindermishandeling-en-huiselijk-geweld",
)
MC_TUCHT = Source(
    id="medisch-contact-meldrecht",
    title="Medisch Contact, tuchtzaak huisarts geeft zonder afweging informatie aan Veilig Thuis",
    url="http://www.medischcontact.nl/kennis-carriere/tuchtrecht/tuchtzaak/"
    "huisarts-geeft-zonder-afweging-informatie-aan-veilig-thuis.htm",
)
VERSTREKKING_SOURCES: tuple[Source, ...] = (KNMG_BIJLAGE_2, MC_TUCHT)

_SHARED = "verstrekking_besluit in [verstrekken, deels]"
FRAGMENT_CONDITIONS: dict[str, str | None] = {
    BESLUIT_ID: None,
    GEGEVENS_ID: _SHARED,
    GRONDSLAG_ID: _SHARED,
    TOELICHTING_ID: None,
    DATUM_ID: "verstrekking_besluit == eerst_context",
}

# What every lawful end state requires, written independently of decide_verstrekking:
# besluit -> (gegevens verstrekt, alleen een deel, besluit nog open, vastlegging van de
# gegevens en de grondslag nodig).
ORACLE: dict[str, tuple[bool, bool, bool, bool]] = {
    "verstrekken": (True, False, False, True),
    "deels": (True, True, False, True),
    "niet_verstrekken": (False, False, False, False),
    "eerst_context": (False, False, True, False),
}


@dataclass(frozen=True)
class Verstrekking:
    """The outcome of an information request. Computed from the answers, never typed."""

    besluit: str
    verstrekt: bool
    deels: bool
    open: bool
    grondslag: str | None = None

    @property
    def outcome(self) -> str:
        """A short, stable code for the outcome (the besluit)."""
        return self.besluit

    @property
    def vastlegging_nodig(self) -> bool:
        return self.verstrekt

    def as_dict(self) -> dict[str, object]:
        return {
            "besluit": self.besluit,
            "verstrekt": self.verstrekt,
            "deels": self.deels,
            "open": self.open,
            "grondslag": self.grondslag,
        }


def decide_verstrekking(answers: Mapping[str, object]) -> Verstrekking | None:
    """The outcome from the answers; ``None`` while the besluit is not given."""
    besluit = answers.get(BESLUIT_ID)
    if not isinstance(besluit, str) or besluit not in OUTCOMES:
        return None
    grondslag = answers.get(GRONDSLAG_ID)
    verstrekt = besluit in ("verstrekken", "deels")
    return Verstrekking(
        besluit=besluit,
        verstrekt=verstrekt,
        deels=besluit == "deels",
        open=besluit == "eerst_context",
        grondslag=grondslag if verstrekt and isinstance(grondslag, str) else None,
    )


def _t(nl: str, en: str) -> LocalText:
    # constant texts of this module: no validator to build (tests/protocol/test_afweging_items.py)
    return LocalText.model_construct(nl=nl, en=en)


def verstrekking_items() -> list[SingleChoiceItem | TextItem | DateItem]:
    """The fragment's items, in the order they are asked."""
    src = [KNMG_BIJLAGE_2.id, MC_TUCHT.id]
    return [
        SingleChoiceItem(
            kind="single_choice",
            id=BESLUIT_ID,
            text=_t(
                "Verstrekkingsbesluit: wat besluit u over het verzoek om informatie?",
                "Decision on disclosure: what do you decide about the request for information?",
            ),
            help=_t(
                "Geef nooit meer dan nodig is voor de vraag. Weet u de context nog niet, of "
                "wilt u eerst de patiënt spreken of om toestemming vragen, kies dan 'nog niet'.",
                "Never give more than the question needs. If you do not know the context yet, "
                "or want to talk to the patient or ask consent first, choose 'not yet'.",
            ),
            why=_t(
                "Het beroepsgeheim blijft het uitgangspunt: u weegt per verzoek welke gegevens "
                "relevant en noodzakelijk zijn. Een huisarts die zonder die afweging informatie "
                "gaf, kreeg een waarschuwing van de tuchtrechter.",
                "Professional confidentiality remains the starting point: for every request you "
                "weigh which data are relevant and necessary. A GP who gave information without "
                "that weighing received a warning from the disciplinary court.",
            ),
            sources=src,
            options=[
                Option(
                    id="verstrekken",
                    text=_t(
                        "Ik verstrek de gevraagde gegevens; ze zijn alle relevant en nodig",
                        "I disclose the requested data; all of it is relevant and needed",
                    ),
                ),
                Option(
                    id="deels",
                    text=_t(
                        "Ik verstrek alleen het deel dat relevant is voor de vraag",
                        "I disclose only the part that is relevant to the question",
                    ),
                ),
                Option(
                    id="niet_verstrekken",
                    text=_t(
                        "Ik verstrek geen gegevens",
                        "I disclose no data",
                    ),
                ),
                Option(
                    id="eerst_context",
                    text=_t(
                        "Nog niet: ik vraag eerst de context, spreek de patiënt of vraag "
                        "toestemming",
                        "Not yet: I first ask for the context, talk to the patient or ask consent",
                    ),
                ),
            ],
        ),
        TextItem(
            kind="text",
            id=GEGEVENS_ID,
            nature="feit",
            text=_t(
                "Welke gegevens verstrekte u precies, aan wie (naam, functie, organisatie), "
                "wanneer en hoe (bij voorkeur schriftelijk)?",
                "Which data exactly did you disclose, to whom (name, position, organisation), "
                "when and how (preferably in writing)?",
            ),
            why=_t(
                "Leg vast wat u verstrekte en aan wie, zodat u de afweging later kunt "
                "verantwoorden.",
                "Record what you disclosed and to whom, so that you can account for the "
                "weighing later.",
            ),
            sources=src,
        ),
        SingleChoiceItem(
            kind="single_choice",
            id=GRONDSLAG_ID,
            text=_t(
                "Op welke grond verstrekte u de gegevens?",
                "On what ground did you disclose the data?",
            ),
            sources=src,
            options=[
                Option(
                    id="toestemming",
                    text=_t("Toestemming van de patiënt", "The patient's consent"),
                ),
                Option(
                    id="meldrecht",
                    text=_t(
                        "Meldrecht: verzoek van Veilig Thuis (Wmo 2015 art. 5.2.6)",
                        "Right to report: request from Veilig Thuis (Wmo 2015 art. 5.2.6)",
                    ),
                ),
                Option(
                    id="conflict_van_plichten",
                    text=_t(
                        "Conflict van plichten: zwaarwegend belang, geen andere weg",
                        "Conflict of duties: a weighty interest, no other way",
                    ),
                ),
                Option(
                    id="wettelijke_plicht",
                    text=_t(
                        "Een wettelijke plicht of een rechterlijk bevel (noem de bepaling)",
                        "A statutory duty or a court order (name the provision)",
                    ),
                ),
            ],
        ),
        TextItem(
            kind="text",
            id=TOELICHTING_ID,
            nature="toelichting",
            text=_t(
                "Waarom dit besluit? Welke afweging maakte u (relevantie voor de vraag, "
                "noodzaak, belang van de patiënt en van anderen), en met wie overlegde u?",
                "Why this decision? What weighing did you make (relevance to the question, "
                "necessity, interests of the patient and of others), and whom did you consult?",
            ),
            why=_t(
                "De afweging zelf hoort in het dossier: wat u deelde en waarom, en wat niet.",
                "The weighing itself belongs in the file: what you shared and why, and what not.",
            ),
            sources=src,
        ),
        DateItem(
            kind="date",
            id=DATUM_ID,
            range="future",
            text=_t(
                "Wanneer besluit u, als de context of de reactie van de patiënt er is?",
                "When will you decide, once the context or the patient's reaction is known?",
            ),
        ),
    ]
