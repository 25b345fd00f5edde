"""``ovaltime classify``: a combination's standings with gaps in points and in seconds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ovaltime.cli.errors import UserError
from ovaltime.cli.output import OutputFormat, console, table, write_csv, write_json
from ovaltime.cli.race_output import accept
from ovaltime.core.combination import Classification, Combination, classify
from ovaltime.core.programme import combination_from_text
from ovaltime.formats.textfile import read_text
from ovaltime.formats.views import classification_view


def combination_from_option(text: str, *, final_size: int, weighting: int) -> Combination:
    """``--combination``: a name, or a custom programme ``500,1000,1500``."""
    try:
        return combination_from_text(text, final_size=final_size, weighting=weighting)
    except ValueError as error:
        raise UserError(f"--combination {text!r}: {error}") from None


def classify_command(
    path: Path,
    *,
    combination: str,
    final_size: int,
    weighting: int,
    after: int | None,
    fmt: OutputFormat,
    lenient: bool,
) -> None:
    from ovaltime.formats.classification_csv import read_classification_csv

    programme = combination_from_option(combination, final_size=final_size, weighting=weighting)
    parsed = read_classification_csv(read_text(path), str(path))
    accept(parsed.problems, lenient=lenient)
    if after is not None and not 1 <= after <= len(programme.slots):
        raise UserError(f"--after {after}: the {programme.name} has {len(programme.slots)} races")
    try:
        result = classify(programme, parsed.races, after=after)
    except ValueError as error:  # races outside the programme, a skater twice in one race
        raise UserError(f"{path}: {error}") from None
    write_classification(result, fmt)


STANDING_COLUMNS = ("rank", "skater", "nation", "total", "gap_points", "gap_seconds", "status")


def _qualified_text(row: dict[str, Any]) -> str:
    qualification: dict[str, Any] | None = row["qualification"]
    if row["status"] != "classified":
        return str(row["status"])
    if qualification is None:
        return ""
    return ("Q: " if qualification["qualified"] else "NQ: ") + str(qualification["reason"])


def _csv_row(row: dict[str, Any]) -> list[object]:
    """One standing; the view gives one entry per race counted, so columns line up."""
    races = row["races"]
    return [
        *(row[key] for key in STANDING_COLUMNS),
        *(race["time"] or race["status"] for race in races),
        *(race["points"] for race in races),
    ]


def write_classification(classification: Classification, fmt: OutputFormat) -> None:
    view = classification_view(classification)
    if fmt is OutputFormat.json:
        write_json(view)
        return
    slots = classification.combination.slots[: classification.after]
    race_names = [f"{s.distance}" + (f" ({s.number})" if s.number > 1 else "") for s in slots]
    if fmt is OutputFormat.csv:
        write_csv(
            [
                *STANDING_COLUMNS,
                *(f"{name} time" for name in race_names),
                *(f"{name} points" for name in race_names),
            ],
            (_csv_row(row) for row in view["standings"]),
        )
        return
    console().print(classification_table(view, race_names))


def classification_table(view: dict[str, Any], race_names: list[str]) -> Any:
    nxt = view["next"]
    gap_title = f"Gap on {nxt['distance']} m" if nxt else "Gap (s)"
    rows = []
    for row in view["standings"]:
        cells = [
            f"{race['time'] or race['status'] or ''}\n{race['points'] or ''}".strip()
            for race in row["races"]
        ]
        rows.append(
            [
                row["rank"] or "",
                row["skater"],
                row["nation"],
                *cells,
                row["total"],
                row["gap_points"] if row["gap_points"] not in (None, "0.000") else "",
                row["gap_seconds"] if row["gap_seconds"] not in (None, "0.00") else "",
                _qualified_text(row),
            ]
        )
    title = f"{view['combination']}: classification after {len(race_names)} " + (
        "race" if len(race_names) == 1 else "races"
    )
    race_headers = [f"{name} m" for name in race_names]
    return table(
        title,
        ["Rank", "Skater", "Nat", *race_headers, "Points", "Gap (pts)", gap_title, "Status"],
        rows,
        right=["Rank", *race_headers, "Points", "Gap (pts)", gap_title],
    )
