"""Helpers for the live stream over HTTP: a real server on loopback, and SSE parsing."""

from __future__ import annotations

import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass

import uvicorn
from fastapi import FastAPI

from ovaltime.live import Broker
from ovaltime.web.live import live_router
from tests.live.helpers import TIMEOUT, wait_until
from tests.pg import free_port


def bare_app(broker: Broker, ping_seconds: float = 15.0, send_timeout: float = 30.0) -> FastAPI:
    """A plain FastAPI app with the live router, starting and stopping ``broker``."""

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        await broker.start()
        try:
            yield
        finally:
            await broker.stop()

    app = FastAPI(lifespan=lifespan)
    app.state.broker = broker
    app.include_router(live_router(ping_seconds=ping_seconds, send_timeout=send_timeout))
    return app


@contextmanager
def serving(app: FastAPI) -> Iterator[str]:
    """Serve ``app`` with uvicorn in a thread on a free loopback port; yields the base URL."""
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=free_port(),
        log_level="warning",
        lifespan="on",
        timeout_graceful_shutdown=2,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="test uvicorn", daemon=True)
    thread.start()
    try:
        wait_until(lambda: server.started or not thread.is_alive())
        assert server.started, "the test server did not start"
        yield f"http://127.0.0.1:{config.port}"
    finally:
        server.should_exit = True
        thread.join(TIMEOUT)
        assert not thread.is_alive(), "the test server did not stop"


@dataclass(frozen=True)
class Sse:
    """One server-sent event as read off the wire."""

    id: str | None
    event: str | None
    data: str


def read_events(lines: Iterator[str], count: int, comments: list[str] | None = None) -> list[Sse]:
    """The next ``count`` events from an SSE response's lines (comments go to ``comments``).

    Fails after ``TIMEOUT`` seconds even while keep-alive comments keep the stream busy."""
    deadline = time.monotonic() + TIMEOUT
    events: list[Sse] = []
    fields: dict[str, str] = {}
    for line in lines:
        if time.monotonic() > deadline:
            raise AssertionError(f"only {len(events)} of {count} events after {TIMEOUT} s")
        if line.startswith(":"):
            if comments is not None:
                comments.append(line)
            continue
        if not line:
            if "data" in fields:
                events.append(Sse(fields.get("id"), fields.get("event"), fields["data"]))
                if len(events) == count:
                    return events
            fields = {}
            continue
        name, _, value = line.partition(":")
        fields[name] = value.removeprefix(" ")
    raise AssertionError(f"the stream ended after {len(events)} of {count} events: {events}")
