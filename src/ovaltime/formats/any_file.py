"""Reading any competition file into a ``Competition``, with the problems its reader found.

The suffix picks the reader: ``.json`` a competition document, ``.csv`` a multi-event results
CSV when its header is ``gender,distance,rank,nation,name,result,behind`` (``event_csv``) and a
race CSV otherwise, anything else an ISU results text. The commands and the import service both
read files through here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ovaltime.core.results import Competition
from ovaltime.formats.event_csv import CompetitionDetails
from ovaltime.formats.problems import Problem
from ovaltime.formats.textfile import read_text

__all__ = ["CompetitionDetails", "Loaded", "load_competition"]


@dataclass
class Loaded:
    """A competition as read, and what the reader skipped (lenient readers keep going)."""

    competition: Competition
    problems: list[Problem] = field(default_factory=list)


def load_competition(path: Path, details: CompetitionDetails | None = None) -> Loaded:
    """A competition document (``.json``), a results CSV (``.csv``) or an ISU results text.

    ``details`` names the competition of a multi-event results CSV, which has no name, venue
    or dates of its own (``event_csv``); the other formats carry theirs and ignore it.
    """
    text = read_text(path)
    source = str(path)
    suffix = path.suffix.lower()
    if suffix == ".json":
        from ovaltime.formats.document import load_competition as load_document

        return Loaded(load_document(text, source))
    if suffix == ".csv":
        from ovaltime.formats.event_csv import is_event_csv, read_event_csv

        if is_event_csv(text):
            events = read_event_csv(text, source, details)
            return Loaded(events.competition, list(events.problems))
        from ovaltime.formats.race_csv import read_race_csv

        race_import = read_race_csv(text, source)
        return Loaded(Competition(path.stem, (race_import.race,)), list(race_import.problems))
    from ovaltime.formats.isu_text import read_isu_text

    isu = read_isu_text(text, source)
    return Loaded(isu.competition, list(isu.problems))
