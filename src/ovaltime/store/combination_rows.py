"""Reading and writing the archive's combination totals (``archive_combinations``).

The table is small (a championship adds a few dozen totals), so a combination and gender is
always judged whole, and its list ranks every skater's best total with one window query.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from ovaltime.core.states import Gender
from ovaltime.store.archive_tables import PersonRow
from ovaltime.store.combination_tables import CombinationTotalRow
from ovaltime.store.tables import CompetitionRow, SkaterRow

__all__ = [
    "CombinationLine",
    "NewTotal",
    "StoredTotal",
    "TotalSlice",
    "combination_lines",
    "person_totals",
    "refresh_persons",
    "replace_totals",
    "slices_of_persons",
    "stored_totals",
    "update_total_flags",
]

TotalSlice = tuple[str, Gender]
"""A combination and gender: the unit of judging."""

_T = CombinationTotalRow


@dataclass(frozen=True, slots=True)
class NewTotal:
    """A total to store (its flags are judged after)."""

    skater_id: int
    person_id: int
    combination: str
    gender: Gender
    nation: str
    date: dt.date
    points: int


@dataclass(frozen=True, slots=True)
class StoredTotal:
    """A stored total, as the judge reads it."""

    id: int
    person_id: int
    nation: str
    points: int
    date: dt.date
    competition_id: int
    flags: str


@dataclass(frozen=True, slots=True)
class CombinationLine:
    """One line of a combination's list, or one of a skater's totals."""

    rank: int
    person_id: int
    name: str
    nation: str
    combination: str
    gender: Gender
    points: int
    date: dt.date
    competition_id: int
    competition: str
    flags: str


def replace_totals(
    session: Session, competition_id: int, totals: Sequence[NewTotal]
) -> set[TotalSlice]:
    """Store the competition's totals in place of those it had; the slices either touched."""
    old = session.execute(
        select(_T.combination, _T.gender).where(_T.competition_id == competition_id).distinct()
    )
    touched = {(combination, gender) for combination, gender in old}
    session.execute(
        delete(_T).where(_T.competition_id == competition_id),
        execution_options={"synchronize_session": False},
    )
    session.add_all(
        _T(
            competition_id=competition_id,
            skater_id=t.skater_id,
            person_id=t.person_id,
            combination=t.combination,
            gender=t.gender,
            nation=t.nation,
            date=t.date,
            points_thousandths=t.points,
            flags="",
        )
        for t in totals
    )
    session.flush()
    return touched | {(t.combination, t.gender) for t in totals}


def stored_totals(session: Session, slice_: TotalSlice) -> list[StoredTotal]:
    """Every total of a combination and gender."""
    combination, gender = slice_
    rows = session.execute(
        select(
            _T.id,
            _T.person_id,
            _T.nation,
            _T.points_thousandths,
            _T.date,
            _T.competition_id,
            _T.flags,
        ).where(_T.combination == combination, _T.gender == gender)
    )
    return [StoredTotal(*row) for row in rows]


def update_total_flags(session: Session, changes: Iterable[tuple[int, str]]) -> None:
    for ident, flags in changes:
        session.execute(
            update(_T).where(_T.id == ident).values(flags=flags),
            execution_options={"synchronize_session": False},
        )


def refresh_persons(session: Session, skater_ids: Collection[int]) -> None:
    """Give the totals of these skaters their skater's person, after identities changed."""
    if not skater_ids:
        return
    person = select(SkaterRow.person_id).where(SkaterRow.id == _T.skater_id).scalar_subquery()
    session.execute(
        update(_T).where(_T.skater_id.in_(list(skater_ids))).values(person_id=person),
        execution_options={"synchronize_session": False},
    )


def slices_of_persons(session: Session, person_ids: Collection[int]) -> set[TotalSlice]:
    """The combinations and genders in which these persons have totals."""
    if not person_ids:
        return set()
    rows = session.execute(
        select(_T.combination, _T.gender).where(_T.person_id.in_(list(person_ids))).distinct()
    )
    return {(combination, gender) for combination, gender in rows}


def combination_lines(
    session: Session,
    combination: str,
    gender: Gender,
    *,
    nation: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[CombinationLine]:
    """The all-time list of a combination: each skater's best total (the earliest of equal
    ones), lowest first; equal totals share a rank (1, 2, 2, 4)."""
    where = [_T.combination == combination, _T.gender == gender]
    if nation:
        where.append(_T.nation == nation.strip().upper())
    first = (
        func.row_number()
        .over(partition_by=_T.person_id, order_by=(_T.points_thousandths, _T.date, _T.id))
        .label("first")
    )
    best = select(_T, first).where(*where).subquery()
    ranked = (
        select(
            best.c.person_id,
            best.c.points_thousandths,
            best.c.date,
            best.c.competition_id,
            best.c.nation,
            best.c.flags,
            func.rank().over(order_by=best.c.points_thousandths).label("rank"),
        )
        .where(best.c.first == 1)
        .subquery()
    )
    query = (
        select(
            ranked.c.rank,
            ranked.c.person_id,
            PersonRow.name,
            ranked.c.nation,
            ranked.c.points_thousandths,
            ranked.c.date,
            ranked.c.competition_id,
            CompetitionRow.name,
            ranked.c.flags,
        )
        .join(PersonRow, PersonRow.id == ranked.c.person_id)
        .join(CompetitionRow, CompetitionRow.id == ranked.c.competition_id)
        .order_by(ranked.c.rank, ranked.c.date, ranked.c.person_id)
        .limit(limit)
        .offset(offset)
    )
    return [
        CombinationLine(
            int(rank), person, name, held, combination, gender, points, date, ident, event, flags
        )
        for rank, person, name, held, points, date, ident, event, flags in session.execute(query)
    ]


def person_totals(session: Session, person_id: int) -> list[CombinationLine]:
    """Every total of a person, by combination and then in time order (``rank`` 0)."""
    query = (
        select(
            _T.person_id,
            PersonRow.name,
            _T.nation,
            _T.combination,
            _T.gender,
            _T.points_thousandths,
            _T.date,
            _T.competition_id,
            CompetitionRow.name,
            _T.flags,
        )
        .join(PersonRow, PersonRow.id == _T.person_id)
        .join(CompetitionRow, CompetitionRow.id == _T.competition_id)
        .where(_T.person_id == person_id)
        .order_by(_T.combination, _T.date, _T.competition_id)
    )
    return [
        CombinationLine(0, person, name, held, kind, gender, points, date, ident, event, flags)
        for person, name, held, kind, gender, points, date, ident, event, flags in session.execute(
            query
        )
    ]
