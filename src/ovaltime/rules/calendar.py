"""Which season a date belongs to: seasons run from July 1 to June 30."""

from __future__ import annotations

import datetime

from ovaltime.core.records import season_label, season_start

__all__ = ["season_of"]


def season_of(date: datetime.date) -> str:
    """The season of ``date``: 2025-01-24 -> ``"2024-25"``, 2024-07-01 -> ``"2024-25"``."""
    return season_label(season_start(date))
