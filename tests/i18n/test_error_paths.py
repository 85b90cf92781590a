"""Issue 14, must show: every error path the command line reaches, run under ``--lang en``,
shows no Dutch; under the default language (Dutch) it shows no English chrome from
click/typer or questionary.

Two more checks ride on the same paths: in Dutch no English words either (the texts of the
YAML parser, the OS and pydantic that reach the user), and every command's ``--help`` in
both languages.

The paths are enumerated, not picked: the commands are read from the typer app itself
(``COMMANDS``), and for every command the generic errors are derived from its parameters
(an unknown option, a missing argument or required option, an option without its value,
an extra argument, a bad choice, a bad number), and every parameter that takes a file, a
case label or another value gets the wrong values listed for its name in ``BAD_VALUES``
(a missing file, a folder instead of a file, unreadable YAML, an invalid protocol, a bad
answers file, an unknown case, a tampered or unsigned record, a wrong passphrase, a bad
ketenkaart or organisatie file, ...). A command or parameter that is new and has no wrong
value listed fails ``test_every_command_and_parameter_has_error_cases``. ``SPECIFIC`` adds
the paths no parameter alone reaches (no terminal where one is needed, a usage error
before "no terminal"). Each path runs in-process through the console-script entry
(``cli.entry.main``, fast paths included), with stdin not a terminal.

A path whose text belongs to another engineer's package and is still Dutch on main is
marked ``xfail(strict=True)`` from ``OWNED_ELSEWHERE`` (one table, below): when that branch
is merged the case passes, strict xfail turns that into a failure, and the mark is removed.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from meldcode_cli.i18n.messages import set_lang
from tests.conftest import ROOT

# --- the detectors --------------------------------------------------------------------------

# Dutch words that are not English words (so "is", "in", "of", "door", "die", "want", "map",
# "over", "datum" and "en" - the language code - are left out on purpose).
_WORDS = """
    de het een niet geen moet bestand bestanden vraag vragen wachtzin van voor naar met bij
    nog eerst heeft hebben hoort wordt worden zijn kan kunnen dit deze dat wat welke waar
    er ook maar als dan om op te uit aan zonder tussen u uw mag kies geef zie gebruik
    gebruiksfout fout fouten gevonden ontbreekt ongeldig ongeldige onbekend onbekende
    bestaat bestaan opgeslagen onderbroken leesbaar onleesbaar ondertekend ondertekening
    sleutel sleutels waarde verwacht regel kolom mappen geldig klopt opdracht opties
    optie verplicht standaard hulp afgebroken toon alleen niets iets eigen
    lege leeg schrijven lezen gelezen geschreven maken maak verder terug hier daar
    tekst antwoord antwoorden stap stappen rol rollen casussen beslissing
    overschrijven bewaard bewaren bedoelde bedoelt
