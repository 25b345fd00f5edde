"""Live updates: the event broker behind the server-sent event streams.

``make_broker(database_url)`` gives the broker for a database: a ``PostgresBroker`` for
PostgreSQL (several worker processes share messages through ``LISTEN``/``NOTIFY``), a
``LocalBroker`` otherwise (SQLite is served by one process). Either is the services'
``Publisher`` and hands out ``Subscription``s of one competition's ``Message``s.
"""

from __future__ import annotations

from sqlalchemy.engine import make_url

from ovaltime.live.broker import DEFAULT_BUFFER_SIZE, DEFAULT_QUEUE_SIZE, Broker, LocalBroker
from ovaltime.live.messages import RESET, Message
from ovaltime.live.postgres import PostgresBroker
from ovaltime.live.subscription import Subscription
from ovaltime.live.tee import Tee

__all__ = [
    "DEFAULT_BUFFER_SIZE",
    "DEFAULT_QUEUE_SIZE",
    "RESET",
    "Broker",
    "LocalBroker",
    "Message",
    "PostgresBroker",
    "Subscription",
    "Tee",
    "make_broker",
]


def make_broker(database_url: str) -> Broker:
    """The broker for ``database_url``: ``PostgresBroker`` on PostgreSQL, else ``LocalBroker``."""
    if make_url(database_url).get_backend_name() == "postgresql":
        return PostgresBroker(database_url)
    return LocalBroker()
