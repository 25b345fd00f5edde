"""Which season a date belongs to: seasons run from July 1 to June 30."""

from __future__ import annotations

import datetime

__all__ = ["season_of"]

_FIRST_MONTH = 7  # July


def season_of(date: datetime.date) -> str:
    """The season of ``date``: 2025-01-24 -> ``"2024-25"``, 2024-07-01 -> ``"2024-25"``."""
    start = date.year if date.month >= _FIRST_MONTH else date.year - 1
    return f"{start}-{(start + 1) % 100:02d}"
