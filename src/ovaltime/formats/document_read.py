"""The meaning of a competition document: from JSON data to core values, every problem listed.

The JSON Schema has already judged the shapes (types, required fields, enums); this module
judges what a schema cannot: times and dates that parse, skater ids that exist, pairs of at most
two skaters in different lanes, passages on split points in order, one result per skater and race.
Where a value has the wrong shape it is skipped silently here, because the schema reported it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from ovaltime.core.distances import Passage, check_distance, validate_passages
from ovaltime.core.results import Competition, Race, Result, Skater
from ovaltime.core.states import Gender, Lane, RaceKind, RaceState, Status
from ovaltime.core.times import InvalidTime, Time
from ovaltime.formats.race_checks import RaceChecker
from ovaltime.formats.timetext import parse_exact

__all__ = ["build_competition", "json_path"]

T = TypeVar("T")

Found = list[tuple[str, str]]
"""Problems as (JSON path, message)."""


def json_path(keys: Iterable[str | int]) -> str:
    """``races[3].results[2].time`` from ``["races", 3, "results", 2, "time"]``."""
    out = ""
    for key in keys:
        if isinstance(key, int):
            out += f"[{key}]"
        else:
            out += f".{key}" if out else str(key)
    return out


class _Shape(Exception):
    """A value of the wrong shape: already reported by the schema, so it carries no message."""


def build_competition(data: Mapping[str, Any]) -> tuple[Competition | None, Found]:
    """The competition of ``data`` and every problem of meaning; ``None`` when anything failed."""
    reader = _Reader()
    competition = reader.competition(data)
    return (None if reader.found or reader.broken else competition), reader.found


class _Reader:
    def __init__(self) -> None:
        self.found: Found = []
        self.broken = False
        self.skaters: dict[str, Skater] = {}

    def add(self, path: str, message: str) -> None:
        self.found.append((path, message))

    def competition(self, data: Mapping[str, Any]) -> Competition | None:
        head = _mapping(data.get("competition"))
        start = self.date(head.get("start"), "competition.start")
        end = self.date(head.get("end"), "competition.end")
        if start and end and end < start:
            self.add("competition.end", f"the competition ends ({end}) before it starts ({start})")
        for index, item in enumerate(_sequence(data.get("skaters"))):
            self.skater(_mapping(item), f"skaters[{index}]")
        races = [
            self.race(_mapping(item), f"races[{index}]")
            for index, item in enumerate(_sequence(data.get("races")))
        ]
        try:
            return Competition(
                name=_text(head.get("name")),
                races=tuple(race for race in races if race is not None),
                venue=_text(head.get("venue", "")),
                nation=_text(head.get("nation", "")),
                start=start,
                end=end,
            )
        except _Shape:
            self.broken = True
            return None

    def date(self, value: Any, path: str) -> dt.date | None:
        if not isinstance(value, str):
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.add(path, f"invalid date {value!r} (expected YYYY-MM-DD)")
            return None

    def skater(self, data: Mapping[str, Any], path: str) -> None:
        ident = data.get("id")
        if not isinstance(ident, str):
            return
        if ident in self.skaters:
            self.add(f"{path}.id", f"skater id {ident!r} is used twice")
            return
        try:
            self.skaters[ident] = Skater(
                _text(data.get("name")),
                _text(data.get("nation", "")),
                _text(data.get("age_group", "")),
            )
        except _Shape:
            self.broken = True
        except ValueError as exc:
            self.add(path, str(exc))

    def race(self, data: Mapping[str, Any], path: str) -> Race | None:
        distance = _guard(lambda: check_distance(data.get("distance")))  # type: ignore[arg-type]
        kind = _guard(lambda: RaceKind(data.get("kind", RaceKind.INDIVIDUAL.value)))
        date = self.date(data.get("date"), f"{path}.date")
        results = [
            self.result(_mapping(item), distance, f"{path}.results[{index}]")
            for index, item in enumerate(_sequence(data.get("results")))
        ]
        checker = RaceChecker(kind or RaceKind.INDIVIDUAL)
        kept: list[Result] = []
        for index, result in enumerate(results):
            if result is None:
                continue
            where = f"{path}.results[{index}]"
            clashes = checker.admit(result, where)
            for field, message in clashes:
                self.add(f"{where}.{field}", message)
            if not clashes:
                kept.append(result)
        try:
            if distance is None or kind is None:
                raise _Shape
            return Race(
                distance=distance,
                gender=Gender(data.get("gender")),
                results=tuple(kept),
                kind=kind,
                number=_integer(data.get("number", 1)),
                division=_text(data.get("division", "")),
                title=_text(data.get("title", "")),
                date=date,
                state=RaceState(data.get("state", RaceState.OFFICIAL.value)),
            )
        except (_Shape, ValueError):
            self.broken = True
            return None

    def result(self, data: Mapping[str, Any], distance: int | None, path: str) -> Result | None:
        before = len(self.found)
        ident = data.get("skater")
        skater = self.skaters.get(ident) if isinstance(ident, str) else None
        if isinstance(ident, str) and skater is None:
            self.add(f"{path}.skater", f"unknown skater id {ident!r}")
        time = self.time(data.get("time"), f"{path}.time")
        items = _sequence(data.get("passages", []))
        passages = self.passages(items, f"{path}.passages")
        if distance is not None and len(passages) == len(items):
            for message in validate_passages(distance, passages, time):
                self.add(f"{path}.passages", message)
        if len(self.found) > before:
            return None
        try:
            if skater is None:
                raise _Shape
            pair, lane, rank = data.get("pair"), data.get("lane"), data.get("published_rank")
            fields: dict[str, Any] = {
                "status": Status(data.get("status", Status.OK.value)),
                "infraction": _text(data.get("infraction", "")),
                "fell": _flag(data.get("fell", False)),
                "pair": None if pair is None else _integer(pair),
                "lane": None if lane is None else Lane(lane),
                "records": tuple(_text(r) for r in _sequence(data.get("records", []))),
                "thousandths_known": _flag(data.get("thousandths_known", True)),
                "published_rank": None if rank is None else _integer(rank),
            }
        except (_Shape, ValueError):
            self.broken = True
            return None
        try:
            result = Result(skater, time, passages=tuple(passages), **fields)
        except ValueError as exc:
            self.add(path, str(exc).removeprefix(f"{skater.name}: "))
            return None
        return None if len(self.found) > before else result

    def passages(self, items: list[Any], path: str) -> list[Passage]:
        out = []
        for index, item in enumerate(items):
            passage = _mapping(item)
            at = self.time(passage.get("time"), f"{path}[{index}].time")
            metres = passage.get("metres")
            if not isinstance(metres, int) or isinstance(metres, bool):
                self.broken = True
            elif at is not None:
                out.append(Passage(metres, at))
        return out

    def time(self, value: Any, path: str) -> Time | None:
        if not isinstance(value, str):
            return None
        try:
            return parse_exact(value)
        except InvalidTime as exc:
            self.add(path, str(exc))
            return None


def _guard(make: Callable[[], T]) -> T | None:
    """``make()``, or ``None`` where the value it reads has a shape the schema refused."""
    try:
        return make()
    except (_Shape, ValueError, TypeError):
        return None


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _sequence(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise _Shape
    return value


def _integer(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise _Shape
    return value


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise _Shape
    return value
