"""The series standings (World Cup) of a season over the competitions in the database.

The meetings are the competitions given by id, or by default every competition dated in the
season that has races in divisions (World Cup meetings have A and B), scored in date order by
the season's rules; one of them may be scored as the season's final.
"""

from __future__ import annotations

from dataclasses import dataclass

from ovaltime.core.results import Competition
from ovaltime.core.standings import Meeting, SeriesStandings, in_date_order, series_standings
from ovaltime.rules import load_season, season_of
from ovaltime.services.errors import Invalid, NotFound
from ovaltime.services.unit import Context
from ovaltime.store.competitions import list_competitions, load_competition
from ovaltime.store.engine import read_session

__all__ = ["SeasonStandings", "season_standings"]


def _meetings(ctx: Context, season: str, chosen: list[int] | None) -> list[tuple[int, Competition]]:
    with read_session(ctx.engine) as session:
        ids = chosen if chosen else [c.id for c in list_competitions(session)]
        found: list[tuple[int, Competition]] = []
        for ident in ids:
            competition = load_competition(session, ident)
            if competition is None:
                raise NotFound("competition", ident)
            found.append((ident, competition))
    if chosen:
        return found
    return [
        (ident, c)
        for ident, c in found
        if c.start is not None
        and season_of(c.start) == season
        and any(race.division for race in c.races)
    ]


@dataclass(frozen=True, slots=True)
class SeasonStandings:
    """The series standings of a season and the meetings they count, with their ids."""

    series: SeriesStandings
    meetings: list[tuple[int, Competition]]
    final: Competition | None


def season_standings(
    ctx: Context, season: str, competition: list[int] | None, final: str
) -> SeasonStandings:
    """The standings of ``season`` after the meetings (``competition`` ids, or the season's
    World Cups), the meeting ``final`` (none, last or an id) scored as the season's final."""
    rules = load_season(season)
    meetings = _meetings(ctx, season, competition)
    by_id = dict(meetings)
    ordered = in_date_order(c for _, c in meetings)
    key = final.strip().lower()
    if key == "none":
        last = None
    elif key == "last":
        last = ordered[-1] if ordered else None
    elif key.isdigit() and int(key) in by_id:
        last = by_id[int(key)]
    else:
        raise Invalid("final", f"{final!r}: expected none, last or the id of one of the meetings")
    series = series_standings([Meeting(c, final=c is last) for c in ordered], rules)
    ids = {id(c): ident for ident, c in meetings}
    return SeasonStandings(series, [(ids[id(c)], c) for c in ordered], last)
