"""Classification CSV: rows grouped into races by distance and race number."""

from __future__ import annotations

from pathlib import Path

import pytest

from ovaltime.core.results import Race, Result, Skater
from ovaltime.core.states import Gender, Lane, Status
from ovaltime.core.times import Time
from ovaltime.formats.classification_csv import (
    ClassificationImport,
    read_classification_csv,
    read_classification_csv_file,
    write_classification_csv,
)
from ovaltime.formats.problems import FormatError

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
AMSTERDAM = FIXTURES / "classification-allround-men-amsterdam-2018.csv"


def problems(imported: ClassificationImport) -> list[str]:
    return [str(problem) for problem in imported.problems]


def test_allround_fixture() -> None:
    imported = read_classification_csv_file(AMSTERDAM, gender=Gender.MEN)
    assert imported.problems == ()
    five_hundred, five_thousand = imported.races
    assert (five_hundred.distance, five_hundred.number, five_hundred.gender) == (500, 1, Gender.MEN)
    assert [(r.skater.name, str(r.time)) for r in five_hundred.results] == [
        ("Patrick Roest", "36.97"),
        ("Sverre Lunde Pedersen", "37.42"),
        ("Sven Kramer", "37.43"),
    ]
    assert five_thousand.distance == 5000
    assert [str(r.time) for r in five_thousand.results] == ["6:37.07", "6:33.81", "6:34.15"]
    assert five_thousand.results[2].skater == Skater("Sven Kramer", "NED")


def test_sprint_races_by_number_in_order_of_appearance() -> None:
    text = (
        "Skater;Nation;Distance;Race;Time;Pair;Lane\n"
        "A;NED;500;1;35.00;1;i\n"
        "A;NED;1000 m;;1:09.00;1;o\n"
        "B;JPN;500;2;35.10;1;o\n"
        "B;JPN;500;;35.20;1;o\n"
        "A;NED;500;2;35.05;1;i\n"
    )
    imported = read_classification_csv(text, "sprint.csv")
    assert imported.problems == ()
    assert [(r.distance, r.number, len(r.results)) for r in imported.races] == [
        (500, 1, 2),
        (1000, 1, 1),
        (500, 2, 2),
    ]
    assert imported.races[0].gender is Gender.MIXED
    assert imported.races[2].results[1].lane is Lane.INNER


def test_gender_column() -> None:
    text = "skater,distance,time,gender\nA,500,40.00,women\nB,500,40.10,men\n"
    imported = read_classification_csv(text, "c.csv")
    assert imported.races[0].gender is Gender.WOMEN
    assert problems(imported) == [
        "c.csv:3: gender: not women, the gender of this file: row skipped"
    ]


BAD = """skater,nation,distance,race,time,status,infraction
A,NED,500,1,36.00,,
A,NED,500,1,36.10,,
A,NED,500,2,36.20,,
B,NED,550,1,36.30,,
C,NED,,1,36.40,,
D,NED,500,first,36.50,,
E,NED,500,1,3x.00,,
F,NED,500,1,,DQ T07,
G,NED,500,1,,NQ,
H,NED,500,0,36.60,,
"""


def test_every_bad_row_is_reported_and_skipped() -> None:
    imported = read_classification_csv(BAD, "allround.csv")
    assert [(r.number, [x.skater.name for x in r.results]) for r in imported.races] == [
        (1, ["A", "F"]),
        (2, ["A"]),
    ]
    assert imported.races[0].results[1].infraction == "T07"
    assert problems(imported) == [
        "allround.csv:3: skater: A already has a result (line 2)",
        "allround.csv:5: distance: distance 550 m is not a whole number of 100 m",
        "allround.csv:6: distance: the distance is missing",
        "allround.csv:7: race: 'first' is not a race number from 1",
        "allround.csv:8: time: invalid time '3x.00': not a time",
        "allround.csv:10: status: unknown status 'NQ' (expected one of OK, DNF, DQ, WDR, DNS)",
        "allround.csv:11: race: '0' is not a race number from 1",
    ]


@pytest.mark.parametrize(
    ("header", "column"),
    [("skater,time", "distance"), ("distance,time", "skater"), ("skater,distance", "time")],
)
def test_missing_column_is_a_format_error(header: str, column: str) -> None:
    with pytest.raises(FormatError) as caught:
        read_classification_csv(header + "\nA,1\n", "c.csv")
    assert [p.field for p in caught.value.problems] == [column]
    assert f"required column {column!r} missing" in str(caught.value)


def test_write_then_read() -> None:
    races = [
        Race(
            500,
            Gender.MEN,
            (
                Result(Skater("Patrick Roest", "NED"), Time(36970, 2), pair=1, lane=Lane.INNER),
                Result(Skater("Sven Kramer", "NED"), None, Status.DQ, infraction="T07"),
            ),
        ),
        Race(500, Gender.MEN, (Result(Skater("Patrick Roest", "NED"), Time(36_812, 3)),), number=2),
    ]
    text = write_classification_csv(races)
    assert text.splitlines()[:2] == [
        "skater,nation,gender,distance,race,pair,lane,time,status,infraction",
        "Patrick Roest,NED,men,500,1,1,inner,36.97,,",
    ]
    imported = read_classification_csv(text)
    assert imported.problems == ()
    assert list(imported.races) == races


def test_strict() -> None:
    with pytest.raises(FormatError, match=r"c\.csv:2: distance"):
        read_classification_csv("skater,distance,time\nA,5,36.0\n", "c.csv").strict()
