"""The live stream's own ASGI response (``ovaltime.web.sse``) over real HTTP: what it sends,
and how a viewer's subscription ends (client gone, send timeout, server stopping)."""

from __future__ import annotations

import json
import signal
import socket
import struct
import time
from pathlib import Path

import httpx
from fastapi import Request

from ovaltime.live import LocalBroker
from ovaltime.services.competitions import create_competition
from ovaltime.services.events import StartListSet
from ovaltime.services.unit import open_context
from tests.live.helpers import TIMEOUT, recorded, wait_until
from tests.live.http import bare_app, read_events, serving
from tests.served import serving as serving_process

URL = "/api/competitions/{}/events"
STREAM = {"Accept": "text/event-stream"}


def connect(base: str, path: str, *, receive_buffer: int | None = None) -> socket.socket:
    """A viewer on a raw socket that has sent its request and read the response head."""
    host, port = base.removeprefix("http://").split(":")
    viewer = socket.socket()
    if receive_buffer is not None:
        viewer.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)
    viewer.settimeout(TIMEOUT)
    viewer.connect((host, int(port)))
    request = f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: text/event-stream\r\n\r\n"
    viewer.sendall(request.encode())
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = viewer.recv(4096)
        assert chunk, f"closed before the head: {head!r}"
        head += chunk
    return viewer


def test_the_stream_head_and_its_first_event() -> None:
    broker = LocalBroker(first_id=1)
    with (
        serving(bare_app(broker)) as base,
        httpx.Client(base_url=base, timeout=TIMEOUT, headers=STREAM) as client,
    ):
        with client.stream("GET", URL.format(5)) as response:
            lines = response.iter_lines()
            head = [next(lines) for _ in range(5)]
        assert response.status_code == 200
        assert response.headers["content-type"] == "text/event-stream; charset=utf-8"
        assert response.headers["cache-control"] == "no-cache"
        assert response.headers["x-accel-buffering"] == "no"
        assert response.headers["transfer-encoding"] == "chunked"
        assert head == ["id: 0", "event: ready", 'data: {"competition_id":5}', "retry: 2000", ""]
        wait_until(lambda: broker.subscriber_count(5) == 0)


def test_a_viewer_that_leaves_releases_its_subscription_at_once() -> None:
    broker = LocalBroker(first_id=1)
    with serving(bare_app(broker)) as base:
        viewers = [connect(base, URL.format(1)) for _ in range(3)]
        wait_until(lambda: broker.subscriber_count(1) == 3)
        viewers[0].close()
        viewers[1].setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        viewers[1].close()  # cut off with a reset rather than a goodbye
        started = time.monotonic()
        wait_until(lambda: broker.subscriber_count(1) == 1, timeout=2.0)
        assert time.monotonic() - started < 2.0
        broker.publish(recorded(1, 1))  # the one left still follows
        data = b""
        while b"result-recorded" not in data:
            chunk = viewers[2].recv(4096)
            assert chunk
            data += chunk
        viewers[2].close()
        wait_until(lambda: broker.subscriber_count(1) == 0, timeout=2.0)


def test_an_idle_stream_gets_a_keep_alive_comment_after_each_quiet_spell() -> None:
    broker = LocalBroker(first_id=1)
    comments: list[str] = []
    with (
        serving(bare_app(broker, ping_seconds=0.2)) as base,
        httpx.Client(base_url=base, timeout=TIMEOUT, headers=STREAM) as client,
        client.stream("GET", URL.format(1)) as response,
    ):
        lines = response.iter_lines()
        read_events(lines, 1)  # ready
        started = time.monotonic()
        while len(comments) < 3:
            line = next(lines)
            if line.startswith(":"):
                comments.append(line)
        quiet = time.monotonic() - started
        broker.publish(recorded(1, 1))
        (event,) = read_events(lines, 1)
    assert comments == [": ping"] * 3
    assert 0.5 <= quiet < 3.0  # three comments 0.2 s apart, not a flood
    assert event.id == "1"


def test_a_viewer_that_stops_reading_is_dropped_after_the_send_timeout() -> None:
    broker = LocalBroker(first_id=1)
    app = bare_app(broker, ping_seconds=0.2, send_timeout=0.5)
    big = StartListSet(1, 2, tuple(range(400_000)))  # about 3 MB of JSON per message
    with (
        serving(app) as base,
        httpx.Client(base_url=base, timeout=TIMEOUT, headers=STREAM) as client,
        client.stream("GET", URL.format(1)) as reader,
    ):
        lines = reader.iter_lines()
        read_events(lines, 1)
        stalled = connect(base, URL.format(1), receive_buffer=4096)  # and never reads again
        wait_until(lambda: broker.subscriber_count(1) == 2)
        for _ in range(4):
            broker.publish(big)
        got = read_events(lines, 4)  # the reader keeps up meanwhile
        wait_until(lambda: broker.subscriber_count(1) == 1, timeout=5.0)
        broker.publish(recorded(1, 1))
        (after,) = read_events(lines, 1)
        stalled.close()
    assert [len(json.loads(e.data)["result_ids"]) for e in got] == [400_000] * 4
    assert after.event == "result-recorded"


def test_closing_the_subscriptions_ends_the_streams_cleanly() -> None:
    broker = LocalBroker(first_id=1)
    app = bare_app(broker)

    @app.post("/close")
    async def close(request: Request) -> dict[str, bool]:  # async: runs on the loop
        request.app.state.broker.close_subscriptions()
        return {"closed": True}

    with (
        serving(app) as base,
        httpx.Client(base_url=base, timeout=TIMEOUT, headers=STREAM) as client,
        client.stream("GET", URL.format(1)) as response,
    ):
        lines = response.iter_lines()
        read_events(lines, 1)
        broker.publish(recorded(1, 1))
        assert client.post("/close").json() == {"closed": True}
        rest = list(lines)  # the body ends: the iteration stops without an error
    assert "event: result-recorded" in rest
    assert broker.subscriber_count(1) == 0


def test_stopping_ovaltime_serve_ends_its_live_streams(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path}/live.db"
    context = open_context(database)
    competition = create_competition(context, "Stop Cup")
    context.engine.dispose()
    with (
        serving_process(database, tmp_path) as server,
        httpx.Client(base_url=server.base, timeout=TIMEOUT, headers=STREAM) as client,
        client.stream("GET", URL.format(competition)) as response,
    ):
        lines = response.iter_lines()
        read_events(lines, 1)
        server.process.send_signal(signal.SIGTERM)
        started = time.monotonic()
        rest = list(lines)  # the body ends once the server closes the subscriptions
        ended = time.monotonic() - started
        server.process.wait(timeout=TIMEOUT)
    assert rest == []
    assert ended < 5.0, server.output()
