"""The professional's profile, signing key and keyring (``meldcode init``, ``meldcode key``).

Kept in the user config folder (or ``$MELDCODE_HOME/config``), private to the user::

    profile.json    name, role, organisation, optional registration number (BIG)
    keys/current.key  the Ed25519 private key, encrypted under the passphrase
    keyring.json    every public key this profile ever signed with, with its validity

Rotation keeps every earlier public key in the keyring, so old records keep verifying.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from meldcode_cli.errors import KeyProblem, Text
from meldcode_cli.record.paths import PROFILE_FILE, config_dir
from meldcode_cli.roles import PROFILE_ROLES, ProfileRole
from meldcode_cli.walk.casestore import CaseError, atomic_write

__all__ = [
    "KeyringEntry",
    "PassphraseRejected",
    "Profile",
    "ProfileError",
    "ProfileStore",
    "check_role",
    "config_dir",
    "looks_like_big",
    "new_profile",
    "parse_role",
    "unlock_asking",
]

MAX_PASSPHRASE_TRIES = 3


class ProfileError(CaseError, KeyProblem):
    """A profile or key problem the user can act on (exit 2)."""


class PassphraseRejected(ProfileError):
    """The passphrase did not open the key; nothing was written. Signing re-asks on it."""

    def __init__(self) -> None:
        super().__init__("error.wrong_passphrase")


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
        return self.root / PROFILE_FILE

    @property
    def key_path(self) -> Path:
        return self.root / "keys" / "current.key"

    @property
    def keyring_path(self) -> Path:
        return self.root / "keyring.json"

    @property
    def next_key_path(self) -> Path:
        """A rotation in progress: the new key, written before anything else changes."""
        return self.root / "keys" / "next.key"

    def recover_rotation(self) -> str | None:
        """Finish or undo a key rotation that was interrupted (killed, disk full).

        The rotation writes ``next.key``, then the keyring naming the new key, then renames
        ``next.key`` over ``current.key``. The keyring is the commit point: when it already
        names the new key as the open one, the rename is done now (roll forward); otherwise
        ``next.key`` is removed (roll back). Either way the old or the new state, whole.
        Returns "forward", "back" or None.
        """
        from meldcode_cli.files import safeio
        from meldcode_cli.record import crypto

        nxt = self.next_key_path
        if not os.path.lexists(nxt):
            return None
        try:
            data = self._read_json(nxt, Text("error.what.new_key"))
            fp = data.get("fingerprint")
            pub = crypto.unb64(str(data.get("public_key")))
            ok = isinstance(fp, str) and crypto.fingerprint(pub) == fp
        except (ProfileError, ValueError):
            ok, fp = False, None
        ring = self.keyring() if self.keyring_path.exists() else Keyring()
        entry = ring.find(fp) if ok and isinstance(fp, str) else None
        try:
            if entry is not None and entry.valid_until is None:
                safeio.rename_durably(nxt, self.key_path)
                return "forward"
            nxt.unlink()
        except OSError as e:
            raise safeio.io_error(nxt, e) from None
        return "back"

    def exists(self) -> bool:
        return self.profile_path.exists()

    def _ensure(self) -> None:
        from meldcode_cli.files import safeio
        from meldcode_cli.walk.casestore import trusted_base

        safeio.ensure_dir(self.root / "keys", trusted_base(self.root) or self.root)

    def _write_json(self, path: Path, data: Any) -> None:
        atomic_write(path, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))

    def _read_json(self, path: Path, what: Text) -> Any:
        from meldcode_cli.files import jsonio

        try:
            data = jsonio.load_json_file(path, limit=jsonio.LIMIT_SMALL, nofollow=True)
        except FileNotFoundError:
            raise ProfileError(
                "error.profile.geen_gevonden_maak_een", what=what, path=path
            ) from None
        except CaseError as e:
            raise ProfileError(
                "error.profile.is_onleesbaar", what=what, message=e.message
            ) from None
        if not isinstance(data, dict):
            raise ProfileError("error.profile.is_onleesbaar_verwacht_een", what=what, path=path)
        return data

    # --- profile ----------------------------------------------------------------------
    def load(self) -> Profile:
        data = self._read_json(self.profile_path, Text("error.what.profile"))
        from meldcode_cli.files import jsonio

        try:
            return jsonio.validate(Profile, data, self.profile_path)
        except CaseError as e:
            raise ProfileError("error.profile.profiel_is_ongeldig", message=e.message) from None

    def keyring(self) -> Keyring:
        if not self.keyring_path.exists():
            return Keyring()
        data = self._read_json(self.keyring_path, Text("error.what.keyring"))
        from meldcode_cli.files import jsonio

        try:
            return jsonio.validate(Keyring, data, self.keyring_path)
        except CaseError as e:
            raise ProfileError("error.profile.sleutelring_is_ongeldig", message=e.message) from None

    def init(self, profile: Profile, passphrase: str, *, force: bool = False) -> str:
        """Create the profile and a first key pair. Returns the key fingerprint."""
        from meldcode_cli.record import crypto

        if self.exists() and not force:
            raise ProfileError("error.profile.er_is_al_een", profile_path=self.profile_path)
        _check_passphrase(passphrase)
        self._ensure()
        from meldcode_cli.files import safeio

        self.recover_rotation()
        pair = crypto.generate()
        # the same order as a rotation: next.key, the keyring (commit), the rename
        self._write_json(self.next_key_path, crypto.lock(pair, passphrase))
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
        try:
            safeio.rename_durably(self.next_key_path, self.key_path)
        except OSError as e:
            raise safeio.io_error(self.key_path, e) from None
        self._write_json(self.profile_path, profile.model_dump())
        return pair.fingerprint

    # --- keys -------------------------------------------------------------------------
    def unlock(self, passphrase: str) -> Any:
        """The current key pair (crypto.KeyPair). Raises ProfileError on a wrong passphrase."""
        from meldcode_cli.record import crypto

        self.recover_rotation()
        data = self._read_json(self.key_path, Text("error.what.key"))
        try:
            return crypto.unlock(data, passphrase)
        except crypto.WrongPassphrase:
            raise PassphraseRejected from None
        except crypto.KeyFileDamaged as e:
            why = Text(e.key, **e.params)
            raise ProfileError(
                "error.profile.sleutelbestand", key_path=self.key_path, e=why
            ) from None

    def current_fingerprint(self) -> str:
        self.recover_rotation()
        data = self._read_json(self.key_path, Text("error.what.key"))
        fp = data.get("fingerprint") if isinstance(data, dict) else None
        if not isinstance(fp, str):
            raise ProfileError("error.profile.sleutelbestand_is_beschadigd", key_path=self.key_path)
        return fp

    def rotate(self, passphrase: str, new_passphrase: str | None = None) -> tuple[str, str]:
        """A new key pair; the old public key stays in the keyring with an end date."""
        from meldcode_cli.record import crypto

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
        # crash-safe order (see recover_rotation): 1. the new key beside the old one;
        # 2. the keyring naming it (the commit point); 3. the new key over the old one.
        # Killed or failing anywhere, the next use finds the old state or the new, whole.
        from meldcode_cli.files import safeio

        old_ring = self.keyring_path.read_bytes() if self.keyring_path.exists() else None
        self._write_json(self.next_key_path, crypto.lock(pair, new_pass))
        try:
            self._write_json(self.keyring_path, ring.model_dump())
        except CaseError:
            with contextlib.suppress(OSError):
                self.next_key_path.unlink()
            raise
        try:
            safeio.rename_durably(self.next_key_path, self.key_path)
        except OSError as e:
            # undo the commit if the disk lets us; otherwise the next use rolls forward
            try:
                if old_ring is not None:
                    atomic_write(self.keyring_path, old_ring)
                self.next_key_path.unlink()
            except (OSError, CaseError):
                pass
            raise safeio.io_error(self.key_path, e) from None
        return old.fingerprint, pair.fingerprint

    def export_public(self) -> dict[str, Any]:
        """The current public key with its fingerprint, for colleagues and verifiers."""
        fp = self.current_fingerprint()
        ring = self.keyring()
        entry = ring.find(fp)
        if entry is None:
            raise ProfileError("error.profile.de_huidige_sleutel_staat")
        return {"format": "meldcode-public-key", **entry.model_dump()}


def _check_passphrase(passphrase: str) -> None:
    if len(passphrase) < 8:
        raise ProfileError("key.passphrase.too_short", n=8)


def unlock_asking(profiles: ProfileStore, passphrase: Callable[[], str]) -> Any:
    """The signing key, asking the passphrase again after a wrong one (up to
    ``MAX_PASSPHRASE_TRIES`` times; then the last PassphraseRejected is raised)."""
    for attempt in range(1, MAX_PASSPHRASE_TRIES + 1):
        try:
            return profiles.unlock(passphrase())
        except PassphraseRejected:
            if attempt == MAX_PASSPHRASE_TRIES:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def check_role(profile_role: str, walk_role: str) -> None:
    """The record has one role: the profile's and the walk's must be the same."""
    if profile_role.lower() != walk_role.lower():
        raise CaseError("sign.role_mismatch", profile=profile_role, walk=walk_role)


def parse_role(text: str) -> str | None:
    """A profile role as typed: case and surrounding spaces do not matter."""
    value = text.strip().lower()
    return value if value in PROFILE_ROLES else None


def looks_like_big(registration: str) -> bool:
    """A BIG number (11 digits) or a value that names BIG: the huisarts' register, never
    a police identifier."""
    import re

    digits = re.sub(r"\D", "", registration)
    return "big" in registration.casefold() or (
        len(digits) == 11 and digits == registration.strip()
    )


def check_registration(role: str, registration: str | None) -> None:
    """A wijkagent's registration is never a BIG number (ProfileError)."""
    if role == "wijkagent" and registration is not None and looks_like_big(registration):
        raise ProfileError("key.init.registration.big_police")


def new_profile(
    *,
    name: str | None,
    role: str,
    organisation: str | None,
    registration: str | None,
    contact: str | None,
) -> Profile:
    """The profile as given (checked); ProfileError naming the fields that do not fit."""
    check_registration(role, registration)
    try:
        return Profile(
            name=name or "",
            role=role,  # type: ignore[arg-type]
            organisation=organisation or "",
            registration=registration,
            contact=contact,
        )
    except ValueError as e:  # a flag too long or empty: say which, in our words
        from pydantic import ValidationError

        fields = (
            ", ".join(str(err["loc"][0]) for err in e.errors())
            if isinstance(e, ValidationError)
            else "?"
        )
        raise ProfileError("key.init.invalid", fields=fields) from None
