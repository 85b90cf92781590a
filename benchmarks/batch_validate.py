"""Batch validation throughput: ``meldcode validate`` against ``check-jsonschema``.

Two sets of files, each measured in the same run against check-jsonschema:

- **shipped** (the headline figure): ``--files`` copies of the five real shipped protocols
  (kindermishandeling, partnergeweld, ...), each with a unique id and file name;
- **generated** (the second figure): protocol-sized files generated as below.

For the generated set the script generates protocol-sized files (20-40 KB, ~60-100 items,
signal checklists of 15-30 options, a dozen ``when:`` conditions, several guidance blocks)
by expanding ``protocols/voorbeeld.yaml`` with a seeded random, checks that every file is valid for
both tools, then times, best of ``--repeat``:

(a) ``meldcode validate DIR`` with ``MELDCODE_NO_CACHE=1``: YAML, schema, ids, references,
    conditions, sources and the exhaustive path analysis of every file, every run (the CLI
    as installed; a process pool for >= 40 files);
(a') the same with the cache of unchanged files (filled by the correctness run before the
    timing): what a second run over a repository where nothing changed costs;
(b) ``check-jsonschema --schemafile SCHEMA DIR/*.yaml`` with the schema that
    ``meldcode schema -o SCHEMA`` exports (structure only, no semantic checks);
(c) for reference, (a) on one core: the same CLI call with ``os.cpu_count()`` patched to 1
    in-process, so ``validate_paths`` runs serially (the CLI has no ``--jobs`` option).

Target: throughput(a) / throughput(b) >= 12x on the shipped set (higher is better); (a')
is reported beside it, never instead of it.

This is a measurement, not a test: it prints what one run measured and exits 0 (2 when a
generated file is invalid or a tool fails to run). Usage, from the repository root::

    python benchmarks/batch_validate.py [--set both|shipped|generated] [--files 200]
                                        [--repeat 3] [--seed 2019]
                                        [--workdir benchmarks/.work] [--json]
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
BASE_PROTOCOL = REPO / "protocols" / "voorbeeld.yaml"
SHIPPED = [
    REPO / "protocols" / f"{name}.yaml"
    for name in (
        "kindermishandeling",
        "partnergeweld",
        "ouderenmishandeling",
        "eergerelateerd-geweld",
        "loverboy-problematiek",
    )
]
TARGET_RATIO = 12.0
MIN_BYTES = 20 * 1024
MAX_BYTES = 40 * 1024

# --- Dutch-looking text ------------------------------------------------------------------

WIE = [
    "de cliënt",
    "het kind",
    "de partner",
    "de ouder",
    "de mantelzorger",
    "een huisgenoot",
    "de oudere",
    "de jongere",
    "het gezin",
    "de verzorger",
    "de ex-partner",
    "een broer of zus",
    "de stiefouder",
    "de grootouder",
]
WAT = [
    "blauwe plekken",
    "onverklaarbaar letsel",
    "angst bij thuiskomst",
    "verwaarlozing",
    "oplopende schulden",
    "alcoholgebruik",
    "sociaal isolement",
    "dreigende taal",
    "vernielingen in huis",
    "slaapproblemen",
    "schoolverzuim",
    "financiële uitbuiting",
    "controlerend gedrag",
    "ondervoeding",
    "herhaald ziekenhuisbezoek",
    "brandwonden",
    "teruggetrokken gedrag",
    "seksueel grensoverschrijdend gedrag",
    "stalking na de scheiding",
    "eergerelateerde dreiging",
    "drugsgebruik in huis",
    "onvoldoende medische zorg",
    "achterstand in ontwikkeling",
    "agressie tegen huisdieren",
    "afgenomen bankpas",
    "gedwongen huwelijk",
    "psychische klachten",
    "verwarde uitspraken",
]
WAAR = [
    "tijdens het huisbezoek",
    "op het spreekuur",
    "bij de overdracht",
    "na schooltijd",
    "in de wijk",
    "tijdens de training",
    "in het dossier",
    "bij een eerdere melding",
    "op de huisartsenpost",
    "tijdens de intake",
    "in het gesprek met school",
    "bij de thuiszorg",
]
VRAAG = [
    "Heeft u {wat} gezien bij {wie} {waar}?",
    "Is {wie} bekend met {wat}?",
    "Zijn er aanwijzingen voor {wat} {waar}?",
    "Heeft {wie} zelf iets verteld over {wat}?",
    "Is er eerder contact geweest met Veilig Thuis over {wat}?",
    "Heeft een collega {wat} opgemerkt {waar}?",
    "Speelt {wat} al langer dan drie maanden?",
    "Is {wie} op de hoogte van uw zorgen over {wat}?",
]
OPEN = [
    "Beschrijf wat u {waar} zag en hoorde over {wat}, met datum en bron.",
    "Wat weet u over {wat} bij {wie}? Noteer alleen feiten.",
    "Met wie heeft u {wat} besproken, en wat was de uitkomst?",
    "Welke afspraken zijn er gemaakt over {wat}?",
    "Hoe schat u de invloed van {wat} op {wie} in?",
    "Licht toe waarom u {wat} (niet) zorgelijk vindt.",
]
HULP = [
    "Denk aan {wat} en {wat2}; noteer alleen wat u zelf heeft waargenomen.",
    "Scheid feiten van interpretaties; vermeld bij elk feit de bron en de datum.",
    "Twijfelt u? Raadpleeg een collega of de aandachtsfunctionaris, en zo nodig Veilig Thuis.",
    "Let op signalen bij {wie}, ook als die zelf niets vertelt over {wat}.",
]
WAAROM = [
    "Stap {step} vraagt om dit vast te leggen: {wat} kan wijzen op onveiligheid.",
    "Dit signaal ({wat}) komt vaak samen voor met huiselijk geweld.",
    "De meldcode vraagt in stap {step} om de kindcheck en mantelzorgcheck.",
    "Een zorgvuldige vastlegging van {wat} helpt bij de weging in stap 4.",
]
GIDS = [
    "Bij acute onveiligheid belt u 112; daarna Veilig Thuis (0800-2000).",
    "Bij twijfel over {wat} altijd Veilig Thuis raadplegen; advies vragen kan anoniem.",
    "Bespreek {wat} met de aandachtsfunctionaris voordat u verder gaat.",
    "Leg het gesprek over {wat} vast in het dossier, met de reactie van {wie}.",
    "U mag zonder toestemming melden als de veiligheid van {wie} in het geding is.",
    "Informeer {wie} vooraf over de melding, tenzij dat de veiligheid in gevaar brengt.",
]
EN_QUESTION = [
    "Did you observe signs of concern?",
    "Is the client aware of your concerns?",
    "Has anyone else noticed this?",
    "Has this been going on for more than three months?",
]
CONTACTS: list[dict[str, Any]] = [
    {"name": "Veilig Thuis", "phone": "0800-2000", "url": "https://www.veiligthuis.nl"},
    {"name": "Politie (geen spoed)", "phone": "0900-8844"},
    {"name": {"nl": "Alarmnummer", "en": "Emergency number"}, "phone": "112"},
    {"name": "Aandachtsfunctionaris", "when": "Voor overleg binnen de organisatie."},
    {"name": "Huisartsenpost", "phone": "088 123 45 67", "when": "Buiten kantooruren."},
]
THEMA = ["partnergeweld", "kindermishandeling", "ouderenmishandeling", "eergerelateerd geweld"]
STEP_PREFIX = {1: "signaal", 2: "overleg", 3: "gesprek", 4: "weging", 5: "besluit"}


# --- generator ---------------------------------------------------------------------------


@dataclass
class Stats:
    items: int = 0
    options: int = 0
    conditions: int = 0
    guidance: int = 0
    checklists: int = 0


@dataclass
class Generator:
    """Expands the example protocol into one large, valid protocol (one per seed)."""

    rng: random.Random
    sources: list[str]
    counter: int = 0
    stats: Stats = field(default_factory=Stats)
    # unconditional, role-free, required yes/no items: safe targets for conditions
    yes_no: list[tuple[str, int]] = field(default_factory=list)
    choices: list[tuple[str, list[str], bool]] = field(default_factory=list)  # id, options, multi

    def new_id(self, step: int) -> str:
        self.counter += 1
        return f"{STEP_PREFIX[step]}_{self.counter}"

    def fill(self, template: str, step: int = 1) -> str:
        wat, wat2 = self.rng.sample(WAT, 2)
        return template.format(
            wie=self.rng.choice(WIE), wat=wat, wat2=wat2, waar=self.rng.choice(WAAR), step=step
        )

    def text(self, templates: list[str], step: int, en: bool = False) -> str | dict[str, str]:
        nl = self.fill(self.rng.choice(templates), step)
        nl = nl[0].upper() + nl[1:]
        if en and self.rng.random() < 0.3:
            return {"nl": nl, "en": self.rng.choice(EN_QUESTION)}
        return nl

    def cite(self, item: dict[str, Any], step: int) -> None:
        item["why"] = self.fill(self.rng.choice(WAAROM), step)
        item["sources"] = self.rng.sample(self.sources, self.rng.randint(1, 2))

    def condition(self, step: int) -> str | None:
        """A valid condition on earlier items (mostly yes/no items of this or the last step)."""
        near = [i for i, s in self.yes_no if s >= step - 1]
        if not near:
            return None
        a = self.rng.choice(near)
        roll = self.rng.random()
        if roll < 0.45:
            return f"{a} == {self.rng.choice(['ja', 'ja', 'nee'])}"
        if roll < 0.55:
            return a
        if roll < 0.62:
            return f"not {a}"
        if roll < 0.72:
            return f"{a} == ja and role {self.rng.choice(['==', '!='])} huisarts"
        if roll < 0.82 and len(near) > 1:
            b = self.rng.choice([i for i in near if i != a])
            return f"{a} == ja or {b} == ja"
        if self.choices:
            cid, opts, multi = self.rng.choice(self.choices[-3:])
            if multi:
                return f"{cid} contains {self.rng.choice(opts)}"
            if self.rng.random() < 0.5:
                return f"{cid} in [{', '.join(self.rng.sample(opts, 2))}]"
            return f"{cid} == {self.rng.choice(opts)}"
        return f"{a} == ja"

    def checklist(self, step: int) -> dict[str, Any]:
        iid = self.new_id(step)
        n = self.rng.randint(15, 30)
        wat = self.rng.sample(WAT, min(n, len(WAT)))
        options: list[dict[str, Any]] = []
        for j in range(n):
            opt: dict[str, Any] = {
                "id": f"{iid}_o{j + 1}",
                "text": f"{wat[j % len(wat)].capitalize()} bij {self.rng.choice(WIE)}"
                + (f" ({self.rng.choice(WAAR)})" if self.rng.random() < 0.5 else ""),
            }
            if self.rng.random() < 0.3:
                opt["help"] = self.fill(self.rng.choice(HULP), step)
            if j == 0:
                opt["acute"] = True
            elif j == 1:
                opt["structureel"] = True
            options.append(opt)
        self.rng.shuffle(options)
        item: dict[str, Any] = {
            "id": iid,
            "kind": "multi_choice",
            "text": f"Welke signalen van {self.rng.choice(WAT)} ziet u bij {self.rng.choice(WIE)}?",
            "help": self.fill(self.rng.choice(HULP), step),
            "options": options,
        }
        self.cite(item, step)
        self.stats.checklists += 1
        self.stats.options += n
        return item

    def guidance(self, step: int) -> dict[str, Any]:
        item: dict[str, Any] = {
            "id": self.new_id(step),
            "kind": "guidance",
            "text": self.text(GIDS, step),
            "sources": self.rng.sample(self.sources, self.rng.randint(1, 2)),
        }
        if self.rng.random() < 0.5:
            item["help"] = self.fill(self.rng.choice(HULP), step)
        if self.rng.random() < 0.7:
            item["contacts"] = copy.deepcopy(self.rng.sample(CONTACTS, self.rng.randint(1, 3)))
        self.stats.guidance += 1
        return item

    def question(self, step: int) -> dict[str, Any]:
        iid = self.new_id(step)
        roll = self.rng.random()
        item: dict[str, Any] = {"id": iid}
        if roll < 0.45:
            item["kind"] = "yes_no"
            item["text"] = self.text(VRAAG, step, en=True)
            if step == 1 and self.rng.random() < 0.1:
                item["acute_if"] = "ja"
            elif step == 1 and self.rng.random() < 0.1:
                item["structureel_if"] = "ja"
        elif roll < 0.80:
            item["kind"] = "text"
            item["nature"] = self.rng.choice(["feit", "interpretatie", "toelichting"])
            item["text"] = self.text(OPEN, step)
            if self.rng.random() < 0.3:
                item["required"] = False
        elif roll < 0.92:
            item["kind"] = "single_choice"
            item["text"] = self.text(VRAAG, step)
            labels = ["Ja", "Nee", "Weet ik niet", "Niet van toepassing", "Eerder al gemeld"]
            n = self.rng.randint(2, len(labels))
            item["options"] = [
                {"id": f"{iid}_{k}", "text": f"{labels[k]}: {self.rng.choice(WAT)}"}
                for k in range(n)
            ]
            self.stats.options += n
        else:
            item["kind"] = "date"
            item["text"] = f"Wanneer zag u voor het eerst {self.rng.choice(WAT)}?"
            item["range"] = "past"
        if self.rng.random() < 0.6:
            item["help"] = self.fill(self.rng.choice(HULP), step)
        if self.rng.random() < 0.4 or "acute_if" in item or "structureel_if" in item:
            self.cite(item, step)
        return item

    def step_items(self, step: int, count: int, conditions: int) -> list[dict[str, Any]]:
        """``count`` new items for one step, created in order; ``conditions`` of them (in
        the later two thirds) get a ``when:`` on items created before them."""
        slots = set(self.rng.sample(range(max(1, count // 3), count), min(conditions, count)))
        out: list[dict[str, Any]] = []
        if step == 1:
            for _ in range(self.rng.randint(1, 2)):
                out.append(self.checklist(step))
        while len(out) < count:
            item = self.guidance(step) if self.rng.random() < 0.08 else self.question(step)
            if len(out) in slots:
                when = self.condition(step)
                if when is not None:
                    item["when"] = when
                    self.stats.conditions += 1
            if "when" not in item and self.rng.random() < 0.05:
                item["roles"] = self.rng.sample(["huisarts", "wijkagent", "professional"], 2)
            self.register(item, step)
            out.append(item)
        return out

    def register(self, item: dict[str, Any], step: int) -> None:
        """Unconditional, role-free, required items become targets for later conditions."""
        if "when" in item or "roles" in item or not item.get("required", True):
            return
        if item["kind"] == "yes_no":
            self.yes_no.append((item["id"], step))
        elif item["kind"] in ("single_choice", "multi_choice"):
            opts = [str(o["id"]) for o in item["options"]]
            self.choices.append((item["id"], opts, item["kind"] == "multi_choice"))


def build_protocol(base: dict[str, Any], index: int, seed: str) -> tuple[dict[str, Any], Stats]:
    rng = random.Random(seed)
    doc = copy.deepcopy(base)
    thema = rng.choice(THEMA)
    doc["id"] = f"bench-{index:03d}"
    doc["title"] = {
        "nl": f"Benchmarkprotocol {index}: {thema}",
        "en": f"Benchmark protocol {index}",
    }
    doc["version"] = f"1.{index % 10}.{rng.randrange(10)}"
    doc["description"] = f"Gegenereerd protocol voor de doorvoermeting ({thema}). " + " ".join(
        rng.choice(HULP).format(wie="de cliënt", wat=thema, wat2="de zorg") for _ in "ab"
    )
    gen = Generator(rng, [s["id"] for s in doc["sources"]])

    total = rng.randint(62, 98)
    extra = total - sum(len(s["items"]) for s in doc["steps"])
    weights = [0.30, 0.18, 0.17, 0.20, 0.15]
    counts = [max(4, round(extra * w)) for w in weights]
    conds = [1, 1, 1, 1, 0]
    for _ in range(rng.randint(7, 10) - 2 - sum(conds)):  # + 2 decision.* items in step 5
        conds[rng.randrange(4)] += 1
    for s, step in enumerate(doc["steps"]):
        stepno = s + 1
        for it in step["items"]:  # the example's own items come first in their step
            if it.get("kind") != "afwegingskader" and stepno < 5:
                gen.register(it, stepno)
        if stepno < 5:
            step["items"].extend(gen.step_items(stepno, counts[s], conds[s]))
            continue
        # step 5: some items before the afwegingskader, some that depend on the decision
        before = gen.step_items(stepno, counts[s] // 2, 0)
        after: list[dict[str, Any]] = []
        for name in rng.sample(["melden", "hulp", "afsluiten"], 2):
            item = gen.question(stepno)
            item["when"] = f"decision.{name}"
            gen.stats.conditions += 1
            after.append(item)
        after.append(gen.guidance(stepno))
        while len(after) < counts[s] - len(before):
            after.append(gen.question(stepno))
        marker = step["items"].index({"kind": "afwegingskader"})
        step["items"][marker:marker] = before
        step["items"].extend(after)
    stats = gen.stats
    stats.items = sum(
        1 for s in doc["steps"] for it in s["items"] if it.get("kind") != "afwegingskader"
    )
    stats.conditions += sum(
        1
        for s in base["steps"]
        for it in s["items"]
        if isinstance(it, dict) and it.get("when") is not None
    )
    stats.guidance += 1  # the example's own guidance block
    stats.options += 7  # the example's own options (signalen: 5, gesprek: 2)
    return doc, stats


class _NoAliasDumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:  # noqa: ARG002 - overridden signature
        return True


def dump(doc: dict[str, Any]) -> str:
    header = "# Generated by benchmarks/batch_validate.py from protocols/voorbeeld.yaml.\n"
    return header + yaml.dump(
        doc, Dumper=_NoAliasDumper, allow_unicode=True, sort_keys=False, width=100
    )


def generate(outdir: Path, files: int, seed: int) -> list[tuple[Path, int, Stats]]:
    base = yaml.safe_load(BASE_PROTOCOL.read_text(encoding="utf-8"))
    made: list[tuple[Path, int, Stats]] = []
    for i in range(files):
        for attempt in range(50):  # re-draw the rare file outside 20-40 KB
            doc, stats = build_protocol(base, i, f"{seed}:{i}:{attempt}")
            text = dump(doc)
            if MIN_BYTES <= len(text.encode("utf-8")) <= MAX_BYTES:
                break
        path = outdir / f"bench-{i:03d}.yaml"
        path.write_text(text, encoding="utf-8")
        made.append((path, len(text.encode("utf-8")), stats))
    return made


# --- running the tools -------------------------------------------------------------------


def tool(name: str) -> Path:
    """A console script of the running venv (next to ``sys.executable``), else from PATH."""
    bindir = Path(sys.executable).parent
    for candidate in (bindir / name, bindir / f"{name}.exe"):
        if candidate.is_file():
            return candidate
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"batch_validate.py: '{name}' not found (pip install -e '.[dev]')")
    return Path(found)


CJS_REQUIREMENT = "check-jsonschema>=0.29"
"""What ``pip install -e '.[bench]'`` installs; the same requirement as pyproject's extra."""
CJS_VENV = REPO / "benchmarks" / ".venv-check-jsonschema"


