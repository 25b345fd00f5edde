"""The audit log: one row for every change to a result or a race, and a reader for it.

A row names the race it belongs to (and the result, for changes to one result), who made the
change, when (UTC), the action, the state before and after as JSON, and the reason given.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from ovaltime.store.base import Base, UTCDateTime, utc_now

__all__ = ["AuditEntry", "AuditRow", "audit_entries"]


class AuditRow(Base):
    __tablename__ = "audit"
    __table_args__ = (Index("ix_audit_race_id_id", "race_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    competition_id: Mapped[int] = mapped_column(
        ForeignKey("competitions.id", ondelete="CASCADE"), index=True
    )
    race_id: Mapped[int] = mapped_column(ForeignKey("races.id", ondelete="CASCADE"))
    result_id: Mapped[int | None] = mapped_column(
        ForeignKey("results.id", ondelete="CASCADE"), index=True
    )
    who: Mapped[str] = mapped_column(String(100))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utc_now)
    action: Mapped[str] = mapped_column(String(40))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text, default="")


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One audit row as a plain value, for pages and the API."""

    id: int
    race_id: int
    result_id: int | None
    who: str
    at: dt.datetime
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    reason: str


def audit_entries(
    session: Session, *, race_id: int | None = None, result_id: int | None = None
) -> list[AuditEntry]:
    """The audit rows of a race or of one result, oldest first."""
    query = select(AuditRow).order_by(AuditRow.id)
    if race_id is not None:
        query = query.where(AuditRow.race_id == race_id)
    if result_id is not None:
        query = query.where(AuditRow.result_id == result_id)
    return [
        AuditEntry(
            row.id,
            row.race_id,
            row.result_id,
            row.who,
            row.at,
            row.action,
            row.before,
            row.after,
            row.reason,
        )
        for row in session.scalars(query)
    ]
