"""Season rules as data files: points tables, cups and the mass start format of each season.

Each season is one TOML file (docs/seasons.md). The seasons 2014-15 to 2025-26 ship with the
package; a user adds or overrides one without touching code, by a directory in
``OVALTIME_SEASONS`` or by loading a file directly. Every file is validated as a whole: a
``SeasonError`` names each problem with its file and key.
"""

from __future__ import annotations

from ovaltime.rules.calendar import season_of
from ovaltime.rules.errors import SeasonError, SeasonProblem
from ovaltime.rules.files import ENVIRONMENT, available_seasons, load_season, load_season_file

__all__ = [
    "ENVIRONMENT",
    "SeasonError",
    "SeasonProblem",
    "available_seasons",
    "load_season",
    "load_season_file",
    "season_of",
]
