"""``ovaltime user password NAME``: a password for the login of the entry screens, asked twice
without echo, or read from standard input by scripts."""

from __future__ import annotations

import subprocess
from pathlib import Path

from typer.testing import CliRunner

from ovaltime.cli.app import app
from ovaltime.services.unit import open_context
from ovaltime.services.users import check_password
from tests.cli.helpers import BAD_INPUT, COMMAND, run

PASSWORD = "a long enough secret"


def _database(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path}/users.db"
    added = run("user", "add", "anna", "--role", "official", "--database", url, cwd=tmp_path)
    assert added.status == 0, added.stderr
    return url


def _accepts(url: str, password: str) -> bool:
    context = open_context(url)
    try:
        return check_password(context, "anna", password) is not None
    finally:
        context.engine.dispose()


def test_the_password_is_asked_twice_and_not_shown(tmp_path: Path) -> None:
    url = _database(tmp_path)
    result = CliRunner().invoke(
        app,
        ["user", "password", "anna", "--database", url],
        input=f"{PASSWORD}\nnot the same one\n{PASSWORD}\n{PASSWORD}\n",
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert "do not match" in result.output
    assert PASSWORD not in result.output
    assert "set the password of 'anna'" in result.stderr
    assert _accepts(url, PASSWORD)


def test_a_script_gives_the_password_on_standard_input(tmp_path: Path) -> None:
    url = _database(tmp_path)
    done = subprocess.run(
        [*COMMAND, "user", "password", "anna", "--database", url, "--password-stdin"],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert PASSWORD not in done.stdout + done.stderr
    assert _accepts(url, PASSWORD)
    assert not _accepts(url, PASSWORD + "x")


def test_a_short_password_or_an_unknown_user_is_one_clear_error(tmp_path: Path) -> None:
    url = _database(tmp_path)
    for name, password, message in (
        ("anna", "short", "at least 10 characters"),
        ("bob", PASSWORD, "user 'bob' not found"),
        ("anna", "", "standard input holds no password"),
    ):
        done = subprocess.run(
            [*COMMAND, "user", "password", name, "--database", url, "--password-stdin"],
            input=password + "\n",
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            cwd=tmp_path,
        )
        assert done.returncode == BAD_INPUT, done.stderr
        assert message in done.stderr
        assert "Traceback" not in done.stderr
    assert not _accepts(url, "short")
