"""The exact time notation keeps thousandths and the source's precision."""

from __future__ import annotations

import pytest
from hypothesis import given

from ovaltime.core.times import InvalidTime, Time
from ovaltime.formats.timetext import format_exact, parse_exact
from tests.formats.strategies import times


@pytest.mark.parametrize(
    ("text", "thousandths", "precision"),
    [
        ("37.342", 37342, 3),
        ("37.34", 37340, 2),
        ("37.34(2)", 37342, 2),
        ("41.8", 41800, 1),
        ("41.8(50)", 41850, 1),
        ("1:07.01", 67010, 2),
        ("12:29.63", 749630, 2),
        ("41", 41000, 0),
        ("41(850)", 41850, 0),
        ("1:02:03.4", 3723400, 1),
    ],
)
def test_exact_notation_both_ways(text: str, thousandths: int, precision: int) -> None:
    time = parse_exact(text)
    assert (time.thousandths, time.precision) == (thousandths, precision)
    assert format_exact(time) == text


def test_every_published_notation_reads() -> None:
    assert parse_exact("1.15,70") == Time(75700)
    assert parse_exact("0:41.8").precision == 1


@pytest.mark.parametrize("text", ["37.342(1)", "37.34(12)", "41.8(5)", "(2)", "37.34()", "1:7.0"])
def test_bad_exact_notation(text: str) -> None:
    with pytest.raises(InvalidTime, match="invalid time"):
        parse_exact(text)


@given(times)
def test_format_then_parse_gives_the_same_time_and_precision(time: Time) -> None:
    back = parse_exact(format_exact(time))
    assert back == time
    assert back.precision == time.precision
