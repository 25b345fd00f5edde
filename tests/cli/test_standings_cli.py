"""``ovaltime standings`` and ``ovaltime medals`` on two small ISU results texts.

The meetings are fictional; the 2024-25 season file ships with ovaltime (Division A: 60, 54,
48 ...; Division B 500 m: 28, 24, 21 ...; mass start A: 60, 54, 48 ...).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.helpers import BAD_INPUT, invoke, run, table_line, write

HEADER = "POS   NAME             AG       NAT   TIME      DIFF      RECORD"

FIRST = f"""
1. World Cup 2024/2025
08. - 10.11.2024
Meiji Hokkaido-Tokachi Oval (JPN)

500 meter (Women), 08.11.2024

{HEADER}
1     Anna Alpha       Senior   NED   37.10
2     Bea Beta         Senior   USA   37.20     +0.100
3     Cleo Gamma       Senior   JPN   37.30     +0.200

500 meter (Women), 08.11.2024

{HEADER}
1     Dora Delta       Senior   POL   38.10
2     Eva Epsilon      Senior   CZE   38.20     +0.100

Mass Start (Women), 10.11.2024

{HEADER}
1     Bea Beta         Senior   USA   8:30.00
2     Anna Alpha       Senior   NED   8:29.00   -1.000
"""

SECOND = f"""
2. World Cup 2024/2025
15. - 17.11.2024
Beijing National Speed Skating Oval (CHN)

500 meter (Women), 15.11.2024

{HEADER}
1     Bea Beta         Senior   USA   37.00
2     Anna Alpha       Senior   NED   37.40     +0.400
3     Dora Delta       Senior   POL   37.50     +0.500

1000 meter (Men), 16.11.2024

