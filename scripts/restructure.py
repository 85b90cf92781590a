"""Issue 14, step 1: move the flat modules into packages and rewrite every import path.

    python scripts/restructure.py --move            # git mv + rewrite the whole tree (once)
    python scripts/restructure.py --rewrite FILE..  # rewrite old import paths in given files

Kept in the repository so that branches begun before the move can convert their own files.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "src" / "meldcode_cli"

MOVES: dict[str, str] = {
    "protocol": "protocol.model",
    "conditions": "protocol.conditions",
    "compiled": "protocol.compiled",
    "analysis": "protocol.analysis",
    "diagnostics": "protocol.diagnostics",
    "diagnostic_help": "protocol.diagnostic_help",
    "yamlio": "protocol.yamlio",
    "loading": "protocol.loading",
    "textio": "protocol.textio",
    "afwegingskader": "protocol.afwegingskader",
    "guardrails": "protocol.guardrails",
    "verstrekking": "protocol.verstrekking",
    "cache": "protocol.cache",
    "checker": "authoring.validate",
    "scenarios": "authoring.scenarios",
    "testing": "authoring.testrun",
    "render": "authoring.render",
    "catalog": "authoring.catalog",
    "schema": "authoring.schema",
    "sarif": "authoring.sarif",
    "scaffold": "authoring.scaffold",
    "output": "authoring.output",
    "engine": "walk.engine",
    "walker": "walk.driver",
    "session": "walk.session",
    "cases": "walk.casestore",
    "casemgmt": "walk.casemgmt",
    "walkview": "walk.view",
    "walkflow": "walk.flow",
    "confirm": "walk.confirm",
    "acute": "walk.acute",
    "phone": "walk.phone",
    "midcase": "walk.midcase",
    "followup": "walk.followup",
    "refutation": "walk.refutation",
    "prompting": "walk.prompt.interactive",
    "plainprompt": "walk.prompt.plain",
    "lineprompt": "walk.prompt.lines",
    "record": "record.model",
    "crypto": "record.crypto",
    "signing": "record.signing",
    "profile": "record.profile",
    "keyflow": "record.keyflow",
    "recorddiff": "record.diff",
    "report": "report.core",
    "journaal": "report.journaal",
    "diagram": "report.diagram",
    "htmlout": "report.htmlout",
    "verifyview": "report.verifyview",
    "casus": "training.casus",
    "trainer": "training.train",
    "debrief": "training.debrief",
    "ketenkaart": "chain.ketenkaart",
    "kaart": "chain.kaart",
    "monitor": "chain.monitor",
    "leakcheck": "privacy.leakcheck",
    "identcheck": "privacy.identcheck",
    "safeio": "files.safeio",
    "jsonio": "files.jsonio",
    "oscompat": "files.oscompat",
    "cli": "cli.app",
    "entry": "cli.entry",
    "exits": "cli.exits",
    "fastpath": "cli.fastpath",
    "messages": "i18n.messages",
}

PACKAGES = {
    "protocol": "The protocol format: models, conditions, YAML loading with positions, compiling, analysis.",
    "authoring": "For protocol authors: validate, scenarios and ``meldcode test``, show, schemas, SARIF, new.",
    "walk": "A walk: the pure engine, the driver, the case on disk, what is shown, the prompters.",
    "walk.prompt": "The two prompters (interactive and plain) and small line-based questions.",
    "record": "The decision record: built, signed, verified; keys, profile and the one crypto module.",
    "report": "What is written from a record: the draft melding, the advice summary, journaal, diagram.",
    "training": "Trainer mode: casus files, ``meldcode train`` and ``meldcode debrief``.",
    "chain": "The chain around the meldcode: the ketenkaart and monitoring without dossiers.",
    "privacy": "Does a text identify someone? The leak checks.",
    "files": "Every file meldcode reads or writes: bounded JSON, safe writes, the OS seam.",
    "cli": "The command line: the typer app, the entry point, fast paths, exit codes.",
    "i18n": "The message catalogue: Dutch by default, English complete.",
}

_DOTTED = re.compile(r"\bmeldcode_cli\.(" + "|".join(sorted(MOVES, key=len, reverse=True)) + r")\b(?![-/])")
_PATH = re.compile(r"\bmeldcode_cli/(" + "|".join(sorted(MOVES, key=len, reverse=True)) + r")\.py\b")


def _rewrite_from_imports(text: str) -> str:
    """``from meldcode_cli import a, b as c`` -> one import per moved module, local names kept."""
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return text
    lines = text.splitlines(keepends=True)
    edits: list[tuple[int, int, str]] = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.ImportFrom) and node.module == "meldcode_cli" and node.level == 0):
            continue
        if not any(a.name in MOVES for a in node.names):
            continue
        indent = re.match(r"\s*", lines[node.lineno - 1]).group(0)  # type: ignore[union-attr]
        out: list[str] = []
        kept: list[str] = []
        for a in node.names:
            local = a.asname or a.name
            if a.name in MOVES:
                pkg, _, mod = MOVES[a.name].rpartition(".")
                alias = "" if mod == local else f" as {local}"
                out.append(f"{indent}from meldcode_cli.{pkg} import {mod}{alias}\n")
            else:
                kept.append(a.name if not a.asname else f"{a.name} as {a.asname}")
        if kept:
            out.insert(0, f"{indent}from meldcode_cli import {', '.join(kept)}\n")
        edits.append((node.lineno - 1, node.end_lineno or node.lineno, "".join(out)))
    for start, end, new in sorted(edits, reverse=True):
        lines[start:end] = [new]
    return "".join(lines)


def rewrite(text: str, python: bool) -> str:
    # dotted paths first: the from-import rewrite produces new dotted paths (``meldcode_cli.protocol``
    # is an old module and a new package) that must not be rewritten a second time
    text = _DOTTED.sub(lambda m: "meldcode_cli." + MOVES[m.group(1)], text)
    if python:
        text = _rewrite_from_imports(text)
    return _PATH.sub(lambda m: "meldcode_cli/" + MOVES[m.group(1)].replace(".", "/") + ".py", text)


def rewrite_file(p: Path) -> bool:
    try:
        old = p.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError):
        return False
    new = rewrite(old, p.suffix == ".py")
    if new != old:
        p.write_text(new, encoding="utf-8")
        return True
    return False


def move() -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=ROOT, check=True)

    for pkg, doc in PACKAGES.items():
        d = PKG.joinpath(*pkg.split("."))
        d.mkdir(parents=True, exist_ok=True)
        (d / "__init__.py").write_text(f'"""{doc}"""\n', encoding="utf-8")
        git("add", str(d / "__init__.py"))
    for old, new in MOVES.items():
        target = PKG.joinpath(*new.split(".")).with_suffix(".py")
        git("mv", str(PKG / f"{old}.py"), str(target))
    git("mv", str(PKG / "templates"), str(PKG / "report" / "templates"))
    git("mv", str(PKG / "skeleton"), str(PKG / "authoring" / "skeleton"))
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, check=True, capture_output=True, text=True)
    for name in files.stdout.splitlines():
        if name == "scripts/restructure.py":
            continue
        p = ROOT / name
        if p.suffix in {".py", ".toml", ".md", ".sh", ".yaml", ".yml", ".cfg", ".ini", ".txt", ""}:
            if p.is_file() and not p.is_symlink():
                rewrite_file(p)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--move"]:
        move()
    elif sys.argv[1:2] == ["--rewrite"]:
        for f in sys.argv[2:]:
            if rewrite_file(Path(f)):
                print(f"rewrote {f}")
    else:
        print(__doc__)
        sys.exit(2)
