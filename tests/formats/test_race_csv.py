"""Race CSV: lenient reading with every problem located, and lossless writing."""

from __future__ import annotations

from pathlib import Path

import pytest

from ovaltime.core.distances import Passage
from ovaltime.core.results import Race, Result, Skater
from ovaltime.core.states import Gender, Lane, Status
from ovaltime.core.times import Time
from ovaltime.formats.problems import FormatError
from ovaltime.formats.race_csv import (
    DEFAULT_DISTANCE,
    DEFAULT_GENDER,
    RaceImport,
    read_race_csv,
    read_race_csv_file,
    write_race_csv,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
HAMAR = FIXTURES / "race-500m-men-hamar-2025.csv"


def problems(imported: RaceImport) -> list[str]:
    return [str(problem) for problem in imported.problems]


def test_twenty_skater_fixture() -> None:
    imported = read_race_csv_file(HAMAR, distance=500, gender=Gender.MEN)
    assert imported.problems == ()
    race = imported.race
    assert (race.distance, race.gender, len(race.results)) == (500, Gender.MEN, 20)
    first = race.results[0]
    assert first.skater == Skater("Jenning de Boo", "NED", "Neo")
    assert first.time == Time.parse("34.24")
    assert first.records == ("TR",)
    assert race.results[6].skater.name == "Damian Żurek"
    assert race.results[-1].time == Time(35420)


def test_defaults_without_arguments_or_columns() -> None:
    race = read_race_csv_file(HAMAR).race
    assert (race.distance, race.gender) == (DEFAULT_DISTANCE, DEFAULT_GENDER)
    assert (DEFAULT_DISTANCE, DEFAULT_GENDER) == (500, Gender.MIXED)


def test_distance_and_gender_columns() -> None:
    text = "skater,time,distance,gender\nA,1:10.00,1000,w\nB,1:11.00,1000 m,women\n"
    race = read_race_csv(text).race
    assert (race.distance, race.gender, len(race.results)) == (1000, Gender.WOMEN, 2)


def test_arguments_win_and_other_rows_are_skipped() -> None:
    text = "skater,time,distance\nA,1:10.00,1000\nB,1:11.00,1500\n"
    imported = read_race_csv(text, "r.csv", distance=1000, gender=Gender.MEN)
    assert [r.skater.name for r in imported.race.results] == ["A"]
    assert problems(imported) == [
        "r.csv:3: distance: '1500' differs from the race's distance (1000): row skipped"
    ]


def test_semicolons_bom_spaces_and_case() -> None:
    text = "\ufeff Skater ;NATION; Pair ;LANE;Time ;Status\r\nA ;NED;1;I;1.15,70;\r\n"
    race = read_race_csv(text, distance=1000).race
    assert race.results == (
        Result(Skater("A", "NED"), Time.parse("1:15.70"), pair=1, lane=Lane.INNER),
    )


@pytest.mark.parametrize(
    "text", ["36.48", "1:07.01", "0:41.8", "1.15,70", "41,38", "37.342", "37.34(2)"]
)
def test_every_time_notation(text: str) -> None:
    race = read_race_csv(f"skater;time\nA;{text}\n", distance=1500).race
    assert race.results[0].time == Time.parse(text.replace("(2)", "2"))


def test_statuses_and_dq_codes() -> None:
    text = (
        "skater,time,status,infraction\n"
        "A,,DNS,\nB,,dnf,\nC,,DQ T07,\nD,,DQ,T08\nE,,WDR,\nF,DQ (T10),,\nG,37.80,DQ,T09\n"
    )
    imported = read_race_csv(text)
    assert imported.problems == ()
    got = [(r.status, r.infraction, r.time) for r in imported.race.results]
    assert got == [
        (Status.DNS, "", None),
        (Status.DNF, "", None),
        (Status.DQ, "T07", None),
        (Status.DQ, "T08", None),
        (Status.WDR, "", None),
        (Status.DQ, "T10", None),
        (Status.DQ, "T09", Time.parse("37.80")),
    ]


def test_optional_columns() -> None:
    text = (
        "skater,nation,age_group,time,fell,records,rank,100,p500\n"
        "A,NED,Neo,35.10,yes,TR PB,1,9.80,35.10\nB,NOR,,35.20,F,NR/PB,2,,\n"
    )
    imported = read_race_csv(text)
    assert imported.problems == ()
    a, b = imported.race.results
    assert a.fell
    assert b.fell
    assert a.records == ("TR", "PB")
    assert b.records == ("NR", "PB")
    assert (a.published_rank, b.published_rank) == (1, 2)
    assert a.passages == (Passage(100, Time.parse("9.80")), Passage(500, Time.parse("35.10")))
    assert a.skater.age_group == "Neo"


BAD = """skater,nation,pair,lane,time,status,infraction
Good One,NED,1,inner,36.50,,
Bad Time,NED,1,outer,1:7.0,,
Bad Status,NED,2,inner,,DNQ,
,NED,2,outer,37.00,,
Bad Pair,NED,0,inner,37.10,,
Bad Lane,NED,3,middle,37.20,,
Good One,NED,4,inner,37.30,,
No Result,NED,4,outer,,,
Wrong Code,NED,5,inner,,DNF T07,
Odd Code,NED,5,outer,37.40,,T07
Same Lane,NED,6,inner,37.60,,
Same Lane Too,NED,6,inner,37.70,,
Good Two,NOR,7,outer,38.00,DQ T07,
Good Three,NOR,7,inner,38.10,,
Third,NED,7,,37.50,,
"""


def test_every_bad_row_is_reported_and_skipped() -> None:
    imported = read_race_csv(BAD, "race.csv")
    kept = [r.skater.name for r in imported.race.results]
    assert kept == ["Good One", "Same Lane", "Good Two", "Good Three"]
    assert problems(imported) == [
        "race.csv:3: time: invalid time '1:7.0': seconds after minutes need two digits",
        "race.csv:4: status: unknown status 'DNQ' (expected one of OK, DNF, DQ, WDR, DNS)",
        "race.csv:5: skater: the skater's name is missing",
        "race.csv:6: pair: '0' is not a whole number from 1",
        "race.csv:7: lane: unknown lane 'middle' (expected inner/i or outer/o)",
        "race.csv:8: skater: Good One already has a result (line 2)",
        "race.csv:9: time: neither a time nor a status",
        "race.csv:10: status: only a DQ carries an infraction code, not 'DNF T07'",
        "race.csv:11: infraction: an infraction code (T07) goes with DQ only",
        "race.csv:13: lane: pair 6 already has a skater in the inner lane",
        "race.csv:16: pair: pair 7 already has two skaters",
    ]


def test_conflicting_statuses() -> None:
    text = "skater,time,status,infraction\nA,DNF,DNS,\nB,,DQ T07,T08\n"
    assert problems(read_race_csv(text, "r.csv")) == [
        "r.csv:2: time: status 'DNF' here and 'DNS' under status",
        "r.csv:3: infraction: 'T08' differs from the code 'T07' under status",
    ]


def test_bad_passages() -> None:
    text = "skater,time,100,500\nA,36.00,x,36.00\nB,36.00,9.80,36.50\nC,36.00,,\n"
    imported = read_race_csv(text, "r.csv")
    assert [r.skater.name for r in imported.race.results] == ["C"]
    assert problems(imported) == [
        "r.csv:2: 100: invalid time 'x': not a time",
        "r.csv:3: passages: passage at the finish (36.50) differs from the time 36.00",
    ]


def test_header_problems() -> None:
    text = "skater,time,club,200\nA,36.00,Jong Oranje,17.00\n"
    imported = read_race_csv(text, "r.csv")
    assert len(imported.race.results) == 1
    assert imported.race.results[0].passages == ()
    assert problems(imported) == [
        "r.csv:1: club: unknown column: ignored",
        "r.csv:1: p200: not a split point of the 500 m: ignored",
    ]


def test_row_with_more_cells_than_columns() -> None:
    text = "skater,time\nA,36.00,extra\nB,36.10,\n"
    imported = read_race_csv(text, "r.csv")
    assert [r.skater.name for r in imported.race.results] == ["B"]
    assert problems(imported) == ["r.csv:2: more cells than columns: row skipped"]


def test_blank_lines_keep_line_numbers() -> None:
    text = "\nskater,time\n\nA,x\n"
    assert problems(read_race_csv(text, "r.csv")) == ["r.csv:4: time: invalid time 'x': not a time"]


@pytest.mark.parametrize(
    ("text", "column"),
    [
        ("nation,time\nNED,36.00\n", "skater"),
        ("skater,nation\nA,NED\n", "time"),
        ("skater,time,TIME\nA,1,2\n", "time"),
    ],
)
def test_missing_or_doubled_column_is_a_format_error(text: str, column: str) -> None:
    with pytest.raises(FormatError) as caught:
        read_race_csv(text, "r.csv")
    assert caught.value.problems[0].field == column
    assert str(caught.value).startswith(f"r.csv:1: {column}: ")


def test_empty_file_is_a_format_error() -> None:
    with pytest.raises(FormatError, match="empty file"):
        read_race_csv("\n \n", "r.csv")


def test_bad_distance_argument_is_a_format_error() -> None:
    with pytest.raises(FormatError, match="550"):
        read_race_csv("skater,time\nA,1\n", "r.csv", distance=550)


def test_unreadable_file(tmp_path: Path) -> None:
    (tmp_path / "latin1.csv").write_bytes(b"skater,time\n\xe9,36.00\n")
    with pytest.raises(FormatError, match="not UTF-8 text"):
        read_race_csv_file(tmp_path / "latin1.csv")
    with pytest.raises(FormatError, match="cannot read the file"):
        read_race_csv_file(tmp_path / "missing.csv")


def test_strict() -> None:
    assert read_race_csv("skater,time\nA,36.00\n").strict().results[0].skater.name == "A"
    with pytest.raises(FormatError, match=r"r\.csv:2"):
        read_race_csv("skater,time\nA,x\n", "r.csv").strict()


def test_write_then_read() -> None:
    race = Race(
        1000,
        Gender.WOMEN,
        (
            Result(
                Skater("Jutta Leerdam", "NED"),
                Time(72_370, 2),
                pair=1,
                lane=Lane.INNER,
                passages=(Passage(200, Time.parse("17.40")), Passage(600, Time(44_001, 3))),
                records=("TR",),
                published_rank=1,
            ),
            Result(
                Skater("Miho Takagi", "JPN", "Senior"),
                Time(72_375, 2),
                fell=True,
                pair=1,
                lane=Lane.OUTER,
            ),
            Result(Skater("Someone, Else", "CAN"), None, Status.DQ, infraction="T08", pair=2),
        ),
    )
    text = write_race_csv(race)
    assert text.splitlines()[0] == (
        "skater,nation,age_group,distance,gender,pair,lane,time,status,infraction,fell,records,"
        "rank,200,600"
    )
    assert (
        text.splitlines()[1] == "Jutta Leerdam,NED,,1000,women,1,inner,1:12.37,,,,TR,1,17.40,44.001"
    )
    assert text.splitlines()[2].split(",")[7] == "1:12.37(5)"
    imported = read_race_csv(text)
    assert imported.problems == ()
    assert imported.race == race


def test_minimal_write() -> None:
    race = Race(500, Gender.MEN, (Result(Skater("A"), Time(36000, 2)),))
    assert write_race_csv(race) == "skater,distance,gender,time,status\nA,500,men,36.00,\n"


def test_unreadable_rest_of_file_is_a_problem_and_earlier_rows_are_kept() -> None:
    text = 'skater,time\nA,36.00\n"' + "x" * 140_000 + "\n"
    imported = read_race_csv(text, "big.csv")
    assert [r.skater.name for r in imported.race.results] == ["A"]
    assert problems(imported) == [
        "big.csv:3: unreadable CSV, rest of the file skipped: "
        "field larger than field limit (131072)"
    ]
