"""The race day of a finished competition as a timeline: what officials entered, and when.

``race_day(competition)`` turns stored results back into the steps of the day that produced
them, each at its moment in race-day seconds from the start of the day: a race's start list
and "live", then pair by pair each passage at the time it was skated and each result at its
finish moment, then "unofficial" and "official" before the next race. A result without a time
(DQ, DNF, ...) is entered when the last skater of its pair has finished, as a referee would.
The replay (``services.replay``) performs these steps through the services, at a pace.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ovaltime.core.distances import Passage
from ovaltime.core.results import Competition, Race, Result
from ovaltime.core.states import RaceKind, RaceState, Status

__all__ = [
    "LEAD_IN",
    "OFFICIAL_AFTER",
    "PAIR_GAP",
    "RACE_GAP",
    "UNOFFICIAL_AFTER",
    "Action",
    "ChangeState",
    "RecordPassage",
    "RecordResult",
    "SetStartList",
    "Step",
    "pair_of",
    "race_day",
]

#: Race-day seconds from a race going live to its first pair's start.
LEAD_IN = 10.0
#: Race-day seconds from the last skater of a pair finishing to the next pair's start.
PAIR_GAP = 20.0
#: Race-day seconds from the last pair's finish to the race becoming unofficial.
UNOFFICIAL_AFTER = 10.0
#: Race-day seconds from unofficial to official.
OFFICIAL_AFTER = 20.0
#: Race-day seconds from a race becoming official to the next race's start list.
RACE_GAP = 30.0


@dataclass(frozen=True, slots=True)
class SetStartList:
    """Set the start list of ``competition.races[race]`` from its results' pairs and lanes."""

    race: int


@dataclass(frozen=True, slots=True)
class ChangeState:
    """Move ``competition.races[race]`` to ``state``."""

    race: int
    state: RaceState


@dataclass(frozen=True, slots=True)
class RecordPassage:
    """Record ``passage`` for ``competition.races[race].results[entry]``."""

    race: int
    entry: int
    passage: Passage


@dataclass(frozen=True, slots=True)
class RecordResult:
    """Record the outcome of ``competition.races[race].results[entry]``."""

    race: int
    entry: int


Action = SetStartList | ChangeState | RecordPassage | RecordResult


@dataclass(frozen=True, slots=True)
class Step:
    """One thing an official does, ``at`` race-day seconds from the start of the day."""

    at: float
    action: Action


def pair_of(race: Race, index: int) -> int:
    """The pair of the race's result at ``index``: its own, else two by two in start order
    (every skater of a mass start or team race in one group)."""
    pair = race.results[index].pair
    if pair is not None:
        return pair
    return index // 2 + 1 if race.kind is RaceKind.INDIVIDUAL else 1


def race_day(competition: Competition) -> list[Step]:
    """Every step of the competition's race day in the order they happen."""
    steps: list[Step] = []
    moment = 0.0
    for index, race in enumerate(competition.races):
        steps += [
            Step(moment, SetStartList(index)),
            Step(moment, ChangeState(index, RaceState.LIVE)),
        ]
        finished = moment + LEAD_IN
        start = finished
        for entries in _pairs(race):
            pair_steps, finished = _pair(index, race, entries, start)
            steps += pair_steps
            start = finished + PAIR_GAP
        moment = finished + UNOFFICIAL_AFTER
        steps.append(Step(moment, ChangeState(index, RaceState.UNOFFICIAL)))
        moment += OFFICIAL_AFTER
        steps.append(Step(moment, ChangeState(index, RaceState.OFFICIAL)))
        moment += RACE_GAP
    return steps


def _pairs(race: Race) -> list[list[int]]:
    """The indexes of the race's results grouped by pair, pairs in order, start order within."""
    groups: dict[int, list[int]] = {}
    for index in range(len(race.results)):
        groups.setdefault(pair_of(race, index), []).append(index)
    return [groups[pair] for pair in sorted(groups)]


def _seconds(passage_or_result: Passage | Result) -> float:
    time = passage_or_result.time
    return time.thousandths / 1000 if time is not None else 0.0


def _pair(
    race_index: int, race: Race, entries: Sequence[int], start: float
) -> tuple[list[Step], float]:
    """The steps of one pair starting at ``start``, and the moment its last skater finished."""
    timed: list[Step] = []
    untimed: list[int] = []
    last = 0.0
    for entry in entries:
        result = race.results[entry]
        for passage in result.passages:
            timed.append(Step(start + _seconds(passage), RecordPassage(race_index, entry, passage)))
            last = max(last, _seconds(passage))
        if result.time is not None and result.status is Status.OK:
            timed.append(Step(start + _seconds(result), RecordResult(race_index, entry)))
            last = max(last, _seconds(result))
        else:
            untimed.append(entry)
    finished = start + last
    timed.sort(key=lambda step: step.at)  # stable: a finish passage stays before its result
    return timed + [Step(finished, RecordResult(race_index, entry)) for entry in untimed], finished
