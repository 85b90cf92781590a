"""Start-up time of the ``meldcode`` console script against a bare interpreter.

Runs ``meldcode --version``, ``meldcode --help`` and ``python -c pass`` (the venv's own
interpreter) N times each, interleaved round by round so that drift (CPU frequency, page
cache, other load) hits all three alike, and reports min and median wall time and the
ratios against ``python -c pass``:

    targets: --help <= 7x, --version <= 3x (ratio of wall times, lower is better)

This is a measurement, not a test: it prints what one run measured and exits 0 (2 when a
command fails). Usage, from the repository root::

    python benchmarks/startup.py [--runs 30] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TARGETS: dict[str, float] = {"--version": 3.0, "--help": 7.0}
BASELINE = "python -c pass"


@dataclass
class Command:
    label: str
    argv: list[str]
    samples: list[float] = field(default_factory=list)  # seconds

    @property
    def best(self) -> float:
        return min(self.samples)

    @property
    def median(self) -> float:
        return statistics.median(self.samples)


def console_script(name: str) -> Path:
    """The installed console script next to the running interpreter (venv ``bin/``).

    ``sys.executable`` is not resolved: in a venv it is a symlink, and the scripts live
    next to the link, not next to the base interpreter.
    """
    bindir = Path(sys.executable).parent
    for candidate in (bindir / name, bindir / f"{name}.exe"):
        if candidate.is_file():
            return candidate
    raise SystemExit(
        f"startup.py: no '{name}' console script next to {sys.executable}; "
        "run this with the venv's python (pip install -e . first)"
    )


def time_once(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(
        argv,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        err = proc.stderr.decode(errors="replace").strip()
        print(f"startup.py: {' '.join(argv)} exited {proc.returncode}\n{err}", file=sys.stderr)
        raise SystemExit(2)
    return elapsed


def measure(runs: int, warmup: int) -> tuple[Path, list[Command]]:
    script = console_script("meldcode")
    commands = [
        Command(BASELINE, [sys.executable, "-c", "pass"]),
        Command("--version", [str(script), "--version"]),
        Command("--help", [str(script), "--help"]),
    ]
    env = dict(os.environ)
    # PYTHONDONTWRITEBYTECODE (set in some sandboxes) would make every run recompile the
    # package's sources; an installed tool has its .pyc files, so the warm-up may write them
    for var in (
        "PYTHONPROFILEIMPORTTIME",
        "PYTHONDEVMODE",
        "PYTHONTRACEMALLOC",
        "MELDCODE_DEBUG",
        "PYTHONDONTWRITEBYTECODE",
    ):
        env.pop(var, None)
    for _ in range(warmup):  # page cache and .pyc files: not counted
        for c in commands:
            time_once(c.argv, env)
    for r in range(runs):
        # rotate the order each round, so no command always runs first (or last)
        shift = r % len(commands)
        for c in commands[shift:] + commands[:shift]:
            c.samples.append(time_once(c.argv, env))
    return script, commands


def load_average() -> float | None:
    """1-minute load average (None where the OS has none): other work skews timings."""
    try:
        return round(os.getloadavg()[0], 2)
    except (AttributeError, OSError):
        return None


def report(script: Path, commands: list[Command], runs: int) -> dict[str, Any]:
    base = commands[0]
    out: dict[str, Any] = {
        "python": sys.executable,
        "python_version": platform.python_version(),
        "script": str(script),
        "runs": runs,
        "cpu_count": os.cpu_count(),
        "commands": {},
        "ratios": {},
    }
    for c in commands:
        out["commands"][c.label] = {
            "argv": c.argv,
            "min_ms": round(c.best * 1000, 2),
            "median_ms": round(c.median * 1000, 2),
            "samples_ms": [round(s * 1000, 2) for s in c.samples],
        }
    for c in commands[1:]:
        target = TARGETS[c.label]
        r_min = c.best / base.best
        r_med = c.median / base.median
        out["ratios"][c.label] = {
            "min": round(r_min, 2),
            "median": round(r_med, 2),
            "target_max": target,
            "pass_min": r_min <= target,
            "pass_median": r_med <= target,
        }
    return out


def print_table(data: dict[str, Any]) -> None:
    def verdict(ok: bool) -> str:
        return "PASS" if ok else "MISS"

    print(
        f"meldcode start-up: {data['runs']} runs each, interleaved; "
        f"Python {data['python_version']}, {data['cpu_count']} CPU(s)"
    )
    la = data["load_average"]
    print(f"script: {data['script']}")
    print(f"load average (1 min) before/after: {la['before']} / {la['after']}")
    print()
    header = (
        f"{'command':<18} {'min ms':>8} {'median ms':>10} {'x min':>7} {'x median':>9} "
        f"{'target':>8}  {'min':<5} {'median':<6}"
    )
    print(header)
    print("-" * len(header))
    for label, c in data["commands"].items():
        name = BASELINE if label == BASELINE else f"meldcode {label}"
        if label == BASELINE:
            print(f"{name:<18} {c['min_ms']:>8.1f} {c['median_ms']:>10.1f} {'1.00':>7} {'1.00':>9}")
            continue
        r = data["ratios"][label]
        print(
            f"{name:<18} {c['min_ms']:>8.1f} {c['median_ms']:>10.1f} "
            f"{r['min']:>7.2f} {r['median']:>9.2f} {'<= ' + str(r['target_max']) + 'x':>8}  "
            f"{verdict(r['pass_min']):<5} {verdict(r['pass_median'])}"
        )
    print()
    print("x = wall time / wall time of 'python -c pass' (same interpreter); lower is better.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=30, help="runs per command (default 30)")
    parser.add_argument(
        "--warmup", type=int, default=2, help="uncounted warm-up rounds (default 2)"
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.warmup < 0:
        parser.error("--runs must be >= 1 and --warmup >= 0")
    load_before = load_average()
    script, commands = measure(args.runs, args.warmup)
    data = report(script, commands, args.runs)
    data["load_average"] = {"before": load_before, "after": load_average()}
    if args.json:
        print(json.dumps(data, indent=2))
    else:
        print_table(data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
