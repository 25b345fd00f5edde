"""The archive on a real database: a migrated context, users, and competitions written short."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ovaltime.core.results import Competition, Race, Result, Skater
from ovaltime.core.states import Gender, Status
from ovaltime.core.times import Time
from ovaltime.services.archive.importing import Source, archive_competitions
from ovaltime.services.archive.summary import ArchiveSummary
from ovaltime.services.unit import Context
from tests.services import conftest as services

#: (name, nation, time or status, age group); the time as text, "DNF" for a status.
Line = tuple[str, str, str, str]


def line(name: str, nation: str, time: str, age_group: str = "Senior") -> Line:
    return (name, nation, time, age_group)


def race(
    distance: int,
    gender: Gender,
    lines: Sequence[Line],
    *,
    date: dt.date | None = None,
    pairs: bool = False,
    **options: object,
) -> Race:
    results = []
    for index, (name, nation, time, age_group) in enumerate(lines):
        skater = Skater(name, nation, age_group)
        pair = index // 2 + 1 if pairs else None
        if time in ("DNF", "DQ", "DNS", "WDR"):
            results.append(Result(skater, None, Status(time), pair=pair))
        else:
            results.append(Result(skater, Time.parse(time), pair=pair))
    return Race(distance, gender, tuple(results), date=date, **options)  # type: ignore[arg-type]


def competition(
    name: str, start: dt.date | None, *races: Race, venue: str = "", nation: str = ""
) -> Competition:
    return Competition(name, tuple(races), venue=venue, nation=nation, start=start, end=start)


def archive(context: Context, *competitions: Competition) -> ArchiveSummary:
    return archive_competitions(
        context, [Source(f"test:{c.name}", c) for c in competitions], batch_results=5
    )


# The services' tests' fixtures, shared: a migrated context on each database, its events,
# an admin and an official.
events = services.events
context = services.context
admin = services.admin
official = services.official
