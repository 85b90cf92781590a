"""The sections of the Veilig Thuis melding form, one function each, from a
:class:`~.builder.Builder`: melder, betrokkenen, de melding (facts, then interpretations),
the steps taken, who was informed, ondersteunend netwerk, overige informatie,
vervolgafspraken, and the verantwoording of the record (the afweging is in
:mod:`.afweging`, the police zorgmelding's own sections in :mod:`.police`). An advice
summary (``--advies``) uses the same functions, without what identifies anyone."""

from __future__ import annotations

from meldcode_cli.i18n.messages import has, t
from meldcode_cli.record.model import NoteRecord, Professional
from meldcode_cli.report.betrokkenen import Persoon
from meldcode_cli.report.builder import (
    CHILD_IDS,
    EVALUATIE_ID,
    FOLLOW_UP_IDS,
    INFORMED_IDS,
    NETWORK_IDS,
    PERSON_IDS,
    SIGNAL_IDS,
    Builder,
)
from meldcode_cli.report.model import (
    Block,
    Entry,
    Section,
    empty_text,
    label_for,
    role_text,
    when,
    yes_no,
)

__all__ = [
    "betrokkenen",
    "geinformeerd",
    "melder",
    "melding",
    "netwerk",
    "overig",
    "stappen",
    "verantwoording",
    "vervolg",
    "vraag",
]


# --- melder ----------------------------------------------------------------------------


def melder(b: Builder) -> Section:
    role = b.record.role
    if b.advies:
        return Section(
            "melder",
            t("report.section.vraagsteller"),
            [Block(None, [Entry(t("report.melder.functie"), role_text(role))])],
            [t("report.advies.melder_intro")],
        )
    prof = b.record.provenance.professional
    who = [
        _professional(prof, role, key)
        for key in ("name", "role", "organisation", "registration", "contact")
    ]
    if b.police:  # police zorgmeldingen are not anonymous towards the family here
        return Section(
            "melder",
            t("report.section.melder.wijkagent"),
            [Block(None, who, key="melder-gegevens")],
        )
    anon = [b.entry("melding_anoniem", label=t("report.item.melding_anoniem"))]
    anonymous = b.answer("melding_anoniem") == "ja"
    for extra in ("melding_anoniem_grond", "melding_anoniem_toelichting"):
        anon.append(b.entry(extra, fixed=anonymous))
    return Section(
        "melder",
        t("report.section.melder"),
        [
            Block(None, who, key="melder-gegevens"),
            Block(
                t("report.block.anoniem"),
                [e for e in anon if e is not None],
                intro=t("report.melder.anoniem_intro"),
                key="melder-anoniem",
            ),
        ],
    )


def _professional(prof: Professional | None, role: str, key: str) -> Entry:
    """One line of the melder's own details (from the signer's profile)."""
    own = f"report.melder.{key}.{role}"
    label = t(own if has(own) else f"report.melder.{key}")
    raw: str | None = getattr(prof, key) if prof is not None else None
    if key == "role":
        raw = role_text(raw) if raw else None
    return Entry(label, str(raw) if raw else empty_text(), empty=not raw)


# --- betrokkenen -----------------------------------------------------------------------


def _text(key: str, value: str | None) -> Entry:
    return Entry(t(f"report.person.{key}"), value or empty_text(), empty=not value)


def _person(b: Builder, p: Persoon) -> list[Entry]:
    household = Entry(
        t("report.person.in_huishouden"), yes_no(p.in_huishouden), p.in_huishouden is None
    )
    if b.advies:  # roles and ages only
        return [_text("rol", p.rol), b.age(p, full=False), household]
    return [
        _text("rol", p.rol),
        _text("naam", p.naam),
        b.age(p, full=True),
        _text("relatie", p.relatie),
        _text("adres", p.adres),
        _text("telefoon", p.telefoon),
        _text("email", p.email),
        _text("gezag", p.gezag),
        _text("school", p.school),
        household,
    ]


