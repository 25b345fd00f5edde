"""The archive's pages: a start page with a skater search, season and all-time lists, the
Adelskalender, and a skater's page with bests, Adelskalender positions and PB progression.

The pages show the JSON API's views (``services.archive_views``) and work without JavaScript:
the filters are a plain GET form, so every list has an address that can be shared. A filter
that cannot be read is said on the page, beside the form to correct it (status 422).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from ovaltime.core.distances import STANDARD_DISTANCES
from ovaltime.core.programme import COMBINATIONS
from ovaltime.core.records import ADELSKALENDER_DISTANCES
from ovaltime.services.archive_views import (
    ListQuery,
    adelskalender_view,
    bests_view,
    list_view,
    parse_distance,
    parse_gender,
    parse_season,
    parse_text,
    person,
    read_list,
    skater_view,
)
from ovaltime.services.combination_views import (
    combinations_view,
    parse_combination_name,
    totals_view,
)
from ovaltime.services.errors import Invalid, NotFound
from ovaltime.services.unit import Context
from ovaltime.store.archive_queries import (
    adelskalender,
    adelskalender_history,
    bests,
    find_persons,
    pb_progression,
)
from ovaltime.store.combination_rows import combination_lines, person_totals
from ovaltime.store.engine import read_session
from ovaltime.web.deps import MAX_ID, ContextDep, Id
from ovaltime.web.pages.archive_chart import Step, progression_svg
from ovaltime.web.pages.common import load, not_found, render

router = APIRouter()

#: How many lines a page shows at most; ``offset`` pages on.
PAGE_LIMIT = 500

Text = Annotated[str | None, Query(max_length=40)]
Limit = Annotated[int, Query(ge=1, le=PAGE_LIMIT)]
Offset = Annotated[int, Query(ge=0, le=MAX_ID)]


def _search(ctx: Context, text: str) -> list[dict[str, Any]] | str:
    """The skaters found, or what is wrong with the text."""
    try:
        cleaned = parse_text(text, "q")
    except Invalid as error:
        return str(error)
    if cleaned is None:
        return []
    with read_session(ctx.engine) as session:
        return [skater_view(p) for p in find_persons(session, cleaned)]


@router.get("/archive", response_class=HTMLResponse)
async def archive_home(
    request: Request,
    ctx: ContextDep,
    q: Annotated[str | None, Query(max_length=200, description="A skater's name.")] = None,
) -> HTMLResponse:
    """Where the archive's lists are, and a search for a skater."""
    text = (q or "").strip()
    found = await load(_search, ctx, text) if text else None
    problem = found if isinstance(found, str) else None
    response = render(
        request,
        "archive",
        {
            "q": text,
            "found": None if problem else found,
            "problem": problem,
            "distances": (500, 1000, 1500, 3000, 5000, 10000),
        },
    )
    if problem:
        response.status_code = 422
    return response


def _list_data(ctx: Context, form: dict[str, Any]) -> dict[str, Any]:
    """The list asked for by the form's values, or the problem with one of them."""
    try:
        query = ListQuery(
            parse_distance(form["distance"]),
            parse_gender(form["gender"]),
            parse_season(form["season"]) if form["season"] else None,
            nation=parse_text(form["nation"], "nation"),
            age_group=parse_text(form["age_group"], "age_group"),
            rink=parse_text(form["rink"], "rink"),
            limit=form["limit"],
            offset=form["offset"],
        )
    except Invalid as error:
        return {"problem": str(error), "lines": None}
    with read_session(ctx.engine) as session:
        lines = list_view(read_list(session, query), ids=True)["list"]
    when = f"season {form['season']}" if form["season"] else "all time"
    title = f"{query.distance} m {query.gender.value}, {when}"
    return {"problem": None, "lines": lines, "title": title}


