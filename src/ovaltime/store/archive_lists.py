"""Season and all-time lists: the fastest skaters on a distance, one line per skater.

* **The fast path** reads ``archive_bests`` along its index (distance, gender, season,
  time): the first hundred lines are a hundred index entries, whatever the archive's size. A
  nation filter walks the same index and skips other nations' lines.
* **Filters on age group or rink** need the results themselves (a best is not kept per age
  group or rink). A season's list ranks that season's results (one window query over the
  season's slice of ``archive_results``); an all-time list walks the results in time order
  along the index on (distance, gender, age group | rink, hundredths), keeps each skater's first
  (fastest) result and stops as soon as it has enough skaters.

Ranks are shared by equal official times (hundredths); within equal hundredths the lines are
in order of thousandths, then date. A rank counts every skater before it: 1, 2, 2, 4.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Executable, func, select
from sqlalchemy.orm import Session

from ovaltime.core.states import Gender
from ovaltime.core.times import Time
from ovaltime.store.archive_tables import (
    ALL_TIME,
    ArchiveBestRow,
    ArchiveResultRow,
    PersonRow,
    RinkRow,
)
from ovaltime.store.archive_times import archive_time, precisions
from ovaltime.store.tables import CompetitionRow, ResultRow

__all__ = ["ListLine", "alltime_list", "season_list"]


@dataclass(frozen=True, slots=True)
class ListLine:
    """One skater of a list: rank, who, the time, and where and when it was skated."""

    rank: int
    person_id: int
    name: str
    nation: str
    time: Time
    date: dt.date
    competition_id: int
    competition: str
    rink: str
    """The rink's key ("" where the competition has no rink)."""
    result_id: int


@dataclass(frozen=True, slots=True)
class _Best:
    person_id: int
    nation: str
    time_thousandths: int
    date: dt.date
    competition_id: int
    rink_id: int | None
    result_id: int


