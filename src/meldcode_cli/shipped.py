"""Where the data that ships with the tool lives (protocols, casus, ketenkaart).

Its own module, importing nothing of the package, so that the cache's fingerprint
(``protocol/cache``) and ``authoring.validate`` find the folders the same way without the
cache importing the checker.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["shipped_dir"]


def shipped_dir(name: str) -> Path:
    """A data folder that ships with the tool: in a wheel ``meldcode_cli/_<name>``, in a
    checkout ``./<name>`` (protocols, casus, ketenkaart)."""
    package = Path(__file__).resolve().parent
    packaged = package / f"_{name}"
    if packaged.is_dir():
        return packaged
    return package.parent.parent / name
