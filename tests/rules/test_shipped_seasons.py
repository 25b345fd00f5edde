"""The shipped seasons 2014-15 to 2025-26 against the numbers of RULES §4-§5."""

from __future__ import annotations

from fractions import Fraction

import pytest

from ovaltime.core.season import Rounding, SeasonRules
from ovaltime.core.states import Gender, RaceKind
from ovaltime.rules import available_seasons, load_season

SEASONS = [f"{year}-{(year + 1) % 100:02d}" for year in range(2014, 2026)]
A_2016 = (100, 80, 70, 60, 50, 45, 40, 36, 32, 28, 24, 21, 18, 16, 14, 12, 10, 8, 6, 5)
A_2019 = (60, 54, 48, 43, 40, 38, 36, 34, 32, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21)

MEN, WOMEN = Gender.MEN, Gender.WOMEN
INDIVIDUAL, MASS_START = RaceKind.INDIVIDUAL, RaceKind.MASS_START


def points(
    rules: SeasonRules, division: str, kind: RaceKind, gender: Gender, distance: int
) -> tuple[int, ...]:
    table = rules.table_for(division, kind, gender, distance)
    assert table is not None, f"{rules.season}: no table for {division} {kind} {gender} {distance}"
    return table.points


def test_every_season_2014_15_to_2025_26_ships() -> None:
    assert available_seasons() == SEASONS


@pytest.mark.parametrize("season", SEASONS)
def test_a_shipped_season_loads_with_tables_that_never_rise(season: str) -> None:
    rules = load_season(season)
    assert rules.season == season
    assert rules.final_distance_size == 8
    for rule in rules.tables:
        assert list(rule.table.points) == sorted(rule.table.points, reverse=True)
        assert rule.table.points[-1] >= 1, "every table runs down to a scoring last rank"


@pytest.mark.parametrize("season", SEASONS)
def test_every_value_is_accounted_for_as_verified_or_assumed(season: str) -> None:
    rules = load_season(season)
    said = " ".join(rules.verified + rules.unverified)
    for topic in (
        "Mass start: 16 laps",
        "Mass start sprint points",
        "5000/10000",
        "The other cups",
        "Final meeting: points x1.5 rounded down",
        "Final distance of an allround championship: best 8",
        "Division A",
        "Division B",
        "No table for Division B team pursuit",
    ):
        assert topic in said, f"{season}: nothing says where {topic!r} comes from"


@pytest.mark.parametrize("season", SEASONS)
def test_only_official_sheets_count_as_verified(season: str) -> None:
    rules = load_season(season)
    for sentence in rules.verified:
        assert not any(mark in sentence for mark in ("carried", "[S]", "[U]")), sentence
    for sentence in rules.unverified:
        assert "official sheets" not in sentence


@pytest.mark.parametrize("season", SEASONS)
def test_cups_follow_rules_section_4(season: str) -> None:
    rules = load_season(season)
    names = {(cup.gender, cup.name) for cup in rules.cups}
    for gender, long in ((MEN, "5000/10000"), (WOMEN, "3000/5000")):
        expected = {"500", "1000", "1500", long, "mass start", "team pursuit"}
        assert {name for g, name in names if g is gender} == expected
    assert rules.cup_of(INDIVIDUAL, MEN, 10000) == rules.cup_of(INDIVIDUAL, MEN, 5000)
    cup = rules.cup_of(INDIVIDUAL, WOMEN, 5000)
    assert cup is not None
    assert cup.name == "3000/5000"
    assert rules.cup_of(RaceKind.TEAM_SPRINT, MEN, 1200) is None


@pytest.mark.parametrize("season", SEASONS)
def test_team_sprint_and_division_b_team_pursuit_score_no_points(season: str) -> None:
    rules = load_season(season)
    assert rules.table_for("A", RaceKind.TEAM_SPRINT, MEN, 1200) is None
    assert rules.table_for("B", RaceKind.TEAM_PURSUIT, WOMEN, 2400) is None