"""
DUTCH_WORDS = frozenset(_WORDS.split())

# Dutch words that stay Dutch in English text, each with the reason. Command names, option
# names and what the test itself typed are removed before the check (``_scrub``).
ALLOWED_DUTCH = {
    "meldcode": "the name of the tool and of the Dutch Meldcode itself",
    "veilig": "Veilig Thuis, the name of the organisation",
    "thuis": "Veilig Thuis, the name of the organisation",
    "afwegingskader": "the name of the framework in the Meldcode (docs/glossary)",
    "ketenkaart": "the name of the chain-map file format",
    "organisatie": "the organisatie overlay format (its file name and option)",
    "casus": "a case of the training set: a term of the tool's English text",
    "melding": "the report to Veilig Thuis: kept Dutch in English text",
    "terugkoppeling": "Veilig Thuis's feedback: kept Dutch in English text",
    "journaal": "the HIS journal entry: kept Dutch in English text",
    "voorbeeld": "the id of the example protocol",
    "partnergeweld": "the id of a shipped protocol",
    "melden": "a decision value (sign --override melden|hulp|afsluiten), typed as such",
    "hulp": "a decision value (sign --override melden|hulp|afsluiten), typed as such",
    "afsluiten": "a decision value (sign --override melden|hulp|afsluiten), typed as such",
}

ENGLISH_CHROME = (
    "Usage:",
    "Error:",
    "Options:",
    "Arguments:",
    "Commands:",
    "Missing argument",
    "Missing option",
    "Missing parameter",
    "No such option",
    "No such command",
    "Possible options",
    "Did you mean",
    "Show this message",
    "[required]",
    "[OPTIONS]",
    "Try '",
    "Invalid value",
    "is not one of",
    "requires an argument",
    "does not take a value",
    "unexpected extra",
    "Aborted!",
    "Value error,",
    # questionary
    "(Y/n)",
    "(y/N)",
    "done (",
    "Use arrow keys",
    "(Use shortcuts)",
)


def dutch_in(text: str) -> set[str]:
    words = re.findall(r"(?<![\w/.-])[a-zà-ÿ]+(?:'s)?(?![\w/-])", text.lower())
    return {w for w in words if w in DUTCH_WORDS and w not in ALLOWED_DUTCH}


def chrome_in(text: str) -> list[str]:
    return [w for w in ENGLISH_CHROME if w in text]


# --- the world the paths run in ---------------------------------------------------------------

EXAMPLE = ROOT / "examples" / "casus-partnergeweld.yaml"
PASSPHRASE = "een lange wachtzin voor de test"


def _secret(path: Path, text: str) -> Path:
    path.write_text(text + "\n", encoding="utf-8")
    path.chmod(0o600)
    return path


@dataclass
class Result:
    code: int
    out: str
    err: str


def run(args: list[str], home: Path, env_lang: str | None = None) -> Result:
    """``meldcode ARGS`` in this process, through the console-script entry, with stdin not
    a terminal and the process-wide settings reset first."""
    from meldcode_cli.chain.ketenkaart import set_ketenkaart_paths
    from meldcode_cli.cli.entry import main

    set_lang(None)
    set_ketenkaart_paths([])
    saved = sys.stdin, sys.stdout, sys.stderr
    out, err = io.StringIO(), io.StringIO()
    sys.stdin, sys.stdout, sys.stderr = io.StringIO(""), out, err
    old_home = os.environ.get("MELDCODE_HOME")
    os.environ["MELDCODE_HOME"] = str(home)
    if env_lang:
        os.environ["MELDCODE_LANG"] = env_lang
    code: Any = 0
    try:
        main(list(args))
    except SystemExit as e:
        code = e.code
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
        os.environ.pop("MELDCODE_LANG", None)
        if old_home is not None:
            os.environ["MELDCODE_HOME"] = old_home
        set_lang(None)
    if code is None:
        code = 0
    return Result(code if isinstance(code, int) else 1, out.getvalue(), err.getvalue())


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home with a profile, a signed case ``c1``, an unsigned training case ``t1`` and a
    paused case ``p1``; beside it the wrong files (``files/``)."""
    root = tmp_path_factory.mktemp("world")
    home = root / "home"
    home.mkdir()
    files = root / "files"
    files.mkdir()
    pw = _secret(files / "pw", PASSPHRASE)
    _secret(files / "wrong-pw", "niet de goede wachtzin")
    (files / "open-pw").write_text(PASSPHRASE + "\n", encoding="utf-8")
    (files / "open-pw").chmod(0o644)
    walk = ["start", "partnergeweld", "--answers", str(EXAMPLE), "--case"]
    steps = [
        ["init", "--name", "A. Tester", "--role", "huisarts", "--organisation", "Praktijk",
         "--passphrase-file", str(pw)],
        [*walk, "c1", "--passphrase-file", str(pw), "--yes"],
        [*walk, "t1", "--no-sign"],
    ]  # fmt: skip
    for args in steps:
        result = run(args, home)
        assert result.code == 0, (args, result.err)
    from meldcode_cli.walk.casestore import CaseStore
    from tests.case_helpers import walk_case

    old = os.environ.get("MELDCODE_HOME")
    os.environ["MELDCODE_HOME"] = str(home)
    try:
        walk_case(CaseStore(), "p1", "voorbeeld", "huisarts", {}, complete=False)
    finally:
        if old is not None:
            os.environ["MELDCODE_HOME"] = old
    record = sorted((home / "cases" / "c1" / "records").glob("*.json"))[0]
    shutil.copy(record, files / "record.json")
    data = json.loads(record.read_text("utf-8"))
    data["decision"] = {"tampered": True}
    (files / "tampered.json").write_text(json.dumps(data), encoding="utf-8")
    training = sorted((home / "cases" / "t1" / "records").glob("*.json"))[0]
    shutil.copy(training, files / "training.json")
    (files / "garbage.json").write_text("{not json", encoding="utf-8")
    (files / "list.json").write_text("[1, 2]", encoding="utf-8")
    (files / "bad.yaml").write_text("a: [unclosed\n  b: 'x\n", encoding="utf-8")
    (files / "notprotocol.yaml").write_text("id: x\nsteps: 12\n", encoding="utf-8")
    (files / "badanswers.yaml").write_text("role: huisarts\nanswers: [1, 2]\n", encoding="utf-8")
    (files / "badcasus.casus.yaml").write_text("casus: 1\n", encoding="utf-8")
    (files / "dir").mkdir()
    (files / "empty").mkdir()
    shutil.copy(
        ROOT / "tests" / "fixtures" / "ketenkaart" / "mc104_unknown_pillar.yaml",
        files / "badkaart.yaml",
    )
    shutil.copy(
        ROOT / "tests" / "fixtures" / "organisatie" / "mc603-onbekende-partner.yaml",
        files / "badorg.yaml",
    )
    return root


