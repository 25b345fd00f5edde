"""The pages in headless Chromium against ``ovaltime serve``: results recorded through the API
appear without a reload, the TV view follows, nothing overflows a phone's width, and every page
is photographed (desktop and phone) into ``artifacts/screenshots/`` for review."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from ovaltime.demo import demo_competition
from ovaltime.services.archive.importing import Source, archive_competitions
from ovaltime.services.events import EventLog
from ovaltime.services.unit import open_context
from ovaltime.services.users import Role, add_user
from tests.pages.browser import (
    SCREENSHOTS,
    TIMEOUT,
    chromium_missing,
)
from tests.served import CHROMIUM, CHROMIUM_ARGS, serving
from tests.web.conftest import LiveRace, bearer, make_live_race, ok

pytestmark = pytest.mark.skipif(chromium_missing() is not None, reason=str(chromium_missing()))

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}


@dataclass(frozen=True)
class Site:
    """The running server, an official's API client, a live race and the demo championship
    (in the archive too, for the archive's pages)."""

    base: str
    api: httpx.Client
    race: LiveRace
    demo_id: int

    def url(self, path: str) -> str:
        return self.base + path

    @property
    def race_page(self) -> str:
        return self.url(f"/competitions/{self.race.competition_id}/races/{self.race.position}")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    folder = tmp_path_factory.mktemp("browser")
    database = f"sqlite:///{folder}/pages.db"
    context = open_context(database, EventLog())
    _, token = add_user(context, "official", Role.OFFICIAL)
    archived = archive_competitions(context, [Source("demo", demo_competition())])
    demo_id = archived.added[0].competition_id
    context.engine.dispose()
    with (
        serving(database, folder) as server,
        httpx.Client(base_url=server.base, headers=bearer(token), timeout=TIMEOUT) as api,
    ):
        race = make_live_race(api, token)  # type: ignore[arg-type]
        yield Site(server.base, api, race, demo_id)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True, timeout=TIMEOUT * 1000
        )
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=DESKTOP)  # type: ignore[arg-type]
    opened = context.new_page()
    opened.set_default_timeout(TIMEOUT * 1000)
    try:
        yield opened
    finally:
        context.close()


def open_live(page: Page, url: str) -> None:
    """Open ``url`` and wait until live.js has its stream open; mark the document, so a
    reload would show (the mark would be gone)."""
    page.goto(url)
    page.locator(".live-status[data-state='live']").wait_for()
    page.evaluate("window.notReloaded = true")


def still_the_same_document(page: Page) -> bool:
    return bool(page.evaluate("window.notReloaded === true"))


def test_a_recorded_result_appears_without_reloading(page: Page, site: Site) -> None:
    open_live(page, site.race_page)
    assert "No results yet" in page.inner_text("#live")
    ok(site.api.post(f"/api/results/{site.race.anna}", json={"time": "38.123"}))
    page.locator("table.results").get_by_text("38.12").wait_for()
    assert "Anna Visser (38.12) set the pace in pair 1" in page.inner_text("#live")
    assert still_the_same_document(page)


def test_a_passage_is_compared_with_the_leader_live(page: Page, site: Site) -> None:
    open_live(page, site.race_page)
    if "38.12" not in page.inner_text("#live"):  # this test also runs on its own
        ok(site.api.post(f"/api/results/{site.race.anna}", json={"time": "38.123"}))
    ok(
        site.api.post(
            f"/api/results/{site.race.anna}/passages", json={"metres": 100, "time": "10.38"}
        ),
        201,
    )
    ok(
        site.api.post(
            f"/api/results/{site.race.cara}/passages", json={"metres": 100, "time": "9.50"}
        ),
        201,
    )
    page.locator(".latest").wait_for()
    live = page.inner_text("#live")
    assert "Cara Cole: 0.88 ahead with a lap to go on Anna Visser" in live, live
    assert "Now skating: pair 2" in live
    assert still_the_same_document(page)


def test_the_tv_view_updates(page: Page, site: Site) -> None:
    competition = site.race.competition_id
    open_live(page, site.url(f"/competitions/{competition}/tv"))
    ok(site.api.post(f"/api/results/{site.race.bea}", json={"time": "38.40"}))
    page.locator(".board").get_by_text("38.40").first.wait_for()
    assert still_the_same_document(page)


PAGES = {
    "competitions": "/",
    "competition": "/competitions/{demo}",
    "race-500m": "/competitions/{demo}/races/1",
    "race-10000m": "/competitions/{demo}/races/4",
    "race-live": "/competitions/{live}/races/1",
    "classification": "/competitions/{demo}/classification",
    "standings": "/standings",
    "tv-live": "/competitions/{live}/tv",
    "tv-demo": "/competitions/{demo}/tv",
    "archive": "/archive?q=a",
    "archive-lists": "/archive/lists?distance=1500&gender=men",
    "archive-adelskalender": "/archive/adelskalender",
    "archive-skater": "/archive/skaters/1",
}


def _path(site: Site, template: str) -> str:
    return template.format(demo=site.demo_id, live=site.race.competition_id)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_every_page_fits_a_phone_and_is_photographed(
    browser: Browser, site: Site, name: str
) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for label, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        context = browser.new_context(viewport=viewport)  # type: ignore[arg-type]
        try:
            shown = context.new_page()
            shown.set_default_timeout(TIMEOUT * 1000)
            response = shown.goto(site.url(_path(site, PAGES[name])))
            assert response is not None
            assert response.status == 200
            picture = SCREENSHOTS / f"{name}-{label}.png"
            shown.screenshot(path=str(picture), full_page=True)
            assert picture.stat().st_size > 0
            overflow = shown.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{name} is {overflow} px too wide at {viewport['width']} px"
        finally:
            context.close()
