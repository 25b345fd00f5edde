"""The PDF documents and SVG charts the pages link to, on SQLite and PostgreSQL."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from fastapi.testclient import TestClient

from tests.pages.conftest import Skated
from tests.reports.pdf.poppler import rows, text
from tests.web.conftest import LiveRace, bearer, make_live_race, ok


def test_result_list_pdf_of_a_race_being_skated(client: TestClient, skated: Skated) -> None:
    response = client.get(f"{skated.page}/results.pdf")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"] == (
        f'inline; filename="competition-{skated.race.competition_id}-race-'
        f'{skated.race.position}-results.pdf"'
    )
    lines = rows(response.content)
    assert "1 1 inner Anna Visser NED 37.34(2)" in lines
    assert "2 1 outer Bea Berg NOR 37.34(8) +0.006" in lines
    whole = text(response.content)
    assert "Club Cup" in whole
    assert "UNOFFICIAL" in whole
    assert "Cara Cole" not in whole, "a skater still on the ice has no result yet"


def test_start_list_pdf_lists_every_entry(client: TestClient, live: LiveRace) -> None:
    response = client.get(
        f"/competitions/{live.competition_id}/races/{live.position}/start-list.pdf"
    )
    assert response.headers["content-type"] == "application/pdf"
    lines = rows(response.content)
    assert "1 inner Anna Visser NED" in lines
    assert "outer Bea Berg NOR" in lines
    assert "2 inner Cara Cole CAN" in lines


def test_lap_chart_once_results_have_passages(client: TestClient, skated: Skated) -> None:
    page = client.get(skated.page).text
    assert f"{skated.page}/results.pdf" in page
    assert f"{skated.page}/start-list.pdf" in page
    assert f"{skated.page}/laps.svg?v=2" in page
    for chart in ("laps", "gaps"):
        response = client.get(f"{skated.page}/{chart}.svg")
        assert response.status_code == 200
        assert response.headers["content-type"] == "image/svg+xml"
        svg = ET.fromstring(response.content)
        words = " ".join(svg.itertext())
        assert "1. Anna Visser" in words
        assert "2. Bea Berg" in words


def test_no_lap_chart_without_passages(client: TestClient, live: LiveRace) -> None:
    page = f"/competitions/{live.competition_id}/races/{live.position}"
    assert "laps.svg" not in client.get(page).text
    response = client.get(f"{page}/laps.svg")
    assert response.status_code == 200
    assert "no passages yet" in " ".join(ET.fromstring(response.content).itertext())


def test_classification_pdf_and_progression(client: TestClient, official_token: str) -> None:
    race = make_live_race(client, official_token)
    headers = bearer(official_token)
    for result_id, time in ((race.anna, "38.50"), (race.bea, "39.00"), (race.cara, "39.25")):
        ok(client.post(f"/api/results/{result_id}", json={"time": time}, headers=headers))
    base = f"/competitions/{race.competition_id}"
    assert f"{base}/classification.pdf" in client.get(f"{base}/classification").text
    response = client.get(f"{base}/classification.pdf")
    assert response.headers["content-type"] == "application/pdf"
    lines = rows(response.content)
    assert "Women: small combination, after 1 of 4 races" in lines
    assert "2 Bea Berg NOR 39.00 39.000 0.500 3.00 " in " ".join(lines) + " "
    chart = client.get(f"{base}/classification/progression.svg?gender=women&measure=points")
    assert chart.headers["content-type"] == "image/svg+xml"
    assert "Cara Cole" in " ".join(ET.fromstring(chart.content).itertext())


def test_standings_pdf_without_a_series_says_so(client: TestClient, live: LiveRace) -> None:
    response = client.get("/standings.pdf")
    assert response.headers["content-type"] == "application/pdf"
    assert "there are no World Cup meetings" in text(response.content)


def test_missing_documents_are_html_404s(client: TestClient, live: LiveRace) -> None:
    for path in (
        f"/competitions/{live.competition_id}/races/9/results.pdf",
        f"/competitions/{live.competition_id}/races/9/start-list.pdf",
        "/competitions/999/races/1/laps.svg",
        "/competitions/999/classification.pdf",
        "/competitions/999/classification/progression.svg",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.headers["content-type"].startswith("text/html"), path