def test_division_b_2025_26_tables_by_distance_and_gender() -> None:
    rules = load_season("2025-26")
    men_5000 = points(rules, "B", INDIVIDUAL, MEN, 5000)
    assert men_5000[:5] == (32, 28, 25, 21, 20)
    assert len(men_5000) == 24
    assert men_5000[23] == 1
    assert points(rules, "B", INDIVIDUAL, WOMEN, 3000) == men_5000
    women_5000 = points(rules, "B", INDIVIDUAL, WOMEN, 5000)
    assert women_5000[:5] == (36, 32, 29, 25, 24)
    assert (len(women_5000), women_5000[-1]) == (28, 1)
    assert points(rules, "B", INDIVIDUAL, MEN, 10000) == women_5000
    for gender in (MEN, WOMEN):
        for distance in (500, 1000, 1500):
            short = points(rules, "B", INDIVIDUAL, gender, distance)
            assert short[:5] == (28, 24, 21, 17, 16)
            assert (len(short), short[-1]) == (20, 1)
    assert points(rules, "B", MASS_START, WOMEN, 6400) == tuple(range(20, 0, -1))
    assert rules.table_for("A", INDIVIDUAL, MEN, 5000) is not None
    assert points(rules, "A", INDIVIDUAL, MEN, 5000) == A_2019


def test_division_a_2019_20_mass_start_runs_to_rank_24() -> None:
    rules = load_season("2019-20")
    table = rules.table_for("A", MASS_START, MEN, 6400)
    assert table is not None
    assert table.points[:20] == A_2019
    assert table.for_rank(21) == 20
    assert table.for_rank(24) == 17
    assert table.for_rank(25) == 0
    assert points(rules, "A", RaceKind.TEAM_PURSUIT, WOMEN, 2400) == A_2019
    assert points(rules, "B", INDIVIDUAL, WOMEN, 1000) == tuple(range(20, 0, -1))


def test_division_a_2016_17_published_arithmetic() -> None:
    """RULES §4: standings around the Astana 500 m races fit the 2016-17 table."""
    rules = load_season("2016-17")
    table = rules.table_for("A", INDIVIDUAL, MEN, 500)
    assert table is not None
    assert table.points == A_2016
    assert 300 + table.for_rank(2) == 380
    assert 167 + table.for_rank(4) == 227


def test_final_meeting_points_2016_17_are_one_and_a_half_rounded_down() -> None:
    rules = load_season("2016-17")
    assert rules.final_multiplier == Fraction(3, 2)
    assert rules.final_rounding is Rounding.DOWN
    assert rules.final_points(45) == 67
    assert rules.final_points(100) == 150


@pytest.mark.parametrize(
    ("season", "table"),
    [
        ("2014-15", A_2016),
        ("2015-16", A_2016),
        ("2017-18", A_2016),
        ("2018-19", A_2016),
        ("2024-25", A_2019),
    ],
)
def test_undocumented_division_a_seasons_carry_the_table_in_force(
    season: str, table: tuple[int, ...]
) -> None:
    assert points(load_season(season), "A", INDIVIDUAL, WOMEN, 1500) == table


@pytest.mark.parametrize(
    ("season", "winner"),
    [("2018-19", 20), ("2020-21", 20), ("2022-23", 20), ("2023-24", 28), ("2024-25", 28)],
)
def test_undocumented_division_b_seasons_carry_the_nearest_table(season: str, winner: int) -> None:
    assert points(load_season(season), "B", INDIVIDUAL, MEN, 500)[0] == winner


@pytest.mark.parametrize("season", SEASONS)
def test_mass_start_format_by_season(season: str) -> None:
    ms = load_season(season).mass_start
    assert (ms.laps, ms.sprint_laps) == (16, (4, 8, 12))
    if season <= "2017-18":
        assert (ms.intermediate_points, ms.final_points) == ((5, 3, 1), (60, 40, 20))
    else:
        assert (ms.intermediate_points, ms.final_points) == ((3, 2, 1), (60, 40, 20, 10, 6, 3))
