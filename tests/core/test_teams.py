"""Team events (RULES §6): formats, grouping member rows into teams, ranking teams, heats."""

from __future__ import annotations

import pytest

from ovaltime.core.ranking import rank_race
from ovaltime.core.results import Race, Result, Skater
from ovaltime.core.states import Gender, RaceKind, Status
from ovaltime.core.team_heats import heats
from ovaltime.core.teams import (
    MIXED_RELAY,
    TEAM_EVENTS,
    TEAM_PURSUIT,
    TEAM_SPRINT,
    StartStraight,
    Team,
    TeamResult,
    by_nation,
    group_teams,
    rank_teams,
    team_event,
    teams_of,
)
from ovaltime.core.times import Time


def member(
    name: str,
    nation: str,
    time: str | None,
    status: Status = Status.OK,
    *,
    rank: int | None = None,
    heat: int | None = None,
    infraction: str = "",
    known: bool = True,
) -> Result:
    """A member row as a result list prints it: the team's time, status and rank."""
    return Result(
        skater=Skater(name, nation),
        time=Time.parse(time) if time is not None else None,
        status=status,
        infraction=infraction,
        pair=heat,
        thousandths_known=known,
        published_rank=rank,
    )


def team(
    nation: str,
    names: str,
    time: str | None,
    status: Status = Status.OK,
    *,
    rank: int | None = None,
    infraction: str = "",
    known: bool = True,
) -> list[Result]:
    """One row per member, named by letters: ``team("NED", "ABC", "3:38.19", rank=1)``."""
    return [
        member(f"{nation} {n}", nation, time, status, rank=rank, infraction=infraction, known=known)
        for n in names
    ]


def pursuit(*rows: list[Result], gender: Gender = Gender.MEN) -> Race:
    results = tuple(r for block in rows for r in block)
    distance = TEAM_PURSUIT.distance(gender)
    return Race(distance, gender, results, kind=RaceKind.TEAM_PURSUIT)


def summary(teams: list[TeamResult]) -> list[tuple[str, int | None, int]]:
    return [(t.team.name, t.rank, len(t.team.members)) for t in teams]


class TestEvents:
    def test_team_pursuit_is_three_skaters_eight_laps_men_six_women(self) -> None:
        assert TEAM_PURSUIT.size == 3
        assert TEAM_PURSUIT.timed_on == 3
        assert (TEAM_PURSUIT.laps_for(Gender.MEN), TEAM_PURSUIT.laps_for(Gender.WOMEN)) == (8, 6)
        assert (TEAM_PURSUIT.distance(Gender.MEN), TEAM_PURSUIT.distance(Gender.WOMEN)) == (
            3200,
            2400,
        )

    def test_team_sprint_and_mixed_relay(self) -> None:
        assert (TEAM_SPRINT.size, TEAM_SPRINT.distance(Gender.WOMEN)) == (3, 1200)
        assert (MIXED_RELAY.size, MIXED_RELAY.laps_for(Gender.MIXED)) == (2, 6)
        assert MIXED_RELAY.one_woman_one_man

    def test_every_team_kind_has_its_event(self) -> None:
        assert set(TEAM_EVENTS) == {
            RaceKind.TEAM_PURSUIT,
            RaceKind.TEAM_SPRINT,
            RaceKind.MIXED_RELAY,
        }
        assert team_event(RaceKind.MIXED_RELAY) is MIXED_RELAY

    def test_an_individual_race_is_no_team_event(self) -> None:
        with pytest.raises(ValueError, match="not a team event"):
            team_event(RaceKind.MASS_START)
        with pytest.raises(ValueError, match="not a team event"):
            group_teams(Race(500, Gender.MEN, (member("A", "NED", "35.00"),)))


class TestValues:
    def test_a_team_needs_a_name_and_distinct_members(self) -> None:
        with pytest.raises(ValueError, match="a name"):
            Team(" ")
        with pytest.raises(ValueError, match="listed twice"):
            Team("NED", "NED", (Skater("A", "NED"), Skater("a", "ned")))

    def test_a_team_result_follows_the_result_rules(self) -> None:
        with pytest.raises(ValueError, match="needs a time"):
            TeamResult(Team("NED"))
        with pytest.raises(ValueError, match="DQ only"):
            TeamResult(Team("NED"), Time.parse("3:40.00"), infraction="T08")
        with pytest.raises(ValueError, match="heat numbers"):
            TeamResult(Team("NED"), Time.parse("3:40.00"), heat=0)


