"""Writing many rows at once: ids handed out in advance, rows sent in one driver call.

The ORM's unit of work costs tens of microseconds a row; an archive import writes millions.
These helpers write plain tuples through the database driver instead, inside the caller's
transaction:

* **Ids in advance** (``allocate_ids``), so that child rows can name their parents without a
  round trip per row. On SQLite the write transaction holds the database's only write lock
  (``BEGIN IMMEDIATE``, see ``engine``), so the ids after ``max(id)`` are free until it ends.
  On PostgreSQL the ids are drawn from the table's own sequence, which concurrent writers
  share safely.
* **One driver call per table** (``insert_rows``): ``executemany`` of one prepared ``INSERT``
  on SQLite; ``COPY ... FROM STDIN`` on PostgreSQL, its fastest way in (a few rows go by
  ``INSERT``, which costs less to start).
* **Many small reads** (``select_rows``): a statement's rows as plain tuples straight from the
  driver, without the tens of microseconds SQLAlchemy spends on each statement and row.

Values must already be in the driver's terms; ``Values`` converts dates, moments, flags and
JSON for the session's dialect (SQLite keeps dates as ISO text, as SQLAlchemy's types do).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

__all__ = ["IdPool", "Values", "allocate_ids", "executemany", "insert_rows", "select_rows"]


class Values:
    """Python values in the form the session's driver stores them, the way SQLAlchemy's
    column types would write them."""

    def __init__(self, session: Session) -> None:
        self.sqlite = session.get_bind().dialect.name == "sqlite"

    def date(self, value: dt.date | None) -> Any:
        if value is None or not self.sqlite:
            return value
        return value.isoformat()

    def moment(self, value: dt.datetime) -> Any:
        """An aware moment, stored as UTC (naive UTC text on SQLite, as ``UTCDateTime``)."""
        moment = value.astimezone(dt.UTC)
        if not self.sqlite:
            return moment
        return moment.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")

    def flag(self, value: bool) -> Any:
        return int(value) if self.sqlite else value

    def json(self, value: object) -> str:
        if value == []:
            return "[]"
        return json.dumps(value)


def allocate_ids(session: Session, table: str, count: int) -> list[int]:
    """``count`` unused ids of ``table``'s integer primary key ``id``, in increasing order."""
    if count <= 0:
        return []
    if session.get_bind().dialect.name == "sqlite":
        top = session.scalar(text(f"SELECT coalesce(max(id), 0) FROM {table}"))
        start = int(top or 0) + 1
        return list(range(start, start + count))
    rows = session.execute(
        text("SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"),
        {"table": table, "n": count},
    )
    return [int(row[0]) for row in rows]


class IdPool:
    """Ids of one table handed out one at a time, for rows written later in the same
    transaction (and by nothing else meanwhile): blocks of ``allocate_ids``."""

    def __init__(self, session: Session, table: str, block: int = 256) -> None:
        self.session = session
        self.table = table
        self.block = block
        self._free: list[int] = []
        self._next: int | None = None

    def take(self) -> int:
        if self.session.get_bind().dialect.name == "sqlite":
            if self._next is None:
                self._next = allocate_ids(self.session, self.table, 1)[0]
            ident, self._next = self._next, self._next + 1
            return ident
        if not self._free:
            self._free = allocate_ids(self.session, self.table, self.block)[::-1]
        return self._free.pop()


_COPY_FROM = 50
"""From how many rows PostgreSQL gets a ``COPY`` rather than an ``INSERT``."""


def insert_rows(
    session: Session, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    """Insert ``rows`` (tuples in ``columns`` order, driver values) into ``table``."""
    connection = session.connection()
    raw = connection.connection.driver_connection
    names = ", ".join(f'"{c}"' for c in columns)
    sqlite = connection.dialect.name == "sqlite"
    if sqlite or (isinstance(rows, Sequence) and len(rows) < _COPY_FROM):
        marks = ", ".join("?" if sqlite else "%s" for _ in columns)
        cursor = raw.cursor()  # type: ignore[union-attr]
        try:
            cursor.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)
        finally:
            cursor.close()
        return
    with (
        raw.cursor() as cursor,  # type: ignore[union-attr]
        cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy,
    ):
        for row in rows:
            copy.write_row(row)


@contextmanager
def _driver_cursor(session: Session, statement: str) -> Iterator[tuple[Any, str]]:
    """A cursor of the session's driver connection, and ``statement`` (written with ``?``
    placeholders) in that driver's placeholders; the cursor is closed afterwards."""
    connection = session.connection()
    raw = connection.connection.driver_connection
    if connection.dialect.name != "sqlite":
        statement = statement.replace("?", "%s")
    cursor = raw.cursor()  # type: ignore[union-attr]
    try:
        yield cursor, statement
    finally:
        cursor.close()


def executemany(session: Session, statement: str, rows: Sequence[Sequence[Any]]) -> None:
    """Run one statement written with ``?`` placeholders for every row of ``rows``."""
    if not rows:
        return
    with _driver_cursor(session, statement) as (cursor, written):
        cursor.executemany(written, rows)


def select_rows(
    session: Session, statement: str, parameters: Sequence[Any] = ()
) -> list[tuple[Any, ...]]:
    """The rows of one statement written with ``?`` placeholders, as the driver gives them."""
    with _driver_cursor(session, statement) as (cursor, written):
        cursor.execute(written, parameters)
        rows: list[tuple[Any, ...]] = cursor.fetchall()
        return rows
