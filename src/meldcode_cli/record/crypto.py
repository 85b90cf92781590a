"""The one module that owns cryptography: Ed25519 keys, signatures, the key file.

Private keys are stored encrypted with a key derived from the passphrase by scrypt
(N=2**15, r=8, p=1) and sealed with ChaCha20-Poly1305, both from the ``cryptography``
library; a wrong passphrase fails the authentication tag, so nothing is ever half-decrypted.
"""

from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from meldcode_cli.errors import KeyProblem

__all__ = [
    "ALGORITHM",
    "KeyFileDamaged",
    "KeyPair",
    "WrongPassphrase",
    "b64",
    "fingerprint",
    "generate",
    "lock",
    "unb64",
    "unlock",
    "verify",
]

ALGORITHM = "Ed25519"
KDF = {"name": "scrypt", "n": 2**15, "r": 8, "p": 1}
CIPHER = "ChaCha20-Poly1305"


class WrongPassphrase(Exception):
    """The passphrase does not open this key file."""


class KeyFileDamaged(KeyProblem, ValueError):
    """The key file is not one this tool wrote, or is damaged (a catalogue key, no text)."""


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def fingerprint(public_key: bytes) -> str:
    """``SHA256:`` and the unpadded base64 of the SHA-256 of the raw public key (as ssh)."""
    digest = hashlib.sha256(public_key).digest()
    return "SHA256:" + base64.b64encode(digest).decode("ascii").rstrip("=")


@dataclass(frozen=True)
class KeyPair:
    private: Ed25519PrivateKey

    @property
    def public_bytes(self) -> bytes:
        return self.private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_bytes)

    def sign(self, data: bytes) -> bytes:
        return self.private.sign(data)


def generate() -> KeyPair:
    return KeyPair(Ed25519PrivateKey.generate())


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def lock(pair: KeyPair, passphrase: str) -> dict[str, Any]:
    """The key file contents: the private key encrypted under the passphrase."""
    salt = os.urandom(16)
    nonce = os.urandom(12)
    raw = pair.private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    key = _derive(passphrase, salt, KDF["n"], KDF["r"], KDF["p"])  # type: ignore[arg-type]
    sealed = ChaCha20Poly1305(key).encrypt(nonce, raw, pair.public_bytes)
    return {
        "format": "meldcode-key",
        "version": 1,
        "algorithm": ALGORITHM,
        "public_key": b64(pair.public_bytes),
        "fingerprint": pair.fingerprint,
        "kdf": {**KDF, "salt": b64(salt)},
        "cipher": CIPHER,
        "nonce": b64(nonce),
        "ciphertext": b64(sealed),
    }


def _key_file_fields(data: dict[str, Any]) -> tuple[int, int, int, bytes, bytes, bytes, bytes]:
    """What opening a key file needs: scrypt's n, r, p, the public key, the salt, the nonce
    and the sealed private key. KeyFileDamaged for a file this tool did not write."""
    kdf = data["kdf"]
    if kdf.get("name") != "scrypt" or data.get("cipher") != CIPHER:
        raise KeyFileDamaged("crypto.key.unknown_format")
    n, r, p = kdf["n"], kdf["r"], kdf["p"]
    # a hostile key file must not choose the cost: only the parameters we write
    # (or cheaper ones that are still sound) are accepted, never a memory bomb
    if not all(type(x) is int for x in (n, r, p)) or not (
        2**14 <= n <= 2**17 and n & (n - 1) == 0 and 1 <= r <= 16 and 1 <= p <= 4
    ):
        raise KeyFileDamaged("crypto.key.unknown_kdf")
    if data.get("algorithm", ALGORITHM) != ALGORITHM:
        raise KeyFileDamaged("crypto.key.not_ed25519")
    fields = (data["public_key"], kdf["salt"], data["nonce"], data["ciphertext"])
    public, salt, nonce, sealed = (unb64(x) for x in fields)
    return n, r, p, public, salt, nonce, sealed


def unlock(data: dict[str, Any], passphrase: str) -> KeyPair:
    """Open a key file. Raises WrongPassphrase, or KeyFileDamaged (a ValueError)."""
    try:
        n, r, p, public, salt, nonce, sealed = _key_file_fields(data)
        key = _derive(passphrase, salt, n, r, p)
        raw = ChaCha20Poly1305(key).decrypt(nonce, sealed, public)
    except InvalidTag:
        raise WrongPassphrase from None
    except KeyFileDamaged:
        raise
    except (KeyError, TypeError, AttributeError, ValueError) as e:
        raise KeyFileDamaged("crypto.key.damaged", error=str(e)) from None
    pair = KeyPair(Ed25519PrivateKey.from_private_bytes(raw))
    if pair.public_bytes != public:
        raise KeyFileDamaged("crypto.key.public_mismatch")
    return pair


def verify(public_key: bytes, signature: bytes, data: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True
