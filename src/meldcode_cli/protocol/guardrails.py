"""Shared checks on the professional's own steps: defined once, like the afwegingskader.

Published tuchtrecht decisions and ombudsman reports keep sanctioning the same mistakes:
melden on unverified second-hand information, without a conversation and without a valid
exception ground; relying on one side's account; no collegiale consultatie; not informing
the client; giving Veilig Thuis information the question does not need; closing while a
risk was named. Each is a :class:`~meldcode_cli.protocol.model.Check` here. A protocol gets a
shared check when the items it reads exist in that protocol (the five shipped protocols
share those ids); ``meldcode show`` lists which apply. Protocols add their own ``checks:``.
See ``docs/protocol-format.md`` ("Controles").
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from meldcode_cli.protocol.model import Check, LocalText, Source

__all__ = ["ALL_SHARED_CHECKS", "GUARDRAIL_SOURCES", "SHARED_CHECKS", "checks_hash"]


def _t(nl: str, en: str) -> LocalText:
    # constant texts of this module: no validator to build (tests/protocol/test_afweging_items.py)
    return LocalText.model_construct(nl=nl, en=en)


KNMG3 = Source(
    id="knmg-stap-3",
    title="KNMG-meldcode, stap 3: gesprek met de betrokkenen",
    url="https://knmg-meldcode.maglr.com/meldcode-kindermishandeling-en-huiselijk-geweld/stap-3-gesprek-met-de-betrokkenen",
)
UTRECHT_DOSSIER = Source(
    id="utrecht-dossiervorming",
    title="Handelingsprotocol Utrecht, stap 1: dossiervorming",
    url="https://www.handelingsprotocol.nl/utrecht-tz-stap-1-signaleren-2/dossiervorming",
)
AUGEO = Source(
    id="augeo-stappenplan",
    title="Augeo, Meldcode stappenplan",
    url="https://www.augeo.nl/nl-nl/themas/meldcode/meldcode-stappenplan/",
)
UTRECHT_CONSULTATIE = Source(
    id="handelingsprotocol-utrecht-consultatie",
    title="Handelingsprotocol Utrecht (AMW), stap 2: consultatie — wie doet wat",
    url="https://handelingsprotocol.nl/utrecht-amw-stap-3-consultatie-3",
)
KNMG5 = Source(
    id="knmg-stap-5",
    title="KNMG-meldcode, stap 5: beslissen over melden via afwegingskader",
    url="https://knmg-meldcode.maglr.com/meldcode-kindermishandeling-en-huiselijk-geweld/stap-5-beslissen-over-melden-via-afwegingskader",
)
VT_OPEN = Source(
    id="vt-gz-melden",
    title="Veilig Thuis Gelderland-Zuid, Ik wil iets melden (open melden, tenzij)",
    url="https://veiligthuisgelderlandzuid.nl/voor-professionals/ik-wil-iets-melden/",
)
MEDISCH_CONTACT = Source(
    id="medisch-contact-meldrecht",
    title="Medisch Contact, tuchtzaak: huisarts geeft zonder afweging informatie aan Veilig Thuis",
    url="http://www.medischcontact.nl/kennis-carriere/tuchtrecht/tuchtzaak/huisarts-geeft-zonder-afweging-informatie-aan-veilig-thuis.htm",
)
KNMG_BIJLAGE_2 = Source(
    id="knmg-bijlage-2",
    title="KNMG-meldcode, bijlage 2: beroepsgeheim bij melden",
    url="https://knmg-meldcode.maglr.com/meldcode-kindermishandeling-en-huiselijk-geweld/bijlage-2-beroepsgeheim-bij-melden-van-kindermishandeling-en-huiselijk-geweld",
)
NJI = Source(
    id="nji-afwegingskader",
    title="NJi, Afwegingskader meldcode huiselijk geweld en kindermishandeling",
    url="https://www.nji.nl/kindermishandeling/afwegingskader-meldcode",
)

GUARDRAIL_SOURCES: tuple[Source, ...] = (
    KNMG3,
    UTRECHT_DOSSIER,
    AUGEO,
    UTRECHT_CONSULTATIE,
    KNMG5,
    VT_OPEN,
    MEDISCH_CONTACT,
    KNMG_BIJLAGE_2,
    NJI,
)

SHARED_CHECKS: tuple[Check, ...] = (
    # (a) melden while the gesprek was not held and no exception ground is recorded
    Check(
        id="melden_zonder_gesprek",
        when="decision.melden and gesprek == nog_niet",
        severity="justify",
        message=_t(
            "U meldt zonder gesprek met de cliënt en zonder een van de drie "
            "uitzonderingsgronden (gevaar voor de cliënt of anderen, voor uzelf, of geen "
            "contact na redelijke inspanning). Verantwoord waarom het gesprek niet "
            "plaatsvond, en wanneer u de cliënt alsnog spreekt.",
            "You report without a conversation with the client and without one of the three "
            "exception grounds (danger to the client or others, to yourself, or no contact "
            "after reasonable efforts). Justify why the conversation did not take place, and "
            "when you will still talk to the client.",
        ),
        sources=[KNMG3.id, AUGEO.id],
    ),
    # (b) the signals rest only on third-party information, not verified
    Check(
        id="signalen_alleen_derden",
        when=(
            "decision.melden and signalen_bron contains derde and not signalen_bron contains "
            "eigen_waarneming and not signalen_bron contains client and not signalen_bron "
            "contains dossier_collega and not gesprek == gevoerd"
        ),
        severity="justify",
        message=_t(
            "De signalen komen alleen van derden en zijn niet in een gesprek met de cliënt "
            "nagegaan. Eén kant van het verhaal is geen vastgesteld feit: verantwoord waarom "
            "u toch meldt, en vermeld de bron bij elk signaal.",
            "The signals come only from third parties and were not checked in a conversation "
            "with the client. One side of the story is not an established fact: justify why "
            "you report nonetheless, and state the source of every signal.",
        ),
        sources=[UTRECHT_DOSSIER.id, KNMG3.id],
    ),
    # (c) no collegiale consultatie
    Check(
        id="geen_consultatie",
        when="consultatie_collega == nee",
        severity="justify",
        message=_t(
            "Er is geen collegiale consultatie geweest. De meldcode vraagt overleg met een "
            "deskundige collega of aandachtsfunctionaris ('handel nooit alleen'): verantwoord "
            "waarom dat niet gebeurde.",
            "There was no consultation with a colleague. The meldcode asks for consultation "
            "with an expert colleague or aandachtsfunctionaris ('never act alone'): justify "
            "why that did not happen.",
        ),
        sources=[AUGEO.id, UTRECHT_CONSULTATIE.id],
    ),
    # (d) melden and the client not informed, without one of the three exception grounds
    Check(
        id="niet_geinformeerd_zonder_grond",
        when=(
            "decision.melden and (melding_geinformeerd == nee_niet_bereikbaar or "
            "(melding_geinformeerd == nee_uitzondering and not melding_uitzondering))"
        ),
        severity="justify",
        message=_t(
            "De cliënt is niet over de melding geïnformeerd, en dat rust niet op een van de "
            "drie gronden (veiligheid van betrokkenen, eigen veiligheid, vertrouwensrelatie). "
            "Leg vast welke pogingen u deed, en wanneer en door wie de cliënt alsnog "
            "geïnformeerd wordt.",
            "The client was not informed about the report, and not on one of the three "
            "grounds (safety of those involved, own safety, the relationship of trust). "
            "Record which attempts you made, and when and by whom the client will still be "
            "informed.",
        ),
        sources=[KNMG5.id, VT_OPEN.id],
    ),
    # (e) afsluiten while the step-4 weging names a risk
    Check(
        id="afsluiten_met_risico",
        when="afweging_1 == nee and not weging_risico_niveau == geen",
        severity="justify",
        message=_t(
            "U sluit af (geen vermoeden) terwijl uw weging in stap 4 een risico noemt. "
            "Verantwoord waarom het vermoeden is weggenomen; bij twijfel altijd advies van "
            "Veilig Thuis (0800-2000).",
            "You close (no suspicion) while your weighing in step 4 names a risk. Justify why "
            "the suspicion was removed; when in doubt always ask Veilig Thuis for advice "
            "(0800-2000).",
        ),
        sources=[NJI.id, AUGEO.id],
    ),
    # (f) information shared beyond what the question needs
    Check(
        id="gegevens_niet_beperkt",
        when="melding_gegevens == nee",
        severity="justify",
        message=_t(
            "U verstrekt Veilig Thuis meer gegevens dan de veiligheid vraagt. Het meldrecht "
            "dekt alleen noodzakelijke gegevens; een huisarts kreeg een waarschuwing voor "
            "verstrekken zonder afweging. Verantwoord welke gegevens u waarom verstrekt.",
            "You give Veilig Thuis more information than safety needs. The right to report "
            "covers necessary information only; a GP was warned for sharing without weighing "
            "it. Justify which information you give and why.",
        ),
        sources=[MEDISCH_CONTACT.id, KNMG5.id],
    ),
)

# The information-request flow (KNMG-meldcode 2023, stappenplannen 2 and 3): the same two
# sanctioned mistakes, (f) information beyond what the question needs and (c) acting alone,
# on the items those protocols share.
INFO_CHECKS: tuple[Check, ...] = (
    Check(
        id="verstrekken_zonder_context",
        when="verstrekking_besluit in [verstrekken, deels] and not context_bekend == ja",
        severity="justify",
        message=_t(
            "U verstrekt gegevens zonder de context van de vraag te kennen. Zonder die context "
            "kunt u niet wegen welke gegevens relevant zijn; een huisarts kreeg een waarschuwing "
            "voor verstrekken zonder afweging. Verantwoord waarom u niet eerst om de context "
            "vroeg.",
            "You disclose information without knowing the context of the request. Without it "
            "you cannot weigh which information is relevant; a GP was warned for disclosing "
            "without weighing. Justify why you did not ask for the context first.",
        ),
        sources=[MEDISCH_CONTACT.id, KNMG_BIJLAGE_2.id],
    ),
    Check(
        id="verstrekken_zonder_overleg",
        when="verstrekking_besluit in [verstrekken, deels] and overleg_collega == nee",
        severity="justify",
        message=_t(
            "U verstrekt gegevens zonder het verzoek met een collega te bespreken. Ook bij een "
            "informatieverzoek handelt u niet alleen: verantwoord waarom dat overleg niet "
            "plaatsvond.",
            "You disclose information without discussing the request with a colleague. With "
            "an information request too you do not act alone: justify why there was no "
            "consultation.",
        ),
        sources=[MEDISCH_CONTACT.id, KNMG_BIJLAGE_2.id],
    ),
)

GUARDRAIL_IDS: dict[str, str] = {
    "a": "melden_zonder_gesprek",
    "b": "signalen_alleen_derden",
    "c": "geen_consultatie",
    "d": "niet_geinformeerd_zonder_grond",
    "e": "afsluiten_met_risico",
    "f": "gegevens_niet_beperkt",
}


ALL_SHARED_CHECKS: tuple[Check, ...] = (*SHARED_CHECKS, *INFO_CHECKS)
"""Every shared check; a protocol gets those whose items it has."""


def checks_hash(checks: Iterable[Check]) -> str:
    """A stable hash of check definitions (stored in the record beside the fired checks)."""
    data = [c.model_dump(mode="json") for c in checks]
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(raw.encode("utf-8")).hexdigest()
