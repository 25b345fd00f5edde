"""A small fixture season and hand-built meetings for the standings and medal tests.

The Division A table is the published 2016-17 World Cup table (RULES §4); the final is scored
×1.5 rounded down, as that season's final is said to be. The Division B table and the mass start
table are made up for the tests.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from fractions import Fraction

from ovaltime.core.results import Competition, Race, Result, Skater
from ovaltime.core.season import (
    Cup,
    MassStartFormat,
    PointsTable,
    Rounding,
    SeasonRules,
    TableRule,
)
from ovaltime.core.states import Gender, RaceKind, Status
from ovaltime.core.times import Time

A_2016_17 = (100, 80, 70, 60, 50, 45, 40, 36, 32, 28, 24, 21, 18, 16, 14, 12, 10, 8, 6, 5)
B_TABLE = (25, 20, 16, 12, 10, 8, 6, 4, 2, 1)
MASS_START = (60, 40, 20, 10, 6, 3)

WOMEN = Gender.WOMEN


def season_2016_17() -> SeasonRules:
    """Women's cups 500, 1000, 3000/5000, mass start and team pursuit; no team sprint table."""
    return SeasonRules(
        season="2016-17",
        tables=(
            TableRule(PointsTable(A_2016_17)),
            TableRule(PointsTable(B_TABLE), division="B"),
            TableRule(PointsTable(MASS_START), kind=RaceKind.MASS_START),
            TableRule(PointsTable(A_2016_17), kind=RaceKind.TEAM_PURSUIT),
        ),
        cups=(
            Cup("500", WOMEN, distances=(500,)),
            Cup("1000", WOMEN, distances=(1000,)),
            Cup("3000/5000", WOMEN, distances=(3000, 5000)),
            Cup("mass start", WOMEN, RaceKind.MASS_START),
            Cup("team pursuit", WOMEN, RaceKind.TEAM_PURSUIT),
        ),
        mass_start=MassStartFormat(16, (4, 8, 12), (5, 3, 1), (60, 40, 20)),
        final_multiplier=Fraction(3, 2),
        final_rounding=Rounding.DOWN,
    )


def race(
    distance: int,
    order: Sequence[str],
    *,
    number: int = 1,
    division: str = "A",
    ties: Sequence[int] = (),
    kind: RaceKind = RaceKind.INDIVIDUAL,
    nation: str = "NED",
) -> Race:
    """A women's race finished in ``order`` (names), a tenth of a second apart.

    ``ties`` are positions (0-based) that skate the same time as the skater before them.
    """
    results: list[Result] = []
    tenths = 0
    for position, name in enumerate(order):
        if position and position not in ties:
            tenths += 1
        time = Time(40_000 + 100 * tenths) if kind is RaceKind.INDIVIDUAL else Time(180_000)
        results.append(Result(Skater(name, nation), time))
    return Race(distance, WOMEN, tuple(results), kind, number=number, division=division)


def mass_start(order: Sequence[str], *, division: str = "A") -> Race:
    """A mass start with published ranks in ``order``; the times deliberately disagree."""
    results = tuple(
        Result(Skater(name, "NED"), Time(500_000 - 100 * i), published_rank=i + 1)
        for i, name in enumerate(order)
    )
    dq = Result(Skater("Disqualified", "NED"), status=Status.DQ, infraction="T25")
    return Race(6400, WOMEN, (*results, dq), RaceKind.MASS_START, division=division)


def team_pursuit(nations: Sequence[str], *, division: str = "A") -> Race:
    """A team pursuit: three members a nation, teams a second apart in the order given."""
    results = tuple(
        Result(Skater(f"{nation} skater {member}", nation), Time(180_000 + 1000 * i))
        for i, nation in enumerate(nations)
        for member in (1, 2, 3)
    )
    return Race(2400, WOMEN, results, RaceKind.TEAM_PURSUIT, division=division)


def meeting(name: str, day: int, *races: Race) -> Competition:
    """A competition starting on ``day`` of January 2017."""
    return Competition(name, tuple(races), start=dt.date(2017, 1, day))
