"""Keeping ``archive_bests`` (season and all-time bests per person and distance) up to date.

Bests do not depend on the order results arrive in: the best of a set of results is its
lowest ``hundredths`` and, of equal ones, the earliest in the archive's chronology
(``ArchiveEntry.order``). New results are merged into the stored bests (``merge_bests``);
where results change or move to another person, the bests of the persons concerned are
computed again from their results (``recompute_bests``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ovaltime.core.records import season_start
from ovaltime.core.states import Gender
from ovaltime.store.archive_entries import ArchiveEntry, entries_of_persons
from ovaltime.store.archive_tables import ALL_TIME, ArchiveBestRow
from ovaltime.store.bulk import Values, executemany

__all__ = ["Best", "load_bests", "merge_bests", "recompute_bests", "save_bests"]

BestKey = tuple[int, int, int]
"""(person, distance, season); season ``ALL_TIME`` (0) for the PB."""


@dataclass(frozen=True, slots=True)
class Best:
    """One row of ``archive_bests`` with the order of its result, to compare with others."""

    person_id: int
    distance: int
    season: int
    gender: Gender
    nation: str
    time_thousandths: int
    date: dt.date
    result_id: int
    competition_id: int
    sequence: int
    rink_id: int | None = None

    @property
    def key(self) -> BestKey:
        return (self.person_id, self.distance, self.season)

    @property
    def rank(self) -> tuple[int, dt.date, int, int, int]:
        """Lower is better: hundredths, then the earliest."""
        return (
            self.time_thousandths // 10,
            self.date,
            self.competition_id,
            self.sequence,
            self.result_id,
        )

    @classmethod
    def of(cls, entry: ArchiveEntry, season: int) -> Best:
        return cls(
            entry.person_id,
            entry.distance,
            season,
            entry.gender,
            entry.nation,
            entry.time_thousandths,
            entry.date,
            entry.result_id,
            entry.competition_id,
            entry.sequence,
            entry.rink_id,
        )


def load_bests(session: Session, keys: Iterable[BestKey]) -> dict[BestKey, Best]:
    """The stored bests of these keys (a key without a best is left out)."""
    b = ArchiveBestRow
    wanted = set(keys)
    persons = sorted({person for person, _, _ in wanted})
    distances = sorted({distance for _, distance, _ in wanted})
    seasons = sorted({season for _, _, season in wanted})
    found: dict[BestKey, Best] = {}
    for start in range(0, len(persons), 500):
        query = select(
            b.person_id,
            b.distance,
            b.season,
            b.gender,
            b.nation,
            b.time_thousandths,
            b.date,
            b.result_id,
            b.competition_id,
            b.sequence,
            b.rink_id,
        ).where(
            b.person_id.in_(persons[start : start + 500]),
            b.distance.in_(distances),
            b.season.in_(seasons),
        )
        for row in session.execute(query):
            best = Best(
                row.person_id,
                row.distance,
                row.season,
                row.gender,
                row.nation,
                row.time_thousandths,
                row.date,
                row.result_id,
                row.competition_id,
                row.sequence,
                row.rink_id,
            )
            if best.key in wanted:
                found[best.key] = best
    return found


_INSERT = (
    "INSERT INTO archive_bests (person_id, distance, season, gender, nation, "
    "time_thousandths, hundredths, date, result_id, competition_id, sequence, rink_id) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (person_id, distance, season) DO UPDATE SET gender = excluded.gender, "
    "nation = excluded.nation, time_thousandths = excluded.time_thousandths, "
    "hundredths = excluded.hundredths, date = excluded.date, "
    "result_id = excluded.result_id, competition_id = excluded.competition_id, "
    "sequence = excluded.sequence, rink_id = excluded.rink_id"
)
_IF_BETTER = (
    " WHERE (excluded.hundredths, excluded.date, excluded.competition_id, excluded.sequence)"
    " < (archive_bests.hundredths, archive_bests.date, archive_bests.competition_id,"
    " archive_bests.sequence)"
)
"""The stored best gives way only to a lower ``hundredths`` or, equal, an earlier result."""


def merge_bests(session: Session, entries: Sequence[ArchiveEntry]) -> None:
    """Merge new entries into the stored bests: the best of each key among the entries is
    written where the key has no best yet or where it beats the stored one (decided by the
    database as it writes, so the stored bests are not read)."""
    candidates: dict[BestKey, tuple[tuple[int, dt.date, int, int], ArchiveEntry]] = {}
    for entry in entries:
        rank = (entry.time_thousandths // 10, entry.date, entry.competition_id, entry.sequence)
        for season in (ALL_TIME, season_start(entry.date)):
            key = (entry.person_id, entry.distance, season)
            held = candidates.get(key)
            if held is None or rank < held[0]:
                candidates[key] = (rank, entry)
    values = Values(session)
    executemany(
        session,
        _INSERT + _IF_BETTER,
        [
            (
                e.person_id,
                e.distance,
                season,
                e.gender.value,
                e.nation,
                e.time_thousandths,
                hundredths,
                values.date(date),
                e.result_id,
                competition,
                sequence,
                e.rink_id,
            )
            for (_, _, season), ((hundredths, date, competition, sequence), e) in candidates.items()
        ],
    )


def save_bests(session: Session, bests: Iterable[Best]) -> None:
    """Insert or replace these bests."""
    values = Values(session)
    executemany(
        session,
        _INSERT,
        [
            (
                b.person_id,
                b.distance,
                b.season,
                b.gender.value,
                b.nation,
                b.time_thousandths,
                b.time_thousandths // 10,
                values.date(b.date),
                b.result_id,
                b.competition_id,
                b.sequence,
                b.rink_id,
            )
            for b in bests
        ],
    )


def recompute_bests(
    session: Session, person_ids: Iterable[int], distances: Iterable[int] | None = None
) -> dict[BestKey, Best]:
    """Compute the bests of these persons (on these distances) again from their results."""
    persons = sorted(set(person_ids))
    wanted = None if distances is None else sorted(set(distances))
    table = ArchiveBestRow
    for start in range(0, len(persons), 500):
        query = delete(table).where(table.person_id.in_(persons[start : start + 500]))
        if wanted is not None:
            query = query.where(table.distance.in_(wanted))
        session.execute(query, execution_options={"synchronize_session": False})
    bests: dict[BestKey, Best] = {}
    for entry in entries_of_persons(session, persons, wanted):
        for season in (ALL_TIME, entry.season):
            best = Best.of(entry, season)
            held = bests.get(best.key)
            if held is None or best.rank < held.rank:
                bests[best.key] = best
    save_bests(session, bests.values())
    return bests
