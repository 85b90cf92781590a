"""The professional's profile, signing key and keyring (``meldcode init``, ``meldcode key``).

Kept in the user config folder (or ``$MELDCODE_HOME/config``), private to the user::

    profile.json    name, role, organisation, optional registration number (BIG)
    keys/current.key  the Ed25519 private key, encrypted under the passphrase
    keyring.json    every public key this profile ever signed with, with its validity

Rotation keeps every earlier public key in the keyring, so old records keep verifying.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from meldcode_cli.cases import CaseError, atomic_write

__all__ = [
    "KeyringEntry",
    "Profile",
    "ProfileError",
    "ProfileStore",
    "config_dir",
]

ProfileRole = Literal["huisarts", "wijkagent", "professional", "trainer"]


class ProfileError(CaseError):
    """A profile or key problem the user can act on (exit 2)."""


def config_dir() -> Path:
    home = os.environ.get("MELDCODE_HOME")
    if home:
        return Path(home).expanduser() / "config"
    import platformdirs

    return platformdirs.user_config_path("meldcode-cli", appauthor=False)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Profile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    role: ProfileRole
    organisation: str = Field(min_length=1, max_length=200)
    registration: str | None = Field(default=None, max_length=50, description="bv. BIG-nummer")
    contact: str | None = Field(default=None, max_length=200, description="telefoon of e-mail")
    created: str = Field(default_factory=_now)


class KeyringEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    fingerprint: str
    algorithm: Literal["Ed25519"] = "Ed25519"
    public_key: str
    owner: str
    valid_from: str
    valid_until: str | None = None


class Keyring(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: Literal["meldcode-keyring"] = "meldcode-keyring"
    keys: list[KeyringEntry] = Field(default_factory=list)

    def find(self, fingerprint: str) -> KeyringEntry | None:
        return next((k for k in self.keys if k.fingerprint == fingerprint), None)


class ProfileStore:
    def __init__(self, root: Path | None = None) -> None:
        self.root = root or config_dir()

    @property
    def profile_path(self) -> Path:
        return self.root / "profile.json"

    @property
    def key_path(self) -> Path:
        return self.root / "keys" / "current.key"

    @property
    def keyring_path(self) -> Path:
        return self.root / "keyring.json"

    def exists(self) -> bool:
        return self.profile_path.exists()

    def _ensure(self) -> None:
        try:
            (self.root / "keys").mkdir(parents=True, exist_ok=True, mode=0o700)
            os.chmod(self.root, 0o700)
            os.chmod(self.root / "keys", 0o700)
        except OSError as e:
            raise ProfileError(
                f"kan de profielmap niet maken ({self.root}): {e.strerror}"
            ) from None

    def _write_json(self, path: Path, data: Any) -> None:
        atomic_write(path, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))

    def _read_json(self, path: Path, what: str) -> Any:
        from meldcode_cli import jsonio

        try:
            data = jsonio.load_json_file(path, limit=jsonio.LIMIT_SMALL)
        except FileNotFoundError:
            raise ProfileError(
                f"geen {what} gevonden ({path}); maak een profiel met 'meldcode init'"
            ) from None
        except CaseError as e:
            raise ProfileError(f"{what} is onleesbaar ({e.message})") from None
        if not isinstance(data, dict):
            raise ProfileError(f"{what} is onleesbaar ({path}): verwacht een JSON-object")
        return data

    # --- profile ----------------------------------------------------------------------
    def load(self) -> Profile:
        data = self._read_json(self.profile_path, "profiel")
        from meldcode_cli import jsonio

        try:
            return jsonio.validate(Profile, data, self.profile_path)
        except CaseError as e:
            raise ProfileError(f"profiel is ongeldig ({e.message})") from None

    def keyring(self) -> Keyring:
        if not self.keyring_path.exists():
            return Keyring()
        data = self._read_json(self.keyring_path, "sleutelring")
        from meldcode_cli import jsonio

        try:
            return jsonio.validate(Keyring, data, self.keyring_path)
        except CaseError as e:
            raise ProfileError(f"sleutelring is ongeldig ({e.message})") from None

    def init(self, profile: Profile, passphrase: str, *, force: bool = False) -> str:
        """Create the profile and a first key pair. Returns the key fingerprint."""
        from meldcode_cli import crypto

        if self.exists() and not force:
            raise ProfileError(
                f"er is al een profiel ({self.profile_path}); wissel van sleutel met "
                "'meldcode key rotate', of gebruik --force om opnieuw te beginnen"
            )
        _check_passphrase(passphrase)
        self._ensure()
        pair = crypto.generate()
        self._write_json(self.key_path, crypto.lock(pair, passphrase))
        ring = self.keyring() if force else Keyring()
        now = _now()
        for entry in ring.keys:
            if entry.valid_until is None:
                entry.valid_until = now
        ring.keys.append(
            KeyringEntry(
                fingerprint=pair.fingerprint,
                public_key=crypto.b64(pair.public_bytes),
                owner=profile.name,
                valid_from=now,
            )
        )
        self._write_json(self.keyring_path, ring.model_dump())
        self._write_json(self.profile_path, profile.model_dump())
        return pair.fingerprint

    # --- keys -------------------------------------------------------------------------
    def unlock(self, passphrase: str) -> Any:
        """The current key pair (crypto.KeyPair). Raises ProfileError on a wrong passphrase."""
        from meldcode_cli import crypto

        data = self._read_json(self.key_path, "sleutel")
        try:
            return crypto.unlock(data, passphrase)
        except crypto.WrongPassphrase:
            raise ProfileError("onjuiste wachtzin; er is niets geschreven") from None
        except ValueError as e:
            raise ProfileError(f"sleutelbestand {self.key_path}: {e}") from None

    def current_fingerprint(self) -> str:
        data = self._read_json(self.key_path, "sleutel")
        fp = data.get("fingerprint") if isinstance(data, dict) else None
        if not isinstance(fp, str):
            raise ProfileError(f"sleutelbestand {self.key_path} is beschadigd")
        return fp

    def rotate(self, passphrase: str, new_passphrase: str | None = None) -> tuple[str, str]:
        """A new key pair; the old public key stays in the keyring with an end date."""
        from meldcode_cli import crypto

        old = self.unlock(passphrase)  # proves possession before anything changes
        new_pass = new_passphrase if new_passphrase is not None else passphrase
        _check_passphrase(new_pass)
        profile = self.load()
        ring = self.keyring()
        now = _now()
        entry = ring.find(old.fingerprint)
        if entry is None:
            ring.keys.append(
                KeyringEntry(
                    fingerprint=old.fingerprint,
                    public_key=crypto.b64(old.public_bytes),
                    owner=profile.name,
                    valid_from=profile.created,
                    valid_until=now,
                )
            )
        else:
            entry.valid_until = now
        pair = crypto.generate()
        ring.keys.append(
            KeyringEntry(
                fingerprint=pair.fingerprint,
                public_key=crypto.b64(pair.public_bytes),
                owner=profile.name,
                valid_from=now,
            )
        )
        # keyring first: if writing the new key fails, the old key still works
        self._write_json(self.keyring_path, ring.model_dump())
        self._write_json(self.key_path, crypto.lock(pair, new_pass))
        return old.fingerprint, pair.fingerprint

    def export_public(self) -> dict[str, Any]:
        """The current public key with its fingerprint, for colleagues and verifiers."""
        fp = self.current_fingerprint()
        ring = self.keyring()
        entry = ring.find(fp)
        if entry is None:
            raise ProfileError("de huidige sleutel staat niet in de sleutelring")
        return {"format": "meldcode-public-key", **entry.model_dump()}


def _check_passphrase(passphrase: str) -> None:
    if len(passphrase) < 8:
        raise ProfileError("de wachtzin is te kort: gebruik minstens 8 tekens")
