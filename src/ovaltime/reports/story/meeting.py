"""Reports of a race, a day and a whole competition, put together from the stories.

* A **race report** is the race's story, followed by the classification after it when the race
  belongs to a combination (allround, sprint) that the caller names.
* A **day report** tells each race of that day in programme order, then the podiums of the day.
* A **competition report** tells every race, day by day, then ``podiums`` for the whole
  competition and, when series standings are given, the standings after it.

``podiums``: skaters on the podium at least twice (Division A or no division; a team medal
counts for each member), at most five, in medal-table order: "Takagi finished on the podium
four times: three wins and a third place."
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ovaltime.core.medals import MedalLine, medal_table
from ovaltime.core.programme import Combination, RaceSlot, standard_combination
from ovaltime.core.results import Competition, Race, Skater
from ovaltime.core.standings import SeriesStandings
from ovaltime.core.states import Gender, RaceKind
from ovaltime.reports.story.classification import classification_story
from ovaltime.reports.story.document import Paragraph, Report, Section, Sentence, paragraph
from ovaltime.reports.story.names import Namer
from ovaltime.reports.story.race import race_story
from ovaltime.reports.story.standings import standings_story
from ovaltime.reports.story.words import count_words, join_words, race_words

__all__ = [
    "Context",
    "championship_combinations",
    "competition_report",
    "day_report",
    "race_report",
]

#: How many skaters the podium summary names at most.
PODIUM_SKATERS = 5


@dataclass(frozen=True, slots=True)
class Context:
    """What a report may tell beyond the races: the combination of each gender (classification
    sentences) and the series standings with this competition's name among their meetings."""

    combinations: Mapping[Gender, Combination] | None = None
    standings: SeriesStandings | None = None


def championship_combinations(competition: Competition) -> dict[Gender, Combination]:
    """The standard combination of each gender's individual races, for a championship only.

    A competition with World Cup divisions is a meeting, not a championship: none. Otherwise a
    gender (women or men) with at least two individual races whose distances all belong to a
    standard combination gets it (``core.programme.standard_combination``).
    """
    if any(race.division for race in competition.races):
        return {}
    found: dict[Gender, Combination] = {}
    for gender in (Gender.WOMEN, Gender.MEN):
        slots = {
            RaceSlot(r.distance, r.number)
            for r in competition.races
            if r.gender is gender and r.kind is RaceKind.INDIVIDUAL
        }
        match = standard_combination(slots, gender) if len(slots) >= 2 else None
        if match is not None:
            found[gender] = match
    return found


def _heading(race: Race) -> str:
    """``Women's 1,500 m``, ``Second men's 500 m``, ``Men's mass start (division B)``."""
    text = race_words(race).removeprefix("the ")
    return text[:1].upper() + text[1:]


def _subtitle(competition: Competition, day: dt.date | None = None) -> str:
    parts = [p for p in (competition.venue, competition.nation) if p]
    where = ", ".join(parts)
    when = day or competition.start
    if when is not None:
        where = f"{where}, {when.isoformat()}" if where else when.isoformat()
    return where


def _race_section(competition: Competition, race: Race, context: Context) -> Section:
    name = Namer()
    paragraphs = race_story(race, name)
    combination = (context.combinations or {}).get(race.gender)
    if combination is not None:
        same_gender = [r for r in competition.races if r.gender is race.gender]
        told = paragraph(classification_story(combination, same_gender, race, name))
        if told is not None:
            paragraphs.append(told)
    if not paragraphs:
        paragraphs = [Paragraph((Sentence("no-result", "No result has been recorded yet."),))]
    return Section(_heading(race), tuple(paragraphs))


def race_report(competition: Competition, position: int, context: Context | None = None) -> Report:
    """The report of race ``position`` (1 = first in programme order)."""
    if not 1 <= position <= len(competition.races):
        raise ValueError(f"race {position}: the competition has races 1-{len(competition.races)}")
    race = competition.races[position - 1]
    section = _race_section(competition, race, context or Context())
    return Report(
        f"{competition.name}: {_heading(race)}",
        _subtitle(competition, race.date),
        (section,),
    )


def day_report(competition: Competition, day: dt.date, context: Context | None = None) -> Report:
    """Every race of ``day`` (its own date, or the competition's start for an undated race)."""
    races = [r for r in competition.races if (r.date or competition.start) == day]
    if not races:
        days = sorted({d for r in competition.races if (d := r.date or competition.start)})
        known = ", ".join(d.isoformat() for d in days) or "none"
        raise ValueError(f"no race on {day.isoformat()}; race days: {known}")
    ctx = context or Context()
    sections = [_race_section(competition, race, ctx) for race in races]
    sections.extend(_podium_section(competition, races, "The day's podiums"))
    return Report(
        f"{competition.name}: {day.isoformat()}", _subtitle(competition, day), tuple(sections)
    )


def competition_report(competition: Competition, context: Context | None = None) -> Report:
    """Every race in programme order, the podium summary, and the series standings if given."""
    ctx = context or Context()
    sections = [_race_section(competition, race, ctx) for race in competition.races]
    sections.extend(_podium_section(competition, list(competition.races), "Podiums"))
    if ctx.standings is not None:
        told = standings_story(ctx.standings, competition.name, Namer())
        if told:
            paragraphs = tuple(Paragraph(tuple(sentences)) for sentences in told)
            sections.append(Section("World Cup standings", paragraphs))
    return Report(competition.name, _subtitle(competition), tuple(sections))


def _podium_section(competition: Competition, races: Sequence[Race], heading: str) -> list[Section]:
    table = medal_table(Competition(competition.name, tuple(races)))
    lines = [line for line in table.skaters if line.podiums >= 2][:PODIUM_SKATERS]
    if not lines:
        return []
    name = Namer()
    told = [Sentence("podiums", _podiums(line, name)) for line in lines]
    return [Section(heading, (Paragraph(tuple(told)),))]


def _count(n: int, one: str, many: str) -> str:
    return f"a {one}" if n == 1 else f"{count_words(n)} {many}"


def _podiums(line: MedalLine, name: Namer) -> str:
    parts = []
    if line.gold:
        parts.append(_count(line.gold, "win", "wins"))
    if line.silver:
        parts.append(_count(line.silver, "second place", "second places"))
    if line.bronze:
        parts.append(_count(line.bronze, "third place", "third places"))
    who = name(Skater(line.name, line.nation))
    if line.gold == line.podiums:
        return f"{who} won {count_words(line.gold)} races."
    times = "twice" if line.podiums == 2 else f"{count_words(line.podiums)} times"
    return f"{who} finished on the podium {times}: {join_words(parts)}."
