"""The archive's pages on a real database, read as a viewer without JavaScript reads them."""

from __future__ import annotations

import re

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from ovaltime.core.results import Competition
from ovaltime.core.times import Time
from ovaltime.demo import demo_competition
from ovaltime.services.archive.importing import Source, archive_competitions
from tests.archive.test_precision import HUNDREDTHS, TENTHS, allround_in_tenths
from tests.pages.test_pages import text_of
from tests.web.conftest import app_context, ok


@pytest.fixture(scope="module")
def demo() -> Competition:
    return demo_competition()


@pytest.fixture
def archived(app: FastAPI, client: TestClient, demo: Competition) -> Competition:
    assert archive_competitions(app_context(app), [Source("demo", demo)]).competitions_added == 1
    return demo


def _fastest(demo: Competition, distance: int) -> tuple[str, str, str]:
    race = next(r for r in demo.races if r.distance == distance)
    best = min(
        (r for r in race.results if r.time is not None),
        key=lambda r: (r.time.hundredths, r.time.thousandths) if r.time else (0, 0),
    )
    assert best.time is not None
    return best.skater.name, best.skater.nation, Time(best.time.thousandths).format()


def test_every_page_links_to_the_archive(client: TestClient) -> None:
    assert '<a href="/archive">Archive</a>' in client.get("/").text


def test_the_archive_page_links_the_lists_and_finds_skaters(
    client: TestClient, archived: Competition
) -> None:
    response = client.get("/archive")
    text = text_of(response)
    assert "Lists" in text
    assert 'href="/archive/lists?distance=1500&amp;gender=women"' in response.text
    assert 'href="/archive/adelskalender?gender=men"' in response.text
    name, nation, _ = _fastest(archived, 500)
    first, last = name.split(" ", 1)
    found = client.get("/archive", params={"q": f"{last.upper()} {first}"})
    assert f"{name} {nation}" in text_of(found)
    assert re.search(r'href="/archive/skaters/\d+">' + re.escape(name), found.text)
    assert "No skater in the archive is called “Nobody”" in text_of(client.get("/archive?q=Nobody"))


def test_the_lists_page_shows_the_form_and_the_list(
    client: TestClient, archived: Competition
) -> None:
    response = client.get("/archive/lists", params={"distance": "1500", "gender": "men"})
    text = text_of(response)
    name, nation, time = _fastest(archived, 1500)
    assert "1500 m men, all time" in text
    assert f"1 {name} {nation} {time}" in text
    assert '<option value="1500" selected>' in response.text
    assert '<option value="men" selected>' in response.text
    season = text_of(client.get("/archive/lists?distance=1500&gender=men&season=2025-26"))
    assert "1500 m men, season 2025-26" in season
    assert f"1 {name} {nation} {time}" in season
    empty = text_of(client.get("/archive/lists?distance=1500&gender=men&season=2024-25"))
    assert "No results in the archive for this list." in empty
    default = text_of(client.get("/archive/lists"))
    assert "500 m women, all time" in default


def test_a_bad_filter_is_said_beside_the_form(client: TestClient, archived: Competition) -> None:
    response = client.get("/archive/lists?distance=1501&gender=men")
    assert response.status_code == 422
    assert "distance: distance 1501 m is not a whole number of 100 m" in response.text
    assert '<form class="filters"' in response.text
    season = client.get("/archive/lists?distance=500&gender=men&season=soon")
    assert season.status_code == 422
    assert "season: &#39;soon&#39; is not a season" in season.text
    control = client.get("/archive/lists?distance=500&gender=men&nation=N%00D")
    assert control.status_code == 422
    assert "nation: &#39;N\\x00D&#39; holds a control character" in control.text
    search = client.get("/archive?q=a%00")
    assert search.status_code == 422
    assert "holds a control character" in search.text
    gender = client.get("/archive/adelskalender?gender=kids")
    assert gender.status_code == 422
    assert "unknown gender" in gender.text


