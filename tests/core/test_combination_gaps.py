"""Gaps to the leader in points and seconds, and the time needed to overtake (RULES §3)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ovaltime.core.combination import (
    BIG,
    SPRINT,
    Combination,
    classify,
    gap_seconds,
    points_thousandths,
    time_to_overtake,
)
from ovaltime.core.times import Time
from tests.core.combination_helpers import race, skater


def test_gap_in_points_converts_to_seconds_on_a_distance() -> None:
    assert gap_seconds(Decimal("1.161"), 5000) == Decimal("11.610")
    assert gap_seconds(Decimal("1.161"), 10000) == Decimal("23.220")
    assert gap_seconds(Decimal("0.124"), 1500) == Decimal("0.372")
    assert gap_seconds(Decimal("0.124"), 500, weighting=100) == Decimal("0.620")


def test_classification_gaps_on_the_next_race() -> None:
    races = [
        race(500, {"A": "36.00", "B": "36.50", "C": "DQ"}),
        race(5000, {"A": "6:30.00", "B": "6:25.00", "C": "6:20.00"}),
        race(1500, {"A": "1:48.00"}),  # B has not skated yet
    ]
    c = classify(BIG, races, after=2)
    gaps = {g.skater.name: (g.points, g.seconds) for g in c.gaps()}
    # A 75.000, B 75.000: level; 10000 m is not next, the 1500 m is
    assert gaps == {
        "A": (Decimal("0.000"), Decimal("0.000")),
        "B": (Decimal("0.000"), Decimal("0.000")),
        "C": (None, None),
    }
    live = classify(BIG, races)
    gaps = {g.skater.name: (g.points, g.seconds) for g in live.gaps()}
    # A has three races, B two: no meaningful gap for B; the next race is the 10000 m
    assert gaps["A"] == (Decimal("0.000"), Decimal("0.000"))
    assert gaps["B"] == (None, None)


def test_gaps_after_the_last_race_have_no_seconds() -> None:
    races = [
        race(500, {"A": "35.00", "B": "35.10"}, number=1),
        race(1000, {"A": "1:09.00", "B": "1:09.00"}, number=1),
        race(500, {"A": "35.00", "B": "35.10"}, number=2),
        race(1000, {"A": "1:09.00", "B": "1:09.00"}, number=2),
    ]
    gaps = classify(SPRINT, races).gaps()
    assert [(g.skater.name, g.points, g.seconds) for g in gaps] == [
        ("A", Decimal("0.000"), None),
        ("B", Decimal("0.200"), None),
    ]
    gaps = classify(SPRINT, races, after=3).gaps()
    assert gaps[1].seconds == Decimal("0.400")  # 0.200 points on the 1000 m


def test_time_to_overtake_strictly_or_level() -> None:
    # Roest leads Pedersen by 0.124 points after two races (Amsterdam 2018). If Roest skates
    # the 1500 m in 1:45.00 (35.000 points, total 111.677), Pedersen needs 34.875 or less:
    # 1:44.62 gives 34.873 (total 111.674, ahead); 1:44.63 gives 34.876 (level at 111.677).
    roest, pedersen = Decimal("76.677"), Decimal("76.801")
    leader_time = Time.parse("1:45.00")
    needed = time_to_overtake(pedersen, roest, 1500, leader_time)
    assert needed == Time.parse("1:44.62")
    level = time_to_overtake(pedersen, roest, 1500, leader_time, tie=True)
    assert level == Time.parse("1:44.63")
    assert str(needed) == "1:44.62"


def test_time_to_overtake_from_a_classification() -> None:
    races = [
        race(500, {"Roest": "36.97", "Pedersen": "37.42"}),
        race(5000, {"Roest": "6:37.07", "Pedersen": "6:33.81"}),
    ]
    c = classify(BIG, races)
    assert c.time_to_overtake(skater("Pedersen"), Time.parse("1:45.00")) == Time.parse("1:44.62")
    # the leader "overtakes" himself with his own time only by tying
    assert c.time_to_overtake(skater("Roest"), Time.parse("1:45.00")) == Time.parse("1:44.99")
    assert c.time_to_overtake(skater("Roest"), Time.parse("1:45.00"), tie=True) == Time.parse(
        "1:45.00"
    )
    with pytest.raises(ValueError, match="no leader or no next race"):
        classify(BIG, []).time_to_overtake(skater("Roest"), Time.parse("1:45.00"))


def test_no_time_can_overtake_a_hopeless_gap() -> None:
    hopeless = time_to_overtake(Decimal("150.000"), Decimal("100.000"), 500, Time.parse("40.00"))
    assert hopeless is None


def test_points_finer_than_a_thousandth_are_refused() -> None:
    with pytest.raises(ValueError, match="more than three decimals"):
        time_to_overtake(Decimal("1.0001"), Decimal("1"), 500, Time.parse("40.00"))


@given(
    distance=st.sampled_from([100, 300, 500, 700, 1000, 1500, 3000, 5000, 10000]),
    weighting=st.sampled_from([500, 100]),
    skater_total=st.integers(0, 200_000),
    gap=st.integers(-3_000, 3_000),
    leader_hundredths=st.integers(500, 200_000),
    tie=st.booleans(),
)
def test_needed_time_is_exactly_the_slowest_that_works(
    *,
    distance: int,
    weighting: int,
    skater_total: int,
    gap: int,
    leader_hundredths: int,
    tie: bool,
) -> None:
    leader_total = skater_total + gap
    leader_time = Time(leader_hundredths * 10)
    leader_after = leader_total + points_thousandths(leader_time, distance, weighting)

    def works(hundredths: int) -> bool:
        own = skater_total + points_thousandths(Time(hundredths * 10), distance, weighting)
        return own <= leader_after if tie else own < leader_after

    needed = time_to_overtake(
        Decimal(skater_total).scaleb(-3),
        Decimal(leader_total).scaleb(-3),
        distance,
        leader_time,
        weighting=weighting,
        tie=tie,
    )
    if needed is None:
        assert not works(1)
    else:
        assert needed.thousandths % 10 == 0
        assert works(needed.hundredths)
        assert not works(needed.hundredths + 1)


def test_custom_weighting_gap_on_the_next_race() -> None:
    youth = Combination.custom((100, 300), name="youth", weighting=100)
    races = [race(100, {"A": "11.00", "B": "11.25"})]
    gaps = classify(youth, races).gaps()
    # 0.250 points, 300 m per 100 m -> x3 = 0.750 s
    assert [(g.points, g.seconds) for g in gaps] == [
        (Decimal("0.000"), Decimal("0.000")),
        (Decimal("0.250"), Decimal("0.750")),
    ]
