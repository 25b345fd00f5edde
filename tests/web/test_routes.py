"""Every route of the application: writes refused without credentials, reads never write, and
every route documented in docs/api.md."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient
from sqlalchemy import select

from ovaltime.services.events import EventLog
from ovaltime.store.archive_tables import PersonRow
from ovaltime.store.base import Base
from ovaltime.store.engine import read_session
from ovaltime.web.auth import PUBLIC_WRITES, SAFE_METHODS
from tests.web.conftest import LiveRace, bearer, error_of, ok

DOCS = Path(__file__).resolve().parents[2] / "docs" / "api.md"


def routes(app: FastAPI) -> list[tuple[str, str]]:
    """(method, path) of every route of the app, those of included routers too."""
    return sorted(
        (method, route.path)
        for route in iter_route_contexts(app.routes)
        if route.path is not None
        for method in route.methods or ()
    )


def fill(path: str, live: LiveRace, person_id: int = 1) -> str:
    """The path with its parameters set to things that exist."""
    values = {
        "competition_id": live.competition_id,
        "position": live.position,
        "result_id": live.anna,
        "person_id": person_id,
    }
    return re.sub(r"\{(\w+)[^}]*\}", lambda m: str(values.get(m.group(1), 1)), path)


#: The query of the routes that need one; ``{anna}`` and ``{bea}`` are their persons in the
#: archive, which ``test_reads_never_write`` fills in after recording both results.
QUERIES = {
    "/api/standings": "?season=2024-25",
    "/api/archive/lists": "?distance=500&gender=women",
    "/api/archive/skaters": "?q=anna",
    "/api/archive/skaters/{person_id}/progression": "?distance=500",
    "/api/archive/head-to-head": "?a={anna}&b={bea}",
    "/api/archive/records": "?distance=500&gender=women",
    "/archive/lists": "?distance=500&gender=women",
}


def persons(app: FastAPI) -> dict[str, int]:
    """The archive's person of each live skater with a result, by first name in lower case."""
    with read_session(app.state.context.engine) as session:
        rows = session.execute(select(PersonRow.name, PersonRow.id)).all()
    return {name.split()[0].lower(): ident for name, ident in rows}


def snapshot(app: FastAPI) -> dict[str, list[Any]]:
    """Every row of every table."""
    with read_session(app.state.context.engine) as session:
        return {
            table.name: sorted(map(repr, session.execute(select(table)).all()))
            for table in Base.metadata.sorted_tables
        }


def test_the_walk_covers_the_api(app: FastAPI) -> None:
    found = routes(app)
    assert ("POST", "/api/results/{result_id}") in found
    assert len([m for m, _ in found if m not in SAFE_METHODS]) >= 10


def test_every_write_is_refused_without_credentials(
    app: FastAPI, client: TestClient, live: LiveRace, events: EventLog
) -> None:
    before, published = snapshot(app), len(events.events)
    writes = [(m, p) for m, p in routes(app) if m not in SAFE_METHODS and p not in PUBLIC_WRITES]
    for method, path in writes:
        url = fill(path, live)
        error_of(client.request(method, url, json={}), 401, "unauthorized")
        error_of(
            client.request(method, url, json={}, headers=bearer("not a token")), 401, "unauthorized"
        )
    assert snapshot(app) == before
    assert len(events.events) == published


def test_the_only_public_writes_are_the_logins(app: FastAPI) -> None:
    public = [(m, p) for m, p in routes(app) if m not in SAFE_METHODS and p in PUBLIC_WRITES]
    assert public == [("POST", "/api/login"), ("POST", "/login")]


def test_reads_never_write(
    app: FastAPI, client: TestClient, live: LiveRace, official_token: str, events: EventLog
) -> None:
    auth = bearer(official_token)
    ok(client.post(f"/api/results/{live.anna}", json={"time": "37.34"}, headers=auth))
    ok(client.post(f"/api/results/{live.bea}", json={"time": "37.61"}, headers=auth))
    people = persons(app)
    before, published = snapshot(app), len(events.events)
    reads = [(m, p) for m, p in routes(app) if m in SAFE_METHODS]
    for method, path in reads:
        query = QUERIES.get(path, "").format(**people)
        url = fill(path, live, people["anna"]) + query
        for headers in ({}, auth):
            response = client.request(method, url, headers=headers)
            assert response.status_code == 200, (path, response.text)
    assert snapshot(app) == before, "a GET changed the database"
    assert len(events.events) == published, "a GET published an event"


def test_every_route_is_documented(app: FastAPI) -> None:
    text = DOCS.read_text(encoding="utf-8")
    listed = [
        (m, p) for m, p in routes(app) if m != "HEAD" and p.startswith("/api") and "oauth2" not in p
    ]
    missing = [f"{m} {p}" for m, p in listed if f"`{m} {p}`" not in text]
    assert not missing, f"docs/api.md does not describe: {missing}"
