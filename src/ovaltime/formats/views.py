"""Plain JSON-ready views of rankings: the shapes the CLI prints and the API will serve."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ovaltime.core.ranking import Ranked
from ovaltime.core.times import format_behind

__all__ = ["ranked_row", "ranking_view"]


def ranked_row(entry: Ranked) -> dict[str, Any]:
    """One result of a ranked race: ``{"rank", "skater", "nation", "time", "seconds", ...}``."""
    result = entry.result
    time = result.time
    row: dict[str, Any] = {
        "rank": entry.rank,
        "skater": result.skater.name,
        "nation": result.skater.nation,
        "time": time.format(thousandth=entry.show_thousandth) if time else None,
        "seconds": f"{time.seconds:.3f}" if time else None,
        "behind": format_behind(entry.behind) if entry.behind else None,
        "status": result.status.value,
        "pair": result.pair,
        "lane": result.lane.value if result.lane else None,
    }
    if result.infraction:
        row["infraction"] = result.infraction
    if result.fell:
        row["fell"] = True
    if result.records:
        row["records"] = list(result.records)
    if not result.thousandths_known:
        row["thousandths_known"] = False
    return row


def ranking_view(ranking: Sequence[Ranked]) -> dict[str, Any]:
    return {"results": [ranked_row(entry) for entry in ranking]}
