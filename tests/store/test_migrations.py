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
            "rinks", "persons", "person_aliases", "archive_results", "archive_bests",
            "archive_records", "adelskalender", "adelskalender_changes", "archive_audit",
            "archive_combinations",
        }  # fmt: skip
    finally:
        engine.dispose()


def test_upgrade_from_a_url_twice_is_harmless(database_url: str) -> None:
    upgrade(database_url)
    upgrade(database_url)
    engine = make_engine(database_url)
    try:
        assert current_revision(engine) == head_revision() == "0003"
    finally:
        engine.dispose()


def test_a_new_database_has_no_revision(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        assert current_revision(engine) is None
    finally:
        engine.dispose()


def test_the_archive_revision_keeps_the_competitions_of_an_older_database(
    database_url: str,
) -> None:
    engine = make_engine(database_url)
    try:
        upgrade(engine, "0001")
        with engine.begin() as connection:
            connection.exec_driver_sql(
                "INSERT INTO competitions (id, name, venue, nation, created) "
                "VALUES (1, 'Old Cup', 'Thialf', 'NED', '2024-11-01 10:00:00')"
            )
            connection.exec_driver_sql(
                "INSERT INTO races (id, competition_id, position, distance, gender, kind, "
                "number, division, title, state) "
                "VALUES (1, 1, 1, 500, 'women', 'individual', 1, '', '', 'official')"
            )
        upgrade(engine)
        with engine.connect() as connection:
            row = connection.exec_driver_sql(
                "SELECT c.name, c.level, c.rink_id, count(r.id) FROM competitions c "
                "JOIN races r ON r.competition_id = c.id GROUP BY c.name, c.level, c.rink_id"
            ).one()
            assert tuple(row) == ("Old Cup", "", None, 1)
            keys = {
                (fk["constrained_columns"][0], fk["referred_table"])
                for table in ("competitions", "skaters")
                for fk in inspect(connection).get_foreign_keys(table)
            }
        assert {("rink_id", "rinks"), ("person_id", "persons")} <= keys
    finally:
        engine.dispose()
