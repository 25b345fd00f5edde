"""Race, day and competition reports on published results.

* The 2018 World Allround Championships, Amsterdam, men: the 500 m and 5000 m of the three
  leaders (``tests/reference/test_amsterdam_2018_allround.py`` names the source): the
  classification after two distances, published as Roest 76.677, Pedersen 76.801.
* ISU World Cup 2024-25, meeting 3 (Calgary) and 4 (Milwaukee), read from the ISU results texts
  in ``../shared/data/isu-results-text`` (skipped when absent): Davide Ghiotto's world record on
  the 10,000 m (12:25.69, 25 January 2025), the mixed relay world record in Milwaukee.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ovaltime.core.programme import BIG, SPRINT
from ovaltime.core.results import Competition, Race, Result, Skater
from ovaltime.core.standings import Meeting, series_standings
from ovaltime.core.states import Gender
from ovaltime.core.times import Time
from ovaltime.formats.any_file import load_competition
from ovaltime.reports.text import Context, build_report, write_report
from ovaltime.rules import load_season
from tests.reference.test_amsterdam_2018_allround import races as amsterdam_races


def amsterdam() -> Competition:
    name = "World Allround Championships 2018"
    return Competition(name, tuple(amsterdam_races()), venue="Amsterdam")


def test_the_classification_after_each_distance_in_points_and_seconds() -> None:
    report = build_report(amsterdam(), context=Context({Gender.MEN: BIG}))
    assert [s.text for s in report.sentences("classification")] == [
        "After the 500 m, Roest leads the allround classification with 36.970 points, "
        "0.450 points ahead of Pedersen (4.50 seconds on the 5,000 m).",
        "After the 5,000 m, Roest leads the allround classification with 76.677 points, "
        "0.124 points ahead of Pedersen (0.37 seconds on the 1,500 m).",
    ]


def test_no_classification_unless_a_combination_is_named() -> None:
    assert build_report(amsterdam()).sentences("classification") == []


def test_podium_counts_for_the_competition() -> None:
    report = build_report(amsterdam())
    assert [s.text for s in report.sentences("podiums")] == [
        "Sverre Lunde Pedersen (NOR) finished on the podium twice: a win and a second place.",
        "Patrick Roest (NED) finished on the podium twice: a win and a third place.",
        "Sven Kramer (NED) finished on the podium twice: a second place and a third place.",
    ]


def test_markdown_and_html() -> None:
    competition = amsterdam()
    markdown = write_report(competition, race=2, fmt="md")
    assert markdown.startswith("# World Allround Championships 2018: Men's 5,000 m\n")
    assert "## Men's 5,000 m\n\nSverre Lunde Pedersen (NOR) won the men's 5,000 m" in markdown
    html = write_report(competition, race=2, fmt="html")
    assert html.startswith('<article class="report">\n<h1>World Allround Championships 2018')
    assert "<p>Sverre Lunde Pedersen (NOR) won the men&#39;s 5,000 m in 6:33.81" in html


def test_bad_requests_name_what_is_missing() -> None:
    competition = amsterdam()
    with pytest.raises(ValueError, match="race 3: the competition has races 1-2"):
        build_report(competition, race=3)
    with pytest.raises(ValueError, match="no race on 2018-03-03; race days: none"):
        build_report(competition, day=dt.date(2018, 3, 3))
    with pytest.raises(ValueError, match="unknown report format 'pdf'"):
        write_report(competition, fmt="pdf")


@pytest.fixture
def calgary(shared_data: Path) -> Competition:
    path = shared_data / "isu-results-text" / "wc-2024-25-3-calgary.txt"
    return load_competition(path).competition


@pytest.mark.shared_data
def test_a_world_record_in_the_day_report(calgary: Competition) -> None:
    report = build_report(calgary, day=dt.date(2025, 1, 25))
    winners = [s.text for s in report.sentences("winner")]
    assert winners[0] == (
        "Davide Ghiotto (ITA) won the men's 10,000 m in 12:25.69, a world record, a clear "
        "12.12 seconds ahead of Metoděj Jílek (CZE)."
    )
    assert report.sentences("podium")[0].text == (
        "Jílek was second in 12:37.81 (+12.12), a junior world record, and Sander Eitrem (NOR) "
        "was third in 12:38.04 (+12.35), a national record."
    )
    # Every race of that day, Division B too, and no race of another day; nobody reached the
    # podium twice that day, so there is no podium summary.
    assert [section.heading for section in report.sections] == [
        "Men's 10,000 m",
        "Women's 1,500 m",
        "Men's 1,000 m",
        "Women's 1,500 m (division B)",
        "Men's 1,000 m (division B)",
        "Men's 10,000 m (division B)",
    ]
    assert report.subtitle == "Olympic Oval, CAN, 2025-01-25"


@pytest.mark.shared_data
def test_team_races_and_podiums_of_a_weekend(shared_data: Path) -> None:
    path = shared_data / "isu-results-text" / "wc-2024-25-4-milwaukee.txt"
    report = build_report(load_competition(path).competition)
    winners = [s.text for s in report.sentences("winner")]
    assert "NED (Wesly Dijs and Angel Daleman) won the mixed relay in 2:56.56, a world record." in (
        winners
    )
    podiums = [s.text for s in report.sentences("podiums")]
    assert podiums[0] == (
        "Jordan Stolz (USA) finished on the podium four times: three wins and a second place."
    )


def test_a_new_classification_leader_and_a_climber() -> None:
    """Hand-made sprint (500, 1000): A leads after the 500 m; B wins the 1000 m by enough to
    take the lead; C climbs from fourth to second."""
    a, b, c, d = (Skater(n, "NED") for n in ("Anna Aa", "Bea Bb", "Cora Cc", "Dina Dd"))
    day1 = Race(
        500,
        Gender.WOMEN,
        tuple(
            Result(s, Time.parse(t))
            for s, t in zip((a, b, d, c), ("37.00", "37.20", "37.30", "37.40"), strict=True)
        ),
    )
    day2 = Race(
        1000,
        Gender.WOMEN,
        tuple(
            Result(s, Time.parse(t))
            for s, t in zip((b, c, a, d), ("1:13.00", "1:13.20", "1:14.00", "1:14.50"), strict=True)
        ),
    )
    competition = Competition("Sprint", (day1, day2))
    report = build_report(competition, race=2, context=Context({Gender.WOMEN: SPRINT}))
    assert [s.text for s in report.sentences("new-leader")] == ["Bb took over the lead from Aa."]
    assert [s.text for s in report.sentences("movement")] == ["Cc moved up from fourth to second."]


@pytest.mark.shared_data
def test_a_new_cup_leader(shared_data: Path) -> None:
    folder = shared_data / "isu-results-text"
    meetings = [
        load_competition(folder / name).competition
        for name in ("wc-2024-25-3-calgary.txt", "wc-2024-25-6-heerenveen.txt")
    ]
    series = series_standings([Meeting(m) for m in meetings], load_season("2024-25"))
    report = build_report(meetings[1], context=Context(standings=series))
    assert "De Boo is the new leader." in [s.text for s in report.sentences("new-leader")]
