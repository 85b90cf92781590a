"""The afwegingskader (mandatory since 1 January 2019): one definition for every protocol.

The five afwegingsvragen and the follow-up date are defined here once. A protocol places
them with the marker item ``- kind: afwegingskader`` in step 4 or step 5. The decision is
computed by :func:`decide` from the answers; protocols never type it by hand. This module
holds the ids, the sources, the relevance conditions and the decision (with its oracle);
the texts of the questions are in :mod:`meldcode_cli.protocol.afweging_items`.

Sources: NJi, "Afwegingskader meldcode" (https://www.nji.nl/kindermishandeling/afwegingskader-meldcode)
and KNMG-meldcode stap 5. See ``docs/protocol-format.md`` for the branching.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from meldcode_cli.protocol.model import Source

__all__ = [
    "AFWEGING_IDS",
    "AFWEGING_SOURCES",
    "EVALUATIE_ID",
    "FRAGMENT_IDS",
    "OPEN_WITH_VT",
    "ORACLE",
    "PATH_CODES",
    "SAFETY_IDS",
    "Decision",
    "OracleRow",
    "decide",
    "oracle_row",
]

AFWEGING_IDS: tuple[str, ...] = tuple(f"afweging_{n}" for n in range(1, 6))
EVALUATIE_ID = "afweging_evaluatiedatum"
VEILIGHEID_ID = "afweging_veiligheid_nu"
VEILIGHEID_AFSPRAKEN_ID = "afweging_veiligheid_afspraken"
SAFETY_IDS: tuple[str, ...] = (VEILIGHEID_ID, VEILIGHEID_AFSPRAKEN_ID)
"""Safety items shown on every path with acute or structurele onveiligheid (afweging 2 ja),
whatever afwegingen 3 and 4 give: the veiligheidsplan and who does what now."""
FRAGMENT_IDS: tuple[str, ...] = (
    *AFWEGING_IDS[:2],
    *SAFETY_IDS,
    *AFWEGING_IDS[2:4],
    EVALUATIE_ID,
    AFWEGING_IDS[4],
)
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
AFWEGING_SOURCES: tuple[Source, ...] = (NJI, KNMG5, AUGEO, UTRECHT_CONSULTATIE)

# The relevance conditions of the fragment, in the condition language.
FRAGMENT_CONDITIONS: dict[str, str | None] = {
    "afweging_1": None,
    "afweging_2": "afweging_1",
    VEILIGHEID_ID: "afweging_2",
    VEILIGHEID_AFSPRAKEN_ID: "afweging_2",
    "afweging_3": "afweging_1",
    "afweging_4": "afweging_3",
    EVALUATIE_ID: "afweging_4",
    "afweging_5": "afweging_4",
}

DEFERRABLE: frozenset[str] = frozenset({"afweging_5"})
"""Items that stay open until the follow-up evaluation (answer ``None``): afweging 5 is
never asked in the first walk, only through ``meldcode evaluate``."""

OPEN_WITH_VT: frozenset[str] = frozenset({"afweging_3", "afweging_4"})
"""Afwegingen that, once afweging 2 is "ja" (or onveiligheid is recorded), are gone through
*samen met Veilig Thuis*: they may be answered now or left open ("nog te bepalen met
Veilig Thuis"). On the afweging-2-"nee" paths the professional answers them alone."""


@dataclass(frozen=True, slots=True)
class Decision:
    """The decision the afwegingskader gives. Computed, never typed.

    ``melden`` is a melding *in this decision*; after a follow-up with afweging 5 "ja" it is
    false (no new melding), and ``eerder_gemeld`` says the first decision was a melding.
    ``open_met_veilig_thuis`` lists afwegingen 3/4 left open on the afweging-2-"ja" path.
    """

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
    open_met_veilig_thuis: tuple[str, ...] = ()
    eerder_gemeld: bool = False

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

    @property
    def melding_in_case(self) -> bool:
        """A melding belongs to this case: made now, or at the first decision."""
        return self.melden or self.eerder_gemeld

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
            "open_met_veilig_thuis": list(self.open_met_veilig_thuis),
            "eerder_gemeld": self.eerder_gemeld,
            "outcome": self.outcome,
        }