class TestGrouping:
    def test_consecutive_rows_of_a_nation_with_one_time_form_a_team(self) -> None:
        race = pursuit(
            team("USA", "ABC", "3:38.19", rank=1),
            team("ITA", "DEF", "3:39.29", rank=2),
        )
        teams = teams_of(race)
        assert summary(teams) == [("USA", 1, 3), ("ITA", 2, 3)]
        assert [s.name for s in teams[0].team.members] == ["USA A", "USA B", "USA C"]
        assert teams[0].team.nation == "USA"
        assert teams[1].time == Time.parse("3:39.29")
        assert teams[1].behind == 1100
        assert group_teams(race).problems == ()

    def test_two_teams_of_one_nation_are_numbered_in_listing_order(self) -> None:
        race = pursuit(
            team("NED", "ABC", "3:40.00"),
            team("NOR", "DEF", "3:41.00"),
            team("NED", "GHI", "3:42.00"),
        )
        assert summary(teams_of(race)) == [("NED 1", 1, 3), ("NOR", 2, 3), ("NED 2", 3, 3)]
        nations = by_nation(teams_of(race))
        assert [t.team.name for t in nations["NED"]] == ["NED 1", "NED 2"]
        assert [t.rank for t in nations["NED"]] == [1, 3]

    def test_two_tied_teams_of_one_nation_are_cut_at_the_team_size(self) -> None:
        race = pursuit(team("NED", "ABCDEF", "3:40.00"), team("NOR", "GHI", "3:41.00"))
        teams = teams_of(race)
        assert summary(teams) == [("NED 1", 1, 3), ("NED 2", 1, 3), ("NOR", 3, 3)]
        assert [t.tied for t in teams] == [True, True, False]

    def test_a_tie_between_nations_shares_the_rank_and_skips_the_next(self) -> None:
        race = pursuit(
            team("NED", "ABC", "3:40.00"),
            team("NOR", "DEF", "3:40.00"),
            team("ITA", "GHI", "3:41.00"),
        )
        assert summary(teams_of(race)) == [("NED", 1, 3), ("NOR", 1, 3), ("ITA", 3, 3)]

    def test_a_dq_team_keeps_its_infraction_and_follows_a_dnf_team(self) -> None:
        race = pursuit(
            team("CAN", "ABC", None, Status.DQ, infraction="T08"),
            team("NED", "DEF", "3:40.00", rank=1),
            team("NOR", "GHI", None, Status.DNF),
        )
        teams = teams_of(race)
        assert [(t.team.name, t.rank, t.status) for t in teams] == [
            ("NED", 1, Status.OK),
            ("NOR", None, Status.DNF),
            ("CAN", None, Status.DQ),
        ]
        assert teams[2].infraction == "T08"
        assert teams[2].behind is None

    def test_a_lost_thousandth_keeps_the_listed_order(self) -> None:
        """Milwaukee 2025 mixed relay: NOR and CAN 2:58.01, published 2 and 3."""
        relay = (
            *team("NOR", "AB", "2:58.01", rank=2, known=False),
            *team("CAN", "CD", "2:58.01", rank=3, known=False),
            *team("NED", "EF", "2:56.56", rank=1),
        )
        race = Race(2400, Gender.MIXED, relay, kind=RaceKind.MIXED_RELAY)
        teams = teams_of(race)
        assert summary(teams) == [("NED", 1, 2), ("NOR", 2, 2), ("CAN", 3, 2)]
        assert [t.published_rank for t in teams] == [1, 2, 3]

    def test_members_share_the_team_rank_in_the_member_ranking(self) -> None:
        race = pursuit(team("NED", "ABC", "3:40.00"), team("NOR", "DEF", "3:41.00"))
        assert [line.rank for line in rank_race(race)] == [1, 1, 1, 4, 4, 4]
        assert [t.rank for t in teams_of(race)] == [1, 2]

    def test_an_incomplete_team_is_formed_and_reported(self) -> None:
        race = pursuit(team("NED", "AB", "3:40.00"), team("NOR", "DEF", "3:41.00"))
        grouping = group_teams(race)
        assert [len(t.team.members) for t in grouping.teams] == [2, 3]
        assert [(p.rows, p.message) for p in grouping.problems] == [
            ((0, 1), "team NED: 2 of 3 members listed")
        ]

    def test_rows_without_a_nation_are_reported_and_left_out(self) -> None:
        race = pursuit(team("NED", "ABC", "3:40.00"), [member("X", "", "3:40.00")])
        grouping = group_teams(race)
        assert [t.team.name for t in grouping.teams] == ["NED"]
        assert [p.rows for p in grouping.problems] == [(3,)]
        assert "no nation" in grouping.problems[0].message

    def test_a_different_time_rank_or_status_splits_a_nation(self) -> None:
        rows = [
            member("A", "NED", "3:40.00", rank=1),
            member("B", "NED", "3:40.00", rank=1),
            member("C", "NED", "3:40.01", rank=1),
        ]
        grouping = group_teams(pursuit(rows))
        assert [len(t.team.members) for t in grouping.teams] == [2, 1]
        assert [t.team.name for t in grouping.teams] == ["NED 1", "NED 2"]
        assert len(grouping.problems) == 2

    def test_members_in_different_heats_or_with_different_infractions(self) -> None:
        rows = [
            member("A", "NED", None, Status.DQ, heat=1, infraction="T08"),
            member("B", "NED", None, Status.DQ, heat=2, infraction="T09"),
            member("C", "NED", None, Status.DQ, heat=1),
        ]
        grouping = group_teams(pursuit(rows))
        (dq,) = grouping.teams
        assert (dq.heat, dq.infraction) == (None, "T08")
        assert [p.message for p in grouping.problems] == [
            "team NED: members in different heats",
            "team NED: members with different infractions T08, T09",
        ]

    def test_a_member_listed_twice_is_kept_once(self) -> None:
        rows = [member("A", "NED", "3:40.00"), member("A", "NED", "3:40.00")]
        grouping = group_teams(pursuit(rows))
        assert [s.name for s in grouping.teams[0].team.members] == ["A"]
        assert "listed twice" in grouping.problems[-1].message

    def test_ranking_does_not_depend_on_the_order_of_the_teams(self) -> None:
        teams = list(
            group_teams(pursuit(team("A", "1", "3:41.00"), team("B", "2", "3:40.00"))).teams
        )
        assert [t.team.name for t in rank_teams(teams)] == ["B", "A"]
        assert [t.team.name for t in rank_teams(teams[::-1])] == ["B", "A"]


