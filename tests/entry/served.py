"""A real ``ovaltime serve`` in a subprocess on a free port of 127.0.0.1, over a SQLite file
prepared with an official (name, password and API token set through the CLI) and a live race;
and headless Chromium driven by Playwright."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ovaltime.core.results import Skater
from ovaltime.core.states import Gender, Lane, RaceState
from ovaltime.services.competitions import add_race, create_competition
from ovaltime.services.races import change_race_state
from ovaltime.services.start_list import StartEntry, set_start_list
from ovaltime.services.unit import open_context
from ovaltime.services.users import check_password
from tests.cli.helpers import COMMAND
from tests.served import CHROMIUM, CHROMIUM_ARGS, serving

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "PASSWORD", "Served", "serve"]

PASSWORD = "ice is fast today"
SKATERS = (
    ("Anna Visser", "NED", 1, Lane.INNER),
    ("Bea Berg", "NOR", 1, Lane.OUTER),
    ("Cara Cole", "CAN", 2, Lane.INNER),
    ("Dora Dahl", "GER", 2, Lane.OUTER),
)


@dataclass(frozen=True)
class Served:
    """The running server: its address, the entry screen of its race, the official's token."""

    base: str
    entry: str
    api_race: str
    token: str


def _cli(folder: Path, *args: str, stdin: str = "") -> str:
    done = subprocess.run(
        [*COMMAND, *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=folder,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def _prepare(url: str, folder: Path) -> tuple[str, int, int]:
    """The official ``anna`` (through the CLI) and a live 1000 m women in two pairs."""
    token = _cli(folder, "user", "add", "anna", "--role", "official", "--database", url)
    _cli(folder, "user", "password", "anna", "--database", url, "--password-stdin", stdin=PASSWORD)
    context = open_context(url)
    try:
        user = check_password(context, "anna", PASSWORD)
        assert user is not None
        competition = create_competition(context, "Club Cup", venue="Thialf", nation="NED")
        race_id, position = add_race(context, competition, distance=1000, gender=Gender.WOMEN)
        entries = [StartEntry(Skater(n, nation), pair, lane) for n, nation, pair, lane in SKATERS]
        set_start_list(context, race_id, entries, actor=user)
        change_race_state(context, race_id, RaceState.LIVE, actor=user)
    finally:
        context.engine.dispose()
    return token, competition, position


@contextmanager
def serve(folder: Path) -> Iterator[Served]:
    """The server over a prepared database, stopped (killed if need be) at the end."""
    url = f"sqlite:///{folder}/served.db"
    token, competition, position = _prepare(url, folder)
    with serving(url, folder, name="served", secret="browser test secret") as server:
        path = f"/competitions/{competition}/races/{position}"
        yield Served(server.base, f"{server.base}{path}/entry", f"{server.base}/api{path}", token)
