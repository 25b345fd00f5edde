"""Setting start lists: pairs and lanes are checked, recorded results are kept."""

from __future__ import annotations

import pytest

from ovaltime.core.results import Skater
from ovaltime.core.states import Lane, RaceState
from ovaltime.core.times import Time
from ovaltime.services.errors import Conflict, Invalid, NotFound
from ovaltime.services.races import change_race_state
from ovaltime.services.results import Outcome, record_result
from ovaltime.services.start_list import StartEntry, set_start_list
from ovaltime.services.unit import Context
from ovaltime.services.users import User
from ovaltime.store.audit import audit_entries
from ovaltime.store.engine import read_session
from ovaltime.store.entries import race_entries
from tests.services.conftest import ANNA, BEA, CARA, live_race, scheduled_race

DANA = Skater("Dana Dahl", "SWE")


def _entries(context: Context, race_id: int) -> list[tuple[str, int | None, Lane | None]]:
    with read_session(context.engine) as session:
        return [(e.skater.name, e.pair, e.lane) for e in race_entries(session, race_id)]


def test_a_start_list_is_stored_in_order(context: Context, official: User) -> None:
    _, race_id = scheduled_race(context)
    entries = [StartEntry(CARA, 1, Lane.INNER), StartEntry(ANNA, 1, Lane.OUTER)]
    ids = set_start_list(context, race_id, entries, actor=official)
    assert len(ids) == 2
    assert _entries(context, race_id) == [
        ("Cara Cole", 1, Lane.INNER),
        ("Anna Visser", 1, Lane.OUTER),
    ]
    with read_session(context.engine) as session:
        (audit,) = audit_entries(session, race_id=race_id)
    assert (audit.action, audit.result_id, audit.before) == ("start list", None, {"entries": []})
    assert audit.after == {
        "entries": [
            {"skater": "Cara Cole", "pair": 1, "lane": "inner"},
            {"skater": "Anna Visser", "pair": 1, "lane": "outer"},
        ]
    }


def test_every_problem_is_named(context: Context, official: User) -> None:
    _, race_id = scheduled_race(context)
    entries = [
        StartEntry(ANNA, 1, Lane.INNER),
        StartEntry(BEA, 1, Lane.INNER),
        StartEntry(CARA, 2),
        StartEntry(DANA, 2),
        StartEntry(Skater("Eve"), 2),
        StartEntry(Skater("anna  visser", "ned"), 3),
        StartEntry(Skater("Fay"), 0),
    ]
    with pytest.raises(Invalid) as refused:
        set_start_list(context, race_id, entries, actor=official)
    assert refused.value.problems == (
        ("entries[1].lane", "pair 1 already has a skater in the inner lane"),
        ("entries[4].pair", "pair 2 already has two skaters"),
        ("entries[5].skater", "anna  visser is already on the list (entries[0])"),
        ("entries[6].pair", "pair 0: pair numbers start at 1"),
    )
    assert _entries(context, race_id) == [], "nothing was stored"


def test_a_new_list_keeps_recorded_results(context: Context, official: User) -> None:
    race_id, (anna, bea, cara) = live_race(context, official)
    record_result(context, anna, Outcome(Time(38000, 2)), actor=official)
    ids = set_start_list(
        context,
        race_id,
        [StartEntry(ANNA, 1, Lane.INNER), StartEntry(DANA, 1, Lane.OUTER), StartEntry(BEA, 2)],
        actor=official,
    )
    assert ids[0] == anna
    assert ids[2] == bea, "a skater keeps their result row"
    assert cara not in ids
    assert _entries(context, race_id) == [
        ("Anna Visser", 1, Lane.INNER),
        ("Dana Dahl", 1, Lane.OUTER),
        ("Bea Berg", 2, None),
    ]


def test_a_recorded_result_is_neither_moved_nor_removed(context: Context, official: User) -> None:
    race_id, (anna, _, _) = live_race(context, official)
    record_result(context, anna, Outcome(Time(38000, 2)), actor=official)
    with pytest.raises(Invalid, match="Anna Visser has a recorded result in pair 1"):
        set_start_list(context, race_id, [StartEntry(ANNA, 2, Lane.INNER)], actor=official)
    with pytest.raises(Invalid, match="Anna Visser has a recorded result or passages"):
        set_start_list(context, race_id, [StartEntry(BEA, 1)], actor=official)
    assert len(_entries(context, race_id)) == 3


def test_the_list_is_fixed_once_the_race_is_unofficial(context: Context, official: User) -> None:
    race_id, _ = live_race(context, official)
    change_race_state(context, race_id, RaceState.UNOFFICIAL, actor=official)
    with pytest.raises(Conflict, match=f"race {race_id} is unofficial"):
        set_start_list(context, race_id, [StartEntry(ANNA, 1)], actor=official)


def test_an_unknown_race(context: Context, official: User) -> None:
    with pytest.raises(NotFound, match="race 404 not found"):
        set_start_list(context, 404, [StartEntry(ANNA, 1)], actor=official)
