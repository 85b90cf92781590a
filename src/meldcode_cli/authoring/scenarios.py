"""Scenario files: answers + role + expectations, run through the engine.

The answers format is the one ``meldcode start --answers FILE`` replays: a mapping
from item id to answer (``ja``/``nee``, an option id, a list of option ids, text, or a
date ``JJJJ-MM-DD``). See ``docs/scenarios.md``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from meldcode_cli.protocol.diagnostics import Diagnostic, did_you_mean

__all__ = [
    "AnswersSpec",
    "Expectation",
    "Scenario",
    "ScenarioFile",
    "ScenarioResult",
    "run_scenario",
    "run_scenario_file",
]

DEFAULT_TODAY = dt.date(2026, 1, 15)
"""The date scenarios run on unless they say otherwise: fixed, so results never drift."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ExpectedDecision(_Model):
    melden: bool | None = None
    hulp: bool | None = None
    afsluiten: bool | None = None
    meldnormen: list[int] | None = None
    evaluatie_nodig: bool | None = None


class Expectation(_Model):
    decision: ExpectedDecision | None = None
    path: str | None = Field(
        default=None,
        pattern=r"^[JN?-]{5}$",
        description="De afwegingen als J/N/-/? (bv. JNJJ?).",
    )
    shown: list[str] = Field(default_factory=list)
    not_shown: list[str] = Field(default_factory=list)
    acute: bool | None = None
    verstrekking: str | None = Field(
        default=None,
        description="Informatieverzoek: het verstrekkingsbesluit (bv. deels).",
    )
    checks_fired: list[str] | None = Field(
        default=None,
        description="Precies deze controles gaan af aan het eind van de wandeling.",
    )


class EvaluationSpec(_Model):
    """The follow-up evaluation (``meldcode evaluate``): afweging 5 and what follows."""

    today: dt.date | str = Field(description="Datum van de evaluatie (JJJJ-MM-DD).")
    reason: str | None = Field(
        default=None, description="Reden om vóór de evaluatiedatum te evalueren."
    )
    answers: dict[str, Any] = Field(default_factory=dict)

    def day(self) -> dt.date:
        return self.today if isinstance(self.today, dt.date) else dt.date.fromisoformat(self.today)


class AnswersSpec(_Model):
    """What a replay needs: role, answers, optionally acute declarations and a date."""

    role: str
    answers: dict[str, Any] = Field(default_factory=dict)
    acute_steps: list[Annotated[int, Field(ge=1, le=5)]] = Field(
        default_factory=list, description="Acute route gekozen in deze stappen (1 t/m 5)."
    )
    today: dt.date | str | None = Field(
        default=None, description="Datum van de wandeling (JJJJ-MM-DD)."
    )
    evaluation: EvaluationSpec | None = Field(
        default=None, description="De evaluatie van afweging 5, op of na de evaluatiedatum."
    )
    justifications: dict[str, str] = Field(
        default_factory=dict,
        description="Verantwoording per controle-id (voor controles met severity justify).",
    )

    def all_answers(self) -> dict[str, Any]:
        return {**self.answers, **(self.evaluation.answers if self.evaluation else {})}

    @field_validator("today")
    @classmethod
    def _iso_day(cls, value: dt.date | str | None) -> dt.date | str | None:
        if isinstance(value, str):
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                raise ValueError(f"'{value[:40]}' is geen datum; schrijf JJJJ-MM-DD") from None
        return value


class Scenario(AnswersSpec):
    name: str = Field(min_length=1)
    expect: Expectation = Field(default_factory=Expectation)


class ScenarioFile(_Model):
    protocol: str = Field(description="Protocol-id of pad (relatief aan dit bestand).")
    scenarios: list[Scenario] = Field(min_length=1)


@dataclass
class ScenarioResult:
    file: str
    name: str
    protocol_id: str | None
    role: str
    passed: bool
    failures: list[str] = field(default_factory=list)
    path_key: str | None = None
    # what the scenario expected and what the engine gave, for the expectations it states
    # (decision fields, path, shown/not_shown as item: ja/nee, acute)
    expected: dict[str, Any] = field(default_factory=dict)
    actual: dict[str, Any] = field(default_factory=dict)


def _show(value: object) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value)


def _today(spec: AnswersSpec) -> dt.date:
    if isinstance(spec.today, dt.date):
        return spec.today
    if isinstance(spec.today, str):
        return dt.date.fromisoformat(spec.today)  # checked by the model's validator
    return DEFAULT_TODAY


