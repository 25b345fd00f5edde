"""The per-competition fan-out on the event loop: replay buffers and subscribers.

Everything here runs on one event loop (the brokers hand messages over to it), so no locks.
Each competition has a channel with the last ``buffer_size`` messages and its subscribers.

**Resume.** A channel knows it holds every message with an id above its ``floor`` (the
worker's starting point, raised to the id of each message pushed out of the full buffer). A
viewer reconnecting with the last id it saw, ``last``, is sent exactly the buffered messages
after ``last`` when ``floor <= last <= latest``; otherwise some of what it missed is unknown
here (too old, from before this worker started, or from another worker not seen here yet) and
it is sent one ``reset`` instead. A ``reset`` carries the channel's latest id, so a viewer that
reconnects after refetching resumes from there.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from ovaltime.live.messages import RESET, Message
from ovaltime.live.subscription import Subscription

__all__ = ["Hub"]

_GONE = "the messages after your last id are no longer known here; refetch everything shown"


@dataclass
class _Channel:
    floor: int
    latest: int
    buffer: deque[Message]
    subscribers: set[Subscription] = field(default_factory=set)


class Hub:
    """Channels by competition id; ``deliver`` fans a message out, ``subscribe`` joins one."""

    def __init__(self, *, floor: int, buffer_size: int, queue_size: int) -> None:
        if buffer_size < 1:
            raise ValueError(f"buffer_size must be at least 1, not {buffer_size}")
        self.floor = floor
        self.buffer_size = buffer_size
        self.queue_size = queue_size
        self._channels: dict[int, _Channel] = {}

    def _channel(self, competition_id: int) -> _Channel:
        channel = self._channels.get(competition_id)
        if channel is None:
            channel = _Channel(self.floor, self.floor, deque())
            self._channels[competition_id] = channel
        return channel

    def deliver(self, message: Message) -> None:
        """Buffer ``message`` and queue it for every subscriber of its competition.

        A message whose id is not above the last buffered one (a duplicate) is ignored, so the
        buffer stays in id order."""
        channel = self._channel(message.competition_id)
        if channel.buffer and message.id <= channel.buffer[-1].id:
            return
        if len(channel.buffer) >= self.buffer_size:
            channel.floor = channel.buffer.popleft().id
        channel.buffer.append(message)
        channel.latest = max(channel.latest, message.id)
        for subscriber in list(channel.subscribers):
            subscriber.push(message)

    def subscribe(self, competition_id: int, last_event_id: int | None = None) -> Subscription:
        """A new subscription, already holding what a viewer that saw ``last_event_id`` missed
        (nothing when ``None``: a new viewer reads the current state and then follows)."""
        channel = self._channel(competition_id)
        subscription = Subscription(competition_id, self.queue_size, self._unsubscribe)
        if last_event_id is not None:
            if channel.floor <= last_event_id <= channel.latest:
                for message in channel.buffer:
                    if message.id > last_event_id:
                        subscription.push(message)
            else:
                subscription.push(self._reset(channel, competition_id, _GONE))
        channel.subscribers.add(subscription)
        return subscription

    def reset_all(self, floor: int, reason: str) -> None:
        """Forget every buffered message (some may have been missed) and send each subscriber a
        ``reset``; from now on this worker is complete only above ``floor``."""
        self.floor = max(self.floor, floor)
        for competition_id, channel in self._channels.items():
            channel.buffer.clear()
            channel.floor = max(channel.floor, self.floor)
            channel.latest = max(channel.latest, self.floor)
            for subscriber in list(channel.subscribers):
                subscriber.push(self._reset(channel, competition_id, reason))

    def close_all(self) -> None:
        """Close every subscription (the broker is stopping): their streams end."""
        for channel in list(self._channels.values()):
            for subscriber in list(channel.subscribers):
                subscriber.close()

    def subscriber_count(self, competition_id: int) -> int:
        channel = self._channels.get(competition_id)
        return len(channel.subscribers) if channel else 0

    def latest_id(self, competition_id: int) -> int:
        """The newest id this worker knows for the competition (its floor if none)."""
        channel = self._channels.get(competition_id)
        return channel.latest if channel else self.floor

    def _unsubscribe(self, subscription: Subscription) -> None:
        channel = self._channels.get(subscription.competition_id)
        if channel is not None:
            channel.subscribers.discard(subscription)

    @staticmethod
    def _reset(channel: _Channel, competition_id: int, reason: str) -> Message:
        return Message(competition_id, channel.latest, RESET, {"reason": reason})
