"""Shared test helpers: where the published data lives, and a fixture that skips without it."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.pg import PostgresServer, PostgresUnavailable, start_server

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture
def shared_data() -> Path:
    """The folder of real published results (``../shared/data``); skips the test when absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"published data not found at {SHARED_DATA}")
    return SHARED_DATA


def isu_text_files() -> list[Path]:
    """Every ISU results text file, for parametrised tests (empty when the data is absent)."""
    folder = SHARED_DATA / "isu-results-text"
    return sorted(folder.glob("*.txt")) if folder.is_dir() else []


# --- Databases: a real PostgreSQL server for the run, a fresh database per test -------------

_database_numbers = itertools.count(1)
_servers_started: list[PostgresServer] = []


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "postgresql: uses the test run's PostgreSQL server")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses the server, so ``-m "not postgresql"`` leaves them out."""
    for item in items:
        if "postgres_server" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.postgresql)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A PostgreSQL server of its own for the test run, stopped and removed at the end.

    Skips when PostgreSQL is not installed, except under ``CI=true`` where ``make test`` has
    installed it, so there a missing server fails instead of passing quietly.
    """
    try:
        server = start_server()
    except PostgresUnavailable as error:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"PostgreSQL test server: {error}", pytrace=False)
        pytest.skip(f"PostgreSQL test server: {error}")
    _servers_started.append(server)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """The SQLAlchemy URL of a new empty database on the test server, dropped afterwards."""
    import psycopg

    name = f"test_{next(_database_numbers)}"
    with psycopg.connect(postgres_server.conninfo(), autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield postgres_server.url(name)
    finally:
        with psycopg.connect(postgres_server.conninfo(), autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgresql),
    ]
)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL of an empty database: every test using it runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/test.db"
    url: str = request.getfixturevalue("postgres_url")
    return url


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for server in _servers_started:
        terminalreporter.write_line(
            f"PostgreSQL test server: {server.version} on 127.0.0.1:{server.port}, "
            f"started in {server.started_in:.2f} s"
        )
