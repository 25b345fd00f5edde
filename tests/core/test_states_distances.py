"""Statuses, lanes, distances, split points, passage validation (RULES §1-2)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from ovaltime.core.distances import (
    Passage,
    check_distance,
    lap_times,
    laps,
    split_points,
    validate_passages,
)
from ovaltime.core.results import Race, Result, Skater
from ovaltime.core.states import Gender, Lane, Status
from ovaltime.core.times import Time


def test_unranked_statuses_list_in_rule_order() -> None:
    ordered = sorted(Status, key=lambda s: s.listing_order)
    assert [s.value for s in ordered] == ["OK", "DNF", "DQ", "WDR", "DNS"]


def test_status_and_lane_parsing() -> None:
    assert Status.parse(" dnf ") is Status.DNF
    assert Status.parse("") is Status.OK
    assert Lane.parse("O") is Lane.OUTER
    assert Gender.parse("Ladies") is Gender.WOMEN
    with pytest.raises(ValueError, match="'XYZ'"):
        Status.parse("XYZ")


@pytest.mark.parametrize(
    ("metres", "expected_laps", "points"),
    [
        (500, Fraction(5, 4), (100, 500)),
        (1000, Fraction(5, 2), (200, 600, 1000)),
        (1500, Fraction(15, 4), (300, 700, 1100, 1500)),
        (3000, Fraction(15, 2), (200, *range(600, 3001, 400))),
        (5000, Fraction(25, 2), (200, *range(600, 5001, 400))),
        (10000, Fraction(25), tuple(range(400, 10001, 400))),
        (100, Fraction(1, 4), (100,)),
        (700, Fraction(7, 4), (300, 700)),
    ],
)
def test_laps_and_split_points(metres: int, expected_laps: Fraction, points: tuple[int]) -> None:
    assert laps(metres) == expected_laps
    assert split_points(metres) == points


@pytest.mark.parametrize("metres", [0, 50, 450, 10100, 20000])
def test_distances_outside_the_oval_are_refused(metres: int) -> None:
    with pytest.raises(ValueError, match=str(metres)):
        check_distance(metres)


def _p(metres: int, text: str) -> Passage:
    return Passage(metres, Time.parse(text))


def test_sound_passages_and_lap_times() -> None:
    passages = [_p(200, "16.41"), _p(600, "44.60"), _p(1000, "1:13.10")]
    assert validate_passages(1000, passages, Time.parse("1:13.10")) == []
    assert lap_times(passages) == [(200, 16_410), (600, 28_190), (1000, 28_500)]


def test_every_passage_problem_is_reported() -> None:
    passages = [_p(200, "16.41"), _p(500, "44.60"), _p(600, "40.00"), _p(1000, "1:13.20")]
    problems = validate_passages(1000, passages, Time.parse("1:13.10"))
    assert len(problems) == 3
    assert "500 m is not a split point" in problems[0]
    assert "not later" in problems[1]
    assert "differs from the time 1:13.10" in problems[2]


def test_a_final_time_before_the_last_passage_is_refused() -> None:
    passages = [_p(100, "10.30")]
    (problem,) = validate_passages(500, passages, Time.parse("9.80"))
    assert problem == "the time 9.80 is not later than the passage at 100 m (10.30)"
    assert validate_passages(500, passages, Time.parse("38.12")) == []


def test_result_invariants() -> None:
    skater = Skater("Joy Beune", "NED")
    with pytest.raises(ValueError, match="needs a time"):
        Result(skater)
    with pytest.raises(ValueError, match="infraction"):
        Result(skater, Time(1), infraction="T07")
    assert Result(skater, status=Status.DQ, infraction="T07").ranked is False
    assert Skater("Joy  Beune", "ned").key == skater.key


def test_race_names() -> None:
    assert Race(500, Gender.WOMEN, number=2).name == "500 m women (2)"
    assert Race(1500, Gender.MEN, division="B").name == "1500 m men, division B"
