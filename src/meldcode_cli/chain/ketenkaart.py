"""The ketenkaart: who does what in the chain, per pillar, form of violence, role and area.

A ketenkaart file is YAML (loaded through :mod:`meldcode_cli.protocol.yamlio`, so the same
safety and file:line:col diagnostics as protocols) with a list of organisations. The shipped
national file lives in ``ketenkaart/`` (packaged as ``meldcode_cli/_ketenkaart``); a region adds
its own files in the user folder (``<data dir>/ketenkaart/*.yaml``) or passes ``--ketenkaart
PATH``. Lookups are regional first, national as fallback (:class:`Ketenkaart.lookup`). See
``docs/ketenkaart.md``; the codes MC501–MC510 are listed in ``docs/protocol-format.md``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

from meldcode_cli.errors import Text
from meldcode_cli.files.jsonio import os_error_reason
from meldcode_cli.protocol.diagnostics import Diagnostic, Loc, did_you_mean

if TYPE_CHECKING:
    from meldcode_cli.protocol.model import Contact as ProtocolContact

__all__ = [
    "PILLARS",
    "STALE_DAYS",
    "Contact",
    "Ketenkaart",
    "KetenkaartFile",
    "LoadedKaart",
    "Organisation",
    "check_kaart_paths",
    "is_ketenkaart_file",
    "load_ketenkaart",
    "partner_ids",
    "resolve_contact",
    "set_ketenkaart_paths",
    "shipped_ketenkaart_dir",
    "user_ketenkaart_dir",
]

PILLARS = ("preventie", "signalering", "interventie", "herstel-nazorg")
Pillar = Literal["preventie", "signalering", "interventie", "herstel-nazorg"]
STALE_DAYS = 365
_ID = r"^[a-z0-9][a-z0-9-]{0,63}$"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Contact(_M):
    """One way to reach an organisation."""

    label: str = Field(min_length=1, description="Waarvoor: 'Advies en melden', 'Spoed', ...")
    phone: str | None = Field(default=None, pattern=r"^[0-9+][0-9 -]{1,20}$")
    hours: str | None = Field(default=None, description="Bereikbaarheid, bijv. '24/7'")
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    takes: list[Literal["advies", "melding"]] = Field(
        default_factory=list,
        description="Neemt deze lijn adviesvragen, meldingen, of beide aan (leeg: geen van beide)",
    )


class Area(_M):
    national: bool = False
    regio: str | None = None
    gemeenten: list[str] = Field(default_factory=list)


class Organisation(_M):
    id: str = Field(pattern=_ID)
    name: str = Field(min_length=1)
    does: str = Field(min_length=1, description="Wat de organisatie doet, in één of twee zinnen")
    pillars: list[Pillar] = Field(min_length=1)
    forms: list[str] = Field(
        default_factory=list, description="Protocol-ids (vormen van geweld); leeg: alle vormen"
    )
    roles: list[str] = Field(default_factory=list, description="Rollen; leeg: alle rollen")
    contacts: list[Contact] = Field(default_factory=list)
    area: Area
    replaces: str | None = Field(
        default=None, description="Regionaal: het landelijke id dat deze organisatie hier vervangt"
    )
    source: str | None = Field(default=None, description="Bron-URL van deze gegevens (verplicht)")
    checked_on: str | None = Field(
        default=None, description="'Gecontroleerd op' (JJJJ-MM-DD, verplicht)"
    )


class KetenkaartFile(_M):
    schema_version: Literal[1]
    kind: Literal["ketenkaart"]
    id: str = Field(pattern=_ID)
    title: str = Field(min_length=1)
    note: str | None = None
    organisations: list[Organisation] = Field(min_length=1)


@dataclass
class LoadedKaart:
    path: str
    kaart: KetenkaartFile | None
    diagnostics: list[Diagnostic] = field(default_factory=list)


def shipped_ketenkaart_dir() -> Path:
    from meldcode_cli.shipped import shipped_dir

    return shipped_dir("ketenkaart")


def user_ketenkaart_dir() -> Path:
    from meldcode_cli.walk.casestore import data_dir

    return data_dir() / "ketenkaart"


def is_ketenkaart_file(path: Path) -> bool:
    """A YAML file whose top level says ``kind: ketenkaart`` (cheap text check)."""
    try:
        with path.open("rb") as f:
            head = f.read(4096).decode("utf-8", errors="replace")
    except OSError:
        return False
    return re.search(r"(?m)^kind:\s*['\"]?ketenkaart['\"]?\s*$", head) is not None


def _parse_date(text: str) -> dt.date | None:
    if not _DATE.match(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def is_stale(org: Organisation, today: dt.date) -> bool:
    checked = _parse_date(org.checked_on or "")
    return checked is None or (today - checked).days > STALE_DAYS


def _known_protocols() -> tuple[set[str], set[str]]:
    """Ids and roles of the shipped protocols."""
    from meldcode_cli.authoring.validate import shipped_protocols_dir
    from meldcode_cli.protocol.loading import load_protocol_file

    ids: set[str] = set()
    roles: set[str] = set()
    for p in sorted(shipped_protocols_dir().glob("*.yaml")):
        loaded = load_protocol_file(p)
        if loaded.protocol is not None:
            ids.add(loaded.protocol.id)
            roles.update(loaded.protocol.roles)
    return ids, roles


def load_ketenkaart(
    path: Path,
    *,
    today: dt.date | None = None,
    protocols: tuple[set[str], set[str]] | None = None,
    national_ids: set[str] | None = None,
) -> LoadedKaart:
    """Load and check one ketenkaart file. Never raises for bad input."""
    from meldcode_cli.protocol import yamlio
    from meldcode_cli.protocol.loading import validate_document

    shown = str(path)
    try:
        text = yamlio.read_text(path)
    except OSError as e:
        return LoadedKaart(
            shown,
            None,
            [
                Diagnostic(
                    "MC001",
                    Text("diag.MC001.unreadable", reason=os_error_reason(e)),
                    Text("diag.MC001.unreadable.hint"),
                )
            ],
        )
    except yamlio.NotUtf8 as e:
        return LoadedKaart(
            shown,
            None,
            [
                Diagnostic(
                    "MC001", Text("diag.MC001.not_utf8"), Text("diag.MC001.encoding.hint")
                ).at(shown, e.line, e.col)
            ],
        )
    except ValueError as e:
        return LoadedKaart(
            shown,
            None,
            [Diagnostic("MC005", str(e), Text("diag.MC005.shorten.hint")).at(shown, 1, 1)],
        )
    kaart, diags = validate_document(KetenkaartFile, text, shown)
    if kaart is None:
        return LoadedKaart(shown, None, diags)
    today = today or dt.date.today()
    ids, roles = protocols if protocols is not None else _known_protocols()
    return LoadedKaart(
        shown, kaart, check_kaart(kaart, text, shown, today, ids, roles, national_ids)
    )


def check_kaart(
    kaart: KetenkaartFile,
    text: str,
    path: str,
    today: dt.date,
    protocol_ids: set[str],
    roles: set[str],
    national_ids: set[str] | None = None,
) -> list[Diagnostic]:
    """The static checks on a parsed ketenkaart (MC501–MC510), in file order."""
    from meldcode_cli.protocol import yamlio

    found: list[tuple[Diagnostic, Loc]] = []
    seen: dict[str, int] = {}
    own = {o.id for o in kaart.organisations}
    known_ids = own | (national_ids or set())
    for i, org in enumerate(kaart.organisations):
        if org.id in seen:
            d = Diagnostic(
                "MC501",
                Text("diag.MC501.twice", id=org.id, first=seen[org.id] + 1),
                Text("diag.MC501.twice.hint"),
            )
            found.append((d, (i, "id")))
        else:
            seen[org.id] = i
        if org.replaces is not None and org.replaces not in (national_ids or set()):
            hint = did_you_mean(org.replaces, known_ids - {org.id}) or Text(
                "diag.MC502.unknown.hint"
            )
            d = Diagnostic("MC502", Text("diag.MC502.unknown", id=org.replaces), hint)
            found.append((d, (i, "replaces")))
        if not org.source:
            d = Diagnostic(
                "MC503", Text("diag.MC503.no_source", id=org.id), Text("diag.MC503.no_source.hint")
            )
            found.append((d, (i, "id")))
        found.extend((d, (i, *loc)) for d, loc in _checked_on(org, today))
        found.extend((d, (i, *loc)) for d, loc in _references(org, protocol_ids, roles))
        found.extend((d, (i, *loc)) for d, loc in _contacts_and_area(org))
    locator = yamlio.Locator(text)
    out: list[Diagnostic] = []
    for d, loc in found:
        line, col = locator.locate(("organisations", *loc))
        out.append(d.at(path, line, col))
    return out


def _checked_on(org: Organisation, today: dt.date) -> list[tuple[Diagnostic, Loc]]:
    """MC504 (no date, not a date, in the future), MC505 (older than 12 months)."""
    if org.checked_on is None:
        d = Diagnostic(
            "MC504", Text("diag.MC504.missing", id=org.id), Text("diag.MC504.missing.hint")
        )
        return [(d, ("id",))]
    checked = _parse_date(org.checked_on)
    if checked is None:
        d = Diagnostic(
            "MC504",
            Text("diag.MC504.not_a_date", value=org.checked_on),
            Text("diag.MC504.not_a_date.hint"),
        )
    elif checked > today:
        d = Diagnostic(
            "MC504",
            Text("diag.MC504.future", value=org.checked_on),
            Text("diag.MC504.future.hint"),
        )
    elif (today - checked).days > STALE_DAYS:
        d = Diagnostic(
            "MC505",
            Text("diag.MC505.stale", id=org.id, date=org.checked_on),
            Text("diag.MC505.stale.hint"),
            severity="warning",
        )
    else:
        return []
    return [(d, ("checked_on",))]


def _references(
    org: Organisation, protocol_ids: set[str], roles: set[str]
) -> list[tuple[Diagnostic, Loc]]:
    """MC506 (an unknown protocol in ``forms``), MC507 (an unknown role); an empty set of
    known ids or roles is not checked (display)."""
    out: list[tuple[Diagnostic, Loc]] = []
    for j, form in enumerate(org.forms):
        if protocol_ids and form not in protocol_ids:
            hint = did_you_mean(form, protocol_ids) or Text("diag.MC506.unknown.hint")
            out.append(
                (Diagnostic("MC506", Text("diag.MC506.unknown", id=form), hint), ("forms", j))
            )
    for j, role in enumerate(org.roles):
        if roles and role not in roles:
            hint = did_you_mean(role, roles) or Text(
                "diag.MC507.unknown.hint", roles=", ".join(sorted(roles))
            )
            out.append(
                (Diagnostic("MC507", Text("diag.MC507.unknown", role=role), hint), ("roles", j))
            )
    return out


def _contacts_and_area(org: Organisation) -> list[tuple[Diagnostic, Loc]]:
    """MC508 (a contact nobody can reach), MC509 (a phone without hours), MC510 (the area)."""
    out: list[tuple[Diagnostic, Loc]] = []
    for j, c in enumerate(org.contacts):
        if c.phone is None and c.url is None:
            d = Diagnostic(
                "MC508",
                Text("diag.MC508.unreachable", label=c.label, id=org.id),
                Text("diag.MC508.unreachable.hint"),
            )
            out.append((d, ("contacts", j)))
        if c.phone is not None and not c.hours:
            d = Diagnostic(
                "MC509",
                Text("diag.MC509.no_hours", phone=c.phone, id=org.id),
                Text("diag.MC509.no_hours.hint"),
                severity="warning",
            )
            out.append((d, ("contacts", j)))
    area = org.area
    if area.national and (area.gemeenten or area.regio):
        d = Diagnostic("MC510", Text("diag.MC510.both", id=org.id), Text("diag.MC510.both.hint"))
        out.append((d, ("area",)))
    elif not area.national and not area.gemeenten and not area.regio:
        d = Diagnostic("MC510", Text("diag.MC510.none", id=org.id), Text("diag.MC510.none.hint"))
        out.append((d, ("area",)))
    return out


# --- the overlay ------------------------------------------------------------------------


@dataclass
class Entry:
    org: Organisation
    layer: Literal["national", "regional"]
    file: str
    shipped: bool = False


@dataclass
class Ketenkaart:
    """All organisations in force: the national file(s) and regional overlays."""

    entries: list[Entry]
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def national(self) -> dict[str, Organisation]:
        return {e.org.id: e.org for e in self.entries if e.layer == "national"}

    def lookup(
        self, org_id: str, *, gemeente: str | None = None, regio: str | None = None
    ) -> Organisation | None:
        """The organisation for ``org_id``: a regional one first, the national as fallback.

        A regional entry applies when it has this id or ``replaces`` it, and (when a gemeente
        or regio is given) its area covers it; without gemeente/regio any regional overlay
        the user loaded applies (a shipped regional example only when its area is asked for).
        """
        for e in self.entries:
            if e.layer != "regional" or org_id not in (e.org.id, e.org.replaces):
                continue
            if e.shipped and gemeente is None and regio is None:
                continue
            if covers(e.org, gemeente, regio):
                return e.org
        return self.national().get(org_id)

    def select(
        self,
        *,
        pijler: str | None = None,
        vorm: str | None = None,
        rol: str | None = None,
        gemeente: str | None = None,
        regio: str | None = None,
    ) -> list[Entry]:
        """Entries that fit the filters; a national entry that a shown regional entry
        replaces is left out (regional first)."""
        rows = [
            e
            for e in self.entries
            if (pijler is None or pijler in e.org.pillars)
            and (vorm is None or not e.org.forms or vorm in e.org.forms)
            and (rol is None or not e.org.roles or rol in e.org.roles)
            and (e.layer == "national" or covers(e.org, gemeente, regio))
        ]
        replaced = {e.org.replaces for e in rows if e.layer == "regional" and e.org.replaces}
        if gemeente is None and regio is None:
            replaced = set()  # the whole map: show both so a region sees what it overrides
        return [e for e in rows if not (e.layer == "national" and e.org.id in replaced)]


def covers(org: Organisation, gemeente: str | None, regio: str | None) -> bool:
    if org.area.national:
        return True
    if gemeente is None and regio is None:
        return True
    if gemeente is not None and gemeente.casefold() in {g.casefold() for g in org.area.gemeenten}:
        return True
    return bool(
        regio is not None and org.area.regio and org.area.regio.casefold() == regio.casefold()
    )


def _yaml_files(p: Path) -> list[Path]:
    if p.is_dir():
        return sorted([*p.glob("*.yaml"), *p.glob("*.yml")])
    return [p]


def load_overlay(
    extra: list[Path] | None = None,
    *,
    include_user: bool = True,
    today: dt.date | None = None,
    check_protocols: bool = True,
) -> Ketenkaart:
    """National (shipped) files, then the shipped regional examples, the user folder and
    ``extra`` paths (``--ketenkaart``). Files with errors are left out, their diagnostics kept.
    """
    from meldcode_cli.errors import UsageError

    today = today or dt.date.today()
    protocols = _known_protocols() if check_protocols else (set(), set())
    entries: list[Entry] = []
    diags: list[Diagnostic] = []
    national_ids: set[str] = set()
    sources: list[Path] = _yaml_files(shipped_ketenkaart_dir())
    shipped = set(sources)
    user = user_ketenkaart_dir()
    if include_user and user.is_dir():
        sources += _yaml_files(user)
    for p in extra or []:
        if not p.exists():
            raise UsageError("error.ketenkaart.bestaat_niet", p=p)
        sources += _yaml_files(p)
    loaded = [load_ketenkaart(p, today=today, protocols=protocols) for p in sources]
    for lk in loaded:  # national ids first, so a regional `replaces` can be resolved
        if lk.kaart is not None:
            national_ids |= {o.id for o in lk.kaart.organisations if o.area.national}
    for p in sources:
        lk = load_ketenkaart(p, today=today, protocols=protocols, national_ids=national_ids)
        diags += lk.diagnostics
        if lk.kaart is None or any(d.severity == "error" for d in lk.diagnostics):
            continue
        for org in lk.kaart.organisations:
            layer: Literal["national", "regional"] = "national" if org.area.national else "regional"
            entries.append(Entry(org, layer, lk.path, p in shipped))
    return Ketenkaart(entries, diags)


def check_kaart_paths(paths: list[Path], today: dt.date | None = None) -> list[LoadedKaart]:
    """``meldcode kaart validate``: every ketenkaart file under ``paths`` (default: shipped)."""
    from meldcode_cli.errors import UsageError

    today = today or dt.date.today()
    protocols = _known_protocols()
    files: list[Path] = []
    for p in paths or [shipped_ketenkaart_dir()]:
        if not p.exists():
            raise UsageError("error.ketenkaart.bestaat_niet_2", p=p)
        files += _yaml_files(p)
    if not files:  # an empty folder is no ketenkaart that passed (as `validate`)
        raise UsageError("error.ketenkaart.none_found", paths=", ".join(map(str, paths)))
    national_ids: set[str] = set()
    for p in _yaml_files(shipped_ketenkaart_dir()) + files:
        lk = load_ketenkaart(p, today=today, protocols=protocols)
        if lk.kaart is not None:
            national_ids |= {o.id for o in lk.kaart.organisations if o.area.national}
    return [
        load_ketenkaart(p, today=today, protocols=protocols, national_ids=national_ids)
        for p in files
    ]


# ---- issue 17: protocols reference partners by id ----------------------------------------

_EXTRA_PATHS: list[Path] = []
_ACTIVE: dict[tuple[str, ...], Ketenkaart] = {}  # at most one entry: the paths in force


def set_ketenkaart_paths(paths: list[Path]) -> None:
    """``--ketenkaart PATH`` (and tests): the extra files the displayed contacts come from."""
    _EXTRA_PATHS[:] = list(paths)
    _ACTIVE.clear()


def active_ketenkaart() -> Ketenkaart:
    """Shipped national files, the user folder and ``--ketenkaart`` paths, loaded once.

    Forms and roles are not checked here (that is ``meldcode kaart validate``); a file with
    errors is left out, so a contact falls back to the national entry."""
    key = (str(user_ketenkaart_dir()), *map(str, _EXTRA_PATHS))
    if key not in _ACTIVE:
        _ACTIVE.clear()
        _ACTIVE[key] = load_overlay(_EXTRA_PATHS, check_protocols=False)
    return _ACTIVE[key]


@functools.cache
def partner_ids() -> frozenset[str]:
    """Ids a protocol may reference: the shipped ketenkaart files (national and regional).

    Only shipped files, so ``validate`` gives the same answer on every machine (and its
    content-hash cache stays true); a region's own ids override by ``id`` or ``replaces``.
    Read once per process: the shipped files are part of the installed package (a batch
    ``validate`` no longer parses them again for every protocol)."""
    ids: set[str] = set()
    for p in _yaml_files(shipped_ketenkaart_dir()):
        lk = load_ketenkaart(p, protocols=(set(), set()), national_ids=set())
        if lk.kaart is not None:
            ids |= {o.id for o in lk.kaart.organisations}
    return frozenset(ids)


def resolve_contact(c: ProtocolContact, kaart: Ketenkaart | None = None) -> ProtocolContact:
    """A protocol contact with ``partner: id`` filled from the ketenkaart (regional first).

    The protocol's own ``name`` (a label such as "Veilig Thuis, vertrouwensarts") and ``when``
    are kept; the phone comes from the organisation's first contact that has one, and the URL
    too when the protocol gives neither a name nor a URL of its own. An
    unknown id (validate reports it as MC511) is shown as the id, without a number."""
    if c.partner is None:
        return c
    from meldcode_cli.protocol.model import LocalText

    org = (kaart or active_ketenkaart()).lookup(c.partner)
    if org is None:
        return c
    phone = next((k.phone for k in org.contacts if k.phone), None) or c.phone
    url = c.url
    if url is None and c.name is None:  # wholly delegated: the organisation's own link too
        url = next((k.url for k in org.contacts if k.url), None)
    name = c.name if c.name is not None else LocalText(nl=org.name, en=org.name)
    return c.model_copy(update={"name": name, "phone": phone, "url": url})
