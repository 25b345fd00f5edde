"""Archived times with the precision their source gave.

The archive's tables keep a time as thousandths only. How many decimals the source gave (a
record of ``0:41.8`` has one) stays with the result it came from, ``results.time_precision``;
a read finds it through the archive row's ``result_id``, by the results' primary key (a join,
or ``precisions`` for the rows of a page), never by reading ``results`` from end to end.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.orm import Session

from ovaltime.core.times import Time
from ovaltime.store.tables import ResultRow

__all__ = ["archive_time", "precisions"]


def archive_time(thousandths: int, precision: int | None) -> Time:
    """The ``Time`` of an archived time and its result's precision (``None``: three decimals)."""
    return Time(thousandths, 3 if precision is None else precision)


def precisions(session: Session, result_ids: Collection[int]) -> dict[int, int | None]:
    """``results.time_precision`` of each of ``result_ids`` (a page's worth), by primary key."""
    if not result_ids:
        return {}
    query = select(ResultRow.id, ResultRow.time_precision).where(ResultRow.id.in_(set(result_ids)))
    return dict(session.execute(query).all())
