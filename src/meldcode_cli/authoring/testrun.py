"""``meldcode test``: run scenario files and report decision-path coverage."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from meldcode_cli.authoring.scenarios import FileRun, ScenarioResult, run_scenario_file
from meldcode_cli.authoring.validate import (
    SCENARIO_SUFFIX,
    UsageError,
    expand_paths,
    shipped_protocols_dir,
)
from meldcode_cli.i18n.messages import t

__all__ = ["TestReport", "format_report", "format_report_json", "run_tests"]


@dataclass
class Coverage:
    protocol_id: str
    paths: set[str] = field(default_factory=set)
    covered: set[str] = field(default_factory=set)

    @property
    def uncovered(self) -> list[str]:
        return sorted(self.paths - self.covered)


@dataclass
class TestReport:
    runs: list[FileRun]
    coverage: dict[str, Coverage]

    @property
    def passed(self) -> int:
        return sum(1 for r in self.runs for s in r.results if s.passed)

    @property
    def failed(self) -> int:
        return sum(1 for r in self.runs for s in r.results if not s.passed) + sum(
            1 for r in self.runs if r.diagnostics
        )

    @property
    def ok(self) -> bool:
        return self.failed == 0

    @property
    def uncovered_total(self) -> int:
        return sum(len(c.uncovered) for c in self.coverage.values())


def _is_scenario_file(p: Path) -> bool:
    return p.name.endswith(SCENARIO_SUFFIX)


def run_tests(raw_paths: list[str]) -> TestReport:
    paths = raw_paths or [str(shipped_protocols_dir())]
    files = expand_paths(paths, want=_is_scenario_file)
    if not files:
        raise UsageError(t("test.none", paths=", ".join(paths)))
    runs = [run_scenario_file(f) for f in files]
    coverage: dict[str, Coverage] = {}
    for run in runs:
        if run.protocol_id is None:
            continue
        cov = coverage.setdefault(run.protocol_id, Coverage(run.protocol_id))
        cov.paths |= run.decision_paths
        cov.covered |= {s.path_key for s in run.results if s.passed and s.path_key}
    return TestReport(runs, coverage)


def format_report(report: TestReport) -> str:
    lines: list[str] = []
    for run in report.runs:
        for d in run.diagnostics:
            lines.append(f"{d.where}: {d.code} {d.message}")
            if d.hint:
                lines.append(f"    {t('hint')}: {d.hint}")
        for s in run.results:
            status = t("test.pass") if s.passed else t("test.fail").upper()
            lines.append(f"{status:>9}  {run.path} :: {s.name} [{s.role}]")
            for f in s.failures:
                lines.append(f"           - {f}")
            if not s.passed and s.expected != s.actual:
                lines.append(f"           {t('test.diff.header')}")
                lines.extend(f"           {line}" for line in expected_actual_diff(s))
    lines.append("")
    for cov in sorted(report.coverage.values(), key=lambda c: c.protocol_id):
        covered = len(cov.paths & cov.covered)
        lines.append(
            t("test.coverage", protocol=cov.protocol_id, covered=covered, total=len(cov.paths))
        )
        for key in cov.uncovered:
            lines.append(f"    {t('test.uncovered')}: {key}")
    lines.append(t("test.summary", passed=report.passed, failed=report.failed))
    return "\n".join(lines)


def _yaml_lines(value: Any, indent: str = "") -> list[str]:
    """A small YAML rendering (the scenario file's notation) for the diff: ja/nee, lists."""
    if isinstance(value, dict):
        out: list[str] = []
        for key, sub in value.items():
            if isinstance(sub, dict | list) and sub:
                out.append(f"{indent}{key}:")
                out.extend(_yaml_lines(sub, indent + "  "))
            else:
                out.append(f"{indent}{key}: {_scalar(sub)}")
        return out
    if isinstance(value, list):
        return [f"{indent}- {_scalar(v)}" for v in value] or [f"{indent}[]"]
    return [f"{indent}{_scalar(value)}"]


def _scalar(value: Any) -> str:
    if value is None:
        return "~"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{}"
    return str(value)


def expected_actual_diff(result: ScenarioResult) -> list[str]:
    """``-`` expected, ``+`` actual, `` `` the same: one line per value, every line shown."""
    import difflib

    want = _yaml_lines(result.expected)
    got = _yaml_lines(result.actual)
    diff = difflib.unified_diff(want, got, lineterm="", n=max(len(want), len(got)))
    return [line for line in diff if not line.startswith(("---", "+++", "@@"))]


def format_report_json(report: TestReport) -> str:
    doc = {
        "ok": report.ok,
        "passed": report.passed,
        "failed": report.failed,
        "files": [
            {
                "path": run.path,
                "protocol": run.protocol_id,
                "diagnostics": [d.as_dict() for d in run.diagnostics],
                "scenarios": [
                    {
                        "name": s.name,
                        "role": s.role,
                        "passed": s.passed,
                        "failures": [str(f) for f in s.failures],
                        "path": s.path_key,
                        "expected": s.expected,
                        "actual": s.actual,
                    }
                    for s in run.results
                ],
            }
            for run in report.runs
        ],
        "coverage": {
            c.protocol_id: {
                "decision_paths": sorted(c.paths),
                "covered": sorted(c.paths & c.covered),
                "uncovered": c.uncovered,
            }
            for c in report.coverage.values()
        },
    }
    return json.dumps(doc, ensure_ascii=False, indent=2)
