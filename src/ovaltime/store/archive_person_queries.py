"""One skater in the archive: finding them, their bests, PB progression, head to head."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from ovaltime.core.identity import fold, name_key, sound_key
from ovaltime.core.states import Gender
from ovaltime.core.times import Time
from ovaltime.store.archive_entries import entries_of_persons
from ovaltime.store.archive_tables import (
    ALL_TIME,
    ArchiveBestRow,
    ArchiveResultRow,
    PersonAliasRow,
    PersonRow,
    RinkRow,
)
from ovaltime.store.archive_times import archive_time
from ovaltime.store.tables import CompetitionRow, ResultRow, SkaterRow

__all__ = [
    "AliasLine",
    "DistanceBests",
    "HeadToHead",
    "Meeting",
    "PersonFound",
    "PersonResult",
    "aliases_of",
    "bests",
    "find_persons",
    "head_to_head",
    "pb_progression",
]


@dataclass(frozen=True, slots=True)
class PersonResult:
    """One archived result of a person, with where and when it was skated."""

    result_id: int
    distance: int
    time: Time
    date: dt.date
    season: int
    competition_id: int
    competition: str
    rink: str
    """The rink's key ("" where the competition has no rink)."""
    flags: str


@dataclass(frozen=True, slots=True)
class DistanceBests:
    """A person's PB on a distance and their best of the season asked for (None: none)."""

    distance: int
    pb: PersonResult
    sb: PersonResult | None


@dataclass(frozen=True, slots=True)
class PersonFound:
    """A person a search found, with the aliases that matched."""

    person_id: int
    name: str
    nation: str
    gender: Gender | None
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Meeting:
    """A race both skated: their times (thousandths decide, as in the race's ranking)."""

    race_id: int
    distance: int
    date: dt.date
    competition_id: int
    competition: str
    time_a: Time
    time_b: Time

    @property
    def winner(self) -> str:
        """``"a"``, ``"b"``, or ``""`` for equal times."""
        if self.time_a == self.time_b:
            return ""
        return "a" if self.time_a < self.time_b else "b"


@dataclass(frozen=True, slots=True)
class HeadToHead:
    """Every race two persons both finished with a time, and the count per distance."""

    a: int
    b: int
    meetings: tuple[Meeting, ...]
    totals: dict[int, tuple[int, int, int]] = field(default_factory=dict)
    """Per distance: (races a won, races b won, equal times)."""


def _results(session: Session, result_ids: list[int]) -> dict[int, PersonResult]:
    a = ArchiveResultRow
    query = (
        select(
            a.result_id,
            a.distance,
            a.time_thousandths,
            a.date,
            a.season,
            a.competition_id,
            CompetitionRow.name,
            func.coalesce(RinkRow.key, ""),
            a.flags,
            ResultRow.time_precision,
        )
        .join(CompetitionRow, CompetitionRow.id == a.competition_id)
        .join(ResultRow, ResultRow.id == a.result_id)
        .outerjoin(RinkRow, RinkRow.id == a.rink_id)
        .where(a.result_id.in_(result_ids))
    )
    found = {}
    for row in session.execute(query):
        ident, distance, time, date, season, competition_id, name, rink, flags, precision = row
        shown = archive_time(time, precision)
        found[ident] = PersonResult(
            ident, distance, shown, date, season, competition_id, name, rink, flags
        )
    return found


def bests(session: Session, person_id: int, season: int | None = None) -> list[DistanceBests]:
    """The person's PB on each distance and their best of ``season`` (None: the latest
    season they skated in), by distance."""
    b = ArchiveBestRow
    rows = session.execute(
        select(b.distance, b.season, b.result_id).where(b.person_id == person_id)
    ).all()
    if not rows:
        return []
    if season is None:
        season = max(row.season for row in rows)
    chosen = [row for row in rows if row.season in (ALL_TIME, season)]
    results = _results(session, [row.result_id for row in chosen])
    pbs = {row.distance: results[row.result_id] for row in chosen if row.season == ALL_TIME}
    sbs = {row.distance: results[row.result_id] for row in chosen if row.season == season}
    return [DistanceBests(d, pbs[d], sbs.get(d)) for d in sorted(pbs)]


