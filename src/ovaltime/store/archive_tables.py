"""The archive's tables: rinks, persons and their aliases, archived results, bests, Adelskalender.

The competition tables (``tables``) keep every competition as it was imported or recorded; the
archive adds one identity per real skater across competitions (``persons``; a competition's
``skaters`` row points at one) and a flat copy of every archived result (``archive_results``)
with what the lists need beside it: the person, the season, the date, the rink and the flags
the archive computed. ``archive_bests`` and ``adelskalender`` are derived from
``archive_results`` and kept up to date with it in the same transaction; they exist so that the
lists read a few index pages instead of grouping a million results.

Times are integer thousandths as everywhere, with the official ``hundredths`` beside them:
records, personal bests and ranks are judged on hundredths (RULES §8).
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
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
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from ovaltime.core.states import Gender
from ovaltime.store.base import Base, EnumText, UTCDateTime, utc_now

__all__ = [
    "AdelskalenderChangeRow",
    "AdelskalenderRow",
    "AliasOrigin",
    "ArchiveAuditRow",
    "ArchiveBestRow",
    "ArchiveRecordRow",
    "ArchiveResultRow",
    "PersonAliasRow",
    "PersonRow",
    "RinkRow",
]

#: ``archive_bests.season`` of the all-time best (the personal best).
ALL_TIME = 0


class AliasOrigin(Enum):
    """Where an alias came from: the first name a person was created with on import, a name
    an admin added, or a variant spelling the identity matcher attached to the person."""

    IMPORT = "import"
    ADMIN = "admin"
    VARIANT = "variant"


class RinkRow(Base):
    """An ice rink: ``key`` is the short name record lists use (``calgary``, ``thialf``)."""

    __tablename__ = "rinks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    city: Mapped[str] = mapped_column(String(100), default="")
    nation: Mapped[str] = mapped_column(String(3), default="")
    altitude: Mapped[int | None] = mapped_column(Integer)
    environment: Mapped[str] = mapped_column(String(20), default="")


class PersonRow(Base):
    """A real skater across competitions; the archive's lists are per person."""

    __tablename__ = "persons"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    nation: Mapped[str] = mapped_column(String(3), default="")
    gender: Mapped[Gender | None] = mapped_column(EnumText(Gender, 10))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    created: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utc_now)


