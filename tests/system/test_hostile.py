"""Hostile input on every JSON and YAML surface: never exit 3, never a traceback.

Each surface is a file meldcode reads; each example damages that one file in a copy of a
home with a profile and a signed case, runs the commands that read it, and requires a
clear exit (0, 1 or 2). ``pytest -m fuzz`` runs thousands per surface.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meldcode_cli.files import jsonio
from meldcode_cli.walk.casestore import CaseStore, read_journal
from tests.hostile_helpers import (
    EXAMPLE,
    RAW_BOMBS,
    copy_home,
    damaged,
    make_home,
    run,
    secret,
    yaml_bombs,
)

QUICK = settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
LONG = settings(
    max_examples=1500,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    base = tmp_path_factory.mktemp("hostile-template")
    old = os.environ.get("MELDCODE_HOME")
    os.environ["MELDCODE_HOME"] = str(base / "home")
    try:
        yield make_home(base)
    finally:
        if old is None:
            del os.environ["MELDCODE_HOME"]
        else:
            os.environ["MELDCODE_HOME"] = old


CASE = Path("cases/c1")
RECORD = CASE / "records/0001-decision.json"
SURFACES: dict[str, tuple[Path, list[list[str]]]] = {
    "record": (
        RECORD,
        [["verify", "{home}/" + str(RECORD)], ["report", "c1"], ["debrief", "{home}/cases"]],
    ),
    "journal": (
        CASE / "journal.jsonl",
        [["cases"], ["report", "c1"], ["verify", "{home}/cases/c1/records"], ["sign", "c1"]],
    ),
    "summary": (CASE / "case.json", [["cases"], ["cases", "--format", "json"]]),
    "profile": (Path("config/profile.json"), [["key", "export"], ["sign", "c1"]]),
    "keyring": (
        Path("config/keyring.json"),
        [["verify", "{home}/" + str(RECORD)], ["key", "export"], ["report", "c1"]],
    ),
    "key": (Path("config/keys/current.key"), [["key", "export"], ["key", "rotate"]]),
}


def attack(template: Path, surface: str, data: bytes) -> None:
    rel, commands = SURFACES[surface]
    with tempfile.TemporaryDirectory() as tmp:
        home = copy_home(template, Path(tmp) / "home")
        pw = secret(Path(tmp) / "pw")
        os.environ["MELDCODE_HOME"] = str(home)
        target = home / rel
        target.write_bytes(data)
        for cmd in commands:
            args = [a.replace("{home}", str(home)) for a in cmd]
            if args[0] == "sign" or args[:2] == ["key", "rotate"]:
                args += ["--passphrase-file", str(pw)]
            if args[:2] == ["key", "rotate"]:
                args += ["--new-passphrase-file", str(pw)]
            code, out, err = run(*args)
            assert code in (0, 1, 2), (surface, args, code, out, err)
            assert "Traceback" not in out + err
            assert "Interne fout" not in err, err


def original(template: Path, surface: str) -> bytes:
    rel = SURFACES[surface][0]
    raw = (template / rel).read_bytes()
    if surface == "journal":  # damage one line of the journal, keep the rest
        return raw
    return raw


@pytest.mark.parametrize("surface", sorted(SURFACES))
def test_bombs_on_every_json_surface(
    template: Path, surface: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MELDCODE_HOME", str(template))
    for bomb in RAW_BOMBS:
        data = bomb
        if surface == "journal":  # a good first line and a bomb after it
            first = (template / SURFACES[surface][0]).read_bytes().split(b"\n")[0]
            data = first + b"\n" + bomb + b"\n"
        attack(template, surface, data)


def _journal_damage(template: Path) -> st.SearchStrategy[bytes]:
    lines = (template / CASE / "journal.jsonl").read_bytes().split(b"\n")[:-1]

    @st.composite
    def one(draw: st.DrawFn) -> bytes:
        i = draw(st.integers(0, len(lines) - 1))
        line = draw(damaged(lines[i]))
        return b"\n".join([*lines[:i], line, *lines[i + 1 :]]) + b"\n"

    return one()


def _strategy(template: Path, surface: str) -> st.SearchStrategy[bytes]:
    if surface == "journal":
        return _journal_damage(template)
    return damaged((template / SURFACES[surface][0]).read_bytes())


@pytest.mark.parametrize("surface", sorted(SURFACES))
def test_damaged_files_never_crash(
    template: Path, surface: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MELDCODE_HOME", str(template))

    @QUICK
    @given(data=_strategy(template, surface))
    def check(data: bytes) -> None:
        attack(template, surface, data)

    check()


@pytest.mark.fuzz
@pytest.mark.timeout(0)
@pytest.mark.parametrize("surface", sorted(SURFACES))
def test_fuzz_long(template: Path, surface: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MELDCODE_HOME", str(template))

    @LONG
    @given(data=_strategy(template, surface))
    def check(data: bytes) -> None:
        attack(template, surface, data)

    check()


# --- YAML surfaces -----------------------------------------------------------------------

YAML_COMMANDS = {
    "protocol": ["validate"],
    "scenarios": ["test"],
    "casus": ["casus", "validate"],
    "answers": ["start", "partnergeweld", "--no-save", "--no-sign", "--answers"],
}


def _yaml_text() -> st.SearchStrategy[str]:
    base = Path(EXAMPLE).read_text(encoding="utf-8")
    cut = st.integers(0, len(base)).map(lambda n: base[:n])
    return st.one_of(yaml_bombs, cut, st.text(max_size=200))


@pytest.mark.parametrize("surface", sorted(YAML_COMMANDS))
def test_malformed_yaml_never_crashes(tmp_path: Path, surface: str) -> None:
    @QUICK
    @given(text=_yaml_text())
    def check(text: str) -> None:
        suffix = {"scenarios": ".scenarios.yaml", "casus": ".casus.yaml"}.get(surface, ".yaml")
        path = tmp_path / f"x{suffix}"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        code, out, err = run(*YAML_COMMANDS[surface], str(path))
        assert code in (0, 1, 2), (surface, text[:200], code, out, err)
        assert "Interne fout" not in err

    check()


@pytest.mark.parametrize(
    "text", ["x: !!int 0xZZ\n", "x: !!float abc\n", "x: !!bool misschien\n"], ids=str
)
def test_explicit_tags_with_bad_values_are_diagnostics(tmp_path: Path, text: str) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    code, out, err = run("validate", str(path))
    assert code == 1, out + err
    assert "p.yaml:1:" in out


# --- the loader itself ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b'{"a": 1, "a": 2}', "twee keer"),
        (b"[1e999]", "RFC 8785"),
        (b"[9007199254740993]", "RFC 8785"),
        (b'{"x": NaN}', "RFC 8785"),
        (b"[" * 100 + b"]" * 100, "dieper genest"),
        (b"[" * 100_000, "dieper genest"),
        (b'"\xff"', "UTF-8"),
        (b"\xef\xbb\xbf{}", "BOM"),
        (b'["\\udc00"]', "surrogaat"),
        (b'{"a": }', "regel 1, kolom 7"),
    ],
)
def test_loader_refuses_with_a_message(raw: bytes, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        jsonio.parse_json(raw)


def test_loader_refuses_fifo_and_devices_without_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(jsonio.JsonFileError, match="geen gewoon bestand"):
        jsonio.load_json_file(fifo)  # would block forever if it were opened for reading
    with pytest.raises(jsonio.JsonFileError, match="geen gewoon bestand"):
        jsonio.load_json_file(Path("/dev/zero"))
    with pytest.raises(jsonio.JsonFileError, match="geen gewoon bestand"):
        jsonio.load_json_file(tmp_path)


def test_loader_refuses_a_large_file_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as f:
        f.truncate(1024**3)  # sparse: 1 GB that takes no space
    with pytest.raises(jsonio.JsonFileError, match="te groot"):
        jsonio.load_json_file(big, limit=jsonio.LIMIT_RECORD)


def _peak_rss_of(args: list[str], env: dict[str, str]) -> tuple[int, str, int]:
    """Exit code, stderr and the peak resident memory (bytes) of a fresh process."""
    code = (
        "import resource, subprocess, sys\n"
        "p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(p.returncode, rss)\n"
        "sys.stderr.write(p.stderr)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )
    rc, rss = proc.stdout.split()
    return int(rc), proc.stderr, int(rss) * 1024


@pytest.mark.parametrize("kind", ["dev-zero", "sparse-1g"])
def test_verify_refuses_bombs_with_little_memory(tmp_path: Path, kind: str) -> None:
    if kind == "dev-zero":
        target = "/dev/zero"
    else:
        big = tmp_path / "0001-decision.json"
        with big.open("wb") as f:
            f.truncate(1024**3)
        target = str(big)
    env = {**os.environ, "MELDCODE_HOME": str(tmp_path / "home")}
    rc, err, rss = _peak_rss_of([sys.executable, "-m", "meldcode_cli", "verify", target], env)
    assert rc == 2, err
    assert "geen gewoon bestand" in err or "te groot" in err
    assert rss < 100 * 1024 * 1024, rss


# --- regressions per bug class of the issue --------------------------------------------------


@pytest.fixture
def home(template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    h = copy_home(template, tmp_path / "home")
    monkeypatch.setenv("MELDCODE_HOME", str(h))
    secret(tmp_path / "pw")
    return h


def _record(home: Path) -> dict:  # type: ignore[type-arg]
    return json.loads((home / RECORD).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_deeply_nested_record_is_exit_2(home: Path) -> None:
    (home / RECORD).write_text('{"record": ' + "[" * 5000 + "]" * 5000 + ', "signature": null}')
    code, _, err = run("verify", str(home / RECORD))
    assert code == 2
    assert "dieper genest" in err
    assert "0001-decision.json" in err


def test_out_of_range_number_in_record_is_refused_at_load(home: Path) -> None:
    env = _record(home)
    env["record"]["sequence"] = 2**60
    (home / RECORD).write_text(json.dumps(env))
    code, _, err = run("verify", str(home / RECORD))
    assert code == 2
    assert "RFC 8785" in err
    code, _, err = run("report", "c1")
    assert code == 2
    assert "RFC 8785" in err


def test_duplicate_key_in_record_is_refused(home: Path) -> None:
    text = (home / RECORD).read_text(encoding="utf-8")
    text = text.replace('"melden": ', '"melden": true, "melden": ', 1)
    (home / RECORD).write_text(text)
    code, _, err = run("verify", str(home / RECORD))
    assert code == 2
    assert "twee keer" in err


def test_journal_line_of_wrong_shape_with_valid_checksum_is_recovered(home: Path) -> None:
    from meldcode_cli.walk.casestore import _checksum

    journal = home / CASE / "journal.jsonl"
    lines = journal.read_bytes().split(b"\n")[:-1]
    bad = {"seq": len(lines), "type": "answer", "at": "x", "item": ["not", "a", "str"]}
    bad["crc"] = _checksum(bad)
    journal.write_bytes(b"\n".join(lines) + b"\n" + json.dumps(bad).encode() + b"\n")
    read = read_journal(journal)
    assert read.lost_lines == 1
    assert len(read.entries) == len(lines)
    code, _, err = run("report", "c1")
    assert code in (0, 1), err


def test_journal_with_invalid_utf8_is_recovered_like_a_torn_tail(home: Path) -> None:
    journal = home / CASE / "journal.jsonl"
    journal.write_bytes(journal.read_bytes() + b'{"seq": \xff\xfe}\n')
    case = CaseStore(home).open("c1")
    assert case.recovered is not None
    assert case.recovered.lost_lines == 1
    assert any(p.name.startswith("journal.jsonl.beschadigd-") for p in (home / CASE).iterdir())


def test_summary_of_wrong_shape_is_rebuilt(home: Path) -> None:
    (home / CASE / "case.json").write_text('{"follow_up_due": "morgen", "label": "c1"}')
    code, out, err = run("cases")
    assert code == 0, err
    assert "c1" in out
    (home / CASE / "case.json").write_text('{"follow_up_due": 5, "label": []}')
    code, out, err = run("cases")
    assert code == 0, err
    assert "c1" in out


def test_keyring_and_key_bombs_are_exit_2(home: Path, tmp_path: Path) -> None:
    (home / "config/keyring.json").write_text("[" * 5000)
    code, _, err = run("key", "export")
    assert code == 2
    assert "keyring.json" in err
    (home / "config/keys/current.key").write_text('{"kdf": {"name": "scrypt", "n": 1073741824}}')
    code, _, err = run(
        "key",
        "rotate",
        "--passphrase-file",
        str(tmp_path / "pw"),
        "--new-passphrase-file",
        str(tmp_path / "pw"),
    )
    assert code == 2, err  # a hostile scrypt cost is refused, not computed


def test_unreadable_case_is_named_and_the_others_listed(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (home / "cases/c2").mkdir()
    (home / "cases/c2/journal.jsonl").write_bytes((home / CASE / "journal.jsonl").read_bytes())
    real_open = os.open

    def denied(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if "c2" in str(path) and "journal" in str(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", denied)  # as root, chmod 000 would not stop a read
    code, out, err = run("cases")
    assert code == 0, err
    assert "c1" in out
    assert "onleesbaar: c2" in out
    assert "geen toestemming" in out
    code, _, err = run("sign", "c2", "--no-sign")
    assert code == 2
    assert "c2" in err
    assert "geen toestemming" in err


def test_socket_guard_is_active() -> None:
    import socket

    with pytest.raises(AssertionError, match="network"):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(AssertionError, match="network"):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)


def test_malformed_betrokkenen_never_crashes(
    template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = copy_home(template, tmp_path / "home")
    monkeypatch.setenv("MELDCODE_HOME", str(home))
    path = tmp_path / "betrokkenen.yaml"

    @QUICK
    @given(text=st.one_of(yaml_bombs, st.text(max_size=200)))
    def check(text: str) -> None:
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        for extra in ([], ["--advies"]):
            code, out, err = run("report", "c1", "--betrokkenen", str(path), *extra)
            assert code in (0, 1, 2), (text[:200], code, out, err)
            assert "Interne fout" not in err

    check()