def run_scenario(compiled: Any, sc: Scenario, file: str) -> ScenarioResult:  # noqa: C901, PLR0912, PLR0915 - issue 14: to split
    """Run one scenario through the engine and compare with its expectations."""
    from meldcode_cli.walk.engine import AnswerError, Walk, path_code

    res = ScenarioResult(file, sc.name, compiled.id, sc.role, passed=False)
    fails = res.failures
    try:
        today = _today(sc)
    except ValueError:
        fails.append(f"today: '{sc.today}' is geen datum (JJJJ-MM-DD)")
        return res
    unknown: list[str] = []  # answers that cannot be given: unknown items and guidance
    given = sc.all_answers()
    for k in given:
        ci = compiled.by_id.get(k)
        if ci is None:
            hint = did_you_mean(k, compiled.by_id)
            fails.append(f"antwoord voor onbekend item '{k}'" + (f"; {hint}" if hint else ""))
            unknown.append(k)
        elif not ci.answerable:
            fails.append(f"'{k}' is een informatieblok; het heeft geen antwoord")
            unknown.append(k)
    from meldcode_cli.walk.driver import BareTarget, replay_phases

    try:
        walk = Walk(compiled, sc.role, today=today)
        missing = replay_phases(
            BareTarget(walk),
            {k: v for k, v in sc.answers.items() if k not in unknown},
            sc.acute_steps,
            sc.evaluation,
        )
    except AnswerError as e:
        fails.append(f"{e.item_id}: {e.reason}")
        return res
    except ValueError as e:
        fails.append(f"evaluation.today: {e}")
        return res
    if missing:
        fails.append("geen antwoord voor: " + ", ".join(missing))
    relevant = {ci.id for ci in walk.relevant()}
    unused = [k for k in given if k not in unknown and k not in relevant]
    if unused:
        fails.append("antwoorden voor items die niet aan de orde kwamen: " + ", ".join(unused))
    decision = walk.decision()
    res.path_key = walk.path_key() if walk.concluded() and not missing else None
    exp = sc.expect
    if exp.decision is not None:
        if decision is None:
            fails.append("geen beslissing bereikt")
        else:
            got = decision.as_dict()
            for name, want in exp.decision.model_dump(exclude_none=True).items():
                if got[name] != want:
                    fails.append(
                        f"beslissing {name}: verwacht {_show(want)}, kreeg {_show(got[name])}"
                    )
    if exp.path is not None:
        code = path_code(decision)
        if code != exp.path:
            fails.append(f"pad: verwacht {exp.path}, kreeg {code}")
    for iid in exp.shown:
        if iid not in compiled.by_id:
            fails.append(f"shown: onbekend item '{iid}'")
        elif iid not in relevant:
            fails.append(f"'{iid}' had getoond moeten worden")
    for iid in exp.not_shown:
        if iid not in compiled.by_id:
            fails.append(f"not_shown: onbekend item '{iid}'")
        elif iid in relevant:
            fails.append(f"'{iid}' had niet getoond mogen worden")
    got_checks: list[str] | None = None
    if exp.checks_fired is not None:
        known = {c.id for c in compiled.checks}
        for cid in exp.checks_fired:
            if cid not in known:
                hint = did_you_mean(cid, known)
                fails.append(
                    f"checks_fired: onbekende controle '{cid}'" + (f"; {hint}" if hint else "")
                )
        got_checks = [c.id for c in walk.fired_checks()]
        want = set(exp.checks_fired)
        if set(got_checks) != want:
            extra = sorted(set(got_checks) - want)
            lacking = sorted(want - set(got_checks))
            detail = []
            if extra:
                detail.append("ook: " + ", ".join(extra))
            if lacking:
                detail.append("niet: " + ", ".join(lacking))
            fails.append("controles: " + "; ".join(detail))
    got_v: str | None = None
    if exp.verstrekking is not None:
        v = walk.verstrekking()
        got_v = v.besluit if v else "geen"
        if got_v != exp.verstrekking:
            fails.append(f"verstrekkingsbesluit: verwacht {exp.verstrekking}, kreeg {got_v}")
    acute_now, _ = walk.flags()
    if exp.acute is not None and acute_now != exp.acute:
        fails.append(f"acute route: verwacht {_show(exp.acute)}, kreeg {_show(acute_now)}")
    res.expected, res.actual = expected_actual(
        exp,
        decision.as_dict() if decision else None,
        path_code(decision),
        relevant,
        acute_now,
        got_v,
        got_checks,
    )
    res.passed = not fails
    return res


