"""Writing the Adelskalender: each person's points and every change of them.

The points themselves are computed by the judge (``core.records.adelskalender_points``); this
module only stores them: ``adelskalender`` holds the standing (one row per person),
``adelskalender_changes`` the history it came from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete
from sqlalchemy.orm import Session

from ovaltime.core.states import Gender
from ovaltime.store.archive_tables import AdelskalenderChangeRow, AdelskalenderRow
from ovaltime.store.bulk import Values, allocate_ids, executemany, insert_rows

__all__ = ["PointsChange", "add_changes", "drop_adelskalender", "save_standings"]


@dataclass(frozen=True, slots=True)
class PointsChange:
    """A person's Adelskalender points from ``date`` on (thousandths of a point)."""

    person_id: int
    gender: Gender
    date: dt.date
    points_thousandths: int


def save_standings(session: Session, standings: Iterable[PointsChange]) -> None:
    """Insert or replace the persons' current points (the last change of each)."""
    values = Values(session)
    executemany(
        session,
        "INSERT INTO adelskalender (person_id, gender, points_thousandths, date) "
        "VALUES (?, ?, ?, ?) ON CONFLICT (person_id) DO UPDATE SET gender = excluded.gender, "
        "points_thousandths = excluded.points_thousandths, date = excluded.date",
        [
            (s.person_id, s.gender.value, s.points_thousandths, values.date(s.date))
            for s in standings
        ],
    )


def add_changes(session: Session, changes: Sequence[PointsChange]) -> None:
    """Append changes to the history."""
    values = Values(session)
    ids = allocate_ids(session, "adelskalender_changes", len(changes))
    insert_rows(
        session,
        "adelskalender_changes",
        ("id", "person_id", "gender", "date", "points_thousandths"),
        (
            (ident, c.person_id, c.gender.value, values.date(c.date), c.points_thousandths)
            for ident, c in zip(ids, changes, strict=True)
        ),
    )


def drop_adelskalender(session: Session, person_ids: Iterable[int]) -> None:
    """Forget the points and the history of these persons (before computing them again)."""
    persons = sorted(set(person_ids))
    for start in range(0, len(persons), 500):
        chunk = persons[start : start + 500]
        for table in (AdelskalenderRow, AdelskalenderChangeRow):
            session.execute(
                delete(table).where(table.person_id.in_(chunk)),
                execution_options={"synchronize_session": False},
            )
