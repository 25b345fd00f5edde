"""Events are published after the commit, and never for a write that failed."""

from __future__ import annotations

import pytest

from ovaltime.core.states import RaceState
from ovaltime.core.times import Time
from ovaltime.services.errors import Conflict, StaleVersion
from ovaltime.services.events import (
    CompetitionCreated,
    Event,
    EventLog,
    RaceAdded,
    RaceStateChanged,
    StartListSet,
)
from ovaltime.services.races import change_race_state
from ovaltime.services.results import Outcome, correct_result, record_result
from ovaltime.services.unit import Context
from ovaltime.services.users import User
from ovaltime.store.competitions import load_competition
from ovaltime.store.engine import read_session
from tests.services.conftest import live_race, scheduled_race


def test_a_subscriber_sees_the_committed_state(
    context: Context, official: User, events: EventLog
) -> None:
    competition_id, race_id = scheduled_race(context)
    seen: list[RaceState] = []

    def on_event(event: Event) -> None:
        if isinstance(event, RaceStateChanged):
            with read_session(context.engine) as session:
                competition = load_competition(session, event.competition_id)
            assert competition is not None
            seen.append(competition.races[0].state)

    events.subscribe(on_event)
    change_race_state(context, race_id, RaceState.LIVE, actor=official)
    assert seen == [RaceState.LIVE], "the change was readable when the event arrived"
    assert events.events[:2] == [
        CompetitionCreated(competition_id),
        RaceAdded(competition_id, race_id, 1),
    ]


def test_a_failing_write_publishes_nothing(
    context: Context, official: User, events: EventLog
) -> None:
    _, (anna, _, _) = live_race(context, official)
    before = list(events.events)
    assert isinstance(before[-2], StartListSet)
    with pytest.raises(StaleVersion):
        correct_result(context, anna, Outcome(Time(1000, 2)), version=7, reason="r", actor=official)
    record_result(context, anna, Outcome(Time(37000, 2)), actor=official)
    after_record = list(events.events)
    with pytest.raises(Conflict):
        record_result(context, anna, Outcome(Time(37000, 2)), actor=official)
    assert events.events == after_record
    assert len(after_record) == len(before) + 1


def test_a_failing_subscriber_does_not_fail_the_write(
    context: Context, official: User, events: EventLog
) -> None:
    competition_id, race_id = scheduled_race(context)

    def broken(event: Event) -> None:
        raise RuntimeError("subscriber down")

    events.subscribe(broken)
    change_race_state(context, race_id, RaceState.LIVE, actor=official)
    with read_session(context.engine) as session:
        competition = load_competition(session, competition_id)
    assert competition is not None
    assert competition.races[0].state is RaceState.LIVE
    assert isinstance(events.events[-1], RaceStateChanged)


def test_events_of_a_transaction_that_fails_to_commit_are_dropped(
    context: Context, events: EventLog
) -> None:
    from ovaltime.services.events import CompetitionCreated as Created
    from ovaltime.services.unit import transaction
    from ovaltime.store.accounts import Role, UserRow

    def clash() -> None:
        with transaction(context) as unit:
            unit.emit(Created(1))
            unit.session.add(UserRow(name="twin", role=Role.OFFICIAL, token_hash="a" * 64))
            unit.session.add(UserRow(name="twin", role=Role.OFFICIAL, token_hash="b" * 64))

    with pytest.raises(Conflict, match="clashes with stored data"):
        clash()
    assert events.events == []
