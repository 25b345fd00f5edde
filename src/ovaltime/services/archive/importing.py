"""Importing results into the archive: files and folders, or competitions read elsewhere.

``archive_import`` reads every file it is given, and every ``.txt``, ``.json`` and ``.csv``
file under a folder (recursively, in name order), with ``formats.any_file.load_competition``;
``archive_competitions`` takes competitions already read (a generator, say) and does the rest:

1. **Idempotent.** A competition is identified by its content (``competition_digest``, as
   ``services.competitions.import_competition`` does): one already stored is skipped and
   named in the summary, so importing the same file twice adds nothing.
2. **Identity.** Every skater is resolved to a person (``identity``); spellings attached as
   variants and undecided matches are listed in the summary.
3. **Rink and level** come from the venue and the name (``venues``); a venue that maps to no
   rink is listed.
4. The competition is stored whole (``store.bulk_competitions``) and its individual timed
   results are archived and judged (``entries``, ``judging``).

**Transactions.** Competitions are stored in batches of about ``BATCH_RESULTS`` results, one
transaction per batch, in the order given: a batch is stored entirely or not at all, and
every batch committed stays committed whatever happens to later ones. A file that cannot be
read is reported (file, line, message) and the others are still imported; a batch the
database refuses (a clash with a competition stored meanwhile by another writer) is tried
again competition by competition, and a competition still refused is reported. Events
(``CompetitionImported``) are published after each commit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ovaltime.core.identity import MatchKind
from ovaltime.core.results import Competition
from ovaltime.formats.any_file import CompetitionDetails, load_competition
from ovaltime.formats.problems import FormatError, Problem
from ovaltime.services.archive.combinations import judge_slices, store_competition_totals
from ovaltime.services.archive.entries import competition_entries
from ovaltime.services.archive.identity import Directory
from ovaltime.services.archive.judging import store_entries
from ovaltime.services.archive.summary import (
    AddedCompetition,
    ArchiveSummary,
    FileProblem,
    IdentityNote,
    SkippedCompetition,
)
from ovaltime.services.archive.venues import KnownRink, Venues, level_of, venue_label
from ovaltime.services.competitions import competition_digest
from ovaltime.services.errors import Conflict
from ovaltime.services.events import CompetitionImported
from ovaltime.services.unit import Context, Unit, transaction
from ovaltime.store.archive_tables import RinkRow
from ovaltime.store.bulk_competitions import CompetitionToSave, save_competitions
from ovaltime.store.combination_rows import TotalSlice
from ovaltime.store.tables import CompetitionRow

__all__ = [
    "BATCH_RESULTS",
    "SUFFIXES",
    "Progress",
    "Source",
    "archive_competitions",
    "archive_import",
]

BATCH_RESULTS = 20_000
"""About how many results one transaction of an import stores."""

SUFFIXES = (".txt", ".json", ".csv")
"""The files a folder is searched for."""

Progress = Callable[[ArchiveSummary], None]
"""Called after each committed batch with the summary so far."""


@dataclass(frozen=True, slots=True)
class Source:
    """A competition to archive and where it came from (a file name, or any label).

    ``rink`` (a rink key) and ``level`` replace what the venue and the name would tell.
    """

    name: str
    competition: Competition
    rink: str | None = None
    level: str | None = None


def _files(paths: Iterable[str | Path], summary: ArchiveSummary) -> Iterator[Path]:
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith(".")
            )
            yield from found
        elif path.exists():
            yield path
        else:
            summary.problems.append(FileProblem(str(path), 0, "no such file or folder"))


def _read(
    paths: Iterable[str | Path],
    details: CompetitionDetails | Mapping[str, CompetitionDetails] | None,
    summary: ArchiveSummary,
) -> Iterator[Source]:
    for path in _files(paths, summary):
        given = details.get(path.name) if isinstance(details, Mapping) else details
        try:
            loaded = load_competition(path, given)
        except FormatError as error:
            summary.problems += [_problem(p) for p in error.problems]
            continue
        except ValueError as error:
            summary.problems.append(FileProblem(str(path), 0, str(error)))
            continue
        summary.files_read += 1
        summary.problems += [_problem(p) for p in loaded.problems]
        yield Source(str(path), loaded.competition)


def _problem(problem: Problem) -> FileProblem:
    message = f"{problem.field}: {problem.message}" if problem.field else problem.message
    return FileProblem(problem.source, problem.line, message)


def archive_import(
    context: Context,
    paths: Iterable[str | Path],
    *,
    details: CompetitionDetails | Mapping[str, CompetitionDetails] | None = None,
    progress: Progress | None = None,
    batch_results: int = BATCH_RESULTS,
) -> ArchiveSummary:
    """Import files and folders into the archive (see the module); the summary.

    ``details`` names the competition of files that carry no name, venue or dates (the
    multi-event results CSV): one for all, or one per file name.
    """
    summary = ArchiveSummary()
    return archive_competitions(
        context,
        _read(paths, details, summary),
        progress=progress,
        batch_results=batch_results,
        summary=summary,
    )


def archive_competitions(
    context: Context,
    sources: Iterable[Source],
    *,
    progress: Progress | None = None,
    batch_results: int = BATCH_RESULTS,
    summary: ArchiveSummary | None = None,
) -> ArchiveSummary:
    """Store and archive competitions (see the module); the summary."""
    summary = summary if summary is not None else ArchiveSummary()
    state = _Import(context, summary, progress)
    batch: list[Source] = []
    size = 0
    for source in sources:
        batch.append(source)
        size += sum(len(race.results) for race in source.competition.races)
        if size >= batch_results:
            state.commit(batch)
            batch, size = [], 0
    if batch:
        state.commit(batch)
    return summary


@dataclass
class _Import:
    """One import: its summary so far, and the identities it knows across its batches."""

    context: Context
    summary: ArchiveSummary
    progress: Progress | None
    directory: Directory | None = None

    def commit(self, batch: list[Source], *, report: bool = True) -> None:
        try:
            part = ArchiveSummary()
            with transaction(self.context) as unit:
                _import_settings(unit.session)
                if self.directory is None:
                    self.directory = Directory(unit.session)
                self.directory.begin(unit.session)
                _store(unit, batch, part, self.directory)
        except Conflict as error:
            self.directory = None
            if len(batch) > 1:
                for source in batch:
                    self.commit([source], report=False)
            else:
                problem = FileProblem(batch[0].name, 0, f"not imported: {error}")
                self.summary.problems.append(problem)
        except BaseException:
            self.directory = None
            raise
        else:
            _merge(self.summary, part)
        if report and self.progress is not None:
            self.progress(self.summary)


IMPORT_CACHE_KIB = 65_536
"""The page cache an import's SQLite connection gets (the default, 2 MiB, is for a server's
many small transactions; an import rewrites index pages all over a large database)."""


def _import_settings(session: Session) -> None:
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}"))


def _merge(summary: ArchiveSummary, part: ArchiveSummary) -> None:
    summary.added += part.added
    summary.skipped += part.skipped
    summary.results_stored += part.results_stored
    summary.results_archived += part.results_archived
    summary.not_archived.update(part.not_archived)
    summary.persons_created += part.persons_created
    summary.variants += part.variants
    summary.ambiguous += part.ambiguous
    summary.unmapped_venues |= part.unmapped_venues
    for slice_, since in part.judged_again.items():
        held = summary.judged_again.get(slice_)
        summary.judged_again[slice_] = since if held is None else min(held, since)


def _venues(unit: Unit) -> Venues:
    rows = unit.session.execute(select(RinkRow.id, RinkRow.key, RinkRow.name, RinkRow.nation))
    return Venues([KnownRink(*row) for row in rows])


def _store(unit: Unit, batch: list[Source], summary: ArchiveSummary, directory: Directory) -> None:
    session = unit.session
    digests = [competition_digest(source.competition) for source in batch]
    query = select(CompetitionRow.source_digest, CompetitionRow.id).where(
        CompetitionRow.source_digest.in_(set(digests))
    )
    stored = {digest: ident for digest, ident in session.execute(query) if digest}
    venues = _venues(unit)
    created = directory.created
    chosen: list[tuple[Source, CompetitionToSave, KnownRink | None]] = []
    first: dict[str, str] = {}
    for source, digest in zip(batch, digests, strict=True):
        competition = source.competition
        if digest in stored or digest in first:
            where = f"#{stored[digest]}" if digest in stored else f"in {first[digest]}"
            summary.skipped.append(
                SkippedCompetition(
                    source.name,
                    competition.name,
                    stored.get(digest, 0),
                    f"already imported ({where}): same results",
                )
            )
            continue
        first[digest] = source.name
        resolutions = directory.resolve(competition)
        for r in resolutions:
            if r.kind in (MatchKind.VARIANT, MatchKind.AMBIGUOUS):
                note = IdentityNote(
                    source.name, r.skater.name, r.skater.nation, r.person_id, r.candidates, r.reason
                )
                (summary.variants if r.kind is MatchKind.VARIANT else summary.ambiguous).append(
                    note
                )
        if source.rink is not None:
            rink = venues.by_key(source.rink)
            if rink is None:
                summary.unmapped_venues.add(f"rink key {source.rink!r}")
        else:
            rink = venues.rink_of(competition.venue, competition.nation)
            if rink is None and competition.venue:
                summary.unmapped_venues.add(venue_label(competition.venue, competition.nation))
        persons = {r.skater: r.person_id for r in resolutions}
        item = CompetitionToSave(
            competition,
            source_digest=digest,
            rink_id=rink.id if rink else None,
            level=source.level if source.level is not None else level_of(competition.name),
            persons=persons,
        )
        chosen.append((source, item, rink))
    summary.persons_created += directory.created - created
    directory.flush()
    saved = save_competitions(session, [item for _, item, _ in chosen])
    entries = []
    for (source, item, rink), ids in zip(chosen, saved, strict=True):
        competition = item.competition
        mine = competition_entries(
            competition.races,
            ids.result_ids,
            item.persons or {},
            start=competition.start,
            competition_id=ids.competition_id,
            rink_id=item.rink_id,
            left=summary.not_archived,
        )
        entries += mine
        results = sum(len(r.results) for r in competition.races)
        summary.results_stored += results
        summary.added.append(
            AddedCompetition(
                ids.competition_id,
                competition.name,
                source.name,
                results,
                len(mine),
                rink.key if rink else "",
                item.level,
            )
        )
        unit.emit(CompetitionImported(ids.competition_id, len(competition.races), results))
    summary.results_archived += len(entries)
    judged = store_entries(session, entries)
    slices: set[TotalSlice] = set()
    for (_, item, _), ids in zip(chosen, saved, strict=True):
        slices |= store_competition_totals(
            session, ids.competition_id, item.competition, ids.skater_ids, item.persons or {}
        )
    judge_slices(session, slices)
    summary.judged_again.update({s: order[0] for s, order in judged.again_from.items()})
