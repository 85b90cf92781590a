"""Small line-based questions outside the walk (role, signing choice, profile fields).

Plain lines on the given streams, so they work on any terminal, under a screen reader, and
in tests; end of input raises EOFError like every prompt in meldcode.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TextIO

from meldcode_cli.i18n.messages import t, tn

if TYPE_CHECKING:
    from meldcode_cli.walk.session import ResumeInfo

__all__ = [
    "ask_numbered",
    "ask_text",
    "read_line",
    "report_recovery",
    "report_signed",
    "wrap_lines",
    "write_lines",
]


def wrap_lines(lines: list[str], width: int) -> list[str]:
    """Lines broken at word boundaries to ``width`` (at least 40); a continuation keeps
    the line's indentation plus two, so a wrapped item still reads as one."""
    import re
    import textwrap

    width = max(40, width)
    out: list[str] = []
    for raw in lines:
        # a command to type (meldcode resume LABEL) stays on one line, so it copies whole
        line = re.sub(
            r"meldcode(?: --?[a-z-]+)*(?: [a-z]+)(?: [^\s'\"]+)?",
            lambda m: m.group(0).replace(" ", "\u00a0"),
            raw,
        )
        for part in line.split("\n"):
            if len(part) <= width:
                out.append(part.replace("\u00a0", " "))
                continue
            indent = part[: len(part) - len(part.lstrip())]
            wrapped = textwrap.wrap(
                part,
                width=width,
                subsequent_indent=indent + "  ",
                break_long_words=False,
                break_on_hyphens=False,
            )
            out.extend(w.replace("\u00a0", " ") for w in wrapped)
    return out


def _real_terminal(stream: TextIO) -> bool:
    import os

    try:
        return os.isatty(stream.fileno())
    except (OSError, ValueError):  # io.UnsupportedOperation is both: not a real terminal
        return False


def write_lines(stdout: TextIO, *lines: str) -> None:
    """Write lines; to a terminal, wrapped at word boundaries so nothing is broken mid-word."""
    if _real_terminal(stdout):
        import shutil

        lines = tuple(wrap_lines(list(lines), shutil.get_terminal_size().columns - 1))
    for line in lines:
        stdout.write(line + "\n")
    stdout.flush()


def read_line(stdin: TextIO, stdout: TextIO, prompt: str = "> ") -> str:
    stdout.write(prompt)
    stdout.flush()
    line = stdin.readline()
    if line == "":
        raise EOFError
    return line.strip()


def ask_numbered(title: str, options: list[str], stdin: TextIO, stdout: TextIO) -> int:
    """1-based number of the chosen option; asks again until the answer is one."""
    write_lines(stdout, "", title, *(f"  {i}) {o}" for i, o in enumerate(options, 1)))
    while True:
        raw = read_line(stdin, stdout)
        if raw.isdigit() and 1 <= int(raw) <= len(options):
            return int(raw)
        write_lines(stdout, t("walk.role.again", n=len(options)))


def ask_text(label: str, stdin: TextIO, stdout: TextIO, *, optional: bool = False) -> str | None:
    """A line of text; asked again while empty unless ``optional``."""
    while True:
        value = read_line(stdin, stdout, label + " ")
        if value or optional:
            return value or None
        write_lines(stdout, t("key.required"))


def report_recovery(info: ResumeInfo, stdout: TextIO) -> None:
    """Say what resuming found: a damaged journal tail dropped, or a changed protocol."""
    if info.lost_lines:
        write_lines(stdout, tn("walk.recovered", info.lost_lines, problem=info.problem or ""))
    if info.protocol_changed:
        write_lines(stdout, t("walk.protocol_changed"))


def report_signed(out: Any, stdout: TextIO) -> None:
    if out.training:
        stdout.write(t("key.training_record", path=out.path) + "\n")
    else:
        stdout.write(t("key.signed", path=out.path, fp=out.fingerprint, kind=out.kind) + "\n")
    stdout.flush()
