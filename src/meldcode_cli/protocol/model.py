"""The protocol format: pydantic models, pure data, no I/O.

A protocol file describes the five steps of the meldcode for one form of violence.
The afwegingskader is not written in the file: a step holds the marker item
``- kind: afwegingskader`` and the shared definition (``afwegingskader.py``) is put
in its place, so every protocol uses the same five questions and the same decision.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from meldcode_cli.roles import Role  # defined once, in roles

SCHEMA_VERSION = 1

ITEM_ID_PATTERN = r"^[a-z][a-z0-9_]*$"
PROTOCOL_ID_PATTERN = r"^[a-z][a-z0-9-]*$"
SOURCE_ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"


class _Model(BaseModel):
    # defer_build: a model's validator is built when it first validates, not at import, so
    # a command pays only for the models it uses (docs/cli.md, the cache)
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class LocalText(_Model):
    """Text in Dutch (required) and optionally English."""

    nl: str = Field(min_length=1, description="Nederlandse tekst (verplicht).")
    en: str | None = Field(default=None, min_length=1, description="English text (optional).")

    def get(self, lang: str = "nl") -> str:
        if lang == "en" and self.en:
            return self.en
        return self.nl


def _text_from_str(value: Any) -> Any:
    if isinstance(value, str):
        return {"nl": value}
    if isinstance(value, bool | int | float):
        raise PydanticCustomError(
            "text_is_scalar",
            "YAML leest dit als {kind}, niet als tekst",
            {"kind": type(value).__name__},
        )
    return value


Text = Annotated[
    LocalText,
    BeforeValidator(_text_from_str, json_schema_input_type=str | LocalText),
]

ItemId = Annotated[str, Field(pattern=ITEM_ID_PATTERN, max_length=64)]
SourceId = Annotated[str, Field(pattern=SOURCE_ID_PATTERN, max_length=64)]


class Source(_Model):
    """A public source that normative items cite."""

    id: SourceId
    title: str = Field(min_length=1)
    url: str = Field(pattern=r"^https?://\S+$")


class Contact(_Model):
    """Who to call or where to go: shown with guidance and on the acute route."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        defer_build=True,
        json_schema_extra={"anyOf": [{"required": ["partner"]}, {"required": ["name"]}]},
    )

    partner: str | None = Field(
        default=None,
        pattern=r"^[a-z0-9][a-z0-9-]{0,63}$",
        description="Id in de ketenkaart: naam, telefoon en URL komen daaruit (regionaal eerst).",
    )
    name: Text | None = Field(
        default=None, description="Verplicht zonder 'partner'; met 'partner' een eigen label."
    )
    phone: str | None = Field(default=None, pattern=r"^[0-9+][0-9 -]{1,20}$")
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    when: Text | None = None

    @model_validator(mode="after")
    def _named(self) -> Contact:
        if self.partner is None and self.name is None:
            raise PydanticCustomError(
                "contact_unnamed", "een contact heeft 'partner' (ketenkaart-id) of 'name' nodig"
            )
        return self

    def label(self, lang: str) -> str:
        """The name shown: the protocol's own, else the partner id (unresolved)."""
        if self.name is not None:
            return self.name.get(lang)
        return self.partner or ""


class Option(_Model):
    """One answer option of a single or multiple choice item."""

    id: ItemId
    text: Text
    help: Text | None = None
    acute: bool = Field(default=False, description="Kiezen opent de acute route.")
    structureel: bool = Field(
        default=False, description="Kiezen betekent structurele onveiligheid."
    )
    roles: list[Role] | None = Field(
        default=None, description="Alleen voor deze rollen (bv. de KNMG-gronden voor huisartsen)."
    )

    def for_role(self, role: str | None) -> bool:
        return role is None or self.roles is None or role in self.roles


class _ItemBase(_Model):
    id: ItemId
    text: Text
    help: Text | None = None
    why: Text | None = Field(default=None, description="Waarom deze vraag hier staat.")
    sources: list[SourceId] = Field(default_factory=list)
    when: str | None = Field(default=None, description="Relevantievoorwaarde.")
    roles: list[Role] | None = Field(
        default=None, description="Alleen voor deze rollen (kort voor `role in [...]`)."
    )
    role_text: dict[Role, Text] | None = Field(
        default=None,
        description=(
            "Een eigen tekst per rol (bv. politiewoorden voor de wijkagent), getoond in plaats "
            "van `text`; het item, zijn id en zijn antwoorden blijven dezelfde."
        ),
    )
    role_help: dict[Role, Text] | None = Field(
        default=None, description="Een eigen uitleg per rol, getoond in plaats van `help`."
    )

    def text_for(self, role: str | None) -> LocalText:
        """The item text for this role: its own text if the protocol gives one."""
        if role is not None and self.role_text and role in self.role_text:
            return self.role_text[role]
        return self.text

    def help_for(self, role: str | None) -> LocalText | None:
        if role is not None and self.role_help and role in self.role_help:
            return self.role_help[role]
        return self.help


