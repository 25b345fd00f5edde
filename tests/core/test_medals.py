"""The medal table of one competition: Division A only, teams once a nation, gold first.

Lines equal in golds, silvers and bronzes share a rank and are listed by name.
"""

from __future__ import annotations

from ovaltime.core.medals import MedalLine, medal_table
from ovaltime.core.results import Competition, Race, Result, Skater
from ovaltime.core.states import Gender, RaceKind
from ovaltime.core.times import Time
from tests.core.series_fixtures import mass_start, meeting, race, team_pursuit


def tally(lines: tuple[MedalLine, ...]) -> list[tuple[int, str, int, int, int, int]]:
    return [(m.rank, m.name, m.gold, m.silver, m.bronze, m.podiums) for m in lines]


def test_gold_silver_bronze_per_skater_in_the_usual_order() -> None:
    weekend = meeting(
        "Heerenveen",
        2,
        race(500, ["A", "B", "C", "D"]),
        race(1000, ["B", "C", "A"]),
        race(1500, ["C", "D", "B"]),
        race(3000, ["E", "F", "G"]),
    )
    table = medal_table(weekend)
    assert tally(table.skaters) == [
        (1, "B", 1, 1, 1, 3),
        (1, "C", 1, 1, 1, 3),
        (3, "A", 1, 0, 1, 2),
        (4, "E", 1, 0, 0, 1),
        (5, "D", 0, 1, 0, 1),
        (5, "F", 0, 1, 0, 1),
        (7, "G", 0, 0, 1, 1),
    ]
    assert [m.race for m in table.skaters[0].medals] == [
        "500 m women, division A",
        "1000 m women, division A",
        "1500 m women, division A",
    ]


def test_a_division_b_win_is_not_a_medal() -> None:
    weekend = meeting("Calgary", 2, race(500, ["A"]), race(500, ["B"], division="B"))
    assert [line.name for line in medal_table(weekend).skaters] == ["A"]


def test_a_race_without_a_division_awards_medals() -> None:
    weekend = meeting("Hamar", 2, race(500, ["A", "B"], division=""))
    assert tally(medal_table(weekend).skaters) == [(1, "A", 1, 0, 0, 1), (2, "B", 0, 1, 0, 1)]


def test_shared_rank_shares_the_medal_and_skips_the_next() -> None:
    weekend = meeting("Inzell", 2, race(500, ["A", "B", "C", "D"], ties=[1]))
    assert tally(medal_table(weekend).skaters) == [
        (1, "A", 1, 0, 0, 1),
        (1, "B", 1, 0, 0, 1),
        (3, "C", 0, 0, 1, 1),
    ]


def test_mass_start_medals_follow_the_published_ranks() -> None:
    weekend = meeting("Milwaukee", 2, mass_start(["A", "B", "C", "D"]))
    assert [line.name for line in medal_table(weekend).skaters] == ["A", "B", "C"]


def test_a_team_medal_counts_once_for_the_nation_and_once_for_each_member() -> None:
    weekend = meeting(
        "Milwaukee",
        2,
        team_pursuit(["NED", "JPN", "CAN", "USA"]),
        race(500, ["Jutta"], nation="NED"),
    )
    table = medal_table(weekend)
    assert tally(table.nations) == [
        (1, "NED", 2, 0, 0, 2),
        (2, "JPN", 0, 1, 0, 1),
        (3, "CAN", 0, 0, 1, 1),
    ]
    assert len(table.skaters) == 1 + 3 * 3
    assert tally(table.skaters)[:4] == [
        (1, "Jutta", 1, 0, 0, 1),
        (1, "NED skater 1", 1, 0, 0, 1),
        (1, "NED skater 2", 1, 0, 0, 1),
        (1, "NED skater 3", 1, 0, 0, 1),
    ]


def test_nations_add_up_their_skaters_medals() -> None:
    def result(name: str, nation: str, hundredths: int) -> Result:
        return Result(Skater(name, nation), Time(hundredths * 10))

    races = (
        Race(500, Gender.MEN, (result("A", "NED", 3400), result("B", "JPN", 3410))),
        Race(1000, Gender.MEN, (result("C", "JPN", 6800), result("A", "NED", 6810))),
        Race(
            1200,
            Gender.MEN,
            (result("X", "NOR", 7800), result("Y", "NOR", 7800), result("Z", "NOR", 7800)),
            RaceKind.TEAM_SPRINT,
        ),
    )
    table = medal_table(Competition("Tomaszów", races))
    assert tally(table.nations) == [
        (1, "JPN", 1, 1, 0, 2),
        (1, "NED", 1, 1, 0, 2),
        (3, "NOR", 1, 0, 0, 1),
    ]
    assert table.competition == "Tomaszów"
    assert len(table.medals) == 5
