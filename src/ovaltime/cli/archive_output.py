"""The work of ``ovaltime archive``: open the database, ask the archive, write the answer.

Answers go to standard output as a Rich table, JSON or CSV; the JSON is the API's
(``services.archive_views``), without the ids the API adds for its links. Messages (problems
of an import, the skaters a name fits) go to standard error, one line each, so that a pipe
reading the answer never reads them.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from ovaltime.cli.database import open_database, shown
from ovaltime.cli.errors import BAD_INPUT
from ovaltime.cli.output import OutputFormat, console, table, write_csv, write_json

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ovaltime.services.archive.summary import ArchiveSummary
    from ovaltime.services.unit import Context
    from ovaltime.store.archive_queries import PersonFound


@contextmanager
def reading(database: str | None) -> Iterator[Session]:
    """A read session on the database, closed (and the engine disposed) afterwards."""
    from ovaltime.store.engine import read_session

    context, _ = open_database(database)
    try:
        with read_session(context.engine) as session:
            yield session
    finally:
        context.engine.dispose()


def skater_named(session: Session, text: str) -> PersonFound:
    """The person ``text`` names; several fit: list them on standard error and exit 2."""
    from ovaltime.services.archive_views import Ambiguous, resolve_skater

    try:
        return resolve_skater(session, text, "SKATER")
    except Ambiguous as error:
        sys.stderr.write(f"ovaltime: error: {error.message}\n")
        for found in error.found:
            also = [a for a in found.aliases if a != found.name]
            spelled = f" (written {', '.join(also)})" if also else ""
            nation = f" {found.nation}" if found.nation else ""
            sys.stderr.write(f"  #{found.person_id}  {found.name}{nation}{spelled}\n")
        raise typer.Exit(BAD_INPUT) from None


def _print(renderable: Any) -> None:
    console().print(renderable)


# -- import -------------------------------------------------------------------------------------
def _count_files(paths: Sequence[Path]) -> int:
    """How many files the import will read (as ``archive_import`` finds them)."""
    from ovaltime.services.archive.importing import SUFFIXES

    count = 0
    for path in paths:
        if path.is_dir():
            count += sum(
                1
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith(".")
            )
        else:
            count += 1
    return count


def _run_import(context: Context, paths: Sequence[Path]) -> ArchiveSummary:
    """The import, with a progress bar on standard error when it is a terminal."""
    from ovaltime.services.archive.importing import archive_import

    if not sys.stderr.isatty():
        return archive_import(context, paths)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    total = _count_files(paths)
    bar = Progress(
        TextColumn("importing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("files · {task.fields[added]} competitions added"),
        console=Console(stderr=True),
        transient=True,
    )
    with bar:
        task = bar.add_task("import", total=total or None, added=0)

        def advance(summary: ArchiveSummary) -> None:
            read = summary.files_read + len({p.file for p in summary.problems if not p.line})
            bar.update(task, completed=min(read, total), added=summary.competitions_added)

        return archive_import(context, paths, progress=advance)


def import_command(paths: Sequence[Path], database: str | None, fmt: OutputFormat) -> None:
    context, url = open_database(database)
    try:
        summary = _run_import(context, paths)
    finally:
        context.engine.dispose()
    if fmt is OutputFormat.json:
        write_json(summary_view(summary))
    elif fmt is OutputFormat.csv:
        write_csv(
            ("outcome", "source", "competition", "competition_id", "results", "archived", "rink"),
            [
                *(
                    ("added", a.source, a.name, a.competition_id, a.results, a.archived, a.rink)
                    for a in summary.added
                ),
                *(
                    ("skipped", s.source, s.name, s.competition_id or None, None, None, None)
                    for s in summary.skipped
                ),
            ],
        )
    else:
        _print_summary(summary, shown(url))
    for problem in summary.problems:
        sys.stderr.write(f"ovaltime: problem: {problem}\n")
    if summary.problems:
        raise typer.Exit(BAD_INPUT)


def summary_view(summary: ArchiveSummary) -> dict[str, Any]:
    """Everything the import did, JSON-ready."""
    return {
        "files_read": summary.files_read,
        "added": [
            {
                "competition_id": a.competition_id,
                "competition": a.name,
                "source": a.source,
                "results": a.results,
                "archived": a.archived,
                "rink": a.rink,
                "level": a.level,
            }
            for a in summary.added
        ],
        "skipped": [
            {
                "competition_id": s.competition_id or None,
                "competition": s.name,
                "source": s.source,
                "reason": s.reason,
            }
            for s in summary.skipped
        ],
        "results_stored": summary.results_stored,
        "results_archived": summary.results_archived,
        "not_archived": dict(summary.not_archived.most_common()),
        "persons_created": summary.persons_created,
        "variants": [_note(n) for n in summary.variants],
        "ambiguous": [_note(n) for n in summary.ambiguous],
        "unmapped_venues": sorted(summary.unmapped_venues),
        "problems": [str(p) for p in summary.problems],
    }


def _note(note: Any) -> dict[str, Any]:
    return {
        "source": note.source,
        "skater": note.name,
        "nation": note.nation,
        "person_id": note.person_id,
        "candidates": list(note.candidates),
        "reason": note.reason,
    }


def _print_summary(summary: ArchiveSummary, where: str) -> None:
    out = console()
    out.print(
        f"Imported {summary.files_read} file(s) into {where}: "
        f"{summary.competitions_added} competition(s) added, "
        f"{summary.competitions_skipped} skipped."
    )
    if summary.added:
        out.print(
            table(
                "Added",
                ("id", "competition", "file", "results", "archived", "rink", "level"),
                (
                    (a.competition_id, a.name, a.source, a.results, a.archived, a.rink, a.level)
                    for a in summary.added
                ),
                right=("id", "results", "archived"),
            )
        )
    if summary.skipped:
        out.print(
            table(
                "Skipped",
                ("competition", "file", "why"),
                ((s.name, s.source, s.reason) for s in summary.skipped),
            )
        )
    left = ", ".join(f"{n} {why}" for why, n in summary.not_archived.most_common())
    out.print(
        f"Results: {summary.results_stored} stored, {summary.results_archived} archived"
        + (f"; not archived: {left}." if left else ".")
    )
    out.print(f"Persons created: {summary.persons_created}.")
    for title, notes in (
        ("Variants merged", summary.variants),
        ("Ambiguous, for review", summary.ambiguous),
    ):
        if notes:
            out.print(
                table(
                    title,
                    ("skater", "nation", "person", "candidates", "why", "file"),
                    (
                        (
                            n.name,
                            n.nation,
                            f"#{n.person_id}",
                            " ".join(f"#{c}" for c in n.candidates),
                            n.reason,
                            n.source,
                        )
                        for n in notes
                    ),
                )
            )
    if summary.unmapped_venues:
        out.print(f"Venues without a rink: {', '.join(sorted(summary.unmapped_venues))}.")
    if summary.problems:
        out.print(f"Problems: {len(summary.problems)} (listed on standard error).")


# -- reads --------------------------------------------------------------------------------------
def bests_command(skater: str, season: str | None, database: str | None, fmt: OutputFormat) -> None:
    from ovaltime.services.archive_views import bests_view, parse_season
    from ovaltime.services.combination_views import totals_view
    from ovaltime.store.archive_queries import adelskalender_history, bests
    from ovaltime.store.combination_rows import person_totals

    start = parse_season(season, "--season") if season is not None else None
    with reading(database) as session:
        found = skater_named(session, skater)
        view = bests_view(
            found,
            bests(session, found.person_id, start),
            adelskalender_history(session, found.person_id),
        )
        view["combinations"] = totals_view(person_totals(session, found.person_id))
    if fmt is OutputFormat.json:
        write_json(view)
        return
    rows = [
        (
            b["distance"],
            b["pb"]["time"],
            b["pb"]["date"],
            b["pb"]["competition"],
            b["pb"]["rink"],
            b["sb"]["time"] if b["sb"] else None,
            b["sb"]["date"] if b["sb"] else None,
            b["sb"]["competition"] if b["sb"] else None,
            b["sb"]["rink"] if b["sb"] else None,
        )
        for b in view["bests"]
    ]
    header = (
        "distance",
        "PB",
        "PB date",
        "PB competition",
        "PB rink",
        "SB",
        "SB date",
        "SB competition",
        "SB rink",
    )
    if fmt is OutputFormat.csv:
        write_csv(header, rows)
        return
    person = view["skater"]
    title = f"{person['name']} ({person['nation'] or '-'}), #{person['id']}"
    caption = f"season bests of {view['season']}" if view["season"] else None
    _print(table(title, header, rows, right=("distance", "PB", "SB"), caption=caption))
    if view["adelskalender"]:
        _print(
            table(
                "Adelskalender",
                ("date", "points", "position"),
                ((s["date"], s["points"], s["position"]) for s in view["adelskalender"]),
                right=("points", "position"),
            )
        )
    if view["combinations"]:
        _print(
            table(
                "Combination totals",
                ("combination", "points", "date", "competition", "flags"),
                (
                    (c["combination"], c["points"], c["date"], c["competition"], c["flags"])
                    for c in view["combinations"]
                ),
                right=("points",),
            )
        )


def list_command(
    distance: str,
    gender: str,
    *,
    season: str | None,
    nation: str | None,
    age_group: str | None,
    rink: str | None,
    limit: int,
    offset: int,
    database: str | None,
    fmt: OutputFormat,
) -> None:
    from ovaltime.services.archive_views import (
        ListQuery,
        list_view,
        parse_distance,
        parse_gender,
        parse_season,
        parse_text,
        read_list,
    )

    query = ListQuery(
        parse_distance(distance, "--distance"),
        parse_gender(gender, "--gender"),
        parse_season(season, "--season") if season is not None else None,
        nation=parse_text(nation, "--nation"),
        age_group=parse_text(age_group, "--age-group"),
        rink=parse_text(rink, "--rink"),
        limit=limit,
        offset=offset,
    )
    with reading(database) as session:
        view = list_view(read_list(session, query))
    header = ("rank", "skater", "nation", "time", "date", "competition", "rink")
    rows = [tuple(line[key] for key in header) for line in view["list"]]
    if fmt is OutputFormat.json:
        write_json(view)
    elif fmt is OutputFormat.csv:
        write_csv(header, rows)
    else:
        when = f"season {season}" if season is not None else "all time"
        title = f"{query.distance} m {query.gender.value}, {when}"
        caption = None if rows else "no results in the archive for this list"
        _print(table(title, header, rows, right=("rank", "time"), caption=caption))


def adelskalender_command(
    gender: str, *, limit: int, offset: int, database: str | None, fmt: OutputFormat
) -> None:
    from ovaltime.core.records import ADELSKALENDER_DISTANCES
    from ovaltime.services.archive_views import adelskalender_view, parse_gender
    from ovaltime.store.archive_queries import adelskalender

    chosen = parse_gender(gender, "--gender")
    with reading(database) as session:
        view = adelskalender_view(adelskalender(session, chosen, limit=limit, offset=offset))
    distances = [str(d) for d in ADELSKALENDER_DISTANCES[chosen]]
    header = ("rank", "skater", "nation", "points", *distances)
    rows = [
        (
            line["rank"],
            line["skater"],
            line["nation"],
            line["points"],
            *(line["bests"].get(d) for d in distances),
        )
        for line in view["list"]
    ]
    if fmt is OutputFormat.json:
        write_json(view)
    elif fmt is OutputFormat.csv:
        write_csv(header, rows)
    else:
        caption = None if rows else "nobody has a best on every distance yet"
        _print(
            table(
                f"Adelskalender, {chosen.value}",
                header,
                rows,
                right=("rank", "points", *distances),
                caption=caption,
            )
        )


def h2h_command(first: str, second: str, database: str | None, fmt: OutputFormat) -> None:
    from ovaltime.services.archive_views import head_to_head_view
    from ovaltime.store.archive_queries import head_to_head

    with reading(database) as session:
        a, b = skater_named(session, first), skater_named(session, second)
        view = head_to_head_view(a, b, head_to_head(session, a.person_id, b.person_id))
    header = ("date", "distance", "competition", "A", "B", "faster")
    names = {"a": a.name, "b": b.name, None: "equal"}
    rows = [
        (m["date"], m["distance"], m["competition"], m["time_a"], m["time_b"], names[m["winner"]])
        for m in view["meetings"]
    ]
    if fmt is OutputFormat.json:
        write_json(view)
    elif fmt is OutputFormat.csv:
        write_csv(header, rows)
    else:
        totals = "; ".join(
            f"{t['distance']} m {t['a']}-{t['b']}"
            + (f" ({t['equal']} equal)" if t["equal"] else "")
            for t in view["totals"]
        )
        caption = totals or "they never finished the same race"
        _print(
            table(
                f"A: {a.name} #{a.person_id} - B: {b.name} #{b.person_id}",
                header,
                rows,
                right=("distance", "A", "B"),
                caption=caption,
            )
        )


def records_command(
    distance: str,
    gender: str,
    *,
    kind: str,
    nation: str | None,
    rink: str | None,
    database: str | None,
    fmt: OutputFormat,
) -> None:
    from ovaltime.services.archive_views import (
        parse_distance,
        parse_gender,
        parse_kind,
        records_view,
    )
    from ovaltime.store.archive_queries import records

    metres = parse_distance(distance, "--distance")
    chosen = parse_gender(gender, "--gender")
    which = parse_kind(kind, "--kind")
    with reading(database) as session:
        view = records_view(records(session, which, metres, chosen, nation=nation, rink=rink))
    header = ("kind", "scope", "time", "skater", "nation", "date", "competition", "rink")
    rows = [tuple(line[key] for key in header) for line in view["records"]]
    if fmt is OutputFormat.json:
        write_json(view)
    elif fmt is OutputFormat.csv:
        write_csv(header, rows)
    else:
        caption = None if rows else "no such record in the archive"
        title = f"{which}, {metres} m {chosen.value}"
        _print(table(title, header, rows, right=("time",), caption=caption))
