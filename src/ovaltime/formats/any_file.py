"""Reading any competition file into a ``Competition``, with the problems its reader found.

The suffix picks the reader: ``.json`` a competition document, ``.csv`` a race CSV, anything else
an ISU results text. The commands and the import service both read files through here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ovaltime.core.results import Competition
from ovaltime.formats.problems import Problem
from ovaltime.formats.textfile import read_text

__all__ = ["Loaded", "load_competition"]


@dataclass
class Loaded:
    """A competition as read, and what the reader skipped (lenient readers keep going)."""

    competition: Competition
    problems: list[Problem] = field(default_factory=list)


def load_competition(path: Path) -> Loaded:
    """A competition document (``.json``), a race CSV (``.csv``) or an ISU results text."""
    text = read_text(path)
    source = str(path)
    suffix = path.suffix.lower()
    if suffix == ".json":
        from ovaltime.formats.document import load_competition as load_document

        return Loaded(load_document(text, source))
    if suffix == ".csv":
        from ovaltime.formats.race_csv import read_race_csv

        race_import = read_race_csv(text, source)
        return Loaded(Competition(path.stem, (race_import.race,)), list(race_import.problems))
    from ovaltime.formats.isu_text import read_isu_text

    isu = read_isu_text(text, source)
    return Loaded(isu.competition, list(isu.problems))
