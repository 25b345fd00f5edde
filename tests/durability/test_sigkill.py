"""Durability of ``ovaltime serve``: nothing acknowledged is lost when the server is killed.

A real server process records a burst of results sent over HTTP by a few client threads and is
killed with SIGKILL halfway through, with requests in flight. Restarted on the same database, it
must hold every result it acknowledged with a 2xx, with its exact time, and nothing half-written:
each recorded result has exactly one audit row saying so, and each audit row its result. Two
corrections sent at once from the same version: one is accepted, the other gets 409 and changes
nothing. Each test runs on SQLite and on a real PostgreSQL server.
"""

from __future__ import annotations

import signal
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import select

from ovaltime.core.results import Skater
from ovaltime.core.states import Gender, Lane, RaceState
from ovaltime.core.times import Time
from ovaltime.services.competitions import add_race, create_competition
from ovaltime.services.races import change_race_state
from ovaltime.services.results import Outcome, record_result
from ovaltime.services.start_list import StartEntry, set_start_list
from ovaltime.services.unit import open_context
from ovaltime.services.users import Role, add_user
from ovaltime.store.audit import AuditRow
from ovaltime.store.engine import make_engine, read_session
from ovaltime.store.tables import ResultRow
from tests.served import Server, serving

#: Results in the burst, client threads sending them, acknowledgements before the kill.
BURST = 1000
THREADS = 4
KILL_AFTER = 500
#: No single wait in these tests is longer.
TIMEOUT = 30.0
LANES = (Lane.INNER, Lane.OUTER)


@dataclass(frozen=True)
class Race:
    """A live race set up through the services, and an official's API token."""

    competition_id: int
    position: int
    result_ids: tuple[int, ...]
    token: str


