"""The fast writer of the competition document writes ``json.dumps``'s text to the character."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings

from ovaltime.core.results import Competition, Race, Result, Skater
from ovaltime.core.states import Gender, Status
from ovaltime.core.times import Time
from ovaltime.formats.any_file import load_competition
from ovaltime.formats.document import dump_competition
from ovaltime.formats.document_text import document_text
from tests.conftest import isu_text_files
from tests.formats.strategies import competitions
from tests.formats.test_document import full_competition

FIXTURES = Path(__file__).parent.parent / "fixtures"


def reference(competition: Competition) -> str:
    """The document's text by definition: ``json.dumps`` with indentation, final newline."""
    return json.dumps(dump_competition(competition), indent=2, ensure_ascii=False) + "\n"


@settings(max_examples=300, deadline=None)
@given(competitions())
def test_generated_competitions(competition: Competition) -> None:
    assert document_text(competition) == reference(competition)


def test_every_field_and_the_empty_competition() -> None:
    assert document_text(full_competition()) == reference(full_competition())
    assert document_text(Competition("")) == reference(Competition(""))
    empty_race = Competition("Cup", (Race(500, Gender.WOMEN),), start=dt.date(2025, 1, 2))
    assert document_text(empty_race) == reference(empty_race)


def test_text_that_json_escapes_and_times_of_every_size() -> None:
    odd = Skater('A "quoted" \\ back\tslash\n\u2028 ü 日本 \x00', "NED", "A1\x7f")
    times = [
        Time(t, p)
        for t in (0, 7, 59_999, 60_000, 3_599_999, 3_600_000, 86_400_123)
        for p in range(4)
    ]
    results = tuple(Result(odd if i == 0 else Skater(f"S{i}"), t) for i, t in enumerate(times))
    competition = Competition(
        '{"x": [1,\n2]}',
        (
            Race(10000, Gender.MEN, results, title="\ud7ff \U0001f600"),
            Race(500, Gender.MEN, (Result(odd, None, Status.DNS),)),
        ),
        venue="Thialf\r",
        nation='N"D',
    )
    assert document_text(competition) == reference(competition)


def test_the_fixtures() -> None:
    for path in sorted(FIXTURES.glob("*.csv")):
        competition = load_competition(path).competition
        assert document_text(competition) == reference(competition), path.name


@pytest.mark.shared_data
@pytest.mark.parametrize("path", isu_text_files(), ids=lambda p: p.name)
def test_published_results(path: Path) -> None:
    competition = load_competition(path).competition
    assert document_text(competition) == reference(competition)


@pytest.mark.shared_data
def test_published_olympic_results(shared_data: Path) -> None:
    competition = load_competition(shared_data / "olympics" / "sochi-2014-results.csv").competition
    assert document_text(competition) == reference(competition)
