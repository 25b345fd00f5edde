"""A competition's identity on import is the SHA-256 of its document, however it is written."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings

from ovaltime.core.results import Competition
from ovaltime.formats.any_file import load_competition
from ovaltime.formats.document import dump_competition, dumps_competition
from ovaltime.formats.pretty_json import pretty_json
from ovaltime.services.competitions import competition_digest
from tests.conftest import isu_text_files
from tests.formats.strategies import competitions


@settings(max_examples=60, deadline=None)
@given(competitions())
def test_the_digest_is_the_hash_of_the_document(competition: Competition) -> None:
    text = dumps_competition(competition)
    assert pretty_json(dump_competition(competition)) + "\n" == text
    assert competition_digest(competition) == hashlib.sha256(text.encode()).hexdigest()


@pytest.mark.parametrize(
    "value",
    [{}, [], {"a": []}, [{}], {"é": 'ü\n"\\\t\u2028'}, [1, -2, True, False, None, 1.5], "x"],
)
def test_pretty_json_writes_what_json_dumps_writes(value: object) -> None:
    assert pretty_json(value) == json.dumps(value, indent=2, ensure_ascii=False)


@pytest.mark.shared_data
@pytest.mark.parametrize("path", isu_text_files(), ids=lambda p: p.name)
def test_the_digest_of_published_results(path: Path) -> None:
    competition = load_competition(path).competition
    text = dumps_competition(competition)
    assert competition_digest(competition) == hashlib.sha256(text.encode()).hexdigest()
