"""Old against new: the speed work of issue 19 may not weaken or change a single proof.

Three layers, strongest first:

1. ``meldcode validate --format json`` (in process, the same ``validate_paths`` and
   ``format_json`` the CLI calls) on every protocol in ``protocols/`` and every protocol
   fixture in ``tests/fixtures`` gives byte for byte what the code before the speed work
   gave; those outputs were recorded once, with that code, in
   ``tests/fixtures/validate-recorded.json`` (codes, messages, hints, order, line and
   column, path counts, decision paths, fired checks). Re-record only for an intended
   change of a diagnostic: ``MELDCODE_RECORD_VALIDATE=1 pytest`` on this module.
2. The new ``analyse`` against a frozen copy of the old one
   (``tests/protocol/reference_analysis.py``), field by field, with and without the
   engine cross-check, on the shipped protocols.
3. The same comparison on hypothesis-generated protocols: the shipped protocols with
   conditions, requirements, triggers and roles changed at random (so that the paths
   that end in MC301-MC310, the state limit MC304 and the approximation MC307 are
   exercised, not only the happy path).
"""

from __future__ import annotations

import json
import os
import random
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meldcode_cli.authoring.output import format_json
from meldcode_cli.authoring.validate import validate_paths
from meldcode_cli.protocol.analysis import Analysis, analyse
from meldcode_cli.protocol.compiled import CompiledProtocol, compile_protocol
from meldcode_cli.protocol.loading import load_protocol_text
from tests.protocol import reference_analysis

REPO = Path(__file__).resolve().parents[2]
RECORDED = REPO / "tests" / "fixtures" / "validate-recorded.json"
SHIPPED = sorted((REPO / "protocols").glob("*.yaml"))
FIXTURE_PROTOCOLS = sorted(
    [
        *(REPO / "tests" / "fixtures" / "invalid").glob("*.yaml"),
        *(REPO / "tests" / "fixtures" / "protocols-1.2.0").glob("*.yaml"),
        *(REPO / "tests" / "fixtures" / "organisatie").glob("*.yaml"),
    ]
)
RECORDED_FILES = [*SHIPPED, *FIXTURE_PROTOCOLS]


def _rel(p: Path) -> str:
    return p.relative_to(REPO).as_posix()


