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

from meldcode_cli.errors import Text
from meldcode_cli.protocol.diagnostics import Diagnostic, Message, did_you_mean

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
    failures: list[Message] = field(default_factory=list)
    """What did not match, as catalogue texts (said in the language of the output)."""
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


def run_scenario(compiled: Any, sc: Scenario, file: str) -> ScenarioResult:
    """Run one scenario through the engine and compare with its expectations."""
    from meldcode_cli.walk.driver import BareTarget, replay_phases
    from meldcode_cli.walk.engine import AnswerError, Walk, path_code

    res = ScenarioResult(file, sc.name, compiled.id, sc.role, passed=False)
    fails = res.failures
    try:
        today = _today(sc)
    except ValueError:
        fails.append(Text("scenario.fail.today", value=sc.today))
        return res
    given = sc.all_answers()
    unknown = _unknown_answers(compiled, given, fails)
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
        fails.append(Text("scenario.fail.missing", ids=", ".join(missing)))
    relevant = {ci.id for ci in walk.relevant()}
    unused = [k for k in given if k not in unknown and k not in relevant]
    if unused:
        fails.append(Text("scenario.fail.unused", ids=", ".join(unused)))
    decision = walk.decision()
    res.path_key = walk.path_key() if walk.concluded() and not missing else None
    exp = sc.expect
    _compare_decision(exp, decision, path_code(decision), fails)
    _compare_shown(exp, compiled, relevant, fails)
    got_checks = _compare_checks(exp, compiled, walk, fails)
    got_v: str | None = None
    if exp.verstrekking is not None:
        v = walk.verstrekking()
        got_v = v.besluit if v else "geen"
        if got_v != exp.verstrekking:
            fails.append(Text("scenario.fail.verstrekking", want=exp.verstrekking, got=got_v))
    acute_now, _ = walk.flags()
    if exp.acute is not None and acute_now != exp.acute:
        fails.append(Text("scenario.fail.acute", want=_show(exp.acute), got=_show(acute_now)))
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


def _unknown_answers(compiled: Any, given: dict[str, Any], fails: list[Message]) -> list[str]:
    """The answers that cannot be given: unknown items and guidance."""
    unknown: list[str] = []
    for k in given:
        ci = compiled.by_id.get(k)
        if ci is None:
            hint = did_you_mean(k, compiled.by_id)
            key = "scenario.fail.unknown_item_hint" if hint else "scenario.fail.unknown_item"
            fails.append(Text(key, id=k, hint=hint or ""))
            unknown.append(k)
        elif not ci.answerable:
            fails.append(Text("scenario.fail.guidance", id=k))
            unknown.append(k)
    return unknown


def _compare_decision(
    exp: Expectation, decision: Any, code: str | None, fails: list[Message]
) -> None:
    if exp.decision is not None:
        if decision is None:
            fails.append(Text("scenario.fail.no_decision"))
        else:
            got = decision.as_dict()
            for name, want in exp.decision.model_dump(exclude_none=True).items():
                if got[name] != want:
                    fails.append(
                        Text(
                            "scenario.fail.decision",
                            name=name,
                            want=_show(want),
                            got=_show(got[name]),
                        )
                    )
    if exp.path is not None and code != exp.path:
        fails.append(Text("scenario.fail.path", want=exp.path, got=code))


def _compare_shown(
    exp: Expectation, compiled: Any, relevant: set[str], fails: list[Message]
) -> None:
    for iid in exp.shown:
        if iid not in compiled.by_id:
            fails.append(Text("scenario.fail.unknown_shown", field="shown", id=iid))
        elif iid not in relevant:
            fails.append(Text("scenario.fail.shown", id=iid))
    for iid in exp.not_shown:
        if iid not in compiled.by_id:
            fails.append(Text("scenario.fail.unknown_shown", field="not_shown", id=iid))
        elif iid in relevant:
            fails.append(Text("scenario.fail.not_shown", id=iid))


def _compare_checks(
    exp: Expectation, compiled: Any, walk: Any, fails: list[Message]
) -> list[str] | None:
    """``checks_fired``: the checks that fired (None when the scenario does not say)."""
    if exp.checks_fired is None:
        return None
    known = {c.id for c in compiled.checks}
    for cid in exp.checks_fired:
        if cid not in known:
            hint = did_you_mean(cid, known)
            key = "scenario.fail.unknown_check_hint" if hint else "scenario.fail.unknown_check"
            fails.append(Text(key, id=cid, hint=hint or ""))
    got_checks = [c.id for c in walk.fired_checks()]
    want = set(exp.checks_fired)
    if set(got_checks) != want:
        extra = sorted(set(got_checks) - want)
        lacking = sorted(want - set(got_checks))
        detail: list[Text] = []
        if extra:
            detail.append(Text("scenario.fail.checks.extra", ids=", ".join(extra)))
        if lacking:
            detail.append(Text("scenario.fail.checks.lacking", ids=", ".join(lacking)))
        key = "scenario.fail.checks_two" if len(detail) == 2 else "scenario.fail.checks"
        fails.append(Text(key, first=detail[0], second=detail[-1]))
    return got_checks


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
            Diagnostic("MC001", Text("diag.MC001.casus_unreadable", reason=e)).at(display, 1, 1)
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
                Text("diag.MC401.not_found", id=spec.protocol),
                Text("diag.MC202.scenario_protocol.hint"),
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
                Text("diag.MC401.invalid", id=spec.protocol),
                Text("diag.MC401.invalid.hint", path=proto_path),
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
                Text(
                    "diag.MC202.scenario_analysis",
                    id=spec.protocol,
                    code=errors[0].code,
                    what=errors[0].what,
                ),
                Text("diag.MC401.invalid.hint", path=proto_path),
            ).at(display, 1, 1)
        )
        return run
    run.decision_paths = analysis.decision_paths
    for sc in spec.scenarios:
        run.results.append(run_scenario(compiled, sc, display))
    return run