def check_jsonschema() -> Path:
    """check-jsonschema from the running venv (``.[bench]``) or PATH; else installed by this
    script into its own venv (``benchmarks/.venv-check-jsonschema``, kept for the next run)
    with the ordinary ``pip`` client (the package index only)."""
    bindir = Path(sys.executable).parent
    for candidate in (bindir / "check-jsonschema", bindir / "check-jsonschema.exe"):
        if candidate.is_file():
            return candidate
    found = shutil.which("check-jsonschema")
    if found is not None:
        return Path(found)
    scripts = CJS_VENV / ("Scripts" if os.name == "nt" else "bin")
    exe = scripts / ("check-jsonschema.exe" if os.name == "nt" else "check-jsonschema")
    if exe.is_file():
        return exe
    print(f"batch_validate.py: installing {CJS_REQUIREMENT} into {CJS_VENV}", file=sys.stderr)
    import venv

    venv.EnvBuilder(with_pip=True, clear=True).create(CJS_VENV)
    python = scripts / ("python.exe" if os.name == "nt" else "python")
    pip = [str(python), "-m", "pip", "install", "--quiet", CJS_REQUIREMENT]
    if subprocess.run(pip, check=False).returncode != 0 or not exe.is_file():
        raise SystemExit(f"batch_validate.py: could not install {CJS_REQUIREMENT}")
    return exe


