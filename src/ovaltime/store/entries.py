"""The entries of one race as officials work on them: start list, passages, recorded outcomes.

``load_competition`` gives core values, which know no pending skater; entry screens and live
pages also need the skaters still to skate, each with the ids and version that address them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ovaltime.core.distances import Passage
from ovaltime.core.results import Result, Skater
from ovaltime.core.states import Lane
from ovaltime.store.competitions import StoredRace
from ovaltime.store.mapping import passage_of, race_of, result_of, skater_of
from ovaltime.store.tables import RaceRow, ResultRow

__all__ = ["Entry", "find_race_entries", "race_entries"]


@dataclass(frozen=True, slots=True)
class Entry:
    """One skater of a race: ``result`` is ``None`` until a time or status is recorded."""

    result_id: int
    version: int
    skater: Skater
    pair: int | None
    lane: Lane | None
    passages: tuple[Passage, ...]
    result: Result | None


def race_entries(session: Session, race_id: int) -> list[Entry]:
    """Every entry of the race in start-list order (the order results were added)."""
    rows = session.scalars(
        select(ResultRow)
        .where(ResultRow.race_id == race_id)
        .order_by(ResultRow.position)
        .options(selectinload(ResultRow.passages))
    )
    return _entries(rows)


def find_race_entries(
    session: Session, competition_id: int, position: int
) -> tuple[StoredRace, list[Entry]] | None:
    """The race at ``position`` (from 1) in the programme of the competition and its entries,
    as ``find_race`` and ``race_entries`` give them, read in one go; ``None`` when there is no
    such race."""
    row = session.scalar(
        select(RaceRow)
        .where(RaceRow.competition_id == competition_id, RaceRow.position == position)
        .options(selectinload(RaceRow.results).selectinload(ResultRow.passages))
    )
    if row is None:
        return None
    skaters: dict[int, Skater] = {}
    race = race_of(row, skaters)
    return StoredRace(row.id, row.competition_id, row.position, race), _entries(
        row.results, skaters, race.results
    )


def _entries(
    rows: Iterable[ResultRow],
    skaters: dict[int, Skater] | None = None,
    results: Sequence[Result] = (),
) -> list[Entry]:
    """Entries of ``rows``, in their order; the skaters and (recorded) results already made
    from the same rows, in the same order, are used again."""
    known = skaters if skaters is not None else {}
    recorded = iter(results)
    out = []
    for row in rows:
        skater = known.get(row.skater_id)
        if skater is None:
            skater = known[row.skater_id] = skater_of(row.skater)
        result = None
        if row.recorded:
            result = next(recorded, None)
            if result is None:
                result = result_of(row, skater)
        out.append(
            Entry(
                result_id=row.id,
                version=row.version,
                skater=skater,
                pair=row.pair,
                lane=row.lane,
                passages=result.passages if result else tuple(passage_of(p) for p in row.passages),
                result=result,
            )
        )
    return out