def expected_actual(
    exp: Expectation,
    decision: dict[str, Any] | None,
    code: str | None,
    shown: set[str],
    acute: bool,
    verstrekking: str | None = None,
    fired: list[str] | None = None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The expectations a scenario states, beside what the engine gave for the same keys:
    the material of the expected-against-actual diff of ``meldcode test``."""
    want: dict[str, Any] = {}
    got: dict[str, Any] = {}
    if exp.decision is not None:
        fields = exp.decision.model_dump(exclude_none=True)
        want["decision"] = fields
        got["decision"] = None if decision is None else {k: decision[k] for k in fields}
    if exp.path is not None:
        want["path"] = exp.path
        got["path"] = code
    if exp.shown or exp.not_shown:  # one line per item: shown (ja) or not (nee)
        want["shown"] = {**dict.fromkeys(exp.shown, True), **dict.fromkeys(exp.not_shown, False)}
        got["shown"] = {i: i in shown for i in want["shown"]}
    if exp.checks_fired is not None:  # one line per check: fired (ja) or not (nee)
        ids = list(dict.fromkeys([*exp.checks_fired, *(fired or [])]))
        want["checks_fired"] = {c: c in exp.checks_fired for c in ids}
        got["checks_fired"] = {c: c in (fired or []) for c in ids}
    if exp.verstrekking is not None:
        want["verstrekking"] = exp.verstrekking
        got["verstrekking"] = verstrekking
    if exp.acute is not None:
        want["acute"] = exp.acute
        got["acute"] = acute
    return want, got


@dataclass
class FileRun:
    path: str
    protocol_id: str | None
    results: list[ScenarioResult] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    decision_paths: set[str] = field(default_factory=set)


def resolve_protocol(ref: str, base: Path) -> Path | None:
    """A protocol reference in a scenario file: a path (relative to the file) or an id;
    None for a reference that cannot name a readable file (a NUL byte, too long, no access)."""
    try:
        return _resolve_protocol(ref, base)
    except (OSError, ValueError):
        return None


def _resolve_protocol(ref: str, base: Path) -> Path | None:
    from meldcode_cli.authoring.validate import expand_paths, shipped_protocols_dir

    candidate = (base / ref) if not Path(ref).is_absolute() else Path(ref)
    if ref.endswith((".yaml", ".yml")) and candidate.is_file():
        return candidate
    for folder in (base, base.parent, shipped_protocols_dir()):
        if not folder.is_dir():
            continue
        for p in (folder / f"{ref}.yaml", folder / f"{ref}.yml"):
            if p.is_file():
                return p
    for p in expand_paths([str(shipped_protocols_dir())]):
        if p.stem == ref:
            return p
    return None


def run_scenario_file(path: Path) -> FileRun:
    from meldcode_cli.authoring.validate import display_path
    from meldcode_cli.protocol.analysis import analyse
    from meldcode_cli.protocol.compiled import compile_protocol
    from meldcode_cli.protocol.loading import load_protocol_file, validate_document
    from meldcode_cli.protocol.yamlio import read_text

    display = display_path(path)
    run = FileRun(display, None)
    try:
        text = read_text(path)
    except (OSError, ValueError) as e:
        run.diagnostics.append(
            Diagnostic("MC001", f"kan het bestand niet lezen: {e}", None).at(display, 1, 1)
        )
        return run
    spec, diags = validate_document(ScenarioFile, text, display)
    if spec is None:
        run.diagnostics.extend(sorted(diags, key=lambda d: (d.line, d.col, d.code)))
        return run
    proto_path = resolve_protocol(spec.protocol, path.parent)
    if proto_path is None:
        run.diagnostics.append(
            Diagnostic(
                "MC202",
                f"protocol '{spec.protocol}' niet gevonden",
                "geef een protocol-id of een pad relatief aan het scenariobestand",
            ).at(display, 1, 1)
        )
        return run
    loaded = load_protocol_file(proto_path)
    if loaded.protocol is None:
        run.diagnostics.extend(loaded.diagnostics)
        return run
    compiled, _ = compile_protocol(loaded.protocol)
    if compiled is None:
        run.diagnostics.append(
            Diagnostic(
                "MC202",
                f"protocol '{spec.protocol}' is ongeldig",
                f"draai 'meldcode validate {proto_path}'",
            ).at(display, 1, 1)
        )
        return run
    run.protocol_id = compiled.id
    analysis = analyse(compiled)
    errors = [d for d in analysis.diagnostics if d.severity == "error"]
    if errors:
        # a protocol that fails the path analysis has no trustworthy coverage
        run.diagnostics.append(
            Diagnostic(
                "MC202",
                f"protocol '{spec.protocol}' faalt de padanalyse ({errors[0].code} "
                f"{errors[0].message})",
                f"draai 'meldcode validate {proto_path}'",
            ).at(display, 1, 1)
        )
        return run
    run.decision_paths = analysis.decision_paths
    for sc in spec.scenarios:
        run.results.append(run_scenario(compiled, sc, display))
    return run
