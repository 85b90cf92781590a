"""Small line-based questions outside the walk (role, signing choice, profile fields).

Plain lines on the given streams, so they work on any terminal, under a screen reader, and
in tests; end of input raises EOFError like every prompt in meldcode.
"""

from __future__ import annotations

from typing import TextIO

from meldcode_cli.messages import t

__all__ = ["ask_numbered", "ask_text", "read_line"]


def read_line(stdin: TextIO, stdout: TextIO, prompt: str = "> ") -> str:
    stdout.write(prompt)
    stdout.flush()
    line = stdin.readline()
    if line == "":
        raise EOFError
    return line.strip()


def ask_numbered(title: str, options: list[str], stdin: TextIO, stdout: TextIO) -> int:
    """1-based number of the chosen option; asks again until the answer is one."""
    stdout.write("\n".join(["", title, *(f"  {i}) {o}" for i, o in enumerate(options, 1))]) + "\n")
    while True:
        raw = read_line(stdin, stdout)
        if raw.isdigit() and 1 <= int(raw) <= len(options):
            return int(raw)
        stdout.write(t("walk.role.again", n=len(options)) + "\n")


def ask_text(label: str, stdin: TextIO, stdout: TextIO, *, optional: bool = False) -> str | None:
    """A line of text; asked again while empty unless ``optional``."""
    while True:
        value = read_line(stdin, stdout, label + " ")
        if value or optional:
            return value or None
        stdout.write(t("key.required") + "\n")
