"""One viewer's subscription: a bounded queue of messages, read on the event loop.

The hub pushes messages from the event loop; the viewer's stream reads them with ``async for``.
A viewer that falls ``queue_size`` messages behind would otherwise hold memory without limit
or slow the hub for every other viewer, so on overflow its backlog is thrown away and replaced
by a single ``reset`` (refetch everything); the subscription stays open and carries on with
the messages that come after. Closing it (``close()``, leaving its ``with`` block, or the
broker stopping) ends the ``async for``.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable
from types import TracebackType

from ovaltime.live.messages import RESET, Message

__all__ = ["Subscription"]


class Subscription:
    """Messages of one competition for one viewer, oldest first."""

    def __init__(
        self,
        competition_id: int,
        queue_size: int,
        on_close: Callable[[Subscription], None],
    ) -> None:
        if queue_size < 2:
            raise ValueError(f"queue_size must be at least 2, not {queue_size}")
        self.competition_id = competition_id
        self.queue_size = queue_size
        #: How many times this viewer fell behind and was sent a ``reset`` instead.
        self.overflows = 0
        self._queue: deque[Message] = deque()
        self._ready = asyncio.Event()
        self._closed = False
        self._on_close = on_close

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def pending(self) -> int:
        """Messages waiting to be read."""
        return len(self._queue)

    def push(self, message: Message) -> None:
        """Queue ``message`` (on the event loop). Never blocks: on overflow the backlog becomes
        one ``reset`` carrying the newest id, so the viewer resumes after it."""
        if self._closed:
            return
        if len(self._queue) >= self.queue_size:
            self.overflows += 1
            self._queue.clear()
            message = Message(
                message.competition_id,
                message.id,
                RESET,
                {"reason": "the viewer fell behind; refetch everything shown"},
            )
        self._queue.append(message)
        self._ready.set()

    def close(self) -> None:
        """Stop receiving; a pending ``async for`` ends once the queued messages are read."""
        if not self._closed:
            self._closed = True
            self._ready.set()
            self._on_close(self)

    async def next(self, timeout: float | None = None) -> Message | None:
        """The next message, waiting at most ``timeout`` seconds (forever when ``None``);
        ``None`` when the subscription is closed and drained, ``TimeoutError`` on timeout."""
        while not self._queue:
            if self._closed:
                return None
            self._ready.clear()
            async with asyncio.timeout(timeout):
                await self._ready.wait()
        return self._queue.popleft()

    def __aiter__(self) -> Subscription:
        return self

    async def __anext__(self) -> Message:
        message = await self.next()
        if message is None:
            raise StopAsyncIteration
        return message

    def __enter__(self) -> Subscription:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