class _AnswerableBase(_ItemBase):
    required: bool = True


class YesNoItem(_AnswerableBase):
    kind: Literal["yes_no"]
    acute_if: Literal["ja", "nee"] | None = None
    structureel_if: Literal["ja", "nee"] | None = None


class SingleChoiceItem(_AnswerableBase):
    kind: Literal["single_choice"]
    options: list[Option] = Field(min_length=2)


class MultiChoiceItem(_AnswerableBase):
    kind: Literal["multi_choice"]
    options: list[Option] = Field(min_length=1)
    min_selected: int = Field(default=0, ge=0)


Nature = Literal["feit", "interpretatie", "toelichting"]


class TextItem(_AnswerableBase):
    kind: Literal["text"]
    nature: Nature = Field(
        description="feit (waarneming), interpretatie (duiding) of toelichting (motivering)."
    )
    multiline: bool = True
    format: Literal["kenmerk"] | None = Field(
        default=None,
        description=(
            "kenmerk: een pseudoniem kenmerk (bv. een registratienummer), één regel; wat op een "
            "naam, telefoonnummer, BSN of adres lijkt wordt geweigerd."
        ),
    )


class DateItem(_AnswerableBase):
    kind: Literal["date"]
    range: Literal["any", "past", "future"] = "any"


class GuidanceItem(_ItemBase):
    kind: Literal["guidance"]
    contacts: list[Contact] = Field(default_factory=list)


class AfwegingskaderItem(_Model):
    """Marker: the shared afwegingskader is placed here."""

    kind: Literal["afwegingskader"]


class VerstrekkingsbesluitItem(_Model):
    """Marker (``kind: informatieverzoek`` only): the shared verstrekkingsbesluit goes here."""

    kind: Literal["verstrekkingsbesluit"]


AnswerItem = YesNoItem | SingleChoiceItem | MultiChoiceItem | TextItem | DateItem
Item = Annotated[
    YesNoItem
    | SingleChoiceItem
    | MultiChoiceItem
    | TextItem
    | DateItem
    | GuidanceItem
    | AfwegingskaderItem
    | VerstrekkingsbesluitItem,
    Field(discriminator="kind"),
]
ConcreteItem = AnswerItem | GuidanceItem


class Step(_Model):
    step: int = Field(ge=1, le=5)
    title: Text
    role_titles: dict[Role, Text] | None = Field(
        default=None,
        description="Een eigen staptitel per rol (bv. de KNMG-namen voor de huisarts).",
    )
    intro: Text | None = None
    items: list[Item] = Field(min_length=1)

    def title_for(self, role: str | None) -> LocalText:
        """The step title for this role: its own title if the protocol gives one."""
        if role is not None and self.role_titles and role in self.role_titles:
            return self.role_titles[role]
        return self.title


class AcuteRoute(_Model):
    """Extra text and contacts for the acute route (112 and Veilig Thuis are always shown)."""

    text: Text | None = None
    contacts: list[Contact] = Field(default_factory=list)


ProtocolKind = Literal["meldcode", "informatieverzoek"]
PROTOCOL_KINDS: tuple[str, ...] = ("meldcode", "informatieverzoek")


Severity = Literal["justify", "block", "note"]


class Check(_Model):
    """A guardrail: a condition over answers, role and decision, with what it asks of the
    professional. ``justify``: a written justification is stored beside the check's id;
    ``block``: signing is refused until the answers change; ``note``: shown only."""

    id: ItemId
    when: str = Field(description="Voorwaarde over antwoorden, rol en decision.*.")
    severity: Severity
    message: Text
    sources: list[SourceId] = Field(default_factory=list)
    roles: list[Role] | None = Field(default=None, description="Alleen voor deze rollen.")


class Protocol(_Model):
    """One meldcode protocol: metadata and exactly five steps."""

    schema_version: Literal[1]
    kind: ProtocolKind = Field(
        default="meldcode",
        description=(
            "meldcode: de vijf stappen met het afwegingskader; informatieverzoek: een "
            "KNMG-stappenplan voor een verzoek om informatie, met het verstrekkingsbesluit."
        ),
    )
    id: str = Field(pattern=PROTOCOL_ID_PATTERN, max_length=64)
    title: Text
    version: str = Field(pattern=r"^\d+\.\d+(\.\d+)?$")
    description: Text | None = None
    roles: list[Role] = Field(min_length=1)
    sources: list[Source] = Field(default_factory=list)
    acute_route: AcuteRoute | None = None
    steps: list[Step]
    checks: list[Check] = Field(
        default_factory=list,
        description="Controles op de eigen stappen (naast de gedeelde controles).",
    )
