"""Reading the archive for the command line, the JSON API and the pages.

The faces ask the same questions and must answer them alike, so the work they share is here:

* **Parameters are checked once**, with one message per mistake naming the value
  (``parse_distance``, ``parse_gender``, ``parse_season``); a bad one raises ``Invalid`` with
  the field named as the face calls it (``--distance`` on the command line, ``distance`` in
  the API), which the CLI prints as one line and the API answers with a 422.
* **Skaters are named** by a person's id or by any spelling of their name
  (``resolve_skater``): a search that finds several persons is an answer, not a guess.
* **Answers are JSON-ready values** (``list_view``, ``adelskalender_view``, ...): times in the
  official notation (hundredths, as result lists print them), dates in ISO form, points as
  text with three decimals (exact, as every other points value the API gives).

The reads themselves are ``ovaltime.store.archive_queries``; this module opens no
transaction of its own beyond the read session the caller passes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ovaltime.core.distances import check_distance
from ovaltime.core.identity import name_key, sound_key
from ovaltime.core.records import RECORD_KINDS, season_label
from ovaltime.core.states import Gender
from ovaltime.core.times import Time
from ovaltime.services.errors import Invalid, NotFound
from ovaltime.store.archive_queries import (
    AdelskalenderLine,
    AdelskalenderStep,
    AliasLine,
    DistanceBests,
    HeadToHead,
    ListLine,
    PersonFound,
    PersonResult,
    RecordLine,
    alltime_list,
    find_persons,
    season_list,
)
from ovaltime.store.archive_tables import PersonAliasRow, PersonRow

__all__ = [
    "Ambiguous",
    "ListQuery",
    "adelskalender_view",
    "aliases_view",
    "bests_view",
    "head_to_head_view",
    "list_view",
    "parse_distance",
    "parse_gender",
    "parse_kind",
    "parse_season",
    "parse_text",
    "person",
    "points_text",
    "progression_view",
    "read_list",
    "records_view",
    "resolve_skater",
    "skater_view",
]

_SEASON = re.compile(r"^(\d{4})(?:\s*[-/]\s*(\d{2}|\d{4}))?$")
_FIRST_SEASON = 1850
_LAST_SEASON = 2200


# -- parameters ---------------------------------------------------------------------------------
def parse_distance(value: str | int, field: str = "distance") -> int:
    """A distance in metres that a 400 m oval hosts (100 to 10000, whole hundreds)."""
    text = str(value).strip().lower().removesuffix("m").strip()
    if not text.isdigit():
        raise Invalid(field, f"{value!r} is not a distance in metres (such as 500 or 1500)")
    try:
        return check_distance(int(text))
    except ValueError as error:
        raise Invalid(field, str(error)) from None


def parse_gender(value: str, field: str = "gender") -> Gender:
    """Women or men: the archive's lists and the Adelskalender are kept per gender, and a
    mixed race (a team event) has no individual results to list."""
    try:
        gender = Gender.parse(value)
    except ValueError:
        gender = Gender.MIXED
    if gender is Gender.MIXED:
        raise Invalid(field, f"unknown gender {value!r} (expected women or men)")
    return gender


def parse_season(value: str, field: str = "season") -> int:
    """The year a season starts: ``2024-25``, ``2024/25``, ``2024-2025`` or ``2024`` -> 2024.

    The second year, where given, must follow the first: ``2024-26`` is a typing error, not a
    season, and is refused rather than read as 2024-25.
    """
    match = _SEASON.match(value.strip())
    if match is None:
        raise Invalid(field, f"{value!r} is not a season (such as 2024-25)")
    start = int(match.group(1))
    second = match.group(2)
    if second is not None:
        following = start + 1 if len(second) == 4 else (start + 1) % 100
        if int(second) != following:
            label = season_label(start)
            raise Invalid(field, f"{value!r} is not a season (the one from {start} is {label})")
    if not _FIRST_SEASON <= start <= _LAST_SEASON:
        raise Invalid(field, f"{value!r} is outside the seasons kept ({_FIRST_SEASON} onwards)")
    return start


def parse_text(value: str | None, field: str) -> str | None:
    """A filter or search text, trimmed (None when empty). Control characters are refused:
    no name, nation, age group or rink key holds one, and PostgreSQL cannot even compare a
    text holding a NUL, so one would fail the query rather than find nothing."""
    if value is None:
        return None
    if any(unicodedata.category(c) == "Cc" for c in value):
        raise Invalid(field, f"{value!r} holds a control character")
    return value.strip() or None


def parse_kind(value: str, field: str = "kind") -> str:
    """A record kind: WR, WRJ, NR, NRJ, TR or TRJ (in any case)."""
    kind = value.strip().upper()
    if kind not in RECORD_KINDS:
        raise Invalid(
            field, f"unknown record {value!r} (expected one of {', '.join(RECORD_KINDS)})"
        )
    return kind


# -- lists --------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ListQuery:
    """What a season or all-time list is asked for (``season`` None: all time)."""

    distance: int
    gender: Gender
    season: int | None = None
    nation: str | None = None
    age_group: str | None = None
    rink: str | None = None
    limit: int = 100
    offset: int = 0


def read_list(session: Session, query: ListQuery) -> list[ListLine]:
    """The season's list, or the all-time list when no season is asked for."""
    filters: dict[str, Any] = {
        "nation": query.nation or None,
        "age_group": query.age_group or None,
        "rink": query.rink.strip().lower() if query.rink else None,
        "limit": query.limit,
        "offset": query.offset,
    }
    if query.season is None:
        return alltime_list(session, query.distance, query.gender, **filters)
    return season_list(session, query.distance, query.gender, query.season, **filters)