def betrokkenen(b: Builder) -> Section:
    blocks: list[Block] = []
    people = b.people.betrokkenen if b.people else []
    intro = []
    if not people:
        blocks.append(
            Block(
                None,
                [Entry(t("report.section.betrokkenen"), empty_text(), empty=True)],
                key="betrokkenen-leeg",
            )
        )
        intro.append(t("report.betrokkenen.none"))
    for n, p in enumerate(people, 1):
        blocks.append(
            Block(
                t("report.person.title", n=n, rol=p.rol),
                _person(b, p),
                kind="person",
                key=f"persoon-{n}",
            )
        )
    children = [
        Entry(p.rol, b.age(p, full=False).value)
        for p in people
        if p.in_huishouden and (years := b.years(p)) is not None and years < 18
    ]
    children += b.entries(CHILD_IDS, fixed=("kindcheck",))
    blocks.append(Block(t("report.block.kinderen"), children, key="kinderen"))
    from_record = b.entries(PERSON_IDS)
    if from_record:
        blocks.append(Block(t("report.block.uit_record"), from_record, key="uit-record"))
    if not b.advies:
        helpers = b.people.hulpverleners if b.people else []
        entries = [
            Entry(
                h.functie or t("report.hulpverlener"),
                ", ".join(x for x in (h.naam, h.organisatie, h.telefoon) if x) or empty_text(),
                empty=not (h.naam or h.organisatie or h.telefoon),
            )
            for h in helpers
        ] or [Entry(t("report.block.hulpverleners"), empty_text(), empty=True)]
        blocks.append(Block(t("report.block.hulpverleners"), entries, key="hulpverleners"))
    return Section("betrokkenen", t("report.section.betrokkenen"), blocks, intro)


# --- de melding: signals, facts, interpretations ---------------------------------------


def _not_interpretation(n: NoteRecord) -> bool:
    return n.nature != "interpretatie"


def melding(b: Builder) -> Section:
    rest = b.step_items(1)

    def nature(i: str) -> str | None:
        return b.items[i].nature

    fact_ids = ["signalen_feiten"] + [
        i for i in rest if nature(i) == "feit" and i != "signalen_feiten"
    ]
    interp_ids = ["signalen_interpretatie"] + [
        i for i in rest if nature(i) == "interpretatie" and i != "signalen_interpretatie"
    ]
    other_ids = [i for i in rest if i not in fact_ids and i not in interp_ids]
    # interpretations noted on step-1 items move to the interpretations block
    moved = [
        Entry(t("report.note_on", label=label_for(item_id, item)), n.text, meta=b.note(n).meta)
        for item_id, item in b.items.items()
        if b.step_of[item_id] == 1 and item.nature != "interpretatie"
        for n in item.notes
        if n.nature == "interpretatie"
    ]
    signals = [
        e
        for e in (
            b.entry(i, fixed=i in ("signalen", "signalen_datum"), notes=_not_interpretation)
            for i in SIGNAL_IDS
        )
        if e is not None
    ]
    facts = [
        e
        for i in fact_ids
        if (e := b.entry(i, fixed=i == "signalen_feiten", notes=_not_interpretation))
    ]
    interpretations = b.entries(interp_ids, fixed=("signalen_interpretatie",)) + moved
    others = [e for i in other_ids if (e := b.entry(i, fixed=False, notes=_not_interpretation))]
    blocks = [
        Block(t("report.block.signalen"), signals, key="signalen"),
        Block(
            t("report.block.feiten"),
            facts,
            kind="facts",
            intro=t("report.block.feiten_intro"),
            key="feiten",
        ),
        Block(
            t("report.block.interpretaties"),
            interpretations,
            kind="interpretations",
            intro=t("report.block.interpretaties_intro"),
            key="interpretaties",
        ),
    ]
    if others:
        blocks.append(Block(t("report.block.overig_signalen"), others, key="overig-signalen"))
    title = t("report.section.melding.wijkagent" if b.police else "report.section.melding")
    return Section("melding", title, blocks)


# --- the steps taken, who was informed, netwerk, overig, vervolg -----------------------


def stappen(b: Builder) -> Section:
    blocks = []
    for step, fixed in ((2, ("consultatie_collega", "advies_veilig_thuis")), (3, ("gesprek",))):
        ids = [i for i in fixed if i not in b.items] + b.step_items(step)
        blocks.append(
            Block(
                t("report.step", n=step, title=b.step_titles.get(step, "")),
                b.entries(ids, fixed=fixed),
                key=f"stap-{step}",
            )
        )
    return Section("stappen", t("report.section.stappen"), blocks)


