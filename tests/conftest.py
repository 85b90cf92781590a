from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from meldcode_cli.i18n.messages import set_lang
from meldcode_cli.protocol.compiled import CompiledProtocol, compile_protocol
from meldcode_cli.protocol.loading import load_protocol_file, load_protocol_text

ROOT = Path(__file__).resolve().parent.parent
PROTOCOLS = ROOT / "protocols"
VOORBEELD = PROTOCOLS / "voorbeeld.yaml"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--windows-branches",
        action="store_true",
        help="force the Windows branches of meldcode_cli.files.oscompat (icacls simulated)",
    )


ICACLS_CALLS: list[Path] = []


def _simulated_icacls(path: Path) -> None:
    """What icacls needs: an existing folder. Recorded so tests can see it was asked."""
    if not path.is_dir():
        raise OSError(2, f"icacls: {path}: no such folder")
    ICACLS_CALLS.append(path)


@pytest.fixture(autouse=True)
def windows_branches(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Under ``--windows-branches`` every test runs with ``oscompat.WINDOWS`` true."""
    forced = bool(request.config.getoption("--windows-branches"))
    if forced:
        if request.node.get_closest_marker("posix_only"):
            pytest.skip("checks POSIX file modes; --windows-branches forces the Windows branch")
        from meldcode_cli.files import oscompat

        monkeypatch.setattr(oscompat, "WINDOWS", True)
        monkeypatch.setattr(oscompat, "run_icacls", _simulated_icacls)
    return forced


@pytest.fixture(autouse=True)
def isolation(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Path]:
    """The one isolation fixture, for every test: a fresh ``MELDCODE_HOME`` (never the
    developer's real cases, profile or keys), no colour, 100 columns, a dumb terminal and the
    default language, reset again afterwards. Tests that need the home ask for ``home``."""
    home = tmp_path_factory.mktemp("meldcode-home")
    monkeypatch.setenv("MELDCODE_HOME", str(home))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.delenv("MELDCODE_LANG", raising=False)
    set_lang(None)
    yield home
    set_lang(None)


@pytest.fixture
def home(isolation: Path) -> Path:
    """This test's ``MELDCODE_HOME`` (set by ``isolation``). A module may override it to
    prepare the home, asking for this one by the same name."""
    return isolation


def terminal_env(home: Path | None = None, columns: int = 100) -> dict[str, str]:
    """The environment for a ``meldcode`` child on a (pseudo-)terminal: this process's
    isolated one, with colour allowed, ``TERM=xterm``, the given width and, when given, that
    home."""
    drop = ("CI", "NO_COLOR", "MELDCODE_DEBUG")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    if home is not None:
        env["MELDCODE_HOME"] = str(home)
    env["TERM"] = "xterm"
    env["COLUMNS"] = str(columns)
    return env


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """The data never leaves the machine: any socket use in any test fails it. (Unix
    socketpairs, which asyncio and prompt_toolkit use inside the process, stay allowed.)"""
    import socket

    real_init = socket.socket.__init__

    def guarded_init(self: socket.socket, family: int = -1, *args: Any, **kwargs: Any) -> None:
        if family in (socket.AF_INET, socket.AF_INET6, -1):
            raise AssertionError(f"a test tried to open a network socket ({family})")
        real_init(self, family, *args, **kwargs)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"a test tried to reach the network: {args[:1]}")

    monkeypatch.setattr(socket.socket, "__init__", guarded_init)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def compile_text(text: str) -> CompiledProtocol:
    loaded = load_protocol_text(text, "test.yaml")
    assert loaded.protocol is not None, loaded.diagnostics
    compiled, diags = compile_protocol(loaded.protocol)
    assert compiled is not None, diags
    return compiled


@pytest.fixture(scope="session")
def voorbeeld() -> CompiledProtocol:
    loaded = load_protocol_file(VOORBEELD)
    assert loaded.protocol is not None
    compiled, diags = compile_protocol(loaded.protocol)
    assert compiled is not None, diags
    return compiled


MINIMAL = """\
schema_version: 1
id: mini
title: Mini
version: "1.0"
roles: [huisarts, wijkagent]
steps:
  - step: 1
    title: Signalen
    items:
{step1}
  - step: 2
    title: Consultatie
    items:
      - id: consult
        kind: yes_no
        text: Overlegd?
  - step: 3
    title: Gesprek
    items:
      - id: gesprek
        kind: yes_no
        text: Gesprek gevoerd?
  - step: 4
    title: Wegen
    items:
      - id: weging
        kind: text
        nature: interpretatie
        text: Weging
  - step: 5
    title: Beslissen
    items:
      - kind: afwegingskader
{step5}
"""

DEFAULT_STEP1 = """\
      - id: signaal
        kind: yes_no
        text: Signaal?"""


def minimal(step1: str = DEFAULT_STEP1, step5: str = "") -> str:
    return MINIMAL.format(step1=step1, step5=step5)
