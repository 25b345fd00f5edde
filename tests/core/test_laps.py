"""Lap times and the last lap, pinned to the published Vancouver 2010 10000 m lap sheets."""

from __future__ import annotations

from pathlib import Path

import pytest

from ovaltime.core.distances import Passage, split_points, validate_passages
from ovaltime.core.laps import lap_times_by_skater, laps_of, last_lap
from ovaltime.core.results import Result, Skater
from ovaltime.core.states import Status
from ovaltime.core.times import Time
from tests.core.race_fixtures import res


def read_lap_sheet(path: Path) -> tuple[Skater, list[Passage], list[Time]]:
    """A lap sheet: ``bib;NAME;NAT``, a header, then ``lap;400m;passage;lap time`` rows.

    The files come as published: a byte-order mark, and old Mac line ends (CR) in one of them.
    The lap times are printed in tenths, truncated.
    """
    lines = [line for line in path.read_text(encoding="utf-8-sig").splitlines() if line.strip()]
    _bib, name, nation = lines[0].split(";")
    passages: list[Passage] = []
    laps: list[Time] = []
    for row in lines[2:]:
        _lap, metres, passage, lap = row.split(";")
        passages.append(Passage(int(metres.removesuffix("m")), Time.parse(passage)))
        laps.append(Time.parse(lap))
    return Skater(name, nation), passages, laps


@pytest.mark.parametrize(
    ("file", "final", "last"),
    [
        # Kramer crossed the line in 12:54.50 and was disqualified for a wrong lane change;
        # his last lap: 12:54.50 - 12:22.26 = 32.24, published as 32.2.
        ("KramerOlympics10000.csv", "12:54.50", 32_240),
        # Skobrev, bronze in 13:02.07: 13:02.07 - 12:31.27 = 30.80.
        ("SkobrevOlympics10000.csv", "13:02.07", 30_800),
    ],
)
def test_vancouver_10000m_laps_match_the_published_sheet(
    shared_data: Path, file: str, final: str, last: int
) -> None:
    path = shared_data / "laps" / file
    if not path.is_file():
        pytest.skip(f"{path} not found")
    skater, passages, published = read_lap_sheet(path)
    assert [p.metres for p in passages] == list(split_points(10000))
    time = Time.parse(final)
    assert validate_passages(10000, passages, time) == []
    status = Status.DQ if skater.name == "S.KRAMER" else Status.OK
    result = Result(skater, time, status=status, passages=tuple(passages))

    assert last_lap(result) == last
    assert last_lap(result, 10000) == last
    laps = laps_of(result, 10000)
    assert len(laps) == 25
    assert [metres for metres, _ in laps] == list(range(400, 10001, 400))
    # the sheet prints each lap truncated to tenths
    assert [thousandths // 100 * 100 for _, thousandths in laps] == [
        lap.thousandths for lap in published
    ]
    assert sum(thousandths for _, thousandths in laps) == time.thousandths


def test_kramer_last_lap_reads_as_published(shared_data: Path) -> None:
    path = shared_data / "laps" / "KramerOlympics10000.csv"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    skater, passages, _ = read_lap_sheet(path)
    assert skater == Skater("S.KRAMER", "NED")
    result = Result(skater, Time.parse("12:54.50"), status=Status.DQ, passages=tuple(passages))
    lap = last_lap(result)
    assert lap is not None
    assert Time(lap, precision=1).format() == "32.2"


def test_final_section_is_added_when_the_finish_passage_is_missing() -> None:
    result = res("E", "1:09.50", passages=((200, "16.50"), (600, "42.00")))
    assert laps_of(result) == [(200, 16_500), (600, 25_500)]
    assert laps_of(result, 1000) == [(200, 16_500), (600, 25_500), (1000, 27_500)]
    assert last_lap(result) == 27_500
    assert last_lap(result, 1000) == 27_500


def test_finish_passage_is_not_taken_for_the_last_lap() -> None:
    result = res("K", "1:08.90", passages=((200, "16.40"), (600, "41.90"), (1000, "1:08.90")))
    assert last_lap(result) == 27_000
    assert laps_of(result, 1000) == [(200, 16_400), (600, 25_500), (1000, 27_000)]


def test_last_lap_is_unknown_without_the_passage_a_lap_from_the_finish() -> None:
    missing = res("Gap", "1:09.50", passages=((200, "16.50"),))
    assert last_lap(missing, 1000) is None
    assert last_lap(missing) == 53_000  # without the distance the gap cannot be seen
    assert last_lap(res("Bare", "1:09.50")) is None
    assert last_lap(res("Out", None, Status.DNF, passages=((200, "16.50"),))) is None


def test_lap_times_by_skater_in_input_order_without_passage_less_results() -> None:
    results = [
        res("A", "37.00", passages=((100, "10.30"),)),
        res("B", "37.50"),
        res("C", None, Status.DNF, passages=((100, "10.10"),)),
    ]
    table = lap_times_by_skater(results, 500)
    assert [(r.skater.name, laps) for r, laps in table] == [
        ("A", [(100, 10_300), (500, 26_700)]),
        ("C", [(100, 10_100)]),
    ]
