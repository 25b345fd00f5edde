"""Judging one distance and gender at a time across concurrent writers.

The judge reads the standing records of a distance and gender, then writes the flags it
derives from them. Two transactions judging the same distance and gender at once (two live
competitions recording their 500 m, an import beside a live competition) would each read the
records as they stood before the other and could both be given the same world record. So a
transaction takes a lock per distance and gender before it reads them, held until it ends.

On PostgreSQL this is a transaction-level advisory lock (``pg_advisory_xact_lock``): the
second transaction waits until the first commits or rolls back, and then, under READ
COMMITTED, its reads see what the first wrote. Locks are taken in one order (distance, then
gender) so that two transactions wanting several never wait on each other. SQLite needs none:
a write transaction there begins ``IMMEDIATE``, one writer at a time.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import text
from sqlalchemy.orm import Session

from ovaltime.core.states import Gender

__all__ = ["LOCK_SPACE", "lock_key", "lock_slices"]

LOCK_SPACE = 0x0A7C
"""The first key of the archive's advisory locks (the second is the distance and gender)."""

_GENDERS = {gender: index for index, gender in enumerate(Gender)}


def lock_key(distance: int, gender: Gender) -> int:
    """The second key of the lock of a distance and gender."""
    return distance * len(_GENDERS) + _GENDERS[gender]


def lock_slices(session: Session, slices: Iterable[tuple[int, Gender]]) -> None:
    """Wait for, and hold until the transaction ends, the lock of each distance and gender."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for key in sorted({lock_key(distance, gender) for distance, gender in slices}):
        session.execute(
            text("SELECT pg_advisory_xact_lock(:space, :key)"), {"space": LOCK_SPACE, "key": key}
        )
