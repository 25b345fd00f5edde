"""``ovaltime classify``: combinations scored from a classification CSV, as published."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

from tests.cli.helpers import invoke, run, table_line, write

AMSTERDAM = (
    Path(__file__).parent.parent / "fixtures" / "classification-allround-men-amsterdam-2018.csv"
)

STANDING_KEYS = {
    "rank",
    "skater",
    "nation",
    "total",
    "status",
    "completed",
    "gap_points",
    "gap_seconds",
    "qualification",
    "mark",
    "races",
}
RACE_KEYS = {"distance", "race", "time", "status", "points"}

SPRINT = """
    skater,nation,distance,race,time
    Anna,NED,500,1,37.50
    Bea,GER,500,1,37.80
    Cora,NOR,500,1,38.00
    Anna,NED,1000,1,1:14.00
    Bea,GER,1000,1,1:13.40
    Cora,NOR,1000,1,1:15.00
    Anna,NED,500,2,37.40
    Bea,GER,500,2,37.90
    Cora,NOR,500,2,DQ
    Anna,NED,1000,2,1:14.20
    Bea,GER,1000,2,1:13.60
"""

#: A small allround (500, 3000, 1500, 5000) before and after its final distance.
SMALL = """
    skater,nation,distance,race,time
    Anna,NED,500,1,38.00
    Bea,GER,500,1,38.50
    Cora,NOR,500,1,39.00
    Dana,USA,500,1,39.50
    Anna,NED,3000,1,4:00.00
    Bea,GER,3000,1,3:58.00
    Cora,NOR,3000,1,4:05.00
    Dana,USA,3000,1,4:10.00
    Anna,NED,1500,1,1:56.00
    Bea,GER,1500,1,1:57.00
    Cora,NOR,1500,1,1:58.00
    Dana,USA,1500,1,2:00.00
"""
SMALL_FINAL = """
    Anna,NED,5000,1,6:50.00
    Bea,GER,5000,1,6:44.00
