"""The public HTML pages: server-rendered from the same views as the JSON API, readable
without JavaScript, and live with it (``static/live.js`` follows the competition's stream and
swaps in each page's ``?fragment=live``).

``/`` competitions · ``/competitions/{id}`` programme · ``/competitions/{id}/races/{position}``
race · ``/competitions/{id}/classification`` · ``/competitions/{id}/tv`` · ``/standings`` ·
``/competitions/{id}/report`` and ``/competitions/{id}/races/{position}/report``; beside them
the PDF documents and SVG charts of ``documents``; ``/archive`` (lists, Adelskalender, skaters).
"""

from __future__ import annotations

from fastapi import APIRouter

__all__ = ["pages_router"]


def pages_router() -> APIRouter:
    """Every public page."""
    from ovaltime.web.pages import (
        archive,
        classification,
        competitions,
        documents,
        race,
        report,
        standings,
        tv,
    )

    router = APIRouter(include_in_schema=False)
    for module in (competitions, race, classification, standings, tv, report, documents, archive):
        router.include_router(module.router)
    return router
