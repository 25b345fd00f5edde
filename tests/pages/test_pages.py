"""Every page as HTML on a real database, read as a viewer without JavaScript reads it."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.pages.conftest import Skated, skate
from tests.web.conftest import LiveRace, bearer, make_live_race, ok


def text_of(response: object) -> str:
    """The visible text of an HTML response, tags dropped and spaces folded."""
    assert getattr(response, "status_code", None) == 200, getattr(response, "text", response)
    html: str = getattr(response, "text", "")
    assert getattr(response, "headers", {})["content-type"].startswith("text/html")
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_root_lists_the_competitions(client: TestClient, live: LiveRace) -> None:
    response = client.get("/")
    text = text_of(response)
    assert "Club Cup" in text
    assert "Thialf" in text
    assert f'href="/competitions/{live.competition_id}"' in response.text
    assert '<html lang="en">' in response.text


def test_the_root_says_when_there_is_nothing(client: TestClient) -> None:
    assert "No competitions yet" in text_of(client.get("/"))


def test_competition_home_shows_the_programme_with_states(
    client: TestClient, official_token: str, live: LiveRace
) -> None:
    ok(
        client.post(
            f"/api/competitions/{live.competition_id}/races",
            json={"distance": 1500, "gender": "women", "date": "2025-01-11"},
            headers=bearer(official_token),
        ),
        201,
    )
    response = client.get(f"/competitions/{live.competition_id}")
    text = text_of(response)
    assert "500 m women live" in text
    assert "Saturday 11 January 2025" in text
    assert "1500 m women scheduled" in text
    assert "Date to be announced" in text
    for link in ("races/1", "races/2", "classification", "tv"):
        assert f'href="/competitions/{live.competition_id}/{link}"' in response.text


def test_race_page_shows_ranks_thousandths_and_behind(client: TestClient, skated: Skated) -> None:
    text = text_of(client.get(skated.page))
    assert "1 Anna Visser NED 37.34(2)" in text
    assert "2 Bea Berg NOR 37.34(8) +0.006" in text


def test_race_page_shows_the_leader_in_words(client: TestClient, skated: Skated) -> None:
    text = text_of(client.get(skated.page))
    assert "Anna Visser (37.34) set the pace in pair 1 and leads." in text
    assert "After pair Leader Time 1 Anna Visser new 37.34" in text


def test_race_page_compares_the_pair_on_the_ice_with_the_leader(
    client: TestClient, skated: Skated
) -> None:
    text = text_of(client.get(skated.page))
    assert "Now skating: pair 2" in text
    assert "Cara Cole: 0.88 ahead with a lap to go on Anna Visser" in text


def test_race_page_shows_pairs_lanes_passages_and_laps(client: TestClient, skated: Skated) -> None:
    text = text_of(client.get(skated.page))
    assert "Pair 1 inner Anna Visser NED 37.34(2)" in text
    assert "outer Bea Berg NOR 37.34(8)" in text
    assert "100 10.38 10.38" in text


def test_race_page_shows_statuses_with_infraction_codes(
    client: TestClient, official_token: str, skated: Skated
) -> None:
    ok(
        client.post(
            f"/api/results/{skated.race.cara}",
            json={"status": "DQ", "infraction": "F1"},
            headers=bearer(official_token),
        )
    )
    text = text_of(client.get(skated.page))
    assert "Cara Cole CAN DQ (F1)" in text
    assert "Now skating" not in text


def test_the_live_fragment_is_the_changing_part_only(client: TestClient, skated: Skated) -> None:
    response = client.get(f"{skated.page}?fragment=live")
    text = text_of(response)
    assert "<html" not in response.text
    assert "37.34(2)" in text
    assert "Now skating: pair 2" in text


def test_pages_follow_the_stream_and_read_without_javascript(
    client: TestClient, skated: Skated
) -> None:
    response = client.get(skated.page)
    stream = re.search(r'data-stream="([^"]+)"', response.text)
    assert stream is not None
    assert stream.group(1).startswith(
        f"/api/competitions/{skated.race.competition_id}/events?lastEventId="
    )
    assert "result-recorded" in response.text
    assert "<noscript>" in response.text
    assert 'src="/static/live.js"' in response.text
    assert 'data-fragment="live"' in response.text


def test_tv_view_shows_the_pair_on_the_ice_and_the_leader(
    client: TestClient, skated: Skated
) -> None:
    text = text_of(client.get(f"/competitions/{skated.race.competition_id}/tv"))
    assert "Pair 2" in text
    assert "Cara Cole CAN 9.50 at 100 m 0.88 ahead with a lap to go" in text
    assert "Leader: Anna Visser 37.34" in text


def test_classification_shows_points_and_gaps(client: TestClient, official_token: str) -> None:
    race = make_live_race(client, official_token)
    headers = bearer(official_token)
    for result_id, time in ((race.anna, "38.50"), (race.bea, "39.00"), (race.cara, "39.25")):
        ok(client.post(f"/api/results/{result_id}", json={"time": time}, headers=headers))
    text = text_of(client.get(f"/competitions/{race.competition_id}/classification"))
    assert "Women · small combination" in text
    assert "gaps in seconds are on the next distance, the 3000 m" in text
    assert "1 Anna Visser NED 38.500 38.50 38.500" in text
    # 0.5 points behind is 3 s on the 3000 m; 0.75 points is 4.50 s.
    assert "2 Bea Berg NOR 39.000 39.00 39.000 +0.500 +3.00" in text
    assert "3 Cara Cole CAN 39.250 39.25 39.250 +0.750 +4.50" in text


def test_classification_marks_the_not_classified(
    client: TestClient, official_token: str, skated: Skated
) -> None:
    ok(
        client.post(
            f"/api/results/{skated.race.cara}",
            json={"status": "DNF"},
            headers=bearer(official_token),
        )
    )
    text = text_of(client.get(f"/competitions/{skated.race.competition_id}/classification"))
    assert "Cara Cole CAN DNF" in text
    assert text.rstrip().count(" NC ") == 1


def test_classification_says_when_there_is_none(client: TestClient, live: LiveRace) -> None:
    text = text_of(client.get(f"/competitions/{live.competition_id}/classification"))
    assert "No classification yet" in text


def test_standings_say_when_there_is_no_series(client: TestClient, live: LiveRace) -> None:
    text = text_of(client.get("/standings"))
    assert "No series standings" in text
    text = text_of(client.get("/standings?season=1900-01"))
    assert "No series standings for 1900-01" in text


def test_missing_things_are_html_404s(client: TestClient, live: LiveRace) -> None:
    for path, words in (
        ("/competitions/999", "There is no competition 999."),
        (f"/competitions/{live.competition_id}/races/9", "has no race 9."),
        ("/competitions/999/tv", "There is no competition 999."),
        ("/competitions/999/classification", "There is no competition 999."),
        (f"/competitions/{live.competition_id}?fragment=other", "no fragment"),
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.headers["content-type"].startswith("text/html")
        assert words in response.text


def test_the_race_page_announces_what_beats_the_archive(
    client: TestClient, official_token: str
) -> None:
    earlier = make_live_race(client, official_token)
    for result_id, time in ((earlier.anna, "37.50"), (earlier.bea, "37.60")):
        ok(
            client.post(
                f"/api/results/{result_id}", json={"time": time}, headers=bearer(official_token)
            )
        )
    later = make_live_race(client, official_token)
    skate(client, official_token, later)
    text = text_of(client.get(Skated(later).page))
    assert "1 Anna Visser NED WR NR PB SB 37.34(2)" in text
    assert "2 Bea Berg NOR WR NR PB SB 37.34(8) +0.006" in text, "equal hundredths equal it"
    first = text_of(client.get(Skated(earlier).page))
    assert "1 Anna Visser NED 37.50" in first, "a new archive announces nothing"
