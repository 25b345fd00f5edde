"""The text of a competition document, written straight from the competition, fast.

``document.dumps_competition`` builds the document as dicts and lists and has ``json.dumps``
indent it with the standard library's pure-Python encoder (its C encoder knows no
indentation): several microseconds a result, too slow for identifying a million results by the
SHA-256 of their documents (``services.competitions``). ``document_text`` writes the very same
text, character for character, from the ``Competition`` itself: the document's shape is fixed,
so every key with the indentation before it is a constant, and only the values are written
(text by the C string escaper, each distinct time once).

What is left out and how each value is written follows ``document.dump_competition`` field by
field; the tests compare the two texts over generated and real competitions.
"""

from __future__ import annotations

from json.encoder import encode_basestring

from ovaltime.core.results import Competition, Race, Result, Skater
from ovaltime.core.states import RaceKind, RaceState, Status
from ovaltime.core.times import Time
from ovaltime.formats.document import FORMAT, VERSION
from ovaltime.formats.timetext import format_exact

__all__ = ["document_text"]

_q = encode_basestring
"""Text as a JSON string, escaped as ``json.dumps(..., ensure_ascii=False)`` escapes it."""

_HEAD = f'{{\n  "format": {_q(FORMAT)},\n  "version": {VERSION},\n  "competition": {{\n    "name": '


def document_text(competition: Competition) -> str:
    """``document.dumps_competition(competition)``: the same text, final newline included."""
    ids: dict[Skater, str] = {}
    races = [_race(race, ids) for race in competition.races]
    text = _HEAD + _q(competition.name)
    if competition.venue:
        text += f',\n    "venue": {_q(competition.venue)}'
    if competition.nation:
        text += f',\n    "nation": {_q(competition.nation)}'
    if competition.start:
        text += f',\n    "start": "{competition.start.isoformat()}"'
    if competition.end:
        text += f',\n    "end": "{competition.end.isoformat()}"'
    if ids:
        skaters = ",\n    ".join([_skater(skater, ident) for skater, ident in ids.items()])
        text += f'\n  }},\n  "skaters": [\n    {skaters}\n  ],\n'
    else:
        text += '\n  },\n  "skaters": [],\n'
    if races:
        return text + '  "races": [\n    ' + ",\n    ".join(races) + "\n  ]\n}\n"
    return text + '  "races": []\n}\n'


def _skater(skater: Skater, ident: str) -> str:
    text = f'{{\n      "id": {ident},\n      "name": {_q(skater.name)}'
    if skater.nation:
        text += f',\n      "nation": {_q(skater.nation)}'
    if skater.age_group:
        text += f',\n      "age_group": {_q(skater.age_group)}'
    return text + "\n    }"


def _race(race: Race, ids: dict[Skater, str]) -> str:
    text = f'{{\n      "distance": {int.__repr__(race.distance)}'
    text += f',\n      "gender": {_q(race.gender.value)}'
    if race.kind is not RaceKind.INDIVIDUAL:
        text += f',\n      "kind": {_q(race.kind.value)}'
    if race.number != 1:
        text += f',\n      "number": {int.__repr__(race.number)}'
    if race.division:
        text += f',\n      "division": {_q(race.division)}'
    if race.title:
        text += f',\n      "title": {_q(race.title)}'
    if race.date:
        text += f',\n      "date": "{race.date.isoformat()}"'
    if race.state is not RaceState.OFFICIAL:
        text += f',\n      "state": {_q(race.state.value)}'
    if not race.results:
        return text + ',\n      "results": []\n    }'
    results = ",\n        ".join([_result(result, ids) for result in race.results])
    return f'{text},\n      "results": [\n        {results}\n      ]\n    }}'


def _result(result: Result, ids: dict[Skater, str]) -> str:
    ident = ids.get(result.skater)
    if ident is None:
        ident = ids[result.skater] = f'"s{len(ids) + 1}"'
    time = result.time
    if time is None:
        text = f'{{\n          "skater": {ident}'
    else:
        text = f'{{\n          "skater": {ident},\n          "time": {_time(time)}'
    if result.status is not Status.OK:
        text += f',\n          "status": {_q(result.status.value)}'
    if result.infraction:
        text += f',\n          "infraction": {_q(result.infraction)}'
    if result.fell:
        text += ',\n          "fell": true'
    if result.pair is not None:
        text += f',\n          "pair": {int.__repr__(result.pair)}'
    if result.lane is not None:
        text += f',\n          "lane": {_q(result.lane.value)}'
    if result.passages:
        passages = ",\n            ".join(
            f'{{\n              "metres": {int.__repr__(p.metres)},'
            f'\n              "time": {_time(p.time)}\n            }}'
            for p in result.passages
        )
        text += f',\n          "passages": [\n            {passages}\n          ]'
    if result.records:
        records = ",\n            ".join(_q(r) for r in result.records)
        text += f',\n          "records": [\n            {records}\n          ]'
    if not result.thousandths_known:
        text += ',\n          "thousandths_known": false'
    if result.published_rank is not None:
        text += f',\n          "published_rank": {int.__repr__(result.published_rank)}'
    return text + "\n        }"


def _time(time: Time) -> str:
    """A time in the exact notation as JSON text: the whole seconds' part, then the
    fraction's (each written by ``format_exact`` once)."""
    whole, millis = divmod(time.thousandths, 1000)
    clock = _CLOCKS.get(whole)
    if clock is None:
        if len(_CLOCKS) >= _MAX_CLOCKS:
            _CLOCKS.clear()
        clock = _CLOCKS[whole] = format_exact(Time(whole * 1000, 0))
    return '"' + clock + _FRACTIONS[time.precision][millis] + '"'


_CLOCKS: dict[int, str] = {}
"""The whole seconds' part of the times met so far, by whole seconds (begun again when full)."""
_MAX_CLOCKS = 1 << 16

_FRACTIONS = tuple(
    tuple(format_exact(Time(millis, precision))[1:] for millis in range(1000))
    for precision in range(4)
)
"""What follows the whole seconds, by precision and thousandths of the second: ``format_exact``
of a time under a second less its ``0`` (``.34``, ``.34(2)``, ``(850)``)."""
