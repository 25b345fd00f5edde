"""Rinks: stored by key, listed for mapping venues, attached to competitions."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ovaltime.store.archive_tables import RinkRow

__all__ = ["RinkValues", "all_rinks", "rink_by_key", "save_rink"]


@dataclass(frozen=True, slots=True)
class RinkValues:
    """A rink's description as stored."""

    key: str
    name: str
    city: str = ""
    nation: str = ""
    altitude: int | None = None
    environment: str = ""


def all_rinks(session: Session) -> list[RinkRow]:
    return list(session.scalars(select(RinkRow).order_by(RinkRow.key)))


def rink_by_key(session: Session, key: str) -> RinkRow | None:
    return session.scalar(select(RinkRow).where(RinkRow.key == key))


def save_rink(session: Session, values: RinkValues) -> tuple[RinkRow, bool]:
    """Add the rink, or update the one with its key; (row, whether it was added)."""
    row = rink_by_key(session, values.key)
    added = row is None
    if row is None:
        row = RinkRow(key=values.key)
        session.add(row)
    row.name = values.name
    row.city = values.city
    row.nation = values.nation
    row.altitude = values.altitude
    row.environment = values.environment
    session.flush()
    return row, added