# placeholders in the case arguments: "@name" is the file ``files/name`` of the world
def resolve(args: tuple[str, ...], root: Path) -> list[str]:
    return [str(root / "files" / a[1:]) if a.startswith("@") else a for a in args]


# --- the commands, from the app -----------------------------------------------------------------


def _commands() -> dict[str, Any]:
    """Every command path of the app (``"key export"``), with its click command."""
    import typer.main

    from meldcode_cli.cli.app import make_app

    group = typer.main.get_command(make_app())
    found: dict[str, Any] = {}

    def walk(grp: Any, prefix: str, parent: Any) -> None:
        ctx = type(parent)(grp, parent=parent) if prefix else parent
        for name in grp.list_commands(ctx):
            cmd = grp.get_command(ctx, name)
            path = f"{prefix} {name}".strip()
            found[path] = cmd
            if hasattr(cmd, "list_commands"):
                walk(cmd, path, ctx)

    ctx_cls = type(group.make_context("meldcode", ["--help"], resilient_parsing=True))
    walk(group, "", ctx_cls(group))
    return found


COMMANDS = _commands()
GROUPS_WITHOUT_OWN_PARAMS = {p for p, c in COMMANDS.items() if hasattr(c, "list_commands")} - {
    "kaart"  # kaart is a command of its own (its callback) and a group
}

# the value a required parameter gets when another parameter is the one that is wrong
FILL = {
    "protocol": "voorbeeld",
    "case": "c1",
    "item": "signalen",
    "value": "angst",
    "text": "x",
    "summary": "x",
    "new": "nieuw",
    "record": "@record.json",
    "records": "@record.json",
    "paths": "@record.json",
    "exports": "@garbage.json",
    "casus": "pg-huisarts-verwurging",
    "protocol_id": "nieuw-protocol",
    "file": "@garbage.json",
}

MISSING = ("@missing",)
FILE = ("@missing", "@dir")
YAML = ("@missing.yaml", "@dir", "@bad.yaml")
JSON = ("@missing.json", "@dir", "@garbage.json", "@list.json")
RECORD = (*JSON, "@tampered.json", "@training.json")

