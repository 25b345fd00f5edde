"""What an archive import did: a summary for the command line, the API and the tests."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from ovaltime.core.states import Gender

__all__ = [
    "AddedCompetition",
    "ArchiveSummary",
    "FileProblem",
    "IdentityNote",
    "SkippedCompetition",
]


@dataclass(frozen=True, slots=True)
class AddedCompetition:
    """A competition the import stored; ``rink`` is the key of its rink ("" when none)."""

    competition_id: int
    name: str
    source: str
    results: int
    archived: int
    rink: str
    level: str


@dataclass(frozen=True, slots=True)
class SkippedCompetition:
    """A competition not stored, because an equal one already is (``competition_id``)."""

    source: str
    name: str
    competition_id: int
    reason: str


@dataclass(frozen=True, slots=True)
class IdentityNote:
    """A skater attached to a person under another spelling (variant), or given a new person
    because the matcher could not decide (ambiguous: for review)."""

    source: str
    name: str
    nation: str
    person_id: int
    candidates: tuple[int, ...]
    reason: str


@dataclass(frozen=True, slots=True)
class FileProblem:
    """Something a reader skipped or doubted (``line`` 0: the whole file)."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


@dataclass
class ArchiveSummary:
    """Everything one import did and met, in the order it met it."""

    files_read: int = 0
    added: list[AddedCompetition] = field(default_factory=list)
    skipped: list[SkippedCompetition] = field(default_factory=list)
    results_stored: int = 0
    """Results stored with the competitions added (every status, every kind of race)."""
    results_archived: int = 0
    """Of those, the results the archive keeps (individual, timed, dated)."""
    not_archived: Counter[str] = field(default_factory=Counter)
    """Results stored but not archived, by reason (``no date``, ``status DNF``, ...)."""
    persons_created: int = 0
    variants: list[IdentityNote] = field(default_factory=list)
    ambiguous: list[IdentityNote] = field(default_factory=list)
    unmapped_venues: set[str] = field(default_factory=set)
    problems: list[FileProblem] = field(default_factory=list)
    judged_again: dict[tuple[int, Gender], dt.date] = field(default_factory=dict)
    """Distances and genders whose history was judged again, from which date."""

    @property
    def competitions_added(self) -> int:
        return len(self.added)

    @property
    def competitions_skipped(self) -> int:
        return len(self.skipped)
