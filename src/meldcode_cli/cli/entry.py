"""The console-script entry point: answers ``--version``, ``--help`` (from the cache) and
``validate`` of unchanged files (``fastpath``) before importing anything heavy."""

from __future__ import annotations

import importlib
import os
import sys
import types

from meldcode_cli import __version__
from meldcode_cli.cli.argv import hoist_lang

# pydantic plugins are third-party code that observes every validation (some send telemetry);
# this tool promises that nothing leaves the machine, so none are loaded. It also saves
# pydantic's scan of every installed package's entry points at start-up.
os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"


_PLUGIN_LOADER = "pydantic.plugin._loader"


class _NoPluginLoader(types.ModuleType):
    """Stands in for ``pydantic.plugin._loader`` while plugins are off (above).

    pydantic imports its plugin loader when it builds the first validator, and the loader
    imports ``importlib.metadata`` (with ``email`` and ``zipfile``) at its top, only to find
    the plugins it is told not to load: about a twentieth of a ``meldcode start``. This module
    answers ``get_plugins()`` with none, as the real one does when plugins are disabled; any
    other name loads the real module (so a pydantic that asks for more still gets it)."""

    @staticmethod
    def get_plugins() -> tuple[()]:
        return ()

    def __getattr__(self, name: str) -> object:
        if name.startswith("__"):
            raise AttributeError(name)
        sys.modules.pop(self.__name__, None)
        real = importlib.import_module(self.__name__)
        return getattr(real, name)


class _SkipPluginLoader:
    """A meta path finder that answers the import of the plugin loader with the stand-in,
    only when pydantic asks for it (nothing is imported or registered before that)."""

    @staticmethod
    def find_spec(name: str, path: object = None, target: object = None) -> object:  # noqa: ARG004 - the finder protocol
        if name != _PLUGIN_LOADER or os.environ.get("PYDANTIC_DISABLE_PLUGINS") != "__all__":
            return None
        finders: list[object] = list(sys.meta_path)
        sys.meta_path[:] = [f for f in finders if f is not _SkipPluginLoader]  # type: ignore[misc]
        from importlib.machinery import ModuleSpec

        return ModuleSpec(name, _SkipPluginLoader)  # type: ignore[arg-type]

    @staticmethod
    def create_module(spec: object) -> types.ModuleType:  # noqa: ARG004 - the loader protocol
        return _NoPluginLoader(_PLUGIN_LOADER)

    @staticmethod
    def exec_module(module: types.ModuleType) -> None:
        pass


def _skip_plugin_loader() -> None:
    finders: list[object] = list(sys.meta_path)
    if _PLUGIN_LOADER not in sys.modules and _SkipPluginLoader not in finders:
        sys.meta_path.insert(0, _SkipPluginLoader)  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> None:
    """The console script. A reader that leaves (``meldcode ... | head``) ends it quietly:
    no message, no traceback, exit 141 (128 + SIGPIPE; click's own paths exit 1)."""
    try:
        _main(argv)
    except BrokenPipeError:
        import contextlib
        import os

        # the flush at exit must not fail a second time (the Python docs' recipe)
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(141) from None


def _main(argv: list[str] | None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args in (["--version"], ["-V"]):
        sys.stdout.write(f"meldcode {__version__}\n")
        return
    from meldcode_cli.cli.exits import signals_as_interrupt

    _skip_plugin_loader()
    signals_as_interrupt()
    if any(a == "--lang" or a.startswith("--lang=") for a in args[1:]):
        args = hoist_lang(args)
    if args and args[-1] in ("--help", "-h") and len(args) <= 3:
        from meldcode_cli.cli.fastpath import run_help

        code = run_help(args)
        if code is not None:
            raise SystemExit(code)
    if "validate" in args[:3]:
        from meldcode_cli.cli.fastpath import try_validate

        code = try_validate(args)
        if code is not None:
            raise SystemExit(code)
    if "start" in args[:3]:
        from meldcode_cli.cli.fastpath import try_start

        code = try_start(args)
        if code is not None:
            raise SystemExit(code)
    from meldcode_cli.cli.app import main as cli_main

    cli_main(args)
