"""Creating competitions and races, and importing whole competitions from core values or files.

**Importing is idempotent per content.** A competition is identified by the SHA-256 of its
competition document (``formats.document.dumps_competition``: the same values give the same
text). Importing the same competition again (the same file, or another file that reads to equal
values) finds the competition already stored and returns it with ``created=False``, changing and
publishing nothing. A file whose results differ in any way is a different competition and is
stored beside the first: an import never overwrites results officials may have corrected.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from ovaltime.core.results import Competition, Race
from ovaltime.core.states import Gender, RaceKind, RaceState
from ovaltime.formats.any_file import load_competition
from ovaltime.formats.document_text import document_text
from ovaltime.services.access import competition_row
from ovaltime.services.errors import Invalid
from ovaltime.services.events import CompetitionCreated, CompetitionImported, RaceAdded
from ovaltime.services.unit import Context, transaction
from ovaltime.store.competitions import save_competition
from ovaltime.store.mapping import race_row
from ovaltime.store.tables import CompetitionRow, RaceRow

__all__ = [
    "Imported",
    "add_race",
    "competition_digest",
    "create_competition",
    "import_competition",
    "import_file",
]


@dataclass(frozen=True, slots=True)
class Imported:
    """The outcome of an import: the competition's id and whether this import created it.

    ``problems`` lists what a file's reader skipped (``file:line: message``), as warnings.
    """

    competition_id: int
    created: bool
    races: int
    results: int
    problems: tuple[str, ...] = ()


def competition_digest(competition: Competition) -> str:
    """The hex SHA-256 of the competition document of ``competition``: its identity on import.

    The text hashed is ``formats.document.dumps_competition``'s, written by the faster
    ``formats.document_text`` (the same text; an archive import hashes a million results).
    """
    return hashlib.sha256(document_text(competition).encode("utf-8")).hexdigest()


def create_competition(
    context: Context,
    name: str,
    *,
    venue: str = "",
    nation: str = "",
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> int:
    """Create an empty competition; its id."""
    if not name.strip():
        raise Invalid("name", "a competition needs a name")
    if start and end and end < start:
        raise Invalid("end", f"the competition ends ({end}) before it starts ({start})")
    with transaction(context) as unit:
        row = CompetitionRow(
            name=name.strip(), venue=venue, nation=nation.upper(), start=start, end=end
        )
        unit.session.add(row)
        unit.session.flush()
        unit.emit(CompetitionCreated(row.id))
        return row.id


def add_race(
    context: Context,
    competition_id: int,
    *,
    distance: int,
    gender: Gender,
    kind: RaceKind = RaceKind.INDIVIDUAL,
    number: int = 1,
    division: str = "",
    title: str = "",
    date: dt.date | None = None,
) -> tuple[int, int]:
    """Add a scheduled race at the end of the competition's programme; (race id, position)."""
    try:
        race = Race(
            distance,
            gender,
            kind=kind,
            number=number,
            division=division,
            title=title,
            date=date,
            state=RaceState.SCHEDULED,
        )
    except ValueError as error:
        field = "number" if "number" in str(error) else "distance"
        raise Invalid(field, str(error)) from None
    with transaction(context) as unit:
        head = competition_row(unit.session, competition_id)
        last = unit.session.scalar(
            select(func.max(RaceRow.position)).where(RaceRow.competition_id == competition_id)
        )
        row = race_row(race, (last or 0) + 1)
        row.competition_id = head.id
        unit.session.add(row)
        unit.session.flush()
        unit.emit(RaceAdded(competition_id, row.id, row.position))
        return row.id, row.position


def import_competition(context: Context, competition: Competition) -> Imported:
    """Store ``competition`` as read by any reader, unless the same one is already stored."""
    digest = competition_digest(competition)
    races = len(competition.races)
    results = sum(len(race.results) for race in competition.races)
    with transaction(context) as unit:
        found = unit.session.scalar(
            select(CompetitionRow.id).where(CompetitionRow.source_digest == digest)
        )
        if found is not None:
            return Imported(found, False, races, results)
        ident = save_competition(unit.session, competition, source_digest=digest)
        unit.emit(CompetitionImported(ident, races, results))
    return Imported(ident, True, races, results)


def import_file(context: Context, path: str | Path) -> Imported:
    """Read a competition document, race CSV or ISU results text and import it.

    The readers are lenient: rows they skip come back as ``problems``; a file that cannot be
    read at all raises ``formats.problems.FormatError`` naming every problem.
    """
    loaded = load_competition(Path(path))
    imported = import_competition(context, loaded.competition)
    problems = tuple(str(problem) for problem in loaded.problems)
    return Imported(
        imported.competition_id, imported.created, imported.races, imported.results, problems
    )