@router.get("/archive/lists", response_class=HTMLResponse)
async def archive_lists(
    request: Request,
    ctx: ContextDep,
    distance: Text = "500",
    gender: Text = "women",
    season: Text = None,
    nation: Text = None,
    age_group: Text = None,
    rink: Text = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> HTMLResponse:
    """A season's or the all-time list of a distance, with the form that chose it."""
    form = {
        "distance": (distance or "500").strip(),
        "gender": (gender or "women").strip(),
        "season": (season or "").strip(),
        "nation": (nation or "").strip(),
        "age_group": (age_group or "").strip(),
        "rink": (rink or "").strip(),
        "limit": limit,
        "offset": offset,
    }
    data = await load(_list_data, ctx, form)
    response = render(
        request, "archive_lists", {"form": form, "distances": STANDARD_DISTANCES, **data}
    )
    if data["problem"]:
        response.status_code = 422
    return response


def _adelskalender_data(ctx: Context, gender: str, limit: int, offset: int) -> dict[str, Any]:
    try:
        chosen = parse_gender(gender)
    except Invalid as error:
        return {"problem": str(error), "lines": None, "distances": ()}
    with read_session(ctx.engine) as session:
        lines = adelskalender_view(
            adelskalender(session, chosen, limit=limit, offset=offset), ids=True
        )["list"]
    distances = [str(d) for d in ADELSKALENDER_DISTANCES[chosen]]
    return {"problem": None, "lines": lines, "distances": distances, "chosen": chosen.value}


@router.get("/archive/adelskalender", response_class=HTMLResponse)
async def archive_adelskalender(
    request: Request,
    ctx: ContextDep,
    gender: Text = "men",
    limit: Limit = 100,
    offset: Offset = 0,
) -> HTMLResponse:
    """The Adelskalender of men or women."""
    wanted = (gender or "men").strip()
    data = await load(_adelskalender_data, ctx, wanted, limit, offset)
    response = render(request, "archive_adelskalender", {"gender": wanted, **data})
    if data["problem"]:
        response.status_code = 422
    return response


def _combinations_data(
    ctx: Context, combination: str, gender: str, limit: int, offset: int
) -> dict[str, Any]:
    try:
        name = parse_combination_name(combination)
        chosen = parse_gender(gender)
    except Invalid as error:
        return {"problem": str(error), "lines": None}
    with read_session(ctx.engine) as session:
        lines = combination_lines(session, name, chosen, limit=limit, offset=offset)
    view = combinations_view(lines, ids=True)["list"]
    return {"problem": None, "lines": view, "chosen": chosen.value, "name": name}


@router.get("/archive/combinations", response_class=HTMLResponse)
async def archive_combinations(
    request: Request,
    ctx: ContextDep,
    combination: Text = "big",
    gender: Text = "men",
    limit: Limit = 100,
    offset: Offset = 0,
) -> HTMLResponse:
    """The best samalog totals of a combination: men's or women's."""
    wanted, sex = (combination or "big").strip(), (gender or "men").strip()
    data = await load(_combinations_data, ctx, wanted, sex, limit, offset)
    names = list(COMBINATIONS)
    response = render(
        request,
        "archive_combinations",
        {"combination": wanted, "gender": sex, "names": names, **data},
    )
    if data["problem"]:
        response.status_code = 422
    return response


def _skater_data(ctx: Context, person_id: int) -> dict[str, Any] | None:
    """The skater's bests, positions and progression on each distance; None if unknown."""
    with read_session(ctx.engine) as session:
        try:
            found = person(session, person_id)
        except NotFound:
            return None
        view = bests_view(
            found, bests(session, person_id), adelskalender_history(session, person_id)
        )
        view["combinations"] = totals_view(person_totals(session, person_id), ids=True)
        progressions = {
            line["distance"]: [
                Step(result.date, result.time)
                for result in pb_progression(session, person_id, line["distance"])
            ]
            for line in view["bests"]
        }
    view["chart"] = progression_svg(progressions, title=f"PB progression of {found.name}")
    view["improvements"] = {d: len(steps) for d, steps in progressions.items()}
    return view


@router.get("/archive/skaters/{person_id}", response_class=HTMLResponse)
async def archive_skater(request: Request, ctx: ContextDep, person_id: Id) -> HTMLResponse:
    """A skater: PB and SB per distance, Adelskalender positions, PB progression chart."""
    data = await load(_skater_data, ctx, person_id)
    if data is None:
        return not_found(request, f"There is no skater {person_id} in the archive.")
    return render(request, "archive_skater", data)
