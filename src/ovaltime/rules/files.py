"""Where season files live and how one is read: shipped, user directories, explicit paths.

A season is looked up by file name (``2016-17.toml``) in the directories given to the call,
then those in ``OVALTIME_SEASONS``, then the seasons shipped in this package: the first file
found wins, so a user's file overrides the shipped season of the same name.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterator, Sequence
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from ovaltime.core.season import SeasonRules
from ovaltime.rules.errors import SeasonError, SeasonProblem
from ovaltime.rules.schema import build_season

__all__ = ["ENVIRONMENT", "available_seasons", "load_season", "load_season_file"]

ENVIRONMENT = "OVALTIME_SEASONS"
_SUFFIX = ".toml"
_NAME = re.compile(r"\d{4}-\d{2}")
_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def load_season_file(path: str | os.PathLike[str]) -> SeasonRules:
    """The season described by the TOML file at ``path``; any file name will do."""
    return _read(Path(path), str(path))


def load_season(name: str, *, search: Sequence[Path] = ()) -> SeasonRules:
    """The rules of season ``name`` (``"2016-17"``) from the first directory that has them.

    ``search`` comes first, then the directories in ``OVALTIME_SEASONS``, then the shipped
    seasons. Raises ``SeasonError`` naming the known seasons when none has ``name``.
    """
    folders = _folders(search) if _NAME.fullmatch(name) else iter(())  # never a path: "../x"
    for folder, label in folders:
        candidate = folder / f"{name}{_SUFFIX}"
        if not candidate.is_file():
            continue
        rules = _read(candidate, label + candidate.name)
        if rules.season != name:
            message = f"says {rules.season!r} in a file named {name}"
            raise SeasonError([SeasonProblem(rules.source, message, "season")])
        return rules
    known = ", ".join(available_seasons(search=search)) or "none"
    raise SeasonError(f"unknown season {name!r} (known: {known})")


def available_seasons(*, search: Sequence[Path] = ()) -> list[str]:
    """Every season name with a file in ``search``, ``OVALTIME_SEASONS`` or the package."""
    names = {
        entry.name.removesuffix(_SUFFIX)
        for folder, _ in _folders(search)
        for entry in folder.iterdir()
        if entry.is_file()
        and entry.name.endswith(_SUFFIX)
        and _NAME.fullmatch(entry.name.removesuffix(_SUFFIX))
    }
    return sorted(names)


def _folders(search: Sequence[Path]) -> Iterator[tuple[Traversable, str]]:
    """The directories to look in, in order, each with the prefix that names its files."""
    from_environment = [Path(p) for p in os.environ.get(ENVIRONMENT, "").split(os.pathsep) if p]
    for origin, folders in (("search", list(search)), (ENVIRONMENT, from_environment)):
        for folder in folders:
            if not folder.is_dir():
                raise SeasonError(f"{origin}: {folder} is not a directory of season files")
            yield folder, f"{folder}{os.sep}"
    yield resources.files("ovaltime.rules").joinpath("seasons"), ""


def _read(file: Traversable, source: str) -> SeasonRules:
    """Read and validate one file; a syntax error names its line and column."""
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise SeasonError(f"{source}: cannot read: {error}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        at = _AT.search(message)
        line, column = (int(at[1]), int(at[2])) if at else (0, 0)
        message = message[: at.start()] if at else message
        raise SeasonError([SeasonProblem(source, message, line=line, column=column)]) from None
    return build_season(data, source)
