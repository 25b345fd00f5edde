"""The Adelskalender: skaters ranked by the samalog sum of their personal bests.

The standing is read from ``adelskalender`` along its index (gender, points), the bests shown
beside it from ``archive_bests`` (each with its result's precision, joined by primary key). A
skater's position in the past comes from ``adelskalender_changes``: points only ever fall, so
the position after a change at date ``d`` with ``p`` points is one plus the number of other
skaters who had fewer than ``p`` points by ``d`` (equal points share a position).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from ovaltime.core.records import ADELSKALENDER_DISTANCES
from ovaltime.core.states import Gender
from ovaltime.core.times import Time
from ovaltime.store.archive_tables import (
    ALL_TIME,
    AdelskalenderChangeRow,
    AdelskalenderRow,
    ArchiveBestRow,
    PersonRow,
)
from ovaltime.store.archive_times import archive_time
from ovaltime.store.tables import ResultRow

__all__ = ["AdelskalenderLine", "AdelskalenderStep", "adelskalender", "adelskalender_history"]


@dataclass(frozen=True, slots=True)
class AdelskalenderLine:
    """One skater of the Adelskalender: position, points, and the bests they come from."""

    rank: int
    person_id: int
    name: str
    nation: str
    points_thousandths: int
    date: dt.date
    """When the last of these bests was skated."""
    bests: dict[int, Time]

    @property
    def points(self) -> Decimal:
        return Decimal(self.points_thousandths).scaleb(-3)


@dataclass(frozen=True, slots=True)
class AdelskalenderStep:
    """A change of a skater's points, and their position right after it."""

    date: dt.date
    points_thousandths: int
    position: int


def adelskalender(
    session: Session, gender: Gender, *, limit: int = 100, offset: int = 0
) -> list[AdelskalenderLine]:
    """The Adelskalender of ``gender`` (men or women), best first."""
    a = AdelskalenderRow
    rows = session.execute(
        select(a.person_id, PersonRow.name, PersonRow.nation, a.points_thousandths, a.date)
        .join(PersonRow, PersonRow.id == a.person_id)
        .where(a.gender == gender)
        .order_by(a.points_thousandths, a.person_id)
        .limit(limit)
        .offset(offset)
    ).all()
    if not rows:
        return []
    distances = ADELSKALENDER_DISTANCES[gender]
    b = ArchiveBestRow
    bests: dict[int, dict[int, Time]] = {row.person_id: {} for row in rows}
    for person, distance, time, precision in session.execute(
        select(b.person_id, b.distance, b.time_thousandths, ResultRow.time_precision)
        .join(ResultRow, ResultRow.id == b.result_id)
        .where(b.person_id.in_(list(bests)), b.season == ALL_TIME, b.distance.in_(distances))
    ):
        bests[person][distance] = archive_time(time, precision)
    rank = 1
    if offset:
        first = rows[0].points_thousandths
        rank += int(
            session.scalar(
                select(func.count()).where(a.gender == gender, a.points_thousandths < first)
            )
            or 0
        )
    lines = []
    previous: int | None = None
    for index, (person, name, nation, points, date) in enumerate(rows):
        if previous is not None and points != previous:
            rank = offset + index + 1
        previous = points
        lines.append(
            AdelskalenderLine(
                rank, person, name, nation, points, date, dict(sorted(bests[person].items()))
            )
        )
    return lines


def adelskalender_history(session: Session, person_id: int) -> list[AdelskalenderStep]:
    """The skater's position after each change of their points, oldest first."""
    c, o = AdelskalenderChangeRow, aliased(AdelskalenderChangeRow)
    ahead = (
        select(func.count(func.distinct(o.person_id)))
        .where(
            o.gender == c.gender,
            o.points_thousandths < c.points_thousandths,
            o.date <= c.date,
            o.person_id != c.person_id,
        )
        .scalar_subquery()
    )
    rows = session.execute(
        select(c.date, c.points_thousandths, ahead)
        .where(c.person_id == person_id)
        .order_by(c.date, c.id)
    ).all()
    return [AdelskalenderStep(date, points, int(before) + 1) for date, points, before in rows]
