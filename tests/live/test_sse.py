"""The SSE endpoint over real HTTP: uvicorn on a loopback port, httpx reading the stream."""

from __future__ import annotations

import json

import httpx
import pytest

from ovaltime.live import LocalBroker, PostgresBroker
from ovaltime.web.live import parse_last_event_id
from tests.live.helpers import TIMEOUT, recorded, wait_until
from tests.live.http import bare_app, read_events, serving

URL = "/api/competitions/{}/events"
#: What EventSource sends; without it the endpoint answers with JSON.
STREAM = {"Accept": "text/event-stream"}


def test_a_viewer_follows_disconnects_and_resumes_with_last_event_id() -> None:
    broker = LocalBroker(first_id=1)
    with (
        serving(bare_app(broker)) as base,
        httpx.Client(base_url=base, timeout=TIMEOUT, headers=STREAM) as client,
    ):
        with client.stream("GET", URL.format(3)) as response:
            assert response.status_code == 200
            assert response.headers["content-type"].startswith("text/event-stream")
            lines = response.iter_lines()
            (ready,) = read_events(lines, 1)
            assert (ready.event, ready.id, json.loads(ready.data)) == (
                "ready",
                "0",
                {"competition_id": 3},
            )
            for result_id in (31, 32, 33):
                broker.publish(recorded(3, result_id))
            broker.publish(recorded(4, 40))  # another competition: not on this stream
            events = read_events(lines, 3)
        assert [(e.id, e.event) for e in events] == [
            ("1", "result-recorded"),
            ("2", "result-recorded"),
            ("3", "result-recorded"),
        ]
        assert json.loads(events[0].data) == {
            "competition_id": 3,
            "race_id": 7,
            "result_id": 31,
            "version": 1,
        }
        wait_until(lambda: broker.subscriber_count(3) == 0)  # the server saw the client go

        broker.publish(recorded(3, 34))  # missed while away: ids 5 and 6
        broker.publish(recorded(3, 35))
        with client.stream("GET", URL.format(3), headers={"Last-Event-ID": "3"}) as response:
            lines = response.iter_lines()
            missed = read_events(lines, 2)
            assert [(e.id, json.loads(e.data)["result_id"]) for e in missed] == [
                ("5", 34),
                ("6", 35),
            ]
            broker.publish(recorded(3, 36))
            (live,) = read_events(lines, 1)  # nothing else was replayed before it
            assert (live.id, json.loads(live.data)["result_id"]) == ("7", 36)

        with client.stream("GET", URL.format(3), params={"lastEventId": "6"}) as response:
            (only,) = read_events(response.iter_lines(), 1)
            assert only.id == "7"


@pytest.mark.parametrize("last", ["0", "abc", "999"])
def test_a_resume_the_server_cannot_serve_is_told_to_refetch(last: str) -> None:
    broker = LocalBroker(first_id=1, buffer_size=2)
    with (
        serving(bare_app(broker)) as base,
        httpx.Client(base_url=base, timeout=TIMEOUT, headers=STREAM) as client,
    ):
        for result_id in range(1, 6):
            broker.publish(recorded(1, result_id))
        with client.stream("GET", URL.format(1), headers={"Last-Event-ID": last}) as response:
            (reset,) = read_events(response.iter_lines(), 1)
    assert (reset.event, reset.id) == ("reset", "5")
    assert "refetch" in json.loads(reset.data)["reason"]


def test_an_idle_stream_gets_keep_alive_comments() -> None:
    broker = LocalBroker(first_id=1)
    app = bare_app(broker, ping_seconds=0.2)
    with (
        serving(app) as base,
        httpx.Client(base_url=base, timeout=TIMEOUT, headers=STREAM) as client,
        client.stream("GET", URL.format(1)) as response,
    ):
        lines = response.iter_lines()
        read_events(lines, 1)  # ready
        line = next(lines)
        while not line.startswith(":"):
            line = next(lines)
        broker.publish(recorded(1, 1))
        (event,) = read_events(lines, 1)
    assert line.startswith(": ping")
    assert event.id == "1"


def test_the_stream_needs_a_broker_and_a_competition_id() -> None:
    from fastapi import FastAPI

    from ovaltime.web.live import router

    app = FastAPI()
    app.include_router(router)
    with (
        serving(app) as base,
        httpx.Client(base_url=base, timeout=TIMEOUT, headers=STREAM) as client,
    ):
        assert client.get(URL.format(1)).status_code == 503
        assert client.get(URL.format("x")).status_code == 422


def test_a_client_that_does_not_accept_the_stream_gets_its_position_as_json() -> None:
    broker = LocalBroker(first_id=1)
    with serving(bare_app(broker)) as base, httpx.Client(base_url=base, timeout=TIMEOUT) as client:
        assert client.get(URL.format(2)).json() == {"competition_id": 2, "last_event_id": 0}
        broker.publish(recorded(2, 1))
        wait_until(lambda: broker.latest_id(2) == 1)
        response = client.get(URL.format(2), headers={"Accept": "application/json"})
        assert response.json() == {"competition_id": 2, "last_event_id": 1}


def test_parse_last_event_id() -> None:
    assert parse_last_event_id(None) is None
    assert parse_last_event_id(" ") is None
    assert parse_last_event_id("42") == 42
    assert parse_last_event_id("4.2") == -1


def test_viewers_on_two_postgres_workers_get_the_same_stream(postgres_url: str) -> None:
    one, two = PostgresBroker(postgres_url), PostgresBroker(postgres_url)
    with (
        serving(bare_app(one)) as base_one,
        serving(bare_app(two)) as base_two,
        httpx.Client(timeout=TIMEOUT, headers=STREAM) as client,
        client.stream("GET", base_one + URL.format(1)) as at_one,
        client.stream("GET", base_two + URL.format(1)) as at_two,
    ):
        lines_one, lines_two = at_one.iter_lines(), at_two.iter_lines()
        read_events(lines_one, 1)
        read_events(lines_two, 1)
        one.publish(recorded(1, 1))
        two.publish(recorded(1, 2))
        seen_one, seen_two = read_events(lines_one, 2), read_events(lines_two, 2)
    assert seen_one == seen_two
    assert [json.loads(e.data)["result_id"] for e in seen_one] == [1, 2]