@dataclass
class Ran:
    rc: int
    seconds: float
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run(argv: list[str], env: dict[str, str]) -> Ran:
    start = time.perf_counter()
    proc = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, env=env, check=False)
    elapsed = time.perf_counter() - start
    return Ran(
        proc.returncode,
        elapsed,
        proc.stdout.decode("utf-8", errors="replace"),
        proc.stderr.decode("utf-8", errors="replace"),
    )


SERIAL_SNIPPET = (
    "import os, sys\n"
    "os.cpu_count = lambda: 1  # validate_paths: workers = min(os.cpu_count(), 8)\n"
    "from meldcode_cli.cli.app import main\n"
    "sys.argv = ['meldcode', *sys.argv[1:]]\n"
    "main()\n"
)


@contextmanager
def workdir(path: str | None) -> Iterator[Path]:
    if path is None:
        with tempfile.TemporaryDirectory(prefix="meldcode-bench-") as tmp:
            yield Path(tmp)
        return
    p = Path(path)
    if p.exists():
        shutil.rmtree(p)
    p.mkdir(parents=True)
    yield p


def load_average() -> float | None:
    """1-minute load average (None where the OS has none): other work skews timings."""
    try:
        return round(os.getloadavg()[0], 2)
    except (AttributeError, OSError):
        return None


