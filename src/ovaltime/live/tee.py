"""Publishing to the broker and to another publisher: when an application is given a publisher
of its own (a test's ``EventLog``, a recorder), its live stream still works."""

from __future__ import annotations

from ovaltime.live.broker import Broker
from ovaltime.services.events import Event, Publisher

__all__ = ["Tee"]


class Tee:
    """A ``Publisher`` handing each event to ``broker`` (which never raises), then to
    ``publisher``, whose errors reach the caller unchanged."""

    def __init__(self, broker: Broker, publisher: Publisher) -> None:
        self.broker = broker
        self.publisher = publisher

    def publish(self, event: Event) -> None:
        self.broker.publish(event)
        self.publisher.publish(event)
