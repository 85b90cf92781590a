"""Cases on disk for tests: a protocol walked from a scenario's answers through a Session."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from meldcode_cli.authoring.scenarios import DEFAULT_TODAY
from meldcode_cli.walk.casestore import CaseStore
from meldcode_cli.walk.driver import replay
from meldcode_cli.walk.session import Session, compile_text
from tests.conftest import PROTOCOLS

SCENARIOS = PROTOCOLS / "scenarios"


def protocol_ids() -> list[str]:
    return sorted(p.stem for p in PROTOCOLS.glob("*.yaml"))


def scenarios_of(protocol_id: str) -> list[dict[str, Any]]:
    data = yaml.safe_load((SCENARIOS / f"{protocol_id}.scenarios.yaml").read_text("utf-8"))
    return list(data["scenarios"])


def pick_scenario(protocol_id: str, role: str) -> dict[str, Any]:
    """The first scenario of this role that ends in 'melden'; else the first of the role."""
    mine = [s for s in scenarios_of(protocol_id) if s["role"] == role]
    assert mine, f"no scenario for {protocol_id}/{role}"
    for s in mine:
        if ((s.get("expect") or {}).get("decision") or {}).get("melden"):
            return s
    return mine[0]


def walk_case(
    store: CaseStore,
    label: str,
    protocol_id: str,
    role: str,
    answers: dict[str, Any],
    *,
    today: dt.date = DEFAULT_TODAY,
    acute_steps: list[int] | None = None,
    complete: bool = True,
) -> Session:
    path: Path = PROTOCOLS / f"{protocol_id}.yaml"
    text = path.read_text(encoding="utf-8")
    compiled = compile_text(text, str(path))
    session = Session.start(
        store,
        label,
        protocol_text=text,
        compiled=compiled,
        role=role,
        lang="nl",
        today=lambda: today,
    )
    missing = replay(session, answers, acute_steps or [])
    if complete:
        assert not missing, missing
        session.complete()
    else:
        session.pause()
    return session


def scenario_today(s: dict[str, Any]) -> dt.date:
    raw = s.get("today")
    if isinstance(raw, dt.date):
        return raw
    return dt.date.fromisoformat(raw) if raw else DEFAULT_TODAY
