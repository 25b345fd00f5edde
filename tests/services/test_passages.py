"""Recording passages: on split points, after the skater's earlier passages."""

from __future__ import annotations

import pytest

from ovaltime.core.distances import Passage
from ovaltime.core.times import Time
from ovaltime.services.errors import Invalid
from ovaltime.services.events import EventLog, PassageRecorded
from ovaltime.services.passages import record_passage
from ovaltime.services.results import Outcome, record_result
from ovaltime.services.unit import Context
from ovaltime.services.users import User
from ovaltime.store.audit import audit_entries
from ovaltime.store.engine import read_session
from ovaltime.store.entries import race_entries
from tests.services.conftest import live_race


def test_passages_build_up_in_order(context: Context, official: User, events: EventLog) -> None:
    race_id, (anna, _, _) = live_race(context, official, distance=1000)
    record_passage(context, anna, 200, Time(16900, 2), actor=official)
    added = record_passage(context, anna, 600, Time(42500, 2), actor=official)
    assert added.passages == (Passage(200, Time(16900, 2)), Passage(600, Time(42500, 2)))
    with read_session(context.engine) as session:
        assert race_entries(session, race_id)[0].passages == added.passages
        audit = audit_entries(session, result_id=anna)
    assert [a.after for a in audit] == [
        {"metres": 200, "time": 16900, "precision": 2},
        {"metres": 600, "time": 42500, "precision": 2},
    ]
    assert isinstance(events.events[-1], PassageRecorded)
    assert events.events[-1].metres == 600


def test_a_passage_off_the_split_points_is_refused(context: Context, official: User) -> None:
    _, (anna, _, _) = live_race(context, official, distance=1000)
    with pytest.raises(Invalid, match="300 m is not a split point of the 1000 m") as refused:
        record_passage(context, anna, 300, Time(25000, 2), actor=official)
    assert refused.value.field == "metres"


def test_a_passage_must_follow_the_earlier_ones(context: Context, official: User) -> None:
    race_id, (anna, _, _) = live_race(context, official, distance=1000)
    record_passage(context, anna, 600, Time(42500, 2), actor=official)
    with pytest.raises(Invalid, match="passage at 200 m does not follow 600 m"):
        record_passage(context, anna, 200, Time(16900, 2), actor=official)
    with pytest.raises(Invalid, match=r"passage at 1000 m \(40\.00\) is not later") as slower:
        record_passage(context, anna, 1000, Time(40000, 2), actor=official)
    assert slower.value.field == "time"
    with read_session(context.engine) as session:
        assert race_entries(session, race_id)[0].passages == (Passage(600, Time(42500, 2)),)


def test_the_finish_passage_agrees_with_the_time(context: Context, official: User) -> None:
    _, (anna, bea, _) = live_race(context, official)
    record_result(context, anna, Outcome(Time(37340, 2)), actor=official)
    with pytest.raises(Invalid, match=r"differs from the time 37\.34"):
        record_passage(context, anna, 500, Time(37500, 2), actor=official)
    record_passage(context, bea, 500, Time(38100, 2), actor=official)
    with pytest.raises(Invalid, match=r"differs from the time 38\.20"):
        record_result(context, bea, Outcome(Time(38200, 2)), actor=official)
