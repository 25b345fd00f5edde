"""Recording and correcting results: versions, conflicts and the audit."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from ovaltime.core.states import Status
from ovaltime.core.times import Time
from ovaltime.services.errors import Conflict, Invalid, StaleVersion
from ovaltime.services.events import EventLog, ResultCorrected, ResultRecorded
from ovaltime.services.results import Outcome, correct_result, record_result
from ovaltime.services.unit import Context
from ovaltime.services.users import User
from ovaltime.store.audit import audit_entries
from ovaltime.store.engine import read_session
from ovaltime.store.entries import race_entries
from tests.services.conftest import live_race, scheduled_race

T3734 = Time(37340, 2)


def test_record_then_correct_with_the_version_seen(context: Context, official: User) -> None:
    race_id, (anna, _, _) = live_race(context, official)
    recorded = record_result(context, anna, Outcome(T3734), actor=official)
    corrected = correct_result(
        context,
        anna,
        Outcome(Time(37350, 2)),
        version=recorded.version,
        reason="photo finish",
        actor=official,
    )
    assert corrected.version == recorded.version + 1
    with read_session(context.engine) as session:
        entry = race_entries(session, race_id)[0]
    assert entry.result is not None
    assert entry.result.time == Time(37350, 2)
    assert entry.version == corrected.version


def test_a_stale_correction_changes_nothing(context: Context, official: User) -> None:
    race_id, (anna, _, _) = live_race(context, official)
    seen = record_result(context, anna, Outcome(T3734), actor=official).version
    first = correct_result(
        context, anna, Outcome(Time(37350, 2)), version=seen, reason="timing", actor=official
    )
    with pytest.raises(StaleVersion, match=rf"result {anna}: .* version {seen} .* {first.version}"):
        correct_result(
            context, anna, Outcome(Time(37360, 2)), version=seen, reason="other", actor=official
        )
    with read_session(context.engine) as session:
        entry = race_entries(session, race_id)[0]
        corrections = [a for a in audit_entries(session, result_id=anna) if a.action == "correct"]
    assert entry.result is not None
    assert entry.result.time == Time(37350, 2), "the first correction is kept"
    assert entry.version == first.version
    assert [a.reason for a in corrections] == ["timing"]


def test_two_concurrent_corrections_one_wins(context: Context, official: User) -> None:
    race_id, (anna, _, _) = live_race(context, official)
    seen = record_result(context, anna, Outcome(T3734), actor=official).version
    start = threading.Barrier(2)
    outcomes: dict[int, object] = {}

    def correct(thousandths: int) -> None:
        start.wait()
        try:
            outcomes[thousandths] = correct_result(
                context,
                anna,
                Outcome(Time(thousandths, 2)),
                version=seen,
                reason=f"to {thousandths}",
                actor=official,
            )
        except Conflict as error:
            outcomes[thousandths] = error

    threads = [threading.Thread(target=correct, args=(t,)) for t in (37350, 37360)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    conflicts = [t for t, o in outcomes.items() if isinstance(o, Conflict)]
    winners = [t for t, o in outcomes.items() if not isinstance(o, Conflict)]
    assert len(conflicts) == 1
    assert len(winners) == 1
    with read_session(context.engine) as session:
        entry = race_entries(session, race_id)[0]
        corrections = [a for a in audit_entries(session, result_id=anna) if a.action == "correct"]
    assert entry.result is not None
    assert entry.result.time == Time(winners[0], 2)
    assert [a.reason for a in corrections] == [f"to {winners[0]}"]


def test_audit_rows_say_who_when_before_after_and_why(context: Context, official: User) -> None:
    _, (anna, _, _) = live_race(context, official)
    before = dt.datetime.now(dt.UTC)
    seen = record_result(context, anna, Outcome(T3734), actor=official).version
    correct_result(
        context,
        anna,
        Outcome(None, Status.DQ, infraction="F"),
        version=seen,
        reason="false start seen on video",
        actor=official,
    )
    with read_session(context.engine) as session:
        record, correction = audit_entries(session, result_id=anna)
    assert (record.action, record.who, record.reason) == ("record", "official", "")
    assert record.before is not None
    assert record.after is not None
    assert (record.before["status"], record.before["time"]) == (None, None)
    assert (record.after["status"], record.after["time"], record.after["precision"]) == (
        "OK",
        37340,
        2,
    )
    assert correction.who == "official"
    assert correction.reason == "false start seen on video"
    assert correction.before == record.after
    assert correction.after is not None
    assert correction.after["status"] == "DQ"
    assert correction.after["infraction"] == "F"
    assert correction.after["time"] is None
    assert correction.after["version"] == record.after["version"] + 1
    assert correction.at.tzinfo is not None
    assert before - dt.timedelta(seconds=1) <= correction.at <= dt.datetime.now(dt.UTC)


def test_a_result_is_recorded_once(context: Context, official: User) -> None:
    _, (anna, _, _) = live_race(context, official)
    record_result(context, anna, Outcome(T3734), actor=official)
    with pytest.raises(Conflict, match=rf"result {anna} \(Anna Visser\) is already recorded"):
        record_result(context, anna, Outcome(Time(37000, 2)), actor=official)


def test_results_need_a_live_or_unofficial_race(context: Context, official: User) -> None:
    from ovaltime.core.results import Skater
    from ovaltime.services.start_list import StartEntry, set_start_list

    _, race_id = scheduled_race(context)
    (ident,) = set_start_list(context, race_id, [StartEntry(Skater("Dana"), 1)], actor=official)
    with pytest.raises(Conflict, match=rf"race {race_id} is scheduled"):
        record_result(context, ident, Outcome(T3734), actor=official)


def test_bad_outcomes_name_the_field(context: Context, official: User) -> None:
    _, (anna, bea, cara) = live_race(context, official)
    with pytest.raises(Invalid) as missing:
        record_result(context, anna, Outcome(None), actor=official)
    assert missing.value.field == "time"
    with pytest.raises(Invalid) as infraction:
        record_result(context, bea, Outcome(T3734, infraction="F"), actor=official)
    assert infraction.value.field == "infraction"
    with pytest.raises(Invalid) as both:
        record_result(context, cara, Outcome(T3734, Status.DNF), actor=official)
    assert both.value.field == "time"


def test_a_correction_needs_a_reason_and_a_change(context: Context, official: User) -> None:
    _, (anna, _, _) = live_race(context, official)
    seen = record_result(context, anna, Outcome(T3734), actor=official).version
    with pytest.raises(Invalid) as no_reason:
        correct_result(context, anna, Outcome(T3734), version=seen, reason=" ", actor=official)
    assert no_reason.value.field == "reason"
    with pytest.raises(Invalid) as no_change:
        correct_result(context, anna, Outcome(T3734), version=seen, reason="x", actor=official)
    assert no_change.value.field == "outcome"


def test_events_after_each_commit(context: Context, official: User, events: EventLog) -> None:
    race_id, (anna, _, _) = live_race(context, official)
    competition_id = events.events[0].competition_id
    recorded = record_result(context, anna, Outcome(T3734), actor=official)
    corrected = correct_result(
        context, anna, Outcome(Time(37350, 2)), version=recorded.version, reason="r", actor=official
    )
    assert events.events[-2:] == [
        ResultRecorded(competition_id, race_id, anna, recorded.version),
        ResultCorrected(competition_id, race_id, anna, corrected.version, corrected.audit_id),
    ]