class PersonAliasRow(Base):
    """A name a person is written as, with the keys the identity matcher looks it up by."""

    __tablename__ = "person_aliases"
    __table_args__ = (
        Index("ix_person_aliases_name_key", "name_key"),
        Index("ix_person_aliases_sound_key", "sound_key"),
        Index("ix_person_aliases_person_id", "person_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200))
    sound_key: Mapped[str] = mapped_column(String(200))
    nation: Mapped[str] = mapped_column(String(3), default="")
    origin: Mapped[AliasOrigin] = mapped_column(EnumText(AliasOrigin, 10))


class ArchiveResultRow(Base):
    """One archived result: an individual race's valid time with a date, flat for the lists.

    ``sequence`` orders the results of one competition on one day: the race's place in the
    programme times 1000 plus the pair (0 where the pair is unknown). Results with equal
    (date, competition, sequence) are judged as simultaneous. ``flags`` are the record flags the
    archive computed (``"WR NR PB SB"``), the published ones stay in ``results.records``.
    """

    __tablename__ = "archive_results"
    __table_args__ = (
        Index(
            "ix_archive_results_person_id_distance_date",
            "person_id",
            "distance",
            "date",
            "sequence",
        ),
        Index(
            "ix_archive_results_distance_gender_season_date",
            "distance",
            "gender",
            "season",
            "date",
            "competition_id",
            "sequence",
        ),
        Index(
            "ix_archive_results_distance_gender_rink_id_hundredths",
            "distance",
            "gender",
            "rink_id",
            "hundredths",
        ),
        Index(
            "ix_archive_results_distance_gender_age_group_hundredths",
            "distance",
            "gender",
            "age_group",
            "hundredths",
        ),
        Index("ix_archive_results_competition_id", "competition_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    result_id: Mapped[int] = mapped_column(
        ForeignKey("results.id", ondelete="CASCADE"), unique=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    distance: Mapped[int] = mapped_column(Integer)
    gender: Mapped[Gender] = mapped_column(EnumText(Gender, 10))
    season: Mapped[int] = mapped_column(SmallInteger)
    date: Mapped[dt.date] = mapped_column(Date)
    time_thousandths: Mapped[int] = mapped_column(Integer)
    hundredths: Mapped[int] = mapped_column(Integer)
    competition_id: Mapped[int] = mapped_column(ForeignKey("competitions.id", ondelete="CASCADE"))
    rink_id: Mapped[int | None] = mapped_column(ForeignKey("rinks.id"))
    nation: Mapped[str] = mapped_column(String(3), default="")
    age_group: Mapped[str] = mapped_column(String(20), default="")
    junior: Mapped[bool] = mapped_column(Boolean, default=False)
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    flags: Mapped[str] = mapped_column(String(40), default="")


class ArchiveBestRow(Base):
    """A person's best on one distance in one season; season ``ALL_TIME`` (0) is the PB.

    The best is the lowest ``hundredths``; of equal ones the earliest (an equal time is no
    improvement). ``nation`` is the nation the best was skated for. ``competition_id``,
    ``sequence`` and ``rink_id`` are copies of its result's (``archive_results``), so that a
    list, and the judge comparing bests, read no result.
    """

    __tablename__ = "archive_bests"
    __table_args__ = (
        Index(
            "ix_archive_bests_distance_gender_season_time_thousandths",
            "distance",
            "gender",
            "season",
            "time_thousandths",
        ),
    )

    person_id: Mapped[int] = mapped_column(
        ForeignKey("persons.id", ondelete="CASCADE"), primary_key=True
    )
    distance: Mapped[int] = mapped_column(Integer, primary_key=True)
    season: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    gender: Mapped[Gender] = mapped_column(EnumText(Gender, 10))
    nation: Mapped[str] = mapped_column(String(3), default="")
    time_thousandths: Mapped[int] = mapped_column(Integer)
    hundredths: Mapped[int] = mapped_column(Integer)
    date: Mapped[dt.date] = mapped_column(Date)
    result_id: Mapped[int] = mapped_column(ForeignKey("results.id", ondelete="CASCADE"), index=True)
    competition_id: Mapped[int] = mapped_column(Integer)
    sequence: Mapped[int] = mapped_column(Integer)
    rink_id: Mapped[int | None] = mapped_column(Integer)


class ArchiveRecordRow(Base):
    """A result that set or equalled a record when it was skated: one row per record flag the
    archive computed (``kind`` WR, WRJ, NR, NRJ, TR, TRJ). ``scope`` is where the record
    holds: empty for the world, the nation code for NR, the rink id (as text) for TR.

    The standing record of a scope at a date is the lowest ``hundredths`` of its rows up to
    that date (records only ever fall); ``date``, ``competition_id`` and ``sequence`` are the
    result's place in the archive's chronology (see ``ArchiveResultRow``). The judge seeds its
    record book from these rows, and the record lists and progressions read them, instead of
    grouping ``archive_results``.
    """

    __tablename__ = "archive_records"
    __table_args__ = (
        Index(
            "ix_archive_records_distance_gender_kind_scope_date",
            "distance",
            "gender",
            "kind",
            "scope",
            "date",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    result_id: Mapped[int] = mapped_column(ForeignKey("results.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(3))
    scope: Mapped[str] = mapped_column(String(20), default="")
    distance: Mapped[int] = mapped_column(Integer)
    gender: Mapped[Gender] = mapped_column(EnumText(Gender, 10))
    date: Mapped[dt.date] = mapped_column(Date)
    competition_id: Mapped[int] = mapped_column(Integer)
    sequence: Mapped[int] = mapped_column(Integer)
    hundredths: Mapped[int] = mapped_column(Integer)


class AdelskalenderRow(Base):
    """A person's Adelskalender points (thousandths of a point; lower is better) from their
    personal bests on the four distances, and the date the last of those bests was skated."""

    __tablename__ = "adelskalender"
    __table_args__ = (
        Index("ix_adelskalender_gender_points_thousandths", "gender", "points_thousandths"),
    )

    person_id: Mapped[int] = mapped_column(
        ForeignKey("persons.id", ondelete="CASCADE"), primary_key=True
    )
    gender: Mapped[Gender] = mapped_column(EnumText(Gender, 10))
    points_thousandths: Mapped[int] = mapped_column(Integer)
    date: Mapped[dt.date] = mapped_column(Date)


class AdelskalenderChangeRow(Base):
    """Every change of a person's Adelskalender points, for the history of their position.

    A person's points only fall over time (a personal best only improves), so the position
    after a change is one plus the number of other persons whose points had fallen below it
    by that date (``store.archive_adelskalender``).
    """

    __tablename__ = "adelskalender_changes"
    __table_args__ = (
        Index("ix_adelskalender_changes_person_id_date", "person_id", "date"),
        Index(
            "ix_adelskalender_changes_gender_points_thousandths",
            "gender",
            "points_thousandths",
            "date",
            "person_id",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"))
    gender: Mapped[Gender] = mapped_column(EnumText(Gender, 10))
    date: Mapped[dt.date] = mapped_column(Date)
    points_thousandths: Mapped[int] = mapped_column(Integer)


class ArchiveAuditRow(Base):
    """One admin change to the archive's identities (add or move an alias, merge persons):
    who, when, what before and after, and why. Persons named here may since have been merged
    away, so the ids are kept as plain numbers."""

    __tablename__ = "archive_audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int | None] = mapped_column(Integer, index=True)
    who: Mapped[str] = mapped_column(String(100))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utc_now)
    action: Mapped[str] = mapped_column(String(40))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text, default="")
