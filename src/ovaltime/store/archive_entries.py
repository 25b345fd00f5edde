"""Archived results as plain values: written in bulk, read back for judging, flags updated.

An ``ArchiveEntry`` is one row of ``archive_results``. ``order`` is the archive's chronology:
date, then competition (in the order competitions were stored), then ``sequence`` (race and
pair within the competition); entries equal on all three were skated together, as far as the
archive knows, and are judged as simultaneous.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Row, and_, delete, or_, select
from sqlalchemy.orm import Session

from ovaltime.core.records import season_start
from ovaltime.core.states import Gender
from ovaltime.store.archive_tables import ArchiveRecordRow, ArchiveResultRow
from ovaltime.store.bulk import Values, allocate_ids, executemany, insert_rows

__all__ = [
    "ArchiveEntry",
    "Order",
    "at_or_after",
    "delete_entries",
    "entries_for_results",
    "entries_from",
    "entries_of_persons",
    "insert_entries",
    "latest_order",
    "update_flags",
]

_COLUMNS = (
    "id", "result_id", "person_id", "distance", "gender", "season", "date", "time_thousandths",
    "hundredths", "competition_id", "rink_id", "nation", "age_group", "junior", "sequence",
    "flags",
)  # fmt: skip


Order = tuple[dt.date, int, int]
"""A place in the archive's chronology: (date, competition id, sequence)."""


def at_or_after(columns: Any, order: Order) -> ColumnElement[bool]:
    """The condition "at ``order`` or later" on a table with date, competition_id, sequence."""
    date, competition, sequence = order
    return or_(
        columns.date > date,
        and_(
            columns.date == date,
            or_(
                columns.competition_id > competition,
                and_(columns.competition_id == competition, columns.sequence >= sequence),
            ),
        ),
    )


@dataclass(slots=True)
class ArchiveEntry:
    """One archived result; ``id`` is None until it is stored, ``flags`` as last judged."""

    result_id: int
    person_id: int
    distance: int
    gender: Gender
    date: dt.date
    time_thousandths: int
    competition_id: int
    rink_id: int | None
    nation: str
    age_group: str
    junior: bool
    sequence: int
    flags: str = ""
    id: int | None = None
    claims: str = ""
    """Of ``flags``, those that improve on something the archive held (set by judging, not
    stored): what a live result list announces."""

    @property
    def hundredths(self) -> int:
        return self.time_thousandths // 10

    @property
    def season(self) -> int:
        return season_start(self.date)

    @property
    def order(self) -> Order:
        """When it was skated, as far as the archive knows (see the module)."""
        return (self.date, self.competition_id, self.sequence)


def _entry(row: Row[Any]) -> ArchiveEntry:
    return ArchiveEntry(
        result_id=row.result_id,
        person_id=row.person_id,
        distance=row.distance,
        gender=row.gender,
        date=row.date,
        time_thousandths=row.time_thousandths,
        competition_id=row.competition_id,
        rink_id=row.rink_id,
        nation=row.nation,
        age_group=row.age_group,
        junior=row.junior,
        sequence=row.sequence,
        flags=row.flags,
        id=row.id,
    )


_T = ArchiveResultRow.__table__.c
_SELECT = select(*(_T[name] for name in _COLUMNS if name not in ("season", "hundredths")))


def insert_entries(session: Session, entries: Sequence[ArchiveEntry]) -> None:
    """Store new entries (their ``id`` is set)."""
    values = Values(session)
    for entry, ident in zip(
        entries, allocate_ids(session, "archive_results", len(entries)), strict=True
    ):
        entry.id = ident
    insert_rows(
        session,
        "archive_results",
        _COLUMNS,
        (
            (
                e.id,
                e.result_id,
                e.person_id,
                e.distance,
                e.gender.value,
                e.season,
                values.date(e.date),
                e.time_thousandths,
                e.hundredths,
                e.competition_id,
                e.rink_id,
                e.nation,
                e.age_group,
                values.flag(e.junior),
                e.sequence,
                e.flags,
            )
            for e in entries
        ),
    )


def update_flags(session: Session, changes: Sequence[tuple[int, str]]) -> None:
    """Set ``flags`` of stored entries: (entry id, flags) pairs."""
    executemany(
        session,
        "UPDATE archive_results SET flags = ? WHERE id = ?",
        [(flags, ident) for ident, flags in changes],
    )


def latest_order(session: Session, distance: int, gender: Gender) -> Order | None:
    """The ``order`` of the latest entry of a distance and gender (None when there is none):
    one step back along the index on (distance, gender, season, date, competition, sequence)."""
    row = session.execute(
        select(_T.date, _T.competition_id, _T.sequence)
        .where(_T.distance == distance, _T.gender == gender)
        .order_by(_T.season.desc(), _T.date.desc(), _T.competition_id.desc(), _T.sequence.desc())
        .limit(1)
    ).first()
    return None if row is None else (row.date, row.competition_id, row.sequence)


def entries_from(
    session: Session, distance: int, gender: Gender, since: Order
) -> list[ArchiveEntry]:
    """Every entry of a distance and gender at ``since`` or later, in order."""
    query = _SELECT.where(
        _T.distance == distance,
        _T.gender == gender,
        _T.season >= season_start(since[0]),
        at_or_after(_T, since),
    )
    entries = [_entry(row) for row in session.execute(query)]
    entries.sort(key=lambda e: e.order)
    return entries


def entries_of_persons(
    session: Session, person_ids: Iterable[int], distances: Iterable[int] | None = None
) -> list[ArchiveEntry]:
    """Every entry of these persons (on these distances), in order."""
    entries: list[ArchiveEntry] = []
    wanted = sorted(set(person_ids))
    for start in range(0, len(wanted), 500):
        query = _SELECT.where(_T.person_id.in_(wanted[start : start + 500]))
        if distances is not None:
            query = query.where(_T.distance.in_(sorted(set(distances))))
        entries.extend(_entry(row) for row in session.execute(query))
    entries.sort(key=lambda e: e.order)
    return entries


def entries_for_results(session: Session, result_ids: Iterable[int]) -> list[ArchiveEntry]:
    """The entries archived from these results (a result not archived has none)."""
    wanted = sorted(set(result_ids))
    entries: list[ArchiveEntry] = []
    for start in range(0, len(wanted), 500):
        query = _SELECT.where(_T.result_id.in_(wanted[start : start + 500]))
        entries.extend(_entry(row) for row in session.execute(query))
    return entries


def delete_entries(session: Session, result_ids: Iterable[int]) -> None:
    """Remove the entries of these results (their record rows go with them)."""
    wanted = sorted(set(result_ids))
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        for table in (ArchiveRecordRow, ArchiveResultRow):
            session.execute(
                delete(table).where(table.result_id.in_(chunk)),
                execution_options={"synchronize_session": False},
            )