def heat_team(
    name: str, time: str | None, heat: int | None, start: StartStraight | None
) -> TeamResult:
    status = Status.OK if time is not None else Status.DNF
    parsed = Time.parse(time) if time is not None else None
    return TeamResult(Team(name, name), parsed, status, heat=heat, start=start)


class TestHeats:
    FINISH, CROSSING = StartStraight.FINISH, StartStraight.CROSSING

    def test_the_faster_team_wins_its_heat_by_the_gap(self) -> None:
        teams = [
            heat_team("NED", "3:41.00", 1, self.FINISH),
            heat_team("NOR", "3:40.88", 1, self.CROSSING),
            heat_team("USA", "3:39.00", 2, self.FINISH),
            heat_team("ITA", "3:39.003", 2, self.CROSSING),
            heat_team("JPN", "3:45.00", 3, None),
            heat_team("CAN", None, 3, None),
            heat_team("KOR", "3:44.00", None, None),
        ]
        one, two, three = heats(teams)
        assert (one.number, one.winner, one.gap, one.gap_text) == (1, teams[1], 120, "+0.12")
        assert (two.winner, two.gap_text) == (teams[2], "+0.003")
        assert (three.winner, three.gap, three.gap_text) == (teams[4], None, "")
        assert [t.team.name for t in one.teams] == ["NED", "NOR"]

    def test_a_dead_heat_has_no_winner(self) -> None:
        (heat,) = heats(
            [heat_team("NED", "3:40.00", 1, None), heat_team("NOR", "3:40.00", 1, None)]
        )
        assert (heat.winner, heat.gap) == (None, 0)

    def test_a_heat_without_a_valid_time_has_no_winner(self) -> None:
        (heat,) = heats([heat_team("NED", None, 4, None), heat_team("NOR", None, 4, None)])
        assert (heat.winner, heat.gap) == (None, None)

    def test_the_winner_keeps_its_rank_in_the_race(self) -> None:
        ranked = rank_teams(
            [
                heat_team("NED", "3:40.00", 1, None),
                heat_team("NOR", "3:39.00", 2, None),
                heat_team("ITA", "3:41.00", 1, None),
            ]
        )
        (one, _two) = heats(ranked)
        assert one.winner is not None
        assert (one.winner.team.name, one.winner.rank) == ("NED", 2)

    def test_every_unsound_heat_is_named_at_once(self) -> None:
        teams = [
            heat_team("NED", "3:40.00", 1, self.FINISH),
            heat_team("NOR", "3:41.00", 1, self.FINISH),
            heat_team("USA", "3:39.00", 2, None),
            heat_team("ITA", "3:39.50", 2, None),
            heat_team("JPN", "3:45.00", 2, None),
        ]
        with pytest.raises(ValueError, match="heat 1: NED, NOR start on the same straight") as err:
            heats(teams)
        assert "heat 2 holds 3 teams (USA, ITA, JPN)" in str(err.value)