# wrong values per parameter name ("command:name" for one command only)
BAD_VALUES: dict[str, tuple[str, ...]] = {
    "protocol": (*YAML, "@notprotocol.yaml", "no-such-protocol"),
    "validate:paths": (*YAML, "@empty", "@notprotocol.yaml"),
    "test:paths": (*YAML, "@empty"),
    "casus validate:paths": (*YAML, "@empty", "@badcasus.casus.yaml"),
    "casus list:paths": ("@missing.yaml", "@dir", "@empty"),
    "kaart validate:paths": (*YAML, "@empty", "@badkaart.yaml"),
    "verify:paths": (*RECORD, "@empty"),
    "answers": (*YAML, "@badanswers.yaml"),
    "organisatie": (*YAML, "@badorg.yaml"),
    "show:organisatie": YAML,  # show does not check the overlay's partners: that is walk's
    "ketenkaart": (*YAML, "@badkaart.yaml"),
    "passphrase_file": (*FILE, "@wrong-pw", "@open-pw"),
    "new_passphrase_file": (*FILE, "@open-pw"),
    "case": ("nosuch", "../buiten"),
    "sign:case": ("nosuch", "../buiten", "p1"),
    "record": ("nosuch", "p1", *JSON, "@tampered.json"),
    "records": (*JSON, "@tampered.json"),
    "exports": JSON,
    "betrokkenen": (*YAML,),
    "key": JSON,
    "signers": JSON,
    "file": JSON,
    "output_file": ("@nodir/x.out", "@dir"),
    "output": ("@nodir/x.out", "@dir"),
    "html": ("@nodir/x.html",),
    "csv_out": ("@nodir/x.csv",),
    "json_out": ("@nodir/x.json",),
    "date": ("99-99-2026", "morgen"),
    "periode": ("2026-13", "ooit"),
    "role": ("bogus",),
    "casus": ("nosuch", "@missing.casus.yaml", "@bad.yaml"),
    "new": ("bad/label", "c1"),
    "protocol_id": ("Bad Id!", "voorbeeld"),
    "override": ("bogus",),
    "consulted": ("",),
    "item": ("no-such-item",),
    "value": ("maybe",),
    "source": ("",),
    "vraag": ("",),
    "pijler": ("bogus",),
    "vorm": ("bogus",),
    "rol": ("bogus",),
}

# parameters without a wrong value of their own (free text, or only a flag), with the reason
NO_BAD_VALUE = {
    "title": "free text",
    "reason": "free text",
    "text": "free text (refute --text)",
    "summary": "free text",
    "participant": "free text",
    "name": "free text",
    "organisation": "free text",
    "registration": "free text",
    "contact": "free text",
    "search": "free text: any search string is a search",
    "schema_ref": "free text: the $schema reference written into the new file",
    "channel": "free text: any channel is recorded as given",
    "gemeente": "a filter: an unknown gemeente shows the national contacts",
    "regio": "a filter: an unknown regio shows the national contacts",
    "advies": "free text (consult answer --advies: the advice given)",
}


# the exit code of a path that warns and goes on (issue 17: a ketenkaart with errors is left
# out, the national numbers are shown; a walk is never refused for it)
WARNS_ONLY = {
    "kaart|ketenkaart=@bad.yaml": "left out with a warning (issue 17)",
    "kaart|ketenkaart=@badkaart.yaml": "left out with a warning (issue 17)",
    "kaart|ketenkaart=@dir": "a folder of ketenkaart files is allowed",
    "root|ketenkaart-dir": "a folder of ketenkaart files is allowed",
}


@dataclass(frozen=True)
class Case:
    id: str
    args: tuple[str, ...]
    exit: tuple[int, ...] = (1, 2)


def kind(p: Any) -> str:
    """``flag``, ``choice``, ``int`` or ``value``: from typer's type descriptor (typer >=
    0.26) or click's parameter type (older typer)."""
    import enum
    import typing

    descriptor = getattr(p, "type_descriptor", None)
    if descriptor is None:
        name = type(p.type).__name__
        if getattr(p, "is_flag", False) or name == "BoolParamType":
            return "flag"
        if "Choice" in name:
            return "choice"
        return "int" if name.startswith("Int") else "value"
    annotation = descriptor.annotation
    for _ in range(3):  # X | None, list[X]
        inner = [a for a in typing.get_args(annotation) if a is not type(None)]
        if not inner:
            break
        annotation = inner[0]
    if annotation is bool:
        return "flag"
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return "choice"
    return "int" if annotation is int else "value"


def _fill(cmd: Any, skip: str | None = None) -> list[str]:
    """The required parameters of ``cmd`` except ``skip``, with their FILL values."""
    args: list[str] = []
    opts: list[str] = []
    for p in cmd.params:
        if p.name == skip or not (p.required or p.name == "case"):
            continue
        value = FILL.get(p.name or "", "x")
        if p.param_type_name == "argument":
            args.append(value)
        else:
            opts += [p.opts[0], value]
    return args + opts


