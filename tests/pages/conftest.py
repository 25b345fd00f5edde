"""The pages on a real database (SQLite and PostgreSQL): the web tests' application, users and
live race, and a race with results, passages and a pair on the ice, all set up through the API."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient

from tests.web import conftest as web
from tests.web.conftest import LiveRace, bearer, make_live_race, ok

# The web tests' fixtures, shared: the application on each database, its client and users.
app = web.app
client = web.client
events = web.events
official_token = web.official_token
live = web.live


@dataclass(frozen=True)
class Skated:
    """A 500 m with pair 1 finished (Anna 37.342, Bea 37.348) and Cara of pair 2 on the ice."""

    race: LiveRace

    @property
    def page(self) -> str:
        return f"/competitions/{self.race.competition_id}/races/{self.race.position}"


def skate(client: TestClient, token: str, race: LiveRace) -> None:
    """Pair 1 finishes with equal hundredths; Cara passes 100 m 0.88 ahead of Anna."""
    headers = bearer(token)
    for result_id, metres, time in ((race.anna, 100, "10.38"), (race.bea, 100, "10.41")):
        ok(
            client.post(
                f"/api/results/{result_id}/passages",
                json={"metres": metres, "time": time},
                headers=headers,
            ),
            201,
        )
    ok(client.post(f"/api/results/{race.anna}", json={"time": "37.342"}, headers=headers))
    ok(client.post(f"/api/results/{race.bea}", json={"time": "37.348"}, headers=headers))
    ok(
        client.post(
            f"/api/results/{race.cara}/passages",
            json={"metres": 100, "time": "9.50"},
            headers=headers,
        ),
        201,
    )


@pytest.fixture
def skated(client: TestClient, official_token: str) -> Skated:
    race = make_live_race(client, official_token)
    skate(client, official_token, race)
    return Skated(race)
