"""Opening a database: SQLite (the embedded default) or PostgreSQL, and its sessions.

SQLite gets write-ahead logging (readers never wait for the writer), foreign keys on, a busy
timeout, and full synchronous commits (an acknowledged write survives a killed process).

**One writer on SQLite.** pysqlite's own transaction handling is switched off and every
transaction is begun by ovaltime: reads with a deferred ``BEGIN``, writes (``write_session``)
with ``BEGIN IMMEDIATE``, which takes the database's write lock at the start. Two writers, in
one process or several, therefore queue on the lock (for up to ``busy_timeout``) instead of both
reading and then failing to upgrade a read lock to a write lock halfway through. PostgreSQL
needs none of this: its writers lock the rows they change, and the result version
(``ResultRow.version``) catches a correction based on a stale read.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.orm import Session

__all__ = [
    "BUSY_TIMEOUT_MS",
    "DEFAULT_DATABASE",
    "default_database_url",
    "make_engine",
    "read_session",
    "write_session",
]

DEFAULT_DATABASE = "sqlite:///ovaltime.db"
#: How long a SQLite writer waits for the write lock before giving up, in milliseconds.
BUSY_TIMEOUT_MS = 30_000
_WRITE = "ovaltime_write"


def default_database_url() -> str:
    """``OVALTIME_DATABASE`` from the environment, else ``sqlite:///ovaltime.db``."""
    return os.environ.get("OVALTIME_DATABASE") or DEFAULT_DATABASE


def make_engine(url: str | None = None, **options: Any) -> Engine:
    """An engine for ``url`` (default ``default_database_url()``).

    ``postgresql://`` URLs are given the psycopg 3 driver (``postgresql+psycopg://``).
    """
    parsed = make_url(url or default_database_url())
    if parsed.get_backend_name() == "postgresql" and "+" not in parsed.drivername:
        parsed = parsed.set(drivername="postgresql+psycopg")
    engine = create_engine(parsed, **options)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # transactions are begun below, not by pysqlite
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA synchronous=FULL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        write = connection.get_execution_options().get(_WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


@contextmanager
def read_session(engine: Engine) -> Iterator[Session]:
    """A session for reading; its transaction is rolled back at the end."""
    with Session(engine, expire_on_commit=False) as session:
        yield session


@contextmanager
def write_session(engine: Engine) -> Iterator[Session]:
    """A session whose one transaction is committed when the block ends without an error
    (rolled back otherwise). On SQLite it begins with ``BEGIN IMMEDIATE``: one writer at a time."""
    writer = engine.execution_options(**{_WRITE: True})
    with Session(writer, expire_on_commit=False) as session, session.begin():
        yield session
