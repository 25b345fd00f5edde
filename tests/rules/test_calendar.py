"""Seasons run from July 1 to June 30."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ovaltime.rules import season_of


@pytest.mark.parametrize(
    ("day", "season"),
    [
        (datetime.date(2025, 1, 24), "2024-25"),
        (datetime.date(2024, 6, 30), "2023-24"),
        (datetime.date(2024, 7, 1), "2024-25"),
        (datetime.date(1999, 12, 31), "1999-00"),
        (datetime.date(2016, 12, 9), "2016-17"),
    ],
)
def test_season_of_a_date(day: datetime.date, season: str) -> None:
    assert season_of(day) == season


@given(st.dates(min_value=datetime.date(1900, 1, 1)))
def test_a_season_holds_its_first_day_to_its_last(day: datetime.date) -> None:
    start = int(season_of(day)[:4])
    assert datetime.date(start, 7, 1) <= day <= datetime.date(start + 1, 6, 30)
