"""The archive's rinks: imported from a rinks list, attached to competitions by an admin.

``import_rinks`` reads a rinks list (``formats.record_lists.read_rinks``) and stores each rink
as it is described today (the latest of its periods), adding new keys and updating known
ones. ``attach_rink`` sets (or clears) a competition's rink and level; when the rink changes,
its archived results move with it and the track records of the distances it touched are
judged again from its first day. Both are logged in ``archive_audit`` with who and why.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ovaltime.formats.problems import FormatError
from ovaltime.formats.record_lists import read_rinks, rink_on
from ovaltime.formats.textfile import read_text
from ovaltime.services.access import require_admin
from ovaltime.services.archive.audit import log_change
from ovaltime.services.archive.judging import Slice, store_entries
from ovaltime.services.archive.summary import FileProblem
from ovaltime.services.archive.venues import LEVELS
from ovaltime.services.errors import Invalid, NotFound
from ovaltime.services.unit import Context, transaction
from ovaltime.services.users import User
from ovaltime.store.archive_entries import Order
from ovaltime.store.archive_tables import ArchiveBestRow, ArchiveResultRow, RinkRow
from ovaltime.store.rink_rows import RinkValues, rink_by_key, save_rink
from ovaltime.store.tables import CompetitionRow

__all__ = ["RinksImported", "attach_rink", "import_rinks"]


@dataclass
class RinksImported:
    """How many rinks were added and updated, and what the reader skipped."""

    added: int = 0
    updated: int = 0
    problems: list[FileProblem] = field(default_factory=list)


def import_rinks(context: Context, path: str | Path) -> RinksImported:
    """Store every rink of a rinks list (one transaction); a file that cannot be read at all
    raises ``FormatError``."""
    source = str(path)
    periods, problems = read_rinks(read_text(path), source)
    if not periods:
        raise FormatError(problems or [])
    outcome = RinksImported(problems=[FileProblem(p.source, p.line, p.message) for p in problems])
    today = dt.date.today()
    keys = list(dict.fromkeys(rink.key for rink in periods))
    with transaction(context) as unit:
        for key in keys:
            rink = rink_on(periods, key, today)
            assert rink is not None
            _, added = save_rink(
                unit.session,
                RinkValues(
                    rink.key, rink.name, rink.city, rink.nation, rink.altitude, rink.environment
                ),
            )
            if added:
                outcome.added += 1
            else:
                outcome.updated += 1
    return outcome


def attach_rink(
    context: Context,
    competition_id: int,
    *,
    rink: str | None,
    level: str | None = None,
    actor: User,
    reason: str = "",
) -> None:
    """Set the competition's rink (a key; "" or None clears it) and, if given, its level."""
    if level is not None and level not in LEVELS:
        raise Invalid("level", f"unknown level {level!r} (expected one of {', '.join(LEVELS)})")
    require_admin(actor, f"competition {competition_id}: attaching a rink")
    with transaction(context) as unit:
        session = unit.session
        row = session.get(CompetitionRow, competition_id)
        if row is None:
            raise NotFound("competition", competition_id)
        rink_row: RinkRow | None = None
        if rink:
            rink_row = rink_by_key(session, rink)
            if rink_row is None:
                raise NotFound("rink", repr(rink))
        before = {"rink_id": row.rink_id, "level": row.level}
        rink_id = rink_row.id if rink_row else None
        moved = rink_id != row.rink_id
        row.rink_id = rink_id
        if level is not None:
            row.level = level
        if moved:
            since = _slices(session, competition_id)
            for table in (ArchiveResultRow, ArchiveBestRow):
                session.execute(
                    update(table)
                    .where(table.competition_id == competition_id)
                    .values(rink_id=rink_id),
                    execution_options={"synchronize_session": False},
                )
            store_entries(session, [], again_from=since)
        log_change(
            session,
            actor,
            "attach rink",
            before=before,
            after={"rink_id": row.rink_id, "level": row.level, "competition_id": competition_id},
            reason=reason,
        )


def _slices(session: Session, competition_id: int) -> dict[Slice, Order]:
    """The distances and genders of the competition's archived results, from its first day."""
    a = ArchiveResultRow
    query = (
        select(a.distance, a.gender, func.min(a.date))
        .where(a.competition_id == competition_id)
        .group_by(a.distance, a.gender)
    )
    return {(d, g): (first, 0, 0) for d, g, first in session.execute(query)}
