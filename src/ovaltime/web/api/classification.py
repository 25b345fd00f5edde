"""The classification of a competition: allround or sprint, after each distance.

Without ``?combination=`` the programme is guessed from the competition's individual races of
the gender: the first of the predefined combinations whose programme holds every one of them
(women: small, sprint, mini, big; men: big, sprint, small, mini), else a custom programme of
those races in programme order. The guess is reported (``guessed``).
"""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any

from fastapi import APIRouter, Query

from ovaltime.core.combination import (
    BIG,
    MINI,
    SMALL,
    SPRINT,
    Classification,
    Combination,
    RaceSlot,
    classify,
    combination_named,
)
from ovaltime.core.results import Race
from ovaltime.core.states import Gender, RaceKind
from ovaltime.formats.views import classification_view
from ovaltime.services.errors import Invalid, NotFound
from ovaltime.store.competitions import load_competition
from ovaltime.store.engine import read_session
from ovaltime.web.deps import ContextDep, Id

router = APIRouter(tags=["classification"])

_PREFERENCE = {
    Gender.WOMEN: (SMALL, SPRINT, MINI, BIG),
    Gender.MEN: (BIG, SPRINT, SMALL, MINI),
    Gender.MIXED: (BIG, SMALL, SPRINT, MINI),
}


def parse_combination(text: str, *, final_size: int, weighting: int) -> Combination:
    """``big``/``small``/``sprint``/``mini``, or distances in skating order (``500,1000,500``)."""
    try:
        if any(ch.isdigit() for ch in text):
            distances = [int(part) for part in text.replace(" ", "").split(",") if part]
            return Combination.custom(
                distances, name=text, weighting=weighting, qualification_size=final_size
            )
        base = combination_named(text)
        return dataclasses.replace(base, qualification_size=final_size, weighting=weighting)
    except ValueError as error:
        raise Invalid("combination", f"{text!r}: {error}") from None


def guess_combination(
    races: list[Race], gender: Gender, *, final_size: int, weighting: int
) -> Combination:
    """The combination these races belong to (module docstring)."""
    slots = {RaceSlot(r.distance, r.number) for r in races}
    for known in _PREFERENCE[gender]:
        if slots <= set(known.slots):
            return dataclasses.replace(known, qualification_size=final_size, weighting=weighting)
    try:
        return Combination.custom(
            [r.distance for r in races], weighting=weighting, qualification_size=final_size
        )
    except ValueError as error:
        raise Invalid("combination", f"cannot guess the combination: {error}") from None


def _gender(races: list[Race], asked: str | None) -> Gender:
    if asked is not None:
        try:
            return Gender.parse(asked)
        except ValueError as error:
            raise Invalid("gender", str(error)) from None
    genders = sorted({r.gender.value for r in races})
    if len(genders) > 1:
        raise Invalid(
            "gender", f"the competition has races of {' and '.join(genders)}: give ?gender="
        )
    return Gender(genders[0]) if genders else Gender.MEN


def _compact(classification: Classification) -> dict[str, Any]:
    slot = classification.combination.slots[classification.after - 1]
    return {
        "after": classification.after,
        "race": {"distance": slot.distance, "race": slot.number},
        "standings": [
            {
                "rank": s.rank,
                "skater": s.skater.name,
                "nation": s.skater.nation,
                "total": f"{s.total:.3f}",
                "status": s.status.value,
            }
            for s in classification.standings
        ],
    }


@router.get("/competitions/{competition_id}/classification")
def classification(
    competition_id: Id,
    ctx: ContextDep,
    combination: Annotated[
        str | None,
        Query(max_length=100, description="big, small, sprint, mini or distances: 500,1000,1500."),
    ] = None,
    gender: Annotated[
        str | None,
        Query(max_length=10, description="women or men, where the competition has both."),
    ] = None,
    after: Annotated[
        int | None, Query(ge=1, le=50, description="After this many races (default: all skated).")
    ] = None,
    final_size: Annotated[
        int, Query(ge=1, le=100, description="Skaters in the final distance.")
    ] = 8,
    weighting: Annotated[int, Query(description="Points per 500 m (ISU) or per 100 m.")] = 500,
) -> dict[str, Any]:
    """Standings after each distance, points per distance, gaps in points and in seconds on
    the next distance, qualification for the final distance (Q / NQ)."""
    with read_session(ctx.engine) as session:
        found = load_competition(session, competition_id)
    if found is None:
        raise NotFound("competition", competition_id)
    individual = [r for r in found.races if r.kind is RaceKind.INDIVIDUAL]
    chosen = _gender(individual, gender)
    races = [r for r in individual if r.gender is chosen]
    if weighting not in (500, 100):
        raise Invalid("weighting", f"{weighting}: points are per 500 m or per 100 m")
    if combination is not None:
        programme = parse_combination(combination, final_size=final_size, weighting=weighting)
    elif races:
        programme = guess_combination(races, chosen, final_size=final_size, weighting=weighting)
    else:
        raise Invalid("combination", f"competition {competition_id} has no {chosen.value}'s races")
    skated = [r for r in races if r.results]
    if after is not None and after > len(programme.slots):
        raise Invalid("after", f"the {programme.name} has {len(programme.slots)} races")
    try:
        result = classify(programme, skated, after=after)
        each = [classify(programme, skated, after=k) for k in range(1, result.after + 1)]
    except ValueError as error:
        raise Invalid("combination", str(error)) from None
    return {
        "competition_id": competition_id,
        "gender": chosen.value,
        "guessed": combination is None,
        **classification_view(result),
        "after_each": [_compact(c) for c in each],
    }
