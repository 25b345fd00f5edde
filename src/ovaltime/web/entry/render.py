"""Rendering the entry screens' templates, and the HTML page of a refusal."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from ovaltime.web.errors import ApiError
from ovaltime.web.templating import templates

__all__ = ["html_error", "render"]

_TITLES = {
    401: "Sign in first",
    403: "Refused",
    404: "Not found",
    409: "Not possible now",
    413: "Too large",
}


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    """The template ``entry/<name>`` with ``context``, answered with ``status``."""
    response: Response = templates.TemplateResponse(
        request, f"entry/{name}", context, status_code=status
    )
    response.headers["Cache-Control"] = "no-store"
    return response


def html_error(error: ApiError) -> Response:
    """A refusal as a page for a browser: what was refused and where to go on."""
    page = templates.get_template("entry/error.html").render(
        status=error.status,
        title=_TITLES.get(error.status, "Error"),
        message=error.message,
        code=error.code,
    )
    headers = dict(error.headers or {})
    headers["Cache-Control"] = "no-store"
    return HTMLResponse(page, status_code=error.status, headers=headers)
