"""The archive: season and all-time lists, the Adelskalender, skaters, head to head, records.

Every route is a read. Parameters are checked by ``services.archive_views``, as the command
line checks them, so a bad distance, gender, season or record kind is a 422 naming the field
with the message ``ovaltime archive`` prints; an unknown skater is a 404. The JSON is that of
``ovaltime archive ... --format json``, where the lines also carry the ids (``skater_id``,
``competition_id``) a client follows to the skater or the competition.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from ovaltime.services.archive_views import (
    ListQuery,
    adelskalender_view,
    bests_view,
    head_to_head_view,
    list_view,
    parse_distance,
    parse_gender,
    parse_kind,
    parse_season,
    parse_text,
    person,
    progression_view,
    read_list,
    records_view,
    skater_view,
)
from ovaltime.services.combination_views import (
    combinations_view,
    parse_combination_name,
    totals_view,
)
from ovaltime.services.errors import Invalid
from ovaltime.store.archive_queries import (
    adelskalender,
    adelskalender_history,
    bests,
    find_persons,
    head_to_head,
    pb_progression,
    records,
)
from ovaltime.store.combination_rows import combination_lines, person_totals
from ovaltime.store.engine import read_session
from ovaltime.web.deps import MAX_ID, ContextDep, Id

router = APIRouter(prefix="/archive", tags=["archive"])

#: The most lines one request gives; ``offset`` pages on.
MAX_LIMIT = 1000

Distance = Annotated[str, Query(max_length=10, description="In metres: 500, 1500 ...")]
GenderQuery = Annotated[str, Query(max_length=10, description="women or men.")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="How many lines.")]
Offset = Annotated[int, Query(ge=0, le=MAX_ID, description="Lines to leave out first.")]
Season = Annotated[str | None, Query(max_length=20, description="Such as 2024-25.")]
Text = Annotated[str | None, Query(max_length=40)]


@router.get("/lists")
def lists(
    ctx: ContextDep,
    distance: Distance,
    gender: GenderQuery,
    season: Season = None,
    nation: Text = None,
    age_group: Text = None,
    rink: Text = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    """A season's list (``season``) or the all-time list: each skater's best time on the
    distance, fastest first, equal official times sharing a rank; filtered by nation, age
    group (``A1``) or rink (its key: ``calgary``)."""
    query = ListQuery(
        parse_distance(distance),
        parse_gender(gender),
        parse_season(season) if season else None,
        nation=parse_text(nation, "nation"),
        age_group=parse_text(age_group, "age_group"),
        rink=parse_text(rink, "rink"),
        limit=limit,
        offset=offset,
    )
    with read_session(ctx.engine) as session:
        return list_view(read_list(session, query), ids=True)


@router.get("/combinations")
def combinations(
    ctx: ContextDep,
    combination: Annotated[
        str, Query(max_length=10, description="big, small, sprint or mini.")
    ] = "big",
    gender: GenderQuery = "men",
    nation: Text = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    """The all-time list of a combination: each skater's best samalog total of a championship
    whose races were the whole combination, with the flags it earned (WR, NR, PB)."""
    name = parse_combination_name(combination)
    chosen = parse_gender(gender)
    wanted = parse_text(nation, "nation")
    with read_session(ctx.engine) as session:
        lines = combination_lines(session, name, chosen, nation=wanted, limit=limit, offset=offset)
        return combinations_view(lines, ids=True)


@router.get("/adelskalender")
def adelskalender_list(
    ctx: ContextDep, gender: GenderQuery = "men", limit: Limit = 100, offset: Offset = 0
) -> dict[str, Any]:
    """Skaters by the samalog sum of their personal bests on the allround distances, with
    those bests; points with three decimals, lowest first."""
    chosen = parse_gender(gender)
    with read_session(ctx.engine) as session:
        lines = adelskalender(session, chosen, limit=limit, offset=offset)
    return adelskalender_view(lines, ids=True)


@router.get("/skaters")
def skaters(
    ctx: ContextDep,
    q: Annotated[
        str, Query(min_length=1, max_length=200, description="A name in any order or spelling.")
    ],
) -> dict[str, Any]:
    """Skaters with a name matching ``q``: the whole name in any order and spelling, or every
    word of it within a name; exact matches first."""
    text = parse_text(q, "q")
    if text is None:
        return {"skaters": []}
    with read_session(ctx.engine) as session:
        found = find_persons(session, text)
    return {"skaters": [skater_view(p) for p in found]}


@router.get("/skaters/{person_id}")
def skater(ctx: ContextDep, person_id: Id, season: Season = None) -> dict[str, Any]:
    """The skater, their PB and SB on each distance (SB of ``season``, by default the latest
    they skated in), their Adelskalender points and position after each change, and their
    combination totals."""
    start = parse_season(season) if season else None
    with read_session(ctx.engine) as session:
        found = person(session, person_id)
        view = bests_view(
            found, bests(session, person_id, start), adelskalender_history(session, person_id)
        )
        view["combinations"] = totals_view(person_totals(session, person_id))
        return view


@router.get("/skaters/{person_id}/progression")
def progression(ctx: ContextDep, person_id: Id, distance: Distance) -> dict[str, Any]:
    """Every result that improved the skater's best on the distance, oldest first."""
    metres = parse_distance(distance)
    with read_session(ctx.engine) as session:
        found = person(session, person_id)
        return progression_view(found, metres, pb_progression(session, person_id, metres))


@router.get("/head-to-head")
def head_to_head_of(
    ctx: ContextDep,
    a: Annotated[int, Query(ge=1, le=MAX_ID, description="A skater's id.")],
    b: Annotated[int, Query(ge=1, le=MAX_ID, description="Another skater's id.")],
) -> dict[str, Any]:
    """Every race both skaters finished with a time, who was faster, and the count per
    distance."""
    if a == b:
        raise Invalid("b", f"skater {b} against themselves: name two skaters")
    with read_session(ctx.engine) as session:
        first, second = person(session, a), person(session, b)
        return head_to_head_view(first, second, head_to_head(session, a, b))


@router.get("/records")
def records_now(
    ctx: ContextDep,
    distance: Distance,
    gender: GenderQuery,
    kind: Annotated[str, Query(max_length=5, description="WR, WRJ, NR, NRJ, TR or TRJ.")] = "WR",
    nation: Text = None,
    rink: Text = None,
) -> dict[str, Any]:
    """The records standing now, as the archive judged them: the world record, or one line
    per nation (NR) or rink (TR), or the one of ``nation`` or ``rink``."""
    which, metres, chosen = parse_kind(kind), parse_distance(distance), parse_gender(gender)
    where = {"nation": parse_text(nation, "nation"), "rink": parse_text(rink, "rink")}
    with read_session(ctx.engine) as session:
        lines = records(session, which, metres, chosen, **where)
    return records_view(lines, ids=True)
