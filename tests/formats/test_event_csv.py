"""The multi-event results CSV: Sochi 2014 as published, and the reader's rules on small texts.

Source: ``../shared/data/olympics/sochi-2014-results.csv`` (12 events, 325 rows; the 500 m
results are sums of two races; ``79.51)`` on line 35 is a source typo).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ovaltime.core.ranking import rank_results
from ovaltime.core.records import is_two_race_sum
from ovaltime.core.states import Gender, RaceKind, Status
from ovaltime.core.times import Time
from ovaltime.formats.any_file import load_competition
from ovaltime.formats.event_csv import (
    CompetitionDetails,
    is_event_csv,
    read_event_csv,
)
from ovaltime.formats.problems import FormatError

SOCHI = CompetitionDetails(
    "Sochi 2014 Olympic Winter Games",
    "Adler Arena",
    "RUS",
    dt.date(2014, 2, 8),
    dt.date(2014, 2, 23),
)
HEADER = "gender,distance,rank,nation,name,result,behind\n"


@pytest.fixture
def sochi_file(shared_data: Path) -> Path:
    return shared_data / "olympics" / "sochi-2014-results.csv"


@pytest.mark.shared_data
def test_sochi_reads_into_one_race_per_event(sochi_file: Path) -> None:
    loaded = load_competition(sochi_file, SOCHI)
    competition = loaded.competition
    assert (competition.name, competition.venue, competition.nation) == (
        "Sochi 2014 Olympic Winter Games",
        "Adler Arena",
        "RUS",
    )
    assert (competition.start, competition.end) == (dt.date(2014, 2, 8), dt.date(2014, 2, 23))
    assert [(p.line, p.field) for p in loaded.problems] == [(35, "result")]
    assert "'79.51)'" in loaded.problems[0].message
    assert [(race.name, len(race.results)) for race in competition.races] == [
        ("2 × 500 m women", 33),
        ("1000 m women", 36),
        ("1500 m women", 36),
        ("3000 m women", 28),
        ("5000 m women", 16),
        ("team pursuit women", 8),
        ("2 × 500 m men", 39),
        ("1000 m men", 40),
        ("1500 m men", 40),
        ("5000 m men", 26),
        ("10000 m men", 14),
        ("team pursuit men", 8),
    ]
    assert sum(len(race.results) for race in competition.races) == 324


@pytest.mark.shared_data
def test_sochi_500_m_are_sums_of_two_races(sochi_file: Path) -> None:
    competition = load_competition(sochi_file, SOCHI).competition
    summed = [race for race in competition.races if is_two_race_sum(race)]
    assert [(race.distance, race.gender, race.kind) for race in summed] == [
        (500, Gender.WOMEN, RaceKind.INDIVIDUAL),
        (500, Gender.MEN, RaceKind.INDIVIDUAL),
    ]
    men = summed[1]
    top = rank_results(list(men.results))[:2]
    assert [(e.result.skater.name, e.result.time, e.rank) for e in top] == [
        ("Michel MULDER", Time(69_312, 3), 1),
        ("Jan SMEEKENS", Time(69_324, 3), 2),
    ]


@pytest.mark.shared_data
def test_sochi_team_pursuit_rows_are_teams(sochi_file: Path) -> None:
    races = load_competition(sochi_file, SOCHI).competition.races
    pursuits = [race for race in races if race.kind is RaceKind.TEAM_PURSUIT]
    assert [(race.gender, race.distance) for race in pursuits] == [
        (Gender.WOMEN, 2400),
        (Gender.MEN, 3200),
    ]
    winners = [race.results[0] for race in pursuits]
    assert [(r.skater.name, r.skater.nation, r.time, r.published_rank) for r in winners] == [
        ("NED", "NED", Time.parse("2:58.05"), 1),
        ("NED", "NED", Time.parse("3:37.71"), 1),
    ]


@pytest.mark.shared_data
def test_sochi_disqualifications(sochi_file: Path) -> None:
    races = load_competition(sochi_file, SOCHI).competition.races
    dq = [
        (race.name, r.skater.name) for race in races for r in race.results if r.status is Status.DQ
    ]
    assert dq == [
        ("1000 m women", "Monique ANGERMUELLER"),
        ("3000 m women", "Katarzyna BACHLEDA - CURUS"),
    ]


@pytest.mark.shared_data
def test_without_details_the_file_names_the_competition(sochi_file: Path) -> None:
    competition = load_competition(sochi_file).competition
    assert (competition.name, competition.venue, competition.start) == (
        "sochi-2014-results",
        "",
        None,
    )


# -- small texts --------------------------------------------------------------------------------
def test_other_csv_files_stay_race_csvs(tmp_path: Path) -> None:
    path = tmp_path / "race.csv"
    path.write_text("skater,nation,time\nAnna,NED,37.34\n", encoding="utf-8")
    loaded = load_competition(path, SOCHI)
    assert loaded.competition.name == "race"
    assert [r.skater.name for r in loaded.competition.races[0].results] == ["Anna"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (HEADER, True),
        ("\ufeff\n Gender , Distance,RANK,nation,name,result,behind\n", True),
        ("name,nation,result,behind,rank,distance,gender\n", True),
        ("gender,distance,rank,nation,name,result\n", False),
        ("skater,nation,time\n", False),
        ("", False),
    ],
)
def test_is_event_csv(text: str, expected: bool) -> None:
    assert is_event_csv(text) is expected


def test_a_fast_500_m_is_a_500_m() -> None:
    text = HEADER + "M,500,1,NED,Jenning DE BOO,34.19,\nM,500,2,USA,Jordan STOLZ,34.26,+0.07\n"
    (race,) = read_event_csv(text, "wc.csv").competition.races
    assert (race.name, is_two_race_sum(race)) == ("500 m men", False)


@pytest.mark.parametrize(("override", "summed"), [(True, True), (False, False), (None, True)])
def test_the_two_race_guess_can_be_overridden(override: bool | None, summed: bool) -> None:
    text = HEADER + "W,500,1,NED,A,61.20,\n"
    (race,) = read_event_csv(text, "club.csv", two_race_500=override).competition.races
    assert is_two_race_sum(race) is summed


def test_bad_rows_are_reported_and_skipped() -> None:
    text = HEADER + (
        "Q,500,1,NED,A,34.00,\n"  # 2: gender
        "M,450m,1,NED,A,34.00,\n"  # 3: distance
        "M,500,1,NED,A,34.00,\n"
        "M,500,2,NED,A,34.10,\n"  # 5: A again
        "M,500,0,NED,B,34.20,\n"  # 6: rank
        "M,TeamPursuit,1,,,3:40.00,\n"  # 7: team without nation
        "M,Team Pursuit,2,NOR,,3:41.00,\n"
        "M,1000,,NED,C,DNF,\n"
        "W,mass start,1,NED,D,8:00.00,\n"
    )
    events = read_event_csv(text, "f.csv")
    assert [(p.line, p.field) for p in events.problems] == [
        (2, "gender"),
        (3, "distance"),
        (5, "skater"),
        (6, "rank"),
        (7, "nation"),
    ]
    races = events.competition.races
    assert [(race.name, race.distance, len(race.results)) for race in races] == [
        ("500 m men", 500, 1),
        ("team pursuit men", 3200, 1),
        ("1000 m men", 1000, 1),
        ("mass start women", 6400, 1),
    ]
    assert races[2].results[0].status is Status.DNF


def test_a_file_without_the_columns_or_rows_is_refused() -> None:
    with pytest.raises(FormatError, match="'result'"):
        read_event_csv("gender,distance,rank,nation,name\n", "f.csv")
    with pytest.raises(FormatError, match="no result row"):
        read_event_csv(HEADER + "Q,500,1,NED,A,34.00,\n", "f.csv")