def _fill_options(cmd: Any, skip: str | None) -> list[str]:
    out: list[str] = []
    for p in cmd.params:
        if p.param_type_name == "option" and p.required and p.name != skip:
            out += [p.opts[0], FILL.get(p.name or "", "x")]
    return out


def _value_option(cmd: Any) -> Any:
    return next(
        (p for p in cmd.params if p.param_type_name == "option" and kind(p) != "flag"),
        None,
    )


def _generic(path: str, cmd: Any) -> Iterator[Case]:
    words = tuple(path.split())
    yield Case(f"{path}|unknown-option", (*words, "--no-such-option"))
    if path not in GROUPS_WITHOUT_OWN_PARAMS:
        yield Case(f"{path}|bad-global-lang", ("--lang", "xx", *words))
    if hasattr(cmd, "list_commands") and path != "kaart":
        yield Case(f"{path}|unknown-command", (*words, "no-such-command"))
        return
    required = [p for p in cmd.params if p.required]
    if required:
        first = required[0]
        yield Case(f"{path}|missing-{first.name}", (*words, *_fill(cmd, first.name)))
    option = _value_option(cmd)
    if option is not None:
        yield Case(f"{path}|{option.opts[0]}-without-value", (*words, *_fill(cmd), option.opts[0]))
    if not any(p.param_type_name == "argument" and p.nargs == -1 for p in cmd.params):
        yield Case(f"{path}|extra-argument", (*words, *_fill(cmd), "extra-1", "extra-2"))
    for p in cmd.params:
        if p.param_type_name != "option":
            continue
        if kind(p) == "choice":
            yield Case(f"{path}|{p.opts[0]}-bad-choice", (*words, *_fill(cmd), p.opts[0], "xml"))
        elif kind(p) == "int":
            yield Case(f"{path}|{p.opts[0]}-not-a-number", (*words, *_fill(cmd), p.opts[0], "x"))


def _bad_values(path: str, cmd: Any) -> Iterator[Case]:
    words = tuple(path.split())
    for p in cmd.params:
        if kind(p) == "flag" or not p.name or p.name == "help":
            continue
        values = BAD_VALUES.get(f"{path}:{p.name}", BAD_VALUES.get(p.name, ()))
        for value in values:
            fill = _fill(cmd, p.name)
            given_ = [value] if p.param_type_name == "argument" else [p.opts[0], value]
            if p.param_type_name == "argument":
                # arguments in their declared order: put the wrong one in its place
                positional = [q for q in cmd.params if q.param_type_name == "argument"]
                args = [
                    value if q.name == p.name else FILL.get(q.name or "", "x")
                    for q in positional
                    if q.required or q.name in (p.name, "case")
                ]
                opts = fill[len(fill) - len(_fill_options(cmd, p.name)) :]
                yield Case(f"{path}|{p.name}={value}", (*words, *args, *opts))
            else:
                yield Case(f"{path}|{p.name}={value}", (*words, *fill, *given_))


# the paths no parameter alone reaches
SPECIFIC = [
    Case("start|no-terminal", ("start", "voorbeeld", "--no-save")),
    Case("start|bad-role-before-no-terminal", ("start", "voorbeeld", "--role", "bogus")),
    Case("start|role-differs-from-answers", ("start", "partnergeweld", "--answers",
                                             str(EXAMPLE), "--role", "wijkagent", "--no-sign")),
    Case("resume|no-terminal", ("resume", "p1")),
    Case("resume|bad-on-change", ("resume", "p1", "--on-change", "xml")),
    Case("evaluate|no-terminal", ("evaluate", "c1", "--passphrase-file", "@pw")),
    Case("sign|unfinished-case", ("sign", "p1", "--passphrase-file", "@pw", "--yes")),
    Case("sign|no-passphrase-no-terminal", ("sign", "c1")),
    Case("init|no-passphrase-no-terminal", ("init", "--name", "X", "--role", "huisarts")),
    Case("init|profile-exists", ("init", "--name", "X", "--passphrase-file", "@pw")),
    Case("purge|no-terminal", ("purge", "c1")),
    Case("train|no-terminal", ("train", str(ROOT / "casus" / "partnergeweld-1.casus.yaml"))),
    Case("report|tampered", ("report", "@tampered.json")),
    Case("verify|tampered", ("verify", "@tampered.json")),
    Case("verify|unsigned", ("verify", "@training.json")),
    Case("root|ketenkaart-missing", ("--ketenkaart", "@missing.yaml", "list")),
    Case("root|ketenkaart-dir", ("--ketenkaart", "@dir", "list")),
    Case("root|lang-bogus", ("--lang", "xx", "list")),
    Case("root|unknown-command", ("no-such-command",)),
    Case("root|unknown-option", ("--no-such-option",)),
    Case("consult|unknown-case", ("consult", "nosuch")),
]  # fmt: skip

