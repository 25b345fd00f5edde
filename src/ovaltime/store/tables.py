"""The competition tables: competitions, skaters, races, results and passages.

A result row is also a start-list entry: its ``status`` is NULL until a time or a status is
recorded (a pending entry may already hold passages). ``version`` counts the changes to the row;
a correction names the version it was based on (optimistic concurrency, see
``ovaltime.services.results``). Times are integer thousandths with the source's precision.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ovaltime.core.states import Gender, Lane, RaceKind, RaceState, Status
from ovaltime.store import archive_tables  # noqa: F401  (the tables the foreign keys name)
from ovaltime.store.base import Base, EnumText, UTCDateTime, utc_now

__all__ = ["CompetitionRow", "PassageRow", "RaceRow", "ResultRow", "SkaterRow"]


class CompetitionRow(Base):
    """A meeting or championship. ``source_digest`` identifies the content it was imported
    from (SHA-256 of its competition document), so that importing it again finds this row.
    ``rink_id`` and ``level`` (``olympics``, ``world-cup``, ``championship``, ``national``,
    ``club`` or empty) are the archive's: where the results were skated and how they rank."""

    __tablename__ = "competitions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    venue: Mapped[str] = mapped_column(String(200), default="")
    nation: Mapped[str] = mapped_column(String(3), default="")
    start: Mapped[dt.date | None] = mapped_column(Date)
    end: Mapped[dt.date | None] = mapped_column(Date)
    source_digest: Mapped[str | None] = mapped_column(String(64), unique=True)
    created: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utc_now)
    rink_id: Mapped[int | None] = mapped_column(ForeignKey("rinks.id"))
    level: Mapped[str] = mapped_column(String(20), default="", server_default="")

    skaters: Mapped[list[SkaterRow]] = relationship(
        back_populates="competition", cascade="all, delete-orphan", passive_deletes=True
    )
    races: Mapped[list[RaceRow]] = relationship(
        back_populates="competition",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="RaceRow.position",
    )


class SkaterRow(Base):
    """A skater as one competition names them: name, nation and age group, once each.
    ``person_id`` is the archive's person this skater was resolved to (NULL until then)."""

    __tablename__ = "skaters"
    __table_args__ = (UniqueConstraint("competition_id", "name", "nation", "age_group"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    competition_id: Mapped[int] = mapped_column(
        ForeignKey("competitions.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    nation: Mapped[str] = mapped_column(String(3), default="")
    age_group: Mapped[str] = mapped_column(String(20), default="")
    person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"), index=True)

    competition: Mapped[CompetitionRow] = relationship(back_populates="skaters")


class RaceRow(Base):
    """One race of a competition, at ``position`` (1, 2, ...) in the programme."""

    __tablename__ = "races"
    __table_args__ = (UniqueConstraint("competition_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    competition_id: Mapped[int] = mapped_column(ForeignKey("competitions.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    distance: Mapped[int] = mapped_column(Integer)
    gender: Mapped[Gender] = mapped_column(EnumText(Gender, 10))
    kind: Mapped[RaceKind] = mapped_column(EnumText(RaceKind, 20), default=RaceKind.INDIVIDUAL)
    number: Mapped[int] = mapped_column(Integer, default=1)
    division: Mapped[str] = mapped_column(String(10), default="")
    title: Mapped[str] = mapped_column(String(200), default="")
    date: Mapped[dt.date | None] = mapped_column(Date)
    state: Mapped[RaceState] = mapped_column(EnumText(RaceState, 12), default=RaceState.SCHEDULED)

    competition: Mapped[CompetitionRow] = relationship(back_populates="races")
    results: Mapped[list[ResultRow]] = relationship(
        back_populates="race",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="ResultRow.position",
    )


class ResultRow(Base):
    """The time or status of one skater in one race, or a pending start-list entry."""

    __tablename__ = "results"
    __table_args__ = (
        UniqueConstraint("race_id", "skater_id"),
        Index("ix_results_race_id_position", "race_id", "position"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    race_id: Mapped[int] = mapped_column(ForeignKey("races.id", ondelete="CASCADE"))
    skater_id: Mapped[int] = mapped_column(ForeignKey("skaters.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    pair: Mapped[int | None] = mapped_column(Integer)
    lane: Mapped[Lane | None] = mapped_column(EnumText(Lane, 5))
    time_thousandths: Mapped[int | None] = mapped_column(Integer)
    time_precision: Mapped[int | None] = mapped_column(SmallInteger)
    status: Mapped[Status | None] = mapped_column(EnumText(Status, 3))
    infraction: Mapped[str] = mapped_column(String(20), default="")
    fell: Mapped[bool] = mapped_column(Boolean, default=False)
    records: Mapped[list[Any]] = mapped_column(JSON, default=list)
    thousandths_known: Mapped[bool] = mapped_column(Boolean, default=True)
    published_rank: Mapped[int | None] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer, default=1)

    race: Mapped[RaceRow] = relationship(back_populates="results")
    skater: Mapped[SkaterRow] = relationship(lazy="joined")
    passages: Mapped[list[PassageRow]] = relationship(
        back_populates="result",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="PassageRow.metres",
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    @property
    def recorded(self) -> bool:
        """Whether a time or status has been recorded (else a pending start-list entry)."""
        return self.status is not None


class PassageRow(Base):
    """The time a skater passed one split point of their race."""

    __tablename__ = "passages"
    __table_args__ = (UniqueConstraint("result_id", "metres"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    result_id: Mapped[int] = mapped_column(ForeignKey("results.id", ondelete="CASCADE"))
    metres: Mapped[int] = mapped_column(Integer)
    time_thousandths: Mapped[int] = mapped_column(Integer)
    time_precision: Mapped[int] = mapped_column(SmallInteger)

    result: Mapped[ResultRow] = relationship(back_populates="passages")