def live_race(database: str, skaters: int) -> Race:
    """A competition with one live 500 m of ``skaters`` skaters in pairs, set up directly
    through the services before the server starts."""
    context = open_context(database)
    try:
        user, token = add_user(context, "secretary", Role.OFFICIAL)
        competition_id = create_competition(context, "Durability Cup", venue="Thialf")
        race_id, position = add_race(context, competition_id, distance=500, gender=Gender.WOMEN)
        entries = [
            StartEntry(Skater(f"Skater {n:04d}", "NED"), n // 2 + 1, LANES[n % 2])
            for n in range(skaters)
        ]
        result_ids = set_start_list(context, race_id, entries, actor=user)
        change_race_state(context, race_id, RaceState.LIVE, actor=user)
    finally:
        context.engine.dispose()
    return Race(competition_id, position, tuple(result_ids), token)


def time_of(index: int) -> int:
    """A distinct time in thousandths for the ``index``-th result of the burst."""
    return 34_000 + 7 * index


def text_of(thousandths: int) -> str:
    """The time as an official types it: ``34.007``."""
    return f"{thousandths // 1000}.{thousandths % 1000:03d}"


@dataclass
class Burst:
    """What the clients saw: the responses acknowledged (by result id), other responses, and
    requests whose answer never came (the server died under them)."""

    acknowledged: dict[int, dict[str, Any]]
    refused: list[str]
    lost: int


def burst_and_kill(server: Server, race: Race) -> Burst:
    """Record ``BURST`` results from ``THREADS`` threads; SIGKILL the server once ``KILL_AFTER``
    are acknowledged. The threads stop at their first transport error."""
    outcome = Burst({}, [], 0)
    lock = threading.Lock()
    half = threading.Event()
    todo = iter(enumerate(race.result_ids[:BURST]))
    headers = {"Authorization": f"Bearer {race.token}"}

    def client() -> None:
        with httpx.Client(base_url=server.base, headers=headers, timeout=TIMEOUT) as http:
            while True:
                with lock:
                    index, result_id = next(todo, (-1, -1))
                if index < 0:
                    return
                body = {"time": text_of(time_of(index))}
                try:
                    response = http.post(f"/api/results/{result_id}", json=body)
                except httpx.TransportError:
                    with lock:
                        outcome.lost += 1
                    return
                with lock:
                    if response.is_success:
                        outcome.acknowledged[result_id] = {"index": index, **response.json()}
                        if len(outcome.acknowledged) >= KILL_AFTER:
                            half.set()
                    else:
                        refusal = f"{result_id}: {response.status_code} {response.text}"
                        outcome.refused.append(refusal)
                        half.set()

    threads = [threading.Thread(target=client, name=f"burst {n}") for n in range(THREADS)]
    for thread in threads:
        thread.start()
    try:
        assert half.wait(TIMEOUT), f"fewer than {KILL_AFTER} results acknowledged in {TIMEOUT} s"
    finally:
        server.process.send_signal(signal.SIGKILL)
        server.process.wait(timeout=TIMEOUT)
        for thread in threads:
            thread.join(TIMEOUT)
    assert not any(thread.is_alive() for thread in threads), "a client thread did not stop"
    return outcome


def test_a_killed_server_keeps_every_acknowledged_result(database_url: str, tmp_path: Path) -> None:
    race = live_race(database_url, BURST + 2)
    with serving(database_url, tmp_path, name="first") as first:
        burst = burst_and_kill(first, race)
    assert first.process.returncode == -signal.SIGKILL
    assert not burst.refused, burst.refused
    acknowledged = burst.acknowledged
    assert KILL_AFTER <= len(acknowledged) < BURST, "the kill came after the burst"
    assert burst.lost > 0, "no request was cut off by the kill"

    with serving(database_url, tmp_path, name="second") as second:
        http = httpx.Client(
            base_url=second.base,
            headers={"Authorization": f"Bearer {race.token}"},
            timeout=TIMEOUT,
        )
        with http:
            race_path = f"/api/competitions/{race.competition_id}/races/{race.position}"
            audit = http.get(f"{race_path}/audit").raise_for_status().json()["audit"]
            shown = http.get(race_path).raise_for_status().json()
            # The restarted server takes new results on the same database.
            spare = race.result_ids[BURST]
            after = http.post(f"/api/results/{spare}", json={"time": "36.001"})
            assert after.status_code == 200, after.text

    records = {row["result_id"]: row for row in audit if row["action"] == "record"}
    assert len(records) == sum(row["action"] == "record" for row in audit), "a result twice"
    entries = {e["result_id"]: e for pair in shown["pairs"] for e in pair["entries"]}
    for result_id, ack in acknowledged.items():
        expected = time_of(ack["index"])
        record = records.get(result_id)
        assert record is not None, f"acknowledged result {result_id} has no audit row"
        assert record["id"] == ack["audit_id"]
        assert record["after"]["time"] == expected
        assert record["after"]["version"] == ack["version"]
        assert entries[result_id]["recorded"], f"acknowledged result {result_id} is missing"
        assert entries[result_id]["version"] == ack["version"]

    engine = make_engine(database_url)
    try:
        with read_session(engine) as session:
            stored = {
                row.id: row.time_thousandths
                for row in session.scalars(select(ResultRow).where(ResultRow.status.is_not(None)))
            }
            audited = {
                row.result_id: row.after
                for row in session.scalars(select(AuditRow).where(AuditRow.action == "record"))
            }
    finally:
        engine.dispose()
    stored.pop(spare)
    audited.pop(spare)
    for result_id, ack in acknowledged.items():
        assert stored[result_id] == time_of(ack["index"]), f"result {result_id}: wrong time"
    # Nothing half-written: a recorded result has its audit row and an audit row its result,
    # with the same time; beyond the acknowledged, at most the requests cut off by the kill.
    assert set(stored) == set(audited)
    assert all((audited[r] or {}).get("time") == t for r, t in stored.items())
    assert len(stored) - len(acknowledged) <= burst.lost
    print(
        f"{len(acknowledged)} of {BURST} acknowledged before SIGKILL, all present after the "
        f"restart; {len(stored) - len(acknowledged)} of {burst.lost} cut off were committed"
    )


def test_two_conflicting_corrections_one_wins_one_gets_409(
    database_url: str, tmp_path: Path
) -> None:
    race = live_race(database_url, 2)
    anna = race.result_ids[0]
    context = open_context(database_url)
    try:
        secretary = add_user(context, "referee", Role.OFFICIAL)[0]
        seen = record_result(context, anna, Outcome(Time(37_340)), actor=secretary).version
    finally:
        context.engine.dispose()
    times = {"37.350": 37_350, "37.360": 37_360}
    barrier = threading.Barrier(len(times), timeout=TIMEOUT)
    answers: dict[str, httpx.Response] = {}

    with serving(database_url, tmp_path, name="corrections") as server:
        headers = {"Authorization": f"Bearer {race.token}"}

        def correct(text: str) -> None:
            with httpx.Client(base_url=server.base, headers=headers, timeout=TIMEOUT) as http:
                http.get("/api/competitions").raise_for_status()  # connected before the start
                body = {"time": text, "version": seen, "reason": f"photo finish says {text}"}
                barrier.wait()
                answers[text] = http.patch(f"/api/results/{anna}", json=body)

        threads = [threading.Thread(target=correct, args=(text,)) for text in times]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(TIMEOUT)
        assert not any(thread.is_alive() for thread in threads)
        audit = httpx.get(f"{server.base}/api/results/{anna}/audit", timeout=TIMEOUT)
        audit.raise_for_status()

    statuses = sorted(response.status_code for response in answers.values())
    assert statuses == [200, 409], {t: r.text for t, r in answers.items()}
    (winner,) = [text for text, response in answers.items() if response.status_code == 200]
    (loser,) = [text for text, response in answers.items() if response.status_code == 409]
    assert answers[loser].json()["error"]["code"] == "stale_version"
    assert answers[winner].json()["version"] == seen + 1
    rows = audit.json()["audit"]
    assert [row["action"] for row in rows] == ["record", "correct"]
    correction = rows[1]
    assert correction["before"]["time"] == 37_340
    assert correction["after"]["time"] == times[winner]
    assert correction["reason"] == f"photo finish says {winner}"
