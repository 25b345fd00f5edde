"""Every individual race of the published ISU results texts, re-ranked from its times.

Source: ISU World Cup 2024-25 meetings 3-6 and the 2025 World Single Distances Championships,
as copied from the ISU results pages (``../shared/data/isu-results-text``). The reader rebuilds
the thousandths from the gaps; the ranking then has to give back every published POS, shared
ranks included. A mismatch names the file, race, skater, published and computed rank.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ovaltime.core.ranking import rank_results
from ovaltime.core.states import RaceKind
from ovaltime.formats.isu_text import read_isu_text_file
from tests.conftest import isu_text_files

pytestmark = pytest.mark.shared_data

# Races, results and skipped or doubted lines per file, as read on 2024-25 data; a change in
# these figures means the reader (or the data) changed and deserves a look.
FIGURES = {
    "wc-2024-25-3-calgary.txt": (22, 513, 0),
    "wc-2024-25-4-milwaukee.txt": (29, 580, 0),
    "wc-2024-25-5-tomaszow.txt": (26, 594, 1),
    "wc-2024-25-6-heerenveen.txt": (29, 619, 0),
    "wsdc-2025-hamar.txt": (16, 349, 0),
}


def _ids(path: Path) -> str:
    return path.name


@pytest.mark.parametrize("path", isu_text_files(), ids=_ids)
def test_every_individual_race_reranks_to_the_published_pos(shared_data: Path, path: Path) -> None:
    imported = read_isu_text_file(path)
    divergences: list[str] = []
    races = [r for r in imported.competition.races if r.kind is RaceKind.INDIVIDUAL]
    assert races
    for race in races:
        for entry in rank_results(race.results):
            if entry.rank != entry.result.published_rank:
                divergences.append(
                    f"{race.name} ({race.date}): {entry.result.skater.name} "
                    f"published {entry.result.published_rank}, computed {entry.rank}"
                )
    assert not divergences, f"{path.name}:\n" + "\n".join(divergences)


@pytest.mark.parametrize("path", isu_text_files(), ids=_ids)
def test_figures(shared_data: Path, path: Path) -> None:
    imported = read_isu_text_file(path)
    races = imported.competition.races
    figures = (len(races), sum(len(r.results) for r in races), len(imported.problems))
    assert figures == FIGURES[path.name], [str(p) for p in imported.problems]


def test_the_one_doubted_line_is_a_mass_start_row_without_time_or_status(
    shared_data: Path,
) -> None:
    imported = read_isu_text_file(shared_data / "isu-results-text" / "wc-2024-25-5-tomaszow.txt")
    (problem,) = imported.problems
    assert (problem.line, problem.field) == (726, "TIME")


def test_divisions_and_second_races(shared_data: Path) -> None:
    """Milwaukee skated the 500 m on two days, each day in Division A and B."""
    path = shared_data / "isu-results-text" / "wc-2024-25-4-milwaukee.txt"
    races = read_isu_text_file(path).competition.races
    women_500 = [
        (r.number, r.division, str(r.date))
        for r in races
        if r.distance == 500 and r.gender.value == "women"
    ]
    assert women_500 == [
        (1, "A", "2025-02-01"),
        (1, "B", "2025-02-01"),
        (2, "A", "2025-02-02"),
        (2, "B", "2025-02-02"),
    ]
    relay = [r for r in races if r.kind is RaceKind.MIXED_RELAY]
    assert [(r.division, r.number, r.distance) for r in relay] == [("", 1, 2400)]


def test_thousandths_split_a_published_pair(shared_data: Path) -> None:
    """Calgary 1000 m women, Division A: 9 Sato 1:15.03 +1.930, 10 Jabrzyk 1:15.03 +1.934."""
    path = shared_data / "isu-results-text" / "wc-2024-25-3-calgary.txt"
    race = read_isu_text_file(path).competition.races[2]
    times = {r.skater.name: r.time for r in race.results if r.time is not None}
    assert times["Natalia Jabrzyk"] - times["Ayano Sato"] == 4
