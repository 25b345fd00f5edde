"""The first schema: competitions, skaters, races, results, passages, audit, users.

Revision ID: 0001
Revises:
Create Date: 2026-11-24

Written out column by column (not generated when run): enum columns are plain ``VARCHAR``
holding the enum's value, moments are ``TIMESTAMP WITH TIME ZONE`` in UTC, times are integers.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def _id() -> sa.Column[int]:
    return sa.Column("id", sa.Integer(), nullable=False)


def _utc(name: str) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=False)


def _fk(table: str, column: str, target: str, *, cascade: bool = True) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column],
        [f"{target}.id"],
        name=op.f(f"fk_{table}_{column}_{target}"),
        ondelete="CASCADE" if cascade else None,
    )


def upgrade() -> None:
    op.create_table(
        "competitions",
        _id(),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("venue", sa.String(200), nullable=False),
        sa.Column("nation", sa.String(3), nullable=False),
        sa.Column("start", sa.Date(), nullable=True),
        sa.Column("end", sa.Date(), nullable=True),
        sa.Column("source_digest", sa.String(64), nullable=True),
        _utc("created"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_competitions")),
        sa.UniqueConstraint("source_digest", name=op.f("uq_competitions_source_digest")),
    )
    op.create_table(
        "users",
        _id(),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("role", sa.String(10), nullable=False),
        sa.Column("password_hash", sa.String(300), nullable=True),
        sa.Column("token_hash", sa.String(64), nullable=False),
        _utc("created"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("name", name=op.f("uq_users_name")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_users_token_hash")),
    )
    op.create_table(
        "races",
        _id(),
        sa.Column("competition_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("distance", sa.Integer(), nullable=False),
        sa.Column("gender", sa.String(10), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("division", sa.String(10), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("state", sa.String(12), nullable=False),
        _fk("races", "competition_id", "competitions"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_races")),
        sa.UniqueConstraint(
            "competition_id", "position", name=op.f("uq_races_competition_id_position")
        ),
    )
    op.create_table(
        "skaters",
        _id(),
        sa.Column("competition_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("nation", sa.String(3), nullable=False),
        sa.Column("age_group", sa.String(20), nullable=False),
        _fk("skaters", "competition_id", "competitions"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skaters")),
        sa.UniqueConstraint(
            "competition_id",
            "name",
            "nation",
            "age_group",
            name=op.f("uq_skaters_competition_id_name_nation_age_group"),
        ),
    )
    op.create_index(op.f("ix_skaters_competition_id"), "skaters", ["competition_id"])
    op.create_table(
        "results",
        _id(),
        sa.Column("race_id", sa.Integer(), nullable=False),
        sa.Column("skater_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("pair", sa.Integer(), nullable=True),
        sa.Column("lane", sa.String(5), nullable=True),
        sa.Column("time_thousandths", sa.Integer(), nullable=True),
        sa.Column("time_precision", sa.SmallInteger(), nullable=True),
        sa.Column("status", sa.String(3), nullable=True),
        sa.Column("infraction", sa.String(20), nullable=False),
        sa.Column("fell", sa.Boolean(), nullable=False),
        sa.Column("records", sa.JSON(), nullable=False),
        sa.Column("thousandths_known", sa.Boolean(), nullable=False),
        sa.Column("published_rank", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        _fk("results", "race_id", "races"),
        _fk("results", "skater_id", "skaters", cascade=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_results")),
        sa.UniqueConstraint("race_id", "skater_id", name=op.f("uq_results_race_id_skater_id")),
    )
    op.create_index("ix_results_race_id_position", "results", ["race_id", "position"])
    op.create_index(op.f("ix_results_skater_id"), "results", ["skater_id"])
    op.create_table(
        "passages",
        _id(),
        sa.Column("result_id", sa.Integer(), nullable=False),
        sa.Column("metres", sa.Integer(), nullable=False),
        sa.Column("time_thousandths", sa.Integer(), nullable=False),
        sa.Column("time_precision", sa.SmallInteger(), nullable=False),
        _fk("passages", "result_id", "results"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_passages")),
        sa.UniqueConstraint("result_id", "metres", name=op.f("uq_passages_result_id_metres")),
    )
    op.create_table(
        "audit",
        _id(),
        sa.Column("competition_id", sa.Integer(), nullable=False),
        sa.Column("race_id", sa.Integer(), nullable=False),
        sa.Column("result_id", sa.Integer(), nullable=True),
        sa.Column("who", sa.String(100), nullable=False),
        _utc("at"),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        _fk("audit", "competition_id", "competitions"),
        _fk("audit", "race_id", "races"),
        _fk("audit", "result_id", "results"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit")),
    )
    op.create_index(op.f("ix_audit_competition_id"), "audit", ["competition_id"])
    op.create_index("ix_audit_race_id_id", "audit", ["race_id", "id"])
    op.create_index(op.f("ix_audit_result_id"), "audit", ["result_id"])


def downgrade() -> None:
    for table in ("audit", "passages", "results", "skaters", "races", "users", "competitions"):
        op.drop_table(table)
