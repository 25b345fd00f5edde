"""The live replay of the demo championship, on SQLite and PostgreSQL, with a clock that
``sleep`` advances (no real waiting) except where real time is the point."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import replace

import pytest

from ovaltime.core.results import Competition
from ovaltime.core.states import RaceState
from ovaltime.demo import demo_competition
from ovaltime.services.events import (
    Event,
    EventLog,
    PassageRecorded,
    RaceStateChanged,
    ResultRecorded,
    StartListSet,
)
from ovaltime.services.race_day import race_day
from ovaltime.services.replay import DEMO_PACE, ReplayThread, demo_user, replay_competition
from ovaltime.services.unit import Context
from ovaltime.store.audit import audit_entries
from ovaltime.store.competitions import find_race, list_competitions, load_competition
from ovaltime.store.engine import read_session
from ovaltime.store.entries import race_entries


class FakeClock:
    """A clock that only moves when slept on."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        assert seconds > 0
        self.now += seconds
        self.slept += seconds


def _replay(
    context: Context,
    competition: Competition,
    clock: FakeClock,
    *,
    pace: float = DEMO_PACE,
    stop: threading.Event | None = None,
) -> int:
    return replay_competition(
        context,
        competition,
        pace=pace,
        actor=demo_user(context),
        clock=clock,
        sleep=clock.sleep,
        stop=stop,
    )


def _stored(context: Context, competition_id: int) -> Competition:
    with read_session(context.engine) as session:
        competition = load_competition(session, competition_id)
    assert competition is not None
    return competition


def test_a_replay_rebuilds_the_demo_race_for_race(context: Context) -> None:
    demo = demo_competition()
    clock = FakeClock()
    competition_id = _replay(context, demo, clock)
    stored = _stored(context, competition_id)
    assert (stored.name, stored.venue, stored.nation, stored.start, stored.end) == (
        demo.name,
        demo.venue,
        demo.nation,
        demo.start,
        demo.end,
    )
    assert len(stored.races) == len(demo.races) == 4
    for got, want in zip(stored.races, demo.races, strict=True):
        assert (got.distance, got.gender, got.date) == (want.distance, want.gender, want.date)
        assert got.state is RaceState.OFFICIAL
        core = [
            (r.skater, r.pair, r.lane, r.time, r.status, r.infraction, r.fell, r.passages)
            for r in got.results
        ]
        assert core == [
            (r.skater, r.pair, r.lane, r.time, r.status, r.infraction, r.fell, r.passages)
            for r in want.results
        ], f"{want.name} differs"
    assert _without_records(stored) == demo
    for race in stored.races:
        # Archived and judged, but an empty archive held nothing for a result to improve on:
        # a replay on a new database announces no record and no first best.
        assert {r.records for r in race.results} == {()}
    assert clock.slept == pytest.approx(race_day(demo)[-1].at / DEMO_PACE, abs=0.01)


def _without_records(competition: Competition) -> Competition:
    races = tuple(
        replace(race, results=tuple(r.with_(records=()) for r in race.results))
        for race in competition.races
    )
    return replace(competition, races=races)


def test_every_step_is_audited_by_the_demo_official(context: Context) -> None:
    demo = demo_competition()
    competition_id = _replay(context, demo, FakeClock())
    with read_session(context.engine) as session:
        rows = []
        for position in range(1, len(demo.races) + 1):
            race_id = _race_id(context, competition_id, position)
            rows += audit_entries(session, race_id=race_id)
    assert {row.who for row in rows} == {"demo"}
    assert len(rows) == len(race_day(demo))


def _race_id(context: Context, competition_id: int, position: int) -> int:
    with read_session(context.engine) as session:
        found = find_race(session, competition_id, position)
    assert found is not None
    return found.id


