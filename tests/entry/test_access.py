"""Who may use the entry screens: the login form with its own CSRF token, going back where the
official came from, signing out, and the write guard on the screens' forms."""

from __future__ import annotations

from fastapi.testclient import TestClient

from ovaltime.web.auth import SESSION_COOKIE
from ovaltime.web.entry.access import LOGIN_COOKIE, safe_next
from tests.entry.conftest import HTML, PASSWORD, csrf_of, entry_path, errors_of, sign_in
from tests.web.conftest import LiveRace, bearer, error_of, ok


def test_an_anonymous_visitor_is_sent_to_the_login_and_back(
    client: TestClient, live: LiveRace
) -> None:
    path = entry_path(live)
    response = client.get(path + "?pair=2", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == f"/login?next={path}%3Fpair%3D2"
    page = client.get(response.headers["location"])
    assert 'name="next" value="' + path + '?pair=2"' in page.text
    posted = client.post(
        "/login",
        data={
            "name": "anna",
            "password": PASSWORD,
            "csrf_token": csrf_of(page.text),
            "next": path + "?pair=2",
        },
        follow_redirects=False,
    )
    assert posted.status_code == 303
    assert posted.headers["location"] == path + "?pair=2"
    screen = client.get(posted.headers["location"])
    assert screen.status_code == 200
    assert "Pair 2" in screen.text
    assert "Cara Cole" in screen.text
    assert screen.headers["cache-control"] == "no-store"


def test_an_api_token_alone_does_not_open_the_screen(
    client: TestClient, live: LiveRace, token: str
) -> None:
    response = client.get(entry_path(live), headers=bearer(token), follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/login?next=")


def test_a_signed_in_official_sees_the_screen(client: TestClient, live: LiveRace) -> None:
    assert sign_in(client).status_code == 303
    screen = client.get(entry_path(live))
    assert screen.status_code == 200
    for text in ("500 m women", "Pair 1", "Anna Visser", "Bea Berg", "Record pair 1", "100 m"):
        assert text in screen.text
    assert f'name="r{live.anna}-p100"' in screen.text
    assert "Audit log" in screen.text


def test_an_unknown_race_is_a_page_saying_so(client: TestClient, live: LiveRace) -> None:
    sign_in(client)
    response = client.get(f"/competitions/{live.competition_id}/races/9/entry")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "race 9 of competition" in response.text


def test_a_wrong_password_keeps_the_name_and_sets_no_session(
    client: TestClient, token: str
) -> None:
    assert token
    response = sign_in(client, password="not the password")
    assert response.status_code == 401
    assert "Wrong name or password." in response.text
    assert 'value="anna"' in response.text
    assert SESSION_COOKIE not in client.cookies


def test_the_login_form_needs_its_own_csrf_token(client: TestClient, token: str) -> None:
    assert token
    client.get("/login")
    forged = client.post(
        "/login",
        data={"name": "anna", "password": PASSWORD, "csrf_token": "made up"},
        follow_redirects=False,
    )
    assert forged.status_code == 403
    assert "did not come from this site" in forged.text
    assert SESSION_COOKIE not in client.cookies
    client.cookies.delete(LOGIN_COOKIE, path="/login")
    page = client.get("/login")
    client.cookies.delete(LOGIN_COOKIE, path="/login")
    without_cookie = client.post(
        "/login",
        data={"name": "anna", "password": PASSWORD, "csrf_token": csrf_of(page.text)},
        follow_redirects=False,
    )
    assert without_cookie.status_code == 403
    assert SESSION_COOKIE not in client.cookies


def test_only_paths_of_this_site_are_gone_back_to() -> None:
    assert (
        safe_next("/competitions/1/races/2/entry?pair=3") == "/competitions/1/races/2/entry?pair=3"
    )
    for unsafe in ("https://evil.example/", "//evil.example/", "/\\evil.example", "", "x", "/a\nb"):
        assert safe_next(unsafe) == "/", unsafe


def test_signing_out_clears_the_session(client: TestClient, live: LiveRace) -> None:
    sign_in(client)
    page = client.get("/logout")
    assert page.status_code == 200
    response = client.post(
        "/logout", data={"csrf_token": csrf_of(page.text)}, headers=HTML, follow_redirects=False
    )
    assert response.status_code == 303
    assert SESSION_COOKIE not in client.cookies
    assert client.get(entry_path(live), follow_redirects=False).status_code == 303
    assert client.get("/logout", follow_redirects=False).headers["location"] == "/login"


def test_a_form_without_the_csrf_token_is_refused_with_a_page(
    client: TestClient, live: LiveRace
) -> None:
    sign_in(client)
    path = entry_path(live)
    posted = {f"r{live.anna}-time": "37.34"}
    for data in (posted, {**posted, "csrf_token": "not the token"}):
        response = client.post(f"{path}/pairs/1", data=data, headers=HTML, follow_redirects=False)
        assert response.status_code == 403
        assert response.headers["content-type"].startswith("text/html")
        assert "Refused" in response.text
        assert "Nothing was changed" in response.text
    as_api = client.post(f"{path}/pairs/1", data=posted, follow_redirects=False)
    error_of(as_api, 403, "csrf")
    race = ok(client.get(live.path))
    assert all(not e["recorded"] for p in race["pairs"] for e in p["entries"])


def test_an_anonymous_form_post_is_refused(client: TestClient, live: LiveRace) -> None:
    path = entry_path(live)
    data = {f"r{live.anna}-time": "37.34", "csrf_token": "x"}
    page = client.post(f"{path}/pairs/1", data=data, headers=HTML, follow_redirects=False)
    assert page.status_code == 401
    assert "Sign in" in page.text
    error_of(client.post(f"{path}/pairs/1", data=data), 401, "unauthorized")


def test_the_guard_reads_no_form_larger_than_it_allows(client: TestClient, live: LiveRace) -> None:
    sign_in(client)
    huge = {"filler": "x" * (1024 * 1024 + 10), "csrf_token": "x"}
    response = client.post(f"{entry_path(live)}/pairs/1", data=huge, headers=HTML)
    assert response.status_code == 413
    assert errors_of(response.text) == {}
