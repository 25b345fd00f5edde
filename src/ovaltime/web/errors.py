"""One JSON error shape for every error the API returns, and the handlers that produce it.

Every error, from a refused service call to an unknown route or a bug, is answered with::

    {"error": {"status": 422, "code": "invalid", "message": "...", "field": "time",
               "problems": [{"field": "time", "message": "..."}]}}

``field`` names the value at fault (``null`` when no single value is), ``problems`` lists every
bad value (empty when there is none to list). An unexpected exception becomes a 500 with this
shape and a generic message; its traceback goes to the server's log only.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ovaltime.core.times import InvalidTime
from ovaltime.formats.problems import FormatError
from ovaltime.rules.errors import SeasonError
from ovaltime.services.errors import (
    Conflict,
    Forbidden,
    Invalid,
    NotFound,
    ServiceError,
    StaleVersion,
)

__all__ = ["ApiError", "error_body", "error_response", "field_name", "install_error_handlers"]

_log = logging.getLogger("ovaltime.web")

#: The code of each HTTP status the API answers with when nothing more specific is known.
_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid",
    500: "internal",
}


class ApiError(Exception):
    """An error the web layer itself raises, already in the terms of the error shape."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        code: str | None = None,
        field: str | None = None,
        problems: Sequence[tuple[str, str]] = (),
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or _CODES.get(status, "error")
        self.message = message
        self.field = field
        self.problems = tuple(problems)
        self.headers = headers


def error_body(
    status: int,
    code: str,
    message: str,
    *,
    field: str | None = None,
    problems: Sequence[tuple[str, str]] = (),
) -> dict[str, Any]:
    """The error shape as a JSON-ready value."""
    return {
        "error": {
            "status": status,
            "code": code,
            "message": message,
            "field": field,
            "problems": [{"field": f, "message": m} for f, m in problems],
        }
    }


def error_response(error: ApiError) -> JSONResponse:
    body = error_body(
        error.status, error.code, error.message, field=error.field, problems=error.problems
    )
    return JSONResponse(body, status_code=error.status, headers=error.headers)


def field_name(location: Sequence[str | int]) -> str:
    """``("body", "entries", 2, "lane")`` -> ``entries[2].lane``; ``("query", "season")`` ->
    ``season``: the spelling the services use for fields."""
    parts = list(location)
    if parts and parts[0] in {"body", "query", "path", "header", "cookie"} and len(parts) > 1:
        parts = parts[1:]
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "body"


def from_service(error: ServiceError) -> ApiError:
    """The HTTP face of a service's refusal."""
    if isinstance(error, NotFound):
        return ApiError(404, str(error))
    if isinstance(error, StaleVersion):
        return ApiError(409, str(error), code="stale_version", field="version")
    if isinstance(error, Conflict):
        return ApiError(409, str(error))
    if isinstance(error, Invalid):
        return ApiError(422, str(error), field=error.field, problems=error.problems)
    if isinstance(error, Forbidden):
        return ApiError(403, str(error))
    return ApiError(400, str(error))


def from_format(error: FormatError) -> ApiError:
    """A file or document that could not be read: 422 listing every problem."""
    problems = [(p.field or "file", str(p)) for p in error.problems]
    if not problems:
        return ApiError(422, "the file cannot be read", field="file")
    field, message = problems[0]
    return ApiError(422, message, field=field, problems=problems)


def _validation(error: RequestValidationError) -> ApiError:
    problems = [
        (field_name(e.get("loc", ())), str(e.get("msg", "invalid"))) for e in error.errors()
    ]
    if not problems:
        return ApiError(422, "the request is not valid")
    field, message = problems[0]
    return ApiError(422, f"{field}: {message}", field=field, problems=problems)


def _http(error: StarletteHTTPException) -> ApiError:
    status = error.status_code
    message = str(error.detail) if error.detail else "error"
    if status == 404 and message == "Not Found":
        message = "no such route"
    elif status == 405:
        message = "method not allowed on this route"
    return ApiError(status, message, headers=dict(error.headers) if error.headers else None)


def install_error_handlers(app: FastAPI) -> None:
    """Map every exception to the error shape, at this one boundary."""

    async def on_api_error(_request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, ApiError)
        return error_response(error)

    async def on_service_error(_request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, ServiceError)
        return error_response(from_service(error))

    async def on_format_error(_request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, FormatError)
        return error_response(from_format(error))

    async def on_invalid_time(_request: Request, error: Exception) -> JSONResponse:
        return error_response(ApiError(422, str(error), field="time"))

    async def on_season_error(_request: Request, error: Exception) -> JSONResponse:
        return error_response(ApiError(422, str(error), field="season"))

    async def on_validation(_request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, RequestValidationError)
        return error_response(_validation(error))

    async def on_http(_request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, StarletteHTTPException)
        return error_response(_http(error))

    async def on_unexpected(request: Request, error: Exception) -> JSONResponse:
        _log.error("internal error on %s %s", request.method, request.url.path, exc_info=error)
        return error_response(
            ApiError(500, "internal error: the request failed; the server's log has the details")
        )

    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(ServiceError, on_service_error)
    app.add_exception_handler(FormatError, on_format_error)
    app.add_exception_handler(InvalidTime, on_invalid_time)
    app.add_exception_handler(SeasonError, on_season_error)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(Exception, on_unexpected)