"""


def _standings(*args: str | Path) -> list[dict[str, Any]]:
    view = invoke("classify", *args, "--format", "json").json()
    standings: list[dict[str, Any]] = view["standings"]
    return standings


def test_amsterdam_big_combination_totals_as_published() -> None:
    outcome = run("classify", AMSTERDAM, "--combination", "big", "--format", "json", cwd=Path.cwd())
    view = outcome.json()
    assert (view["combination"], view["after"], view["next"]) == (
        "big",
        2,
        {"distance": 1500, "race": 1},
    )
    standings = view["standings"]
    assert [(s["rank"], s["skater"], s["total"]) for s in standings] == [
        (1, "Patrick Roest", "76.677"),
        (2, "Sverre Lunde Pedersen", "76.801"),
        (3, "Sven Kramer", "76.845"),
    ]
    assert all(set(s) == STANDING_KEYS for s in standings)
    assert all(set(race) == RACE_KEYS for s in standings for race in s["races"])
    assert [s["status"] for s in standings] == ["classified"] * 3
    assert standings[0]["nation"] == "NED"
    assert standings[0]["races"] == [
        {"distance": 500, "race": 1, "time": "36.97", "status": "OK", "points": "36.970"},
        {"distance": 5000, "race": 1, "time": "6:37.07", "status": "OK", "points": "39.707"},
    ]
    assert [(s["gap_points"], s["gap_seconds"]) for s in standings] == [
        ("0.000", "0.00"),
        ("0.124", "0.37"),
        ("0.168", "0.50"),
    ]


def test_amsterdam_table_gives_gaps_in_points_and_seconds_on_the_1500() -> None:
    outcome = invoke("classify", AMSTERDAM, "-c", "big")
    assert outcome.status == 0, outcome.stderr
    assert "Gap on 1500 m" in outcome.stdout
    roest = table_line(outcome.stdout, "Patrick Roest")
    assert roest == ["1", "Patrick Roest", "NED", "36.97", "6:37.07", "76.677"]
    pedersen = table_line(outcome.stdout, "Sverre Lunde Pedersen")
    assert pedersen[-3:] == ["76.801", "0.124", "0.37"]
    kramer = table_line(outcome.stdout, "Sven Kramer")
    assert kramer[-3:] == ["76.845", "0.168", "0.50"]


def test_amsterdam_after_the_500_counts_one_race() -> None:
    view = invoke("classify", AMSTERDAM, "-c", "big", "--after", "1", "-f", "json").json()
    assert (view["after"], view["next"]) == (1, {"distance": 5000, "race": 1})
    assert [(s["rank"], s["total"], s["gap_seconds"]) for s in view["standings"]] == [
        (1, "36.970", "0.00"),
        (2, "37.420", "4.50"),
        (3, "37.430", "4.60"),
    ]
    assert all(len(s["races"]) == 1 for s in view["standings"])


def test_sprint_counts_both_500_and_both_1000(tmp_path: Path) -> None:
    path = write(tmp_path, "sprint.csv", SPRINT)
    standings = _standings(path, "-c", "sprint")
    assert [(s["rank"], s["skater"], s["total"], s["status"]) for s in standings] == [
        (1, "Anna", "149.000", "classified"),
        (2, "Bea", "149.200", "classified"),
        (None, "Cora", "75.500", "NC"),
    ]
    assert [(r["distance"], r["race"], r["points"]) for r in standings[1]["races"]] == [
        (500, 1, "37.800"),
        (1000, 1, "36.700"),
        (500, 2, "37.900"),
        (1000, 2, "36.800"),
    ]
    dq = {"distance": 500, "race": 2, "time": None, "status": "DQ", "points": None}
    assert standings[2]["races"][2] == dq
    empty = {"distance": 1000, "race": 2, "time": None, "status": None, "points": None}
    assert standings[2]["races"][3] == empty


def test_sprint_csv_keeps_an_nc_skater_in_the_right_columns(tmp_path: Path) -> None:
    path = write(tmp_path, "sprint.csv", SPRINT)
    outcome = invoke("classify", path, "-c", "sprint", "--format", "csv")
    assert outcome.status == 0, outcome.stderr
    rows = list(csv.DictReader(io.StringIO(outcome.stdout)))
    cora = rows[2]
    assert None not in cora, "a row with more cells than the header"
    assert (cora["skater"], cora["status"], cora["total"]) == ("Cora", "NC", "75.500")
    assert (cora["500 (2) time"], cora["1000 (2) time"]) == ("DQ", "")
    assert (cora["500 points"], cora["1000 points"], cora["1000 (2) points"]) == (
        "38.000",
        "37.500",
        "",
    )
    assert [row["1000 (2) points"] for row in rows[:2]] == ["37.100", "36.800"]


def test_sprint_table_keeps_an_nc_skater_in_the_right_columns(tmp_path: Path) -> None:
    path = write(tmp_path, "sprint.csv", SPRINT)
    outcome = invoke("classify", path, "-c", "sprint")
    assert outcome.status == 0, outcome.stderr
    lines = outcome.stdout.splitlines()
    header = next(line for line in lines if "Points" in line)
    cora = next(line for line in lines if "Cora" in line)
    # right-aligned columns: the total ends where the header "Points" ends
    assert cora.index("75.500") + len("75.500") == header.index("Points") + len("Points")
    assert table_line(outcome.stdout, "Cora")[-1] == "NC"


def test_custom_programme(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "custom.csv",
        """
        skater,nation,distance,time
        Anna,NED,500,38.00
        Bea,GER,500,38.40
        Anna,NED,1000,1:15.00
        Bea,GER,1000,1:14.40
        Anna,NED,1500,1:54.00
        Bea,GER,1500,1:53.10
        """,
    )
    view = invoke("classify", path, "-c", "500,1000,1500", "-f", "json").json()
    assert (view["combination"], view["after"], view["next"]) == ("500,1000,1500", 3, None)
    assert [(s["rank"], s["skater"], s["total"]) for s in view["standings"]] == [
        (1, "Bea", "113.300"),
        (2, "Anna", "113.500"),
    ]
    assert [r["points"] for r in view["standings"][0]["races"]] == ["38.400", "37.200", "37.700"]


@pytest.mark.parametrize(("size", "qualified"), [("2", ["Anna", "Bea"]), ("8", None)])
def test_final_size_decides_who_qualifies(
    tmp_path: Path, size: str, qualified: list[str] | None
) -> None:
    path = write(tmp_path, "small.csv", SMALL)
    standings = _standings(path, "-c", "small", "--final-size", size)
    names = [s["skater"] for s in standings]
    expected = qualified or names
    assert [s["skater"] for s in standings if s["qualification"]["qualified"]] == expected
    assert [s["mark"] for s in standings] == ["Q" if n in expected else "NQ" for n in names]
    assert all(s["status"] == "classified" for s in standings), "nobody is NQ before the final"


def test_after_the_final_distance_non_qualifiers_follow_the_finalists(tmp_path: Path) -> None:
    path = write(tmp_path, "small.csv", SMALL + SMALL_FINAL)
    view = invoke("classify", path, "-c", "small", "--final-size", "2", "-f", "json").json()
    assert view["after"] == 4
    assert [(s["rank"], s["skater"], s["status"], s["completed"]) for s in view["standings"]] == [
        (1, "Bea", "classified", 4),
        (2, "Anna", "classified", 4),
        (3, "Cora", "NQ", 3),
        (4, "Dana", "NQ", 3),
    ]
    outcome = invoke("classify", path, "-c", "small", "--final-size", "2", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(outcome.stdout)))
    assert [(row["5000 time"], row["1500 time"]) for row in rows[2:]] == [
        ("", "1:58.00"),
        ("", "2:00.00"),
    ]


def test_weighting_per_100_m(tmp_path: Path) -> None:
    path = write(tmp_path, "custom.csv", "skater,distance,time\nAnna,500,40.00\n")
    standings = _standings(path, "-c", "500", "--weighting", "100")
    assert standings[0]["total"] == "8.000"
