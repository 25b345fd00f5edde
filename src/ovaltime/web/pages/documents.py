"""The documents and charts beside the pages: PDF lists to print and sign, SVG charts to show.

``/competitions/{id}/races/{position}/start-list.pdf`` and ``.../results.pdf`` · ``.../laps.svg``
and ``.../gaps.svg`` (a race with passages) · ``/competitions/{id}/classification.pdf`` and
``/competitions/{id}/classification/progression.svg?gender=&measure=rank|points`` ·
``/standings.pdf?season=``.

Public reads like the pages; a missing competition or race is the HTML "not found" page. A chart
with nothing to draw yet (no passages, no classification) is an image saying so, and the
standings list of a database without World Cup meetings a page saying so, as the pages do.
The values come from the store as core objects and are drawn by ``ovaltime.reports``; reportlab
and matplotlib are imported only when a document is asked for. A start list lists every entry of
the race, skated or not (``store.entries``). Nothing is cached (``no-cache``): a result list
follows the race as it is skated and corrected. Drawing runs off the event loop.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from ovaltime.core.results import Competition, Race
from ovaltime.services.classifications import classified_genders, classify_competition
from ovaltime.services.errors import ServiceError
from ovaltime.services.series_standings import season_standings
from ovaltime.services.unit import Context
from ovaltime.store.competitions import find_race, load_competition
from ovaltime.store.engine import read_session
from ovaltime.store.entries import race_entries
from ovaltime.store.tables import CompetitionRow
from ovaltime.web.deps import ContextDep, Id
from ovaltime.web.pages.common import load, not_found
from ovaltime.web.pages.standings import series_seasons

router = APIRouter()

_PDF = "application/pdf"
_SVG = "image/svg+xml"


def file_name(*parts: str) -> str:
    """A plain ASCII file name from words: ``6-world-cup-2024-2025-race-3-results``."""
    text = "-".join(parts)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "document"


def _document(content: bytes, media_type: str, name: str) -> Response:
    extension = "pdf" if media_type == _PDF else "svg"
    return Response(
        content,
        media_type=media_type,
        headers={
            "Content-Disposition": f'inline; filename="{name}.{extension}"',
            "Cache-Control": "no-cache",
        },
    )


def _head(session: Session, competition_id: int) -> Competition | None:
    """The competition's name, place and dates, without its races."""
    row = session.get(CompetitionRow, competition_id)
    if row is None:
        return None
    return Competition(row.name, venue=row.venue, nation=row.nation, start=row.start, end=row.end)


def _race_pdf(ctx: Context, competition_id: int, position: int, kind: str) -> bytes | None:
    from ovaltime.reports.pdf import StartEntry, result_list_pdf, start_list_pdf

    with read_session(ctx.engine) as session:
        stored = find_race(session, competition_id, position)
        head = _head(session, competition_id)
        if stored is None or head is None:
            return None
        entries = race_entries(session, stored.id) if kind == "start-list" else []
    if kind == "start-list":
        listed = [StartEntry(e.skater, e.pair, e.lane) for e in entries]
        return start_list_pdf(head, stored.race, listed)
    return result_list_pdf(head, stored.race)


def _race(ctx: Context, competition_id: int, position: int) -> Race | None:
    with read_session(ctx.engine) as session:
        stored = find_race(session, competition_id, position)
    return stored.race if stored is not None else None


def _race_chart(ctx: Context, competition_id: int, position: int, kind: str) -> bytes | None:
    from ovaltime.reports.charts import gap_chart, lap_chart, notice

    race = _race(ctx, competition_id, position)
    if race is None:
        return None
    if not any(r.passages for r in race.results):
        return notice(f"{race.name}: no passages yet")
    return (lap_chart if kind == "laps" else gap_chart)(race)


async def _race_response(
    request: Request, ctx: Context, competition_id: int, position: int, kind: str
) -> Response:
    if kind in ("laps", "gaps"):
        content = await load(_race_chart, ctx, competition_id, position, kind)
        media = _SVG
    else:
        content = await load(_race_pdf, ctx, competition_id, position, kind)
        media = _PDF
    if content is None:
        return not_found(request, f"Competition {competition_id} has no race {position}.")
    name = file_name(f"competition-{competition_id}-race-{position}-{kind}")
    return _document(content, media, name)


@router.get("/competitions/{competition_id}/races/{position}/results.pdf")
async def result_list(
    request: Request, competition_id: Id, position: Id, ctx: ContextDep
) -> Response:
    """The result list of the race, official or not, to print and sign."""
    return await _race_response(request, ctx, competition_id, position, "results")


