"""The race state machine: one step forward at a time; back with a reason; reopening by admins."""

from __future__ import annotations

import pytest

from ovaltime.core.states import RaceState
from ovaltime.services.errors import Conflict, Forbidden, Invalid
from ovaltime.services.events import EventLog, RaceStateChanged
from ovaltime.services.races import change_race_state
from ovaltime.services.unit import Context
from ovaltime.services.users import User
from ovaltime.store.audit import audit_entries
from ovaltime.store.competitions import find_race
from ovaltime.store.engine import read_session
from tests.services.conftest import scheduled_race

S, L, U, OFF = RaceState.SCHEDULED, RaceState.LIVE, RaceState.UNOFFICIAL, RaceState.OFFICIAL


def _state(context: Context, competition_id: int) -> RaceState:
    with read_session(context.engine) as session:
        found = find_race(session, competition_id, 1)
    assert found is not None
    return found.race.state


def test_forward_to_official_and_reopened_by_an_admin(
    context: Context, official: User, admin: User, events: EventLog
) -> None:
    competition_id, race_id = scheduled_race(context)
    for state in (L, U, OFF):
        change_race_state(context, race_id, state, actor=official)
    assert _state(context, competition_id) is OFF
    change_race_state(context, race_id, U, actor=admin, reason="protest upheld")
    assert _state(context, competition_id) is U
    changes = [e for e in events.events if isinstance(e, RaceStateChanged)]
    assert [(e.before, e.after) for e in changes] == [(S, L), (L, U), (U, OFF), (OFF, U)]
    with read_session(context.engine) as session:
        audit = audit_entries(session, race_id=race_id)
    assert [(a.who, a.before, a.after, a.reason) for a in audit] == [
        ("official", {"state": "scheduled"}, {"state": "live"}, ""),
        ("official", {"state": "live"}, {"state": "unofficial"}, ""),
        ("official", {"state": "unofficial"}, {"state": "official"}, ""),
        ("admin", {"state": "official"}, {"state": "unofficial"}, "protest upheld"),
    ]


def test_an_official_cannot_reopen_an_official_race(context: Context, official: User) -> None:
    competition_id, race_id = scheduled_race(context)
    for state in (L, U, OFF):
        change_race_state(context, race_id, state, actor=official)
    with pytest.raises(Forbidden, match=f"race {race_id}: reopening .* only an admin"):
        change_race_state(context, race_id, U, actor=official, reason="typo")
    assert _state(context, competition_id) is OFF


def test_going_back_needs_a_reason(context: Context, official: User, admin: User) -> None:
    competition_id, race_id = scheduled_race(context)
    change_race_state(context, race_id, L, actor=official)
    with pytest.raises(Invalid) as refused:
        change_race_state(context, race_id, S, actor=admin)
    assert refused.value.field == "reason"
    change_race_state(context, race_id, S, actor=official, reason="start delayed")
    assert _state(context, competition_id) is S


def test_no_skipping_and_no_standing_still(context: Context, official: User) -> None:
    competition_id, race_id = scheduled_race(context)
    with pytest.raises(Invalid, match=r"it can go to live$") as skipped:
        change_race_state(context, race_id, OFF, actor=official)
    assert skipped.value.field == "state"
    with pytest.raises(Conflict, match="already scheduled"):
        change_race_state(context, race_id, S, actor=official)
    assert _state(context, competition_id) is S
