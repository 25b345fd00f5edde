"""The one error shape, pinned: every kind of error the API can give, triggered for real."""

from __future__ import annotations

import logging

import pytest
from fastapi.testclient import TestClient

from ovaltime.services.events import Event
from ovaltime.web.app import Settings, create_app
from ovaltime.web.errors import error_body, field_name
from tests.web.conftest import LiveRace, bearer, error_of, ok


def test_the_shape_is_pinned() -> None:
    assert error_body(
        422, "invalid", "time: not a time", field="time", problems=[("time", "not a time")]
    ) == {
        "error": {
            "status": 422,
            "code": "invalid",
            "message": "time: not a time",
            "field": "time",
            "problems": [{"field": "time", "message": "not a time"}],
        }
    }


def test_field_names_follow_the_services_spelling() -> None:
    assert field_name(("body", "entries", 2, "lane")) == "entries[2].lane"
    assert field_name(("query", "season")) == "season"
    assert field_name(("body",)) == "body"


def test_unknown_route_is_404(client: TestClient) -> None:
    error = error_of(client.get("/api/no-such-thing"), 404, "not_found")
    assert error["message"] == "no such route"


def test_wrong_method_is_405(client: TestClient, official_token: str) -> None:
    error_of(
        client.delete("/api/competitions", headers=bearer(official_token)),
        405,
        "method_not_allowed",
    )


def test_request_validation_is_422_naming_the_field(
    client: TestClient, live: LiveRace, official_token: str
) -> None:
    body = {"entries": [{"skater": "Anna Visser", "pair": 1, "lane": "sideways"}]}
    response = client.put(f"{live.path}/start-list", json=body, headers=bearer(official_token))
    error = error_of(response, 422, "invalid")
    assert error["field"] == "entries[0].lane"
    assert error["problems"][0]["field"] == "entries[0].lane"
    error = error_of(client.get("/api/competitions/first"), 422, "invalid")
    assert error["field"] == "competition_id"
    error = error_of(client.get("/api/standings"), 422, "invalid")
    assert error["field"] == "season"


def test_malformed_json_is_422(client: TestClient, official_token: str) -> None:
    response = client.post(
        "/api/competitions",
        content=b"{not json",
        headers={**bearer(official_token), "Content-Type": "application/json"},
    )
    error_of(response, 422, "invalid")


def test_a_bad_time_is_422_naming_time(
    client: TestClient, live: LiveRace, official_token: str
) -> None:
    response = client.post(
        f"/api/results/{live.anna}", json={"time": "3x.4"}, headers=bearer(official_token)
    )
    assert error_of(response, 422, "invalid")["field"] == "time"


def test_every_problem_of_a_start_list_is_listed(
    client: TestClient, live: LiveRace, official_token: str
) -> None:
    body = {
        "entries": [
            {"skater": "Anna Visser", "nation": "NED", "pair": 1, "lane": "inner"},
            {"skater": "Bea Berg", "nation": "NOR", "pair": 1, "lane": "inner"},
            {"skater": "Anna Visser", "nation": "NED", "pair": 2},
        ]
    }
    error = error_of(
        client.put(f"{live.path}/start-list", json=body, headers=bearer(official_token)),
        422,
        "invalid",
    )
    assert [p["field"] for p in error["problems"]] == ["entries[1].lane", "entries[2].skater"]
    assert error["field"] == "entries[1].lane"


def test_service_not_found_is_404(client: TestClient, official_token: str) -> None:
    error = error_of(client.get("/api/competitions/404"), 404, "not_found")
    assert error["message"] == "competition 404 not found"
    response = client.post(
        "/api/results/999999", json={"time": "37.34"}, headers=bearer(official_token)
    )
    assert "result 999999" in error_of(response, 404, "not_found")["message"]


def test_conflict_is_409(client: TestClient, live: LiveRace, official_token: str) -> None:
    ok(
        client.post(
            f"/api/results/{live.anna}", json={"time": "37.34"}, headers=bearer(official_token)
        )
    )
    again = client.post(
        f"/api/results/{live.anna}", json={"time": "37.40"}, headers=bearer(official_token)
    )
    assert "already recorded" in error_of(again, 409, "conflict")["message"]


def test_no_credentials_is_401_with_a_challenge(client: TestClient) -> None:
    response = client.post("/api/competitions", json={"name": "x"})
    error_of(response, 401, "unauthorized")
    assert response.headers["www-authenticate"].startswith("Bearer")


def test_an_unreadable_document_is_422_listing_its_problems(
    client: TestClient, official_token: str
) -> None:
    response = client.post(
        "/api/competitions/import",
        json={"format": "something else"},
        headers=bearer(official_token),
    )
    error = error_of(response, 422, "invalid")
    assert error["problems"], error


def test_an_unknown_body_type_is_415(client: TestClient, official_token: str) -> None:
    response = client.post(
        "/api/competitions/import",
        content=b"hello",
        headers={**bearer(official_token), "Content-Type": "text/plain"},
    )
    error_of(response, 415, "unsupported_media_type")


class BrokenPublisher:
    """A publisher that fails: the kind of fault the API must not show as a traceback."""

    def publish(self, event: Event) -> None:
        raise RuntimeError(f"secret internals: {event!r}")


def test_an_unexpected_error_is_500_without_a_traceback(
    database_url: str, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    # import-linter (run in-process by tests/test_layers.py) configures logging with
    # disable_existing_loggers, which would silence this logger for the rest of the run.
    monkeypatch.setattr(logging.getLogger("ovaltime.web"), "disabled", False)
    app = create_app(Settings(database_url, publisher=BrokenPublisher()))
    with TestClient(app, raise_server_exceptions=False) as client, caplog.at_level(logging.ERROR):
        from ovaltime.services.users import Role, add_user

        _, token = add_user(app.state.context, "someone", Role.OFFICIAL)
        response = client.post("/api/competitions", json={"name": "Cup"}, headers=bearer(token))
    assert error_of(response, 500, "internal")["field"] is None
    assert "secret internals" not in response.text
    assert "RuntimeError" not in response.text
    logged = [r for r in caplog.records if r.name == "ovaltime.web"]
    assert logged, "the error is logged"
    assert logged[0].exc_info is not None, "with its traceback, in the server's log"


def test_ids_beyond_the_databases_range_are_422(client: TestClient) -> None:
    response = client.get(f"/api/competitions/1/races/{2**63}")
    assert error_of(response, 422, "invalid")["field"] == "position"


def test_a_nul_character_is_422_not_a_database_error(client: TestClient) -> None:
    response = client.post("/api/login", json={"name": "\u0000", "password": "x"})
    assert error_of(response, 422, "invalid")["field"] == "name"
