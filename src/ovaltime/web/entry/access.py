"""Who is at the screen: the session of the cookie, the way back after signing in, and the
login form's own CSRF token (there is no session yet to hold one).

The login form's token is double submitted: ``GET /login`` sets the cookie ``LOGIN_COOKIE``
(the token signed with the server's secret, for two hours) and puts the token in a hidden
field; ``POST /login`` accepts only a form whose field matches its cookie.
"""

from __future__ import annotations

import hmac
import secrets
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import RedirectResponse, Response

from ovaltime.web.auth import SESSION_COOKIE, Session, Sessions
from ovaltime.web.signing import sign, unsign

__all__ = [
    "LOGIN_COOKIE",
    "check_login_token",
    "login_token",
    "new_login_token",
    "page_session",
    "safe_next",
    "to_login",
]

LOGIN_COOKIE = "ovaltime_login"
_LOGIN_SECONDS = 2 * 3600


def sessions_of(request: Request) -> Sessions:
    found: Sessions = request.app.state.sessions
    return found


def page_session(request: Request) -> Session | None:
    """The signed-in session of the request's cookie, or ``None``."""
    return sessions_of(request).read(request.cookies.get(SESSION_COOKIE))


def safe_next(value: str | None) -> str:
    """Where to go after signing in: a path of this site, else the home page."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    if any(ord(c) < 32 for c in value):
        return "/"
    return value


def to_login(request: Request) -> RedirectResponse:
    """To the login page, coming back here afterwards."""
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/login?next={quote(here, safe='/')}", status_code=303)


def new_login_token(request: Request, response: Response, token: str) -> None:
    """Set the signed copy of the login form's ``token`` as a cookie on ``response``."""
    keeper = sessions_of(request)
    response.set_cookie(
        LOGIN_COOKIE,
        sign(keeper.secret, {"t": token}, lifetime=_LOGIN_SECONDS),
        max_age=_LOGIN_SECONDS,
        path="/login",
        httponly=True,
        samesite="lax",
        secure=keeper.secure,
    )


def login_token() -> str:
    """A new random token for a login form."""
    return secrets.token_urlsafe(24)


def check_login_token(request: Request, sent: str) -> bool:
    """Whether the form's token is the one its login cookie was issued with."""
    value = request.cookies.get(LOGIN_COOKIE)
    data = unsign(sessions_of(request).secret, value) if value else None
    if data is None or not sent:
        return False
    return hmac.compare_digest(str(data.get("t", "")).encode(), sent.encode())
