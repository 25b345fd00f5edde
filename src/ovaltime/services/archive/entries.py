"""Which results the archive keeps, and the entry it keeps of each.

The archive keeps individual timed results, each with a date: a result of an individual race
(not a mass start or team event), of one gender (a mixed race says nothing about either),
whose race is not a sum of two 500 m races (``core.records.is_two_race_sum``), with status OK
and a time, dated by its race or else by its competition's first day. Everything else is
counted under the reason it was left out.

``sequence`` places a result within its competition: the race's place in the skating order
times 1000 plus the pair, 0 where the pair is unknown (so all of such a race's results are
judged together; see ``judging``). The skating order is the programme's, except that a World
Cup's Division B of a race is skated before its Division A on the same day, although result
lists print A first (``skating_order``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache

from ovaltime.core.records import is_junior, is_two_race_sum
from ovaltime.core.results import Race, Result, Skater
from ovaltime.core.states import Gender, RaceKind, Status
from ovaltime.store.archive_entries import ArchiveEntry

__all__ = [
    "PAIR_SLOTS",
    "competition_entries",
    "entry_of",
    "left_out",
    "race_left_out",
    "skating_order",
]

PAIR_SLOTS = 1000
"""Room for pairs within one race in ``sequence``."""

_junior = lru_cache(maxsize=1024)(is_junior)
"""``is_junior``, worked out once per way of writing an age group."""


def race_left_out(race: Race) -> str | None:
    """Why none of ``race``'s results is archived, or None when they can be."""
    if race.kind is not RaceKind.INDIVIDUAL:
        return str(race.kind.value)
    if is_two_race_sum(race):
        return "sum of two 500 m races"
    if race.gender is Gender.MIXED:
        return "mixed-gender race"
    return None


def left_out(result: Result, date: dt.date | None) -> str | None:
    """Why this result of an archivable race is not archived, or None."""
    if result.status is not Status.OK or result.time is None:
        return f"status {result.status.value}"
    if date is None:
        return "no date"
    return None


def entry_of(
    result: Result,
    *,
    result_id: int,
    person_id: int,
    race: Race,
    position: int,
    date: dt.date,
    competition_id: int,
    rink_id: int | None,
) -> ArchiveEntry:
    """The archive's entry of an archivable result (``left_out`` said None)."""
    assert result.time is not None
    skater = result.skater
    return ArchiveEntry(
        result_id=result_id,
        person_id=person_id,
        distance=race.distance,
        gender=race.gender,
        date=date,
        time_thousandths=result.time.thousandths,
        competition_id=competition_id,
        rink_id=rink_id,
        nation=skater.nation.upper(),
        age_group=skater.age_group,
        junior=_junior(skater.age_group),
        sequence=position * PAIR_SLOTS + (result.pair or 0),
    )


def skating_order(races: Sequence[Race]) -> list[int]:
    """Each race's place (from 1) in the order the races were skated (see the module)."""
    order = list(range(len(races)))
    for index, race in enumerate(races):
        if race.division != "B":
            continue
        twin = next(
            (
                other
                for other in order
                if races[other].division == "A" and _same_race(races[other], race)
            ),
            None,
        )
        if twin is not None and order.index(twin) < order.index(index):
            order.remove(index)
            order.insert(order.index(twin), index)
    places = [0] * len(races)
    for place, index in enumerate(order, start=1):
        places[index] = place
    return places


def _same_race(a: Race, b: Race) -> bool:
    return (a.distance, a.gender, a.kind, a.number, a.date) == (
        b.distance,
        b.gender,
        b.kind,
        b.number,
        b.date,
    )


def competition_entries(
    races: tuple[Race, ...],
    result_ids: tuple[tuple[int, ...], ...],
    persons: Mapping[Skater, int],
    *,
    start: dt.date | None,
    competition_id: int,
    rink_id: int | None,
    left: Counter[str],
) -> list[ArchiveEntry]:
    """The entries of a stored competition's results; the rest counted in ``left``."""
    entries = []
    places = skating_order(races)
    for place, race, ids in zip(places, races, result_ids, strict=True):
        reason = race_left_out(race)
        if reason is not None:
            left[reason] += len(race.results)
            continue
        date = race.date or start
        for result, result_id in zip(race.results, ids, strict=True):
            why = left_out(result, date)
            if why is not None:
                left[why] += 1
                continue
            assert date is not None
            entries.append(
                entry_of(
                    result,
                    result_id=result_id,
                    person_id=persons[result.skater],
                    race=race,
                    position=place,
                    date=date,
                    competition_id=competition_id,
                    rink_id=rink_id,
                )
            )
    return entries
