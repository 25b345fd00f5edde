"""The header lines and race titles of an ISU results text.

A file starts with the event name, a date range and the rink; each race block is headed by a
title such as ``500 meter (Women), 26.01.2025``, ``10.000 meter (Men), 25.01.2025`` or
``Mass Start (Men), 26.01.2025``. Team events and the mass start carry no distance in their
title: their distance follows from the format (RULES §5, §6) and is named here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ovaltime.core.distances import check_distance
from ovaltime.core.states import Gender, RaceKind
from ovaltime.core.teams import MIXED_RELAY, TEAM_PURSUIT, TEAM_SPRINT

__all__ = [
    "MASS_START_METRES",
    "MIXED_RELAY_METRES",
    "TEAM_PURSUIT_METRES",
    "TEAM_SPRINT_METRES",
    "DateRange",
    "RaceTitle",
    "is_title",
    "parse_date",
    "parse_date_range",
    "parse_rink",
    "parse_title",
]

MASS_START_METRES = 6400
"""A mass start is 16 laps of 400 m (since 2014-15)."""

TEAM_PURSUIT_METRES = {g: TEAM_PURSUIT.distance(g) for g in (Gender.MEN, Gender.WOMEN)}
"""Team pursuit: men 8 laps, women 6 laps (``ovaltime.core.teams``)."""

TEAM_SPRINT_METRES = TEAM_SPRINT.distance(Gender.MEN)
"""Team sprint: 3 laps."""

MIXED_RELAY_METRES = MIXED_RELAY.distance(Gender.MIXED)
"""Mixed relay: 6 laps."""

_TITLE = re.compile(
    r"^(?P<what>\S.*?)\s*\((?P<gender>men|women|ladies|mixed)\)\s*(?:,\s*(?P<date>.*?))?\s*$",
    re.IGNORECASE,
)
_METRES = re.compile(r"^(?P<metres>\d{1,2}(?:\.\d{3})+|\d+)\s*(?:meter|metre|m)s?$", re.IGNORECASE)
_NAMED = {
    "mass start": RaceKind.MASS_START,
    "team pursuit": RaceKind.TEAM_PURSUIT,
    "team sprint": RaceKind.TEAM_SPRINT,
    "mixed relay": RaceKind.MIXED_RELAY,
}
_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
# "24. - 26.01.2025", "28.02. - 02.03.2025", "28.12.2024 - 02.01.2025", or one date.
_RANGE = re.compile(
    r"^(?P<d1>\d{1,2})\.(?:(?P<m1>\d{1,2})\.(?P<y1>\d{4})?)?\s*-\s*"
    r"(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})\.(?P<y2>\d{4})$"
)
_RINK = re.compile(r"^(?P<venue>\S.*?)\s*\((?P<nation>[A-Z]{3})\)$")


@dataclass(frozen=True, slots=True)
class RaceTitle:
    """What a block title says: the kind of race, its distance, gender and date.

    ``date_text`` is the date as written; ``date`` is None where it is absent or unreadable.
    """

    kind: RaceKind
    distance: int
    gender: Gender
    date: dt.date | None
    date_text: str = ""

    @property
    def race(self) -> tuple[RaceKind, int, Gender]:
        """What two races of one distance in one competition have in common."""
        return (self.kind, self.distance, self.gender)

    @property
    def key(self) -> tuple[RaceKind, int, Gender, dt.date | None]:
        """Equal for the blocks of one race: its divisions repeat the same title."""
        return (self.kind, self.distance, self.gender, self.date)


@dataclass(frozen=True, slots=True)
class DateRange:
    start: dt.date
    end: dt.date


def is_title(line: str) -> bool:
    """Whether ``line`` has the shape of a race title (``... (Men)``, optionally a date)."""
    return _TITLE.match(line.strip()) is not None


def parse_title(line: str) -> RaceTitle:
    """Read a race title; raises ``ValueError`` naming what is wrong with it.

    An unreadable date does not reject the title: ``date`` is then None and ``date_text`` keeps
    what was written, for the reader to report.

    The gender in brackets is taken as written, except for a mixed relay, which is always
    ``Gender.MIXED`` (the results pages file it under one gender's tab).
    """
    match = _TITLE.match(line.strip())
    if match is None:
        raise ValueError(f"not a race title: {line.strip()!r}")
    what = " ".join(match["what"].split())
    gender = Gender.parse("women" if match["gender"].lower() == "ladies" else match["gender"])
    date_text = match["date"] or ""
    try:
        date = parse_date(date_text) if date_text else None
    except ValueError:
        date = None
    kind = _NAMED.get(what.lower())
    if kind is None:
        metres = _METRES.match(what)
        if metres is None:
            raise ValueError(f"unknown race {what!r}")
        distance = check_distance(int(metres["metres"].replace(".", "")))
        kind = RaceKind.INDIVIDUAL
    elif kind is RaceKind.MIXED_RELAY:
        gender, distance = Gender.MIXED, MIXED_RELAY_METRES
    elif gender is Gender.MIXED:
        raise ValueError(f"{what} is not a mixed race")
    elif kind is RaceKind.MASS_START:
        distance = MASS_START_METRES
    elif kind is RaceKind.TEAM_PURSUIT:
        distance = TEAM_PURSUIT_METRES[gender]
    else:
        distance = TEAM_SPRINT_METRES
    return RaceTitle(kind=kind, distance=distance, gender=gender, date=date, date_text=date_text)


def parse_date(text: str) -> dt.date:
    """``26.01.2025`` -> a date; raises ``ValueError`` naming the text."""
    match = _DATE.match(text.strip())
    if match is None:
        raise ValueError(f"not a date dd.mm.yyyy: {text.strip()!r}")
    day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"not a date: {text.strip()!r}") from None


def parse_date_range(text: str) -> DateRange:
    """``24. - 26.01.2025``, ``28.02. - 02.03.2025`` or a single ``26.01.2025``.

    Missing parts of the first date are taken from the second; where that would put the start
    after the end (``28.12. - 02.01.2025``), the start is in the year before.
    """
    raw = " ".join(text.split())
    if _DATE.match(raw):
        day = parse_date(raw)
        return DateRange(day, day)
    match = _RANGE.match(raw)
    if match is None:
        raise ValueError(f"not a date range: {raw!r}")
    end = parse_date(f"{match['d2']}.{match['m2']}.{match['y2']}")
    month = int(match["m1"] or end.month)
    year = int(match["y1"] or end.year)
    try:
        start = dt.date(year, month, int(match["d1"]))
        if start > end and not match["y1"]:
            start = start.replace(year=year - 1)
    except ValueError:
        raise ValueError(f"not a date range: {raw!r}") from None
    if start > end:
        raise ValueError(f"date range ends before it starts: {raw!r}")
    return DateRange(start, end)


def parse_rink(text: str) -> tuple[str, str]:
    """``Olympic Oval (CAN)`` -> (venue, nation); raises ``ValueError`` otherwise."""
    match = _RINK.match(" ".join(text.split()))
    if match is None:
        raise ValueError(f"not a rink with its nation, 'Venue (NAT)': {text.strip()!r}")
    return match["venue"], match["nation"]
