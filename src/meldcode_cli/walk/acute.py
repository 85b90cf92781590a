"""The acute route: what is shown, at any step, when there is acute danger."""

from __future__ import annotations

from meldcode_cli.protocol.model import Contact, LocalText, Protocol

__all__ = [
    "ACUTE_TEXT",
    "DEFAULT_CONTACTS",
    "acute_contacts",
    "acute_text",
    "resolved",
    "with_vt_number",
]

ACUTE_TEXT = LocalText(
    nl="Acuut gevaar: bel nu 112. Bel daarna, of bij twijfel direct, Veilig Thuis: 0800-2000 "
    "(gratis, dag en nacht). Leg vast dat u de acute route nam.",
    en="Acute danger: call 112 now. Then, or when in doubt straight away, call Veilig Thuis: "
    "0800-2000 (free, day and night). Record that you took the acute route.",
)

DEFAULT_CONTACTS: tuple[Contact, ...] = (
    Contact(
        partner="alarmnummer",
        name=LocalText(nl="Alarmnummer", en="Emergency number"),
        when=LocalText(nl="bij direct (levens)gevaar", en="in immediate (life-threatening) danger"),
    ),
    Contact(
        partner="veilig-thuis",  # its name from the ketenkaart: a region's own
        url="https://veiligthuis.nl",
        when=LocalText(nl="advies en melden, 24/7", en="advice and reports, 24/7"),
    ),
)


def resolved(contacts: list[Contact] | tuple[Contact, ...]) -> list[Contact]:
    """Contacts with ``partner: id`` filled from the ketenkaart (regional first)."""
    if not any(c.partner for c in contacts):
        return list(contacts)
    from meldcode_cli.chain.ketenkaart import resolve_contact

    return [resolve_contact(c) for c in contacts]


def acute_contacts(protocol: Protocol) -> list[Contact]:
    """112 and Veilig Thuis first, always; then the protocol's own acute contacts."""
    extra = list(protocol.acute_route.contacts) if protocol.acute_route else []
    return resolved([*DEFAULT_CONTACTS, *extra])


def acute_text(lang: str) -> str:
    """:data:`ACUTE_TEXT` with the Veilig Thuis number the ketenkaart gives (a region's own)."""
    return with_vt_number(ACUTE_TEXT.get(lang))


def with_vt_number(text: str) -> str:
    """``text`` with the national Veilig Thuis number replaced by the one the ketenkaart
    gives (a region's own first); unchanged without a regional entry."""
    phone = resolved(DEFAULT_CONTACTS)[1].phone
    if not phone or phone == "0800-2000":
        return text
    import re

    from meldcode_cli.chain.ketenkaart import active_ketenkaart

    org = active_ketenkaart().lookup("veilig-thuis")
    line = next((k for k in org.contacts if k.phone == phone), None) if org else None
    # "(gratis, 24/7)" is true of 0800-2000, not necessarily of a regional number: its
    # own hours from the ketenkaart instead
    hours = f" ({line.hours})" if line is not None and line.hours else ""
    return re.sub(r"0800-2000(?: \([^)]*\))?", lambda _: phone + hours, text)
