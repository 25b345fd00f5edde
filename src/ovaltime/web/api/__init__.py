"""The JSON API under ``/api``: one router per concept, gathered by ``api_router``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from ovaltime.web.schemas import ErrorOut

__all__ = ["ERRORS", "api_router"]

#: Documented on every route: the one error shape (422 replaces FastAPI's own).
ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorOut, "description": description}
    for status, description in {
        401: "No credentials, an unknown token or an expired session (writes only).",
        403: "A CSRF token missing or wrong, or the role does not allow the change.",
        404: "No such competition, race, result or route.",
        409: "The change clashes with the current state, or is based on a stale version.",
        422: "A value that cannot be accepted; `field` names it.",
    }.items()
}


def api_router() -> APIRouter:
    """Every route of the JSON API."""
    from ovaltime.web.api import (
        archive,
        classification,
        competitions,
        races,
        results,
        session,
        standings,
    )

    router = APIRouter(prefix="/api", responses=ERRORS)
    for module in (session, competitions, races, results, classification, standings, archive):
        router.include_router(module.router)
    return router
