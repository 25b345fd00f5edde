"""Start and result lists as a reader sees them: the text of each page against the data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ovaltime.core.ranking import rank_race
from ovaltime.core.states import Lane, RaceState
from ovaltime.demo import demo_competition
from ovaltime.formats.any_file import load_competition
from ovaltime.reports.pdf import StartEntry, result_list_pdf, start_list_pdf
from ovaltime.reports.pdf.fonts import document_fonts
from tests.reports.pdf.poppler import images, keep_pngs, pages, rows, squeezed, text
from tests.reports.pdf.races import NAMES, competition, every_case, long_field

HEADER = "Rank Pair Lane Skater Nation Time Behind Notes"


def test_every_name_prints_as_spelt_in_an_embedded_font() -> None:
    assert document_fonts().embedded, "DejaVu Sans is found (Debian's or matplotlib's)"
    listed = text(result_list_pdf(competition(every_case()), every_case()))
    for name in NAMES:
        assert name in listed
    assert "Kampioenschap Łódź–Thialf" in listed


def test_result_list_prints_ranks_thousandths_gaps_flags_and_statuses() -> None:
    race = every_case()
    document = result_list_pdf(competition(race), race, referee="Åsa Ødegård")
    lines = rows(document)
    assert HEADER in lines
    assert "1 1 inner Kjeld Nuis NED 1:07.34(2) TR PB" in lines
    assert "2 1 outer Sebastian Kłosowski POL 1:07.34(8) +0.006" in lines
    assert "3 2 inner Metoděj Jílek CZE 1:07.70 +0.36 fell" in lines
    assert "2 outer Andżelika Wójcik POL DQ T25" in lines
    assert "3 inner Zoë Ærø DEN DNF" in lines
    whole = text(document)
    assert "OFFICIAL" in whole
    assert "UNOFFICIAL" not in whole
    assert "Result list" in whole
    assert "1000 m men · 1 March 2025" in whole
    assert "IJsstadion Thialf (NED) · 28 February – 2 March 2025" in whole
    assert "Åsa Ødegård" in whole
    assert re.search(r"Referee\s+Signature\s+Time of publication", whole)
    assert "Page 1 of 1" in whole
    keep_pngs(document, "result-list")


def test_a_result_list_before_the_referee_signs_is_unofficial() -> None:
    for state in (RaceState.LIVE, RaceState.UNOFFICIAL):
        race = every_case(state)
        assert "UNOFFICIAL" in text(result_list_pdf(competition(race), race))


def test_the_same_race_gives_the_same_bytes() -> None:
    race = every_case()
    assert result_list_pdf(competition(race), race) == result_list_pdf(competition(race), race)


def test_a_long_field_repeats_the_header_and_loses_no_row() -> None:
    race = long_field(120)
    document = result_list_pdf(competition(race), race, chart=False)
    texts = pages(document)
    count = len(texts)
    assert count >= 3
    names: list[str] = []
    for number, page in enumerate(texts, start=1):
        lines = [squeezed(line) for line in page.splitlines() if line.strip()]
        assert f"Page {number} of {count}" in page
        assert "Kampioenschap Łódź–Thialf" in page, "the heading is on every page"
        ranking = [line for line in lines if re.match(r"^\d+ \d+ (inner|outer) Skater", line)]
        if ranking:
            assert HEADER in lines, f"page {number} repeats the table header"
        names += [re.search(r"Skater \d{3} Łukasz", line).group(0) for line in ranking]  # type: ignore[union-attr]
    assert names == [f"Skater {i:03d} Łukasz" for i in range(1, 121)], "each row once, in order"
    keep_pngs(document, "result-list-long", resolution=60)


def test_a_long_field_keeps_a_skaters_passage_and_lap_on_one_page() -> None:
    race = long_field(120)
    document = result_list_pdf(competition(race), race, chart=False)
    for page in pages(document):
        lines = [squeezed(line) for line in page.splitlines() if line.strip()]
        for index, line in enumerate(lines):
            if re.match(r"^\d+ Skater \d{3} Łukasz \d", line):
                assert index + 1 < len(lines), "a passages row is followed by its laps row"
                assert re.match(r"^[\d.:]+ [\d.:]+$", lines[index + 1]), lines[index + 1]


def test_passages_lap_times_and_the_lap_chart() -> None:
    demo = demo_competition()
    race = demo.races[1]  # 5000 m: 13 split points, in two tables
    document = result_list_pdf(demo, race, referee="Jan de Vries")
    whole = text(document)
    lines = rows(document)
    assert "Passages and lap times" in whole
    assert "Rank Skater 200 m 600 m 1000 m 1400 m 1800 m 2200 m 2600 m" in lines
    assert "Rank Skater 3000 m 3400 m 3800 m 4200 m 4600 m Finish" in lines
    winner = rank_race(race)[0].result
    first = winner.passages[0]
    assert f"1 {winner.skater.name} {first.time}" in " ".join(lines)
    assert "Lap times of the first 8" in whole
    assert images(document) == 1
    keep_pngs(document, "result-list-passages")


def test_start_list_gives_pairs_and_lanes_in_skating_order() -> None:
    race = every_case()
    document = start_list_pdf(competition(race), race)
    lines = rows(document)
    assert "Pair Lane Skater Nation" in lines
    assert "1 inner Kjeld Nuis NED" in lines
    assert "outer Sebastian Kłosowski POL" in lines
    assert "3 inner Zoë Ærø DEN" in lines
    assert "5 skaters in 3 pairs." in lines
    assert "Start list" in text(document)
    assert "OFFICIAL" not in text(document)
    keep_pngs(document, "start-list")


def test_start_list_of_entries_without_results() -> None:
    race = every_case()
    entries = [
        StartEntry(r.skater, pair=2 - r.pair // 2 if r.pair else None, lane=r.lane)
        for r in race.results
    ] + [StartEntry(race.results[0].skater.__class__("Nobody Paired", "ISL"))]
    lines = rows(start_list_pdf(competition(race), race, entries))
    skaters = [line for line in lines if re.match(r"^(\d+ )?(inner|outer) ", line)]
    assert skaters[0].startswith("1 inner"), "pairs in order, inner lane first"
    assert lines[lines.index("Pair Lane Skater Nation") + len(entries)] == "Nobody Paired ISL"


@pytest.mark.shared_data
def test_a_world_cup_result_list_matches_the_ranking(shared_data: Path) -> None:
    path = shared_data / "isu-results-text" / "wc-2024-25-6-heerenveen.txt"
    meeting = load_competition(path).competition
    race = next(r for r in meeting.races if r.name == "1500 m men, division B")
    document = result_list_pdf(meeting, race)
    lines = rows(document)
    assert "Rank Skater Nation Category Time Behind Notes" in lines
    for line in rank_race(race):
        parts = [
            str(line.rank) if line.rank else "",
            line.skater.name,
            line.skater.nation,
            line.skater.age_group,
            line.time_text,
            line.behind_text,
            " ".join(line.result.records),
        ]
        assert " ".join(p for p in parts if p) in lines, parts
    assert "3 Ryota Kojima JPN Senior 1:46.70(5) +0.41" in lines
    assert "Page 1 of 1" in text(document)
    keep_pngs(document, "result-list-world-cup")


def test_lanes_of_a_start_entry_sort_inner_first() -> None:
    race = every_case()
    skater = race.results[0].skater
    entries = [StartEntry(skater, 1, Lane.OUTER), StartEntry(race.results[1].skater, 1, Lane.INNER)]
    lines = rows(start_list_pdf(competition(race), race, entries))
    assert lines.index("outer Kjeld Nuis NED") > lines.index("1 inner Sebastian Kłosowski POL")
