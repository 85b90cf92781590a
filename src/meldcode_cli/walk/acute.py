"""The acute route: what is shown, at any step, when there is acute danger."""

from __future__ import annotations

from meldcode_cli.protocol.model import Contact, LocalText, Protocol

__all__ = ["ACUTE_TEXT", "DEFAULT_CONTACTS", "acute_contacts"]

ACUTE_TEXT = LocalText(
    nl="Acuut gevaar: bel nu 112. Bel daarna, of bij twijfel direct, Veilig Thuis: 0800-2000 "
    "(gratis, dag en nacht). Leg vast dat u de acute route nam.",
    en="Acute danger: call 112 now. Then, or when in doubt straight away, call Veilig Thuis: "
    "0800-2000 (free, day and night). Record that you took the acute route.",
)

DEFAULT_CONTACTS: tuple[Contact, ...] = (
    Contact(
        name=LocalText(nl="Alarmnummer", en="Emergency number"),
        phone="112",
        when=LocalText(nl="bij direct (levens)gevaar", en="in immediate (life-threatening) danger"),
    ),
    Contact(
        name=LocalText(nl="Veilig Thuis", en="Veilig Thuis"),
        phone="0800-2000",
        url="https://veiligthuis.nl",
        when=LocalText(nl="advies en melden, 24/7, gratis", en="advice and reports, 24/7, free"),
    ),
)


def acute_contacts(protocol: Protocol) -> list[Contact]:
    """112 and Veilig Thuis first, always; then the protocol's own acute contacts."""
    extra = list(protocol.acute_route.contacts) if protocol.acute_route else []
    return [*DEFAULT_CONTACTS, *extra]