{HEADER}
1     Finn Zeta        Senior   NOR   1:08.00
"""


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    # Given latest first: the command sorts the meetings by date.
    return [write(tmp_path, "second.txt", SECOND), write(tmp_path, "first.txt", FIRST)]


def test_json_shape_is_pinned(files: list[Path]) -> None:
    data = invoke(
        "standings", *files, "--season", "2024-25", "--gender", "women", "-f", "json"
    ).json()
    assert set(data) == {"season", "competitions", "final", "cups", "notes"}
    assert data["competitions"] == ["1. World Cup 2024/2025", "2. World Cup 2024/2025"]
    assert data["final"] is None
    assert [(c["gender"], c["distance"]) for c in data["cups"]] == [
        ("women", "500"),
        ("women", "1000"),
        ("women", "1500"),
        ("women", "3000/5000"),
        ("women", "mass start"),
        ("women", "team pursuit"),
    ]
    five = data["cups"][0]
    assert set(five) == {"gender", "distance", "new_leader", "standings"}
    assert five["new_leader"] is True
    assert five["standings"][0] == {
        "rank": 1,
        "skater": "Bea Beta",
        "nation": "USA",
        "points": 114,
        "behind": 0,
        "movement": "+1",
        "races": [
            {
                "competition": "1. World Cup 2024/2025",
                "race": "500 m",
                "division": "A",
                "rank": 2,
                "points": 54,
            },
            {
                "competition": "2. World Cup 2024/2025",
                "race": "500 m",
                "division": "A",
                "rank": 1,
                "points": 60,
            },
        ],
    }
    assert [
        (s["rank"], s["skater"], s["points"], s["behind"], s["movement"]) for s in five["standings"]
    ] == [
        (1, "Bea Beta", 114, 0, "+1"),  # equal points: Bea won the most recent race
        (2, "Anna Alpha", 114, 0, "-1"),
        (3, "Dora Delta", 76, 38, "+1"),  # Division B 1st (28) + Division A 3rd (48)
        (4, "Cleo Gamma", 48, 66, "-1"),
        (5, "Eva Epsilon", 24, 90, "="),
    ]
    mass = data["cups"][4]["standings"]
    assert [(s["skater"], s["points"]) for s in mass] == [("Bea Beta", 60), ("Anna Alpha", 54)]
    assert (
        "mass start ranks are the published ranks; the ISU text has no sprint points"
        in (data["notes"])
    )


def test_gender_and_distance_filters(files: list[Path]) -> None:
    data = invoke(
        "standings", *files, "--season", "2024-25", "--distance", "1000", "-f", "json"
    ).json()
    assert [(c["gender"], c["distance"]) for c in data["cups"]] == [
        ("men", "1000"),
        ("women", "1000"),
    ]
    data = invoke(
        "standings",
        *files,
        "--season",
        "2024-25",
        "--gender",
        "men",
        "--distance",
        "10000",
        "-f",
        "json",
    ).json()
    assert [(c["gender"], c["distance"]) for c in data["cups"]] == [("men", "5000/10000")]
    data = invoke(
        "standings", *files, "--season", "2024-25", "--distance", "mass start", "-f", "json"
    ).json()
    assert [c["distance"] for c in data["cups"]] == ["mass start", "mass start"]


def test_final_last_multiplies_the_latest_meeting(files: list[Path]) -> None:
    data = invoke(
        "standings",
        *files,
        "--season",
        "2024-25",
        "--gender",
        "men",
        "--distance",
        "1000",
        "--final",
        "last",
        "-f",
        "json",
    ).json()
    assert data["final"] == "2. World Cup 2024/2025"
    (line,) = data["cups"][0]["standings"]
    assert (line["skater"], line["points"]) == ("Finn Zeta", 90)  # 60 x 1.5


def test_table_shows_rank_skater_nation_points_behind_movement(files: list[Path]) -> None:
    out = invoke(
        "standings", *files, "--season", "2024-25", "--gender", "women", "--distance", "500"
    )
    assert out.status == 0, out.stderr
    assert "women 500 (2024-25), after 2. World Cup 2024/2025" in out.stdout
    assert table_line(out.stdout, "Dora Delta") == ["3", "Dora Delta", "POL", "76", "38", "+1"]
    assert "new leader: Bea Beta" in out.stdout


def test_csv_has_one_row_a_standing(files: list[Path]) -> None:
    out = invoke("standings", *files, "--season", "2024-25", "--distance", "500", "-f", "csv")
    lines = out.stdout.splitlines()
    assert lines[0] == "gender,distance,rank,skater,nation,points,behind,movement,races"
    assert lines[1] == "women,500,1,Bea Beta,USA,114,0,+1,2"
    assert len(lines) == 1 + 5


def test_unknown_season_is_one_clear_line_and_exit_2(files: list[Path], tmp_path: Path) -> None:
    out = run("standings", *files, "--season", "1999-00", cwd=tmp_path)
    assert out.status == BAD_INPUT
    (line,) = out.lines()
    assert line.startswith("ovaltime: error: unknown season '1999-00' (known: ")
    assert "Traceback" not in out.stderr


def test_no_such_cup_is_one_clear_line(files: list[Path], tmp_path: Path) -> None:
    out = run("standings", *files, "--season", "2024-25", "--distance", "800", cwd=tmp_path)
    assert out.status == BAD_INPUT
    assert out.lines() == [
        "ovaltime: error: --distance 800: no such cup this season (cups: 500, 1000, 1500, "
        "5000/10000, mass start, team pursuit, 3000/5000)"
    ]


def test_medals_table_per_skater_and_nation(files: list[Path]) -> None:
    first = files[1]
    out = invoke("medals", first)
    assert out.status == 0, out.stderr
    # Division B's winner Dora Delta has no medal; Anna won the 500 m and silver in the mass start.
    assert table_line(out.stdout, "Anna Alpha") == ["1", "Anna Alpha", "NED", "1", "1", "0", "2"]
    assert table_line(out.stdout, "Bea Beta") == ["1", "Bea Beta", "USA", "1", "1", "0", "2"]
    assert table_line(out.stdout, "Cleo Gamma") == ["3", "Cleo Gamma", "JPN", "0", "0", "1", "1"]
    assert "Dora Delta" not in out.stdout
    assert "medals per nation" in out.stdout
    data = invoke("medals", first, "-f", "json").json()
    assert data["nations"][0] == {
        "rank": 1,
        "nation": "NED",
        "gold": 1,
        "silver": 1,
        "bronze": 0,
        "podiums": 2,
    }
    assert [n["nation"] for n in data["nations"]] == ["NED", "USA", "JPN"]
