"""Signed values for the session cookie: ``base64url(JSON).base64url(HMAC-SHA256)``.

A small module of its own so that no signing library is needed. The signature covers the whole
payload; ``unsign`` refuses a value whose signature does not match (compared in constant time),
that is not well formed, or whose ``exp`` (Unix seconds) has passed.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import time
from typing import Any

__all__ = ["sign", "unsign"]


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(secret: bytes, payload: str) -> str:
    return _b64(hmac.new(secret, payload.encode("ascii"), hashlib.sha256).digest())


def sign(secret: bytes, data: dict[str, Any], *, lifetime: float) -> str:
    """``data`` with an expiry ``lifetime`` seconds from now, signed with ``secret``."""
    body = {**data, "exp": int(time.time() + lifetime)}
    payload = _b64(json.dumps(body, separators=(",", ":"), sort_keys=True).encode("utf-8"))
    return f"{payload}.{_mac(secret, payload)}"


def unsign(secret: bytes, value: str) -> dict[str, Any] | None:
    """The data of a value made by ``sign`` with ``secret`` and not expired, else ``None``."""
    payload, dot, signature = value.partition(".")
    if not dot or not payload.isascii() or not signature.isascii():
        return None
    if not hmac.compare_digest(_mac(secret, payload), signature):
        return None
    try:
        data = json.loads(_unb64(payload))
    except (binascii.Error, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("exp"), int):
        return None
    if data["exp"] < time.time():
        return None
    return data
