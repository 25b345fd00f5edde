"""A race as its page and the TV view show it: the API's race view, the pair on the ice, and
the leader's spells in words ("set the pace in pair 1 and stayed in front until pair 7")."""

from __future__ import annotations

from typing import Any

from ovaltime.services.unit import Context
from ovaltime.store.engine import read_session
from ovaltime.store.entries import find_race_entries
from ovaltime.store.tables import CompetitionRow
from ovaltime.web.views import race_view

__all__ = ["current_pair", "race_context", "race_data", "spell_sentence", "spell_sentences"]

_FINISHED = {"unofficial", "official"}


def race_data(ctx: Context, competition_id: int, position: int) -> dict[str, Any] | None:
    """The API's view of the race (``GET /api/competitions/{id}/races/{position}``) with its
    competition's ``{"id", "name"}`` as ``competition``, or ``None`` when the competition has
    no race at that position."""
    with read_session(ctx.engine) as session:
        found = find_race_entries(session, competition_id, position)
        head = session.get(CompetitionRow, competition_id)
    if found is None or head is None:
        return None
    view = race_view(*found)
    view["competition"] = {"id": competition_id, "name": head.name}
    return view


def race_context(race: dict[str, Any]) -> dict[str, Any]:
    """What the race page and the TV view show beside the API's view; each entry of the start
    list gets its time as the ranking writes it (``shown``: ``37.34(2)`` where needed) and the
    infraction code of a DQ; ``passages`` counts the passages of recorded results, which the lap
    chart draws (its address carries the count, so a new passage is a new image)."""
    rows = {row["result_id"]: row for row in race["ranking"]}
    for pair_ in race["pairs"]:
        for entry in pair_["entries"]:
            row = rows.get(entry["result_id"], {})
            entry["shown"] = row.get("time") or entry["time"]
            entry["infraction"] = row.get("infraction")
    pair, skating = current_pair(race)
    return {
        "race": race,
        "competition": race["competition"],
        "current": pair,
        "skating": skating,
        "spells": spell_sentences(race),
        "finished": race["state"] in _FINISHED,
        "passages": sum(
            len(e["passages"]) for p in race["pairs"] for e in p["entries"] if e["recorded"]
        ),
    }


def current_pair(race: dict[str, Any]) -> tuple[dict[str, Any] | None, bool]:
    """The pair to show while the race is live, and whether it is skating: the first pair with
    a skater who has passed a split point and has no result yet, else the first pair still to
    finish (up next). ``(None, False)`` when the race is not live or every pair has finished."""
    if race["state"] != "live":
        return None, False
    waiting = [
        pair
        for pair in race["pairs"]
        if pair["pair"] is not None and not all(e["recorded"] for e in pair["entries"])
    ]
    for pair in waiting:
        if any(e["passages"] and not e["recorded"] for e in pair["entries"]):
            return pair, True
    return (waiting[0], False) if waiting else (None, False)


def spell_sentence(spell: dict[str, Any], first: bool, finished: bool) -> str:
    """One spell at the top in words, from the API's ``leaders`` item."""
    start, end = spell["from_pair"], spell["to_pair"]
    took = f"set the pace in pair {start}" if first else f"took the lead in pair {start}"
    if spell["held_to_end"]:
        if finished:
            rest = " and stayed in front to the end"
        elif end > start:
            rest = f" and is still in front after pair {end}"
        else:
            rest = " and leads"
    elif end > start:
        rest = f" and stayed in front until pair {end}"
    else:
        rest = " and lost the lead in the next pair"
    return f"{spell['skater']} ({spell['time']}) {took}{rest}."


def spell_sentences(race: dict[str, Any]) -> list[str]:
    """Every spell of the race in words, in the order the leads were taken."""
    finished = race["state"] in _FINISHED
    return [
        spell_sentence(spell, index == 0, finished) for index, spell in enumerate(race["leaders"])
    ]
