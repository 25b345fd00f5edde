"""World Cup standings (RULES §4) on a fixture season built from the 2016-17 Division A table."""

from __future__ import annotations

import datetime as dt

import pytest

from ovaltime.core.results import Competition
from ovaltime.core.series_scores import MASS_START_NOTE
from ovaltime.core.standings import (
    CupStandings,
    Meeting,
    SeriesStandings,
    Standing,
    in_date_order,
    series_standings,
)
from ovaltime.core.states import Gender, RaceKind
from tests.core.series_fixtures import (
    mass_start,
    meeting,
    race,
    season_2016_17,
    team_pursuit,
)

RULES = season_2016_17()


def standings(*competitions: Competition, final_last: bool = False) -> SeriesStandings:
    last = len(competitions) - 1
    meetings = [Meeting(c, final=final_last and i == last) for i, c in enumerate(competitions)]
    return series_standings(meetings, RULES)


def cup(series: SeriesStandings, name: str) -> CupStandings:
    (found,) = [c for c in series.cups if c.cup.name == name and c.cup.gender is Gender.WOMEN]
    return found


def points(lines: tuple[Standing, ...]) -> dict[str, int]:
    return {line.competitor.name: line.points for line in lines}


def ranks(lines: tuple[Standing, ...]) -> list[tuple[int, str, int]]:
    return [(line.rank, line.competitor.name, line.points) for line in lines]


def test_published_2016_17_arithmetic_300_then_2nd_is_380_and_167_then_4th_is_227() -> None:
    # X wins three 500 m races (300); Y is 6th, 7th, 5th and 9th (45 + 40 + 50 + 32 = 167).
    first = meeting(
        "Berlin",
        2,
        race(500, ["X", "a", "b", "c", "d", "Y"]),
        race(500, ["X", "a", "b", "c", "d", "e", "Y"], number=2),
    )
    second = meeting(
        "Astana",
        9,
        race(500, ["X", "a", "b", "c", "Y"]),
        race(500, ["a", "b", "c", "d", "e", "f", "g", "h", "Y"], number=2),
    )
    third = meeting("Heerenveen", 16, race(500, ["a", "X", "b", "Y"]))
    series = standings(first, second, third)
    before, after = cup(series, "500").history[-2:]
    assert points(before.standings)["X"] == 300
    assert points(before.standings)["Y"] == 167
    assert points(after.standings)["X"] == 380
    assert points(after.standings)["Y"] == 227


def test_two_races_of_one_distance_in_a_meeting_score_separately() -> None:
    series = standings(meeting("Nagano", 2, race(500, ["A", "B"]), race(500, ["B", "A"], number=2)))
    (line_a,) = [line for line in cup(series, "500").standings if line.competitor.name == "A"]
    assert [(s.race, s.rank, s.points) for s in line_a.scores] == [
        ("500 m", 1, 100),
        ("500 m (2)", 2, 80),
    ]
    assert points(cup(series, "500").standings) == {"A": 180, "B": 180}


def test_division_a_and_b_points_count_in_one_standing() -> None:
    first = meeting("Minsk", 2, race(1000, ["A1", "A2"]), race(1000, ["B1", "B2"], division="B"))
    second = meeting("Stavanger", 9, race(1000, ["B1", "A1", "A2"]))
    lines = cup(standings(first, second), "1000").standings
    assert ranks(lines) == [(1, "A1", 180), (2, "A2", 150), (3, "B1", 125), (4, "B2", 20)]
    (b1,) = [line for line in lines if line.competitor.name == "B1"]
    assert [(s.competition, s.division, s.rank, s.points) for s in b1.scores] == [
        ("Minsk", "B", 1, 25),
        ("Stavanger", "A", 1, 100),
    ]


def test_tied_ranks_both_get_the_points_of_the_shared_rank() -> None:
    series = standings(meeting("Harbin", 2, race(500, ["A", "B", "C", "D"], ties=[2])))
    lines = cup(series, "500").standings
    assert [(s.competitor.name, s.scores[0].rank) for s in lines] == [
        ("A", 1),
        ("B", 2),
        ("C", 2),
        ("D", 4),
    ]
    assert points(lines) == {"A": 100, "B": 80, "C": 80, "D": 60}


def test_the_final_meeting_multiplies_and_rounds_down() -> None:
    order = [f"S{n:02d}" for n in range(1, 21)]
    series = standings(meeting("Stavanger", 2, race(1000, order)), final_last=True)
    got = points(cup(series, "1000").standings)
    assert got["S01"] == 150
    assert got["S04"] == 90
    assert got["S12"] == 31  # 21 × 1.5 = 31.5
    assert got["S20"] == 7  # 5 × 1.5 = 7.5


def test_only_one_meeting_can_be_the_final() -> None:
    one = meeting("One", 2, race(500, ["A"]))
    with pytest.raises(ValueError, match="only one meeting"):
        series_standings([Meeting(one, final=True), Meeting(one, final=True)], RULES)


