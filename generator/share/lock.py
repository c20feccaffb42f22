"""The passphrase lock: AES-256-GCM under a key derived with PBKDF2-HMAC-SHA256.

One random salt and one key per build; a fresh random 12-byte IV per page. The
browser undoes `seal` with the Web Crypto API (assets/debrief-lock.js); `unseal`
is the same in Python, for the tests and for anyone who wants to check a share.
"""

from __future__ import annotations

import base64
import json
import os
import unicodedata
from dataclasses import dataclass, field
from typing import Any

ITERATIONS = 600_000
SALT_BYTES = 16
IV_BYTES = 12
KEY_BYTES = 32
FORMAT = 1
# The published files let anyone test guesses offline, as fast as their hardware goes:
# PBKDF2 slows each guess, only length and randomness make guessing hopeless.
MIN_PASSPHRASE = 12


class WrongPassphrase(Exception):
    """The passphrase does not open this page."""


@dataclass(frozen=True)
class Lock:
    """The build's key: derived once, kept in memory only, never written anywhere."""

    key: bytes = field(repr=False)
    salt: bytes
    iterations: int = ITERATIONS

    @classmethod
    def from_passphrase(
        cls, passphrase: str, *, salt: bytes | None = None, iterations: int = ITERATIONS
    ) -> Lock:
        salt = salt if salt is not None else os.urandom(SALT_BYTES)
        return cls(derive_key(passphrase, salt, iterations), salt, iterations)

    def seal(self, plaintext: str) -> dict[str, Any]:
        """`plaintext` encrypted, as the JSON object a locked page carries."""
        # lazy: only a locked share pays for importing cryptography
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        iv = os.urandom(IV_BYTES)
        ciphertext = AESGCM(self.key).encrypt(iv, plaintext.encode("utf-8"), None)
        return {
            "v": FORMAT,
            "kdf": "PBKDF2-HMAC-SHA256",
            "iterations": self.iterations,
            "salt": _b64(self.salt),
            "cipher": "AES-256-GCM",
            "iv": _b64(iv),
            "ciphertext": _b64(ciphertext),
        }


def derive_key(passphrase: str, salt: bytes, iterations: int = ITERATIONS) -> bytes:
    # lazy: only a locked share pays for importing cryptography
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

    kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, iterations=iterations)
    return kdf.derive(passphrase_bytes(passphrase))


def passphrase_bytes(passphrase: str) -> bytes:
    """UTF-8 of the NFC form: the same bytes whichever way a keyboard composed the accents."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def unseal(
    sealed: dict[str, Any], passphrase: str | None = None, *, key: bytes | None = None
) -> str:
    """The plaintext of a sealed page; raise WrongPassphrase when it does not open."""
    # lazy: only a locked share pays for importing cryptography
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if key is None:
        if passphrase is None:
            raise TypeError("unseal needs a passphrase or a key")
        key = derive_key(passphrase, base64.b64decode(sealed["salt"]), int(sealed["iterations"]))
    try:
        plain = AESGCM(key).decrypt(
            base64.b64decode(sealed["iv"]), base64.b64decode(sealed["ciphertext"]), None
        )
    except InvalidTag:
        raise WrongPassphrase("Wrong passphrase") from None
    return plain.decode("utf-8")


def passphrase_problem(passphrase: str) -> str | None:
    if not passphrase.strip():
        return "the passphrase is empty"
    if len(passphrase) < MIN_PASSPHRASE:
        return (
            f"the passphrase is too short: use at least {MIN_PASSPHRASE} characters. "
            "Anyone with the published files can test guesses offline, as fast as their "
            "hardware allows; four random words (rolled with dice, not chosen) are long "
            "enough and easy to type"
        )
    return None


def sealed_json(sealed: dict[str, Any]) -> str:
    """Safe as the text of a <template>: base64 and fixed names only, no `<` or `&`."""
    return json.dumps(sealed, separators=(",", ":"))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
