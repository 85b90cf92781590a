"""Exit codes and the mapping of the core's exceptions to them, without the CLI framework.

``cli.run_core`` / ``cli.run_walk`` (typer) and the fast paths (``fastpath``) share this, so
a command gives the same message and exit code whichever way it ran: 0 ok, 1 check failed,
2 usage or input error, 3 internal error (never a traceback), 130 interrupted.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TypeVar

__all__ = [
    "EXIT_FAILED",
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "Exited",
    "guard_core",
    "guard_walk",
    "signals_as_interrupt",
]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130

T = TypeVar("T")


class Exited(Exception):
    """The command ended with ``code``; its message (if any) is already on stderr."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def fail(message: str, code: int = EXIT_USAGE) -> Exited:
    from meldcode_cli.console import print_error

    print_error(f"meldcode: {message}")
    return Exited(code)


def guard_core(call: Callable[[], T], passthrough: tuple[type[BaseException], ...] = ()) -> T:
    """Run one core call; map every exception to :class:`Exited` with its message on stderr,
    never a traceback. The one mapper (see ``meldcode_cli.errors`` for the table): a
    :class:`MeldcodeError` says its own exit code and catalogue text; an interruption is
    130 (a walk names the saved case); an OS error nobody mapped names the file (2); any
    other exception is a bug (3)."""
    from meldcode_cli.errors import Interrupted, MeldcodeError
    from meldcode_cli.i18n.messages import t

    try:
        return call()
    except Interrupted as e:
        _say_interrupted(e.message)
        raise Exited(EXIT_INTERRUPTED) from None
    except MeldcodeError as e:
        raise fail(e.display(), e.exit_code) from None
    except BrokenPipeError:  # the reader of our output left: cli/entry.main ends quietly
        raise
    except OSError as e:  # an OS error no core path mapped: still name the file
        from meldcode_cli.files.jsonio import os_error_text

        where = e.filename if e.filename is not None else "?"
        raise fail(t("io.os_error", path=where, reason=os_error_text(e)), EXIT_USAGE) from None
    except KeyboardInterrupt:
        raise fail(t("interrupted"), EXIT_INTERRUPTED) from None
    except Exited:
        raise
    except passthrough:  # the framework's own exits (typer.Exit, typer.Abort)
        raise
    except Exception as e:  # a bug: say so plainly, no traceback
        if "MELDCODE_DEBUG" in os.environ:
            raise
        raise fail(t("internal_error", kind=type(e).__name__, message=e), EXIT_INTERNAL) from None


def _say_interrupted(message: str) -> None:
    import contextlib

    from meldcode_cli.console import print_error

    with contextlib.suppress(OSError):  # the terminal may be gone (SIGHUP)
        print_error("\n" + message)


def guard_walk(call: Callable[[], T], passthrough: tuple[type[BaseException], ...] = ()) -> T:
    """The same mapper (kept as a name for the walk commands' call sites)."""
    return guard_core(call, passthrough)


def signals_as_interrupt() -> None:
    """SIGTERM (a logout, ``kill``) and SIGHUP (a closed terminal window) end a command the
    way Ctrl-C does: what is journalled stays, the walk says how to resume, exit 130.
    Installed first thing in ``entry.main``, so the fast paths have it too."""
    import signal

    def interrupt(signum: int, frame: object) -> None:  # noqa: ARG001 - signal's signature
        raise KeyboardInterrupt

    for name in ("SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is not None:
            signal.signal(sig, interrupt)
