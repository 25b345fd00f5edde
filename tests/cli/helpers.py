"""Running ``ovaltime`` as a user does: the console script in a subprocess, or Typer in-process.

``run`` starts the real command (the ``ovaltime`` script beside the test's Python, else
``python -m ovaltime``) and is used where start-up, exit status or a traceback matter.
``invoke`` runs the Typer app in-process, for tests that only need the output and the status.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from ovaltime.cli.app import app

SCRIPT = Path(sys.executable).with_name("ovaltime")
COMMAND = [str(SCRIPT)] if SCRIPT.is_file() else [sys.executable, "-m", "ovaltime"]

#: Exit status for bad input, as ``ovaltime.cli.errors.BAD_INPUT`` documents it.
BAD_INPUT = 2


@dataclass(frozen=True)
class Outcome:
    """What the user sees: exit status, standard output and standard error."""

    status: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        assert self.status == 0, self.stderr
        return json.loads(self.stdout)

    def lines(self) -> list[str]:
        """Standard error as lines, blank ones left out."""
        return [line for line in self.stderr.splitlines() if line.strip()]


def _environment() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "OVALTIME_DEBUG"}
    env["PYTHONIOENCODING"] = "utf-8"
    env["COLUMNS"] = "160"
    return env


def run(*args: str | Path, cwd: Path) -> Outcome:
    """``ovaltime ARGS`` in a subprocess started in ``cwd``."""
    done = subprocess.run(
        [*COMMAND, *map(str, args)],
        cwd=cwd,
        env=_environment(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    return Outcome(done.returncode, done.stdout, done.stderr)


def invoke(*args: str | Path) -> Outcome:
    """``ovaltime ARGS`` in-process; an exception that escapes the command fails the test."""
    result = CliRunner().invoke(app, [str(arg) for arg in args], catch_exceptions=False)
    return Outcome(result.exit_code, result.stdout, result.stderr)


def write(folder: Path, name: str, text: str) -> Path:
    """A UTF-8 file ``name`` in ``folder`` holding ``text`` (leading blank lines and the
    indentation of a triple-quoted literal removed)."""
    path = folder / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def table_line(output: str, skater: str) -> list[str]:
    """The cells of the first table row naming ``skater`` (cells are at least two spaces
    apart; a name's single spaces stay inside its cell)."""
    for line in output.splitlines():
        if skater in line:
            return re.split(r"\s{2,}", line.strip())
    raise AssertionError(f"no row for {skater!r} in:\n{output}")
