"""The passphrase rules of the record layer: how long a new one must be, and a passphrase
file (``--passphrase-file``, for scripts) that must be private to the user. Asking for one
on a terminal is the prompt layer's (:mod:`meldcode_cli.walk.prompt.passphrase`)."""

from __future__ import annotations

from pathlib import Path

from meldcode_cli.files.jsonio import os_error_reason
from meldcode_cli.record.profile import ProfileError

__all__ = ["MIN_PASSPHRASE", "read_passphrase_file"]

MIN_PASSPHRASE = 8


def read_passphrase_file(file: Path) -> str:
    """The passphrase in ``file`` (without the line end); ProfileError when it cannot be
    read or others can read it."""
    from meldcode_cli.files import oscompat

    try:
        private = oscompat.is_private_file(file)
        text = file.read_text(encoding="utf-8")
    except OSError as e:
        raise ProfileError(
            "error.passphrase_file.unreadable", file=file, error=os_error_reason(e)
        ) from None
    if not private:
        raise ProfileError("error.keyflow.is_leesbaar_voor_anderen", file=file)
    return text.rstrip("\r\n")
