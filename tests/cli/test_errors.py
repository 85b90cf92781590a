"""Issue 14a: one error hierarchy, one mapper, no message text compared, errors in English
under ``--lang en``."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from typer.testing import CliRunner

from meldcode_cli.cli.app import make_app
from meldcode_cli.errors import (
    CheckFailed,
    InputError,
    Interrupted,
    KeyProblem,
    MeldcodeError,
    UsageError,
)
from meldcode_cli.i18n.messages import entries, set_lang, t
from tests.conftest import VOORBEELD

CATALOGUE = entries()
SRC = Path(__file__).resolve().parents[2] / "src" / "meldcode_cli"

# Common Dutch function words and the words of our own Dutch error texts; none of them is
# an English word (domain terms kept in English, such as melding, casus, Veilig Thuis and
# the option names, are left out on purpose).
DUTCH = {
    "niet",
    "geen",
    "bestaat",
    "een",
    "het",
    "van",
    "voor",
    "wachtzin",
    "sleutel",
    "kies",
    "onleesbaar",
    "ondertekend",
    "gebruik",
    "moet",
    "nog",
    "eerst",
    "heeft",
    "hoort",
    "bij",
    "mogelijk",
    "gevonden",
    "fout",
    "gebruiksfout",
    "leesbaar",
    "ontbreekt",
    "ongeldig",
    "opgeslagen",
    "onderbroken",
    "verder",
    "maak",
    "deze",
    "dat",
    "wordt",
    "zijn",
    "uw",
    "bestand",
    "map",
    "schrijf",
    "datum",
    "geldig",
    "klopt",
    "kan",
    "naar",
    "met",
}


def dutch_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-zA-Zëéï]+", text.lower()) if w in DUTCH}


# --- the hierarchy and the mapper ---------------------------------------------------------


@pytest.mark.parametrize(
    ("cls", "code"),
    [(InputError, 2), (UsageError, 2), (KeyProblem, 2), (CheckFailed, 1), (MeldcodeError, 2)],
)
def test_each_class_says_its_exit_code(cls: type[MeldcodeError], code: int) -> None:
    from meldcode_cli.cli.exits import Exited, guard_core

    def boom() -> None:
        raise cls("error.wrong_passphrase")

    with pytest.raises(Exited) as caught:
        guard_core(boom)
    assert caught.value.code == code


def test_interrupted_is_130_and_names_the_case(capsys: pytest.CaptureFixture[str]) -> None:
    from meldcode_cli.cli.exits import Exited, guard_core

    def boom() -> None:
        raise Interrupted("casus-7")

    with pytest.raises(Exited) as caught:
        guard_core(boom)
    assert caught.value.code == 130
    assert "meldcode resume casus-7" in capsys.readouterr().err


def test_the_existing_exceptions_are_in_the_hierarchy() -> None:
    from meldcode_cli.authoring.validate import UsageError as ValidateUsage
    from meldcode_cli.chain.monitor import ExportRefused
    from meldcode_cli.files.jsonio import JsonFileError
    from meldcode_cli.files.safeio import UnsafePath
    from meldcode_cli.record.profile import PassphraseRejected, ProfileError
    from meldcode_cli.record.store import Unreadable
    from meldcode_cli.report.records import ReportRefused
    from meldcode_cli.walk.casestore import CaseError
    from meldcode_cli.walk.engine import AnswerError
    from meldcode_cli.walk.runner import WalkInterrupted

    for cls in (CaseError, JsonFileError, UnsafePath, Unreadable, AnswerError):
        assert issubclass(cls, InputError), cls
    assert issubclass(ProfileError, KeyProblem)
    assert issubclass(PassphraseRejected, ProfileError)
    assert ValidateUsage is UsageError
    assert issubclass(ReportRefused, CheckFailed)
    assert issubclass(ExportRefused, CheckFailed)
    assert issubclass(WalkInterrupted, Interrupted)


def test_the_message_is_translated_at_the_edge() -> None:
    err = InputError("error.casemgmt.geen_casus", label="x")
    assert str(err) == "geen casus 'x'"
    set_lang("en")
    assert str(err) == "no case 'x'"  # the same exception, read in another language


# --- no code path compares message text ---------------------------------------------------

COMPARISONS = [
    r"in str\(e\w*\)",  # "... in str(e)"
    r"str\(e\w*\) *[!=]=",
    r"\.message *[!=]=",
    r"in \w+\.message\b",
    r"[!=]= *t\(",  # comparing to a catalogue text
    r"\bin t\(",
    r"\.reasons *[!=]= *\[",  # the verify reasons are text: decide on result.unsigned
    r"\"[^\"]*\" in \w*\.?(message|reasons|reason)\b",
]


def test_no_code_path_compares_message_text() -> None:
    hits = []
    for path in sorted(SRC.rglob("*.py")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            # "for x in t(...)" / "[a for a in str(e)]" iterate over a text: not a comparison
            code = re.sub(r"\bfor [\w, ()]+ in ", "for _ over ", line)
            if any(re.search(p, code) for p in COMPARISONS):
                hits.append(f"{path.relative_to(SRC)}:{n}: {line.strip()}")
    assert hits == []


def test_the_comparison_patterns_catch_the_old_code() -> None:
    """The grep above is only worth something if it finds what was there before."""
    old = [
        'if "onjuiste wachtzin" not in e.message or attempt == MAX_PASSPHRASE_TRIES:',
        'if training and result.reasons == ["niet ondertekend (OEFENING)"]:',
    ]
    for line in old:
        assert any(re.search(p, line) for p in COMPARISONS), line


# --- the catalogue: every error key exists, in both languages ------------------------------


def test_every_error_key_used_exists_with_the_same_placeholders() -> None:
    used = set()
    for path in SRC.rglob("*.py"):
        used |= set(re.findall(r"\"(error\.[a-z_]+\.[a-z0-9_]+)\"", path.read_text("utf-8")))
    assert used, "no error keys found"
    fmt = string.Formatter()
    for key in used:
        assert key in CATALOGUE, key
        entry = CATALOGUE[key]
        names = [{f for _, f, _, _ in fmt.parse(entry[lang]) if f} for lang in ("nl", "en")]
        assert names[0] == names[1], key


def test_every_error_text_is_english_under_en() -> None:
    set_lang("en")
    fmt = string.Formatter()
    bad = {}
    for key, entry in CATALOGUE.items():
        if not key.startswith("error."):
            continue
        params = {f.split(".")[0].split("[")[0]: "X" for _, f, _, _ in fmt.parse(entry["en"]) if f}
        words = dutch_words(t(key, **params))
        if words:
            bad[key] = words
    assert bad == {}


# --- every error path the command line reaches, under --lang en -----------------------------


def _paths(tmp: Path) -> list[list[str]]:
    nope = str(tmp / "nope.json")
    return [
        ["validate", str(tmp / "nope.yaml")],
        ["test", str(tmp / "nope.scenarios.yaml")],
        ["show", str(VOORBEELD), "--role", "wijkagentx"],
        ["start", str(VOORBEELD), "--role", "wijkagentx", "--no-save"],
        ["start", "no-such-protocol", "--no-save"],
        ["resume", "nosuch"],
        ["sign", "nosuch"],
        ["evaluate", "nosuch"],
        ["verify", nope],
        ["report", "nosuch"],
        ["journaal", "nosuch"],
        ["acute", "nosuch"],
        ["melding", "nosuch"],
        ["melding", "nosuch", "--date", "99-99-2026"],
        ["terugkoppeling", "nosuch", "--summary", "x", "--no-sign"],
        ["rename", "nosuch", "other"],
        ["archive", "nosuch"],
        ["purge", "nosuch", "--yes"],
        ["refute", "nosuch", "item", "ja", "--text", "x"],
        ["diff", nope, nope],
        ["debrief", nope],
        ["train", "nosuch"],
        ["casus", "validate", str(tmp / "nope.casus.yaml")],
        ["key", "export"],
        ["kaart", "--ketenkaart", nope],
        ["monitor", "combine", nope],
        ["schema", "--output", str(tmp / "no" / "such" / "dir" / "x.json")],
        ["new", "voorbeeld", "--output", str(tmp / "no" / "such" / "x.yaml")],
    ]


def test_error_paths_under_lang_en_have_no_dutch(tmp_path: Path) -> None:
    runner = CliRunner()
    seen = []
    for args in _paths(tmp_path):
        set_lang(None)
        result = runner.invoke(make_app(), ["--lang", "en", *args])
        assert result.exit_code in (1, 2), (args, result.exit_code, result.output)
        assert "Traceback" not in result.output
        err = result.stderr
        assert err.strip(), args
        seen.append((args, err, dutch_words(err)))
    dutch = [(a, e) for a, e, w in seen if w]
    assert dutch == []


# --- --lang where the docs show it ---------------------------------------------------------


def test_hoist_lang() -> None:
    from meldcode_cli.cli.argv import hoist_lang

    assert hoist_lang(["start", "x", "--lang", "en"]) == ["--lang", "en", "start", "x"]
    assert hoist_lang(["resume", "--lang=en", "c"]) == ["--lang=en", "resume", "c"]
    assert hoist_lang(["sign", "c", "--", "--lang", "en"]) == ["sign", "c", "--", "--lang", "en"]


def test_lang_after_the_command_is_accepted(capsys: pytest.CaptureFixture[str]) -> None:
    """docs/walk.md lists ``start --lang en``: after the command it works as before it."""
    from meldcode_cli.cli.entry import main

    with pytest.raises(SystemExit) as caught:
        main(["resume", "nosuch", "--lang", "en"])
    assert caught.value.code == 2
    assert capsys.readouterr().err.strip() == "meldcode: no case 'nosuch'"