def decide(answers: dict[str, bool | None], *, onveilig: bool = False) -> Decision | None:
    """Compute the decision from the afwegingen (``"afweging_1"`` ... → bool/None).

    ``None`` for an afweging means "not (yet) answered". ``onveilig`` is true when acute or
    structurele onveiligheid was recorded elsewhere (a signal, or the acute route):
    afwegingen 1 and 2 then count as "ja" whatever was answered.

    The branching (NJi afwegingskader; KNMG stap 5):

    * afweging 1 "nee": afsluiten en vastleggen;
    * afweging 2 "ja": melden with meldnorm 1, settled at once. Afwegingen 3 and 4 are gone
      through together with Veilig Thuis and may stay open; they decide whether the
      professional (also) offers or organises help. No meldnorm 2 on this path;
    * afweging 2 "nee": afweging 3 or 4 "nee" → melden with meldnorm 2; both "ja" → hulp
      with an evaluation;
    * afweging 5 (the evaluation): "nee" → (opnieuw) melden, meldnorm 3 alone; "ja" →
      afsluiten with monitoring agreements, no new melding.

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
    unsafe = bool(a2) or onveilig
    asked["2"] = unsafe
    if unsafe:
        return _with_veilig_thuis(asked, a3, a4, a5)
    if a3 is None:
        return None
    asked["3"] = a3
    if not a3:
        return Decision(asked, True, False, False, (2,), False, False, False, False)
    if a4 is None:
        return None
    asked["4"] = a4
    if not a4:
        return Decision(asked, True, False, False, (2,), False, False, False, False)
    return _evaluation(asked, a5, eerder_gemeld=False)


def _with_veilig_thuis(
    asked: dict[str, bool | None], a3: bool | None, a4: bool | None, a5: bool | None
) -> Decision:
    """Afweging 2 "ja": melden (meldnorm 1) now; 3 and 4 together with Veilig Thuis."""

    def melden_now(open_: tuple[str, ...]) -> Decision:
        return Decision(
            asked, True, False, False, (1,), True, False, False, False, True,
            open_met_veilig_thuis=open_,
        )  # fmt: skip

    asked["3"] = a3
    if a3 is None:
        return melden_now(("3",))
    if not a3:
        return melden_now(())
    asked["4"] = a4
    if a4 is None:
        return melden_now(("4",))
    if not a4:
        return melden_now(())
    return _evaluation(asked, a5, eerder_gemeld=True)


def _evaluation(asked: dict[str, bool | None], a5: bool | None, *, eerder_gemeld: bool) -> Decision:
    """Hulp is offered or organised; afweging 5 is answered at the evaluation."""
    unsafe = bool(asked["2"])
    asked["5"] = a5
    if a5 is None:
        # first walk: hulp with an evaluation; on the afweging-2-"ja" path the melding stands
        return Decision(
            asked, eerder_gemeld, True, False, (1,) if eerder_gemeld else (), unsafe, True,
            False, False, unsafe,
        )  # fmt: skip
    if not a5:
        return Decision(
            asked, True, True, False, (3,), unsafe, False, True, False, unsafe,
            eerder_gemeld=eerder_gemeld,
        )  # fmt: skip
    return Decision(
        asked, False, True, True, (), unsafe, False, False, True, unsafe,
        eerder_gemeld=eerder_gemeld,
    )  # fmt: skip


# --- the oracle ------------------------------------------------------------------------
#
# The branching written out as a table from the sources, independent of :func:`decide`.
# A pattern gives afweging 1..5 as "J" (ja), "N" (nee), "?" (open: not yet answered, or
# left open "nog te bepalen met Veilig Thuis"), "*" (any of J/N/?: not asked on this path,
# its answer cannot matter). Every combination of five answers in {J, N, ?} matches exactly
# one row (a test proves it). ``decision`` None: the answers do not yet decide.

NJI_URL = NJI.url
KNMG5_URL = KNMG5.url


@dataclass(frozen=True, slots=True)
class OracleRow:
    pattern: str
    decision: tuple[bool, bool, bool, tuple[int, ...]] | None
    """(melden, hulp, afsluiten, meldnormen), or None: no decision yet."""
    evaluatie: bool
    source: str
    url: str


ORACLE: tuple[OracleRow, ...] = (
    OracleRow(
        "?****", None, False,
        "Afweging 1: 'Heb ik op basis van de stappen 1 tot en met 4 een vermoeden van (dreiging "
        "van) huiselijk geweld en/of kindermishandeling?' — zonder antwoord geen beslissing.",
        NJI_URL,
    ),
    OracleRow(
        "N****", (False, False, True, ()), False,
        "Afweging 1 nee: 'afsluiten en vastleggen in het dossier'.",
        NJI_URL,
    ),
    OracleRow(
        "J?***", None, False,
        "Afweging 2: 'Schat ik op basis van de stappen 1 t/m 4 in dat er sprake is van acute "
        "onveiligheid en/of structurele onveiligheid?' — zonder antwoord geen beslissing.",
        NJI_URL,
    ),
    OracleRow(
        "JJ?**", (True, False, False, (1,)), False,
        "Afweging 2 ja: 'melden bij Veilig Thuis'; 'afwegingen 3 t/m 5 worden samen met Veilig "
        "Thuis doorlopen' — de melding staat vast, 3 mag open blijven.",
        NJI_URL,
    ),
    OracleRow(
        "JJN**", (True, False, False, (1,)), False,
        "Meldnorm 1: 'in alle gevallen van acute onveiligheid en/of structurele onveiligheid' "
        "(meldnorm 2 geldt alleen voor de niet-acute, niet-structureel onveilige situaties).",
        KNMG5_URL,
    ),
    OracleRow(
        "JJJ?*", (True, False, False, (1,)), False,
        "Afweging 2 ja: afweging 4 wordt samen met Veilig Thuis doorlopen en mag open blijven; "
        "de melding (meldnorm 1) staat vast.",
        NJI_URL,
    ),
    OracleRow(
        "JJJN*", (True, False, False, (1,)), False,
        "Meldnorm 1 'in alle gevallen van acute onveiligheid en/of structurele onveiligheid'; "
        "geen meldnorm 2 bij acute of structurele onveiligheid.",
        KNMG5_URL,
    ),
    OracleRow(
        "JJJJ?", (True, True, False, (1,)), True,
        "Bij acute of structurele onveiligheid: 'melding bij Veilig Thuis en besluit samen met "
        "Veilig Thuis welke hulp u zelf kunt organiseren'; afweging 5 volgt bij de evaluatie.",
        "https://www.augeo.nl/nl-nl/themas/meldcode/meldcode-stappenplan/",
    ),
    OracleRow(
        "JJJJN", (True, True, False, (3,)), False,
        "Afweging 5 nee: '(opnieuw) melden bij Veilig Thuis'; meldnorm 3: 'als de professional "
        "die hulp biedt of organiseert constateert dat de onveiligheid niet stopt of zich "
        "herhaalt'.",
        KNMG5_URL,
    ),
    OracleRow(
        "JJJJJ", (False, True, True, ()), False,
        "Afweging 5 ja: 'hulp afsluiten met afspraken over het volgen van toekomstige "
        "(on)veiligheid met betrokkenen en samenwerkingspartners' — geen nieuwe melding.",
        NJI_URL,
    ),
    OracleRow(
        "JN?**", None, False,
        "Afweging 3: 'Ben ik in staat effectieve hulp te bieden of te organiseren …?' — zonder "
        "afweging 2 ja beantwoordt de professional dit zelf; zonder antwoord geen beslissing.",
        NJI_URL,
    ),
    OracleRow(
        "JNN**", (True, False, False, (2,)), False,
        "Afweging 3 nee: 'melden bij Veilig Thuis'; meldnorm 2: 'in alle andere gevallen waarin "
        "de professional meent dat hij … niet voldoende effectieve hulp kan bieden of kan "
        "organiseren'.",
        KNMG5_URL,
    ),
    OracleRow(
        "JNJ?*", None, False,
        "Afweging 4: 'Aanvaarden de betrokkenen hulp …?' — zonder antwoord geen beslissing.",
        NJI_URL,
    ),
    OracleRow(
        "JNJN*", (True, False, False, (2,)), False,
        "Afweging 4 nee: 'melden bij Veilig Thuis' (meldnorm 2: hulp die niet aanvaard wordt, "
        "is geen voldoende effectieve hulp).",
        KNMG5_URL,
    ),
    OracleRow(
        "JNJJ?", (False, True, False, ()), True,
        "Afweging 4 ja: 'hulp bieden of organiseren', daarna afweging 5 bij de evaluatie.",
        NJI_URL,
    ),
    OracleRow(
        "JNJJN", (True, True, False, (3,)), False,
        "Afweging 5 nee: '(opnieuw) melden bij Veilig Thuis' (meldnorm 3: de onveiligheid stopt "
        "niet of herhaalt zich).",
        KNMG5_URL,
    ),
    OracleRow(
        "JNJJJ", (False, True, True, ()), False,
        "Afweging 5 ja: 'hulp afsluiten met afspraken over het volgen van toekomstige "
        "(on)veiligheid met betrokkenen en samenwerkingspartners'.",
        NJI_URL,
    ),
)  # fmt: skip


def oracle_row(code: str) -> OracleRow:
    """The one oracle row whose pattern matches ``code`` (five letters from J, N, ?)."""
    matches = [
        r for r in ORACLE if all(p in ("*", c) for p, c in zip(r.pattern, code, strict=True))
    ]
    if len(matches) != 1:
        raise KeyError(f"{code}: {len(matches)} oracle rows match")
    return matches[0]


PATH_CODES: tuple[str, ...] = tuple(
    r.pattern.replace("*", "-") for r in ORACLE if r.decision is not None
)
"""The decision paths as path codes ("-": not asked, "?": open), one per deciding row."""
