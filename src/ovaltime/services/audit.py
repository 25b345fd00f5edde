"""Writing the audit: what a result or a race looked like before and after a change.

Snapshots are plain JSON: times as integer thousandths with their precision (never floats),
enums as their values, so that a row can be read back and shown exactly.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ovaltime.services.users import User
from ovaltime.store.audit import AuditRow
from ovaltime.store.tables import RaceRow, ResultRow

__all__ = ["result_snapshot", "write_audit"]


def result_snapshot(row: ResultRow) -> dict[str, Any]:
    """The fields of a result an official can change, with the version they belong to."""
    return {
        "version": row.version,
        "skater": row.skater.name,
        "pair": row.pair,
        "lane": row.lane.value if row.lane else None,
        "time": row.time_thousandths,
        "precision": row.time_precision,
        "status": row.status.value if row.status else None,
        "infraction": row.infraction,
        "fell": row.fell,
        "passages": [{"metres": p.metres, "time": p.time_thousandths} for p in row.passages],
    }


def write_audit(
    session: Session,
    race: RaceRow,
    actor: User,
    action: str,
    *,
    result: ResultRow | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    reason: str = "",
) -> AuditRow:
    """Add one audit row (in the caller's transaction) and return it with its id."""
    row = AuditRow(
        competition_id=race.competition_id,
        race_id=race.id,
        result_id=result.id if result is not None else None,
        who=actor.name,
        action=action,
        before=before,
        after=after,
        reason=reason,
    )
    session.add(row)
    session.flush()
    return row