CASES: list[Case] = [
    *(c for path, cmd in COMMANDS.items() for c in _generic(path, cmd)),
    *(c for path, cmd in COMMANDS.items() for c in _bad_values(path, cmd)),
    *SPECIFIC,
]

# --- the paths whose text is not ours yet ----------------------------------------------------
# "lang:case id" -> reason: a library's own English words inside our (translated) frame.
# strict: when one is fixed the case passes, the xfail fails, and its line is removed here.
OWNED_ELSEWHERE: dict[str, str] = {
    # empty since 2026-12-03: the YAML parser's words (protocol/yamltexts.py) and pydantic's
    # (files/schema_words.py) are catalogue texts now; a new library text goes here
}


def _param(case: Case, lang: str) -> Any:
    reason = OWNED_ELSEWHERE.get(f"{lang}:{case.id}")
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(case, id=case.id, marks=marks)


def _scrub(text: str, case: Case, root: Path) -> str:
    """The output without what the test typed (paths, labels, values), option names and
    command names: those are the user's words or the interface, not the message."""
    text = text.replace(str(root), "<world>")
    for arg in sorted(case.args, key=len, reverse=True):
        if arg.startswith("@"):
            continue
        # a one-letter value ('u' is a Dutch word) only where it is quoted back
        text = text.replace(arg if len(arg) > 1 else f"'{arg}'", " ")
    text = re.sub(r"(?<![\w-])--?[a-z][\w-]*", " ", text)
    text = re.sub(r"\{\w+\}|\[\w+\]|<\w+>", " ", text)  # metavars: the parameter's name
    command = COMMANDS.get(case.id.split("|", 1)[0])
    for name in (p.name for p in getattr(command, "params", ()) if p.name):
        # 'file' ontbreekt; FILE, CASE: the metavars of typer < 0.26
        text = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", " ", text, flags=re.I)
    for path in COMMANDS:
        text = re.sub(rf"\b{re.escape(path)}\b", " ", text)
    return text


def _check(case: Case, world: Path, tmp_path: Path, lang: str) -> Result:
    home = tmp_path / "home"
    shutil.copytree(world / "home", home)
    args = resolve(case.args, world)
    # a case that gives its own (wrong) --lang: the language asked for comes from the
    # environment, as it would for a user who has MELDCODE_LANG=en
    env = lang if lang == "en" and "--lang" in args else None
    result = run(["--lang", lang, *args] if lang == "en" else args, home, env)
    shown = result.out + result.err
    assert "Traceback" not in shown, shown
    expected = (0,) if case.id in WARNS_ONLY else case.exit
    assert result.code in expected, f"exit {result.code}: {shown!r}"
    assert shown.strip(), "an error path says nothing"
    return result


@pytest.mark.parametrize("case", [_param(c, "en") for c in CASES])
def test_no_dutch_under_lang_en(case: Case, world: Path, tmp_path: Path) -> None:
    result = _check(case, world, tmp_path, "en")
    # a path that warns and goes on shows the user's data on stdout (the national
    # ketenkaart is Dutch content): the warning on stderr is what is checked
    shown = result.err if case.id in WARNS_ONLY else result.out + result.err
    shown = _scrub(shown, case, world)
    found = dutch_in(shown)
    assert found == set(), f"{sorted(found)} in: {result.out + result.err!r}"


@pytest.mark.parametrize("case", [_param(c, "nl") for c in CASES])
def test_no_english_chrome_in_dutch(case: Case, world: Path, tmp_path: Path) -> None:
    result = _check(case, world, tmp_path, "nl")
    found = chrome_in(result.out + result.err)
    assert found == [], f"{found} in: {result.out + result.err!r}"


