"""A competition's identity on import is the SHA-256 of its document, however it is written."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings

from ovaltime.core.results import Competition
from ovaltime.formats.any_file import load_competition
from ovaltime.formats.document import dump_competition
from ovaltime.services.competitions import competition_digest
from tests.conftest import isu_text_files
from tests.formats.strategies import competitions
from tests.formats.test_document import full_competition


def document_hash(competition: Competition) -> str:
    """The digest by definition: the SHA-256 of ``json.dumps``'s text of the document."""
    text = json.dumps(dump_competition(competition), indent=2, ensure_ascii=False) + "\n"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@settings(max_examples=100, deadline=None)
@given(competitions())
def test_the_digest_is_the_hash_of_the_document(competition: Competition) -> None:
    assert competition_digest(competition) == document_hash(competition)


def test_a_stored_digest_stays_what_it_was() -> None:
    """Databases hold digests already: the same competition must keep giving the same one."""
    expected = "3e0ed6de8e0b0f5ca8698efac90afec9327035094246fa73e7ab73a8e5271697"
    assert competition_digest(full_competition()) == expected


@pytest.mark.shared_data
@pytest.mark.parametrize("path", isu_text_files(), ids=lambda p: p.name)
def test_the_digest_of_published_results(path: Path) -> None:
    competition = load_competition(path).competition
    assert competition_digest(competition) == document_hash(competition)