def pb_progression(session: Session, person_id: int, distance: int) -> list[PersonResult]:
    """Every result that improved the person's best on the distance, oldest first (the first
    result on a distance is the first PB; an equal time is no improvement)."""
    steps = []
    best: int | None = None
    for entry in entries_of_persons(session, [person_id], [distance]):
        if best is None or entry.hundredths < best:
            best = entry.hundredths
            steps.append(entry.result_id)
    results = _results(session, steps)
    return [results[ident] for ident in steps]


def head_to_head(session: Session, a: int, b: int) -> HeadToHead:
    """Every race in which both persons have an archived result, oldest first."""
    xa, xb = aliased(ArchiveResultRow), aliased(ArchiveResultRow)
    ra, rb = aliased(ResultRow), aliased(ResultRow)
    query = (
        select(
            ra.race_id,
            xa.distance,
            xa.date,
            xa.competition_id,
            CompetitionRow.name,
            xa.time_thousandths,
            ra.time_precision,
            xb.time_thousandths,
            rb.time_precision,
        )
        .join(ra, ra.id == xa.result_id)
        .join(rb, rb.race_id == ra.race_id)
        .join(xb, and_(xb.result_id == rb.id, xb.person_id == b))
        .join(CompetitionRow, CompetitionRow.id == xa.competition_id)
        .where(xa.person_id == a)
        .order_by(xa.date, xa.competition_id, xa.sequence)
    )
    meetings = []
    totals: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    for row in session.execute(query):
        race, distance, date, competition_id, name, time_a, precision_a, time_b, precision_b = row
        meeting = Meeting(
            race,
            distance,
            date,
            competition_id,
            name,
            archive_time(time_a, precision_a),
            archive_time(time_b, precision_b),
        )
        meetings.append(meeting)
        totals[distance][{"a": 0, "b": 1, "": 2}[meeting.winner]] += 1
    return HeadToHead(
        a, b, tuple(meetings), {d: (t[0], t[1], t[2]) for d, t in sorted(totals.items())}
    )


def find_persons(session: Session, text: str, *, limit: int = 50) -> list[PersonFound]:
    """Persons with an alias matching ``text``: the whole name in any order and spelling
    (its ``name_key`` or ``sound_key``), or every word of ``text`` within the name. Exact
    matches first, then by name."""
    words = fold(text).split()
    if not words:
        return []
    key, sound = name_key(text), sound_key(text)
    al = PersonAliasRow
    exact = or_(al.name_key == key, al.sound_key == sound)
    partial = and_(*(al.name_key.like(f"%{word}%") for word in words))
    rows = session.execute(
        select(al.person_id, al.name, exact.label("exact")).where(or_(exact, partial))
    ).all()
    matched: dict[int, list[str]] = defaultdict(list)
    best: dict[int, bool] = {}
    for person, name, is_exact in rows:
        if name not in matched[person]:
            matched[person].append(name)
        best[person] = best.get(person, False) or bool(is_exact)
    if not matched:
        return []
    people = session.execute(
        select(PersonRow.id, PersonRow.name, PersonRow.nation, PersonRow.gender).where(
            PersonRow.id.in_(list(matched))
        )
    ).all()
    found = [
        PersonFound(ident, name, nation, gender, tuple(matched[ident]))
        for ident, name, nation, gender in people
    ]
    found.sort(key=lambda p: (not best[p.person_id], fold(p.name), p.person_id))
    return found[:limit]


@dataclass(frozen=True, slots=True)
class AliasLine:
    """One of a person's aliases, with how many of the person's skaters (one per competition)
    are written exactly so: those that move with it (``store.person_edits.skaters_written``)."""

    alias_id: int
    name: str
    nation: str
    origin: str
    skaters: int


def aliases_of(session: Session, person_id: int) -> list[AliasLine]:
    """The person's aliases, oldest first."""
    al, sk = PersonAliasRow, SkaterRow
    written = (
        select(func.count(sk.id))
        .where(sk.person_id == al.person_id, sk.name == al.name, sk.nation == al.nation)
        .scalar_subquery()
    )
    rows = session.execute(
        select(al.id, al.name, al.nation, al.origin, written)
        .where(al.person_id == person_id)
        .order_by(al.id)
    )
    return [
        AliasLine(i, name, nation, origin.value, count) for i, name, nation, origin, count in rows
    ]
