"""What the routes take from the application: the services' context and the acting user."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Request, Security
from fastapi.security import APIKeyCookie, APIKeyHeader, HTTPBearer
from starlette.concurrency import run_in_threadpool

from ovaltime.services.unit import Context
from ovaltime.services.users import User
from ovaltime.web.auth import CSRF_HEADER, SESSION_COOKIE, USER_KEY, Sessions, identify

__all__ = [
    "MAX_ID",
    "ContextDep",
    "Id",
    "Official",
    "SessionsDep",
    "context",
    "official",
    "sessions",
]

#: The largest id or number a path takes: the range of the databases' integer columns.
MAX_ID = 2**31 - 1

#: An id or position in a path: from 1 to ``MAX_ID`` (larger ones are refused with 422).
Id = Annotated[int, Path(ge=1, le=MAX_ID)]

# Declared for the OpenAPI document (the write guard does the checking before routing).
_token = HTTPBearer(auto_error=False, description="The API token printed by `ovaltime user add`.")
_cookie = APIKeyCookie(
    name=SESSION_COOKIE, auto_error=False, description="The session cookie of POST /api/login."
)
_csrf = APIKeyHeader(
    name=CSRF_HEADER,
    auto_error=False,
    description="The session's CSRF token; needed with the session cookie on every write.",
)


# The dependencies are coroutines where they only read what the application holds: FastAPI
# runs a plain function in its thread pool, one more hand-over between threads per request.


async def context(request: Request) -> Context:
    """The services' context of this application."""
    found: Context = request.app.state.context
    return found


async def sessions(request: Request) -> Sessions:
    found: Sessions = request.app.state.sessions
    return found


ContextDep = Annotated[Context, Depends(context)]
SessionsDep = Annotated[Sessions, Depends(sessions)]


async def official(
    request: Request,
    ctx: ContextDep,
    keeper: SessionsDep,
    _token_header: Annotated[object, Security(_token)] = None,
    _session_cookie: Annotated[object, Security(_cookie)] = None,
    _csrf_header: Annotated[object, Security(_csrf)] = None,
) -> User:
    """The official or admin the write guard identified (identified here when a route needing
    a user is reached some other way)."""
    user = request.scope.get(USER_KEY)
    if isinstance(user, User):
        return user
    return await run_in_threadpool(identify, request, ctx, keeper)


Official = Annotated[User, Depends(official)]
