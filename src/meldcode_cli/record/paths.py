"""Where the professional's profile lives, without the profile's models: ``meldcode start``
asks only whether there is one before its first question (:func:`has_profile`)."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["PROFILE_FILE", "config_dir", "has_profile"]

PROFILE_FILE = "profile.json"


def config_dir() -> Path:
    home = os.environ.get("MELDCODE_HOME")
    if home:
        return Path(home).expanduser() / "config"
    import platformdirs

    return platformdirs.user_config_path("meldcode-cli", appauthor=False)


def has_profile() -> bool:
    """Whether ``meldcode init`` made a profile here (same test as ``ProfileStore.exists``)."""
    return (config_dir() / PROFILE_FILE).exists()
