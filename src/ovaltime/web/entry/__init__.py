"""The officials' entry screens: signing in and out, and entering a race pair by pair.

Pages outside ``/api``, server-rendered, working without JavaScript: every change is an HTML
form posted to a page route that calls the services (with the session's CSRF token in a hidden
field, checked by the write guard), and with JavaScript (``static/entry.js``) the same forms
record through the JSON API instead, field by field, without reloading what was typed.
"""

from __future__ import annotations

from fastapi import APIRouter

from ovaltime.web.entry.render import html_error

__all__ = ["entry_router", "html_error"]


def entry_router() -> APIRouter:
    """The routes of the login pages and of the entry screen."""
    from ovaltime.web.entry import login, routes

    router = APIRouter(include_in_schema=False)
    router.include_router(login.router)
    router.include_router(routes.router)
    return router