def test_events_arrive_in_race_day_order(context: Context, events: EventLog) -> None:
    clock = FakeClock()
    began = clock.now
    arrivals: list[tuple[float, Event]] = []
    events.subscribe(lambda event: arrivals.append((clock.now - began, event)))
    _replay(context, demo_competition(), clock)

    moments = [at for at, _ in arrivals]
    assert moments == sorted(moments), "events arrive as the clock runs"
    first_result = next(at for at, e in arrivals if isinstance(e, ResultRecorded))
    assert 1.0 < first_result < 3.0, "the first result lands within seconds at the demo pace"

    seen = [event for _, event in arrivals]
    race_ids = list(dict.fromkeys(e.race_id for e in seen if isinstance(e, StartListSet)))
    assert len(race_ids) == 4
    for race_id in race_ids:
        mine = [e for e in seen if getattr(e, "race_id", None) == race_id]
        kinds = [type(e) for e in mine]
        start_list = kinds.index(StartListSet)
        live = mine.index(RaceStateChanged(mine[0].competition_id, race_id, *_step("live")))
        first_passage = kinds.index(PassageRecorded)
        first_recorded = kinds.index(ResultRecorded)
        assert start_list < live < first_passage < first_recorded
        assert mine[-2:] == [
            RaceStateChanged(mine[0].competition_id, race_id, *_step("unofficial")),
            RaceStateChanged(mine[0].competition_id, race_id, *_step("official")),
        ]
        recorded_at = {e.result_id: i for i, e in enumerate(mine) if isinstance(e, ResultRecorded)}
        for i, e in enumerate(mine):
            if isinstance(e, PassageRecorded):
                assert i < recorded_at[e.result_id], "a skater's passages come before the result"
    official_at = [
        seen.index(e)
        for e in seen
        if isinstance(e, RaceStateChanged) and e.after is RaceState.OFFICIAL
    ]
    next_lists = [seen.index(e) for e in seen if isinstance(e, StartListSet)][1:]
    assert all(o < n for o, n in zip(official_at, next_lists, strict=False)), (
        "a race is official before the next one's start list"
    )


def _step(after: str) -> tuple[RaceState, RaceState]:
    order = ["scheduled", "live", "unofficial", "official"]
    return RaceState(order[order.index(after) - 1]), RaceState(after)


def test_stop_halts_the_replay_between_steps(context: Context, events: EventLog) -> None:
    stop = threading.Event()
    recorded: list[ResultRecorded] = []

    def on_event(event: Event) -> None:
        if isinstance(event, ResultRecorded):
            recorded.append(event)
            if len(recorded) == 3:
                stop.set()

    events.subscribe(on_event)
    competition_id = _replay(context, demo_competition(), FakeClock(), stop=stop)
    assert len(recorded) == 3
    assert isinstance(events.events[-1], ResultRecorded), "nothing after the step that stopped it"
    race_id = recorded[0].race_id
    with read_session(context.engine) as session:
        entries = race_entries(session, race_id)
    assert sum(entry.result is not None for entry in entries) == 3
    assert len(entries) == 16, "the whole start list is set"
    stored = _stored(context, competition_id)
    assert [race.state for race in stored.races] == [RaceState.LIVE] + [RaceState.SCHEDULED] * 3


def test_each_replay_builds_a_new_competition(context: Context) -> None:
    short = _first_race(demo_competition())
    first = _replay(context, short, FakeClock())
    second = _replay(context, short, FakeClock())
    assert first != second
    assert _without_records(_stored(context, first)) == short
    assert _without_records(_stored(context, second)) == short
    with read_session(context.engine) as session:
        assert [c.id for c in list_competitions(session)] == [first, second]
    assert demo_user(context) == demo_user(context), "the demo official is added once"


def _first_race(competition: Competition) -> Competition:
    return Competition(
        competition.name,
        competition.races[:1],
        venue=competition.venue,
        nation=competition.nation,
        start=competition.start,
        end=competition.end,
    )


def test_pace_must_be_positive(context: Context) -> None:
    with pytest.raises(ValueError, match="pace"):
        _replay(context, demo_competition(), FakeClock(), pace=0)


def _wait_for(condition: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return condition()


def test_a_real_time_replay_at_a_high_pace_ends_in_bounded_time(context: Context) -> None:
    short = _first_race(demo_competition())
    pace = 500.0
    planned = race_day(short)[-1].at / pace
    replay = ReplayThread(context, short, pace=pace)
    began = time.monotonic()
    replay.start()
    try:
        assert _wait_for(lambda: not replay.running, planned + 15.0)
    finally:
        replay.stop()
    took = time.monotonic() - began
    assert replay.error is None
    assert planned <= took < planned + 15.0, f"planned {planned:.2f} s, took {took:.2f} s"
    assert replay.competition_id is not None
    assert _without_records(_stored(context, replay.competition_id)) == short


def test_a_replay_thread_stops_promptly(context: Context) -> None:
    replay = ReplayThread(context, demo_competition(), pace=1.0)
    replay.start()
    try:
        assert _wait_for(lambda: replay.competition_id is not None, 10.0)
    finally:
        began = time.monotonic()
        replay.stop(timeout=5.0)
    assert not replay.running
    assert time.monotonic() - began < 1.0
    assert replay.error is None
