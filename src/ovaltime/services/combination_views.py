"""The archive's combination totals as the API, the pages and the command line show them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ovaltime.core.programme import COMBINATIONS
from ovaltime.services.archive_views import points_text
from ovaltime.services.errors import Invalid
from ovaltime.store.combination_rows import CombinationLine

__all__ = ["combinations_view", "parse_combination_name", "totals_view"]


def parse_combination_name(value: str, field: str = "combination") -> str:
    """``big``, ``small``, ``sprint`` or ``mini`` (any case); ``Invalid`` naming the field."""
    key = value.strip().casefold()
    if key not in COMBINATIONS:
        raise Invalid(field, f"{value!r}: expected one of {', '.join(COMBINATIONS)}")
    return key


def _line(line: CombinationLine, ids: bool) -> dict[str, Any]:
    item: dict[str, Any] = {
        "rank": line.rank,
        "skater": line.name,
        "nation": line.nation,
        "points": points_text(line.points),
        "date": line.date.isoformat(),
        "competition": line.competition,
        "flags": line.flags,
    }
    if ids:
        item["skater_id"] = line.person_id
        item["competition_id"] = line.competition_id
    return item


def combinations_view(lines: Sequence[CombinationLine], *, ids: bool = False) -> dict[str, Any]:
    """``{"list": [{"rank", "skater", "nation", "points", "date", "competition", "flags"}]}``:
    each skater's best total, points with three decimals; ``flags`` as judged when it was
    skated (``WR NR PB``). With ``ids``: ``skater_id`` and ``competition_id`` too."""
    return {"list": [_line(line, ids) for line in lines]}


def totals_view(lines: Sequence[CombinationLine], *, ids: bool = False) -> list[dict[str, Any]]:
    """A skater's totals: ``[{"combination", "gender", "points", "date", "competition",
    "flags"}]`` in time order per combination."""
    shown = []
    for line in lines:
        item = _line(line, ids)
        for key in ("rank", "skater", "nation"):
            del item[key]
        shown.append({"combination": line.combination, "gender": line.gender.value, **item})
    return shown
