"""JSON-ready views of rankings and classifications: what the CLI prints and the API serves."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_DOWN, Decimal
from typing import TYPE_CHECKING, Any

from ovaltime.core.pairs import LeaderAfterPair, leader_spells
from ovaltime.core.ranking import Ranked
from ovaltime.core.results import Result

if TYPE_CHECKING:  # classification is loaded only by the commands that classify
    from ovaltime.core.classification import Classification, RaceEntry
    from ovaltime.core.programme import RaceSlot
    from ovaltime.core.standings import CupStandings, Standing

__all__ = ["classification_view", "cup_view", "leaders_view", "ranked_row", "ranking_view"]


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
        "behind": entry.behind_text or None,
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


def leaders_view(
    results: Sequence[Result], walk: Sequence[LeaderAfterPair] | None = None
) -> list[dict[str, Any]]:
    """Who led the race from which pair to which: ``[{"skater", "time", "from_pair", "to_pair",
    "held_to_end"}]`` (RULES: unranked results never lead). ``walk`` is
    ``leader_after_each_pair(results)`` when the caller has it already."""
    return [
        {
            "skater": spell.skater.name,
            "time": str(spell.time),
            "from_pair": spell.from_pair,
            "to_pair": spell.to_pair,
            "held_to_end": spell.held_to_end,
        }
        for spell in leader_spells(results, walk)
    ]


def ranking_view(ranking: Sequence[Ranked]) -> dict[str, Any]:
    return {"results": [ranked_row(entry) for entry in ranking]}


def _decimal(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.3f}"


def _seconds(value: Decimal | None) -> str | None:
    """A gap in seconds as the sheets write it: hundredths, truncated (``11.61``)."""
    if value is None:
        return None
    return f"{value.quantize(Decimal('0.01'), rounding=ROUND_DOWN):.2f}"


def classification_view(classification: Classification) -> dict[str, Any]:
    """``{"after", "next", "races", "standings": [{"rank", "skater", "nation", "total", "status",
    "gap_points", "gap_seconds", "qualification", "mark", "races": [...]}]}``.

    Each standing lists one entry per race counted so far, in programme order (the top-level
    ``races``), so columns line up: a race the skater has no result in (an NQ skater's final
    distance, a race after a DQ) is an entry with ``time``, ``status`` and ``points`` null.
    ``mark`` is what a list prints beside the standing (``Classification.mark``: ``Q``,
    ``NQ``, ``NC`` or empty).
    """
    gaps = {gap.skater.key: gap for gap in classification.gaps()}
    slots = classification.combination.slots[: classification.after]
    qualification = classification.qualification
    nxt = classification.next_slot
    standings = []
    for standing in classification.standings:
        gap = gaps[standing.skater.key]
        qualifier = qualification.entry(standing.skater) if qualification else None
        standings.append(
            {
                "rank": standing.rank,
                "skater": standing.skater.name,
                "nation": standing.skater.nation,
                "total": _decimal(standing.total),
                "status": standing.status.value,
                "completed": standing.completed,
                "gap_points": _decimal(gap.points),
                "gap_seconds": _seconds(gap.seconds),
                "qualification": (
                    {"qualified": qualifier.qualified, "reason": qualifier.reason}
                    if qualifier
                    else None
                ),
                "mark": classification.mark(standing),
                "races": _race_entries(standing.entries, slots),
            }
        )
    return {
        "combination": classification.combination.name,
        "after": classification.after,
        "next": {"distance": nxt.distance, "race": nxt.number} if nxt else None,
        "races": [{"distance": slot.distance, "race": slot.number} for slot in slots],
        "standings": standings,
    }


def _race_entries(entries: Sequence[RaceEntry], slots: Sequence[RaceSlot]) -> list[dict[str, Any]]:
    by_slot = {(entry.distance, entry.number): entry for entry in entries}
    out: list[dict[str, Any]] = []
    for slot in slots:
        entry = by_slot.get((slot.distance, slot.number))
        out.append(
            {
                "distance": slot.distance,
                "race": slot.number,
                "time": entry.time.format() if entry and entry.time else None,
                "status": entry.status.value if entry else None,
                "points": _decimal(entry.points) if entry else None,
            }
        )
    return out


def cup_view(cup: CupStandings) -> dict[str, Any]:
    """One cup of the series standings: ``{"gender", "distance", "new_leader", "standings":
    [{"rank", "skater", "nation", "points", "behind", "movement", "races": [...]}]}``."""
    last = cup.history[-1] if cup.history else None
    return {
        "gender": cup.cup.gender.value,
        "distance": cup.cup.name,
        "new_leader": bool(last and last.new_leader),
        "standings": [_standing_view(line) for line in cup.standings],
    }


def _standing_view(line: Standing) -> dict[str, Any]:
    return {
        "rank": line.rank,
        "skater": line.competitor.name,
        "nation": line.competitor.nation,
        "points": line.points,
        "behind": line.behind,
        "movement": line.movement_text or None,
        "races": [
            {
                "competition": score.competition,
                "race": score.race,
                "division": score.division,
                "rank": score.rank,
                "points": score.points,
            }
            for score in line.scores
        ],
    }
