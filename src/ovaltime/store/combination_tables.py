"""The archive's combination totals: one row per skater and counted combination of a
competition (``core.combination_records``), with the flags it was judged to earn."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ovaltime.core.states import Gender
from ovaltime.store.base import Base, EnumText

__all__ = ["CombinationTotalRow"]


class CombinationTotalRow(Base):
    """A skater's samalog total of a combination (``big``, ``small``, ``sprint``, ``mini``)
    in one competition, in thousandths of a point. ``skater_id`` is the competition's skater,
    ``person_id`` their person when judged (kept in step when identities change); ``date``
    the day of the competition's last race of the gender; ``flags`` ``WR NR PB`` as judged in
    the archive's chronology (date, then competition)."""

    __tablename__ = "archive_combinations"
    __table_args__ = (
        Index(
            "ix_archive_combinations_combination_gender_points_thousandths",
            "combination",
            "gender",
            "points_thousandths",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    competition_id: Mapped[int] = mapped_column(
        ForeignKey("competitions.id", ondelete="CASCADE"), index=True
    )
    skater_id: Mapped[int] = mapped_column(ForeignKey("skaters.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    combination: Mapped[str] = mapped_column(String(10))
    gender: Mapped[Gender] = mapped_column(EnumText(Gender, 10))
    nation: Mapped[str] = mapped_column(String(3))
    date: Mapped[dt.date] = mapped_column(Date)
    points_thousandths: Mapped[int] = mapped_column(Integer)
    flags: Mapped[str] = mapped_column(String(20), default="")
