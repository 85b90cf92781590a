"""The pre-commit hooks (.pre-commit-hooks.yaml), run by pre-commit against a sample repository
the way a protocol owner would: ``pre-commit try-repo`` installs this checkout as the hook."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import PROTOCOLS, ROOT

OFFLINE_MARKERS = (
    "Could not find a version",
    "No matching distribution",
    "Failed to establish a new connection",
    "Temporary failure in name resolution",
    "Network is unreachable",
)


def test_hook_definitions() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"meldcode-validate", "meldcode-test"}
    assert hooks["meldcode-validate"]["entry"] == "meldcode validate"
    assert hooks["meldcode-validate"]["require_serial"] is True
    assert hooks["meldcode-test"]["pass_filenames"] is False
    assert all(h["language"] == "python" for h in hooks.values())


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=ci@example.org", "-c", "user.name=ci", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def hook_repository(target: Path) -> Path:
    """This checkout as it is on disk (tracked and new files, not ignored ones), committed in
    a repository of its own: what ``rev:`` would point at once it is committed."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout.split(b"\0")
    for raw in listed:
        if not raw:
            continue
        name = raw.decode()
        src = ROOT / name
        if src.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, target / name)
    git(target, "init", "-q")
    git(target, "add", "-A")
    git(target, "commit", "-qm", "hooks")
    return target


def try_repo(hooks: Path, repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pre_commit",
            "try-repo",
            str(hooks),
            "--all-files",
            "--color=never",
        ],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


@pytest.mark.timeout(900)
def test_pre_commit_runs_both_hooks_on_a_sample_repository(tmp_path: Path) -> None:
    pytest.importorskip(
        "pre_commit", reason="pre-commit is not installed (pip install -e '.[dev]')"
    )
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout of meldcode-cli")
    repo = tmp_path / "protocollen"
    (repo / "protocols" / "scenarios").mkdir(parents=True)
    shutil.copy(PROTOCOLS / "voorbeeld.yaml", repo / "protocols")
    shutil.copy(
        PROTOCOLS / "scenarios" / "voorbeeld.scenarios.yaml", repo / "protocols" / "scenarios"
    )
    (repo / "ci.yaml").write_text("not: a protocol\n")  # outside the hooks' files: pattern
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "protocollen")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRE_COMMIT", "GIT_"))}
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit-home")
    env["NO_COLOR"] = "1"

    hooks = hook_repository(tmp_path / "meldcode-cli")
    ran = try_repo(hooks, repo, env)
    output = ran.stdout + ran.stderr
    if ran.returncode != 0 and any(m in output for m in OFFLINE_MARKERS):
        pytest.skip("pre-commit could not install the hook environment (no package index)")
    assert ran.returncode == 0, output
    assert "meldcode validate" in output
    assert "meldcode test" in output
    assert output.count("Passed") >= 2

    broken = (repo / "protocols" / "voorbeeld.yaml").read_text("utf-8")
    broken = broken.replace("        when: kinderen\n", "        wen: kinderen\n", 1)
    (repo / "protocols" / "voorbeeld.yaml").write_text(broken, "utf-8")
    git(repo, "add", "-A")
    ran = try_repo(hooks, repo, env)  # the environment is reused: this run installs nothing
    output = ran.stdout + ran.stderr
    assert ran.returncode == 1, output
    assert "Failed" in output
    assert "protocols/voorbeeld.yaml:" in output
    assert "MC102 onbekend veld 'wen'" in output
