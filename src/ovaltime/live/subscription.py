"""One viewer's subscription: a bounded queue of messages, read on the event loop.

The hub pushes messages from the event loop; the viewer's stream reads them with ``async for``.
A viewer that falls ``queue_size`` messages behind would otherwise hold memory without limit
or slow the hub for every other viewer, so on overflow its backlog is thrown away and replaced
by a single ``reset`` (refetch everything); the subscription stays open and carries on with
the messages that come after. Closing it (``close()``, leaving its ``with`` block, or the
broker stopping) ends the ``async for``.

A stream serving thousands of viewers reads without ``next()``'s timeout instead: ``take()``
pops what is queued, and ``wait()`` gives one future that completes when there is more to
read, the subscription closes, or ``wake()`` is called (by the stream's own timer). Waiting
then costs that one future per message and viewer.
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
        self._waiter: asyncio.Future[None] | None = None
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
        self.wake()

    def close(self) -> None:
        """Stop receiving; a pending ``async for`` ends once the queued messages are read."""
        if not self._closed:
            self._closed = True
            self.wake()
            self._on_close(self)

    def wake(self) -> None:
        """Complete the future of a pending ``wait()``, if there is one (on the event loop)."""
        waiter = self._waiter
        if waiter is not None:
            self._waiter = None
            if not waiter.done():
                waiter.set_result(None)

    def take(self) -> Message | None:
        """The next queued message, or ``None`` when none is queued (never waits)."""
        return self._queue.popleft() if self._queue else None

    def wait(self) -> asyncio.Future[None]:
        """A future that completes when a message is queued, the subscription is closed or
        ``wake()`` is called; already complete when a message is waiting or it is closed.
        A later ``wait()`` replaces the pending future (the owner waits on one at a time)."""
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        if self._queue or self._closed:
            waiter.set_result(None)
        else:
            self._waiter = waiter
        return waiter

    async def next(self, timeout: float | None = None) -> Message | None:
        """The next message, waiting at most ``timeout`` seconds (forever when ``None``);
        ``None`` when the subscription is closed and drained, ``TimeoutError`` on timeout."""
        while not self._queue:
            if self._closed:
                return None
            async with asyncio.timeout(timeout):
                await self.wait()
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
