"""The competition document: a whole competition as versioned JSON, lossless both ways.

Layout (``competition.schema.json`` beside this module is the reference)::

    {"format": "ovaltime-competition", "version": 1,
     "competition": {"name", "venue", "nation", "start", "end"},
     "skaters": [{"id", "name", "nation", "age_group"}, ...],
     "races": [{"distance", "gender", "kind", "number", "division", "title", "date", "state",
                "results": [{"skater": <id>, "time", "status", "infraction", "fell", "pair",
                             "lane", "passages": [{"metres", "time"}], "records",
                             "thousandths_known", "published_rank"}]}]}

Skaters are listed once and results refer to them by id, so a name is written once however many
races a skater skates. Optional fields are left out when they hold their default. Times use the
exact notation of ``ovaltime.formats.timetext`` so that exporting and importing gives back equal
values *and* the same text, precision included.

Loading checks the JSON Schema first and the meaning second (times, dates, skater ids, pairs,
passages, duplicates), and raises one ``FormatError`` listing every problem with its JSON path.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from ovaltime.core.results import Competition, Race, Result, Skater
from ovaltime.core.states import RaceKind, RaceState, Status
from ovaltime.formats.document_read import build_competition, json_path
from ovaltime.formats.problems import FormatError, Problem
from ovaltime.formats.textfile import read_text
from ovaltime.formats.timetext import format_exact

__all__ = [
    "FORMAT",
    "VERSION",
    "dump_competition",
    "dumps_competition",
    "load_competition",
    "read_competition_file",
    "schema",
    "write_competition_file",
]

FORMAT = "ovaltime-competition"
VERSION = 1

_PATH_PART = re.compile(r"[^.\[\]]+")


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema of the document, shipped inside the package."""
    text = (
        resources.files("ovaltime.formats")
        .joinpath("competition.schema.json")
        .read_text(encoding="utf-8")
    )
    loaded: dict[str, Any] = json.loads(text)
    return loaded


# -- export ---------------------------------------------------------------------------------------
def dump_competition(competition: Competition) -> dict[str, Any]:
    """The document of ``competition`` as plain JSON data (dicts, lists, text, numbers)."""
    ids: dict[Skater, str] = {}
    for race in competition.races:
        for result in race.results:
            ids.setdefault(result.skater, f"s{len(ids) + 1}")
    head: dict[str, Any] = {"name": competition.name}
    _put(head, "venue", competition.venue)
    _put(head, "nation", competition.nation)
    _put(head, "start", competition.start.isoformat() if competition.start else None)
    _put(head, "end", competition.end.isoformat() if competition.end else None)
    return {
        "format": FORMAT,
        "version": VERSION,
        "competition": head,
        "skaters": [_dump_skater(skater, ident) for skater, ident in ids.items()],
        "races": [_dump_race(race, ids) for race in competition.races],
    }


def dumps_competition(competition: Competition) -> str:
    """The document as pretty JSON text: fixed key order, UTF-8 unescaped, final newline."""
    return json.dumps(dump_competition(competition), indent=2, ensure_ascii=False) + "\n"


def write_competition_file(competition: Competition, path: str | Path) -> None:
    """Write the document of ``competition`` to ``path`` as UTF-8."""
    Path(path).write_text(dumps_competition(competition), encoding="utf-8")


def _put(target: dict[str, Any], key: str, value: Any, default: Any = None) -> None:
    """Set ``key`` unless ``value`` is its default (``None``, empty text or ``default``)."""
    if value is None or value in ("", default):
        return
    target[key] = value


def _dump_skater(skater: Skater, ident: str) -> dict[str, Any]:
    out: dict[str, Any] = {"id": ident, "name": skater.name}
    _put(out, "nation", skater.nation)
    _put(out, "age_group", skater.age_group)
    return out


def _dump_race(race: Race, ids: dict[Skater, str]) -> dict[str, Any]:
    out: dict[str, Any] = {"distance": race.distance, "gender": race.gender.value}
    _put(out, "kind", race.kind.value, RaceKind.INDIVIDUAL.value)
    _put(out, "number", race.number, 1)
    _put(out, "division", race.division)
    _put(out, "title", race.title)
    _put(out, "date", race.date.isoformat() if race.date else None)
    _put(out, "state", race.state.value, RaceState.OFFICIAL.value)
    out["results"] = [_dump_result(result, ids[result.skater]) for result in race.results]
    return out


def _dump_result(result: Result, ident: str) -> dict[str, Any]:
    out: dict[str, Any] = {"skater": ident}
    _put(out, "time", format_exact(result.time) if result.time else None)
    _put(out, "status", result.status.value, Status.OK.value)
    _put(out, "infraction", result.infraction)
    _put(out, "fell", result.fell, False)
    _put(out, "pair", result.pair)
    _put(out, "lane", result.lane.value if result.lane else None)
    if result.passages:
        out["passages"] = [
            {"metres": p.metres, "time": format_exact(p.time)} for p in result.passages
        ]
    if result.records:
        out["records"] = list(result.records)
    _put(out, "thousandths_known", result.thousandths_known, True)
    _put(out, "published_rank", result.published_rank)
    return out


# -- import ---------------------------------------------------------------------------------------
def load_competition(data: dict[str, Any] | str, source: str = "<document>") -> Competition:
    """Read a document (parsed JSON or its text) into a ``Competition``.

    Raises ``FormatError`` listing every problem found, each with its JSON path as the field
    (``races[3].results[2].time: invalid time '1:7.0' ...``); ``source`` names the document.
    """
    if isinstance(data, str):
        try:
            data = json.loads(data)
        except json.JSONDecodeError as exc:
            raise FormatError([Problem(source, exc.lineno, f"not JSON: {exc.msg}")]) from None
    if not isinstance(data, dict):
        raise FormatError([Problem(source, 0, "a competition document is a JSON object")])
    _check_version(data, source)
    problems = _schema_problems(data, source)
    competition, meaning = build_competition(data)
    found = {field for field, _ in meaning}
    problems = [p for p in problems if p.field not in found]
    problems += [Problem(source, 0, message, field) for field, message in meaning]
    problems.sort(key=lambda problem: _sort_key(_PATH_PART.findall(problem.field)))
    if problems or competition is None:
        raise FormatError(problems or [Problem(source, 0, "not a competition document")])
    return competition


def read_competition_file(path: str | Path) -> Competition:
    """Read a document file; an unreadable file is a ``FormatError`` too."""
    return load_competition(read_text(path), str(path))


def _check_version(data: dict[str, Any], source: str) -> None:
    """A document of another format or version is refused before any detail is checked."""
    if data.get("format") != FORMAT:
        message = f"not an {FORMAT} document (format is {data.get('format')!r})"
        raise FormatError([Problem(source, 0, message, "format")])
    if data.get("version") != VERSION:
        message = f"unsupported version {data.get('version')!r}; this reader knows {VERSION}"
        raise FormatError([Problem(source, 0, message, "version")])


def _schema_problems(data: dict[str, Any], source: str) -> list[Problem]:
    """Every place where ``data`` breaks the JSON Schema, in document order."""
    import jsonschema  # imported here: validation is the only user, and it is slow to import

    validator = jsonschema.Draft202012Validator(schema())
    errors = validator.iter_errors(data)
    return [Problem(source, 0, error.message, json_path(error.absolute_path)) for error in errors]


def _sort_key(parts: list[str]) -> list[str]:
    """Document order of the parts of a JSON path: indexes compare as numbers."""
    return [part.zfill(9) if part.isdigit() else part for part in parts]
