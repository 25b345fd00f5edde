"""Classification and standings lists against the values core computes."""

from __future__ import annotations

from pathlib import Path

import pytest

from ovaltime.core.combination import BIG, classify
from ovaltime.core.standings import Meeting, in_date_order, series_standings
from ovaltime.demo import demo_competition
from ovaltime.formats.any_file import load_competition
from ovaltime.formats.classification_csv import read_classification_csv_file
from ovaltime.reports.pdf import ClassificationSection, classification_list_pdf, standings_list_pdf
from ovaltime.rules import load_season
from ovaltime.services.classifications import classify_competition
from tests.reports.pdf.poppler import keep_pngs, pages, rows, text
from tests.reports.pdf.races import competition

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def test_amsterdam_2018_points_totals_and_gaps() -> None:
    races = read_classification_csv_file(
        FIXTURES / "classification-allround-men-amsterdam-2018.csv"
    ).races
    result = classify(BIG, races)
    document = classification_list_pdf(
        competition(), [ClassificationSection("Men: big combination", result)], referee="Ref"
    )
    lines = rows(document)
    assert "Men: big combination, after 2 of 4 races" in lines
    assert "Rank Skater Nation 500 m 5000 m Points Behind Behind (s)" in lines
    for standing, gap in zip(result.standings, result.gaps(), strict=True):
        times = " ".join(e.time.format() for e in standing.entries if e.time is not None)
        line = f"{standing.rank} {standing.skater.name} {standing.skater.nation} {times}"
        line += f" {standing.total:.3f}"
        if gap.points:
            line += f" {gap.points:.3f}"
        matching = [row for row in lines if row.startswith(line)]
        assert matching, line
        points = " ".join(f"{e.points:.3f}" for e in standing.entries if e.points is not None)
        assert lines[lines.index(matching[0]) + 1] == points
    assert "1 Patrick Roest NED 36.97 6:37.07" in " ".join(lines)
    assert "Page 1 of 1" in text(document)
    keep_pngs(document, "classification-list")


def test_nq_and_nc_are_marked() -> None:
    demo = demo_competition()
    found = classify_competition(demo, gender="men")
    document = classification_list_pdf(
        demo, [ClassificationSection("Men: big combination", found.classification)]
    )
    lines = rows(document)
    for standing in found.classification.standings:
        mark = next(row for row in lines if standing.skater.name in row).split()[-1]
        expected = {"NC": "NC", "NQ": "NQ"}.get(standing.status.value, "Q")
        assert mark == expected, (standing.skater.name, mark)
    assert any(row.endswith(" DQ NC") or " DQ " in row for row in lines)
    keep_pngs(document, "classification-list-demo")


def test_a_classification_list_needs_a_classification() -> None:
    with pytest.raises(ValueError, match="no classification"):
        classification_list_pdf(competition(), [])


@pytest.mark.shared_data
def test_world_cup_standings_list(shared_data: Path) -> None:
    files = sorted((shared_data / "isu-results-text").glob("wc-2024-25-*.txt"))
    meetings = in_date_order(load_competition(path).competition for path in files)
    series = series_standings([Meeting(c) for c in meetings], load_season("2024-25"))
    document = standings_list_pdf(series, notes=series.notes)
    lines = rows(document)
    cup = next(c for c in series.cups if c.cup.name == "500" and c.cup.gender.value == "men")
    assert "Men 500 m" in lines
    assert "Rank Skater Nation Points Behind Move 1 2 3 4" in lines
    leader = cup.standings[0]
    assert f"1 {leader.competitor.name} {leader.competitor.nation} {leader.points}" in " ".join(
        lines
    )
    for number, name in enumerate(series.meetings, start=1):
        assert f"{number} {name}" in " ".join(lines)
    count = len(pages(document))
    assert f"Page {count} of {count}" in text(document)
    keep_pngs(document, "standings-list", resolution=60)
