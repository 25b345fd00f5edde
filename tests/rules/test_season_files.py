"""Reading season files: every problem at once, unknown seasons, a user's own directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from ovaltime.core.states import Gender, RaceKind
from ovaltime.rules import (
    SeasonError,
    available_seasons,
    load_season,
    load_season_file,
)

MINIMAL = """\
season = "2030-31"
final_multiplier = 1.5
final_rounding = "half up"
verified = ["Everything here was made up for a test."]

[mass_start]
laps = 16
sprint_laps = [4, 8, 12]
intermediate_points = [3, 2, 1]
final_points = [60, 40, 20]

[[cups]]
name = "500"
gender = "men"
kind = "individual"
distances = [500]

[[tables]]
division = "A"
kind = "individual"
points = [10, 5, 1]
"""

BROKEN = """\
season = "2016-17"
final_multiplier = "three halves"
final_rounding = "sideways"
final_distance_size = "8"
verified = "all of it"

[[cups]]
name = "500"
gender = "men"
kind = "individual"

[[tables]]
division = "A"
kind = "individual"
points = [100, 80, 70]

[[tables]]
division = "A"
kind = "relay race"
points = [10, 5]

[[tables]]
division = "A"
kind = "mass start"
distances = [6400]
points = [60, 54, 56, 40]

[[tables]]
division = "B"
kind = "individual"
point = [20, 19]

[[tables]]
division = "A"
kind = "individual"
genders = ["men"]
distances = [500, 1000]
points = [100, "eighty"]
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_minimal_file_loads_with_its_documented_defaults(tmp_path: Path) -> None:
    rules = load_season_file(write(tmp_path, "my rules.toml", MINIMAL))
    assert rules.season == "2030-31"
    assert rules.final_points(5) == 8  # 7.5 rounded half up
    assert rules.final_distance_size == 8
    assert rules.unverified == ()
    table = rules.table_for("A", RaceKind.INDIVIDUAL, Gender.WOMEN, 1500)
    assert table is not None
    assert table.for_rank(3) == 1


def test_a_broken_file_names_every_problem_with_its_key(tmp_path: Path) -> None:
    path = write(tmp_path, "2016-17.toml", BROKEN)
    with pytest.raises(SeasonError) as caught:
        load_season_file(path)
    messages = caught.value.messages
    expected = [
        "final_multiplier: expected a positive number",
        "final_rounding: expected one of down, half up, up",
        "final_distance_size: expected a whole number, got text '8'",
        "verified: expected a list of texts",
        "mass_start: missing (required)",
        "cups[0].distances: an individual cup must name its distances",
        "tables[1].kind: expected one of individual, mass start",
        "tables[2].points: must not rise with the rank (rank 3 has 56 after 54)",
        "tables[3].point: unknown key",
        "tables[3].points: missing (required)",
        "tables[4].points[1]: expected a whole number, got text 'eighty'",
    ]
    for part in expected:
        assert any(m.startswith(f"{path}: {part}") for m in messages), (part, messages)
    assert len(messages) == len(expected)
    assert str(caught.value).count("\n") == len(expected) - 1


def test_two_tables_for_the_same_races_are_refused(tmp_path: Path) -> None:
    text = MINIMAL + '\n[[tables]]\ndivision = "A"\nkind = "individual"\npoints = [9]\n'
    with pytest.raises(SeasonError, match=r"tables\[1\]: applies to the same races as tables\[0\]"):
        load_season_file(write(tmp_path, "twice.toml", text))


def test_two_cups_of_one_name_are_refused(tmp_path: Path) -> None:
    text = MINIMAL + '\n[[cups]]\nname = "500"\ngender = "men"\nkind = "mass start"\n'
    with pytest.raises(SeasonError, match=r"cups\[1\]\.name: men already have a cup '500'"):
        load_season_file(write(tmp_path, "cups.toml", text))


