"""The application on a SQLite file with an official who has a password and a live 500 m
(``tests.web.conftest.make_live_race``), and clients that sign in through the login form."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from ovaltime.services.users import Role, add_user, set_password
from ovaltime.web.app import Settings, create_app
from tests.web.conftest import PASSWORD, LiveRace, app_context, make_live_race

__all__ = ["HTML", "PASSWORD", "csrf_of", "entry_path", "errors_of", "sign_in", "value_of"]

#: What a browser sends: the page routes answer a refusal with a page.
HTML = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}


@pytest.fixture
def app(tmp_path: Path) -> FastAPI:
    return create_app(Settings(f"sqlite:///{tmp_path}/entry.db", secret="entry secret"))


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=True) as test_client:
        yield test_client


@pytest.fixture
def token(app: FastAPI) -> str:
    """The API token of the official ``anna``, who also has a password."""
    context = app_context(app)
    _, made = add_user(context, "anna", Role.OFFICIAL)
    set_password(context, "anna", PASSWORD)
    return made


@pytest.fixture
def live(client: TestClient, token: str) -> LiveRace:
    return make_live_race(client, token)


def entry_path(live: LiveRace) -> str:
    return f"/competitions/{live.competition_id}/races/{live.position}/entry"


def csrf_of(html: str) -> str:
    """The CSRF token in the first form of a page."""
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "the page has a form with a CSRF token"
    return found.group(1)


def sign_in(client: TestClient, name: str = "anna", password: str = PASSWORD) -> Any:
    """Sign in through the login form, as a browser does; the response to the form post."""
    page = client.get("/login")
    assert page.status_code == 200, page.text
    return client.post(
        "/login",
        data={"name": name, "password": password, "csrf_token": csrf_of(page.text), "next": "/"},
        headers=HTML,
        follow_redirects=False,
    )


def errors_of(html: str) -> dict[str, str]:
    """Field name -> the message shown next to it (fields without a message left out)."""
    return {
        name: message
        for name, message in re.findall(r'data-error-for="([^"]+)">([^<]*)<', html)
        if message
    }


def value_of(html: str, element_id: str) -> str:
    """The ``value`` of the input with this id."""
    found = re.search(rf'<input id="{re.escape(element_id)}"[^>]*?value="([^"]*)"', html, re.S)
    assert found, f"no input {element_id!r} on the page"
    return found.group(1)
