"""Samalog points of one time: truncated, from the official hundredths, exact (RULES §3)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ovaltime.core.combination import (
    points_from_thousandths,
    points_thousandths,
    samalog_points,
)
from ovaltime.core.times import Time


@pytest.mark.parametrize(
    ("text", "distance", "expected"),
    [
        ("35.74", 500, "35.740"),
        ("1:42.56", 1500, "34.186"),  # 34.18666... truncated, not rounded
        ("6:03.70", 5000, "36.370"),
        ("12:47.89", 10000, "38.394"),  # 38.3945 truncated
        ("1:08.31", 1000, "34.155"),
        ("4:01.23", 3000, "40.205"),
        ("1:52.99", 1500, "37.663"),  # 37.66333...
    ],
)
def test_points_per_500_m(text: str, distance: int, expected: str) -> None:
    points = samalog_points(Time.parse(text), distance)
    assert points == Decimal(expected)
    assert str(points) == expected  # always three decimals


def test_points_use_the_official_hundredths_not_the_thousandth() -> None:
    # 1:42.569 is officially 1:42.56: the thousandth never reaches the points.
    assert samalog_points(Time.parse("1:42.569"), 1500) == Decimal("34.186")
    assert samalog_points(Time.parse("37.349"), 500) == Decimal("37.340")


def test_points_per_100_m() -> None:
    # Divisor distance / 100: 500 m -> 5, 100 m -> 1, 300 m -> 3, 1500 m -> 15.
    assert samalog_points(Time.parse("45.67"), 500, weighting=100) == Decimal("9.134")
    assert samalog_points(Time.parse("11.23"), 100, weighting=100) == Decimal("11.230")
    assert samalog_points(Time.parse("27.01"), 300, weighting=100) == Decimal("9.003")
    assert samalog_points(Time.parse("2:05.11"), 1500, weighting=100) == Decimal("8.340")


def test_odd_distances_per_500_m() -> None:
    # 700 m: divisor 1.4 -> 58.33 / 1.4 = 41.66428... -> 41.664.
    assert samalog_points(Time.parse("58.33"), 700) == Decimal("41.664")
    # 100 m: divisor 0.2 -> 10.01 / 0.2 = 50.05.
    assert samalog_points(Time.parse("10.01"), 100) == Decimal("50.050")


def test_thousandths_of_a_point() -> None:
    assert points_thousandths(Time.parse("12:47.89"), 10000) == 38394
    assert points_from_thousandths(144690) == Decimal("144.690")


def test_unknown_weighting_and_distance_are_refused() -> None:
    with pytest.raises(ValueError, match="weighting"):
        samalog_points(Time.parse("35.74"), 500, weighting=400)
    with pytest.raises(ValueError, match="distance"):
        samalog_points(Time.parse("35.74"), 550)