def _validate_json(path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("MELDCODE_NO_CACHE", "1")
    monkeypatch.chdir(REPO)
    return json.loads(format_json(validate_paths([_rel(path)], jobs=1)))


def _recorded() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(RECORDED.read_text(encoding="utf-8"))
    return data


@pytest.mark.skipif(
    not os.environ.get("MELDCODE_RECORD_VALIDATE"), reason="records only on request"
)
def test_record(monkeypatch: pytest.MonkeyPatch) -> None:  # pragma: no cover - a tool
    out = {_rel(p): _validate_json(p, monkeypatch) for p in RECORDED_FILES}
    RECORDED.write_text(
        json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )


def test_every_protocol_file_is_recorded() -> None:
    assert sorted(_recorded()) == sorted(_rel(p) for p in RECORDED_FILES)


@pytest.mark.parametrize("path", RECORDED_FILES, ids=_rel)
def test_validate_output_is_what_the_old_code_gave(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _validate_json(path, monkeypatch) == _recorded()[_rel(path)]


# --- old analyse against new analyse ------------------------------------------------------


def _fields(a: Analysis | reference_analysis.Analysis) -> dict[str, Any]:
    return {
        "paths": a.paths,
        "decision_paths": a.decision_paths,
        "reachable": a.reachable,
        "complete": a.complete,
        "cross_checked": a.cross_checked,
        "checks_by_path": a.checks_by_path,
        "diagnostics": [
            (d.code, d.message, d.hint, d.loc, d.offset, d.severity) for d in a.diagnostics
        ],
    }


def assert_same_analysis(
    compiled: CompiledProtocol, *, cross_check: bool, max_paths: int | None = None
) -> None:
    kw: dict[str, Any] = {"cross_check": cross_check}
    if max_paths is not None:
        kw["max_paths"] = max_paths
    old = reference_analysis.analyse(compiled, **kw)
    new = analyse(compiled, **kw)
    assert _fields(new) == _fields(old)


def _compiled(text: str) -> CompiledProtocol | None:
    loaded = load_protocol_text(text, "gen.yaml", cache=False)
    if loaded.protocol is None:
        return None
    compiled, _diags = compile_protocol(loaded.protocol)
    return compiled


@pytest.mark.parametrize("path", SHIPPED, ids=_rel)
@pytest.mark.parametrize("cross_check", [False, True])
def test_shipped_analysis_equals_the_reference(path: Path, cross_check: bool) -> None:
    compiled = _compiled(path.read_text(encoding="utf-8"))
    assert compiled is not None
    assert_same_analysis(compiled, cross_check=cross_check)


@pytest.mark.parametrize("path", SHIPPED[:4], ids=_rel)
def test_path_limit_equals_the_reference(path: Path) -> None:
    compiled = _compiled(path.read_text(encoding="utf-8"))
    assert compiled is not None
    for limit in (1, 10, 200, 1000):
        assert_same_analysis(compiled, cross_check=False, max_paths=limit)


# --- generated protocols ------------------------------------------------------------------

_SHIPPED_DATA = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in SHIPPED}
_MUTABLE = sorted(k for k, v in _SHIPPED_DATA.items() if v.get("kind") != "informatieverzoek")


def _items(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [it for s in doc["steps"] for it in s["items"] if "id" in it]


def _condition(
    rng: random.Random, earlier: list[dict[str, Any]], roles: list[str], decided: bool
) -> str:
    """A condition over earlier items (well-typed); ``decided``: after the afwegingskader."""
    target = rng.choice([it for it in earlier if it.get("kind") != "guidance"])
    kind = target.get("kind")
    tid = str(target["id"])
    opts = [o["id"] for o in target.get("options", []) if isinstance(o, dict)]
    if kind == "yes_no":
        atom = rng.choice([f"{tid} == ja", f"{tid} == nee", tid, f"not {tid}"])
    elif kind == "single_choice" and opts:
        atom = rng.choice([f"{tid} == {rng.choice(opts)}", f"{tid} in [{', '.join(opts[:2])}]"])
    elif kind == "multi_choice" and opts:
        atom = f"{tid} contains {rng.choice(opts)}"
    else:
        atom = tid
    roll = rng.random()
    if roll < 0.15:
        return f"{atom} and role == {rng.choice(roles)}"
    if roll < 0.25:
        return f"{atom} or acute"
    if roll < 0.35:
        return f"not ({atom})"
    if roll < 0.45 and len(earlier) > 1:
        return f"{atom} or {_condition(rng, earlier, roles, decided)}"
    if roll < 0.5:
        flags = ["not structureel", *(["decision.melden", "decision.hulp"] if decided else [])]
        return f"{atom} and {rng.choice(flags)}"
    return atom


def mutate(doc: dict[str, Any], seed: int, changes: int) -> dict[str, Any]:
    """A copy of ``doc`` with ``changes`` random edits to conditions, requirements,
    triggers and roles (kept mostly valid, so the analysis runs)."""
    rng = random.Random(seed)
    out: dict[str, Any] = json.loads(json.dumps(doc))
    items = _items(out)
    roles = list(out["roles"])
    marker = next(
        i
        for i, it in enumerate(it for s in out["steps"] for it in s["items"])
        if it.get("kind") == "afwegingskader"
    )
    for _ in range(changes):
        i = rng.randrange(1, len(items))
        _mutate_item(rng, items, i, roles, decided=i >= marker)
    checks = out.get("checks") or []
    for check in checks:
        if rng.random() < 0.3:
            check["when"] = _condition(rng, items, roles, True)
    return out


def _mutate_item(
    rng: random.Random, items: list[dict[str, Any]], i: int, roles: list[str], *, decided: bool
) -> None:
    item = items[i]
    roll = rng.random()
    if roll < 0.35:
        if any(it.get("kind") != "guidance" for it in items[:i]):
            item["when"] = _condition(rng, items[:i], roles, decided)
    elif roll < 0.5:
        item.pop("when", None)
    elif roll < 0.6 and item.get("kind") == "yes_no":
        item[rng.choice(["acute_if", "structureel_if"])] = rng.choice(["ja", "nee"])
    elif roll < 0.7 and item.get("kind") in ("text", "yes_no", "single_choice"):
        item["required"] = rng.random() < 0.5
    elif roll < 0.8 and item.get("options"):
        opt = rng.choice(item["options"])
        if rng.random() < 0.5:
            opt["roles"] = rng.sample(roles, rng.randint(1, len(roles)))
        else:
            opt[rng.choice(["acute", "structureel"])] = True
    elif roll < 0.9:
        item["roles"] = rng.sample(roles, rng.randint(1, len(roles)))
    else:
        item.pop("roles", None)


@settings(
    max_examples=int(os.environ.get("MELDCODE_DIFF_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    name=st.sampled_from(_MUTABLE),
    seed=st.integers(0, 2**32 - 1),
    changes=st.integers(1, 12),
    cross_check=st.booleans(),
    max_paths=st.sampled_from([None, None, None, 300]),
)
def test_generated_protocols_analyse_as_the_reference(
    name: str, seed: int, changes: int, cross_check: bool, max_paths: int | None
) -> None:
    doc = mutate(_SHIPPED_DATA[name], seed, changes)
    compiled = _compiled(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False))
    if compiled is None:
        return  # a mutation the schema or compiler refuses: nothing to analyse
    assert_same_analysis(compiled, cross_check=cross_check, max_paths=max_paths)
