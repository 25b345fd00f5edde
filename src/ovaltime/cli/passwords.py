"""``ovaltime user password NAME``: give an official or admin a password for the entry screens.

The password is asked for twice without being shown, or read from the first line of standard
input with ``--password-stdin`` (for scripts). It is never taken as an argument, which would
leave it in the shell's history and in the process list.
"""

from __future__ import annotations

import sys

from ovaltime.cli.errors import UserError

__all__ = ["read_password", "user_password_command"]


def read_password(from_stdin: bool) -> str:
    """The new password: the first line of standard input, or asked for twice, hidden."""
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise UserError("--password-stdin: standard input holds no password")
        return password
    import typer

    answer: str = typer.prompt("New password", hide_input=True, confirmation_prompt=True)
    return answer


def user_password_command(name: str, database: str | None, *, from_stdin: bool) -> None:
    """Set the password of user ``name`` in the database."""
    from ovaltime.cli.database import open_database, shown
    from ovaltime.services.users import set_password

    password = read_password(from_stdin)
    context, url = open_database(database)
    try:
        set_password(context, name, password)
    finally:
        context.engine.dispose()
    sys.stderr.write(f"ovaltime: set the password of {name!r} in {shown(url)}\n")
