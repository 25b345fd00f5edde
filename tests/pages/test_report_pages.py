"""The written report pages on a real database: a race, a day, the competition, as HTML and
Markdown; an unknown race or day is the 404 page naming it."""

from __future__ import annotations

import datetime as dt
import html

from fastapi import FastAPI
from fastapi.testclient import TestClient

from ovaltime.demo import demo_competition
from ovaltime.services.competitions import import_competition
from tests.pages.conftest import Skated
from tests.pages.test_pages import text_of as tagless
from tests.web.conftest import app_context, world_cup_meeting


def text_of(response: object) -> str:
    return html.unescape(tagless(response))


def test_the_race_report_tells_the_result(client: TestClient, skated: Skated) -> None:
    text = text_of(client.get(f"{skated.page}/report"))
    assert (
        "Anna Visser (NED) won the women's 500 m in 37.34, ahead of Bea Berg (NOR) on the "
        "thousandth: 37.342 to 37.348." in text
    )
    assert 'data-fragment="live"' in client.get(f"{skated.page}/report").text


def test_the_live_fragment_is_the_article(client: TestClient, skated: Skated) -> None:
    response = client.get(f"{skated.page}/report?fragment=live")
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<article class="report">')
    assert "<html" not in response.text


def test_competition_and_day_reports_and_markdown(client: TestClient, skated: Skated) -> None:
    base = f"/competitions/{skated.race.competition_id}/report"
    assert "won the women's 500 m" in text_of(client.get(base))
    markdown = client.get(f"{base}?format=md")
    assert markdown.status_code == 200
    assert markdown.headers["content-type"].startswith("text/markdown")
    assert markdown.text.startswith("# ")
    assert "won the women's 500 m" in markdown.text


def test_unknown_race_or_day_is_a_404_naming_it(client: TestClient, skated: Skated) -> None:
    competition = skated.race.competition_id
    missing = client.get(f"/competitions/{competition}/races/99/report")
    assert missing.status_code == 404
    assert "race 99" in missing.text
    day = client.get(f"/competitions/{competition}/report?day=1999-01-01")
    assert day.status_code == 404
    assert "no race on 1999-01-01" in day.text
    assert client.get("/competitions/987654/report").status_code == 404
    assert client.get(f"/competitions/{competition}/report?format=pdf").status_code == 422


def test_the_competition_and_race_pages_link_to_their_reports(
    client: TestClient, skated: Skated
) -> None:
    competition = skated.race.competition_id
    assert (
        f'href="/competitions/{competition}/report"'
        in client.get(f"/competitions/{competition}").text
    )
    assert f'href="{skated.page}/report"' in client.get(skated.page).text


def test_a_world_cup_meetings_report_ends_with_the_standings(
    app: FastAPI, client: TestClient
) -> None:
    """Scored over the season's meetings in the database, as ``/standings`` scores them; a
    race's report and a competition without divisions tell none."""
    context = app_context(app)
    first = world_cup_meeting("WC 1", dt.date(2024, 11, 8), [("Anna", "37.30"), ("Bea", "37.50")])
    second = world_cup_meeting("WC 2", dt.date(2024, 11, 15), [("Bea", "37.20"), ("Anna", "37.30")])
    ids = [import_competition(context, c).competition_id for c in (first, second)]
    plain = import_competition(context, demo_competition()).competition_id

    after_first = text_of(client.get(f"/competitions/{ids[0]}/report"))
    assert "World Cup standings" in after_first
    assert "count one meeting: WC 1." in after_first
    assert "Anna (NED) leads the women's 500 m World Cup with 60 points" in after_first
    after_second = client.get(f"/competitions/{ids[1]}/report?format=md").text
    assert "## World Cup standings" in after_second
    assert "count two meetings: WC 1 and WC 2." in after_second
    assert "World Cup standings" not in text_of(
        client.get(f"/competitions/{ids[1]}/races/1/report")
    )
    assert "World Cup standings" not in text_of(client.get(f"/competitions/{plain}/report"))
