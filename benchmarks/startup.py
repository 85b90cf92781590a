"""Start-up time of the ``meldcode`` console script against a bare interpreter.

Runs ``python -c pass`` (the venv's own interpreter), ``meldcode --version``, ``meldcode
--help``, ``meldcode validate protocols/kindermishandeling.yaml`` (with the cache of
unchanged files, as an editor or ``pre-commit run --all-files`` mostly meets it; on a copy
whose contents change before every run, an edited file as a pre-commit hook meets it, the
tool's own data cached; and with ``MELDCODE_NO_CACHE=1``, nothing cached) N times each,
interleaved round by round so that drift (CPU frequency, page cache, other load) hits all
alike, and reports min and median wall time and the ratios against ``python -c pass``.
Then, on a pseudo-terminal (pexpect), the time from starting ``meldcode start
kindermishandeling --role huisarts`` (``--rich`` and ``--plain``, each with ``--no-save``
and saving the case as a person's walk does) to its first question on the screen, and in
rich mode also to the moment the widget reads keys:

    targets: --version <= 3x, --help <= 5x, validate one.yaml <= 12x, first question <= 150 ms

With ``--importtime`` it also runs ``validate one.yaml`` (no cache) and both first
questions once under ``python -X importtime`` and prints what importing cost: the total and
the packages that dominate it (pydantic, rich, prompt_toolkit with questionary, PyYAML,
typer with click) and the self time of this package's own modules. Those figures count the
interpreter's own work per import, so they move less with other load than wall times do
(``-X importtime`` itself adds a little to each import).

With ``--instructions`` (needs valgrind) it counts the instructions each command executes
(callgrind), up to the first question for ``start``: the same count on a busy machine as
on a quiet one, so two builds can be compared while others work. An instruction is not a
fixed time (the interpreter's own start-up runs fewer per millisecond than the rest), so
these ratios are larger than the wall-time ones; compare them with each other.

This is a measurement, not a test: it prints what one run measured and exits 0 (2 when a
command fails). Usage, from the repository root::

    python benchmarks/startup.py [--runs 30] [--importtime] [--instructions] [--json]
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

TARGETS: dict[str, float] = {
    "--version": 3.0,
    "--help": 5.0,
    "validate one.yaml": 12.0,
    "validate one.yaml, changed": 12.0,
    "validate one.yaml, no cache": 12.0,
}
FIRST_QUESTION_MS = 150.0
REPO = Path(__file__).resolve().parent.parent
ONE = REPO / "protocols" / "kindermishandeling.yaml"
BASELINE = "python -c pass"


@dataclass
class Command:
    label: str
    argv: list[str]
    samples: list[float] = field(default_factory=list)  # seconds
    env: dict[str, str] = field(default_factory=dict)  # on top of the common environment
    changed: Path | None = None  # rewritten with new contents before every run
    runs_done: int = 0

    def prepare(self) -> None:
        """A file never validated before, as a pre-commit hook meets an edited protocol: the
        shipped one with a comment that differs per run (the tool's own data stays cached)."""
        if self.changed is not None:
            self.runs_done += 1
            text = ONE.read_text(encoding="utf-8") + f"\n# run {self.runs_done} {time.time_ns()}\n"
            self.changed.write_text(text, encoding="utf-8")

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


def measure(runs: int, warmup: int, home: Path) -> tuple[Path, list[Command]]:
    script = console_script("meldcode")
    commands = [
        Command(BASELINE, [sys.executable, "-c", "pass"]),
        Command("--version", [str(script), "--version"]),
        Command("--help", [str(script), "--help"]),
        Command("validate one.yaml", [str(script), "validate", str(ONE)]),
        Command(
            "validate one.yaml, changed",
            [str(script), "validate", str(home / ONE.name)],
            changed=home / ONE.name,
        ),
        Command(
            "validate one.yaml, no cache",
            [str(script), "validate", str(ONE)],
            env={"MELDCODE_NO_CACHE": "1"},
        ),
    ]
    env = dict(os.environ)
    env["MELDCODE_HOME"] = str(home)  # its own cache: the warm-up fills it
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
    env.pop("MELDCODE_NO_CACHE", None)
    for _ in range(max(warmup, 1)):  # page cache, .pyc files and the cache: not counted
        for c in commands:
            c.prepare()
            time_once(c.argv, {**env, **c.env})
    for r in range(runs):
        # rotate the order each round, so no command always runs first (or last)
        shift = r % len(commands)
        for c in commands[shift:] + commands[:shift]:
            c.prepare()
            c.samples.append(time_once(c.argv, {**env, **c.env}))
    return script, commands


def first_question_text() -> str:
    """The start of the first question a huisarts gets in kindermishandeling."""
    import yaml

    doc = yaml.safe_load(ONE.read_text(encoding="utf-8"))
    for item in doc["steps"][0]["items"]:
        if item.get("kind") == "guidance" or "when" in item:
            continue
        if item.get("roles") and "huisarts" not in item["roles"]:
            continue
        text = item["text"]
        text = text["nl"] if isinstance(text, dict) else text
        return str(text)[:20]
    raise SystemExit("startup.py: no first question found")


CPR_REQUEST = "\x1b[6n"
"""What questionary sends first once prompt_toolkit runs: the widget is ready for keys."""


def first_question(script: Path, runs: int, home: Path) -> dict[str, list[float]]:
    """Seconds from spawn to the first question on a pty, per mode; {} without pexpect.

    Rich mode prints the question's text before it loads the widget library, so there two
    moments are measured: the question visible (the target) and the widget ready for keys
    (``... ready``; keys typed in between wait in the terminal, tests/pty/test_typeahead_pty.py)."""
    try:
        import pexpect
    except ImportError:
        return {}
    expect = first_question_text()
    # as measure(): without PYTHONDONTWRITEBYTECODE the warm-up writes the .pyc files an
    # installed tool has (with it, every run would compile the walk's modules again)
    skip = ("MELDCODE_NO_CACHE", "NO_COLOR", "PYTHONDONTWRITEBYTECODE", "PYTHONPROFILEIMPORTTIME")
    env = {k: v for k, v in os.environ.items() if k not in skip}
    env.update(MELDCODE_HOME=str(home), TERM="xterm-256color", COLUMNS="100", LINES="40")
    out: dict[str, list[float]] = {}
    # "saved" is the command as a person types it: the case folder, its pinned protocol and
    # its journal are written before the first question; rich is the default mode
    modes = (
        ("rich, saved", "--rich", True),
        ("rich", "--rich", False),
        ("plain", "--plain", False),
        ("plain, saved", "--plain", True),
    )
    for label, mode, save in modes:
        base = ["start", "kindermishandeling", "--role", "huisarts", mode]
        samples: list[float] = []
        ready: list[float] = []
        for r in range(runs + 1):  # the first run is a warm-up
            argv = (
                [*base, "--case", f"bench-{r}-{time.time_ns()}"] if save else [*base, "--no-save"]
            )
            start = time.perf_counter()
            child = pexpect.spawn(
                str(script), argv, env=env, encoding="utf-8", timeout=30, dimensions=(40, 100)
            )
            child.expect_exact(expect)
            elapsed = time.perf_counter() - start
            if mode == "--rich":
                child.expect_exact(CPR_REQUEST)
                ready_at = time.perf_counter() - start
            child.terminate(force=True)
            if r:
                samples.append(elapsed)
                if mode == "--rich":
                    ready.append(ready_at)
        out[f"first question ({label})"] = samples
        if ready:
            out[f"  ... ready for keys ({label})"] = ready
    return out


IMPORT_GROUPS: dict[str, tuple[str, ...]] = {
    "pydantic": ("pydantic", "pydantic_core"),
    "rich": ("rich",),
    "prompt_toolkit": ("prompt_toolkit", "questionary"),
    "yaml": ("yaml",),
    "typer": ("typer", "click"),
}


def parse_importtime(text: str) -> dict[str, float]:
    """ms: ``total`` (every import), then per group of ``IMPORT_GROUPS`` and for
    ``meldcode_cli`` the self time of its modules (the module bodies, without what they
    import from elsewhere; for this package that includes models built at import)."""
    out = dict.fromkeys(("total", *IMPORT_GROUPS, "meldcode_cli"), 0.0)
    for line in text.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        parts = line[len("import time:") :].split("|")
        if len(parts) != 3:
            continue
        self_us, cumulative_us, raw = int(parts[0]), int(parts[1]), parts[2]
        name = raw.strip()
        if not raw[1:2].isspace():  # level 0: imported by the script itself
            out["total"] += cumulative_us / 1000
        root = name.split(".")[0]
        for group, roots in (*IMPORT_GROUPS.items(), ("meldcode_cli", ("meldcode_cli",))):
            if root in roots:
                out[group] += self_us / 1000
    return {k: round(v, 1) for k, v in out.items()}


def import_times(script: Path, home: Path) -> dict[str, dict[str, float]]:
    """``-X importtime`` of validate (no cache) and of both first questions; {} without
    pexpect for the latter."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR",)}
    env.update(MELDCODE_HOME=str(home), PYTHONPROFILEIMPORTTIME="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    out: dict[str, dict[str, float]] = {}
    proc = subprocess.run(
        [str(script), "validate", str(ONE)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**env, "MELDCODE_NO_CACHE": "1"},
        check=False,
        text=True,
    )
    out["validate one.yaml, no cache"] = parse_importtime(proc.stderr)
    try:
        import pexpect
    except ImportError:
        return out
    import shlex

    expect = first_question_text()
    env.update(TERM="xterm-256color", COLUMNS="100", LINES="40")
    env.pop("MELDCODE_NO_CACHE", None)
    for mode in ("--rich", "--plain"):
        log = home / f"importtime{mode}.txt"
        argv = [str(script), "start", "kindermishandeling", "--role", "huisarts", mode, "--no-save"]
        shell = f"exec {shlex.join(argv)} 2>{shlex.quote(str(log))}"
        child = pexpect.spawn("/bin/sh", ["-c", shell], env=env, encoding="utf-8", timeout=30)
        child.expect_exact(expect)
        child.terminate(force=True)
        out[f"first question ({mode[2:]})"] = parse_importtime(log.read_text(encoding="utf-8"))
    return out


def _collected(log: Path) -> int:
    """The instruction count callgrind wrote to its log ("Collected : N")."""
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        if "Collected :" in line:
            return int(line.rsplit(":", 1)[1].strip())
    raise SystemExit(f"startup.py: no instruction count in {log}")


def instructions(script: Path, home: Path) -> dict[str, int]:
    """Instructions (valgrind callgrind) per command; {} without valgrind."""
    import shutil

    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return {}
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "MELDCODE_NO_CACHE")}
    env["MELDCODE_HOME"] = str(home)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    log = home / "callgrind.log"

    def counted(argv: list[str]) -> list[str]:
        prefix = [valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null"]
        return [*prefix, f"--log-file={log}", *argv]

    commands: list[tuple[str, list[str], dict[str, str]]] = [
        (BASELINE, [sys.executable, "-c", "pass"], {}),
        ("--help", [str(script), "--help"], {}),
        ("validate one.yaml", [str(script), "validate", str(ONE)], {}),
        (
            "validate one.yaml, no cache",
            [str(script), "validate", str(ONE)],
            {"MELDCODE_NO_CACHE": "1"},
        ),
    ]
    out: dict[str, int] = {}
    for label, argv, extra in commands:
        subprocess.run(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            env={**env, **extra},
            check=False,
        )  # warm: the cache and the .pyc files, not counted
        subprocess.run(
            counted(argv),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**env, **extra},
            check=False,
        )
        out[label] = _collected(log)
    try:
        import pexpect
    except ImportError:
        return out
    expect = first_question_text()
    env.update(TERM="xterm-256color", COLUMNS="100", LINES="40")
    for mode in ("--rich", "--plain"):
        argv = [str(script), "start", "kindermishandeling", "--role", "huisarts", mode, "--no-save"]
        full = counted(argv)
        child = pexpect.spawn(full[0], full[1:], env=env, encoding="utf-8", timeout=300)
        child.expect_exact(expect)
        child.sendcontrol("c")  # the walk stops as at any Ctrl-C; callgrind then counts
        child.expect(pexpect.EOF)
        child.close()
        out[f"first question ({mode[2:]})"] = _collected(log)
    return out


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
        f"{'command':<30} {'min ms':>8} {'median ms':>10} {'x min':>7} {'x median':>9} "
        f"{'target':>8}  {'min':<5} {'median':<6}"
    )
    print(header)
    print("-" * len(header))
    for label, c in data["commands"].items():
        name = BASELINE if label == BASELINE else f"meldcode {label}"
        if label == BASELINE:
            print(f"{name:<30} {c['min_ms']:>8.1f} {c['median_ms']:>10.1f} {'1.00':>7} {'1.00':>9}")
            continue
        r = data["ratios"][label]
        print(
            f"{name:<30} {c['min_ms']:>8.1f} {c['median_ms']:>10.1f} "
            f"{r['min']:>7.2f} {r['median']:>9.2f} {'<= ' + str(r['target_max']) + 'x':>8}  "
            f"{verdict(r['pass_min']):<5} {verdict(r['pass_median'])}"
        )
    print()
    print("x = wall time / wall time of 'python -c pass' (same interpreter); lower is better.")
    if data.get("first_question"):
        print()
        for label, f in data["first_question"].items():
            figures = f"{label:<34} min {f['min_ms']:>7.1f} ms  median {f['median_ms']:>7.1f} ms"
            if f["target_max_ms"] is None:  # a second moment of the same runs, no target
                print(figures)
                continue
            print(
                f"{figures}  target <= {f['target_max_ms']:.0f} ms  "
                f"{verdict(f['pass_median'])} (median)"
            )
    else:
        print("first question: not measured (pip install pexpect)")
    if data.get("instructions"):
        counts = data["instructions"]
        base = counts[BASELINE]
        print()
        print("instructions (valgrind callgrind; start: up to the first question)")
        for label, n in counts.items():
            name = label if label == BASELINE else f"meldcode {label}"
            print(f"{name:<36} {n / 1e6:>10.1f} M  {n / base:>7.2f}x")
    if data.get("importtime"):
        print()
        groups = ["total", *IMPORT_GROUPS, "meldcode_cli"]
        print("python -X importtime, ms (one run): all imports, and the self time of the")
        print("modules of each library and of meldcode_cli (its models built at import included)")
        print(f"{'command':<30}" + "".join(f"{g:>15}" for g in groups))
        for label, figures in data["importtime"].items():
            print(f"{label:<30}" + "".join(f"{figures[g]:>15.1f}" for g in groups))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=30, help="runs per command (default 30)")
    parser.add_argument(
        "--warmup", type=int, default=2, help="uncounted warm-up rounds (default 2)"
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument(
        "--importtime", action="store_true", help="also what importing cost (python -X importtime)"
    )
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also the instructions each command executes (valgrind; independent of load)",
    )
    args = parser.parse_args(argv)
    if args.runs < 1 or args.warmup < 0:
        parser.error("--runs must be >= 1 and --warmup >= 0")
    import tempfile

    load_before = load_average()
    with tempfile.TemporaryDirectory(prefix="meldcode-startup-") as tmp:
        script, commands = measure(args.runs, args.warmup, Path(tmp))
        data = report(script, commands, args.runs)
        fq = first_question(script, max(3, args.runs // 3), Path(tmp))
        if args.importtime:
            data["importtime"] = import_times(script, Path(tmp))
        if args.instructions:
            data["instructions"] = instructions(script, Path(tmp))
    data["first_question"] = {
        label: {
            "min_ms": round(min(v) * 1000, 1),
            "median_ms": round(statistics.median(v) * 1000, 1),
            "target_max_ms": None if "ready" in label else FIRST_QUESTION_MS,
            "pass_median": statistics.median(v) * 1000 <= FIRST_QUESTION_MS,
        }
        for label, v in fq.items()
    }
    data["load_average"] = {"before": load_before, "after": load_average()}
    if args.json:
        print(json.dumps(data, indent=2))
    else:
        print_table(data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
