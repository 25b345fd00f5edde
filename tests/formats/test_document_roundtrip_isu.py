"""Every published ISU results text survives the competition document unchanged."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from ovaltime.formats.document import (
    dump_competition,
    dumps_competition,
    load_competition,
    schema,
)
from ovaltime.formats.isu_text import read_isu_text_file
from tests.conftest import isu_text_files

pytestmark = pytest.mark.shared_data


@pytest.mark.parametrize("path", isu_text_files(), ids=lambda p: p.name)
def test_isu_competition_round_trips(path: Path, shared_data: Path) -> None:
    competition = read_isu_text_file(path).competition
    assert competition.races, f"{path.name}: no races read"
    text = dumps_competition(competition)
    jsonschema.validate(dump_competition(competition), schema())
    back = load_competition(text, path.name)
    assert back == competition
    assert dumps_competition(back) == text
    for race, again in zip(competition.races, back.races, strict=True):
        for result, result_back in zip(race.results, again.results, strict=True):
            if result.time is not None:
                assert result_back.time is not None
                assert result_back.time.precision == result.time.precision


def test_the_published_data_is_there(shared_data: Path) -> None:
    assert isu_text_files(), f"no ISU results text under {shared_data}"
