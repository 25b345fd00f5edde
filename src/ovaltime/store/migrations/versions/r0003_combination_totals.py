"""The archive's combination totals (samalog totals of allround and sprint championships).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "archive_combinations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("competition_id", sa.Integer(), nullable=False),
        sa.Column("skater_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("combination", sa.String(10), nullable=False),
        sa.Column("gender", sa.String(10), nullable=False),
        sa.Column("nation", sa.String(3), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("points_thousandths", sa.Integer(), nullable=False),
        sa.Column("flags", sa.String(20), nullable=False),
        sa.ForeignKeyConstraint(
            ["competition_id"],
            ["competitions.id"],
            name=op.f("fk_archive_combinations_competition_id_competitions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["skater_id"],
            ["skaters.id"],
            name=op.f("fk_archive_combinations_skater_id_skaters"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name=op.f("fk_archive_combinations_person_id_persons"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_archive_combinations")),
    )
    for column in ("competition_id", "skater_id", "person_id"):
        op.create_index(op.f(f"ix_archive_combinations_{column}"), "archive_combinations", [column])
    op.create_index(
        "ix_archive_combinations_combination_gender_points_thousandths",
        "archive_combinations",
        ["combination", "gender", "points_thousandths"],
    )


def downgrade() -> None:
    op.drop_table("archive_combinations")
