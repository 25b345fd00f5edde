"""Charts: SVG that parses and names the skaters, PNG of a fixed size, the same bytes each time."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET

import pytest

from ovaltime.core.combination import standings_after_each
from ovaltime.demo import demo_competition
from ovaltime.reports.charts import (
    DPI,
    LAP_CHART_SIZE,
    PROGRESSION_SIZE,
    gap_chart,
    lap_chart,
    progression_chart,
)
from ovaltime.services.classifications import classify_competition
from tests.reports.pdf.races import every_case


def _words(svg: bytes) -> str:
    return " ".join(ET.fromstring(svg).itertext())


def _png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def test_lap_chart_names_every_skater_with_passages() -> None:
    race = demo_competition().races[2]
    words = _words(lap_chart(race))
    for result in race.results:
        if result.passages:
            assert result.skater.name in words
    assert "lap time (s)" in words


def test_chosen_skaters_only() -> None:
    race = demo_competition().races[0]
    chosen = [race.results[0].skater]
    words = _words(gap_chart(race, skaters=chosen))
    assert race.results[0].skater.name in words
    assert race.results[1].skater.name not in words


def test_png_has_the_size_of_its_figure() -> None:
    race = demo_competition().races[1]
    width, height = LAP_CHART_SIZE
    assert _png_size(lap_chart(race, image="png")) == (int(width * DPI), int(height * DPI))


def test_charts_are_deterministic() -> None:
    race = demo_competition().races[3]
    assert lap_chart(race) == lap_chart(race)
    assert lap_chart(race, image="png") == lap_chart(race, image="png")
    assert b"<dc:date>" not in lap_chart(race)


def test_no_passages_no_chart() -> None:
    with pytest.raises(ValueError, match="no passages"):
        lap_chart(every_case())


def test_progression_by_rank_and_by_points() -> None:
    demo = demo_competition()
    found = classify_competition(demo, gender="men")
    each = standings_after_each(found.combination, [r for r in demo.races if r.results])
    for measure in ("rank", "points"):
        words = _words(progression_chart(each, measure=measure))  # type: ignore[arg-type]
        assert found.classification.standings[0].skater.name in words
    png = progression_chart(each, image="png")
    assert _png_size(png) == (int(PROGRESSION_SIZE[0] * DPI), int(PROGRESSION_SIZE[1] * DPI))
