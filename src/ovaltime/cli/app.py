"""The ``ovaltime`` command: Typer commands over core and formats.

Heavy parts (Rich, JSON Schema, the readers) are imported inside the commands, so that ranking
a CSV starts fast and never loads a web or database stack.
"""

from __future__ import annotations

import sys
from importlib import import_module

import typer

from ovaltime.cli.commands import register
from ovaltime.cli.errors import translate
from ovaltime.cli.report import report_app

app = typer.Typer(
    name="ovaltime",
    help="Results for long-track speed skating: rank races, classify combinations, import files.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
register(app)
import_module("ovaltime.cli.report_text")  # adds "report text" to report_app
app.add_typer(report_app, name="report")


def main() -> None:
    """Console entry point: usage errors are Typer's (exit 2); any other error becomes one line."""
    try:
        app()
    except Exception as error:
        sys.exit(translate(error))
