"""Reading a mass start CSV: columns, problems per line and field, the checks of RULES §5."""

from __future__ import annotations

from pathlib import Path

import pytest

from ovaltime.core.season import MassStartFormat
from ovaltime.core.states import Gender, RaceKind, Status
from ovaltime.formats.mass_start_csv import read_mass_start_csv, read_mass_start_csv_file
from ovaltime.formats.problems import FormatError

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "mass-start-women-fictional.csv"
F2025 = MassStartFormat(16, (4, 8, 12), (3, 2, 1), (60, 40, 20, 10, 6, 3))


def problems(text: str, fmt: MassStartFormat | None = F2025) -> list[str]:
    return [str(p) for p in read_mass_start_csv(text, "ms.csv", fmt=fmt).problems]


def test_the_fixture_reads_without_problems() -> None:
    parsed = read_mass_start_csv_file(FIXTURE, fmt=F2025, gender=Gender.WOMEN)
    assert parsed.problems == ()
    assert parsed.race.kind is RaceKind.MASS_START
    assert parsed.race.distance == 6400
    assert parsed.race.name == "mass start women"
    assert len(parsed.entries) == len(parsed.race.results) == 13
    by_name = {e.skater.name: e for e in parsed.entries}
    assert by_name["Dana Kowal"].sprints == (None, 1, 3)
    assert by_name["Dana Kowal"].finish == 4
    assert by_name["Anna Veld"].sprints == ()
    assert by_name["Ines Berg"].struck
    assert by_name["Jade Moreau"].laps == 11
    assert by_name["Jade Moreau"].result.status is Status.DNF
    assert by_name["Lotte Smit"].result.infraction == "T25"
    assert [e.result for e in parsed.entries] == list(parsed.race.results)
    assert parsed.strict() == parsed.entries


def test_column_names_are_case_insensitive_and_semicolons_work() -> None:
    text = "Skater;NATION;Finish;Time;Sprint 1;SPRINT2;Struck;Gender\nAda;NED;1;8:30.00;2;1;no;w\n"
    parsed = read_mass_start_csv(text, fmt=F2025)
    assert parsed.problems == ()
    assert parsed.entries[0].sprints == (2, 1)
    assert parsed.race.gender is Gender.WOMEN


def test_bad_fields_are_reported_per_line_and_field_and_the_row_skipped() -> None:
    text = (
        "skater,finish,time,laps,status,sprint1,struck\n"
        "Ada,1,8:30.00,,,1,\n"
        "Bea,x,8:31.00,,,,\n"
        "Cor,,,-2,DNF,0,maybe\n"
        "Dik,2,8:32.00,,,,\n"
    )
    parsed = read_mass_start_csv(text, "ms.csv", fmt=F2025)
    assert [str(p) for p in parsed.problems] == [
        "ms.csv:3: finish: 'x' is not a whole number from 1",
        "ms.csv:4: laps: '-2' is not a whole number from 0",
        "ms.csv:4: sprint1: '0' is not a whole number from 1",
        "ms.csv:4: struck: 'maybe' is not yes or no",
    ]
    assert [e.skater.name for e in parsed.entries] == ["Ada", "Dik"]
    with pytest.raises(FormatError, match=r"ms\.csv:3: finish"):
        parsed.strict()


def test_a_skater_listed_twice_is_a_problem_naming_the_first_line() -> None:
    text = "skater,nation,finish,time\nAda,NED,1,8:30.00\nBea,GER,2,8:31.00\nada,NED,3,8:32.00\n"
    assert problems(text) == ["ms.csv:4: skater: ada already has an entry (line 2)"]


def test_places_given_twice_and_sprint_places_of_non_starters_are_problems() -> None:
    text = (
        "skater,finish,time,status,sprint1,sprint2,sprint3\n"
        "Ada,1,8:30.00,,1,,\n"
        "Bea,1,8:31.00,,,,\n"
        "Cor,2,8:32.00,,1,,\n"
        "Dik,,,DNS,,,2\n"
        "Eef,,,DNF,,,\n"
    )
    assert problems(text) == [
        "ms.csv:3: finish: Bea: finishing place 1 is already Ada's",
        "ms.csv:4: sprint1: Cor: place 1 in sprint 1, but that place is already Ada's",
        "ms.csv:5: sprint3: Dik: place 2 in sprint 3, but the skater did not start (DNS)",
    ]


def test_finishers_need_a_place_and_laps_fit_the_format() -> None:
    text = (
        "skater,finish,time,laps,status\n"
        "Ada,,8:30.00,,\n"
        "Bea,1,8:31.00,17,\n"
        "Cor,2,,5,DQ\n"
        "Dik,3,8:40.00,,\n"
    )
    assert problems(text) == [
        "ms.csv:2: finish: Ada completed all laps but has no finishing place",
        "ms.csv:3: laps: Bea: 17 laps, but the race has 16",
        "ms.csv:4: finish: Cor: a finishing place goes with no status, not DQ",
    ]


def test_sprint_columns_beyond_the_format_and_unknown_columns_are_reported() -> None:
    text = "skater,finish,time,sprint1,sprint4,colour\nAda,1,8:30.00,1,2,red\n"
    assert problems(text) == [
        "ms.csv:1: sprint4: the race has 3 intermediate sprints: ignored",
        "ms.csv:1: colour: unknown column: ignored",
    ]
    # without a format, any number of sprints is read
    parsed = read_mass_start_csv(text, "ms.csv")
    assert parsed.entries[0].sprints == (1, None, None, 2)
    assert [p.field for p in parsed.problems] == ["colour"]


def test_a_row_of_another_gender_is_skipped() -> None:
    text = "skater,finish,time,gender\nAda,1,8:30.00,women\nBob,2,8:31.00,men\n"
    parsed = read_mass_start_csv(text, "ms.csv", fmt=F2025)
    assert parsed.race.gender is Gender.WOMEN
    assert [str(p) for p in parsed.problems] == [
        "ms.csv:3: gender: 'men' differs from the race's gender (women): row skipped"
    ]


def test_the_finish_column_is_required() -> None:
    with pytest.raises(FormatError, match="required column 'finish' missing"):
        read_mass_start_csv("skater,time\nAda,8:30.00\n", "ms.csv")
