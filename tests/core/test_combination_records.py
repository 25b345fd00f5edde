"""Combination totals and their records (``core.combination_records``).

Published facts (De Standaard, 3 March 2019, on the World Allround Championships in Calgary):
Shani Davis's big-combination world record of 145.742 points, 18-19 March 2006 in Calgary
(35.17, 6:10.49, 1:42.68, 13:05.94), broken by Patrick Roest's 145.561 on 2-3 March 2019 in
Calgary (35.74, 6:08.27, 1:43.31, 12:51.17). The other races here are made up, and say so.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from ovaltime.core.combination_records import (
    TotalEntry,
    combination_totals,
    complete_combination,
    judge_totals,
)
from ovaltime.core.programme import BIG, SPRINT
from ovaltime.core.results import Competition, Race, Result, Skater
from ovaltime.core.states import Gender, RaceState, Status
from ovaltime.core.times import Time

DAVIS = Skater("Shani Davis", "USA")
ROEST = Skater("Patrick Roest", "NED")
DAVIS_2006 = ("35.17", "6:10.49", "1:42.68", "13:05.94")
ROEST_2019 = ("35.74", "6:08.27", "1:43.31", "12:51.17")


def allround(
    name: str, day: dt.date, times: dict[Skater, tuple[str, str, str, str]]
) -> Competition:
    """A big combination (500, 5000, 1500, 10000) of the skaters and their four times."""
    races = tuple(
        Race(
            distance,
            Gender.MEN,
            tuple(Result(s, Time.parse(t[index])) for s, t in times.items()),
            date=day if index < 2 else day + dt.timedelta(1),
        )
        for index, distance in enumerate(BIG.distances)
    )
    return Competition(name, races, venue="Olympic Oval", nation="CAN", start=day)


def test_the_published_totals() -> None:
    calgary_2006 = allround("World Allround 2006", dt.date(2006, 3, 18), {DAVIS: DAVIS_2006})
    calgary_2019 = allround("World Allround 2019", dt.date(2019, 3, 2), {ROEST: ROEST_2019})
    (davis,) = combination_totals(calgary_2006)
    (roest,) = combination_totals(calgary_2019)
    assert (davis.combination, davis.gender, davis.skater, davis.points) == (
        "big",
        Gender.MEN,
        DAVIS,
        145_742,
    )
    assert davis.date == dt.date(2006, 3, 19), "the day of the last race"
    assert (roest.skater, roest.points) == (ROEST, 145_561)


def test_only_a_whole_programme_counts() -> None:
    whole = allround("Championship", dt.date(2025, 1, 4), {DAVIS: DAVIS_2006})
    assert complete_combination(whole.races, Gender.MEN) is BIG
    assert complete_combination(whole.races, Gender.WOMEN) is None
    # A made-up World Cup meeting: three of the four distances, or one more race.
    assert complete_combination(whole.races[:3], Gender.MEN) is None
    extra = (*whole.races, Race(1000, Gender.MEN, whole.races[0].results))
    assert complete_combination(extra, Gender.MEN) is None
    twice = (*whole.races, whole.races[0])
    assert complete_combination(twice, Gender.MEN) is None
    sprint = tuple(
        Race(d, Gender.WOMEN, (), number=n) for d, n in ((500, 1), (1000, 1), (500, 2), (1000, 2))
    )
    assert complete_combination(sprint, Gender.WOMEN) is SPRINT


def test_a_total_needs_every_race_official_and_skated() -> None:
    times = {DAVIS: DAVIS_2006, ROEST: ROEST_2019}
    championship = allround("Championship", dt.date(2025, 1, 4), times)
    live = dataclasses.replace(championship.races[-1], state=RaceState.UNOFFICIAL)
    unofficial = dataclasses.replace(championship, races=(*championship.races[:-1], live))
    assert combination_totals(unofficial) == []
    last = championship.races[-1]
    fell = last.results[1].with_(time=None, status=Status.DNF)
    dnf = dataclasses.replace(last, results=(last.results[0], fell))
    partial = dataclasses.replace(championship, races=(*championship.races[:-1], dnf))
    assert [t.skater for t in combination_totals(partial)] == [DAVIS]


def entry(person: int, points: int, day: int, competition: int, nation: str = "") -> TotalEntry:
    return TotalEntry(person, nation, points, (dt.date(2025, 1, day), competition))


def test_records_and_bests_in_the_order_skated() -> None:
    flags = judge_totals(
        [
            entry(2, 145_561, 20, 2, "NED"),  # given first, skated later
            entry(1, 145_742, 10, 1, "USA"),
            entry(1, 146_000, 30, 3, "USA"),
            entry(3, 145_561, 30, 3, "NED"),
        ]
    )
    assert flags == [
        {"WR", "NR", "PB"},
        {"WR", "NR", "PB"},
        set(),
        {"WR", "NR", "PB"},  # equals the record
    ]


def test_one_championship_holds_one_record() -> None:
    """Made-up totals: the second best of a championship under the old record is no record."""
    flags = judge_totals(
        [entry(1, 150_000, 1, 1), entry(2, 149_000, 2, 2), entry(3, 148_000, 2, 2)]
    )
    assert flags == [{"WR", "PB"}, {"PB"}, {"WR", "PB"}]
