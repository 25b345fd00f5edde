"""The competition repository: save a whole ``Competition``, load it back, list, find a race.

Functions take a ``Session`` the caller owns (a service's transaction or a read session) and
never commit. Loading gives back exactly the core values saved: races in programme order,
results in their order, passages by distance, times with their precision.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ovaltime.core.results import Competition, Race, Skater
from ovaltime.store.mapping import passage_row, race_of, race_row, write_outcome
from ovaltime.store.tables import CompetitionRow, RaceRow, ResultRow, SkaterRow

__all__ = [
    "CompetitionSummary",
    "StoredRace",
    "find_race",
    "list_competitions",
    "load_competition",
    "save_competition",
    "skater_row",
]


@dataclass(frozen=True, slots=True)
class CompetitionSummary:
    """One line of the list of competitions."""

    id: int
    name: str
    venue: str
    nation: str
    start: dt.date | None
    end: dt.date | None
    races: int


@dataclass(frozen=True, slots=True)
class StoredRace:
    """A race with the ids that address it: its row id and its place in the programme."""

    id: int
    competition_id: int
    position: int
    race: Race


def skater_row(session: Session, competition_id: int, skater: Skater) -> SkaterRow:
    """The row of ``skater`` in the competition, added when it is new."""
    row = session.scalar(
        select(SkaterRow).where(
            SkaterRow.competition_id == competition_id,
            SkaterRow.name == skater.name,
            SkaterRow.nation == skater.nation,
            SkaterRow.age_group == skater.age_group,
        )
    )
    if row is None:
        row = SkaterRow(
            competition_id=competition_id,
            name=skater.name,
            nation=skater.nation,
            age_group=skater.age_group,
        )
        session.add(row)
    return row


def save_competition(
    session: Session, competition: Competition, *, source_digest: str | None = None
) -> int:
    """Add ``competition`` with its skaters, races, results and passages; its new id."""
    head = CompetitionRow(
        name=competition.name,
        venue=competition.venue,
        nation=competition.nation,
        start=competition.start,
        end=competition.end,
        source_digest=source_digest,
    )
    skaters: dict[Skater, SkaterRow] = {}
    for skater in (r.skater for race in competition.races for r in race.results):
        if skater not in skaters:
            skaters[skater] = SkaterRow(
                name=skater.name, nation=skater.nation, age_group=skater.age_group
            )
    head.skaters = list(skaters.values())
    for position, race in enumerate(competition.races, start=1):
        row = race_row(race, position)
        for index, result in enumerate(race.results, start=1):
            entry = ResultRow(
                skater=skaters[result.skater],
                position=index,
                pair=result.pair,
                lane=result.lane,
                passages=[passage_row(p) for p in result.passages],
            )
            write_outcome(entry, result)
            row.results.append(entry)
        head.races.append(row)
    session.add(head)
    session.flush()
    return head.id


def load_competition(session: Session, competition_id: int) -> Competition | None:
    """The competition with every recorded result, or ``None`` when there is no such id."""
    head = session.get(CompetitionRow, competition_id)
    if head is None:
        return None
    rows = session.scalars(
        select(RaceRow)
        .where(RaceRow.competition_id == competition_id)
        .order_by(RaceRow.position)
        .options(selectinload(RaceRow.results).selectinload(ResultRow.passages))
    ).all()
    skaters: dict[int, Skater] = {}
    return Competition(
        name=head.name,
        races=tuple(race_of(row, skaters) for row in rows),
        venue=head.venue,
        nation=head.nation,
        start=head.start,
        end=head.end,
    )


def list_competitions(session: Session) -> list[CompetitionSummary]:
    """Every competition, the latest start first (undated ones last), with its race count."""
    counts = (
        select(RaceRow.competition_id, func.count(RaceRow.id).label("races"))
        .group_by(RaceRow.competition_id)
        .subquery()
    )
    query = (
        select(CompetitionRow, func.coalesce(counts.c.races, 0))
        .outerjoin(counts, counts.c.competition_id == CompetitionRow.id)
        .order_by(CompetitionRow.start.desc().nulls_last(), CompetitionRow.id)
    )
    return [
        CompetitionSummary(row.id, row.name, row.venue, row.nation, row.start, row.end, races)
        for row, races in session.execute(query).all()
    ]


def competition_name(session: Session, competition_id: int) -> str | None:
    """The name of the competition, or ``None`` when there is none with that id."""
    return session.scalar(select(CompetitionRow.name).where(CompetitionRow.id == competition_id))


def find_race(session: Session, competition_id: int, position: int) -> StoredRace | None:
    """The race at ``position`` (from 1) in the programme of the competition, if there is one."""
    row = session.scalar(
        select(RaceRow)
        .where(RaceRow.competition_id == competition_id, RaceRow.position == position)
        .options(selectinload(RaceRow.results).selectinload(ResultRow.passages))
    )
    if row is None:
        return None
    return StoredRace(row.id, row.competition_id, row.position, race_of(row))
