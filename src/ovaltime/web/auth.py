"""Who is asking: an API token, or a session cookie with its CSRF token; and the write guard.

**Reads are public; every write needs an official or an admin.** ``WriteGuard`` refuses any
request with an unsafe method (anything but GET, HEAD, OPTIONS) before it is routed or its body
read, unless its path is one of the few public writes (``POST /api/login``, ``POST /login``).
A write is accepted with

* ``Authorization: Bearer <token>`` (the token ``ovaltime user add`` printed): no CSRF token is
  needed, since a browser never sends this header on its own; or
* the session cookie set by ``POST /api/login``, together with the session's CSRF token in the
  ``X-CSRF-Token`` header. The token is random per login, kept inside the signed cookie, and
  given to the client by the login response and by ``GET /api/session``; another site can make
  a browser send the cookie but cannot read the token (double submit, signed). The officials'
  entry screens, which must work without JavaScript, post HTML forms to their own routes
  (outside ``/api``): there the token may come instead in the form field ``csrf_token``, the
  only case where the guard reads a body (a form of at most ``MAX_FORM_BYTES``).

No credentials (or a wrong token or an expired session) is 401; a session without the right
CSRF token is 403: in the one JSON error shape, or as an HTML page (``html_error``) for a
browser posting a form to a page. Roles are checked by the services (only an admin reopens an
official race).
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qs

from starlette.concurrency import run_in_threadpool
from starlette.requests import HTTPConnection
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from ovaltime.services.unit import Context
from ovaltime.services.users import Role, User, authenticate_token
from ovaltime.web.errors import ApiError, error_response
from ovaltime.web.signing import sign, unsign

__all__ = [
    "CSRF_FIELD",
    "CSRF_HEADER",
    "MAX_FORM_BYTES",
    "PUBLIC_WRITES",
    "SAFE_METHODS",
    "SESSION_COOKIE",
    "USER_KEY",
    "Session",
    "Sessions",
    "WriteGuard",
    "identify",
]

SESSION_COOKIE = "ovaltime_session"
CSRF_HEADER = "X-CSRF-Token"
#: The form field carrying the CSRF token in the entry screens' HTML forms.
CSRF_FIELD = "csrf_token"
#: The largest form body the guard reads to find ``CSRF_FIELD`` in.
MAX_FORM_BYTES = 1024 * 1024
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
#: Writes anyone may make: signing in (the API's, and the login form, which checks its own
#: CSRF token since there is no session yet).
PUBLIC_WRITES = frozenset({"/api/login", "/login"})
#: Where the guard leaves the user it identified, in the ASGI scope.
USER_KEY = "ovaltime.user"

_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="ovaltime"'}


@dataclass(frozen=True, slots=True)
class Session:
    """A signed-in user and the CSRF token of their session."""

    user: User
    csrf: str


@dataclass(frozen=True)
class Sessions:
    """Issues and reads session cookies signed with ``secret``."""

    secret: bytes
    lifetime_seconds: float
    secure: bool = False

    def issue(self, user: User) -> tuple[str, Session]:
        """A new session for ``user``: the cookie value and the session (with a new CSRF token).

        The cookie carries the user's id, name and role, signed: a session lasts
        ``lifetime_seconds`` and cannot be changed by its holder.
        """
        csrf = secrets.token_urlsafe(32)
        data = {"uid": user.id, "name": user.name, "role": user.role.value, "csrf": csrf}
        return sign(self.secret, data, lifetime=self.lifetime_seconds), Session(user, csrf)

    def read(self, value: str | None) -> Session | None:
        """The session of a cookie value, or ``None`` (absent, forged, malformed or expired)."""
        data = unsign(self.secret, value) if value else None
        if data is None:
            return None
        try:
            user = User(int(data["uid"]), str(data["name"]), Role(data["role"]))
            return Session(user, str(data["csrf"]))
        except (KeyError, TypeError, ValueError):
            return None

    def set_cookie(self, response: Response, value: str) -> None:
        response.set_cookie(
            SESSION_COOKIE,
            value,
            max_age=int(self.lifetime_seconds),
            path="/",
            httponly=True,
            samesite="lax",
            secure=self.secure,
        )

    def clear_cookie(self, response: Response) -> None:
        response.delete_cookie(
            SESSION_COOKIE, path="/", httponly=True, samesite="lax", secure=self.secure
        )


def _bearer(header: str) -> str:
    scheme, _, token = header.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(
            401,
            "Authorization: expected 'Bearer <token>'",
            field="Authorization",
            headers=_CHALLENGE,
        )
    return token.strip()


def identify(
    connection: HTTPConnection, context: Context, sessions: Sessions, *, form_csrf: str = ""
) -> User:
    """The official or admin making this request; ``ApiError`` 401 or 403 otherwise.

    A token wins over a cookie. A cookie-authenticated request with an unsafe method needs the
    session's CSRF token in ``X-CSRF-Token`` (or, for a page's form, ``form_csrf``: the value
    of its ``csrf_token`` field).
    """
    header = connection.headers.get("authorization")
    if header is not None:
        user = authenticate_token(context, _bearer(header))
        if user is None:
            raise ApiError(401, "unknown API token", field="Authorization", headers=_CHALLENGE)
        return user
    session = sessions.read(connection.cookies.get(SESSION_COOKIE))
    if session is None:
        raise ApiError(
            401,
            "sign in first: send 'Authorization: Bearer <token>' or log in at POST /api/login",
            headers=_CHALLENGE,
        )
    method = connection.scope.get("method", "GET")
    if method not in SAFE_METHODS:
        sent = connection.headers.get(CSRF_HEADER, "") or form_csrf
        if not sent or not hmac.compare_digest(sent.encode(), session.csrf.encode()):
            raise ApiError(
                403,
                f"missing or wrong {CSRF_HEADER} header: send the CSRF token of your session "
                "(from POST /api/login or GET /api/session)",
                code="csrf",
                field=CSRF_HEADER,
            )
    return session.user


#: Renders a refusal as an HTML page, for a browser posting a form.
HtmlError = Callable[[ApiError], Response]


def _is_page_form(scope: Scope, connection: HTTPConnection) -> bool:
    """A form posted to a page (not the API) by a session that sent no CSRF header."""
    kind = connection.headers.get("content-type", "").split(";")[0].strip().lower()
    return (
        not str(scope["path"]).startswith("/api/")
        and kind == "application/x-www-form-urlencoded"
        and CSRF_HEADER.lower() not in connection.headers
        and "authorization" not in connection.headers
        and SESSION_COOKIE in connection.cookies
    )


async def _read_body(receive: Receive, limit: int) -> bytes | None:
    """The whole body, or ``None`` when it is larger than ``limit`` bytes."""
    body = bytearray()
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return bytes(body)
        body.extend(message.get("body", b""))
        if len(body) > limit:
            return None
        if not message.get("more_body", False):
            return bytes(body)


def _replay(body: bytes) -> Receive:
    """A ``receive`` giving ``body`` once, then waiting for the client to go."""
    sent = False

    async def receive() -> dict[str, object]:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return {"type": "http.disconnect"}

    return receive


def _form_csrf(body: bytes) -> str:
    values = parse_qs(body.decode("latin-1"), max_num_fields=1000).get(CSRF_FIELD, [])
    return values[0] if values else ""


class WriteGuard:
    """ASGI middleware: no write reaches a route without an identified official or admin.

    Runs before routing and before any body is read, so that a write without credentials is
    refused the same way on every route, known or not; only a form posted to a page with the
    session cookie is read first, for its ``csrf_token`` field. The user found is left in the
    scope under ``USER_KEY`` for the routes (``deps.official``). A refusal is the JSON error
    shape, or the page ``html_error`` renders when a browser (``Accept: text/html``) posted to
    a page.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        public: frozenset[str] = PUBLIC_WRITES,
        html_error: HtmlError | None = None,
    ) -> None:
        self.app = app
        self.public = public
        self.html_error = html_error

    def _refusal(self, scope: Scope, connection: HTTPConnection, error: ApiError) -> Response:
        wants_html = "text/html" in connection.headers.get("accept", "")
        if self.html_error is not None and wants_html and not str(scope["path"]).startswith("/api"):
            return self.html_error(error)
        return error_response(error)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] in SAFE_METHODS
            or scope["path"] in self.public
        ):
            await self.app(scope, receive, send)
            return
        state = scope["app"].state
        connection = HTTPConnection(scope)
        form_csrf = ""
        if _is_page_form(scope, connection):
            body = await _read_body(receive, MAX_FORM_BYTES)
            if body is None:
                error = ApiError(413, f"the form is larger than {MAX_FORM_BYTES} bytes")
                await self._refusal(scope, connection, error)(scope, receive, send)
                return
            form_csrf = _form_csrf(body)
            receive = _replay(body)
        try:
            user = await run_in_threadpool(
                identify, connection, state.context, state.sessions, form_csrf=form_csrf
            )
        except ApiError as error:
            await self._refusal(scope, connection, error)(scope, receive, send)
            return
        scope[USER_KEY] = user
        await self.app(scope, receive, send)
