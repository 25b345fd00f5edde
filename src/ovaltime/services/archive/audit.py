"""The archive's audit: every admin change to identities and rinks, with who and why."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ovaltime.services.users import User
from ovaltime.store.archive_tables import ArchiveAuditRow

__all__ = ["log_change"]


def log_change(
    session: Session,
    actor: User,
    action: str,
    *,
    person_id: int | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    reason: str = "",
) -> ArchiveAuditRow:
    """Add one row to ``archive_audit`` in the caller's transaction."""
    row = ArchiveAuditRow(
        person_id=person_id,
        who=actor.name,
        action=action,
        before=before,
        after=after,
        reason=reason,
    )
    session.add(row)
    session.flush()
    return row
