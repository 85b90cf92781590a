"""Asking for a passphrase: without echo on the terminal (``getpass``, no prompt library),
a new one twice; or read from a private file (``--passphrase-file``)."""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable
from pathlib import Path

from meldcode_cli.i18n.messages import t
from meldcode_cli.record.passphrase import MIN_PASSPHRASE, read_passphrase_file
from meldcode_cli.record.profile import ProfileError

__all__ = ["passphrase_source"]

MAX_NEW_PASSPHRASE_TRIES = 5


def passphrase_source(
    file: Path | None, *, confirm: bool = False, prompt_key: str = "key.passphrase"
) -> Callable[[], str]:
    """A function that returns the passphrase: from a private file, or asked without echo."""
    if file is not None:
        return lambda: read_passphrase_file(file)

    asked = [0]

    def ask() -> str:
        try:
            return _ask()
        except KeyboardInterrupt:  # Ctrl-C at the prompt: the message on a line of its own
            sys.stderr.write("\n")
            sys.stderr.flush()
            raise

    def _ask() -> str:
        if not sys.stdin.isatty():
            raise ProfileError("key.no_tty")
        if not confirm:
            # asked again only when the one before did not open the key (unlock_asking)
            if asked[0]:
                sys.stderr.write(t("key.passphrase.wrong.again") + "\n")
                sys.stderr.flush()
            asked[0] += 1
            return getpass.getpass(t(prompt_key) + " ")
        # a new passphrase: too short or not repeated the same is asked again, not fatal
        for _ in range(MAX_NEW_PASSPHRASE_TRIES):
            first = getpass.getpass(t(prompt_key) + " ")
            if len(first) < MIN_PASSPHRASE:
                sys.stdout.write(t("key.passphrase.short", n=MIN_PASSPHRASE) + "\n")
                sys.stdout.flush()
                continue
            second = getpass.getpass(t("key.passphrase.again") + " ")
            if first == second:
                return first
            sys.stdout.write(t("key.passphrase.mismatch.again") + "\n")
            sys.stdout.flush()
        raise ProfileError("key.passphrase.gave_up")

    return ask