# --- the enumeration is complete ------------------------------------------------------------


def test_every_command_and_parameter_has_error_cases() -> None:
    """A new command gets its generic cases from the app; a new parameter that takes a
    value must have wrong values in ``BAD_VALUES`` (or a reason in ``NO_BAD_VALUE``)."""
    missing = []
    for path, cmd in COMMANDS.items():
        assert any(c.id.startswith(path + "|") for c in CASES), path
        for p in cmd.params:
            if kind(p) != "value" or p.name in ("help", None):
                continue
            if f"{path}:{p.name}" in BAD_VALUES or p.name in BAD_VALUES:
                continue
            if p.name not in NO_BAD_VALUE:
                missing.append(f"{path} {p.name}")
    assert missing == []


def test_the_owned_marks_name_existing_cases() -> None:
    ids = {c.id for c in CASES}
    stale = [k for k in OWNED_ELSEWHERE if k.split(":", 1)[1] not in ids]
    assert stale == []


def test_the_detectors() -> None:
    assert dutch_in("meldcode: geen casus 'x'") == {"geen"}
    assert dutch_in("meldcode: no case 'x'; see Veilig Thuis") == set()
    assert dutch_in("Error: Missing argument 'protocol'.") == set()
    assert dutch_in("the file is not a map of the region (nl or en)") == set()
    assert chrome_in("Gebruik: meldcode start [OPTIES]\nFout: Argument ontbreekt.") == []
    assert chrome_in("Usage: meldcode start [OPTIONS]") == ["Usage:", "[OPTIONS]"]
    assert chrome_in("? Doorgaan? (Y/n)") == ["(Y/n)"]


# --- hypothesis: any case label, any unknown option -------------------------------------------

CASE_COMMANDS = [p for p, c in COMMANDS.items() if any(q.name == "case" for q in c.params)]
LABELS = st.from_regex(r"[a-z][a-z0-9-]{0,24}", fullmatch=True).filter(
    lambda s: s not in ("c1", "t1", "p1")
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    command=st.sampled_from(CASE_COMMANDS),
    label=LABELS,
    lang=st.sampled_from(["nl", "en"]),
)
def test_any_unknown_case_label(command: str, label: str, lang: str, world: Path) -> None:
    cmd = COMMANDS[command]
    fill = _fill(cmd, "case")
    case = Case(f"{command}|case={label}", (*command.split(), label, *fill))
    args = resolve(case.args, world)
    result = run(["--lang", lang, *args], world / "home")
    shown = result.out + result.err
    assert result.code in (1, 2), shown
    assert "Traceback" not in shown
    if lang == "en":
        assert dutch_in(_scrub(shown, case, world)) == set(), shown
    else:
        assert chrome_in(shown) == [], shown


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    command=st.sampled_from(sorted(COMMANDS)),
    option=st.from_regex(r"--[a-z][a-z-]{0,15}[a-z]", fullmatch=True),
)
# close to several options, to one, to none: click >= 8.2 (typer < 0.26, the floor) adds its
# own "(Did you mean one of: ...?)", which hypothesis once found in the floor-deps run
@example(command="start", option="--aa")
@example(command="start", option="--sav")
@example(command="validate", option="--formt")
@example(command="validate", option="--zzzz")
def test_any_unknown_option_in_dutch(command: str, option: str, world: Path) -> None:
    cmd = COMMANDS[command]
    known = {o for p in cmd.params for o in getattr(p, "opts", [])} | {"--help", "--lang"}
    if option in known or any(k.startswith(option) for k in known):
        return
    result = run([*command.split(), option], world / "scratch")
    shown = result.out + result.err
    assert result.code == 2, shown
    assert chrome_in(shown) == [], shown


# --- usage errors come before "no terminal" ------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_bad_role_is_said_before_no_terminal(lang: str, world: Path, tmp_path: Path) -> None:
    result = run(["--lang", lang, "start", "voorbeeld", "--role", "bogus"], tmp_path)
    assert result.code == 2
    assert "'bogus'" in result.err
    assert "terminal" not in result.err


# --- plural forms ------------------------------------------------------------------------------

