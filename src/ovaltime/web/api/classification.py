"""The classification of a competition: allround or sprint, after each distance.

Without ``?combination=`` the programme is guessed from the competition's individual races of
the gender (``services.classifications``); the guess is reported (``guessed``).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from ovaltime.core.combination import Classification
from ovaltime.formats.views import classification_view
from ovaltime.services.classifications import classify_competition
from ovaltime.services.errors import NotFound
from ovaltime.store.competitions import load_competition
from ovaltime.store.engine import read_session
from ovaltime.web.deps import ContextDep, Id

router = APIRouter(tags=["classification"])


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
    classified = classify_competition(
        found,
        gender=gender,
        combination=combination,
        after=after,
        final_size=final_size,
        weighting=weighting,
    )
    return {
        "competition_id": competition_id,
        "gender": classified.gender.value,
        "guessed": classified.guessed,
        **classification_view(classified.classification),
        "after_each": [_compact(c) for c in classified.after_each],
    }