def season_list(
    session: Session,
    distance: int,
    gender: Gender,
    season: int,
    *,
    nation: str | None = None,
    age_group: str | None = None,
    rink: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[ListLine]:
    """The season's list (``season``: the year it starts, 2024 for 2024-25)."""
    return _list(session, distance, gender, season, nation, age_group, rink, limit, offset)


def alltime_list(
    session: Session,
    distance: int,
    gender: Gender,
    *,
    nation: str | None = None,
    age_group: str | None = None,
    rink: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[ListLine]:
    """The all-time list: each skater's personal best."""
    return _list(session, distance, gender, ALL_TIME, nation, age_group, rink, limit, offset)


def _list(
    session: Session,
    distance: int,
    gender: Gender,
    season: int,
    nation: str | None,
    age_group: str | None,
    rink: str | None,
    limit: int,
    offset: int,
) -> list[ListLine]:
    if limit <= 0:
        return []
    nation = nation.strip().upper() if nation else None
    rink_id: int | None = None
    if rink:
        rink_id = session.scalar(select(RinkRow.id).where(RinkRow.key == rink))
        if rink_id is None:
            return []
    if age_group is None and rink_id is None:
        return _from_bests(session, distance, gender, season, nation, limit, offset)
    if season != ALL_TIME:
        bests, before = _season_window(
            session, distance, gender, season, nation, age_group, rink_id, limit, offset
        )
    else:
        bests, before = _walk(session, distance, gender, nation, age_group, rink_id, limit, offset)
    return _lines(session, bests, before, offset)


def _from_bests(
    session: Session,
    distance: int,
    gender: Gender,
    season: int,
    nation: str | None,
    limit: int,
    offset: int,
) -> list[ListLine]:
    """The fast path: one statement along the bests index; names and the precision of the
    time (``results.time_precision``) joined by primary key."""
    b = ArchiveBestRow
    where = [b.distance == distance, b.gender == gender, b.season == season]
    if nation:
        where.append(b.nation == nation)
    query = (
        select(
            b.person_id,
            PersonRow.name,
            b.nation,
            b.time_thousandths,
            b.date,
            b.competition_id,
            CompetitionRow.name,
            func.coalesce(RinkRow.key, ""),
            b.result_id,
            ResultRow.time_precision,
        )
        .join(PersonRow, PersonRow.id == b.person_id)
        .join(CompetitionRow, CompetitionRow.id == b.competition_id)
        .join(ResultRow, ResultRow.id == b.result_id)
        .outerjoin(RinkRow, RinkRow.id == b.rink_id)
        .where(*where)
        .order_by(b.time_thousandths, b.date, b.person_id)
        .limit(limit)
        .offset(offset)
    )
    rows = session.execute(query).all()
    before = 0
    if offset and rows:
        first = rows[0][3] // 10 * 10
        count = select(func.count()).select_from(b).where(*where, b.time_thousandths < first)
        before = int(session.scalar(count) or 0)
    lines = []
    rank = before + 1
    previous: int | None = None
    for index, row in enumerate(rows):
        person, name, held, time, date, ident, event, rink, result, precision = row
        if previous is not None and time // 10 != previous:
            rank = offset + index + 1
        previous = time // 10
        shown = archive_time(time, precision)
        lines.append(ListLine(rank, person, name, held, shown, date, ident, event, rink, result))
    return lines


def _season_window(
    session: Session,
    distance: int,
    gender: Gender,
    season: int,
    nation: str | None,
    age_group: str | None,
    rink_id: int | None,
    limit: int,
    offset: int,
) -> tuple[list[_Best], int]:
    a = ArchiveResultRow
    where = [a.distance == distance, a.gender == gender, a.season == season]
    where += _filters(nation, age_group, rink_id)
    number = (
        func.row_number()
        .over(
            partition_by=a.person_id,
            order_by=(a.hundredths, a.date, a.competition_id, a.sequence),
        )
        .label("number")
    )
    ranked = (
        select(
            a.person_id,
            a.nation,
            a.time_thousandths,
            a.date,
            a.competition_id,
            a.rink_id,
            a.result_id,
            number,
        )
        .where(*where)
        .subquery()
    )
    firsts = select(*(ranked.c[name] for name in _Best.__slots__)).where(ranked.c.number == 1)
    query = firsts.order_by(ranked.c.time_thousandths, ranked.c.date, ranked.c.person_id).limit(
        limit + offset
    )
    everyone = [_Best(*row) for row in session.execute(query)]
    return everyone[offset:], _ahead(everyone, offset)


def _filters(nation: str | None, age_group: str | None, rink_id: int | None) -> list[Any]:
    a = ArchiveResultRow
    where: list[Any] = []
    if nation:
        where.append(a.nation == nation)
    if age_group is not None:
        where.append(a.age_group == age_group)
    if rink_id is not None:
        where.append(a.rink_id == rink_id)
    return where


def _walk(
    session: Session,
    distance: int,
    gender: Gender,
    nation: str | None,
    age_group: str | None,
    rink_id: int | None,
    limit: int,
    offset: int,
) -> tuple[list[_Best], int]:
    a = ArchiveResultRow
    query = (
        select(
            a.person_id,
            a.nation,
            a.time_thousandths,
            a.date,
            a.competition_id,
            a.rink_id,
            a.result_id,
        )
        .where(a.distance == distance, a.gender == gender, *_filters(nation, age_group, rink_id))
        .order_by(a.hundredths, a.date, a.competition_id, a.sequence)
    )
    wanted = limit + offset
    seen: set[int] = set()
    everyone: list[_Best] = []
    for row in _streamed(session, query):
        if row.person_id in seen:
            continue
        seen.add(row.person_id)
        everyone.append(_Best(*row))
        if len(everyone) >= wanted:
            break
    return everyone[offset:], _ahead(everyone, offset)


def _streamed(session: Session, query: Executable) -> Iterable[Any]:
    """The rows of ``query``, fetched as they are read (a server-side cursor on PostgreSQL)."""
    result = session.execute(query, execution_options={"yield_per": 200})
    try:
        yield from result
    finally:
        result.close()


def _ahead(everyone: Sequence[_Best], offset: int) -> int:
    """How many skaters before the first line shown have a strictly better official time."""
    if not offset or len(everyone) <= offset:
        return 0
    first = everyone[offset].time_thousandths // 10
    return sum(1 for best in everyone[:offset] if best.time_thousandths // 10 < first)


def _lines(session: Session, bests: list[_Best], before: int, offset: int) -> list[ListLine]:
    """Rank the bests and fetch what a line shows (names, competitions, rinks, and the
    precision of each time), each by primary key."""
    if not bests:
        return []
    persons = dict(
        session.execute(
            select(PersonRow.id, PersonRow.name).where(
                PersonRow.id.in_({b.person_id for b in bests})
            )
        ).all()
    )
    competitions = dict(
        session.execute(
            select(CompetitionRow.id, CompetitionRow.name).where(
                CompetitionRow.id.in_({b.competition_id for b in bests})
            )
        ).all()
    )
    rink_ids = {b.rink_id for b in bests if b.rink_id is not None}
    rinks = (
        dict(session.execute(select(RinkRow.id, RinkRow.key).where(RinkRow.id.in_(rink_ids))).all())
        if rink_ids
        else {}
    )
    given = precisions(session, [b.result_id for b in bests])
    lines = []
    rank = before + 1
    previous: int | None = None
    for index, best in enumerate(bests):
        hundredths = best.time_thousandths // 10
        if previous is not None and hundredths != previous:
            rank = offset + index + 1
        previous = hundredths
        lines.append(
            ListLine(
                rank,
                best.person_id,
                persons.get(best.person_id, ""),
                best.nation,
                archive_time(best.time_thousandths, given.get(best.result_id)),
                best.date,
                best.competition_id,
                competitions.get(best.competition_id, ""),
                rinks.get(best.rink_id, "") if best.rink_id is not None else "",
                best.result_id,
            )
        )
    return lines
