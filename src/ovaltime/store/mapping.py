"""Rows to core values and back: times, passages, results, races."""

from __future__ import annotations

from ovaltime.core.distances import Passage
from ovaltime.core.results import Race, Result, Skater
from ovaltime.core.times import Time
from ovaltime.store.tables import PassageRow, RaceRow, ResultRow, SkaterRow

__all__ = [
    "passage_of",
    "passage_row",
    "race_of",
    "race_row",
    "result_of",
    "skater_of",
    "time_of",
    "write_outcome",
]


def time_of(thousandths: int | None, precision: int | None) -> Time | None:
    """The ``Time`` of two columns; ``None`` where no time is stored."""
    if thousandths is None:
        return None
    return Time(thousandths, 3 if precision is None else precision)


def skater_of(row: SkaterRow) -> Skater:
    return Skater(row.name, row.nation, row.age_group)


def passage_of(row: PassageRow) -> Passage:
    return Passage(row.metres, Time(row.time_thousandths, row.time_precision))


def passage_row(passage: Passage) -> PassageRow:
    return PassageRow(
        metres=passage.metres,
        time_thousandths=passage.time.thousandths,
        time_precision=passage.time.precision,
    )


def result_of(row: ResultRow, skater: Skater | None = None) -> Result:
    """The core ``Result`` of a recorded row (a pending entry has none: ``ValueError``)."""
    if row.status is None:
        raise ValueError(f"result {row.id} is a start-list entry without a time or status yet")
    return Result(
        skater=skater or skater_of(row.skater),
        time=time_of(row.time_thousandths, row.time_precision),
        status=row.status,
        infraction=row.infraction,
        fell=row.fell,
        pair=row.pair,
        lane=row.lane,
        passages=tuple(passage_of(p) for p in row.passages),
        records=tuple(str(r) for r in row.records),
        thousandths_known=row.thousandths_known,
        published_rank=row.published_rank,
    )


def write_outcome(row: ResultRow, result: Result) -> None:
    """Copy the outcome of ``result`` (time, status and what goes with them) onto ``row``."""
    row.time_thousandths = result.time.thousandths if result.time else None
    row.time_precision = result.time.precision if result.time else None
    row.status = result.status
    row.infraction = result.infraction
    row.fell = result.fell
    row.records = list(result.records)
    row.thousandths_known = result.thousandths_known
    row.published_rank = result.published_rank


def race_row(race: Race, position: int) -> RaceRow:
    """A new race row for ``race`` at ``position`` in the programme (results not included)."""
    return RaceRow(
        position=position,
        distance=race.distance,
        gender=race.gender,
        kind=race.kind,
        number=race.number,
        division=race.division,
        title=race.title,
        date=race.date,
        state=race.state,
    )


def race_of(row: RaceRow, skaters: dict[int, Skater] | None = None) -> Race:
    """The core ``Race`` of ``row``: its recorded results in order, pending entries left out."""
    cache = skaters if skaters is not None else {}
    results = []
    for result in row.results:
        if not result.recorded:
            continue
        skater = cache.get(result.skater_id)
        if skater is None:
            skater = cache[result.skater_id] = skater_of(result.skater)
        results.append(result_of(result, skater))
    return Race(
        distance=row.distance,
        gender=row.gender,
        results=tuple(results),
        kind=row.kind,
        number=row.number,
        division=row.division,
        title=row.title,
        date=row.date,
        state=row.state,
    )
