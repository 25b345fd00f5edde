"""The entries of one race as officials work on them: start list, passages, recorded outcomes.

``load_competition`` gives core values, which know no pending skater; entry screens and live
pages also need the skaters still to skate, each with the ids and version that address them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ovaltime.core.distances import Passage
from ovaltime.core.results import Result, Skater
from ovaltime.core.states import Lane
from ovaltime.store.mapping import passage_of, result_of, skater_of
from ovaltime.store.tables import ResultRow

__all__ = ["Entry", "race_entries"]


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
    out = []
    for row in rows:
        skater = skater_of(row.skater)
        out.append(
            Entry(
                result_id=row.id,
                version=row.version,
                skater=skater,
                pair=row.pair,
                lane=row.lane,
                passages=tuple(passage_of(p) for p in row.passages),
                result=result_of(row, skater) if row.recorded else None,
            )
        )
    return out
