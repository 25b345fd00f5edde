"""One race on the terminal: its ranking, the running leader, passages, laps and split gaps."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import typer

from ovaltime.cli.errors import BAD_INPUT, report_problems
from ovaltime.cli.output import OutputFormat, console, table, write_csv, write_json
from ovaltime.core.laps import laps_of
from ovaltime.core.pairs import leader_spells
from ovaltime.core.ranking import Ranked, rank_race
from ovaltime.core.results import Race, Result
from ovaltime.core.splits import compare_to_leader, describe_split, fastest_passages
from ovaltime.core.states import Gender, RaceKind
from ovaltime.core.times import Time
from ovaltime.formats.problems import Problem
from ovaltime.formats.textfile import read_text
from ovaltime.formats.views import leaders_view, ranked_row, ranking_view

RANK_COLUMNS = ("rank", "pair", "lane", "skater", "nation", "time", "behind", "status", "records")


def accept(problems: Sequence[Problem], *, lenient: bool) -> None:
    """Stop with every problem (exit 2), or with ``lenient`` only warn about them."""
    if not problems:
        return
    report_problems(problems, prefix="warning" if lenient else "error")
    if not lenient:
        raise typer.Exit(BAD_INPUT)


def rank_command(
    path: Path, *, distance: int | None, gender: str | None, fmt: OutputFormat, lenient: bool
) -> None:
    from ovaltime.formats.race_csv import read_race_csv

    parsed = read_race_csv(
        read_text(path),
        str(path),
        distance=distance,
        gender=Gender.parse(gender) if gender else None,
    )
    accept(parsed.problems, lenient=lenient)
    write_ranking(parsed.race, rank_race(parsed.race), fmt)


def _flags(entry: Ranked) -> str:
    result = entry.result
    parts = list(result.records)
    if result.fell:
        parts.append("fell")
    if result.infraction:
        parts.append(result.infraction)
    if not result.thousandths_known:
        parts.append("thousandths unknown")
    return ", ".join(parts)


def ranking_rows(ranking: Sequence[Ranked]) -> list[list[object]]:
    rows: list[list[object]] = []
    for entry in ranking:
        result = entry.result
        rows.append(
            [
                entry.rank if entry.rank is not None else "",
                result.pair or "",
                result.lane.value if result.lane else "",
                result.skater.name,
                result.skater.nation,
                entry.time_text,
                entry.behind_text,
                _flags(entry),
            ]
        )
    return rows


def write_ranking(race: Race, ranking: Sequence[Ranked], fmt: OutputFormat) -> None:
    if fmt is OutputFormat.json:
        write_json(ranking_view(ranking))
    elif fmt is OutputFormat.csv:
        keys = [key for key in RANK_COLUMNS if key != "records"]
        write_csv(
            [*keys, "infraction", "seconds", "records"],
            (
                [
                    *(row.get(key) for key in keys),
                    row.get("infraction"),
                    row["seconds"],
                    " ".join(row.get("records", [])),
                ]
                for row in map(ranked_row, ranking)
            ),
        )
    else:
        console().print(ranking_table(race, ranking))


def ranking_table(race: Race, ranking: Sequence[Ranked]) -> Any:
    header = ["Rank", "Pair", "Lane", "Skater", "Nat", "Time", "Behind", "Notes"]
    caption = None
    if race.kind is RaceKind.INDIVIDUAL and all(r.pair for r in race.results if r.ranked):
        caption = "\n".join(spell_lines(race.results)) or None
    return table(
        race.name, header, ranking_rows(ranking), right=("Rank", "Time", "Behind"), caption=caption
    )


def spell_lines(results: Sequence[Result]) -> list[str]:
    """``Pair 1-4: Name 1:13.10`` for each skater who held the lead, in order."""
    lines = []
    for spell in leader_spells(results):
        span = (
            f"pair {spell.from_pair}"
            if spell.from_pair == spell.to_pair
            else f"pairs {spell.from_pair}-{spell.to_pair}"
        )
        lines.append(f"{span}: {spell.skater.name} led in {spell.time}")
    return lines


def race_details(race: Race) -> dict[str, Any]:
    """Leader spells, passages, lap times and gaps to the leader of each skater, as data."""
    results = [r for r in race.results if r.pair]
    has_pairs = bool(results) and all(r.pair for r in race.results if r.ranked)
    fastest = fastest_passages(race.results)
    skaters: list[dict[str, Any]] = []
    for result in race.results:
        if not result.passages:
            continue
        entry: dict[str, Any] = {
            "skater": result.skater.name,
            "time": str(result.time) if result.time else result.status.value,
            "passages": [
                {
                    "metres": p.metres,
                    "time": str(p.time),
                    "fastest": fastest.get(p.metres, (None, None))[0] is result,
                }
                for p in result.passages
            ],
            "laps": [
                {"metres": metres, "time": Time(lap).format()}
                for metres, lap in laps_of(result, race.distance)
            ],
        }
        if has_pairs and result.pair:
            comparison = compare_to_leader(race.results, result)
            if comparison.against is not None:
                entry["against"] = comparison.against.skater.name
                entry["gaps"] = [describe_split(gap, race.distance) for gap in comparison.gaps]
        skaters.append(entry)
    return {
        "leaders": leaders_view(race.results) if has_pairs else [],
        "skaters": skaters,
    }


def print_race_details(race: Race) -> None:
    """Passages with lap times, and each skater's gap to the leader they skated against."""
    details = race_details(race)
    out = console()
    if not details["skaters"]:
        return
    points = sorted(
        {p["metres"] for s in details["skaters"] for p in s["passages"]}
        | {lap["metres"] for s in details["skaters"] for lap in s["laps"]}
    )
    rows = []
    for skater in details["skaters"]:
        at = {p["metres"]: p["time"] + ("*" if p["fastest"] else "") for p in skater["passages"]}
        at.setdefault(race.distance, skater.get("time", ""))
        laps = {lap["metres"]: lap["time"] for lap in skater["laps"]}
        cells = [
            at.get(m, "") if m == points[0] or m not in laps else f"{at.get(m, '')} ({laps[m]})"
            for m in points
        ]
        rows.append([skater["skater"], *cells])
    out.print(
        table(
            f"{race.name}: passages and lap times",
            ["Skater", *(f"{m} m" for m in points)],
            rows,
            right=[f"{m} m" for m in points],
            caption="time at each split point (lap or section in brackets); * fastest passage",
        )
    )
    gaps = [s for s in details["skaters"] if s.get("gaps")]
    if gaps:
        out.print(
            table(
                f"{race.name}: against the leader",
                ["Skater", "Leader", "Passages"],
                ([s["skater"], s["against"], "; ".join(s["gaps"])] for s in gaps),
            )
        )