def tail(text: str, lines: int = 30) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def copy_shipped(outdir: Path, files: int) -> list[tuple[Path, int]]:
    """``files`` copies of the shipped protocols, round robin, each with its own id."""
    import re

    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in SHIPPED]
    made: list[tuple[Path, int]] = []
    for i in range(files):
        stem, text = texts[i % len(texts)]
        new_id = f"{stem}-{i:03d}"
        changed, count = re.subn(
            rf"^id: {re.escape(stem)}$", f"id: {new_id}", text, count=1, flags=re.M
        )
        if count != 1:
            raise SystemExit(f"batch_validate.py: no 'id: {stem}' line in {stem}.yaml")
        path = outdir / f"{new_id}.yaml"
        path.write_text(changed, encoding="utf-8")
        made.append((path, len(changed.encode("utf-8"))))
    return made


def measure_set(
    name: str,
    pdir: Path,
    files: list[str],
    schema: Path,
    env: dict[str, str],
    args: argparse.Namespace,
) -> dict[str, Any] | int:
    meldcode = tool("meldcode")
    cjs = check_jsonschema()
    cold = {**env, "MELDCODE_NO_CACHE": "1"}
    warm = {k: v for k, v in env.items() if k != "MELDCODE_NO_CACHE"}
    # correctness first (this run also fills the cache for (a')): every file must be valid
    ran = run([str(meldcode), "validate", "--format", "json", str(pdir)], warm)
    if ran.rc != 0:
        print(f"batch_validate.py: {name} files are invalid (validate exit {ran.rc}):")
        print(tail(ran.output, 40))
        return 2
    report = json.loads(ran.stdout)
    paths = [int(f["paths"]) for f in report["files"]]
    warnings = sum(
        1 for f in report["files"] for d in f["diagnostics"] if d["severity"] == "warning"
    )
    # ... and for check-jsonschema with the exported schema
    cjs_argv = [str(cjs), "--schemafile", str(schema), *files]
    cjs_ran = run(cjs_argv, env)
    cjs_ok = cjs_ran.rc == 0

    load_before = load_average()
    commands: dict[str, tuple[list[str], dict[str, str]]] = {
        "meldcode": ([str(meldcode), "validate", str(pdir)], cold),
        "meldcode-cached": ([str(meldcode), "validate", str(pdir)], warm),
        "check-jsonschema": (cjs_argv, env),
        "serial": ([sys.executable, "-c", SERIAL_SNIPPET, "validate", str(pdir)], cold),
    }
    if args.no_serial:
        del commands["serial"]
    timings: dict[str, list[float]] = {k: [] for k in commands}
    for _ in range(args.repeat):  # interleaved, like startup.py
        for label, (cmd, cmd_env) in commands.items():
            ran = run(cmd, cmd_env)
            if label != "check-jsonschema" and ran.rc != 0:
                print(f"batch_validate.py: {label} exited {ran.rc}:\n{tail(ran.output)}")
                return 2
            timings[label].append(ran.seconds)
    n = len(files)
    best = {label: min(ts) for label, ts in timings.items()}
    fps = {label: n / t for label, t in best.items()}
    ratio = fps["meldcode"] / fps["check-jsonschema"]
    data: dict[str, Any] = {
        "set": name,
        "files": n,
        "workers": min(os.cpu_count() or 1, 8) if n >= 40 else 1,
        "load_average": {"before": load_before, "after": load_average()},
        "avg_paths": round(sum(paths) / len(paths), 1) if paths else None,
        "max_paths": max(paths) if paths else None,
        "meldcode_warnings": warnings,
        "check_jsonschema_accepts_all": cjs_ok,
        "check_jsonschema_exit": cjs_ran.rc,
        "check_jsonschema_output": None if cjs_ok else tail(cjs_ran.output, 40),
        "seconds": {label: [round(t, 3) for t in ts] for label, ts in timings.items()},
        "best_seconds": {label: round(t, 3) for label, t in best.items()},
        "files_per_second": {label: round(v, 1) for label, v in fps.items()},
        "ratio": round(ratio, 2),
        "ratio_cached": round(fps["meldcode-cached"] / fps["check-jsonschema"], 2),
        "target_min_ratio": TARGET_RATIO,
        "pass": ratio >= TARGET_RATIO,
    }
    if "serial" in fps:
        data["ratio_serial"] = round(fps["serial"] / fps["check-jsonschema"], 2)
    return data


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--set",
        choices=("both", "shipped", "generated"),
        default="both",
        help="which files: copies of the shipped protocols, generated ones, or both (default)",
    )
    parser.add_argument("--files", type=int, default=200, help="files per set (200)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per tool, best wins")
    parser.add_argument("--seed", type=int, default=2019, help="generator seed (2019)")
    parser.add_argument(
        "--workdir",
        help="generate here and keep the files (e.g. benchmarks/.work); default: a temp dir",
    )
    parser.add_argument("--no-serial", action="store_true", help="skip the one-core run (c)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args(argv)
    if args.files < 1 or args.repeat < 1:
        parser.error("--files and --repeat must be >= 1")
    return args


def _kb(sizes: list[int]) -> dict[str, float]:
    return {
        "avg": round(sum(sizes) / len(sizes) / 1024, 1),
        "min": round(min(sizes) / 1024, 1),
        "max": round(max(sizes) / 1024, 1),
    }


def shipped_set(
    root: Path, schema: Path, env: dict[str, str], args: argparse.Namespace
) -> dict[str, Any] | int:
    sdir = root / "shipped"
    sdir.mkdir()
    copies = copy_shipped(sdir, args.files)
    data = measure_set("shipped", sdir, [str(p) for p, _ in copies], schema, env, args)
    if isinstance(data, int):
        return data
    data["files_kb"] = _kb([b for _, b in copies])
    return data


def generated_set(
    root: Path, schema: Path, env: dict[str, str], args: argparse.Namespace
) -> dict[str, Any] | int:
    gdir = root / "generated"
    gdir.mkdir()
    made = generate(gdir, args.files, args.seed)
    bad_size = [(p.name, b) for p, b, _ in made if not MIN_BYTES <= b <= MAX_BYTES]
    if bad_size:
        print(f"batch_validate.py: files outside 20-40 KB: {bad_size[:5]}", file=sys.stderr)
        return 2
    data = measure_set("generated", gdir, [str(p) for p, _, _ in made], schema, env, args)
    if isinstance(data, int):
        return data
    stats = [st for _, _, st in made]
    n = len(made)
    data["seed"] = args.seed
    data["files_kb"] = _kb([b for _, b, _ in made])
    data["generated"] = {
        "avg_items": round(sum(st.items for st in stats) / n, 1),
        "avg_options": round(sum(st.options for st in stats) / n, 1),
        "avg_conditions": round(sum(st.conditions for st in stats) / n, 1),
    }
    return data


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    meldcode = tool("meldcode")
    check_jsonschema()  # installed now, before anything is timed
    env = dict(os.environ)
    for var in ("MELDCODE_DEBUG", "PYTHONDEVMODE", "PYTHONPROFILEIMPORTTIME", "MELDCODE_NO_CACHE"):
        env.pop(var, None)
    env["NO_COLOR"] = "1"

    results: dict[str, Any] = {
        "python_version": platform.python_version(),
        "cpu_count": os.cpu_count(),
        "repeat": args.repeat,
        "sets": {},
    }
    with workdir(args.workdir) as root:
        env["MELDCODE_HOME"] = str(root / "home")  # the cache of (a') lives here
        schema = root / "protocol.schema.json"
        ran = run([str(meldcode), "schema", "-o", str(schema)], env)
        if ran.rc != 0:
            print(f"batch_validate.py: meldcode schema failed ({ran.rc}):\n{ran.output}")
            return 2
        for name, measure in (("shipped", shipped_set), ("generated", generated_set)):
            if args.set in ("both", name):
                data = measure(root, schema, env, args)
                if isinstance(data, int):
                    return data
                results["sets"][name] = data
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
    else:
        print_report(results)
    return 0


def print_report(d: dict[str, Any]) -> None:
    print(
        f"batch validation: best of {d['repeat']}, interleaved; Python {d['python_version']}, "
        f"{d['cpu_count']} CPU(s)"
    )
    labels = {
        "meldcode": "(a)  meldcode validate, no cache",
        "meldcode-cached": "(a') meldcode validate, unchanged files",
        "check-jsonschema": "(b)  check-jsonschema",
        "serial": "(c)  meldcode validate, 1 core, no cache",
    }
    for name, s in d["sets"].items():
        kb = s["files_kb"]
        print()
        what = "copies of the 5 shipped protocols" if name == "shipped" else "generated protocols"
        print(
            f"== {name}: {s['files']} {what}, avg {kb['avg']} KB ({kb['min']}-{kb['max']}), "
            f"avg {s['avg_paths']} paths per file (max {s['max_paths']}), "
            f"{s['workers']} worker(s)"
        )
        la = s["load_average"]
        print(
            f"load average (1 min) before/after timing: {la['before']} / {la['after']} "
            f"on {d['cpu_count']} CPU(s); anything above ~0.5 means other work competed"
        )
        if s["check_jsonschema_accepts_all"]:
            print(
                "meldcode validate: all valid; "
                "check-jsonschema with `meldcode schema`: all accepted"
            )
        else:
            print(
                f"check-jsonschema REJECTS valid files (exit {s['check_jsonschema_exit']}):\n  "
                + s["check_jsonschema_output"].replace("\n", "\n  ")
            )
        header = f"{'tool':<42} {'best s':>7} {'files/s':>9}   runs (s)"
        print(header)
        print("-" * (len(header) + 12))
        for key, label in labels.items():
            if key not in s["best_seconds"]:
                continue
            runs = ", ".join(f"{t:.2f}" for t in s["seconds"][key])
            print(
                f"{label:<42} {s['best_seconds'][key]:>7.2f} "
                f"{s['files_per_second'][key]:>9.1f}   {runs}"
            )
        verdict = "PASS" if s["pass"] else "MISS"
        print(
            f"throughput ratio (a)/(b): {s['ratio']:.2f}x   target >= "
            f"{s['target_min_ratio']:.0f}x   {verdict}"
        )
        print(f"throughput ratio (a')/(b): {s['ratio_cached']:.2f}x   (unchanged files, cached)")
        if "ratio_serial" in s:
            print(f"throughput ratio (c)/(b): {s['ratio_serial']:.2f}x   (one core, for reference)")


if __name__ == "__main__":
    raise SystemExit(main())
