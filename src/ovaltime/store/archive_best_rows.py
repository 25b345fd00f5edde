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


def merge_bests(session: Session, entries: Sequence[ArchiveEntry]) -> dict[BestKey, Best]:
    """Merge new entries into the stored bests; returns the bests that changed (new value)."""
    candidates: dict[BestKey, ArchiveEntry] = {}
    for entry in entries:
        rank = (entry.hundredths, entry.order)
        for season in (ALL_TIME, entry.season):
            key = (entry.person_id, entry.distance, season)
            held = candidates.get(key)
            if held is None or rank < (held.hundredths, held.order):
                candidates[key] = entry
    stored = _stored_ranks(session, candidates)
    changed: dict[BestKey, Best] = {}
    for key, entry in candidates.items():
        kept = stored.get(key)
        if kept is None or (entry.hundredths, entry.order) < kept:
            changed[key] = Best.of(entry, key[2])
    save_bests(session, changed.values())
    return changed


def _stored_ranks(
    session: Session, keys: Iterable[BestKey]
) -> dict[BestKey, tuple[int, tuple[dt.date, int, int]]]:
    """(hundredths, order) of the stored bests of these keys."""
    b = ArchiveBestRow
    wanted = set(keys)
    persons = sorted({person for person, _, _ in wanted})
    distances = sorted({distance for _, distance, _ in wanted})
    seasons = sorted({season for _, _, season in wanted})
    found: dict[BestKey, tuple[int, tuple[dt.date, int, int]]] = {}
    for start in range(0, len(persons), 500):
        query = select(
            b.person_id,
            b.distance,
            b.season,
            b.hundredths,
            b.date,
            b.competition_id,
            b.sequence,
        ).where(
            b.person_id.in_(persons[start : start + 500]),
            b.distance.in_(distances),
            b.season.in_(seasons),
        )
        for person, distance, season, hundredths, date, competition, sequence in session.execute(
            query
        ):
            key = (person, distance, season)
            if key in wanted:
                found[key] = (hundredths, (date, competition, sequence))
    return found


def save_bests(session: Session, bests: Iterable[Best]) -> None:
    """Insert or replace these bests."""
    values = Values(session)
    executemany(
        session,
        "INSERT INTO archive_bests (person_id, distance, season, gender, nation, "
        "time_thousandths, hundredths, date, result_id, competition_id, sequence, rink_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (person_id, distance, season) DO UPDATE SET gender = excluded.gender, "
        "nation = excluded.nation, time_thousandths = excluded.time_thousandths, "
        "hundredths = excluded.hundredths, date = excluded.date, "
        "result_id = excluded.result_id, competition_id = excluded.competition_id, "
        "sequence = excluded.sequence, rink_id = excluded.rink_id",
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
