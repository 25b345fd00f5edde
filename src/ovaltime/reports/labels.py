"""The words a document's heading is made of: where and when a competition was held, which race
a list is of, and the state of its results.

Dates are written in English with the month spelt out (``28 February 2025``), independent of the
machine's locale, so that a list reads the same wherever it is printed.
"""

from __future__ import annotations

import datetime as dt

from ovaltime.core.results import Competition, Race
from ovaltime.core.states import RaceState

__all__ = ["competition_dates", "competition_place", "date_text", "race_subject", "state_label"]

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def date_text(day: dt.date) -> str:
    """``28 February 2025``."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def competition_dates(competition: Competition) -> str:
    """``28 February – 2 March 2025``, ``1–2 March 2025``, one day, or empty when undated."""
    start, end = competition.start, competition.end
    if start is None:
        return ""
    if end is None or end == start:
        return date_text(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{date_text(end)}"
    if start.year == end.year:
        return f"{start.day} {_MONTHS[start.month - 1]} – {date_text(end)}"
    return f"{date_text(start)} – {date_text(end)}"


def competition_place(competition: Competition) -> str:
    """``IJsstadion Thialf (NED)``; the nation alone, or empty, when the venue is not known."""
    if competition.venue and competition.nation:
        return f"{competition.venue} ({competition.nation})"
    return competition.venue or competition.nation


def race_subject(race: Race) -> str:
    """The race and its day: ``500 m women, division A · 28 February 2025``."""
    return race.name + (f" · {date_text(race.date)}" if race.date else "")


def state_label(state: RaceState) -> str:
    """What a result list says of its results: ``OFFICIAL`` once the referee has made them so,
    else ``UNOFFICIAL`` (a race still being skated, or finished and awaiting the referee)."""
    return "OFFICIAL" if state is RaceState.OFFICIAL else "UNOFFICIAL"
