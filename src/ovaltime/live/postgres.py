"""Sharing live messages between worker processes with PostgreSQL ``LISTEN``/``NOTIFY``.

**Publishing** (any thread): one short transaction on the broker's own connection takes a
transaction-level advisory lock for the competition, draws the message id from the sequence
``ovaltime_live_ids`` and sends the whole message as JSON with ``pg_notify('ovaltime_live',
…)``. PostgreSQL delivers a notification when its transaction commits, and the lock is held
until then, so within a competition ids and delivery order agree on every worker; the id
travels in the payload, so every worker shows the same id for the same message.

**Listening** (the event loop): one connection per worker process runs ``LISTEN
ovaltime_live`` and feeds every notification, including the worker's own, to its hub: local
viewers get a message only from there, in the same order everywhere. If that connection drops,
it reconnects every ``reconnect_delay`` seconds; as notifications sent in between are lost,
each viewer then gets a ``reset``. A heartbeat query every ``heartbeat`` seconds notices a dead
connection that the network did not report.

The sequence is created on first use (``CREATE SEQUENCE IF NOT EXISTS`` under an advisory
lock, safe when several workers start at once); it is the live stream's own object, not part
of the competition schema.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from typing import Any

import psycopg
from sqlalchemy.engine import make_url

from ovaltime.live.broker import DEFAULT_BUFFER_SIZE, DEFAULT_QUEUE_SIZE, Broker
from ovaltime.live.messages import Message, event_name, event_payload
from ovaltime.services.events import Event

__all__ = ["CHANNEL", "MAX_PAYLOAD_BYTES", "SEQUENCE", "PostgresBroker", "conninfo"]

_log = logging.getLogger(__name__)

CHANNEL = "ovaltime_live"
SEQUENCE = "ovaltime_live_ids"
#: PostgreSQL refuses notification payloads of 8000 bytes or more.
MAX_PAYLOAD_BYTES = 7999
#: First key of ovaltime's advisory locks (the second is the competition id).
_LOCK_SPACE = 0x6F76_6C76  # "ovlv"
_SEQUENCE_LOCK = -1


def conninfo(database_url: str) -> str:
    """A libpq connection string for a SQLAlchemy URL (``postgresql+psycopg://…``)."""
    url = make_url(database_url)
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def fit_payload(message: Message) -> str:
    """The message as JSON under PostgreSQL's payload limit: if too long, its list fields
    (result ids of a start list) are left out and ``truncated`` is set, so viewers refetch."""
    text = message.to_json()
    if len(text.encode()) <= MAX_PAYLOAD_BYTES:
        return text
    data = {k: v for k, v in message.data.items() if not isinstance(v, list | dict)}
    data["truncated"] = True
    return Message(message.competition_id, message.id, message.event, data).to_json()


class PostgresBroker(Broker):
    """A broker whose messages pass through PostgreSQL, for several worker processes."""

    def __init__(
        self,
        database_url: str,
        *,
        buffer_size: int = DEFAULT_BUFFER_SIZE,
        queue_size: int = DEFAULT_QUEUE_SIZE,
        reconnect_delay: float = 1.0,
        heartbeat: float = 10.0,
    ) -> None:
        super().__init__(floor=0, buffer_size=buffer_size, queue_size=queue_size)
        self.conninfo = conninfo(database_url)
        self.reconnect_delay = reconnect_delay
        self.heartbeat = heartbeat
        #: How many times the listening connection was re-established.
        self.reconnects = 0
        #: The server process id of the listening connection (while connected).
        self.listener_pid: int | None = None
        self._publish_lock = threading.Lock()
        self._publisher: psycopg.Connection[Any] | None = None
        self._task: asyncio.Task[None] | None = None

    # --- publishing (any thread) ------------------------------------------------------------

    def publish(self, event: Event) -> None:
        try:
            name, data = event_name(event), event_payload(event)
            with self._publish_lock:
                try:
                    self._notify(event.competition_id, name, data)
                except psycopg.OperationalError:
                    _log.warning("live: publishing connection lost; reconnecting once")
                    self._close_publisher()
                    self._notify(event.competition_id, name, data)
        except Exception:
            _log.exception("live update of %r not delivered", event)

    def _notify(self, competition_id: int, name: str, data: dict[str, Any]) -> None:
        if self._publisher is None or self._publisher.closed:
            connection = psycopg.connect(self.conninfo, autocommit=True, connect_timeout=10)
            _ensure_sequence(connection)
            self._publisher = connection
        connection = self._publisher
        with connection.transaction():
            connection.execute(
                "SELECT pg_advisory_xact_lock(%s, %s)", (_LOCK_SPACE, competition_id % 2**31)
            )
            row = connection.execute("SELECT nextval(%s)", (SEQUENCE,)).fetchone()
            assert row is not None
            payload = fit_payload(Message(competition_id, int(row[0]), name, data))
            connection.execute("SELECT pg_notify(%s, %s)", (CHANNEL, payload))

    def _close_publisher(self) -> None:
        if self._publisher is not None:
            with contextlib.suppress(psycopg.Error):
                self._publisher.close()
            self._publisher = None

    # --- listening (the event loop) ---------------------------------------------------------

    async def start(self) -> None:
        """Bind to the loop, connect and ``LISTEN`` (raising if the database cannot be
        reached), then keep listening in a task until ``stop()``."""
        await super().start()
        if self._task is not None:
            return
        connection = await self._listen(first=True)
        self._task = asyncio.get_running_loop().create_task(
            self._run(connection), name="ovaltime live listener"
        )

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        with self._publish_lock:
            self._close_publisher()
        await super().stop()

    async def _listen(self, *, first: bool) -> psycopg.AsyncConnection[Any]:
        """A new listening connection. The hub is complete for ids above the sequence's value
        read after ``LISTEN``; after a reconnection every viewer is sent a ``reset``."""
        connection = await psycopg.AsyncConnection.connect(
            self.conninfo, autocommit=True, connect_timeout=10
        )
        try:
            await connection.execute(f"LISTEN {CHANNEL}")
            async with connection.transaction():
                await connection.execute(
                    "SELECT pg_advisory_xact_lock(%s, %s)", (_LOCK_SPACE, _SEQUENCE_LOCK)
                )
                await connection.execute(f"CREATE SEQUENCE IF NOT EXISTS {SEQUENCE}")
            cursor = await connection.execute(f"SELECT last_value, is_called FROM {SEQUENCE}")
            row = await cursor.fetchone()
            assert row is not None
            floor = int(row[0]) if row[1] else int(row[0]) - 1
        except BaseException:
            await connection.close()
            raise
        if first:
            self.hub.floor = floor
        else:
            self.reconnects += 1
            self.hub.reset_all(floor, "live updates may have been missed; refetch everything")
        self.listener_pid = connection.info.backend_pid
        return connection

    async def _run(self, connection: psycopg.AsyncConnection[Any]) -> None:
        while True:
            try:
                async with connection:
                    await self._receive(connection)
            except (psycopg.Error, OSError) as error:
                _log.warning("live: listening connection lost (%s); reconnecting", error)
            self.listener_pid = None
            connection = await self._reconnect()

    async def _receive(self, connection: psycopg.AsyncConnection[Any]) -> None:
        while True:
            async for notify in connection.notifies(timeout=self.heartbeat):
                try:
                    message = Message.from_json(notify.payload)
                except ValueError as error:
                    _log.warning("live: unreadable notification skipped: %s", error)
                    continue
                self.hub.deliver(message)
            await connection.execute("SELECT 1")

    async def _reconnect(self) -> psycopg.AsyncConnection[Any]:
        while True:
            await asyncio.sleep(self.reconnect_delay)
            try:
                return await self._listen(first=False)
            except (psycopg.Error, OSError) as error:
                _log.warning("live: cannot listen yet (%s); retrying", error)


def _ensure_sequence(connection: psycopg.Connection[Any]) -> None:
    with connection.transaction():
        connection.execute("SELECT pg_advisory_xact_lock(%s, %s)", (_LOCK_SPACE, _SEQUENCE_LOCK))
        connection.execute(f"CREATE SEQUENCE IF NOT EXISTS {SEQUENCE}")
