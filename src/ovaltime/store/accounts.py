"""Users: officials and admins who may write. Secrets are kept only as hashes.

``token_hash`` is the SHA-256 of the API token (a random 256-bit token needs no salt and can be
looked up by its hash); ``password_hash`` is ``scrypt$n$r$p$salt$hash`` or NULL without a password.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ovaltime.store.base import Base, EnumText, UTCDateTime, utc_now

__all__ = ["Role", "UserRow"]


class Role(Enum):
    """What a user may do: officials enter and correct results; admins also reopen races."""

    OFFICIAL = "official"
    ADMIN = "admin"

    @classmethod
    def parse(cls, text: str) -> Role:
        """``official`` or ``admin`` (any case); raises ``ValueError`` naming the text."""
        try:
            return cls(text.strip().lower())
        except ValueError:
            raise ValueError(f"unknown role {text!r} (expected official or admin)") from None


class UserRow(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[Role] = mapped_column(EnumText(Role, 10))
    password_hash: Mapped[str | None] = mapped_column(String(300))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utc_now)
