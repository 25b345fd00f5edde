"""Records as the archive computed them: the ones standing now, and the world record on a date.

Read from ``archive_records``: a record stands from the first result that set it until one
is faster; a record equalled by another skater keeps its first holder here (the equalling
result carries the flag too, in its own row).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from ovaltime.core.records import RECORD_KINDS
from ovaltime.core.states import Gender
from ovaltime.core.times import Time
from ovaltime.store.archive_tables import (
    ArchiveRecordRow,
    ArchiveResultRow,
    PersonRow,
    RinkRow,
)
from ovaltime.store.archive_times import archive_time
from ovaltime.store.tables import CompetitionRow, ResultRow

__all__ = ["RecordLine", "records", "world_record_at"]


@dataclass(frozen=True, slots=True)
class RecordLine:
    """A record: its kind and scope (nation code, rink key, "" for the world), the time,
    and the result that set it."""

    kind: str
    scope: str
    distance: int
    gender: Gender
    time: Time
    person_id: int
    name: str
    nation: str
    date: dt.date
    competition_id: int
    competition: str
    rink: str
    result_id: int


def _line(session: Session, mark: ArchiveRecordRow) -> RecordLine:
    a = ArchiveResultRow
    row = session.execute(
        select(
            a.time_thousandths,
            a.person_id,
            PersonRow.name,
            a.nation,
            a.competition_id,
            CompetitionRow.name,
            func.coalesce(RinkRow.key, ""),
            ResultRow.time_precision,
        )
        .join(PersonRow, PersonRow.id == a.person_id)
        .join(CompetitionRow, CompetitionRow.id == a.competition_id)
        .join(ResultRow, ResultRow.id == a.result_id)
        .outerjoin(RinkRow, RinkRow.id == a.rink_id)
        .where(a.result_id == mark.result_id)
    ).one()
    time, person, name, nation, competition_id, competition, rink, precision = row
    scope = mark.scope
    if mark.kind.startswith("TR") and scope:
        scope = session.scalar(select(RinkRow.key).where(RinkRow.id == int(scope))) or scope
    return RecordLine(
        mark.kind,
        scope,
        mark.distance,
        mark.gender,
        archive_time(time, precision),
        person,
        name,
        nation,
        mark.date,
        competition_id,
        competition,
        rink,
        mark.result_id,
    )


def _first_of(
    session: Session, query_where: list[ColumnElement[bool]], hundredths: int
) -> ArchiveRecordRow:
    m = ArchiveRecordRow
    found = session.scalar(
        select(m)
        .where(*query_where, m.hundredths == hundredths)
        .order_by(m.date, m.competition_id, m.sequence)
        .limit(1)
    )
    assert found is not None
    return found


def records(
    session: Session,
    kind: str,
    distance: int,
    gender: Gender,
    *,
    nation: str | None = None,
    rink: str | None = None,
) -> list[RecordLine]:
    """The records of ``kind`` (WR, WRJ, NR, NRJ, TR, TRJ) standing now: one line, or for NR
    and TR one per nation or rink (``nation`` or ``rink``, a rink key, picks one)."""
    if kind not in RECORD_KINDS:
        raise ValueError(f"unknown record {kind!r} (expected one of {', '.join(RECORD_KINDS)})")
    m = ArchiveRecordRow
    where: list[ColumnElement[bool]] = [m.distance == distance, m.gender == gender, m.kind == kind]
    if nation and kind.startswith("NR"):
        where.append(m.scope == nation.strip().upper())
    if rink and kind.startswith("TR"):
        rink_id = session.scalar(select(RinkRow.id).where(RinkRow.key == rink))
        if rink_id is None:
            return []
        where.append(m.scope == str(rink_id))
    standing = session.execute(
        select(m.scope, func.min(m.hundredths)).where(*where).group_by(m.scope)
    ).all()
    lines = [
        _line(session, _first_of(session, [*where, m.scope == scope], best))
        for scope, best in standing
    ]
    return sorted(lines, key=lambda line: (line.time, line.scope))


def world_record_at(
    session: Session, distance: int, gender: Gender, date: dt.date
) -> RecordLine | None:
    """The world record standing at the end of ``date`` (None before the first one)."""
    m = ArchiveRecordRow
    where: list[ColumnElement[bool]] = [
        m.distance == distance,
        m.gender == gender,
        m.kind == "WR",
        m.scope == "",
    ]
    best = session.scalar(select(func.min(m.hundredths)).where(*where, m.date <= date))
    if best is None:
        return None
    return _line(session, _first_of(session, where, best))
