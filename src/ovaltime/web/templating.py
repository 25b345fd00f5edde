"""The HTML side's shared parts: the Jinja2 templates and the static files of the package.

Pages render with ``templates.TemplateResponse(request, "name.html", context)``; every
template extends ``base.html`` (blocks ``title``, ``head``, ``nav``, ``content``, ``scripts``).
``mount_static`` serves ``static/`` (the stylesheet and ``live.js``) under ``/static``.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

__all__ = ["STATIC", "TEMPLATES", "mount_static", "templates"]

HERE = Path(__file__).resolve().parent
#: The folder of the templates (``base.html`` and the pages').
TEMPLATES = HERE / "templates"
#: The folder served under ``/static``.
STATIC = HERE / "static"

templates = Jinja2Templates(directory=TEMPLATES)


def mount_static(app: FastAPI) -> None:
    """Serve the package's static files under ``/static`` (named ``static``)."""
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
