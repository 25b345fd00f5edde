"""The broker: a ``Publisher`` for the services, and subscriptions for live viewers.

Services publish from synchronous code, often in a worker thread, after their commit; viewers
subscribe on the asyncio event loop. ``Broker`` holds the loop-side ``Hub`` and the handoff
between the two; ``LocalBroker`` numbers messages itself and serves one process (SQLite, or
tests); ``PostgresBroker`` (``ovaltime.live.postgres``) shares them between worker processes.

``publish`` never raises: the write it announces is committed and must not be reported as
failed, so a broker that cannot deliver logs the failure.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from abc import ABC, abstractmethod

from ovaltime.live.hub import Hub
from ovaltime.live.messages import Message, event_name, event_payload
from ovaltime.live.subscription import Subscription
from ovaltime.services.events import Event

__all__ = ["DEFAULT_BUFFER_SIZE", "DEFAULT_QUEUE_SIZE", "Broker", "LocalBroker"]

_log = logging.getLogger(__name__)

#: Messages kept per competition for viewers that reconnect.
DEFAULT_BUFFER_SIZE = 1000
#: Messages a viewer may fall behind before its backlog is replaced by a ``reset``.
DEFAULT_QUEUE_SIZE = 256


class Broker(ABC):
    """Fans published events out to the subscribers of their competition, in id order.

    ``start()`` binds the broker to the running event loop (call it in the app's lifespan);
    ``subscribe`` binds it too when called first. ``stop()`` closes every subscription.
    """

    def __init__(self, *, floor: int, buffer_size: int, queue_size: int) -> None:
        self.hub = Hub(floor=floor, buffer_size=buffer_size, queue_size=queue_size)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._lock = threading.Lock()

    @abstractmethod
    def publish(self, event: Event) -> None:
        """Announce a committed event to every viewer of its competition (any thread)."""

    async def start(self) -> None:
        """Bind to the running event loop; subclasses also start listening here."""
        self._attach()

    async def stop(self) -> None:
        """Close every subscription and let go of the loop."""
        self.hub.close_all()
        with self._lock:
            self._loop = None

    def close_subscriptions(self) -> None:
        """Close every subscription now, on the loop, and keep running: the server is stopping
        and its streams must end before it waits for its last responses."""
        self.hub.close_all()

    def subscribe(self, competition_id: int, last_event_id: int | None = None) -> Subscription:
        """Follow a competition; see ``Hub.subscribe`` for what ``last_event_id`` replays.

        Call it on the event loop; use the result in a ``with`` block so that it is closed."""
        self._attach()
        return self.hub.subscribe(competition_id, last_event_id)

    def subscriber_count(self, competition_id: int) -> int:
        """How many viewers follow the competition in this process."""
        return self.hub.subscriber_count(competition_id)

    def latest_id(self, competition_id: int) -> int:
        """The newest message id this process knows for the competition; call it on the loop
        right after ``subscribe`` to learn where a new viewer starts."""
        return self.hub.latest_id(competition_id)

    def _attach(self) -> None:
        loop = asyncio.get_running_loop()
        with self._lock:
            if self._loop is None:
                self._loop = loop
            elif self._loop is not loop:
                raise RuntimeError("the broker is already bound to another event loop")

    def _hand_over(self, message: Message) -> None:
        """Pass ``message`` to the hub on the loop; call it holding ``self._lock``, so that
        messages reach the loop in the order their ids were taken (the loop's queue is FIFO).
        Before a loop is bound there is no subscriber, and the hub is filled directly."""
        if self._loop is not None:
            try:
                self._loop.call_soon_threadsafe(self.hub.deliver, message)
                return
            except RuntimeError:  # the loop has closed without stop()
                self._loop = None
        self.hub.deliver(message)


class LocalBroker(Broker):
    """The broker of a single process: ids come from a counter.

    The counter starts at the clock in milliseconds, so a restarted server never hands out an
    id a viewer saw before the restart (such a viewer gets a ``reset``, not someone else's
    messages). Pass ``first_id`` to start elsewhere (tests).
    """

    def __init__(
        self,
        *,
        first_id: int | None = None,
        buffer_size: int = DEFAULT_BUFFER_SIZE,
        queue_size: int = DEFAULT_QUEUE_SIZE,
    ) -> None:
        start = time.time_ns() // 1_000_000 if first_id is None else first_id
        super().__init__(floor=start - 1, buffer_size=buffer_size, queue_size=queue_size)
        self._last_id = start - 1

    def publish(self, event: Event) -> None:
        try:
            name, data = event_name(event), event_payload(event)
            with self._lock:
                self._last_id += 1
                self._hand_over(Message(event.competition_id, self._last_id, name, data))
        except Exception:
            _log.exception("live update of %r not delivered", event)
