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
from ovaltime.store.archive_tables import ALL_TIME, ArchiveBestRow, ArchiveResultRow
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
        )


def load_bests(session: Session, keys: Iterable[BestKey]) -> dict[BestKey, Best]:
    """The stored bests of these keys (a key without a best is left out)."""
    bests = ArchiveBestRow
    results = ArchiveResultRow
    wanted = set(keys)
    persons = sorted({person for person, _, _ in wanted})
    distances = sorted({distance for _, distance, _ in wanted})
    seasons = sorted({season for _, _, season in wanted})
    found: dict[BestKey, Best] = {}
    for start in range(0, len(persons), 500):
        query = (
            select(
                bests.person_id,
                bests.distance,
                bests.season,
                bests.gender,
                bests.nation,
                bests.time_thousandths,
                bests.date,
                bests.result_id,
                results.competition_id,
                results.sequence,
            )
            .join(results, results.result_id == bests.result_id)
            .where(
                bests.person_id.in_(persons[start : start + 500]),
                bests.distance.in_(distances),
                bests.season.in_(seasons),
            )
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
            )
            if best.key in wanted:
                found[best.key] = best
    return found


def merge_bests(session: Session, entries: Sequence[ArchiveEntry]) -> dict[BestKey, Best]:
    """Merge new entries into the stored bests; returns the bests that changed (new value).

    Stored bests are compared on (hundredths, date); only where both are equal is the order of
    the stored best's result within its day read (a rare tie, one query for all of them).
    """
    candidates: dict[BestKey, ArchiveEntry] = {}
    for entry in entries:
        rank = (entry.hundredths, entry.order)
        for season in (ALL_TIME, entry.season):
            key = (entry.person_id, entry.distance, season)
            held = candidates.get(key)
            if held is None or rank < (held.hundredths, held.order):
                candidates[key] = entry
    stored = _stored_ranks(session, candidates)
    ties = [
        result_id
        for key, (hundredths, date, result_id) in stored.items()
        if (candidates[key].hundredths, candidates[key].date) == (hundredths, date)
    ]
    within = _orders(session, ties)
    changed: dict[BestKey, Best] = {}
    for key, entry in candidates.items():
        kept = stored.get(key)
        if kept is not None:
            hundredths, date, result_id = kept
            if (entry.hundredths, entry.date) > (hundredths, date):
                continue
            if (entry.hundredths, entry.date) == (hundredths, date) and (
                entry.competition_id,
                entry.sequence,
            ) >= within.get(result_id, (0, 0)):
                continue
        changed[key] = Best.of(entry, key[2])
    save_bests(session, changed.values())
    return changed


def _stored_ranks(
    session: Session, keys: Iterable[BestKey]
) -> dict[BestKey, tuple[int, dt.date, int]]:
    """(hundredths, date, result id) of the stored bests of these keys."""
    b = ArchiveBestRow
    wanted = set(keys)
    persons = sorted({person for person, _, _ in wanted})
    distances = sorted({distance for _, distance, _ in wanted})
    seasons = sorted({season for _, _, season in wanted})
    found: dict[BestKey, tuple[int, dt.date, int]] = {}
    for start in range(0, len(persons), 500):
        query = select(b.person_id, b.distance, b.season, b.hundredths, b.date, b.result_id).where(
            b.person_id.in_(persons[start : start + 500]),
            b.distance.in_(distances),
            b.season.in_(seasons),
        )
        for person, distance, season, hundredths, date, result_id in session.execute(query):
            key = (person, distance, season)
            if key in wanted:
                found[key] = (hundredths, date, result_id)
    return found


def _orders(session: Session, result_ids: list[int]) -> dict[int, tuple[int, int]]:
    """(competition, sequence) of these results: their order within their day."""
    a = ArchiveResultRow
    found: dict[int, tuple[int, int]] = {}
    for start in range(0, len(result_ids), 500):
        query = select(a.result_id, a.competition_id, a.sequence).where(
            a.result_id.in_(result_ids[start : start + 500])
        )
        for result_id, competition_id, sequence in session.execute(query):
            found[result_id] = (competition_id, sequence)
    return found


def save_bests(session: Session, bests: Iterable[Best]) -> None:
    """Insert or replace these bests."""
    values = Values(session)
    executemany(
        session,
        "INSERT INTO archive_bests (person_id, distance, season, gender, nation, "
        "time_thousandths, hundredths, date, result_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (person_id, distance, season) DO UPDATE SET gender = excluded.gender, "
        "nation = excluded.nation, time_thousandths = excluded.time_thousandths, "
        "hundredths = excluded.hundredths, date = excluded.date, "
        "result_id = excluded.result_id",
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
