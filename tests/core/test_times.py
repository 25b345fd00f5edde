"""Times: every notation of RULES §1, truncation to hundredths, the bracketed thousandth."""

from __future__ import annotations

import contextlib
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ovaltime.core.times import InvalidTime, Time, format_behind


@pytest.mark.parametrize(
    ("text", "thousandths", "shown"),
    [
        ("36.48", 36_480, "36.48"),
        ("1:07.01", 67_010, "1:07.01"),
        ("12:29.63", 749_630, "12:29.63"),
        ("0:41.8", 41_800, "41.8"),
        ("37.342", 37_342, "37.34"),
        ("1.15,70", 75_700, "1:15.70"),
        ("41,38", 41_380, "41.38"),
        ("1.02.410", 62_410, "1:02.41"),
        (" 6:45.76 ", 405_760, "6:45.76"),
        ("1:02:03.45", 3_723_450, "1:02:03.45"),
    ],
)
def test_every_published_notation(text: str, thousandths: int, shown: str) -> None:
    time = Time.parse(text)
    assert time.thousandths == thousandths
    assert time.format() == shown


def test_official_time_truncates_thousandths() -> None:
    assert Time.parse("37.087").format() == "37.08"
    assert Time.parse("37.087").hundredths == 3708
    assert Time.parse("37.089").official == Time.parse("37.08")


def test_bracketed_thousandth() -> None:
    assert Time.parse("37.342").format(thousandth=True) == "37.34(2)"
    assert Time.parse("37.342") < Time.parse("37.343")


def test_seconds_are_exact_decimals() -> None:
    assert Time.parse("1:42.56").seconds == Decimal("102.560")
    assert Time.from_seconds("69.312") == Time(69_312)
    with pytest.raises(InvalidTime):
        Time.from_seconds("1.2345")


@pytest.mark.parametrize(
    "text", ["", "  ", "abc", "1:75.00", "1:5.00", "-1.0", "37.3421", "1,,2", "1:00:75.0", "DNF"]
)
def test_bad_time_names_the_text(text: str) -> None:
    with pytest.raises(InvalidTime) as error:
        Time.parse(text)
    assert repr(text) in str(error.value)
    assert isinstance(error.value, ValueError)


def test_time_behind() -> None:
    assert format_behind(360) == "+0.36"
    assert format_behind(369) == "+0.36"
    assert format_behind(62_410) == "+1:02.41"
    assert format_behind(189, decimals=3) == "+0.189"
    assert format_behind(-120) == "-0.12"


times = st.builds(Time, st.integers(min_value=0, max_value=4 * 3600 * 1000))


@given(times)
def test_thousandths_round_trip(time: Time) -> None:
    assert Time.parse(time.format(decimals=3)) == time


@given(times)
def test_official_notation_round_trips_to_hundredths(time: Time) -> None:
    assert Time.parse(time.format()).thousandths == time.hundredths * 10


@given(st.text(max_size=20))
def test_parser_raises_only_its_own_error(text: str) -> None:
    with contextlib.suppress(InvalidTime):
        Time.parse(text)
