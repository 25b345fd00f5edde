"""The archive: rinks, persons and aliases, archived results, records, bests, Adelskalender.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01

Written by hand like 0001. The new columns of ``competitions`` and ``skaters`` are added in
place (``ALTER TABLE ... ADD COLUMN``), never by copying a table: on SQLite, copying
``competitions`` would mean dropping it, and with foreign keys on that deletes every race and
result of the database by cascade. SQLite accepts a foreign key on an added column when it is
written inline with the column, so it is written so there; PostgreSQL adds it as a constraint.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def _id() -> sa.Column[int]:
    return sa.Column("id", sa.Integer(), nullable=False)


def _fk(
    table: str, column: str, target: str, *, cascade: bool = True, key: str = "id"
) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column],
        [f"{target}.{key}"],
        name=op.f(f"fk_{table}_{column}_{target}"),
        ondelete="CASCADE" if cascade else None,
    )


def _add_reference(table: str, column: str, target: str) -> None:
    """Add a nullable integer column referring to ``target.id`` to an existing table."""
    name = f"fk_{table}_{column}_{target}"
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            f"ALTER TABLE {table} ADD COLUMN {column} INTEGER "
            f"CONSTRAINT {name} REFERENCES {target} (id)"
        )
        return
    op.add_column(table, sa.Column(column, sa.Integer(), nullable=True))
    op.create_foreign_key(op.f(name), table, target, [column], ["id"])


def upgrade() -> None:
    op.create_table(
        "rinks",
        _id(),
        sa.Column("key", sa.String(40), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("city", sa.String(100), nullable=False),
        sa.Column("nation", sa.String(3), nullable=False),
        sa.Column("altitude", sa.Integer(), nullable=True),
        sa.Column("environment", sa.String(20), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rinks")),
        sa.UniqueConstraint("key", name=op.f("uq_rinks_key")),
    )
    op.create_table(
        "persons",
        _id(),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("nation", sa.String(3), nullable=False),
        sa.Column("gender", sa.String(10), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_persons")),
    )
    op.create_table(
        "person_aliases",
        _id(),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("name_key", sa.String(200), nullable=False),
        sa.Column("sound_key", sa.String(200), nullable=False),
        sa.Column("nation", sa.String(3), nullable=False),
        sa.Column("origin", sa.String(10), nullable=False),
        _fk("person_aliases", "person_id", "persons"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_aliases")),
    )
    op.create_index("ix_person_aliases_name_key", "person_aliases", ["name_key"])
    op.create_index("ix_person_aliases_sound_key", "person_aliases", ["sound_key"])
    op.create_index("ix_person_aliases_person_id", "person_aliases", ["person_id"])

    _add_reference("competitions", "rink_id", "rinks")
    op.add_column(
        "competitions",
        sa.Column("level", sa.String(20), nullable=False, server_default=""),
    )
    _add_reference("skaters", "person_id", "persons")
    op.create_index(op.f("ix_skaters_person_id"), "skaters", ["person_id"])

    op.create_table(
        "archive_results",
        _id(),
        sa.Column("result_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("distance", sa.Integer(), nullable=False),
        sa.Column("gender", sa.String(10), nullable=False),
        sa.Column("season", sa.SmallInteger(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("time_thousandths", sa.Integer(), nullable=False),
        sa.Column("hundredths", sa.Integer(), nullable=False),
        sa.Column("competition_id", sa.Integer(), nullable=False),
        sa.Column("rink_id", sa.Integer(), nullable=True),
        sa.Column("nation", sa.String(3), nullable=False),
        sa.Column("age_group", sa.String(20), nullable=False),
        sa.Column("junior", sa.Boolean(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("flags", sa.String(40), nullable=False),
        _fk("archive_results", "result_id", "results"),
        _fk("archive_results", "person_id", "persons", cascade=False),
        _fk("archive_results", "competition_id", "competitions"),
        _fk("archive_results", "rink_id", "rinks", cascade=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_archive_results")),
        sa.UniqueConstraint("result_id", name=op.f("uq_archive_results_result_id")),
    )
    for name, columns in (
        ("person_id_distance_date", ["person_id", "distance", "date", "sequence"]),
        (
            "distance_gender_season_date",
            ["distance", "gender", "season", "date", "competition_id", "sequence"],
        ),
        ("distance_gender_rink_id_hundredths", ["distance", "gender", "rink_id", "hundredths"]),
        (
            "distance_gender_age_group_hundredths",
            ["distance", "gender", "age_group", "hundredths"],
        ),
        ("competition_id", ["competition_id"]),
    ):
        op.create_index(f"ix_archive_results_{name}", "archive_results", columns)

    op.create_table(
        "archive_bests",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("distance", sa.Integer(), nullable=False),
        sa.Column("season", sa.SmallInteger(), nullable=False),
        sa.Column("gender", sa.String(10), nullable=False),
        sa.Column("nation", sa.String(3), nullable=False),
        sa.Column("time_thousandths", sa.Integer(), nullable=False),
        sa.Column("hundredths", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("result_id", sa.Integer(), nullable=False),
        sa.Column("competition_id", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("rink_id", sa.Integer(), nullable=True),
        _fk("archive_bests", "person_id", "persons"),
        _fk("archive_bests", "result_id", "results"),
        sa.PrimaryKeyConstraint("person_id", "distance", "season", name=op.f("pk_archive_bests")),
    )
    op.create_index(
        "ix_archive_bests_distance_gender_season_time_thousandths",
        "archive_bests",
        ["distance", "gender", "season", "time_thousandths"],
    )
    op.create_index(op.f("ix_archive_bests_result_id"), "archive_bests", ["result_id"])

    op.create_table(
        "archive_records",
        _id(),
        sa.Column("result_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(3), nullable=False),
        sa.Column("scope", sa.String(20), nullable=False),
        sa.Column("distance", sa.Integer(), nullable=False),
        sa.Column("gender", sa.String(10), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("competition_id", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("hundredths", sa.Integer(), nullable=False),
        _fk("archive_records", "result_id", "results"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_archive_records")),
    )
    op.create_index(
        "ix_archive_records_distance_gender_kind_scope_date",
        "archive_records",
        ["distance", "gender", "kind", "scope", "date"],
    )
    op.create_index(op.f("ix_archive_records_result_id"), "archive_records", ["result_id"])
    op.create_table(
        "adelskalender",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("gender", sa.String(10), nullable=False),
        sa.Column("points_thousandths", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        _fk("adelskalender", "person_id", "persons"),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_adelskalender")),
    )
    op.create_index(
        "ix_adelskalender_gender_points_thousandths",
        "adelskalender",
        ["gender", "points_thousandths"],
    )
    op.create_table(
        "adelskalender_changes",
        _id(),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("gender", sa.String(10), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("points_thousandths", sa.Integer(), nullable=False),
        _fk("adelskalender_changes", "person_id", "persons"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_adelskalender_changes")),
    )
    op.create_index(
        "ix_adelskalender_changes_person_id_date", "adelskalender_changes", ["person_id", "date"]
    )
    op.create_index(
        "ix_adelskalender_changes_gender_points_thousandths",
        "adelskalender_changes",
        ["gender", "points_thousandths", "date", "person_id"],
    )
    op.create_table(
        "archive_audit",
        _id(),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("who", sa.String(100), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_archive_audit")),
    )
    op.create_index(op.f("ix_archive_audit_person_id"), "archive_audit", ["person_id"])


def downgrade() -> None:
    """PostgreSQL only: SQLite cannot drop a column with a foreign key without copying its
    table, which would delete the competitions' races and results by cascade."""
    if op.get_bind().dialect.name == "sqlite":
        raise NotImplementedError("revision 0002 cannot be downgraded on SQLite")
    for table in (
        "archive_audit",
        "adelskalender_changes",
        "adelskalender",
        "archive_records",
        "archive_bests",
        "archive_results",
    ):
        op.drop_table(table)
    op.drop_index(op.f("ix_skaters_person_id"), "skaters")
    op.drop_column("skaters", "person_id")
    op.drop_column("competitions", "level")
    op.drop_column("competitions", "rink_id")
    for table in ("person_aliases", "persons", "rinks"):
        op.drop_table(table)