def test_tie_rule_best_place_then_most_recent_race_then_shared() -> None:
    # P is 2nd twice (160), Q 1st and 4th (160): Q's best place is better.
    first = meeting("One", 2, race(500, ["Q", "P", "R", "S"]))
    second = meeting("Two", 9, race(500, ["x", "P", "y", "Q"]))
    lines = cup(standings(first, second), "500").standings
    top = [(line.rank, line.competitor.name, line.points) for line in lines[:3]]
    assert top == [(1, "Q", 160), (2, "P", 160), (3, "x", 100)]

    # Equal points and best place: the better place in the most recent race decides.
    first = meeting("One", 2, race(1000, ["M", "N", "o", "p"]))
    second = meeting("Two", 9, race(1000, ["N", "M", "q", "r"]))
    lines = cup(standings(first, second), "1000").standings
    assert ranks(lines[:2]) == [(1, "N", 180), (2, "M", 180)]
    assert not lines[0].tied

    # Equal in everything: a shared rank, the next skipped, listed by name.
    first = meeting("One", 2, race(500, ["K", "J", "L"], ties=[1]))
    lines = cup(standings(first), "500").standings
    assert ranks(lines) == [(1, "J", 100), (1, "K", 100), (3, "L", 70)]
    assert [line.tied for line in lines] == [True, True, False]


def test_a_division_a_place_beats_a_division_b_place_in_the_tie_rule() -> None:
    # Alpha: 12th in A (21) + 8th in B (4); Beta: 2nd in B (20) + 20th in A (5). Both have 25;
    # Alpha's best place (12th in A) beats Beta's (2nd in B).
    first = meeting(
        "One",
        2,
        race(500, [*(f"f{i}" for i in range(11)), "Alpha"]),  # Alpha 12th: 21
        race(500, ["g", "Beta"], division="B"),  # Beta 2nd in B: 20
    )
    second = meeting(
        "Two",
        9,
        race(500, [*(f"h{i}" for i in range(19)), "Beta"]),  # Beta 20th: 5
        race(500, ["k", "l", "m", "n", "o", "p", "q", "Alpha"], division="B"),  # 8th in B: 4
    )
    lines = cup(standings(first, second), "500").standings
    (alpha,) = [line for line in lines if line.competitor.name == "Alpha"]
    (beta,) = [line for line in lines if line.competitor.name == "Beta"]
    assert alpha.points == beta.points == 25
    assert alpha.rank < beta.rank


def test_history_movement_behind_and_new_leader() -> None:
    first = meeting("One", 2, race(1000, ["A", "B", "C"]))
    second = meeting("Two", 9, race(1000, ["C", "D", "B", "A"]))
    third = meeting("Three", 16, race(500, ["A"]))
    history = cup(standings(first, second, third), "1000").history
    assert [snapshot.after for snapshot in history] == ["One", "Two", "Three"]
    assert [snapshot.new_leader for snapshot in history] == [True, True, False]
    one, two, three = (snapshot.standings for snapshot in history)
    assert [(s.competitor.name, s.movement_text) for s in one] == [("A", ""), ("B", ""), ("C", "")]
    assert [(s.rank, s.competitor.name, s.points, s.behind, s.movement_text) for s in two] == [
        (1, "C", 170, 0, "+2"),
        (2, "A", 160, 10, "-1"),
        (3, "B", 150, 20, "-1"),
        (4, "D", 80, 90, "new"),
    ]
    assert [s.movement for s in three] == [0, 0, 0, 0]
    assert [s.movement_text for s in three] == ["=", "=", "=", "="]
    assert history[1].leaders[0].competitor.name == "C"


def test_mass_start_scores_its_published_ranks_and_says_so() -> None:
    series = standings(meeting("Heerenveen", 2, mass_start(["A", "B", "C"])))
    assert ranks(cup(series, "mass start").standings) == [(1, "A", 60), (2, "B", 40), (3, "C", 20)]
    assert MASS_START_NOTE in series.notes


def test_team_pursuit_points_go_to_the_nation_once_a_team() -> None:
    series = standings(
        meeting("Nagano", 2, team_pursuit(["NED", "JPN", "CAN"])),
        meeting("Heerenveen", 9, team_pursuit(["JPN", "NED"])),
    )
    lines = cup(series, "team pursuit").standings
    # Equal points and best place: JPN won the most recent race.
    assert ranks(lines) == [(1, "JPN", 180), (2, "NED", 180), (3, "CAN", 70)]
    assert all(line.competitor.team for line in lines)
    assert [len(line.scores) for line in lines] == [2, 2, 1]


def test_races_without_a_points_table_score_nothing_and_a_note_says_so() -> None:
    sprint = race(1200, ["A", "B", "C"], kind=RaceKind.TEAM_SPRINT, division="")
    series = standings(meeting("Calgary", 2, sprint, race(500, ["A"])))
    assert series.notes == (
        "Calgary: team sprint women: no points table in season 2016-17; scores nothing",
    )
    assert all(line.competitor.name == "A" for c in series.cups for line in c.standings), (
        "only the 500 m scored"
    )


def test_every_cup_of_the_season_is_listed_even_before_it_has_points() -> None:
    series = standings(meeting("One", 2, race(500, ["A"])))
    assert [c.cup.name for c in series.cups] == [
        "500",
        "1000",
        "3000/5000",
        "mass start",
        "team pursuit",
    ]
    assert cup(series, "1000").standings == ()


def test_skaters_are_the_same_across_meetings_whatever_the_case_of_their_name() -> None:
    series = standings(
        meeting("One", 2, race(3000, ["Irene Wust"])),
        meeting("Two", 9, race(5000, ["IRENE WUST"])),
    )
    (line,) = cup(series, "3000/5000").standings
    assert (line.competitor.name, line.points, len(line.scores)) == ("IRENE WUST", 200, 2)


def test_in_date_order_sorts_by_start_and_puts_undated_last() -> None:
    undated = Competition("Undated")
    late = Competition("Late", start=dt.date(2025, 3, 1))
    early = Competition("Early", start=dt.date(2024, 11, 1))
    assert [c.name for c in in_date_order([undated, late, early])] == ["Early", "Late", "Undated"]