def _time(time: Time) -> str:
    return time.format()


def points_text(thousandths: int) -> str:
    """Points in thousandths as written, with three decimals: 145742 -> ``"145.742"``."""
    whole, part = divmod(thousandths, 1000)
    return f"{whole}.{part:03d}"


def _linked(item: dict[str, Any], line: ListLine | RecordLine) -> dict[str, Any]:
    """A line with the ids the API's lines link by: ``skater_id`` and ``competition_id``."""
    return {**item, "skater_id": line.person_id, "competition_id": line.competition_id}


def list_view(lines: Sequence[ListLine], *, ids: bool = False) -> dict[str, Any]:
    """``{"list": [{"rank", "skater", "nation", "time", "date", "competition", "rink"}]}``;
    with ``ids`` each line also names ``skater_id`` and ``competition_id`` (the API's lines
    link to the skater and the competition)."""
    shown = []
    for line in lines:
        item: dict[str, Any] = {
            "rank": line.rank,
            "skater": line.name,
            "nation": line.nation,
            "time": _time(line.time),
            "date": line.date.isoformat(),
            "competition": line.competition,
            "rink": line.rink,
        }
        shown.append(_linked(item, line) if ids else item)
    return {"list": shown}


def adelskalender_view(lines: Sequence[AdelskalenderLine], *, ids: bool = False) -> dict[str, Any]:
    """``{"list": [{"rank", "skater", "nation", "points", "bests": {"500": "34.03", ...}}]}``
    (with ``ids``: ``skater_id`` too)."""
    shown = []
    for line in lines:
        item: dict[str, Any] = {
            "rank": line.rank,
            "skater": line.name,
            "nation": line.nation,
            "points": points_text(line.points_thousandths),
            "bests": {str(distance): _time(time) for distance, time in line.bests.items()},
        }
        if ids:
            item["skater_id"] = line.person_id
        shown.append(item)
    return {"list": shown}


# -- skaters ------------------------------------------------------------------------------------
class Ambiguous(Invalid):
    """A name that fits several persons: ``found`` lists them, for the user to choose."""

    def __init__(self, field: str, text: str, found: Sequence[PersonFound]) -> None:
        super().__init__(field, f"{text!r} fits {len(found)} skaters; name one by #ID")
        self.found = tuple(found)


def person(session: Session, person_id: int) -> PersonFound:
    """The person with this id, with every alias they are known by; ``NotFound`` if none."""
    row = session.get(PersonRow, person_id)
    if row is None:
        raise NotFound("skater", person_id)
    aliases = session.scalars(
        select(PersonAliasRow.name)
        .where(PersonAliasRow.person_id == person_id)
        .order_by(PersonAliasRow.id)
    )
    names = tuple(dict.fromkeys(aliases))
    return PersonFound(row.id, row.name, row.nation, row.gender, names)


