"""The shipped migrations create exactly the tables of the ORM, and run again harmlessly."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from ovaltime.store.engine import make_engine
from ovaltime.store.metadata import metadata
from ovaltime.store.migrate import current_revision, head_revision, upgrade


def test_migrated_database_matches_the_metadata(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        upgrade(engine)
        with engine.connect() as connection:
            migration = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(migration, metadata) == []
            tables = set(inspect(connection).get_table_names()) - {"alembic_version"}
        assert tables == set(metadata.tables)
        assert tables == {
            "competitions", "skaters", "races", "results", "passages", "audit", "users",
        }  # fmt: skip
    finally:
        engine.dispose()


def test_upgrade_from_a_url_twice_is_harmless(database_url: str) -> None:
    upgrade(database_url)
    upgrade(database_url)
    engine = make_engine(database_url)
    try:
        assert current_revision(engine) == head_revision() == "0001"
    finally:
        engine.dispose()


def test_a_new_database_has_no_revision(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        assert current_revision(engine) is None
    finally:
        engine.dispose()
