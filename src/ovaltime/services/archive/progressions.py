"""World record progressions into the archive: each record a one-result race.

A progression (``formats.record_lists.read_progression``) lists each world record with its
holder (a skater key), time, date and rink key. Each record of an individual distance becomes
a competition of one race with one result, on the record's date at its rink, its skater named
by the skaters list (``read_skater_keys``: the skater's latest name and nation). The archive
then judges them like any other result, so that it knows the world records of the past and
can confirm (or question) the flags of the results it holds. Team events, the 2 × 500 m and
suspended records are not individual results: their files are left out and reported.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path

from ovaltime.core.results import Competition, Race, Result, Skater
from ovaltime.formats.record_lists import (
    SkaterKey,
    progression_event,
    read_progression,
    read_skater_keys,
)
from ovaltime.formats.textfile import read_text
from ovaltime.services.archive.importing import Progress, Source, archive_competitions
from ovaltime.services.archive.summary import ArchiveSummary, FileProblem
from ovaltime.services.unit import Context

__all__ = ["import_progressions", "progression_sources"]


def progression_sources(
    path: str | Path, skaters: Mapping[str, SkaterKey], summary: ArchiveSummary
) -> list[Source]:
    """One ``Source`` per record of an individual-distance progression file."""
    path = Path(path)
    try:
        gender, event = progression_event(path.name)
    except ValueError as error:
        summary.problems.append(FileProblem(str(path), 0, str(error)))
        return []
    if not event.isdigit():
        summary.problems.append(
            FileProblem(str(path), 0, f"{event}: not an individual distance; left out")
        )
        return []
    progression, problems = read_progression(read_text(path), str(path))
    summary.files_read += 1
    summary.problems += [FileProblem(p.source, p.line, p.message) for p in problems]
    distance = int(event)
    sources = []
    for entry in progression.entries:
        known = skaters.get(entry.holder)
        if known is None:
            summary.problems.append(
                FileProblem(str(path), entry.line, f"unknown skater key {entry.holder!r}")
            )
            skater = Skater(entry.holder)
        else:
            skater = Skater(known.name, known.nation)
        title = f"{distance} m {gender.value}, world record"
        race = Race(distance, gender, (Result(skater, entry.time),), title=title, date=entry.date)
        name = f"{progression.title or path.stem}: world record of {entry.date.isoformat()}"
        competition = Competition(name, (race,), start=entry.date, end=entry.date)
        sources.append(Source(f"{path}:{entry.line}", competition, rink=entry.rink, level=""))
    return sources


def import_progressions(
    context: Context,
    paths: Iterable[str | Path],
    skaters_path: str | Path,
    *,
    progress: Progress | None = None,
) -> ArchiveSummary:
    """Archive the records of every individual-distance progression file (see the module)."""
    skaters, problems = read_skater_keys(read_text(skaters_path), str(skaters_path))
    summary = ArchiveSummary()
    summary.problems += [FileProblem(p.source, p.line, p.message) for p in problems]
    sources: list[Source] = []
    for path in paths:
        sources += progression_sources(path, skaters, summary)
    sources.sort(key=lambda s: s.competition.start or dt.date.min)
    return archive_competitions(context, sources, progress=progress, summary=summary)