def geinformeerd(b: Builder) -> Section:
    entries = b.entries(INFORMED_IDS, fixed=("melding_geinformeerd",))
    return Section(
        "geinformeerd",
        t("report.section.geinformeerd"),
        [Block(None, entries, key="geinformeerd")],
        [t("report.geinformeerd.intro")],
    )


def netwerk(b: Builder) -> Section:
    members = b.people.netwerk if b.people else []
    entries = [
        Entry(
            m.relatie or t("report.netwerk.lid"),
            ", ".join(x for x in (m.naam, m.telefoon, m.toelichting) if x) or empty_text(),
            empty=not (m.naam or m.telefoon or m.toelichting),
        )
        for m in members
    ]
    entries += b.entries(NETWORK_IDS)
    if not entries:
        entries = [Entry(t("report.section.netwerk"), empty_text(), empty=True)]
    return Section("netwerk", t("report.section.netwerk"), [Block(None, entries, key="netwerk")])


def overig(b: Builder) -> Section:
    """Overige informatie: built last, it takes what no other section placed."""
    entries = []
    if b.people and b.people.overige_informatie:
        entries.append(Entry(t("report.overig.betrokkenen"), b.people.overige_informatie))
    entries += b.entries(b.step_items(5))
    if not entries:
        entries = [Entry(t("report.section.overig"), empty_text(), empty=True)]
    return Section("overig", t("report.section.overig"), [Block(None, entries, key="overig")])


def vervolg(b: Builder) -> Section:
    entries = b.entries(FOLLOW_UP_IDS, fixed=("vervolgafspraken",))
    date = b.decision.evaluatiedatum if b.decision is not None else None
    b.used.add(EVALUATIE_ID)
    entries.append(Entry(t("report.evaluatiedatum"), date or empty_text(), empty=not date))
    return Section("vervolg", t("report.section.vervolg"), [Block(None, entries, key="vervolg")])


def vraag(text: str | None) -> Section:
    """``--advies``: the question for Veilig Thuis (or a colleague)."""
    entry = (
        Entry(t("report.vraag"), text)
        if text
        else Entry(t("report.vraag"), empty_text(), empty=True)
    )
    return Section("vraag", t("report.section.vraag"), [Block(None, [entry], key="vraag")])


# --- verantwoording --------------------------------------------------------------------


def verantwoording(b: Builder) -> Section:
    rec = b.record
    proto = rec.protocol
    version = f"{t('report.version')} {proto.version}"
    protocol = f"{proto.title} ({proto.id}, {version})"
    if b.advies:
        entries = [
            Entry(t("report.about.protocol"), protocol),
            Entry(t("report.about.check"), t("report.advies.checked")),
        ]
        return Section(
            "verantwoording",
            t("report.section.verantwoording"),
            [Block(None, entries, key="verantwoording")],
        )
    if rec.training:
        signature = t("report.about.training")
    else:
        signature = t("report.about.signed", fp=rec.provenance.key_fingerprint or "?")
    kind_key = f"report.kind.{rec.kind}"
    entries = [
        Entry(t("report.about.protocol"), protocol),
        Entry(t("report.about.hash"), proto.hash),
        Entry(
            t("report.about.record"),
            t(
                "report.about.record_value",
                kind=t(kind_key) if has(kind_key) else rec.kind,
                n=rec.sequence,
                id=rec.record_id,
            ),
        ),
        Entry(t("report.about.created"), when(rec.created_at) or empty_text()),
        Entry(t("report.about.role"), role_text(rec.role)),
        Entry(t("report.about.case"), rec.case),
        Entry(t("report.about.signature"), signature),
        Entry(t("report.about.superseded"), str(len(rec.superseded))),
        Entry(t("report.about.betrokkenen"), b.people_source),
    ]
    if rec.amendment_reason:
        entries.append(Entry(t("report.about.amendment"), rec.amendment_reason))
    org = rec.provenance.organisatie
    if org is not None:  # the overlay the walk used
        entries.append(
            Entry(
                t("report.about.organisatie"),
                t("report.about.organisatie_value", name=org.name, hash=org.hash),
            )
        )
    return Section(
        "verantwoording",
        t("report.section.verantwoording"),
        [Block(None, entries, key="verantwoording")],
    )
