"""Reference: the samalog check of RULES §3 (truncated points add up to 144.690).

Source: RULES.md §3, "Roest 35.74, 1:42.56, 6:03.70, 12:47.89 -> 35.740 + 34.186 + 36.370 +
38.394 = 144.690 (rounding would give 144.692)", on the big combination.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ovaltime.core.combination import BIG, classify, samalog_points
from ovaltime.core.results import Race, Result, Skater
from ovaltime.core.states import Gender
from ovaltime.core.times import Time

ROEST = Skater("Patrick Roest", "NED")
TIMES = {500: "35.74", 5000: "6:03.70", 1500: "1:42.56", 10000: "12:47.89"}
POINTS = {500: "35.740", 5000: "36.370", 1500: "34.186", 10000: "38.394"}


def test_points_per_distance() -> None:
    for distance, text in TIMES.items():
        points = samalog_points(Time.parse(text), distance)
        assert points == Decimal(POINTS[distance]), (
            f"RULES §3: Roest, {distance} m: {points}, expected {POINTS[distance]}"
        )


def test_total_over_the_big_combination_is_144_690() -> None:
    races = [Race(d, Gender.MEN, (Result(ROEST, Time.parse(t)),)) for d, t in TIMES.items()]
    standing = classify(BIG, races).standing_of(ROEST)
    assert standing.completed == 4
    assert standing.total == Decimal("144.690")
    assert str(standing.total) == "144.690"


def test_rounding_instead_of_truncating_would_give_144_692() -> None:
    rounded = sum(
        (
            (Time.parse(t).seconds / (Decimal(d) / 500)).quantize(
                Decimal("0.001"), rounding=ROUND_HALF_UP
            )
            for d, t in TIMES.items()
        ),
        Decimal(0),
    )
    assert rounded == Decimal("144.692")
    truncated = sum((samalog_points(Time.parse(t), d) for d, t in TIMES.items()), Decimal(0))
    assert truncated == Decimal("144.690") != rounded
