"""Team blocks of an ISU results text, read as teams: snippets written in the published format."""

from __future__ import annotations

from ovaltime.core.states import Gender, Status
from ovaltime.core.teams import teams_of
from ovaltime.formats.isu_titles import (
    MIXED_RELAY_METRES,
    TEAM_PURSUIT_METRES,
    TEAM_SPRINT_METRES,
)
from tests.formats.test_isu_text import block, only_race, read

PURSUIT = block(
    "Team Pursuit (Men), 02.02.2025",
    "1     A Skater             Senior   USA   3:38.19            TR, SB",
    "1     B Skater             Senior   USA   3:38.19            TR, SB",
    "1     C Skater             Senior   USA   3:38.19            TR, SB",
    "2     D Skater             Senior   ITA   3:39.29   +1.100   SB",
    "2     E Skater             Senior   ITA   3:39.29   +1.100   SB",
    "2     F Skater             Senior   ITA   3:39.29   +1.100   SB",
    "DNF   G Skater             Senior   NOR   -",
    "DNF   H Skater             Senior   NOR   -",
    "DNF   I Skater             Senior   NOR   -",
)


def test_team_distances_come_from_the_team_events() -> None:
    assert TEAM_PURSUIT_METRES == {Gender.MEN: 3200, Gender.WOMEN: 2400}
    assert (TEAM_SPRINT_METRES, MIXED_RELAY_METRES) == (1200, 2400)


def test_team_pursuit_rows_make_teams() -> None:
    imported = read(PURSUIT)
    teams = teams_of(only_race(imported))
    assert [(t.team.name, t.rank, t.status) for t in teams] == [
        ("USA", 1, Status.OK),
        ("ITA", 2, Status.OK),
        ("NOR", None, Status.DNF),
    ]
    assert [m.name for m in teams[0].team.members] == ["A Skater", "B Skater", "C Skater"]
    assert imported.problems == []


def test_mixed_relay_pos_on_the_first_member_only() -> None:
    imported = read(
        block(
            "Mixed Relay (Men), 02.02.2025",
            "1     A Skater             Senior   NED   2:56.56             WR",
            "      B Skater             A1       NED   2:56.56             WR",
            "2     C Skater             Senior   NOR   2:58.01   +1.450    NR",
            "      D Skater             Senior   NOR   2:58.01   +1.450    NR",
            "3     E Skater             Senior   CAN   2:58.01   +1.450    NR",
            "      F Skater             Senior   CAN   2:58.01   +1.450    NR",
        )
    )
    teams = teams_of(only_race(imported))
    assert [(t.team.name, len(t.team.members), t.rank) for t in teams] == [
        ("NED", 2, 1),
        ("NOR", 2, 2),
        ("CAN", 2, 3),
    ]
    assert [t.thousandths_known for t in teams] == [True, False, False]
    assert imported.problems == []


def test_a_team_short_of_members_is_reported_on_its_line() -> None:
    imported = read(
        block(
            "Team Sprint (Women), 26.01.2025",
            "1     A Skater             Senior   CAN   1:24.90            NR",
            "1     B Skater             Senior   CAN   1:24.90            NR",
            "2     C Skater             Senior   POL   1:26.02   +1.120   PB",
            "2     D Skater             Senior   POL   1:26.02   +1.120   PB",
            "2     E Skater             Senior   POL   1:26.02   +1.120   PB",
        )
    )
    assert [len(t.team.members) for t in teams_of(only_race(imported))] == [2, 3]
    assert [(p.line, p.field, p.message) for p in imported.problems] == [
        (8, "team", "team CAN: 2 of 3 members listed")
    ]
