"""Combination totals in the archive: computed when a competition is imported or made
official, judged again whenever a combination's history changes (``core.combination_records``).

* ``store_competition_totals``: the totals of a competition just stored by an import (its
  core ``Competition`` at hand, with its skaters' ids and persons).
* ``refresh_competition``: the totals of a competition on the server, read back from the
  store, when one of its races becomes official or stops being official, or an official
  race's result is corrected. Its totals count only once every race of the combination is
  official.
* ``refresh_persons``: after identities changed (an alias moved, persons merged).

Each runs in the caller's transaction and judges every combination and gender it touched
whole (``judge_slices``): the table is small, and a total imported out of order changes the
flags of the totals after it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from ovaltime.core.combination_records import (
    COMBINATION_FLAGS,
    TotalEntry,
    combination_totals,
    judge_totals,
)
from ovaltime.core.results import Competition, Skater
from ovaltime.store import combination_rows as rows
from ovaltime.store.combination_rows import NewTotal, TotalSlice
from ovaltime.store.competitions import load_competition
from ovaltime.store.tables import SkaterRow

__all__ = [
    "judge_slices",
    "refresh_competition",
    "refresh_persons",
    "store_competition_totals",
]


def store_competition_totals(
    session: Session,
    competition_id: int,
    competition: Competition,
    skater_ids: Mapping[Skater, int],
    persons: Mapping[Skater, int],
) -> set[TotalSlice]:
    """Store the totals of a competition (replacing any it had); the slices to judge."""
    totals = []
    fallback = competition.end or competition.start or dt.datetime.now(dt.UTC).date()
    for total in combination_totals(competition):
        person = persons.get(total.skater)
        skater = skater_ids.get(total.skater)
        if person is None or skater is None:
            continue
        totals.append(
            NewTotal(
                skater,
                person,
                total.combination,
                total.gender,
                total.skater.nation.upper(),
                total.date or fallback,
                total.points,
            )
        )
    return rows.replace_totals(session, competition_id, totals)


def refresh_competition(session: Session, competition_id: int) -> None:
    """Compute a stored competition's totals again and judge what they touch."""
    competition = load_competition(session, competition_id)
    if competition is None:
        return
    skater_ids: dict[Skater, int] = {}
    persons: dict[Skater, int] = {}
    query = select(SkaterRow).where(SkaterRow.competition_id == competition_id)
    for row in session.scalars(query):
        skater = Skater(row.name, row.nation, row.age_group)
        skater_ids[skater] = row.id
        if row.person_id is not None:
            persons[skater] = row.person_id
    touched = store_competition_totals(session, competition_id, competition, skater_ids, persons)
    judge_slices(session, touched)


def refresh_persons(
    session: Session, skater_ids: Collection[int], person_ids: Collection[int]
) -> None:
    """Follow skaters that moved to other persons, and judge the persons' combinations again."""
    rows.refresh_persons(session, skater_ids)
    judge_slices(session, rows.slices_of_persons(session, person_ids))


def judge_slices(session: Session, slices: Iterable[TotalSlice]) -> None:
    """Judge every total of these combinations and genders; write the flags that changed."""
    for slice_ in sorted(slices, key=lambda s: (s[0], s[1].value)):
        stored = rows.stored_totals(session, slice_)
        entries = [
            TotalEntry(t.person_id, t.nation, t.points, (t.date, t.competition_id)) for t in stored
        ]
        changes = []
        for total, earned in zip(stored, judge_totals(entries), strict=True):
            flags = " ".join(flag for flag in COMBINATION_FLAGS if flag in earned)
            if flags != total.flags:
                changes.append((total.id, flags))
        rows.update_total_flags(session, changes)
