"""Where a passphrase comes from: a private file (``--passphrase-file``) or asked without echo,
a new one asked twice. No prompt library: ``getpass`` only."""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable
from pathlib import Path

from meldcode_cli.i18n.messages import t
from meldcode_cli.record.profile import ProfileError

MIN_PASSPHRASE = 8
MAX_NEW_PASSPHRASE_TRIES = 5


def passphrase_source(
    file: Path | None, *, confirm: bool = False, prompt_key: str = "key.passphrase"
) -> Callable[[], str]:
    """A function that returns the passphrase: from a private file, or asked without echo."""
    if file is not None:

        def from_file() -> str:
            from meldcode_cli.files import oscompat

            try:
                private = oscompat.is_private_file(file)
                text = file.read_text(encoding="utf-8")
            except OSError as e:
                raise ProfileError(f"--passphrase-file {file}: {e.strerror}") from None
            if not private:
                raise ProfileError("error.keyflow.is_leesbaar_voor_anderen", file=file)
            return text.rstrip("\r\n")

        return from_file

    def ask() -> str:
        if not sys.stdin.isatty():
            raise ProfileError(t("key.no_tty"))
        if not confirm:
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
        raise ProfileError(t("key.passphrase.gave_up"))

    return ask