def resolve_skater(session: Session, text: str, field: str = "skater") -> PersonFound:
    """``#12`` (or ``12``) is person 12; any other text is searched among the aliases.

    One person found is the answer; among several, the one whose alias is the whole name in
    another order or spelling (``KOK Femke`` for ``Femke Kok``) is, if they are the only such
    person; otherwise ``Ambiguous`` lists them all. Nothing found is ``NotFound``.
    """
    given = text.strip()
    number = given.removeprefix("#").strip()
    if number.isdigit():
        return person(session, int(number))
    found = find_persons(session, given)
    if not found:
        raise NotFound("skater", repr(given))
    if len(found) == 1:
        return found[0]
    key, sound = name_key(given), sound_key(given)
    exact = [
        p for p in found if any(name_key(a) == key or sound_key(a) == sound for a in p.aliases)
    ]
    if len(exact) == 1:
        return exact[0]
    raise Ambiguous(field, given, found)


def skater_view(found: PersonFound) -> dict[str, Any]:
    return {
        "id": found.person_id,
        "name": found.name,
        "nation": found.nation,
        "gender": found.gender.value if found.gender else None,
        "aliases": list(found.aliases),
    }


def aliases_view(found: PersonFound, aliases: Sequence[AliasLine]) -> dict[str, Any]:
    """A skater's aliases with their ids (what ``archive alias move`` names)."""
    return {
        "skater": skater_view(found),
        "aliases": [
            {
                "id": a.alias_id,
                "name": a.name,
                "nation": a.nation,
                "origin": a.origin,
                "skaters": a.skaters,
            }
            for a in aliases
        ],
    }


def _result(result: PersonResult) -> dict[str, Any]:
    return {
        "time": _time(result.time),
        "date": result.date.isoformat(),
        "season": season_label(result.season),
        "competition": result.competition,
        "competition_id": result.competition_id,
        "rink": result.rink,
        "flags": result.flags.split(),
    }


def _season_of(bests: Sequence[DistanceBests]) -> str | None:
    seasons = [b.sb.season for b in bests if b.sb is not None]
    return season_label(max(seasons)) if seasons else None


def bests_view(
    found: PersonFound,
    bests: Sequence[DistanceBests],
    history: Sequence[AdelskalenderStep] = (),
) -> dict[str, Any]:
    """The skater, their PB and SB per distance (SB of ``season``: the latest they skated
    in, or the one asked for), and their Adelskalender points and position after each
    change."""
    return {
        "skater": skater_view(found),
        "season": _season_of(bests),
        "bests": [
            {
                "distance": b.distance,
                "pb": _result(b.pb),
                "sb": _result(b.sb) if b.sb is not None else None,
            }
            for b in bests
        ],
        "adelskalender": [
            {
                "date": step.date.isoformat(),
                "points": points_text(step.points_thousandths),
                "position": step.position,
            }
            for step in history
        ],
    }


def progression_view(
    found: PersonFound, distance: int, steps: Sequence[PersonResult]
) -> dict[str, Any]:
    """Every result that improved the skater's best on the distance, oldest first."""
    return {
        "skater": skater_view(found),
        "distance": distance,
        "progression": [_result(step) for step in steps],
    }


def head_to_head_view(a: PersonFound, b: PersonFound, meetings: HeadToHead) -> dict[str, Any]:
    """Every race both skated, who was faster, and the count per distance."""
    return {
        "a": skater_view(a),
        "b": skater_view(b),
        "totals": [
            {"distance": distance, "a": won_a, "b": won_b, "equal": equal}
            for distance, (won_a, won_b, equal) in meetings.totals.items()
        ],
        "meetings": [
            {
                "date": m.date.isoformat(),
                "distance": m.distance,
                "competition": m.competition,
                "competition_id": m.competition_id,
                "time_a": _time(m.time_a),
                "time_b": _time(m.time_b),
                "winner": m.winner or None,
            }
            for m in meetings.meetings
        ],
    }


def records_view(lines: Sequence[RecordLine], *, ids: bool = False) -> dict[str, Any]:
    """``{"records": [{"kind", "scope", "distance", "gender", "time", "skater", "nation",
    "date", "competition", "rink"}]}``: the records standing now."""
    shown = []
    for line in lines:
        item: dict[str, Any] = {
            "kind": line.kind,
            "scope": line.scope,
            "distance": line.distance,
            "gender": line.gender.value,
            "time": _time(line.time),
            "skater": line.name,
            "nation": line.nation,
            "date": line.date.isoformat(),
            "competition": line.competition,
            "rink": line.rink,
        }
        shown.append(_linked(item, line) if ids else item)
    return {"records": shown}
