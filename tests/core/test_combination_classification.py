"""Standings of a combination: ordering, shared ranks, NC, NQ, sprint, 100 m weighting."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from decimal import Decimal

import pytest

from ovaltime.core.combination import (
    BIG,
    SPRINT,
    Combination,
    RaceSlot,
    classify,
    standings_after_each,
)
from ovaltime.core.results import Race
from ovaltime.core.states import Gender, Status
from tests.core.combination_helpers import race, skater

Row = tuple[int | None, str, str, int, str]


def table(
    races: Sequence[Race], combination: Combination = BIG, after: int | None = None
) -> list[Row]:
    c = classify(combination, races, after=after)
    return [(s.rank, s.skater.name, str(s.total), s.completed, s.status.value) for s in c.standings]


def test_more_races_completed_rank_first() -> None:
    races = [
        race(500, {"A": "36.00", "B": "35.00", "C": "37.00"}),
        # the 5000 m is being skated: A has finished, B and C not yet
        race(5000, {"A": "6:30.00"}),
    ]
    assert table(races) == [
        (1, "A", "75.000", 2, "classified"),
        (2, "B", "35.000", 1, "classified"),
        (3, "C", "37.000", 1, "classified"),
    ]


def test_equal_totals_share_a_rank_and_skip_the_next() -> None:
    races = [
        race(500, {"A": "36.00", "B": "36.10", "C": "36.20", "D": "36.30"}),
        race(5000, {"A": "6:30.00", "B": "6:29.00", "C": "6:28.00", "D": "6:20.00"}),
    ]
    # A, B and C all 75.000; D 74.300. Tied skaters are listed by name.
    assert [(s.rank, s.skater.name) for s in classify(BIG, races).standings] == [
        (1, "D"),
        (2, "A"),
        (2, "B"),
        (2, "C"),
    ]
    races = [race(500, {"B": "36.00", "A": "36.00", "C": "36.01"})]
    assert [(s.rank, s.skater.name) for s in classify(BIG, races).standings] == [
        (1, "A"),
        (1, "B"),
        (3, "C"),
    ]


def test_equal_hundredths_share_points_whatever_the_thousandth() -> None:
    races = [race(500, {"A": "36.001", "B": "36.009"})]
    assert [s.rank for s in classify(BIG, races).standings] == [1, 1]


@pytest.mark.parametrize("status", ["DNF", "DQ", "DNS", "WDR"])
def test_a_status_makes_a_skater_not_classified(status: str) -> None:
    races = [
        race(500, {"A": "36.00", "B": "35.00", "C": "37.00"}),
        race(5000, {"A": "6:30.00", "B": status, "C": "6:40.00"}),
    ]
    assert table(races) == [
        (1, "A", "75.000", 2, "classified"),
        (2, "C", "77.000", 2, "classified"),
        (None, "B", "35.000", 1, "NC"),
    ]
    entry = classify(BIG, races).standing_of(skater("B")).entries[1]
    assert (entry.slot, entry.time, entry.status, entry.points) == (
        RaceSlot(5000),
        None,
        Status(status),
        None,
    )


def test_not_classified_skaters_are_ordered_by_races_then_points() -> None:
    races = [
        race(500, {"A": "36.00", "B": "DQ", "C": "35.50", "D": "35.00"}),
        race(5000, {"A": "6:30.00", "B": "6:20.00", "C": "DNF", "D": "DNF"}),
    ]
    assert table(races) == [
        (1, "A", "75.000", 2, "classified"),
        (None, "D", "35.000", 1, "NC"),
        (None, "C", "35.500", 1, "NC"),
        (None, "B", "38.000", 1, "NC"),
    ]


def test_a_skater_absent_from_a_race_has_fewer_races_not_nc() -> None:
    races = [
        race(500, {"A": "36.00", "B": "35.00"}),
        race(5000, {"A": "6:30.00"}),
        race(1500, {"A": "1:50.00", "B": "1:49.00"}),
    ]
    assert table(races) == [
        (1, "A", "111.666", 3, "classified"),
        (2, "B", "71.333", 2, "classified"),
    ]


def test_sprint_counts_both_500_m_races() -> None:
    races = [
        race(500, {"A": "35.00", "B": "35.10"}, number=1),
        race(1000, {"A": "1:09.00", "B": "1:08.00"}, number=1),
        race(500, {"A": "35.20", "B": "34.90"}, number=2),
        race(1000, {"A": "1:08.50", "B": "1:08.70"}, number=2),
    ]
    # A: 35.000 + 34.500 + 35.200 + 34.250 = 138.950
    # B: 35.100 + 34.000 + 34.900 + 34.350 = 138.350
    assert table(races, SPRINT) == [
        (1, "B", "138.350", 4, "classified"),
        (2, "A", "138.950", 4, "classified"),
    ]
    a = classify(SPRINT, races).standing_of(skater("A"))
    assert [(e.distance, e.number, str(e.points)) for e in a.entries] == [
        (500, 1, "35.000"),
        (1000, 1, "34.500"),
        (500, 2, "35.200"),
        (1000, 2, "34.250"),
    ]
    # after the first 500 m, A leads; the second 500 m alone is not the first
    assert table(races, SPRINT, after=1)[0][:2] == (1, "A")
    assert table([races[2]], SPRINT) == [
        (1, "B", "34.900", 1, "classified"),
        (2, "A", "35.200", 1, "classified"),
    ]


def test_custom_combination_with_100_m_weighting() -> None:
    youth = Combination.custom((100, 300, 500), name="youth", weighting=100)
    races = [
        race(100, {"A": "11.50", "B": "11.20"}),
        race(300, {"A": "27.00", "B": "27.30"}),
        race(500, {"A": "45.00", "B": "45.20"}),
    ]
    # A: 11.500 + 9.000 + 9.000 = 29.500; B: 11.200 + 9.100 + 9.040 = 29.340
    assert table(races, youth) == [
        (1, "B", "29.340", 3, "classified"),
        (2, "A", "29.500", 3, "classified"),
    ]


def test_standings_after_each_race() -> None:
    races = [
        race(500, {"A": "36.00", "B": "35.00"}),
        race(5000, {"A": "6:20.00", "B": "6:40.00"}),
        race(1500, {"A": "1:50.00", "B": "1:45.00"}),
    ]
    # A: 36.000, 74.000, 110.666; B: 35.000, 75.000, 110.000
    each = standings_after_each(BIG, races)
    assert [c.after for c in each] == [1, 2, 3]
    assert [c.leader.skater.name for c in each if c.leader] == ["B", "A", "B"]
    assert [str(c.standing_of(skater("B")).total) for c in each] == [
        "35.000",
        "75.000",
        "110.000",
    ]
    assert standings_after_each(BIG, []) == []
    assert classify(BIG, []).standings == ()


def test_races_outside_the_programme_and_doubles_are_all_reported() -> None:
    races = [
        race(500, {"A": "36.00", "a": "36.10"}),  # the same skater twice
        race(500, {"A": "36.00"}),
        race(1000, {"A": "1:10.00"}),
        dataclasses.replace(race(1500, {}), gender=Gender.WOMEN),
    ]
    with pytest.raises(ValueError, match=r"more than one gender") as info:
        classify(BIG, races)
    message = str(info.value)
    assert "a has two results in the 500 m men" in message
    assert "500 m men is given twice" in message
    assert "1000 m men is not a race of the big combination" in message


def test_after_is_checked() -> None:
    with pytest.raises(ValueError, match="after must be 0-4"):
        classify(BIG, [], after=5)


def test_input_races_may_come_in_any_order() -> None:
    races = [
        race(500, {"A": "36.00", "B": "35.00"}),
        race(5000, {"A": "6:20.00", "B": "6:40.00"}),
    ]
    assert table(races) == table(list(reversed(races)))
    assert classify(BIG, list(reversed(races))).after == 2
    total = classify(BIG, races).standing_of(skater("A")).total
    assert total == Decimal("74.000")
