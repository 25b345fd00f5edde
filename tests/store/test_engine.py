"""Opening databases: the default URL, the PostgreSQL driver, SQLite's settings and one writer."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from ovaltime.store.engine import (
    DEFAULT_DATABASE,
    default_database_url,
    make_engine,
    read_session,
    write_session,
)


def test_default_database_url_reads_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OVALTIME_DATABASE", raising=False)
    assert default_database_url() == DEFAULT_DATABASE == "sqlite:///ovaltime.db"
    monkeypatch.setenv("OVALTIME_DATABASE", "postgresql+psycopg://u@db/ovaltime")
    assert default_database_url() == "postgresql+psycopg://u@db/ovaltime"


def test_postgresql_urls_get_the_psycopg_driver() -> None:
    engine = make_engine("postgresql://user:secret@localhost/ovaltime")
    assert engine.dialect.driver == "psycopg"
    assert engine.url.drivername == "postgresql+psycopg"
    engine.dispose()


def test_sqlite_uses_wal_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'settings.db'}")
    try:
        with engine.connect() as connection:
            pragma = connection.exec_driver_sql
            assert pragma("PRAGMA journal_mode").scalar() == "wal"
            assert pragma("PRAGMA foreign_keys").scalar() == 1
            assert pragma("PRAGMA busy_timeout").scalar() == 30_000
    finally:
        engine.dispose()


def test_sqlite_writers_wait_for_each_other(tmp_path: Path) -> None:
    """On SQLite two write transactions never interleave: ``BEGIN IMMEDIATE`` makes the second
    wait until the first commits, so a read-then-write inside one loses no update."""
    engine = make_engine(f"sqlite:///{tmp_path / 'writers.db'}")
    try:
        with write_session(engine) as session:
            session.execute(text("CREATE TABLE counter (n INTEGER)"))
            session.execute(text("INSERT INTO counter VALUES (0)"))
        seen: list[int] = []

        def bump() -> None:
            with write_session(engine) as session:
                value = session.execute(text("SELECT n FROM counter")).scalar_one()
                time.sleep(0.05)
                session.execute(text("UPDATE counter SET n = :n"), {"n": value + 1})
                seen.append(value)

        threads = [threading.Thread(target=bump) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        with read_session(engine) as session:
            assert session.execute(text("SELECT n FROM counter")).scalar_one() == 4
        assert sorted(seen) == [0, 1, 2, 3]
    finally:
        engine.dispose()
