"""The compiled-protocol cache: keyed by content, never trusted without its hash."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from meldcode_cli.authoring import validate as checker
from meldcode_cli.authoring.validate import check_file, validate_paths
from meldcode_cli.cli.entry import main
from meldcode_cli.protocol import cache, loading, yamlio
from tests.conftest import PROTOCOLS, VOORBEELD


@pytest.fixture
def proto(tmp_path: Path) -> Path:
    target = tmp_path / "voorbeeld.yaml"
    shutil.copy(VOORBEELD, target)
    return target


def entries(kind: str) -> list[Path]:
    base = cache.cache_dir()
    assert base is not None
    return sorted((base / kind).glob("*/*.json"))


def test_cache_lives_under_meldcode_home() -> None:
    assert cache.cache_dir() == Path(os.environ["MELDCODE_HOME"]) / "cache"


def test_second_check_comes_from_the_cache(proto: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = check_file(proto)
    assert len(entries("check")) == 1

    def boom(*_a: object, **_k: object) -> None:
        raise AssertionError("loaded again")

    monkeypatch.setattr(loading, "load_protocol_file", boom)
    second = check_file(proto)
    assert second == first
    assert second.decision_paths
    assert second.paths == first.paths


def test_broken_file_results_are_cached_with_their_locations(proto: Path) -> None:
    proto.write_text(VOORBEELD.read_text("utf-8").replace("when: kinderen\n", "when: kindren\n"))
    first = check_file(proto)
    assert not first.ok
    second = check_file(proto)
    assert [(d.code, d.line, d.col, d.path) for d in second.diagnostics] == [
        (d.code, d.line, d.col, d.path) for d in first.diagnostics
    ]


def test_an_edited_file_is_checked_again(proto: Path) -> None:
    assert check_file(proto).ok
    proto.write_text(VOORBEELD.read_text("utf-8").replace("when: kinderen\n", "when: kindren\n"))
    assert not check_file(proto).ok
    assert len(entries("check")) == 2


@pytest.mark.parametrize(
    "damage",
    [
        lambda _raw: b"{not json",
        lambda raw: raw[: len(raw) // 2],
        lambda raw: raw.replace(b'"paths":', b'"paths":1', 1),  # payload no longer matches
        lambda raw: raw.replace(b'"key":"', b'"key":"0', 1),
    ],
)
def test_a_corrupt_entry_is_ignored_and_rebuilt(proto: Path, damage: object) -> None:
    good = check_file(proto)
    (entry,) = entries("check")
    raw = entry.read_bytes()
    entry.write_bytes(damage(raw))  # type: ignore[operator]
    again = check_file(proto)
    assert again == good
    assert json.loads(entry.read_bytes())["payload"] == json.loads(raw)["payload"]


def test_a_forged_payload_with_a_matching_hash_still_has_to_match_the_key(proto: Path) -> None:
    check_file(proto)
    (entry,) = entries("check")
    doc = json.loads(entry.read_bytes())
    other = entry.with_name("0" * 64 + ".json")
    other.write_bytes(entry.read_bytes())  # an entry stored under a key it does not carry
    assert cache.get("check", "0" * 64) is None
    assert cache.get("check", doc["key"]) == doc["payload"]


def test_no_cache_when_switched_off(proto: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MELDCODE_NO_CACHE", "1")
    assert check_file(proto).ok
    assert not (Path(os.environ["MELDCODE_HOME"]) / "cache").exists()


def test_cache_folder_is_private(proto: Path, windows_branches: bool) -> None:
    if windows_branches:
        pytest.skip("POSIX modes")
    check_file(proto)
    base = cache.cache_dir()
    assert base is not None
    assert base.stat().st_mode & 0o777 == 0o700
    assert entries("check")[0].stat().st_mode & 0o777 == 0o600


def test_model_cache_skips_the_yaml_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    # and pydantic's validation: tests/protocol/test_modelstate.py
    text = (PROTOCOLS / "kindermishandeling.yaml").read_text("utf-8")
    first = loading.load_protocol_text(text, "k.yaml")
    assert first.protocol is not None
    assert len(entries("model")) == 1

    def boom(*_a: object, **_k: object) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(yamlio, "load_yaml_text", boom)
    second = loading.load_protocol_text(text, "k.yaml")
    assert second.protocol == first.protocol
    assert second.diagnostics == []


def test_invalid_protocols_are_not_kept() -> None:
    bad = VOORBEELD.read_text("utf-8").replace("schema_version: 1", "schema_version: 2")
    assert loading.load_protocol_text(bad, "b.yaml").protocol is None
    dated = VOORBEELD.read_text("utf-8").replace('version: "0.1.0"', "version: 2026-01-01")
    assert loading.load_protocol_text(dated, "d.yaml").protocol is None
    assert entries("model") == []


def test_batch_results_equal_with_and_without_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    cold = validate_paths([str(PROTOCOLS)], jobs=1)
    warm = validate_paths([str(PROTOCOLS)], jobs=1)
    monkeypatch.setenv("MELDCODE_NO_CACHE", "1")
    uncached = validate_paths([str(PROTOCOLS)], jobs=1)
    assert cold == warm == uncached


def test_fast_path_prints_what_the_full_command_prints(
    proto: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = proto.with_name("kapot.yaml")
    broken.write_text(VOORBEELD.read_text("utf-8").replace("when: kinderen\n", "when: kindren\n"))
    monkeypatch.chdir(proto.parent)
    for fmt in ("text", "json", "github", "sarif"):
        outputs = []
        for _ in range(2):  # the first run fills the cache, the second is the fast path
            with pytest.raises(SystemExit) as exit_info:
                main(["--lang", "en", "validate", "-f", fmt, "-v", "voorbeeld.yaml", "kapot.yaml"])
            captured = capsys.readouterr()
            outputs.append((exit_info.value.code, captured.out, captured.err))
        assert outputs[0] == outputs[1], fmt
        assert outputs[0][0] == 1


def test_fast_path_declines_what_it_does_not_know(proto: Path) -> None:
    from meldcode_cli.cli.fastpath import try_validate

    check_file(proto)
    assert try_validate(["validate", str(proto)]) == 0
    assert try_validate(["validate", "--help"]) is None
    assert try_validate(["validate", "--jobs", "2", str(proto)]) is None
    assert try_validate(["validate", "-f", "xml", str(proto)]) is None
    assert try_validate(["--lang", "fr", "validate", str(proto)]) is None
    assert try_validate(["show", str(proto)]) is None


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "voorbeeld.yaml"],
        ["validate", "-f", "json", "kapot.yaml"],
        ["--lang", "en", "validate", "-v", "voorbeeld.yaml", "kapot.yaml"],
        ["validate", "-f", "sarif", "kapot.yaml"],
        ["validate", "missing.yaml"],
        ["validate", "voorbeeld.yaml", "missing.yaml"],
        ["validate", "."],
    ],
)
def test_uncached_fast_path_matches_the_full_command(
    proto: Path,
    args: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A file never seen before is checked without typer, with what typer would print."""
    from typer.testing import CliRunner

    from meldcode_cli.cli.app import make_app
    from meldcode_cli.cli.fastpath import try_validate
    from meldcode_cli.i18n.messages import set_lang

    broken = proto.with_name("kapot.yaml")
    broken.write_text(VOORBEELD.read_text("utf-8").replace("when: kinderen\n", "when: kindren\n"))
    monkeypatch.chdir(proto.parent)
    monkeypatch.setenv("MELDCODE_NO_CACHE", "1")  # every run a file never seen before
    code = try_validate(args)
    fast = capsys.readouterr()
    assert code is not None
    set_lang(None)
    full = CliRunner().invoke(make_app(), args)
    assert (code, fast.out, fast.err) == (full.exit_code, full.stdout, full.stderr)


