"""Services on a real database: a migrated context, users, and a race ready for entry."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ovaltime.core.results import Skater
from ovaltime.core.states import Gender, Lane, RaceState
from ovaltime.services.competitions import add_race, create_competition
from ovaltime.services.events import EventLog
from ovaltime.services.races import change_race_state
from ovaltime.services.start_list import StartEntry, set_start_list
from ovaltime.services.unit import Context, open_context
from ovaltime.services.users import Role, User, add_user

ANNA = Skater("Anna Visser", "NED")
BEA = Skater("Bea Berg", "NOR")
CARA = Skater("Cara Cole", "CAN")


@pytest.fixture
def events() -> EventLog:
    return EventLog()


@pytest.fixture
def context(database_url: str, events: EventLog) -> Iterator[Context]:
    context = open_context(database_url, events)
    yield context
    context.engine.dispose()


@pytest.fixture
def official(context: Context) -> User:
    return add_user(context, "official", Role.OFFICIAL)[0]


@pytest.fixture
def admin(context: Context) -> User:
    return add_user(context, "admin", Role.ADMIN)[0]


def scheduled_race(context: Context, distance: int = 500) -> tuple[int, int]:
    """(competition id, race id) of a new competition with one scheduled race."""
    competition_id = create_competition(context, "Club Cup", venue="Thialf", nation="ned")
    race_id, _ = add_race(context, competition_id, distance=distance, gender=Gender.WOMEN)
    return competition_id, race_id


def live_race(context: Context, actor: User, distance: int = 500) -> tuple[int, tuple[int, ...]]:
    """(race id, result ids) of a live race with Anna and Bea in pair 1, Cara in pair 2."""
    _, race_id = scheduled_race(context, distance)
    ids = set_start_list(
        context,
        race_id,
        [StartEntry(ANNA, 1, Lane.INNER), StartEntry(BEA, 1, Lane.OUTER), StartEntry(CARA, 2)],
        actor=actor,
    )
    change_race_state(context, race_id, RaceState.LIVE, actor=actor)
    return race_id, ids
