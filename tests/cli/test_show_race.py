"""``ovaltime show RACE.csv --race 1``: pairs, the running leader, passages, laps and gaps."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.cli.helpers import invoke, run, table_line, write

#: A 1000 m in three pairs: Anna leads after pair 1, Cora from pair 2 to the end; Eve is
#: ahead of Cora at 200 m and behind her with a lap to go; Fay falls out after 600 m.
RACE_1000 = """
    skater,nation,distance,pair,lane,200,600,time,status
    Anna,NED,1000,1,inner,16.50,42.80,1:09.10,
    Bea,GER,1000,1,outer,16.80,43.20,1:09.50,
    Cora,NOR,1000,2,inner,16.40,42.50,1:08.90,
    Dana,USA,1000,2,outer,16.90,43.40,1:10.00,
    Eve,CAN,1000,3,inner,16.30,42.60,1:09.00,
    Fay,JPN,1000,3,outer,16.70,43.00,,DNF
"""


@pytest.fixture
def race(tmp_path: Path) -> Path:
    return write(tmp_path, "race-1000.csv", RACE_1000)


def _skaters(shown: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {entry["skater"]: entry for entry in shown["skaters"]}


def test_json_has_the_ranking_leaders_passages_laps_and_gaps(race: Path) -> None:
    shown = invoke("show", race, "--race", "1", "--format", "json").json()
    assert (shown["race"], shown["name"]) == (1, "1000 m mixed")
    assert [(row["rank"], row["skater"]) for row in shown["results"]] == [
        *((1, "Cora"), (2, "Eve"), (3, "Anna"), (4, "Bea"), (5, "Dana"), (None, "Fay")),
    ]
    assert shown["leaders"] == [
        {"skater": "Anna", "time": "1:09.10", "from_pair": 1, "to_pair": 1, "held_to_end": False},
        {"skater": "Cora", "time": "1:08.90", "from_pair": 2, "to_pair": 3, "held_to_end": True},
    ]
    skaters = _skaters(shown)
    assert set(skaters) == {"Anna", "Bea", "Cora", "Dana", "Eve", "Fay"}
    assert skaters["Cora"]["passages"] == [
        {"metres": 200, "time": "16.40", "fastest": False},
        {"metres": 600, "time": "42.50", "fastest": True},
    ]
    assert skaters["Eve"]["passages"][0] == {"metres": 200, "time": "16.30", "fastest": True}
    assert skaters["Cora"]["laps"] == [
        {"metres": 200, "time": "16.40"},
        {"metres": 600, "time": "26.10"},
        {"metres": 1000, "time": "26.40"},
    ]
    # pair 2 skates against the leader after pair 1, pair 3 against the leader after pair 2
    assert (skaters["Cora"]["against"], skaters["Cora"]["gaps"]) == (
        "Anna",
        ["0.10 ahead at 200 m", "0.30 ahead with a lap to go"],
    )
    assert (skaters["Dana"]["against"], skaters["Dana"]["gaps"]) == (
        "Anna",
        ["0.40 behind at 200 m", "0.60 behind with a lap to go"],
    )
    assert (skaters["Eve"]["against"], skaters["Eve"]["gaps"]) == (
        "Cora",
        ["0.10 ahead at 200 m", "0.10 behind with a lap to go"],
    )
    assert "gaps" not in skaters["Anna"], "nobody led before the opening pair"
    assert skaters["Fay"]["time"] == "DNF"
    assert skaters["Fay"]["laps"][:2] == [
        {"metres": 200, "time": "16.70"},
        {"metres": 600, "time": "26.30"},
    ]


def test_table_has_the_ranking_the_leaders_and_the_passage_table(race: Path) -> None:
    outcome = run("show", race.name, "--race", "1", cwd=race.parent)
    assert outcome.status == 0, outcome.stderr
    assert outcome.stderr == ""
    text = outcome.stdout
    assert table_line(text, "Cora")[:6] == ["1", "2", "inner", "Cora", "NOR", "1:08.90"]
    words = " ".join(text.split())  # the leader line is a caption, wrapped to the table
    assert "pair 1: Anna led in 1:09.10 pairs 2-3: Cora led in 1:08.90" in words
    assert "1000 m mixed: passages and lap times" in text
    passages = text[text.index("passages and lap times") :]
    header = next(line for line in passages.splitlines() if "200 m" in line)
    assert header.split() == ["Skater", "200", "m", "600", "m", "1000", "m"]
    assert table_line(passages, "Cora") == ["Cora", "16.40", "42.50* (26.10)", "1:08.90 (26.40)"]
    assert table_line(passages, "Eve")[:2] == ["Eve", "16.30*"]
    assert table_line(passages, "Fay") == ["Fay", "16.70", "43.00 (26.30)", "DNF"]
    against = text[text.index("against the leader") :]
    eve = ["Eve", "Cora", "0.10 ahead at 200 m; 0.10 behind with a lap to go"]
    assert table_line(against, "Eve") == eve


def test_show_without_race_lists_the_one_race(race: Path) -> None:
    listed = invoke("show", race, "--format", "json").json()
    assert listed == {
        "competition": "race-1000",
        "races": [
            {
                "race": 1,
                "name": "1000 m mixed",
                "date": None,
                "results": 6,
                "winner": "Cora",
                "time": "1:08.90",
            }
        ],
    }


def test_show_race_as_csv_is_the_ranking(race: Path) -> None:
    outcome = invoke("show", race, "--race", "1", "--format", "csv")
    assert outcome.status == 0, outcome.stderr
    lines = outcome.stdout.splitlines()
    assert lines[0].startswith("rank,pair,lane,skater,nation,time,behind,status")
    names = ["Cora", "Eve", "Anna", "Bea", "Dana", "Fay"]
    assert [line.split(",")[3] for line in lines[1:]] == names


def test_a_race_without_pairs_has_no_leaders(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "nopairs.csv",
        """
        skater,distance,200,600,time
        Anna,1000,16.50,42.80,1:09.10
        Bea,1000,16.40,42.60,1:08.80
        """,
    )
    shown = invoke("show", path, "--race", "1", "-f", "json").json()
    assert shown["leaders"] == []
    assert [entry["skater"] for entry in shown["skaters"]] == ["Anna", "Bea"]
    assert all("gaps" not in entry for entry in shown["skaters"])
    table = invoke("show", path, "--race", "1")
    assert table.status == 0, table.stderr
    assert "passages and lap times" in table.stdout
    assert "against the leader" not in table.stdout