@router.get("/competitions/{competition_id}/races/{position}/start-list.pdf")
async def start_list(
    request: Request, competition_id: Id, position: Id, ctx: ContextDep
) -> Response:
    """The start list of the race: every entry by pair and lane."""
    return await _race_response(request, ctx, competition_id, position, "start-list")


@router.get("/competitions/{competition_id}/races/{position}/laps.svg")
async def lap_chart(
    request: Request, competition_id: Id, position: Id, ctx: ContextDep
) -> Response:
    """Each skater's lap times, for a race with passages."""
    return await _race_response(request, ctx, competition_id, position, "laps")


@router.get("/competitions/{competition_id}/races/{position}/gaps.svg")
async def gap_chart(
    request: Request, competition_id: Id, position: Id, ctx: ContextDep
) -> Response:
    """Each skater's gap to the fastest passage at every split point."""
    return await _race_response(request, ctx, competition_id, position, "gaps")


def _classification_pdf(ctx: Context, competition_id: int) -> bytes | None:
    from ovaltime.reports.pdf import ClassificationSection, classification_list_pdf

    with read_session(ctx.engine) as session:
        found = load_competition(session, competition_id)
    if found is None:
        return None
    sections = []
    for gender in classified_genders(found):
        try:
            classified = classify_competition(found, gender=gender.value)
        except ServiceError:  # races that make no combination: the page says why
            continue
        title = f"{gender.value.capitalize()}: {classified.combination.name} combination"
        sections.append(ClassificationSection(title, classified.classification))
    return classification_list_pdf(found, sections) if sections else None


@router.get("/competitions/{competition_id}/classification.pdf")
async def classification_list(request: Request, competition_id: Id, ctx: ContextDep) -> Response:
    """The classification list of every gender with a combination."""
    content = await load(_classification_pdf, ctx, competition_id)
    if content is None:
        return not_found(request, f"Competition {competition_id} has no classification.")
    return _document(content, _PDF, file_name(f"competition-{competition_id}-classification"))


Measure = Annotated[Literal["rank", "points"], Query(description="rank, or points behind.")]


def _progression(
    ctx: Context, competition_id: int, gender: str | None, measure: str
) -> bytes | None:
    from ovaltime.reports.charts import notice, progression_chart

    with read_session(ctx.engine) as session:
        found = load_competition(session, competition_id)
    if found is None:
        return None
    genders = classified_genders(found)
    chosen = gender or (genders[0].value if genders else None)
    try:
        classified = classify_competition(found, gender=chosen)
    except ServiceError as error:
        return notice(f"No classification: {error}")
    if not classified.after_each:
        return notice("No classification yet")
    title = f"{classified.gender.value.capitalize()}, {classified.combination.name} combination"
    measured: Literal["rank", "points"] = "points" if measure == "points" else "rank"
    return progression_chart(classified.after_each, measure=measured, title=title)


@router.get("/competitions/{competition_id}/classification/progression.svg")
async def progression(
    request: Request,
    competition_id: Id,
    ctx: ContextDep,
    gender: Annotated[
        str | None, Query(max_length=10, description="women or men (default: the first).")
    ] = None,
    measure: Measure = "rank",
) -> Response:
    """Each skater's rank (or points behind the leader) after each race of the combination."""
    content = await load(_progression, ctx, competition_id, gender, measure)
    if content is None:
        return not_found(request, f"There is no competition {competition_id}.")
    name = file_name(f"competition-{competition_id}-{gender or ''}-progression-{measure}")
    return _document(content, _SVG, name)


def _standings_pdf(ctx: Context, season: str | None) -> tuple[str, bytes]:
    from ovaltime.core.standings import SeriesStandings
    from ovaltime.reports.pdf import standings_list_pdf
    from ovaltime.rules.errors import SeasonError

    chosen = season or next(iter(series_seasons(ctx)), None)
    if chosen is None:
        why = "there are no World Cup meetings (competitions with races in divisions) here"
        return "none", standings_list_pdf(SeriesStandings("", (), ()), notes=[why])
    try:
        found = season_standings(ctx, chosen, None, "none")
    except (ServiceError, SeasonError) as error:
        return chosen, standings_list_pdf(SeriesStandings(chosen, (), ()), notes=[str(error)])
    return chosen, standings_list_pdf(found.series, notes=found.series.notes)


@router.get("/standings.pdf")
async def standings_list(
    ctx: ContextDep,
    season: Annotated[str | None, Query(max_length=20, description="Such as 2024-25.")] = None,
) -> Response:
    """The series standings list of a season (default: the latest with World Cup meetings)."""
    chosen, content = await load(_standings_pdf, ctx, season)
    return _document(content, _PDF, file_name(f"standings-{chosen}"))