def test_uncached_fast_path_fills_the_cache(
    proto: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from meldcode_cli.cli.fastpath import try_validate

    assert try_validate(["validate", str(proto)]) == 0
    assert len(entries("check")) == 1
    first = capsys.readouterr()
    assert try_validate(["validate", str(proto)]) == 0
    assert capsys.readouterr() == first


def test_fast_path_imports_neither_typer_nor_pydantic(proto: Path) -> None:
    check_file(proto)
    probe = (
        "import sys, json\n"
        "from meldcode_cli.cli.entry import main\n"
        "try:\n    main(['validate', sys.argv[1]])\n"
        "except SystemExit as e:\n    code = e.code\n"
        "sys.stderr.write('MODULES=' + json.dumps(sorted(sys.modules)) + '\\n')\n"
        "sys.exit(code)\n"
    )
    ran = subprocess.run(
        [sys.executable, "-c", probe, str(proto)],
        capture_output=True,
        text=True,
        check=False,
        env=dict(os.environ),
    )
    assert ran.returncode == 0, ran.stderr
    line = [x for x in ran.stderr.splitlines() if x.startswith("MODULES=")][-1]
    top = {m.split(".")[0] for m in json.loads(line[len("MODULES=") :])}
    assert not top & {"typer", "click", "pydantic", "yaml", "rich"}
    assert "1 in orde" in ran.stdout


def test_cross_file_duplicate_ids_are_found_from_cached_results(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    shutil.copy(VOORBEELD, tmp_path / "a" / "voorbeeld.yaml")
    shutil.copy(VOORBEELD, tmp_path / "b" / "voorbeeld.yaml")
    for _ in range(2):
        results = validate_paths([str(tmp_path)], jobs=1)
        assert [d.code for d in results[1].diagnostics] == ["MC215"]
    assert checker.PARALLEL_MIN_FILES > 2


HELP_PROBE = (
    "import sys, json\n"
    "from meldcode_cli.cli.entry import main\n"
    "try:\n    main(json.loads(sys.argv[1]))\n"
    "except SystemExit as e:\n    code = e.code\n"
    "sys.stderr.write('MODULES=' + json.dumps(sorted(sys.modules)) + '\\n')\n"
    "sys.exit(code)\n"
)


def help_run(*args: str, columns: str = "100") -> tuple[int, str, set[str]]:
    ran = subprocess.run(
        [sys.executable, "-c", HELP_PROBE, json.dumps(list(args))],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "COLUMNS": columns},
    )
    line = [x for x in ran.stderr.splitlines() if x.startswith("MODULES=")][-1]
    return ran.returncode, ran.stdout, {m.split(".")[0] for m in json.loads(line[8:])}


def test_help_is_rendered_once_then_served_from_the_cache() -> None:
    code, first, mods = help_run("--help")
    assert code == 0
    assert "typer" in mods
    assert "Opdrachten:" in first  # click's heading in Dutch (cli/chrome.py)
    code, second, mods = help_run("--help")
    assert code == 0
    assert second == first
    assert "typer" not in mods
    code, english, mods = help_run("--lang", "en", "-h")
    assert "typer" in mods  # another language: rendered and kept on its own
    assert "The Dutch reporting code" in english
    assert "Commands:" in english
    assert english != first
    _, narrow, mods = help_run("--help", columns="60")
    assert "typer" in mods  # another width: rendered anew
    assert max(len(line) for line in narrow.splitlines()) <= 60
    code, _, mods = help_run("validate", "--help")
    assert code == 0
    assert "typer" in mods  # only the top-level help is kept


EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.parametrize(
    "args",
    [
        [
            "start",
            "partnergeweld",
            "--answers",
            str(EXAMPLES / "casus-partnergeweld.yaml"),
            "--no-save",
        ],
        [
            "start",
            "partnergeweld",
            "--answers",
            str(EXAMPLES / "casus-partnergeweld.yaml"),
            "--no-save",
            "--role",
            "wijkagent",
        ],
        ["start", "bestaat-niet", "--no-save"],
        ["--lang", "en", "start", "bestaat-niet", "--no-save"],
        ["start", "partnergeweld", "--answers", "missing.yaml", "--no-save"],
    ],
)
def test_start_fast_path_matches_the_full_command(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    from typer.testing import CliRunner

    from meldcode_cli.cli.app import make_app
    from meldcode_cli.cli.fastpath import try_start

    code = try_start(args)
    fast = capsys.readouterr()
    assert code is not None
    from meldcode_cli.i18n.messages import set_lang

    set_lang(None)
    full = CliRunner().invoke(make_app(), args)
    assert (code, fast.out, fast.err) == (full.exit_code, full.stdout, full.stderr)


def test_start_fast_path_declines_what_it_does_not_know() -> None:
    from meldcode_cli.cli.fastpath import try_start

    for args in (
        ["start", "--help"],
        ["start"],
        ["start", "a", "b"],
        ["start", "a", "--role", "x", "--role", "y"],
        ["start", "a", "--colour"],
        ["start", "a", "--role"],
        ["show", "a"],
    ):
        assert try_start(args) is None, args


def test_fingerprint_follows_the_libraries(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import importlib.util
    from types import SimpleNamespace

    fake = tmp_path / "pydantic_init.py"
    fake.write_text("v1")
    real = importlib.util.find_spec

    def find_spec(name: str, *args: object) -> object:
        if name == "pydantic":
            return SimpleNamespace(origin=str(fake))
        return real(name, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    monkeypatch.setattr(cache, "_fingerprint", None)
    before = cache.tool_fingerprint()
    fake.write_text("version 2, a different size")
    monkeypatch.setattr(cache, "_fingerprint", None)
    assert cache.tool_fingerprint() != before


def test_the_fingerprint_reads_the_shipped_ketenkaart_files() -> None:
    from meldcode_cli.chain.ketenkaart import shipped_ketenkaart_dir

    files = cache._shipped_files("ketenkaart")
    assert files
    assert files == sorted(shipped_ketenkaart_dir().glob("*.yaml"))


def test_the_ketenkaart_is_part_of_the_key(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # MC511 in a kept result depends on the shipped ketenkaart: an edited kaart (in a
    # checkout) is a new fingerprint, so no result of the older kaart is read
    before = cache.tool_fingerprint()
    kaart = cache._shipped_files("ketenkaart")[0]
    copy = tmp_path / kaart.name
    copy.write_bytes(kaart.read_bytes() + b"\n# edited\n")
    monkeypatch.setattr(cache, "_shipped_files", lambda _name: [copy])
    monkeypatch.setattr(cache, "_fingerprint", None)
    assert cache.tool_fingerprint() != before


def test_partner_ids_come_from_the_cache_the_second_time(
    proto: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from meldcode_cli.chain import ketenkaart

    kinder = proto.with_name("kindermishandeling.yaml")
    shutil.copy(PROTOCOLS / "kindermishandeling.yaml", kinder)
    first = check_file(kinder)
    assert len(entries("partners")) == 1
    kinder.write_text(kinder.read_text("utf-8") + "\n# edited\n", encoding="utf-8")

    def boom() -> frozenset[str]:
        raise AssertionError("ketenkaart loaded again")

    monkeypatch.setattr(ketenkaart, "partner_ids", boom)
    again = check_file(kinder)
    assert [d.code for d in again.diagnostics] == [d.code for d in first.diagnostics]
    # a kept list that is not a list of ids is not used
    (entry,) = entries("partners")
    key = json.loads(entry.read_bytes())["key"]
    cache.put("partners", key, {"not": "a list"})
    monkeypatch.setattr(ketenkaart, "partner_ids", lambda: frozenset({"veilig-thuis"}))
    kinder.write_text(kinder.read_text("utf-8") + "# again\n", encoding="utf-8")
    assert check_file(kinder).diagnostics is not None
    assert cache.get("partners", key) == ["veilig-thuis"]
