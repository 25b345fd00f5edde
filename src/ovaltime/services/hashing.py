"""Hashing API tokens and passwords: neither is ever stored in clear.

A token is 32 random bytes (``secrets.token_urlsafe(32)``); its SHA-256 is enough to store,
because nobody can guess a 256-bit secret, and it lets a request's token be found by its hash.
A password is chosen by a person, so it gets a random salt and scrypt (memory-hard), stored as
``scrypt$n$r$p$salt$hash`` so that the cost can be raised later; it is checked in constant time.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

__all__ = ["hash_password", "hash_token", "new_token", "verify_password"]

_N, _R, _P = 2**14, 8, 1
_LENGTH = 32


def new_token() -> str:
    """A fresh API token, URL-safe text."""
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    """The hex SHA-256 of ``token``: what the users table keeps."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=2**26, dklen=_LENGTH
    )


def hash_password(password: str) -> str:
    """``scrypt$n$r$p$salt$hash`` of ``password`` with a new random salt."""
    salt = secrets.token_bytes(16)
    digest = _scrypt(password, salt, _N, _R, _P)
    return f"scrypt${_N}${_R}${_P}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str | None) -> bool:
    """Whether ``password`` matches ``stored``; compares in constant time.

    Without a stored hash the work is done anyway against a dummy, so that a missing user or
    password takes as long to refuse as a wrong one.
    """
    if stored is None:
        _scrypt(password, b"\0" * 16, _N, _R, _P)
        return False
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        expected = _unb64(digest)
        actual = _scrypt(password, _unb64(salt), int(n), int(r), int(p))
    except ValueError:
        return False
    return scheme == "scrypt" and hmac.compare_digest(actual, expected)
