"""Access: API tokens, sessions with their CSRF token, and the signed cookie itself."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient

from ovaltime.web.auth import CSRF_HEADER, SESSION_COOKIE
from ovaltime.web.signing import sign, unsign
from tests.web.conftest import PASSWORD, bearer, error_of, ok

NEW = {"name": "Club Cup"}


def login(client: TestClient) -> str:
    """Log in as the official; the session's CSRF token (the cookie stays in the client)."""
    body = ok(client.post("/api/login", json={"name": "official", "password": PASSWORD}))
    assert body["user"] == {"name": "official", "role": "official"}
    assert SESSION_COOKIE in client.cookies
    token: str = body["csrf_token"]
    return token


def test_a_token_writes_without_csrf(client: TestClient, official_token: str) -> None:
    ok(client.post("/api/competitions", json=NEW, headers=bearer(official_token)), 201)


def test_an_unknown_or_malformed_token_is_401(client: TestClient, official_token: str) -> None:
    error = error_of(
        client.post("/api/competitions", json=NEW, headers=bearer("nope")), 401, "unauthorized"
    )
    assert error["field"] == "Authorization"
    basic = {"Authorization": f"Basic {official_token}"}
    error_of(client.post("/api/competitions", json=NEW, headers=basic), 401, "unauthorized")


def test_a_wrong_password_is_401(client: TestClient, official_token: str) -> None:
    assert official_token
    response = client.post("/api/login", json={"name": "official", "password": "not the one"})
    error_of(response, 401, "unauthorized")
    assert SESSION_COOKIE not in client.cookies
    error_of(
        client.post("/api/login", json={"name": "nobody", "password": PASSWORD}),
        401,
        "unauthorized",
    )


def test_a_session_writes_with_its_csrf_token(client: TestClient, official_token: str) -> None:
    assert official_token
    csrf = login(client)
    ok(client.post("/api/competitions", json=NEW, headers={CSRF_HEADER: csrf}), 201)
    session = ok(client.get("/api/session"))
    assert session == {"user": {"name": "official", "role": "official"}, "csrf_token": csrf}


def test_a_session_without_or_with_a_wrong_csrf_token_is_403(
    client: TestClient, official_token: str
) -> None:
    assert official_token
    csrf = login(client)
    error = error_of(client.post("/api/competitions", json=NEW), 403, "csrf")
    assert error["field"] == CSRF_HEADER
    error_of(
        client.post("/api/competitions", json=NEW, headers={CSRF_HEADER: csrf[:-1] + "x"}),
        403,
        "csrf",
    )
    assert ok(client.get("/api/competitions"))["competitions"] == [], "nothing was created"


def test_logout_ends_the_session(client: TestClient, official_token: str) -> None:
    assert official_token
    csrf = login(client)
    response = client.post("/api/logout", headers={CSRF_HEADER: csrf})
    assert response.status_code == 204, response.text
    assert SESSION_COOKIE not in client.cookies
    assert ok(client.get("/api/session")) == {"user": None, "csrf_token": None}
    error_of(
        client.post("/api/competitions", json=NEW, headers={CSRF_HEADER: csrf}), 401, "unauthorized"
    )


def test_a_forged_or_expired_cookie_is_no_session(client: TestClient, official_token: str) -> None:
    assert official_token
    forged = sign(
        b"another secret", {"uid": 1, "name": "official", "role": "admin", "csrf": "c"}, lifetime=60
    )
    client.cookies.set(SESSION_COOKIE, forged)
    error_of(
        client.post("/api/competitions", json=NEW, headers={CSRF_HEADER: "c"}), 401, "unauthorized"
    )
    expired = sign(
        b"test secret", {"uid": 1, "name": "official", "role": "admin", "csrf": "c"}, lifetime=-1
    )
    client.cookies.set(SESSION_COOKIE, expired)
    error_of(
        client.post("/api/competitions", json=NEW, headers={CSRF_HEADER: "c"}), 401, "unauthorized"
    )
    genuine = sign(
        b"test secret", {"uid": 1, "name": "official", "role": "official", "csrf": "c"}, lifetime=60
    )
    client.cookies.set(SESSION_COOKIE, genuine)
    ok(client.post("/api/competitions", json=NEW, headers={CSRF_HEADER: "c"}), 201)


def test_signed_values_refuse_any_change() -> None:
    value = sign(b"k", {"uid": 7}, lifetime=60)
    data = unsign(b"k", value)
    assert data is not None
    assert data["uid"] == 7
    assert data["exp"] > time.time()
    payload, signature = value.split(".")
    assert (
        unsign(b"k", payload[:-1] + ("A" if payload[-1] != "A" else "B") + "." + signature) is None
    )
    assert unsign(b"other", value) is None
    assert unsign(b"k", "no dot") is None
    assert unsign(b"k", "é.é") is None
