"""Signing in and out with a name and password, and asking who is signed in."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool

from ovaltime.services.users import User, check_password
from ovaltime.web.auth import SESSION_COOKIE
from ovaltime.web.deps import ContextDep, Official, SessionsDep
from ovaltime.web.errors import ApiError
from ovaltime.web.schemas import LoginIn, SessionOut, UserOut

router = APIRouter(tags=["session"])


def _out(user: User | None, csrf: str | None) -> SessionOut:
    if user is None:
        return SessionOut(user=None, csrf_token=None)
    return SessionOut(user=UserOut(name=user.name, role=user.role.value), csrf_token=csrf)


@router.post("/login", response_model=SessionOut)
async def login(
    body: LoginIn, response: Response, ctx: ContextDep, keeper: SessionsDep
) -> SessionOut:
    """Check the name and password; set the session cookie and give the session's CSRF token,
    which every cookie-authenticated write sends back in ``X-CSRF-Token``."""
    user = await run_in_threadpool(check_password, ctx, body.name, body.password)
    if user is None:
        raise ApiError(401, "wrong name or password", field="password")
    value, session = keeper.issue(user)
    keeper.set_cookie(response, value)
    return _out(session.user, session.csrf)


@router.post("/logout", status_code=204)
def logout(_user: Official, response: Response, keeper: SessionsDep) -> None:
    """End the session: the cookie is cleared."""
    keeper.clear_cookie(response)


@router.get("/session", response_model=SessionOut)
def current_session(request: Request, keeper: SessionsDep) -> SessionOut:
    """Who is signed in with the session cookie, and the session's CSRF token (nulls when
    nobody is)."""
    session = keeper.read(request.cookies.get(SESSION_COOKIE))
    return _out(session.user, session.csrf) if session else _out(None, None)
