"""Bad input: one line per problem naming file, line and field; exit status 2; no traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import BAD_INPUT, Outcome, run, table_line, write

GOOD_RACE = """
    skater,nation,pair,lane,time
    Anna,NED,1,inner,37.34
    Bea,GER,1,outer,37.52
    Cora,NOR,2,inner,37.10
"""
BAD_ROW_3 = """
    skater,nation,time
    Anna,NED,37.34
    Bea,GER,37.x4
    Cora,NOR,37.10
"""
TWO_BAD_ROWS = """
    skater,nation,time,lane
    Anna,NED,37.34,inner
    Bea,GER,37.x4,
    Cora,NOR,37.10,sideways
"""
CLASSIFICATION = """
    skater,nation,distance,race,time
    Anna,NED,500,1,38.00
    Bea,GER,500,1,38.50
    Anna,NED,5000,1,6:50.00
    Bea,GER,5000,1,6:45.00
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every bad (and a few good) input files, side by side."""
    here = tmp_path_factory.mktemp("bad-input")
    write(here, "race.csv", BAD_ROW_3)
    write(here, "good.csv", GOOD_RACE)
    write(here, "two-bad.csv", TWO_BAD_ROWS)
    write(here, "no-time.csv", "skater,nation\nAnna,NED\n")
    write(here, "no-distance.csv", "skater,time\nAnna,38.00\n")
    write(here, "classification.csv", CLASSIFICATION)
    write(here, "outside.csv", CLASSIFICATION + "Anna,NED,3000,1,4:00.00\n")
    write(here, "empty.csv", "")
    (here / "latin1.csv").write_bytes("skater,time\nAndré,37.34\n".encode("latin-1"))
    (here / "latin1.txt").write_bytes("5000 meter (Men), 24.01.2025\nSkåtør\n".encode("latin-1"))
    assert run("import", "good.csv", "-o", "doc.json", cwd=here).status == 0
    document = json.loads((here / "doc.json").read_text(encoding="utf-8"))
    document["races"][0]["results"][1]["time"] = "6:4x.44"
    (here / "bad-time.json").write_text(json.dumps(document), encoding="utf-8")
    (here / "broken.json").write_text('{"format": "ovaltime-competition", ', encoding="utf-8")
    return here


def rejected(outcome: Outcome) -> list[str]:
    """The error lines of a rejected command, after the checks every rejection must pass."""
    assert outcome.status == BAD_INPUT, outcome.stderr
    assert outcome.stdout == "", "nothing is written for rejected input"
    assert "Traceback" not in outcome.stderr
    assert outcome.stderr.strip(), "a rejection says why"
    return outcome.lines()


@pytest.mark.parametrize(
    "args",
    [
        ("rank", "missing.csv"),
        ("classify", "missing.csv", "-c", "big"),
        ("import", "missing.txt", "-o", "doc2.json"),
        ("show", "missing.json"),
    ],
    ids=lambda args: args[0],
)
def test_a_missing_file_is_named(folder: Path, args: tuple[str, ...]) -> None:
    lines = rejected(run(*args, cwd=folder))
    assert any(args[1] in line and "does not exist" in line for line in lines), lines
    assert not (folder / "doc2.json").exists()


def test_a_bad_time_is_one_line_naming_file_line_and_field(folder: Path) -> None:
    lines = rejected(run("rank", "race.csv", cwd=folder))
    assert len(lines) == 1, lines
    assert lines[0].startswith("ovaltime: error: race.csv:3: time: ")
    assert "'37.x4'" in lines[0]


def test_every_problem_gets_its_own_line(folder: Path) -> None:
    lines = rejected(run("rank", "two-bad.csv", "--format", "json", cwd=folder))
    assert len(lines) == 2, lines
    assert lines[0].startswith("ovaltime: error: two-bad.csv:3: time: ")
    assert lines[1].startswith("ovaltime: error: two-bad.csv:4: lane: ")
    assert "sideways" in lines[1]


def test_lenient_ranks_the_good_rows_and_warns(folder: Path) -> None:
    outcome = run("rank", "two-bad.csv", "--lenient", "--format", "json", cwd=folder)
    assert outcome.status == 0, outcome.stderr
    assert "Traceback" not in outcome.stderr
    warnings = outcome.lines()
    assert len(warnings) == 2
    assert warnings[0].startswith("ovaltime: warning: two-bad.csv:3: time: ")
    assert warnings[1].startswith("ovaltime: warning: two-bad.csv:4: lane: ")
    rows = json.loads(outcome.stdout)["results"]
    assert [(row["rank"], row["skater"]) for row in rows] == [(1, "Anna")]


def test_lenient_table(folder: Path) -> None:
    outcome = run("rank", "race.csv", "--lenient", cwd=folder)
    assert outcome.status == 0, outcome.stderr
    assert outcome.lines()[0].startswith("ovaltime: warning: race.csv:3: time: ")
    assert table_line(outcome.stdout, "Cora")[:3] == ["1", "Cora", "NOR"]
    assert table_line(outcome.stdout, "Anna")[:4] == ["2", "Anna", "NED", "37.34"]
    assert " Bea " not in outcome.stdout


def test_show_reads_leniently_and_warns(folder: Path) -> None:
    outcome = run("show", "race.csv", "--format", "json", cwd=folder)
    assert outcome.status == 0, outcome.stderr
    warnings = outcome.lines()
    assert len(warnings) == 1, warnings
    assert warnings[0].startswith("ovaltime: warning: race.csv:3: time: ")
    assert json.loads(outcome.stdout)["races"][0]["results"] == 2


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("rank", "no-time.csv"), "no-time.csv:1: time: required column 'time' missing"),
        (("classify", "no-distance.csv", "-c", "big"), "no-distance.csv:1: distance: "),
        (("rank", "empty.csv"), "empty.csv: "),
        (("classify", "race.csv", "-c", "big"), "race.csv:1: distance: "),
    ],
    ids=["rank-no-time", "classify-no-distance", "empty", "race-file-to-classify"],
)
def test_a_missing_column_names_file_line_and_column(
    folder: Path, args: tuple[str, ...], expected: str
) -> None:
    lines = rejected(run(*args, cwd=folder))
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"ovaltime: error: {expected}")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("-c", "huge"), "'huge'"),
        (("-c", "500,abc"), "'500,abc'"),
        (("-c", "500,123"), "123"),
        (("-c", "big", "--after", "9"), "--after 9"),
        (("-c", "big", "--weighting", "7"), "weighting 7"),
    ],
    ids=["unknown-name", "not-a-number", "not-a-distance", "after", "weighting"],
)
def test_a_bad_combination_option_is_named(
    folder: Path, args: tuple[str, ...], expected: str
) -> None:
    lines = rejected(run("classify", "classification.csv", *args, cwd=folder))
    assert len(lines) == 1, lines
    assert expected in lines[0]


def test_a_race_outside_the_programme_names_the_file(folder: Path) -> None:
    lines = rejected(run("classify", "outside.csv", "-c", "big", "-f", "json", cwd=folder))
    assert lines == [
        "ovaltime: error: outside.csv: 3000 m mixed is not a race of the big combination"
    ]


def test_a_race_number_out_of_range(folder: Path) -> None:
    lines = rejected(run("show", "good.csv", "--race", "99", "--format", "json", cwd=folder))
    assert lines == ["ovaltime: error: good.csv: --race 99: the competition has races 1 to 1"]


@pytest.mark.parametrize(
    "args",
    [
        ("rank", "latin1.csv"),
        ("classify", "latin1.csv", "-c", "big"),
        ("show", "latin1.csv"),
        ("import", "latin1.txt", "-o", "doc2.json"),
    ],
    ids=lambda args: args[0],
)
def test_a_file_that_is_not_utf8_is_named(folder: Path, args: tuple[str, ...]) -> None:
    lines = rejected(run(*args, cwd=folder))
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"ovaltime: error: {args[1]}: not UTF-8 text")
    assert not (folder / "doc2.json").exists()


@pytest.mark.parametrize("command", ["show", "import"])
def test_a_document_with_a_bad_time_names_the_field(folder: Path, command: str) -> None:
    lines = rejected(run(command, "bad-time.json", "--format", "json", cwd=folder))
    assert len(lines) == 1, lines
    assert lines[0].startswith("ovaltime: error: bad-time.json: races[0].results[1].time: ")
    assert "'6:4x.44'" in lines[0]


def test_a_document_that_is_not_json_names_the_line(folder: Path) -> None:
    lines = rejected(run("show", "broken.json", cwd=folder))
    assert len(lines) == 1, lines
    assert lines[0].startswith("ovaltime: error: broken.json:1: not JSON")


@pytest.mark.parametrize("command", ["rank", "show"])
def test_an_unknown_format_is_a_usage_error(folder: Path, command: str) -> None:
    lines = rejected(run(command, "good.csv", "--format", "xml", cwd=folder))
    assert any("'xml'" in line and "--format" in line for line in lines), lines


def test_an_unwritable_output_is_named(folder: Path) -> None:
    lines = rejected(run("import", "good.csv", "-o", "nowhere/doc.json", cwd=folder))
    assert lines == ["ovaltime: error: nowhere/doc.json: No such file or directory"]


def test_bad_distance_and_gender_options(folder: Path) -> None:
    distance = rejected(run("rank", "good.csv", "--distance", "123", cwd=folder))
    assert distance == [
        "ovaltime: error: good.csv: distance: distance 123 m is not a whole number of 100 m"
    ]
    gender = rejected(run("rank", "good.csv", "--gender", "robots", cwd=folder))
    assert len(gender) == 1
    assert "'robots'" in gender[0]