PLURALS = {
    ("nl", "count.records"): ("0 records", "1 record", "2 records"),
    ("en", "count.records"): ("0 records", "1 record", "2 records"),
    ("nl", "count.cells"): ("0 cellen", "1 cel", "2 cellen"),
    ("en", "count.cells"): ("0 cells", "1 cell", "2 cells"),
    ("nl", "count.exports"): ("0 exports", "1 export", "2 exports"),
    ("en", "count.exports"): ("0 exports", "1 export", "2 exports"),
}


@pytest.mark.parametrize(("lang", "key"), sorted(PLURALS))
def test_plural_forms_for_0_1_2(lang: str, key: str) -> None:
    from meldcode_cli.i18n.messages import tn

    set_lang(lang)
    assert tuple(tn(key, n) for n in (0, 1, 2)) == PLURALS[lang, key]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_monitor_summary_counts_in_words(lang: str) -> None:
    from meldcode_cli.i18n.messages import t, tn

    set_lang(lang)
    one = t(
        "monitor.combine_done",
        exports=tn("count.exports", 1),
        records=tn("count.records", 1),
        cells=tn("count.cells", 1),
        suppressed=tn("count.cells", 0),
    )
    assert "(s)" not in one
    assert "(len)" not in one
    assert one.startswith("1 export ")


# --- English words in Dutch: the parser's and the OS's texts too ------------------------------

# English words that are not Dutch words ("is", "in", "over", "die", "map" are both)
_ENGLISH = """
    the not no cannot could missing invalid found such file folder expected error usage
    option options required choose from did does exist exists must should unknown while
    parsing permitted
"""
ENGLISH_WORDS = frozenset(_ENGLISH.split())


def english_in(text: str) -> set[str]:
    words = re.findall(r"(?<![\w/.-])[a-z]+(?![\w/-])", text.lower())
    return {w for w in words if w in ENGLISH_WORDS}


@pytest.mark.parametrize("case", [_param(c, "nl-words") for c in CASES])
def test_no_english_words_in_dutch(case: Case, world: Path, tmp_path: Path) -> None:
    result = _check(case, world, tmp_path, "nl")
    shown = result.err if case.id in WARNS_ONLY else result.out + result.err
    found = english_in(_scrub(shown, case, world))
    assert found == set(), f"{sorted(found)} in: {result.out + result.err!r}"


@pytest.mark.parametrize("path", sorted(COMMANDS))
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_help_of_every_command(path: str, lang: str, tmp_path: Path) -> None:
    result = run(["--lang", lang, *path.split(), "--help"], tmp_path)
    assert result.code == 0, result.err
    case = Case(f"{path}|help", tuple(path.split()))
    if lang == "nl":
        assert chrome_in(result.out) == [], result.out
        assert english_in(_scrub(result.out, case, tmp_path)) == set(), result.out
    else:
        assert dutch_in(_scrub(result.out, case, tmp_path)) == set(), result.out


# --- the paths that need a terminal: questionary's chrome, on a real pty ----------------------


def test_questionary_chrome_is_dutch_on_a_terminal(tmp_path: Path) -> None:
    """The full-screen walk in Dutch: a checklist confirmed without a choice (an error path),
    then Ctrl-C. questionary's own words ("Use arrow keys", "done (", "(Y/n)") must not show."""
    pexpect = pytest.importorskip("pexpect")
    from tests.conftest import terminal_env

    env = terminal_env(tmp_path / "home", columns=60)
    env.pop("MELDCODE_LANG", None)
    child = pexpect.spawn(
        sys.executable,
        ["-m", "meldcode_cli", "start", "voorbeeld", "--role", "huisarts", "--no-save", "--rich"],
        env=env,
        encoding="utf-8",
        timeout=60,
        dimensions=(40, 60),
    )
    try:
        child.expect_exact("Welke signalen heeft u waargenomen?")
        child.expect_exact("Enter bevestigt")
        seen = child.before
        child.send("\r")  # nothing chosen: the checklist says so
        child.expect_exact("?")
        child.send("\x03")  # Ctrl-C
        child.expect(pexpect.EOF)
        seen += child.before
    finally:
        child.close(force=True)
    assert child.exitstatus == 130
    assert chrome_in(seen) == [], seen
