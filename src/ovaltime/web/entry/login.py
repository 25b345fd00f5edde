"""``/login`` and ``/logout``: signing in to the entry screens with a name and a password.

The login form carries its own CSRF token (``access``); a successful login sets the session
cookie, the same one ``POST /api/login`` sets, and goes back to the page that asked for it
(``?next=``, a path of this site only).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from ovaltime.services.users import check_password
from ovaltime.web.auth import CSRF_FIELD
from ovaltime.web.deps import ContextDep
from ovaltime.web.entry.access import (
    LOGIN_COOKIE,
    check_login_token,
    login_token,
    new_login_token,
    page_session,
    safe_next,
    sessions_of,
)
from ovaltime.web.entry.render import render

router = APIRouter()

NextQuery = Annotated[str, Query(alias="next", max_length=2000)]


def _login_page(
    request: Request, back: str, *, name: str = "", error: str | None = None, status: int = 200
) -> Response:
    token = login_token()
    session = page_session(request)
    response = render(
        request,
        "login.html",
        {
            "next": safe_next(back),
            "csrf": token,
            "name": name,
            "error": error,
            "user": session.user if session else None,
        },
        status,
    )
    new_login_token(request, response, token)
    return response


@router.get("/login")
def login_page(request: Request, back: NextQuery = "/") -> Response:
    """The login form."""
    return _login_page(request, back)


@router.post("/login")
async def login(request: Request, ctx: ContextDep) -> Response:
    """Check the name and password; on success set the session cookie and go back."""
    form = await request.form(max_files=0, max_fields=10)
    name = str(form.get("name", "")).strip()[:100]
    password = str(form.get("password", ""))[:1000]
    back = safe_next(str(form.get("next", "/")))
    if not check_login_token(request, str(form.get(CSRF_FIELD, ""))):
        return _login_page(
            request,
            back,
            name=name,
            error="The login form had expired or did not come from this site: sign in again.",
            status=403,
        )
    user = await run_in_threadpool(check_password, ctx, name, password) if name else None
    if user is None:
        return _login_page(request, back, name=name, error="Wrong name or password.", status=401)
    keeper = sessions_of(request)
    value, _session = keeper.issue(user)
    response = RedirectResponse(back, status_code=303)
    keeper.set_cookie(response, value)
    response.delete_cookie(LOGIN_COOKIE, path="/login")
    return response


@router.get("/logout")
def logout_page(request: Request) -> Response:
    """A button to sign out (signing out is a form post, protected like every write)."""
    session = page_session(request)
    if session is None:
        return RedirectResponse("/login", status_code=303)
    return render(request, "logout.html", {"user": session.user, "csrf": session.csrf})


@router.post("/logout")
def logout(request: Request) -> Response:
    """End the session: the cookie is cleared."""
    response = RedirectResponse("/login", status_code=303)
    sessions_of(request).clear_cookie(response)
    return response
