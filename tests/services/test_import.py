"""Importing competitions: every published ISU results text round trips; imports are idempotent."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from ovaltime.formats.document import write_competition_file
from ovaltime.formats.isu_text import read_isu_text_file
from ovaltime.formats.problems import FormatError
from ovaltime.services.competitions import import_competition, import_file
from ovaltime.services.events import CompetitionImported, EventLog
from ovaltime.services.unit import Context
from ovaltime.store.competitions import list_competitions, load_competition
from ovaltime.store.engine import read_session
from tests.conftest import isu_text_files
from tests.store.test_competitions_repository import SPRINT


@pytest.mark.shared_data
@pytest.mark.parametrize("path", isu_text_files(), ids=lambda p: p.name)
def test_isu_text_round_trips_through_the_database(
    path: Path, shared_data: Path, context: Context
) -> None:
    competition = read_isu_text_file(path).competition
    imported = import_file(context, path)
    assert imported.created
    with read_session(context.engine) as session:
        back = load_competition(session, imported.competition_id)
    assert back == competition
    assert imported.races == len(competition.races)
    assert imported.results == sum(len(race.results) for race in competition.races)


def test_importing_the_same_competition_again_changes_nothing(
    context: Context, events: EventLog, tmp_path: Path
) -> None:
    path = tmp_path / "sprint.json"
    write_competition_file(SPRINT, path)
    first = import_file(context, path)
    again = import_file(context, path)
    same_values = import_competition(context, SPRINT)
    assert first.created
    assert not again.created
    assert not same_values.created
    assert first.competition_id == again.competition_id == same_values.competition_id
    with read_session(context.engine) as session:
        assert [s.id for s in list_competitions(session)] == [first.competition_id]
    assert events.events == [CompetitionImported(first.competition_id, 3, 4)]


def test_a_changed_competition_is_stored_beside_the_first(context: Context) -> None:
    first = import_competition(context, SPRINT)
    changed = import_competition(context, replace(SPRINT, venue="Hamar stadion"))
    assert changed.created
    assert changed.competition_id != first.competition_id


def test_an_unreadable_file_is_a_format_error(context: Context, tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"format": "ovaltime-competition"}', encoding="utf-8")
    with pytest.raises(FormatError, match=r"broken\.json"):
        import_file(context, path)
    with read_session(context.engine) as session:
        assert list_competitions(session) == []
