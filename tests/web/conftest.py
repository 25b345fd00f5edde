"""The application on a real database (SQLite and PostgreSQL), its users, and a race in progress.

``client`` runs the whole application in process (``TestClient``, lifespan included), with
server errors answered as the client would see them rather than raised into the test.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from ovaltime.core.results import Competition, Race, Result, Skater
from ovaltime.core.states import Gender
from ovaltime.core.times import Time
from ovaltime.services.events import EventLog
from ovaltime.services.unit import Context
from ovaltime.services.users import Role, add_user, set_password
from ovaltime.web.app import Settings, create_app

PASSWORD = "correct horse battery"


@pytest.fixture
def events() -> EventLog:
    return EventLog()


@pytest.fixture
def app(database_url: str, events: EventLog) -> FastAPI:
    return create_app(Settings(database_url, publisher=events, secret="test secret"))


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def app_context(app: FastAPI) -> Context:
    context: Context = app.state.context
    return context


@pytest.fixture
def official_token(app: FastAPI) -> str:
    """The API token of an official called ``official`` (who also has a password)."""
    context = app_context(app)
    _, token = add_user(context, "official", Role.OFFICIAL)
    set_password(context, "official", PASSWORD)
    return token


@pytest.fixture
def admin_token(app: FastAPI) -> str:
    return add_user(app_context(app), "admin", Role.ADMIN)[1]


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def ok(response: Any, status: int = 200) -> Any:
    """The JSON of a response that must have ``status``; the error body in the failure."""
    assert response.status_code == status, response.text
    return response.json()


def error_of(response: Any, status: int, code: str) -> dict[str, Any]:
    """The ``error`` object of a response that must be that error, in the one error shape."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}, body
    error: dict[str, Any] = body["error"]
    assert set(error) == {"status", "code", "message", "field", "problems"}, error
    assert error["status"] == status
    assert error["code"] == code, error
    assert isinstance(error["message"], str)
    assert error["message"]
    assert isinstance(error["problems"], list)
    assert "Traceback" not in response.text
    return error


@dataclass(frozen=True)
class LiveRace:
    """A competition with one live 500 m: Anna and Bea in pair 1, Cara in pair 2."""

    competition_id: int
    position: int
    race_id: int
    anna: int
    bea: int
    cara: int

    @property
    def path(self) -> str:
        return f"/api/competitions/{self.competition_id}/races/{self.position}"


def make_live_race(client: TestClient, token: str, distance: int = 500) -> LiveRace:
    """Everything through the API, as an official's client does it."""
    headers = bearer(token)
    competition = ok(
        client.post(
            "/api/competitions",
            json={"name": "Club Cup", "venue": "Thialf", "nation": "NED", "start": "2025-01-10"},
            headers=headers,
        ),
        201,
    )["id"]
    race = ok(
        client.post(
            f"/api/competitions/{competition}/races",
            json={"distance": distance, "gender": "women"},
            headers=headers,
        ),
        201,
    )
    path = f"/api/competitions/{competition}/races/{race['position']}"
    listed = ok(
        client.put(
            f"{path}/start-list",
            json={
                "entries": [
                    {"skater": "Anna Visser", "nation": "NED", "pair": 1, "lane": "inner"},
                    {"skater": "Bea Berg", "nation": "NOR", "pair": 1, "lane": "outer"},
                    {"skater": "Cara Cole", "nation": "CAN", "pair": 2, "lane": "inner"},
                ]
            },
            headers=headers,
        )
    )
    ok(client.post(f"{path}/state", json={"state": "live"}, headers=headers))
    anna, bea, cara = listed["result_ids"]
    return LiveRace(competition, race["position"], race["id"], anna, bea, cara)


@pytest.fixture
def live(client: TestClient, official_token: str) -> LiveRace:
    return make_live_race(client, official_token)


def world_cup_meeting(name: str, start: dt.date, times: list[tuple[str, str]]) -> Competition:
    """A World Cup meeting of one women's 500 m (division A), the skaters Dutch, in pairs."""
    results = tuple(
        Result(Skater(skater, "NED"), Time.parse(time), pair=index // 2 + 1)
        for index, (skater, time) in enumerate(times)
    )
    race = Race(500, Gender.WOMEN, results, division="A", date=start)
    return Competition(name, (race,), start=start, end=start)
