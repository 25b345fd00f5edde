"""The test run's own PostgreSQL server: it runs, each test gets a database, LISTEN/NOTIFY works."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from tests.pg import PostgresServer


def test_server_listens_on_loopback_with_its_own_socket_folder(
    postgres_server: PostgresServer,
) -> None:
    with psycopg.connect(postgres_server.conninfo()) as conn:
        settings = dict(
            conn.execute(
                "SELECT name, setting FROM pg_settings WHERE name IN "
                "('listen_addresses', 'port', 'fsync', 'unix_socket_directories')"
            ).fetchall()
        )
    assert settings == {
        "listen_addresses": "127.0.0.1",
        "port": str(postgres_server.port),
        "fsync": "off",
        "unix_socket_directories": str(postgres_server.socket_dir),
    }
    assert (postgres_server.data / "postmaster.pid").is_file()


def test_server_runs_as_postgres_when_root(postgres_server: PostgresServer) -> None:
    owner = (postgres_server.data / "PG_VERSION").stat().st_uid
    if os.geteuid() == 0:
        import pwd

        assert postgres_server.as_user == "postgres"
        assert owner == pwd.getpwnam("postgres").pw_uid
    else:
        assert postgres_server.as_user is None
        assert owner == os.geteuid()


def test_sqlalchemy_connects_creates_and_drops_a_table(postgres_url: str) -> None:
    engine = create_engine(postgres_url)
    try:
        with engine.begin() as conn:
            version = conn.execute(text("select version()")).scalar_one()
            conn.execute(text("CREATE TABLE skater (id serial PRIMARY KEY, name text NOT NULL)"))
            conn.execute(text("INSERT INTO skater (name) VALUES ('Jutta Leerdam')"))
        assert version.startswith("PostgreSQL ")
        assert inspect(engine).get_table_names() == ["skater"]
        with engine.begin() as conn:
            assert conn.execute(text("SELECT name FROM skater")).scalar_one() == "Jutta Leerdam"
            conn.execute(text("DROP TABLE skater"))
        assert inspect(engine).get_table_names() == []
    finally:
        engine.dispose()


@pytest.fixture
def other_postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """A second database for one test, made and dropped the way ``postgres_url`` does."""
    name = "other_test"
    with psycopg.connect(postgres_server.conninfo(), autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    yield postgres_server.url(name)
    with psycopg.connect(postgres_server.conninfo(), autocommit=True) as admin:
        admin.execute(f"DROP DATABASE {name} WITH (FORCE)")


def test_each_test_database_is_separate(postgres_url: str, other_postgres_url: str) -> None:
    assert make_url(postgres_url).database != make_url(other_postgres_url).database
    first, second = create_engine(postgres_url), create_engine(other_postgres_url)
    try:
        with first.begin() as conn:
            conn.execute(text("CREATE TABLE race (id int)"))
        assert inspect(first).get_table_names() == ["race"]
        assert inspect(second).get_table_names() == []
    finally:
        first.dispose()
        second.dispose()


_seen_databases: list[str] = []


@pytest.mark.parametrize("run", [1, 2])
def test_postgres_url_is_a_fresh_empty_database_every_time(postgres_url: str, run: int) -> None:
    database = make_url(postgres_url).database
    assert database is not None
    assert database not in _seen_databases
    _seen_databases.append(database)
    engine = create_engine(postgres_url)
    try:
        assert inspect(engine).get_table_names() == []
        with engine.begin() as conn:
            conn.execute(text(f"CREATE TABLE left_by_run_{run} (id int)"))
    finally:
        engine.dispose()


def test_databases_are_dropped_after_their_test(postgres_server: PostgresServer) -> None:
    """Only the server's own databases remain: every earlier test's database was dropped."""
    with psycopg.connect(postgres_server.conninfo()) as conn:
        names = {row[0] for row in conn.execute("SELECT datname FROM pg_database").fetchall()}
    assert names == {"postgres", "template0", "template1"}


def test_listen_notify_between_two_connections(postgres_url: str) -> None:
    conninfo = make_url(postgres_url).set(drivername="postgresql").render_as_string(False)
    with (
        psycopg.connect(conninfo, autocommit=True) as listener,
        psycopg.connect(conninfo, autocommit=True) as sender,
    ):
        listener.execute("LISTEN ch")
        sender.execute("NOTIFY ch, 'x'")
        began = time.monotonic()
        received = [(n.channel, n.payload) for n in listener.notifies(timeout=5, stop_after=1)]
        assert received == [("ch", "x")]
        assert time.monotonic() - began < 5


def test_database_url_runs_on_both_backends(database_url: str, tmp_path: Path) -> None:
    engine = create_engine(database_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE pair (inner_lane text, outer_lane text)"))
            conn.execute(text("INSERT INTO pair VALUES ('Kok', 'Takagi')"))
            row = conn.execute(text("SELECT inner_lane, outer_lane FROM pair")).one()
        assert tuple(row) == ("Kok", "Takagi")
        assert engine.dialect.name in {"sqlite", "postgresql"}
        if engine.dialect.name == "sqlite":
            assert (tmp_path / "test.db").is_file()
    finally:
        engine.dispose()
