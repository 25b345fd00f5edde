"""``ovaltime rank --mass-start --season``: a mass start ranked on sprint points."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from tests.cli.helpers import BAD_INPUT, invoke, run, table_line, write

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "mass-start-women-fictional.csv"

#: The fixture's order in 2025-26 (3, 2, 1 / 60, 40, 20, 10, 6, 3): Fleur's two sprint places
#: (2 + 2 + 3 = 7) lift her above Emi, who finished ahead of her (6).
ORDER_2025 = [
    (1, "Anna Veld", 60, [0, 0, 0, 60]),
    (2, "Berit Lund", 43, [3, 0, 0, 40]),
    (3, "Chiara Monti", 22, [0, 0, 2, 20]),
    (4, "Dana Kowal", 14, [0, 3, 1, 10]),
    (5, "Fleur Dubois", 7, [2, 2, 0, 3]),
    (6, "Emi Sato", 6, [0, 0, 0, 6]),
    (7, "Greta Hahn", 1, [0, 1, 0, 0]),
    (8, "Hana Novak", 0, [0, 0, 0, 0]),
    (9, "Ines Berg", 0, [1, 0, 0, 0]),  # struck: a sprint point kept for display, total 0
    (10, "Jade Moreau", 0, [0, 0, 0, 0]),  # DNF after 11 laps
    (11, "Kaja Lis", 0, [0, 0, 0, 0]),  # DNF after 6 laps
    (None, "Lotte Smit", 0, [0, 0, 0, 0]),  # DQ T25
    (None, "Mila Ruiz", 0, [0, 0, 0, 0]),  # DNS
]


@pytest.fixture
def race(tmp_path: Path) -> Path:
    return Path(shutil.copy(FIXTURE, tmp_path / "mass-start.csv"))


def test_json_adds_points_and_sprints_to_the_usual_rows(race: Path) -> None:
    outcome = run(
        "rank", race.name, "--mass-start", "--season", "2025-26", "-f", "json", cwd=race.parent
    )
    assert outcome.stderr == ""
    rows = outcome.json()["results"]
    assert [(r["rank"], r["skater"], r["points"], r["sprints"]) for r in rows] == ORDER_2025
    first = rows[0]
    assert first == {
        "rank": 1,
        "skater": "Anna Veld",
        "nation": "NED",
        "time": "8:31.52",
        "seconds": "511.520",
        "behind": None,
        "status": "OK",
        "pair": None,
        "lane": None,
        "points": 60,
        "sprints": [0, 0, 0, 60],
        "finish": 1,
        "laps": 16,
        "struck": False,
    }
    ines, jade, lotte = rows[8], rows[9], rows[11]
    assert (ines["struck"], ines["laps"], ines["finish"]) == (True, 16, 9)
    assert (jade["status"], jade["laps"], jade["finish"], jade["time"]) == ("DNF", 11, None, None)
    assert (lotte["status"], lotte["infraction"], lotte["rank"]) == ("DQ", "T25", None)


def test_the_2017_18_season_scores_the_same_race_differently(race: Path) -> None:
    rows = invoke("rank", race, "--mass-start", "--season", "2017-18", "-f", "json").json()
    ranked = [(r["rank"], r["skater"], r["points"]) for r in rows["results"][:8]]
    # 5, 3, 1 / 60, 40, 20: Dana and Fleur tie on 6 (Dana finished first); Emi's 5th place
    # scores nothing, so Greta's single point puts her ahead
    assert ranked == [
        (1, "Anna Veld", 60),
        (2, "Berit Lund", 45),
        (3, "Chiara Monti", 23),
        (4, "Dana Kowal", 6),
        (5, "Fleur Dubois", 6),
        (6, "Greta Hahn", 1),
        (7, "Emi Sato", 0),
        (8, "Hana Novak", 0),
    ]


def test_table_shows_points_per_sprint_total_and_status(race: Path) -> None:
    outcome = run(
        "rank",
        race.name,
        "--mass-start",
        "--season",
        "2025-26",
        "--gender",
        "women",
        cwd=race.parent,
    )
    assert outcome.status == 0, outcome.stderr
    header = table_line(outcome.stdout, "Skater")
    assert header == [
        "Rank",
        "Skater",
        "Nat",
        "S1",
        "S2",
        "S3",
        "Final",
        "Points",
        "Time",
        "Laps",
        "Status",
    ]
    assert "mass start women, season 2025-26" in outcome.stdout
    assert table_line(outcome.stdout, "Dana Kowal") == [
        "4",
        "Dana Kowal",
        "POL",
        "3",
        "1",
        "10",
        "14",
        "8:31.95",
        "16",
    ]
    assert table_line(outcome.stdout, "Ines Berg")[-1] == "points struck"
    assert table_line(outcome.stdout, "Jade Moreau")[-3:] == ["0", "11", "DNF"]
    assert table_line(outcome.stdout, "Lotte Smit")[-1] == "DQ T25"


def test_csv_has_a_column_per_sprint(race: Path) -> None:
    outcome = invoke("rank", race, "--mass-start", "--season", "2025-26", "-f", "csv")
    assert outcome.status == 0, outcome.stderr
    rows = list(csv.DictReader(io.StringIO(outcome.stdout)))
    assert list(rows[0])[:10] == [
        "rank",
        "skater",
        "nation",
        "s1",
        "s2",
        "s3",
        "final",
        "points",
        "time",
        "laps",
    ]
    assert [(r["rank"], r["skater"], r["points"]) for r in rows] == [
        ("" if rank is None else str(rank), name, str(points))
        for rank, name, points, _ in ORDER_2025
    ]
    assert [rows[4][k] for k in ("s1", "s2", "s3", "final")] == ["2", "2", "0", "3"]
    assert rows[8]["struck"] == "yes"


def test_mass_start_without_season_is_an_error_naming_the_option(race: Path) -> None:
    outcome = run("rank", race.name, "--mass-start", cwd=race.parent)
    assert outcome.status == BAD_INPUT
    assert outcome.lines() == [
        "ovaltime: error: --mass-start needs --season, the season whose rules score it (2025-26)"
    ]
    assert outcome.stdout == ""


def test_season_without_mass_start_is_an_error(race: Path) -> None:
    outcome = run("rank", race.name, "--season", "2025-26", cwd=race.parent)
    assert outcome.status == BAD_INPUT
    assert outcome.lines() == [
        "ovaltime: error: --season goes with --mass-start: a race on time needs no season"
    ]


def test_an_unknown_season_is_one_line(race: Path) -> None:
    outcome = run("rank", race.name, "--mass-start", "--season", "1999-00", cwd=race.parent)
    assert outcome.status == BAD_INPUT
    assert len(outcome.lines()) == 1
    assert "unknown season '1999-00'" in outcome.stderr


def test_problems_stop_the_ranking_unless_lenient(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "ms.csv",
        """
        skater,nation,finish,time,sprint1
        Ada,NED,1,8:30.00,1
        Bea,GER,2,8:31.00,1
        Cor,NOR,3,8:32.00,
        """,
    )
    outcome = run("rank", path.name, "--mass-start", "--season", "2025-26", cwd=tmp_path)
    assert outcome.status == BAD_INPUT
    assert outcome.lines() == [
        "ovaltime: error: ms.csv:3: sprint1: Bea: place 1 in sprint 1, but that place is "
        "already Ada's"
    ]
    lenient = run(
        "rank",
        path.name,
        "--mass-start",
        "--season",
        "2025-26",
        "--lenient",
        "-f",
        "json",
        cwd=tmp_path,
    )
    assert lenient.lines()[0].startswith("ovaltime: warning: ms.csv:3: sprint1: Bea")
    assert [(r["skater"], r["points"]) for r in lenient.json()["results"]] == [
        ("Ada", 63),
        ("Cor", 20),
    ]
