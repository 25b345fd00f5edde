"""Written reports as text: the one entry point of the CLI and the web app.

``write_report`` picks the report (a race, a day, or the whole competition) and renders it as
Markdown or as an HTML fragment; ``ovaltime.reports.story`` holds the rules of what is told.
"""

from __future__ import annotations

import datetime as dt

from ovaltime.core.results import Competition
from ovaltime.reports.story.document import Report, render
from ovaltime.reports.story.meeting import Context, competition_report, day_report, race_report

__all__ = ["FORMATS", "Context", "build_report", "write_report"]

#: The formats a report is written in.
FORMATS = ("md", "html")


def build_report(
    competition: Competition,
    *,
    race: int | None = None,
    day: dt.date | None = None,
    context: Context | None = None,
) -> Report:
    """The report of race ``race`` (1 = first in programme order), of ``day``, or of the whole
    competition. Raises ``ValueError`` naming a race or day the competition does not have."""
    if race is not None and day is not None:
        raise ValueError("a report is of one race or of one day, not both")
    if race is not None:
        return race_report(competition, race, context)
    if day is not None:
        return day_report(competition, day, context)
    return competition_report(competition, context)


def write_report(
    competition: Competition,
    *,
    race: int | None = None,
    day: dt.date | None = None,
    fmt: str = "md",
    context: Context | None = None,
) -> str:
    """``build_report`` rendered as ``md`` (Markdown) or ``html`` (an ``<article>`` fragment)."""
    return render(build_report(competition, race=race, day=day, context=context), fmt)
