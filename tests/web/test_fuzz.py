"""A bounded property-based fuzz of the OpenAPI document (schemathesis): no request, however
odd, gets a 5xx; every error keeps the one shape.

Schemathesis generates the requests from the application's own OpenAPI document; they are sent
through the test's client, so the whole application (lifespan included) runs once, as served.
"""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings

from tests.web.conftest import LiveRace, bearer

schemathesis = pytest.importorskip("schemathesis")

#: Examples per operation: enough to find a crash in a handler, small enough for every run.
EXAMPLES = 25
#: The writes fuzzed with a token (the others create or import whole competitions).
WRITES = {
    ("POST", "/api/results/{result_id}"),
    ("PATCH", "/api/results/{result_id}"),
    ("POST", "/api/results/{result_id}/passages"),
    ("PUT", "/api/competitions/{competition_id}/races/{position}/start-list"),
    ("POST", "/api/competitions/{competition_id}/races/{position}/state"),
    ("POST", "/api/competitions/{competition_id}/races"),
    ("POST", "/api/login"),
}


def test_no_request_gets_a_server_error(
    app: FastAPI, client: TestClient, live: LiveRace, official_token: str
) -> None:
    assert live.race_id
    schema = schemathesis.openapi.from_dict(app.openapi())
    fuzzed = 0
    for found in schema.get_all_operations():
        operation = found.ok()
        method = operation.method.upper()
        if operation.path.endswith("/events"):
            continue  # the live stream: an endless response, tested with the live broker
        if method != "GET" and (method, operation.path) not in WRITES:
            continue
        _fuzz(client, operation, bearer(official_token) if method != "GET" else {})
        fuzzed += 1
    assert fuzzed >= 12


def _fuzz(client: TestClient, operation: Any, headers: dict[str, str]) -> None:
    """Send ``EXAMPLES`` generated requests to one operation."""

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def fuzz(case: Any) -> None:
        sent = case.as_transport_kwargs(base_url=str(client.base_url), headers=headers)
        client.cookies.clear()
        response = client.request(
            sent["method"],
            sent["url"],
            headers=sent.get("headers"),
            params=sent.get("params"),
            json=sent.get("json"),
            data=sent.get("data"),
            files=sent.get("files"),
        )
        assert response.status_code < 500, (sent, response.text)
        if response.status_code >= 400:
            assert set(response.json()) == {"error"}, response.text

    fuzz()
