"""Errors at the edge: one clear line on standard error, a non-zero exit, never a traceback."""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Iterable

from ovaltime.formats.problems import FormatError, Problem
from ovaltime.services.errors import ServiceError

#: Exit status for bad input (files, values, options), as for a usage error.
BAD_INPUT = 2
#: Exit status for a failure of the program itself.
INTERNAL = 70


class UserError(Exception):
    """Bad input found by a command; the message says what and where."""


def report_problems(problems: Iterable[Problem | str], *, prefix: str = "error") -> None:
    for problem in problems:
        sys.stderr.write(f"ovaltime: {prefix}: {problem}\n")


def translate(error: BaseException) -> int:
    """Print ``error`` as the user should see it and return the exit status."""
    if isinstance(error, FormatError):
        report_problems(error.problems)
        return BAD_INPUT
    if isinstance(error, ServiceError):
        sys.stderr.write(f"ovaltime: error: {error}\n")
        return BAD_INPUT
    if isinstance(error, UserError | ValueError):
        sys.stderr.write(f"ovaltime: error: {error}\n")
        return BAD_INPUT
    if isinstance(error, OSError):
        where = f"{error.filename}: " if error.filename else ""
        sys.stderr.write(f"ovaltime: error: {where}{error.strerror or error}\n")
        return BAD_INPUT
    if os.environ.get("OVALTIME_DEBUG"):
        traceback.print_exception(error)
    sys.stderr.write(
        f"ovaltime: internal error: {type(error).__name__}: {error} "
        "(set OVALTIME_DEBUG=1 for details)\n"
    )
    return INTERNAL
