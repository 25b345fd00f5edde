"""``ovaltime user add`` and ``ovaltime import --database``: the commands that open a database."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select

from ovaltime.formats.document import write_competition_file
from ovaltime.services.unit import open_context
from ovaltime.store.accounts import UserRow
from ovaltime.store.competitions import list_competitions, load_competition
from ovaltime.store.engine import read_session
from tests.cli.helpers import BAD_INPUT, run
from tests.store.test_competitions_repository import SPRINT


def test_user_add_prints_the_token_once(tmp_path: Path, database_url: str) -> None:
    done = run("user", "add", "marit", "--role", "admin", "--database", database_url, cwd=tmp_path)
    assert done.status == 0, done.stderr
    token = done.stdout.strip()
    assert len(token) >= 43
    assert "shown only now" in done.stderr
    assert token not in done.stderr
    context = open_context(database_url)
    try:
        with read_session(context.engine) as session:
            row = session.scalar(select(UserRow).where(UserRow.name == "marit"))
    finally:
        context.engine.dispose()
    assert row is not None
    assert row.token_hash == hashlib.sha256(token.encode()).hexdigest()
    again = run(
        "user", "add", "marit", "--role", "official", "--database", database_url, cwd=tmp_path
    )
    assert again.status == BAD_INPUT
    assert again.stderr == "ovaltime: error: user 'marit' already exists\n"


def test_user_add_uses_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OVALTIME_DATABASE", f"sqlite:///{tmp_path / 'env.db'}")
    done = run("user", "add", "sven", "--role", "official", cwd=tmp_path)
    assert done.status == 0, done.stderr
    assert (tmp_path / "env.db").is_file()


def test_import_into_a_database_once(tmp_path: Path, database_url: str) -> None:
    path = tmp_path / "sprint.json"
    write_competition_file(SPRINT, path)
    first = run("import", str(path), "--database", database_url, cwd=tmp_path)
    assert first.status == 0, first.stderr
    assert "as competition 1: 3 races, 4 results" in first.stderr
    again = run(
        "import",
        str(path),
        "--database",
        database_url,
        "-o",
        str(tmp_path / "x.json"),
        cwd=tmp_path,
    )
    assert again.status == 0, again.stderr
    assert "already in" in again.stderr
    assert (tmp_path / "x.json").read_text(encoding="utf-8") == path.read_text(encoding="utf-8")
    context = open_context(database_url)
    try:
        with read_session(context.engine) as session:
            assert [c.id for c in list_competitions(session)] == [1]
            assert load_competition(session, 1) == SPRINT
    finally:
        context.engine.dispose()


def test_a_bad_database_url_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "sprint.json"
    write_competition_file(SPRINT, path)
    done = run("import", str(path), "--database", "nosuchdb://here", cwd=tmp_path)
    assert done.status == BAD_INPUT
    assert done.stderr.startswith("ovaltime: error: --database 'nosuchdb://here': not a database")
    assert "Traceback" not in done.stderr
