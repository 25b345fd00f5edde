"""Random sound competitions survive export and import unchanged, and export validates."""

from __future__ import annotations

import jsonschema
from hypothesis import given, settings

from ovaltime.core.results import Competition
from ovaltime.formats.document import (
    dump_competition,
    dumps_competition,
    load_competition,
    schema,
)
from tests.formats.strategies import competitions


def _times(competition: Competition) -> list[tuple[int, int]]:
    out = []
    for race in competition.races:
        for result in race.results:
            stamps = [result.time] if result.time else []
            stamps += [passage.time for passage in result.passages]
            out += [(time.thousandths, time.precision) for time in stamps]
    return out


@settings(max_examples=150, deadline=None)
@given(competitions())
def test_random_competitions_round_trip(competition: Competition) -> None:
    text = dumps_competition(competition)
    back = load_competition(text, "random.json")
    assert back == competition
    assert _times(back) == _times(competition)
    assert dumps_competition(back) == text


@settings(max_examples=60, deadline=None)
@given(competitions())
def test_every_export_validates_against_the_schema(competition: Competition) -> None:
    jsonschema.validate(dump_competition(competition), schema())