def test_two_cups_counting_one_race_are_refused(tmp_path: Path) -> None:
    text = MINIMAL + (
        '\n[[cups]]\nname = "sprint"\ngender = "men"\nkind = "individual"\ndistances = [500]\n'
    )
    with pytest.raises(SeasonError, match=r"cups\[1\]: counts races that cups\[0\] already counts"):
        load_season_file(write(tmp_path, "cups.toml", text))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("sprint_laps = [4, 8, 12]", "sprint_laps = [4, 16]"), "mass_start.sprint_laps: must end"),
        (("sprint_laps = [4, 8, 12]", "sprint_laps = [8, 4]"), "mass_start.sprint_laps: must inc"),
        (('season = "2030-31"', 'season = "2030-32"'), "season: expected a season such as"),
        (("distances = [500]", "distances = [450]"), "cups[0].distances[0]: distance 450 m is"),
        (('gender = "men"', 'gender = "boys"'), "cups[0].gender: expected one of women, men"),
    ],
)
def test_each_rule_of_the_format_is_checked(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    path = write(tmp_path, "season.toml", MINIMAL.replace(*change))
    with pytest.raises(SeasonError) as caught:
        load_season_file(path)
    assert caught.value.messages == [
        m for m in caught.value.messages if m.startswith(f"{path}: {message}")
    ]
    assert caught.value.messages


def test_a_toml_syntax_error_names_file_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "2031-32.toml", 'season = "2031-32"\npoints = [1, 2\nlaps = 3\n')
    with pytest.raises(SeasonError) as caught:
        load_season_file(path)
    [problem] = caught.value.problems
    assert (problem.source, problem.line, problem.column) == (str(path), 3, 1)
    assert str(problem) == f"{path}:3:1: Unclosed array"


def test_a_missing_file_is_a_season_error(tmp_path: Path) -> None:
    with pytest.raises(SeasonError, match="cannot read"):
        load_season_file(tmp_path / "nowhere.toml")


def test_an_unknown_season_names_the_known_ones() -> None:
    with pytest.raises(SeasonError) as caught:
        load_season("2013-14")
    assert str(caught.value) == (
        "unknown season '2013-14' (known: " + ", ".join(available_seasons()) + ")"
    )
    assert "2014-15, 2015-16" in str(caught.value)


def test_a_name_that_is_no_season_is_never_looked_up_as_a_path() -> None:
    with pytest.raises(SeasonError, match=r"unknown season '\.\./2016-17'"):
        load_season("../2016-17")


def test_the_environment_adds_and_overrides_seasons(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "2030-31.toml", MINIMAL)
    own = MINIMAL.replace("2030-31", "2016-17").replace("points = [10, 5, 1]", "points = [7]")
    write(tmp_path, "2016-17.toml", own)
    monkeypatch.setenv("OVALTIME_SEASONS", str(tmp_path))
    assert "2030-31" in available_seasons()
    assert load_season("2030-31").season == "2030-31"
    overridden = load_season("2016-17")
    table = overridden.table_for("A", RaceKind.INDIVIDUAL, Gender.MEN, 500)
    assert table is not None
    assert table.points == (7,)
    assert overridden.source == str(tmp_path / "2016-17.toml")
    assert load_season("2019-20").source == "2019-20.toml"  # the rest stay shipped


def test_an_explicit_search_directory_comes_before_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    write(first, "2030-31.toml", MINIMAL.replace("[10, 5, 1]", "[11]"))
    write(second, "2030-31.toml", MINIMAL)
    monkeypatch.setenv("OVALTIME_SEASONS", str(second))
    table = load_season("2030-31", search=[first]).table_for(
        "A", RaceKind.INDIVIDUAL, Gender.MEN, 500
    )
    assert table is not None
    assert table.points == (11,)


def test_a_file_must_hold_the_season_it_is_named_for(tmp_path: Path) -> None:
    write(tmp_path, "2031-32.toml", MINIMAL)
    with pytest.raises(SeasonError, match=r"2031-32\.toml: season: says '2030-31'"):
        load_season("2031-32", search=[tmp_path])


def test_a_bad_file_in_the_users_directory_is_reported_not_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        tmp_path,
        "2019-20.toml",
        MINIMAL.replace("2030-31", "2019-20").replace("[10, 5, 1]", "[1, 5]"),
    )
    monkeypatch.setenv("OVALTIME_SEASONS", str(tmp_path))
    with pytest.raises(SeasonError, match=r"2019-20\.toml: tables\[0\]\.points: must not rise"):
        load_season("2019-20")


def test_a_seasons_directory_that_does_not_exist_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OVALTIME_SEASONS", str(tmp_path / "missing"))
    with pytest.raises(SeasonError, match=r"OVALTIME_SEASONS: .*missing is not a directory"):
        load_season("2019-20")
