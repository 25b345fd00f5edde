"""``ovaltime rank``: one race ranked, as a table, as JSON and as CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.cli.helpers import invoke, run, table_line, write

#: Anna and Cora tie to the thousandth (shared 1st, no 2nd); Bea is equal to them on hundredths
#: but a thousandth slower; Jo's thousandth splits nobody. The unranked are given out of order.
RACE = """
    skater,nation,pair,lane,time,status
    Anna,NED,1,inner,37.342,
    Bea,GER,1,outer,37.345,
    Cora,NOR,2,inner,37.342,
    Dana,USA,2,outer,37.70,
    Eve,CAN,3,inner,,DNS
    Fay,JPN,3,outer,,DNF
    Gil,KOR,4,inner,,DQ T07
    Hal,ITA,4,outer,,WDR
    Ida,POL,5,inner,37.98,
    Jo,CHN,5,outer,37.352,
"""


def _row(
    rank: int | None,
    skater: str,
    nation: str,
    time: str | None,
    seconds: str | None,
    behind: str | None,
    status: str,
    pair: int,
    lane: str,
) -> dict[str, object]:
    return {
        "rank": rank,
        "skater": skater,
        "nation": nation,
        "time": time,
        "seconds": seconds,
        "behind": behind,
        "status": status,
        "pair": pair,
        "lane": lane,
    }


EXPECTED = [
    _row(1, "Anna", "NED", "37.34(2)", "37.342", None, "OK", 1, "inner"),
    _row(1, "Cora", "NOR", "37.34(2)", "37.342", None, "OK", 2, "inner"),
    # beaten on the thousandth only: no gap on the official hundredths
    _row(3, "Bea", "GER", "37.34(5)", "37.345", "+0.003", "OK", 1, "outer"),
    _row(4, "Jo", "CHN", "37.35", "37.352", "+0.01", "OK", 5, "outer"),
    _row(5, "Dana", "USA", "37.70", "37.700", "+0.36", "OK", 2, "outer"),
    _row(6, "Ida", "POL", "37.98", "37.980", "+0.64", "OK", 5, "inner"),
    _row(None, "Fay", "JPN", None, None, None, "DNF", 3, "outer"),
    {**_row(None, "Gil", "KOR", None, None, None, "DQ", 4, "inner"), "infraction": "T07"},
    _row(None, "Hal", "ITA", None, None, None, "WDR", 4, "outer"),
    _row(None, "Eve", "CAN", None, None, None, "DNS", 3, "inner"),
]


@pytest.fixture
def race(tmp_path: Path) -> Path:
    return write(tmp_path, "race.csv", RACE)


def test_json_is_the_ranking_in_the_documented_shape(race: Path) -> None:
    outcome = run("rank", race.name, "--format", "json", cwd=race.parent)
    assert outcome.stderr == ""
    assert outcome.json() == {"results": EXPECTED}


def test_json_ranks_ties_statuses_and_brackets(race: Path) -> None:
    rows = invoke("rank", race, "--format", "json").json()["results"]
    assert [row["rank"] for row in rows] == [1, 1, 3, 4, 5, 6, None, None, None, None]
    assert [row["status"] for row in rows[6:]] == ["DNF", "DQ", "WDR", "DNS"]
    brackets = {row["skater"] for row in rows if row["time"] and "(" in row["time"]}
    assert brackets == {"Anna", "Cora", "Bea"}
    assert all(row["time"] is None and row["behind"] is None for row in rows[6:])


def test_json_ignores_the_order_of_the_rows(race: Path, tmp_path: Path) -> None:
    lines = race.read_text(encoding="utf-8").splitlines()
    shuffled = write(tmp_path, "shuffled.csv", "\n".join([lines[0], *reversed(lines[1:])]) + "\n")
    forward = invoke("rank", race, "-f", "json").json()["results"]
    backward = invoke("rank", shuffled, "-f", "json").json()["results"]
    key = [(row["rank"], row["time"], row["behind"], row["status"]) for row in forward]
    assert key == [(row["rank"], row["time"], row["behind"], row["status"]) for row in backward]
    # tied and unranked results keep their input order: the names only differ there
    assert {row["skater"] for row in forward[:2]} == {row["skater"] for row in backward[:2]}


def test_csv_parses_back_to_the_same_ranking(race: Path) -> None:
    outcome = invoke("rank", race, "--format", "csv")
    assert outcome.status == 0, outcome.stderr
    rows = list(csv.DictReader(io.StringIO(outcome.stdout)))
    assert [row["skater"] for row in rows] == [row["skater"] for row in EXPECTED]
    assert [row["rank"] for row in rows] == ["1", "1", "3", "4", "5", "6", "", "", "", ""]
    assert [row["time"] for row in rows[:4]] == ["37.34(2)", "37.34(2)", "37.34(5)", "37.35"]
    assert [row["seconds"] for row in rows[:4]] == ["37.342", "37.342", "37.345", "37.352"]
    assert [row["behind"] for row in rows[:6]] == ["", "", "+0.003", "+0.01", "+0.36", "+0.64"]
    assert [row["status"] for row in rows] == [str(row["status"]) for row in EXPECTED]
    assert [row["pair"] for row in rows[:2]] == ["1", "2"]
    assert rows[7]["infraction"] == "T07", "the DQ's code is part of the CSV"


def test_table_shows_ranks_times_gaps_and_leaders(race: Path) -> None:
    outcome = run("rank", race.name, cwd=race.parent)
    assert outcome.status == 0, outcome.stderr
    assert outcome.stderr == ""
    assert table_line(outcome.stdout, "Anna") == ["1", "1", "inner", "Anna", "NED", "37.34(2)"]
    dana = ["5", "2", "outer", "Dana", "USA", "37.70", "+0.36"]
    assert table_line(outcome.stdout, "Dana") == dana
    assert table_line(outcome.stdout, "Gil") == ["4", "inner", "Gil", "KOR", "DQ", "T07"]
    order = [outcome.stdout.index(f" {name} ") for name in ("Fay", "Gil", "Hal", "Eve")]
    assert order == sorted(order), "DNF, DQ, WDR, DNS in that order"
    # the running leader under the table: Anna from pair 1, Cora sharing from pair 2
    words = " ".join(outcome.stdout.split())
    assert "pairs 1-5: Anna led in 37.34 pairs 2-5: Cora led in 37.34" in words


def test_published_race_ranks_in_published_order() -> None:
    fixture = Path(__file__).parent.parent / "fixtures" / "race-500m-men-hamar-2025.csv"
    rows = invoke("rank", fixture, "--format", "json").json()["results"]
    assert len(rows) == 20
    assert rows[0] == {
        **rows[0],
        "rank": 1,
        "skater": "Jenning de Boo",
        "time": "34.24",
        "behind": None,
        "records": ["TR"],
    }
    assert (rows[1]["skater"], rows[1]["time"], rows[1]["behind"]) == (
        "Jordan Stolz",
        "34.38",
        "+0.14",
    )
    with fixture.open(encoding="utf-8") as handle:
        published = [line["skater"] for line in csv.DictReader(handle)]
    assert [row["skater"] for row in rows] == published
    assert [row["rank"] for row in rows] == list(range(1, 21))
