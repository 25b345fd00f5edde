"""``ovaltime medals``: the medal table of one competition, per skater and per nation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ovaltime.cli.errors import report_problems
from ovaltime.cli.load import load_competition
from ovaltime.cli.output import OutputFormat, console, table, write_csv, write_json
from ovaltime.core.medals import MedalLine, medal_table

COUNTS = ("gold", "silver", "bronze", "podiums")
NOTE = "Division A races only; a team medal counts once for its nation and for each member"


def _view(line: MedalLine, name_key: str) -> dict[str, Any]:
    view: dict[str, Any] = {"rank": line.rank, name_key: line.name}
    if name_key == "skater":
        view["nation"] = line.nation
    view.update(gold=line.gold, silver=line.silver, bronze=line.bronze, podiums=line.podiums)
    return view


def medals_command(path: Path, *, fmt: OutputFormat) -> None:
    loaded = load_competition(path)
    report_problems(loaded.problems, prefix="warning")
    medals = medal_table(loaded.competition)
    if fmt is OutputFormat.json:
        write_json(
            {
                "competition": medals.competition,
                "skaters": [_view(line, "skater") for line in medals.skaters],
                "nations": [_view(line, "nation") for line in medals.nations],
                "notes": [NOTE],
            }
        )
        return
    if fmt is OutputFormat.csv:
        write_csv(
            ("table", "rank", "name", "nation", *COUNTS),
            [
                *(["skaters", m.rank, m.name, m.nation, *_counts(m)] for m in medals.skaters),
                *(["nations", m.rank, m.name, m.nation, *_counts(m)] for m in medals.nations),
            ],
        )
        return
    right = ("Rank", "Gold", "Silver", "Bronze", "Podiums")
    out = console()
    out.print(
        table(
            f"{medals.competition}: medals per skater",
            ["Rank", "Skater", "Nation", "Gold", "Silver", "Bronze", "Podiums"],
            ([m.rank, m.name, m.nation, *_counts(m)] for m in medals.skaters),
            right=right,
        )
    )
    out.print(
        table(
            f"{medals.competition}: medals per nation",
            ["Rank", "Nation", "Gold", "Silver", "Bronze", "Podiums"],
            ([m.rank, m.name, *_counts(m)] for m in medals.nations),
            right=right,
            caption=NOTE,
        )
    )


def _counts(line: MedalLine) -> list[int]:
    return [line.gold, line.silver, line.bronze, line.podiums]