def test_the_adelskalender_page(client: TestClient, archived: Competition) -> None:
    lines = ok(client.get("/api/archive/adelskalender"))["list"]
    response = client.get("/archive/adelskalender")
    text = text_of(response)
    top = lines[0]
    bests = " ".join(top["bests"].values())
    assert f"1 {top['skater']} {top['nation']} {top['points']} {bests}" in text
    assert f'href="/archive/skaters/{top["skater_id"]}"' in response.text
    women = text_of(client.get("/archive/adelskalender?gender=women"))
    assert "Nobody in the archive has a personal best on every allround distance yet." in women


def test_a_skater_s_page(client: TestClient, archived: Competition) -> None:
    lines = ok(client.get("/api/archive/adelskalender"))["list"]
    top = lines[0]
    response = client.get(f"/archive/skaters/{top['skater_id']}")
    text = text_of(response)
    assert top["skater"] in text
    for distance, time in top["bests"].items():
        assert f"{distance} m {time}" in text
    assert "Points and position after each change" in text
    assert f"{top['points']} 1" in text
    svg = re.search(r"<svg class=\"chart\".*?</svg>", response.text, re.S)
    assert svg is not None
    assert f'<title id="chart-title">PB progression of {top["skater"]}</title>' in svg.group()
    assert svg.group().count("<circle") == len(top["bests"])
    assert "<script" not in response.text


def test_an_unknown_skater_is_a_404_page(client: TestClient) -> None:
    response = client.get("/archive/skaters/999")
    assert response.status_code == 404
    assert "There is no skater 999 in the archive." in response.text


def test_times_in_tenths_keep_their_precision(app: FastAPI, client: TestClient) -> None:
    """A hand-timed ``41.8`` is written ``41.8`` on the lists, Adelskalender and skater pages."""
    assert archive_competitions(app_context(app), [Source("tenths", allround_in_tenths())])
    listed = text_of(client.get("/archive/lists", params={"distance": "500", "gender": "women"}))
    assert "1 Tora NOR 41.8 " in listed
    assert "2 Hilde NED 42.35 " in listed
    table = text_of(client.get("/archive/adelskalender", params={"gender": "women"}))
    lines = ok(client.get("/api/archive/adelskalender", params={"gender": "women"}))["list"]
    assert [(x["skater"], list(x["bests"].values())) for x in lines] == [
        ("Tora", list(TENTHS)),
        ("Hilde", list(HUNDREDTHS)),
    ]
    for rank, x, times in zip((1, 2), lines, (TENTHS, HUNDREDTHS), strict=True):
        assert f"{rank} {x['skater']} {x['nation']} {x['points']} {' '.join(times)}" in table
    tora = ok(client.get("/api/archive/skaters", params={"q": "Tora"}))["skaters"][0]["id"]
    page = text_of(client.get(f"/archive/skaters/{tora}"))
    assert "500 m 41.8 " in page
    assert "500 m: 41.8 on 1938-02-05" in page  # the chart's point (its axis is per 500 m)
    assert "41.80" not in listed + table


def test_the_combination_totals_page(client: TestClient, archived: Competition) -> None:
    lines = ok(client.get("/api/archive/combinations?combination=big"))["list"]
    response = client.get("/archive/combinations?combination=big&gender=men")
    text = text_of(response)
    top = lines[0]
    assert f"1 {top['skater']} {top['nation']} {top['points']} 2026-03-08" in text
    assert f"{archived.name} WR NR PB" in text
    assert f'href="/archive/skaters/{top["skater_id"]}"' in response.text
    skater = text_of(client.get(f"/archive/skaters/{top['skater_id']}"))
    assert f"big {top['points']} 2026-03-08 {archived.name} WR NR PB" in skater
    sprint = text_of(client.get("/archive/combinations?combination=sprint&gender=women"))
    assert "The archive holds no championship of this combination yet." in sprint
    bad = client.get("/archive/combinations?combination=quad")
    assert bad.status_code == 422
    assert "expected one of big, small, sprint, mini" in bad.text
    assert (
        'href="/archive/combinations?combination=big&amp;gender=men"' in client.get("/archive").text
    )
