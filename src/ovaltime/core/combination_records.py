"""Combination records: the samalog totals of allround and sprint championships (RULES §3, §8).

**Which competitions count.** One gender's individual races of a competition count for a
combination when they are exactly the programme of a standard combination
(``core.programme.STANDARD_ORDER``: big, small, sprint, mini): every race of it once, and no
other individual race of that gender (a World Cup meeting of a 500, 1500 and 5000 m is no
combination), all of them official. A 2 × 500 m (``is_two_race_sum``) is no race of one.

**Which totals.** A skater's total counts when they have a valid time on every race of the
programme (an NC or a skater who did not skate the final distance has none): the plain sum of
the samalog points, lowest best (``core.classification``).

**Flags** (``judge_totals``), like ``core.records`` judges times, in the order skated (the date
of the competition's last race, then the competition); within one competition the lowest total
first, so that a slower total of the same championship is no record:

* ``WR``: lower than or equal to every earlier total of the combination and gender;
* ``NR``: the same among the totals of the skater's nation;
* ``PB``: the person's first total of the combination, or strictly lower than every earlier one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ovaltime.core.classification import StandingStatus, classify
from ovaltime.core.programme import Combination, RaceSlot, standard_combination
from ovaltime.core.records import is_two_race_sum
from ovaltime.core.results import Competition, Race, Skater
from ovaltime.core.states import Gender, RaceKind, RaceState

__all__ = [
    "COMBINATION_FLAGS",
    "CombinationTotal",
    "TotalEntry",
    "combination_totals",
    "complete_combination",
    "judge_totals",
]

COMBINATION_FLAGS = ("WR", "NR", "PB")
"""The flags a combination total can earn, most important first."""


@dataclass(frozen=True, slots=True)
class CombinationTotal:
    """One skater's samalog total of a combination in one competition, in thousandths of a
    point; ``date`` is the day of the competition's last race of the gender (None: unknown)."""

    gender: Gender
    combination: str
    skater: Skater
    points: int
    date: dt.date | None


def _counted(race: Race, gender: Gender) -> bool:
    return race.gender is gender and race.kind is RaceKind.INDIVIDUAL and not is_two_race_sum(race)


def complete_combination(races: Sequence[Race], gender: Gender) -> Combination | None:
    """The standard combination whose whole programme ``gender``'s individual races are, each
    race once and no other; None when they are none."""
    slots = [RaceSlot(r.distance, r.number) for r in races if _counted(r, gender)]
    if not slots or len(set(slots)) != len(slots):
        return None
    known = standard_combination(slots, gender)
    if known is None or set(known.slots) != set(slots):
        return None
    return known


def combination_totals(competition: Competition) -> list[CombinationTotal]:
    """Every total of the competition that counts (see the module), women's first."""
    totals = []
    for gender in (Gender.WOMEN, Gender.MEN):
        combination = complete_combination(competition.races, gender)
        if combination is None:
            continue
        races = [r for r in competition.races if _counted(r, gender)]
        if any(r.state is not RaceState.OFFICIAL for r in races):
            continue
        dates = [r.date for r in races if r.date is not None]
        date = max(dates) if dates else competition.end or competition.start
        every = len(combination.slots)
        for standing in classify(combination, races).standings:
            if standing.status is StandingStatus.NC or standing.completed != every:
                continue
            points = int(standing.total * 1000)
            totals.append(CombinationTotal(gender, combination.name, standing.skater, points, date))
    return totals


@dataclass(frozen=True, slots=True)
class TotalEntry:
    """A total to judge: the person's id, their nation ("" for none), the points in
    thousandths, and when (the date, then the competition's id: totals of one competition are
    judged together)."""

    person: int
    nation: str
    points: int
    when: tuple[dt.date, int]


def judge_totals(entries: Sequence[TotalEntry]) -> list[frozenset[str]]:
    """The flags of each entry (in the order given) against every total before it, for the
    entries of one combination and gender (see the module)."""
    order = sorted(range(len(entries)), key=lambda i: (entries[i].when, entries[i].points))
    world: int | None = None
    nations: dict[str, int] = {}
    personal: dict[int, int] = {}
    flags: list[frozenset[str]] = [frozenset()] * len(entries)
    for index in order:
        entry = entries[index]
        earned = set()
        if world is None or entry.points <= world:
            earned.add("WR")
            world = entry.points
        if entry.nation:
            best = nations.get(entry.nation)
            if best is None or entry.points <= best:
                earned.add("NR")
                nations[entry.nation] = entry.points
        mine = personal.get(entry.person)
        if mine is None or entry.points < mine:
            earned.add("PB")
            personal[entry.person] = entry.points
        flags[index] = frozenset(earned)
    return flags
