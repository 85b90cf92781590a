"""What a walk under ``--lang en`` still shows in Dutch, per shipped protocol.

A text without ``en`` is shown in Dutch in English mode. The signals a professional ticks
(checklist options) and the contacts' "when" are on the first screens of a walk: for the
protocols whose English is complete there, none may lack English. For the rest, the count
of Dutch-only texts is a ratchet: it may fall, never rise (docs/protocols.md, "English").
Contact names (Veilig Thuis, Sterk Huis) are names in either language and not counted.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from meldcode_cli.protocol import loading
from meldcode_cli.protocol import model as p
from tests.conftest import PROTOCOLS

COMPLETE_FIRST_SCREENS = ("partnergeweld", "kindermishandeling", "oudermishandeling")

# Dutch-only texts (contact names aside) on 2026-12-03; lower a number when you translate
RATCHET = {
    "eergerelateerd-geweld": 152,
    "informatieverzoek-politie-justitie": 8,
    "informatieverzoek-veilig-thuis": 8,
    "kindermishandeling": 68,
    "loverboy-problematiek": 149,
    "ouderenmishandeling": 211,
    "oudermishandeling": 0,
    "partnergeweld": 0,
    "voorbeeld": 28,
}


def dutch_only(path: Path) -> Counter[str]:
    loaded = loading.load_protocol_text(path.read_text("utf-8"), path.name, cache=False)
    assert loaded.protocol is not None
    found: Counter[str] = Counter()

    def walk(o: Any, field: str) -> None:
        if isinstance(o, p.LocalText):
            if not o.en and field != "name":
                found[field] += 1
        elif isinstance(o, BaseModel):
            for k, v in o.__dict__.items():
                if k != "sources" or not isinstance(o, p.Protocol):  # citations keep their titles
                    walk(v, k)
        elif isinstance(o, list | tuple):
            for v in o:
                walk(v, field)
        elif isinstance(o, dict):
            for v in o.values():
                walk(v, field)

    walk(loaded.protocol, "")
    return found


@pytest.mark.parametrize("pid", COMPLETE_FIRST_SCREENS)
def test_the_signals_and_contacts_have_english(pid: str) -> None:
    loaded = loading.load_protocol_text(
        (PROTOCOLS / f"{pid}.yaml").read_text("utf-8"), pid, cache=False
    )
    assert loaded.protocol is not None
    missing = []
    for step in loaded.protocol.steps:
        for item in step.items:
            iid = getattr(item, "id", "?")
            for opt in getattr(item, "options", None) or ():
                if not opt.text.en:
                    missing.append(f"{iid}.{opt.id}")
            for c in getattr(item, "contacts", None) or ():
                if c.when is not None and not c.when.en:
                    missing.append(f"{iid} contact {c.name}")
    assert missing == []


@pytest.mark.parametrize("pid", sorted(RATCHET))
def test_dutch_only_texts_never_grow(pid: str) -> None:
    count = sum(dutch_only(PROTOCOLS / f"{pid}.yaml").values())
    assert count <= RATCHET[pid], f"{pid}: {count} texts without English (was {RATCHET[pid]})"


def test_every_shipped_protocol_is_in_the_ratchet() -> None:
    assert sorted(RATCHET) == sorted(q.stem for q in PROTOCOLS.glob("*.yaml"))
