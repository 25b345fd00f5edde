"""One service call, one transaction: the context the services run in, and the unit of work.

``transaction(context)`` opens a write session (``BEGIN IMMEDIATE`` on SQLite), collects the
events the service emits, commits, and only then hands the events to the publisher. When the
block raises, the transaction is rolled back and nothing is published. Database refusals that a
client can cause (a duplicate, a stale version) become ``Conflict``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ovaltime.services.errors import Conflict
from ovaltime.services.events import Event, EventLog, Publisher
from ovaltime.store.engine import make_engine, write_session
from ovaltime.store.migrate import upgrade

__all__ = ["Context", "Unit", "open_context", "transaction"]


@dataclass(frozen=True)
class Context:
    """What every service needs: the database and where events go."""

    engine: Engine
    publisher: Publisher = field(default_factory=EventLog)


def open_context(url: str | None = None, publisher: Publisher | None = None) -> Context:
    """Open the database at ``url`` (default ``default_database_url()``), migrate it to the
    current schema, and return a context publishing to ``publisher`` (an ``EventLog`` if none)."""
    engine = make_engine(url)
    upgrade(engine)
    return Context(engine, publisher if publisher is not None else EventLog())


@dataclass
class Unit:
    """The session of one service call and the events to publish once it has committed."""

    session: Session
    events: list[Event] = field(default_factory=list)

    def emit(self, event: Event) -> None:
        self.events.append(event)


@contextmanager
def transaction(context: Context) -> Iterator[Unit]:
    """Run the block in one write transaction; publish its events after the commit."""
    try:
        with write_session(context.engine) as session:
            unit = Unit(session)
            yield unit
    except IntegrityError as error:
        raise Conflict(f"the change clashes with stored data: {error.orig}") from error
    except StaleDataError as error:
        raise Conflict(f"the row changed meanwhile; reload it and try again ({error})") from error
    for event in unit.events:
        context.publisher.publish(event)
