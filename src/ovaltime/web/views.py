"""JSON views of what the API reads, built from core values and ``formats.views``, never SQL.

A race is shown with its start list (every entry, skated or not, with the ids and versions that
address it), its ranking, the running leader after each pair and the spells at the top, and per
skater the passages, lap times and each passage against the leader when the pair started.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ovaltime.core.distances import Passage, lap_times
from ovaltime.core.laps import laps_of
from ovaltime.core.pairs import LeaderAfterPair, leader_after_each_pair
from ovaltime.core.ranking import rank_race
from ovaltime.core.results import Competition, Race, Result
from ovaltime.core.splits import describe_split, split_gaps
from ovaltime.core.states import RaceKind
from ovaltime.core.times import Time
from ovaltime.formats.views import leaders_view, ranked_row
from ovaltime.store.audit import AuditEntry
from ovaltime.store.competitions import CompetitionSummary, StoredRace
from ovaltime.store.entries import Entry

__all__ = [
    "audit_view",
    "competition_summary_view",
    "competition_view",
    "race_summary_view",
    "race_view",
]


def _date(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def competition_summary_view(summary: CompetitionSummary) -> dict[str, Any]:
    return {
        "id": summary.id,
        "name": summary.name,
        "venue": summary.venue,
        "nation": summary.nation,
        "start": _date(summary.start),
        "end": _date(summary.end),
        "races": summary.races,
    }


def _race_head(race: Race) -> dict[str, Any]:
    return {
        "name": race.name,
        "distance": race.distance,
        "gender": race.gender.value,
        "kind": race.kind.value,
        "number": race.number,
        "division": race.division,
        "title": race.title,
        "date": _date(race.date),
        "state": race.state.value,
    }


def race_summary_view(position: int, race: Race) -> dict[str, Any]:
    """One line of a competition's programme: the race, its state, results so far, winner."""
    ranking = rank_race(race)
    winner = ranking[0] if ranking and ranking[0].rank == 1 else None
    return {
        "position": position,
        **_race_head(race),
        "results": len(race.results),
        "winner": winner.result.skater.name if winner else None,
        "time": winner.time_text if winner else None,
    }


def competition_view(competition_id: int, competition: Competition) -> dict[str, Any]:
    return {
        "id": competition_id,
        "name": competition.name,
        "venue": competition.venue,
        "nation": competition.nation,
        "start": _date(competition.start),
        "end": _date(competition.end),
        "races": [
            race_summary_view(position, race)
            for position, race in enumerate(competition.races, start=1)
        ],
    }


def _passages(passages: Sequence[Passage], laps: Sequence[tuple[int, int]]) -> list[dict[str, Any]]:
    lap_at = dict(laps)
    return [
        {
            "metres": p.metres,
            "time": str(p.time),
            "lap": Time(lap_at[p.metres]).format() if p.metres in lap_at else None,
        }
        for p in passages
    ]


def _leaders_before(walk: Sequence[LeaderAfterPair], pair: int) -> tuple[Result, ...]:
    """``core.pairs.leader_before_pair`` read off the walk: the leaders after the last pair
    skated before ``pair``."""
    leaders: tuple[Result, ...] = ()
    for after in walk:
        if after.pair >= pair:
            break
        leaders = after.leaders
    return leaders


def _entry_view(entry: Entry, race: Race, walk: Sequence[LeaderAfterPair] | None) -> dict[str, Any]:
    result = entry.result
    laps = laps_of(result, race.distance) if result is not None else lap_times(entry.passages)
    view: dict[str, Any] = {
        "result_id": entry.result_id,
        "version": entry.version,
        "skater": entry.skater.name,
        "nation": entry.skater.nation,
        "pair": entry.pair,
        "lane": entry.lane.value if entry.lane else None,
        "recorded": result is not None,
        "time": str(result.time) if result is not None and result.time else None,
        "status": result.status.value if result is not None else None,
        "passages": _passages(entry.passages, laps),
        "finish_lap": (
            Time(laps[-1][1]).format()
            if result is not None and laps and laps[-1][0] == race.distance
            else None
        ),
        "against": None,
        "splits": [],
    }
    if walk is not None and entry.pair is not None and entry.passages:
        leaders = _leaders_before(walk, entry.pair)
        if leaders:
            view["against"] = leaders[0].skater.name
            view["splits"] = [
                {
                    "metres": gap.metres,
                    "time": str(gap.time),
                    "leader": str(gap.reference),
                    "gap": gap.gap,
                    "words": describe_split(gap, race.distance),
                }
                for gap in split_gaps(entry.passages, leaders[0])
            ]
    return view


def race_view(stored: StoredRace, entries: Sequence[Entry]) -> dict[str, Any]:
    """The race page's data: start list by pair, ranking, leaders, passages and split gaps."""
    race = stored.race
    ranking = rank_race(race)
    ids = {e.skater.key: e for e in entries}
    results = race.results
    pairs = race.kind is RaceKind.INDIVIDUAL and all(r.pair for r in results if r.ranked)
    walk = leader_after_each_pair(results) if pairs else None  # who led after each pair
    rows = []
    for line in ranking:
        row = ranked_row(line)
        entry = ids.get(line.result.skater.key)
        row["result_id"] = entry.result_id if entry else None
        row["version"] = entry.version if entry else None
        rows.append(row)
    start_list: dict[int | None, list[dict[str, Any]]] = {}
    for entry in entries:
        start_list.setdefault(entry.pair, []).append(_entry_view(entry, race, walk))
    ordered = sorted(start_list.items(), key=lambda item: (item[0] is None, item[0] or 0))
    return {
        "id": stored.id,
        "competition_id": stored.competition_id,
        "position": stored.position,
        **_race_head(race),
        "pairs": [{"pair": pair, "entries": listed} for pair, listed in ordered],
        "ranking": rows,
        "leader_after_pair": [
            {
                "pair": after.pair,
                "leaders": [r.skater.name for r in after.leaders],
                "time": str(after.leaders[0].time) if after.leaders else None,
                "changed": after.changed,
            }
            for after in walk or []
        ],
        "leaders": leaders_view(results, walk) if walk is not None else [],
    }


def audit_view(entry: AuditEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "race_id": entry.race_id,
        "result_id": entry.result_id,
        "who": entry.who,
        "at": entry.at.isoformat(),
        "action": entry.action,
        "before": entry.before,
        "after": entry.after,
        "reason": entry.reason,
    }
