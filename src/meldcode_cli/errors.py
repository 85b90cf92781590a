"""The one error hierarchy. Every problem the user can act on is a :class:`MeldcodeError`:
it carries a catalogue key and its parameters, and the exit code it ends a command with.
The core raises them and never prints; the edge (``cli.exits.guard_core``, used by every
command and by the typer-free fast paths) translates the key in the chosen language and
maps the class to the exit code:

==================  ====  ==============================================================
class               exit  meaning
==================  ====  ==============================================================
InputError          2     usage or input: a file, option, case, answer or key the user
                          can correct (``UsageError`` adds the "Gebruiksfout:" prefix)
KeyProblem          2     the profile or key cannot be used (``record.profile.PassphraseRejected``:
                          the passphrase did not open the key; sign re-asks on exactly it)
CheckFailed         1     the command ran and its check said no (a refused report, a
                          tampered or unknown-signer monitor export)
Interrupted         130   Ctrl-C, SIGTERM, SIGHUP; what was saved stays saved
(anything else)     3     a bug: named, no traceback (``MELDCODE_DEBUG=1`` shows it)
==================  ====  ==============================================================

Exit 3 stays "internal error" (as documented since 0.1): a key or trust problem is either
an input problem (2: wrong passphrase, unreadable key file) or a failed check (1: a
signature that does not verify), so it needs no code of its own.

Older code raises some of these with a ready-made text instead of a key
(``CaseError("...")``): a text that is not a catalogue key is shown as it is. Standard
library only, no I/O: the engine may raise these.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

__all__ = [
    "CaseError",
    "CheckFailed",
    "InputError",
    "Interrupted",
    "KeyProblem",
    "MeldcodeError",
    "Text",
    "UsageError",
]


Translator = Callable[..., str | None]
"""``(key, **params) -> text``, or None for a key the catalogue does not have."""

_translate: Translator | None = None


def install_translator(translate: Translator) -> None:
    """Called by :mod:`meldcode_cli.i18n.messages` when it is imported: this module (used by
    the pure core) imports no catalogue; the edge, which shows messages, brings it."""
    global _translate  # noqa: PLW0603 - one translator per process
    _translate = translate


def _say(key: str, params: dict[str, object]) -> str:
    if _translate is None:  # nothing that shows messages is loaded: the key is the text
        return key
    text = _translate(key, **params)
    return key if text is None else text  # a legacy literal text is shown as it is


class Text:
    """A catalogue text used as a parameter of another (``what=Text("error.what.key")``):
    translated when the message is shown, like the message itself."""

    def __init__(self, key: str, /, **params: object) -> None:
        self.key = key
        self.params = params

    def __str__(self) -> str:
        return _say(self.key, self.params)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Text):
            return NotImplemented
        return self.key == other.key and self.params == other.params

    def __hash__(self) -> int:
        return hash((self.key, tuple(sorted(self.params))))

    def __repr__(self) -> str:
        args = "".join(f", {k}={v!r}" for k, v in self.params.items())
        return f"Text({self.key!r}{args})"


class MeldcodeError(Exception):
    """A problem the user can act on: catalogue ``key`` + ``params``, shown by the edge."""

    exit_code: ClassVar[int] = 2
    prefix_key: ClassVar[str | None] = None
    """A catalogue key put before the message ("Gebruiksfout"), or None."""

    def __init__(self, key: str, /, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    @property
    def message(self) -> str:
        """The text in the current language (a legacy literal text as it is)."""
        return _say(self.key, self.params)

    def display(self) -> str:
        """The message as the edge prints it after ``meldcode: ``."""
        if self.prefix_key is None:
            return self.message
        return f"{_say(self.prefix_key, {})}: {self.message}"

    def __str__(self) -> str:
        return self.message


class InputError(MeldcodeError):
    """Usage or input the user can correct (exit 2)."""


class CaseError(InputError):
    """A problem with a case, a file or a folder that the user can act on (exit 2).

    Raised by the case store and the file layer (``walk.casestore`` re-exports it)."""


class UsageError(InputError):
    """A command line that cannot work: a path that does not exist, no files (exit 2)."""

    prefix_key: ClassVar[str | None] = "usage_error"


class KeyProblem(InputError):
    """The profile or key cannot be used as asked (exit 2)."""


class CheckFailed(MeldcodeError):
    """The command ran; what it checked said no (exit 1)."""

    exit_code: ClassVar[int] = 1


class Interrupted(MeldcodeError):
    """Ctrl-C or a closed terminal (exit 130); ``label``: the case that was saved, if any."""

    exit_code: ClassVar[int] = 130

    def __init__(self, label: str | None = None) -> None:
        super().__init__("walk.interrupted" if label else "interrupted", label=label or "")
        self.label = label
