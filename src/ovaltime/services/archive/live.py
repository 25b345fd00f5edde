"""Archiving a result as it is recorded or corrected on the competition server.

``services.results`` calls ``archive_result`` inside its own transaction, after the result is
written and audited, so that the archive changes with the result or not at all:

1. The skater is resolved to a person, once (``skaters.person_id``), like an import does.
2. The result's earlier entry, if any, is removed; a new entry is judged if the result is one
   the archive keeps (``entries``). A result recorded in a race without a date, of a
   competition without one, is dated on the day it is recorded (UTC).
3. Where a correction changed history (an entry removed or judged before later ones), the
   distance is judged again from that date and the person's bests and Adelskalender points
   are computed again from their results.
4. **Flags for the live pages.** A result list announces only what improves on something
   the archive held: a best the skater had (``ArchiveEntry.claims``), a record that another
   competition set before. The first results the archive holds on a distance are archived
   as records and bests, but a club race on a new database announces no world record, and
   a skater who equals the time their pair partner set a minute before no record. They are
   written to ``results.records`` of the result, and of any other result whose flags the
   judging changed, when that result's race is being entered (live or unofficial) and its
   ``records`` are empty or still flags the archive computed before: flags a source
   published are never overwritten. This is a plain update of the derived column; the
   result's version (an official's change) stays as it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ovaltime.core.records import RECORD_KINDS
from ovaltime.core.results import Race, Result, Skater
from ovaltime.core.states import Gender, RaceState, Status
from ovaltime.core.times import Time
from ovaltime.services.archive.entries import entry_of, race_left_out
from ovaltime.services.archive.identity import Directory
from ovaltime.services.archive.judging import Slice, store_entries, update_adelskalender
from ovaltime.store.archive_best_rows import recompute_bests
from ovaltime.store.archive_book import record_scope, scopes_known_elsewhere
from ovaltime.store.archive_entries import (
    ArchiveEntry,
    Order,
    delete_entries,
    entries_for_results,
)
from ovaltime.store.tables import CompetitionRow, RaceRow, ResultRow, SkaterRow

__all__ = ["archive_result"]

_ENTERED = (RaceState.LIVE, RaceState.UNOFFICIAL)


def _person(session: Session, skater_row: SkaterRow, race: RaceRow) -> int:
    if skater_row.person_id is not None:
        return skater_row.person_id
    others = session.scalars(
        select(SkaterRow.person_id).where(
            SkaterRow.competition_id == skater_row.competition_id,
            SkaterRow.id != skater_row.id,
            SkaterRow.person_id.is_not(None),
        )
    )
    directory = Directory(session)
    skater = Skater(skater_row.name, skater_row.nation, skater_row.age_group)
    gender = None if race.gender is Gender.MIXED else race.gender
    (resolution,) = directory.resolve_skaters([(skater, gender)], [p for p in others if p])
    directory.flush()
    skater_row.person_id = resolution.person_id
    return resolution.person_id


def _entry(session: Session, row: ResultRow, race: RaceRow) -> ArchiveEntry | None:
    """The entry the result makes now, or None when the archive does not keep it."""
    core = Race(race.distance, race.gender, kind=race.kind, title=race.title)
    if race_left_out(core) is not None:
        return None
    if row.status is not Status.OK or row.time_thousandths is None:
        return None
    competition = session.get(CompetitionRow, race.competition_id)
    assert competition is not None
    date = race.date or competition.start or dt.datetime.now(dt.UTC).date()
    skater = Skater(row.skater.name, row.skater.nation, row.skater.age_group)
    result = Result(skater, Time(row.time_thousandths), pair=row.pair)
    return entry_of(
        result,
        result_id=row.id,
        person_id=_person(session, row.skater, race),
        race=core,
        position=race.position,
        date=date,
        competition_id=race.competition_id,
        rink_id=competition.rink_id,
    )


def archive_result(session: Session, row: ResultRow, race: RaceRow) -> str:
    """Bring the archive in line with the result as it now stands (see the module); the
    flags it computed for it ("" when the archive does not keep it)."""
    (old,) = entries_for_results(session, [row.id]) or (None,)
    new = _entry(session, row, race)
    again: dict[Slice, Order] = {}
    if old is not None:
        delete_entries(session, [row.id])
        again[(old.distance, old.gender)] = old.order
    judged = store_entries(session, [new] if new else [], again_from=again, claims=True)
    if old is not None:
        recompute_bests(session, [old.person_id], [old.distance])
        update_adelskalender(session, [], {}, (), recompute=[old.person_id])
    before = {row.id: old.flags if old else ""}
    before.update(judged.before)
    after = {
        e.result_id: _announced(session, e) for e in [*([new] if new else []), *judged.changed]
    }
    after.setdefault(row.id, "")
    _write_records(session, after, before)
    return new.flags if new else ""


def _announced(session: Session, entry: ArchiveEntry) -> str:
    """The flags of ``entry`` a result list announces (see the module)."""
    claims = entry.claims.split()
    if not any(flag in RECORD_KINDS for flag in claims):
        return entry.claims
    known = scopes_known_elsewhere(
        session, entry.distance, entry.gender, entry.competition_id, entry.order
    )
    return " ".join(
        flag
        for flag in claims
        if flag not in RECORD_KINDS
        or (flag, record_scope(flag, entry.nation, entry.rink_id)) in known
    )


def _write_records(session: Session, after: Mapping[int, str], before: Mapping[int, str]) -> None:
    """Write computed flags into ``results.records`` where the rule of the module allows."""
    rows = session.execute(
        select(ResultRow.id, ResultRow.records)
        .join(RaceRow, RaceRow.id == ResultRow.race_id)
        .where(ResultRow.id.in_(list(after)), RaceRow.state.in_(_ENTERED))
    )
    for result_id, records in rows:
        held = [str(r) for r in records or []]
        if not set(held) <= set(before.get(result_id, "").split()):
            continue
        wanted = after[result_id].split()
        if held != wanted:
            session.execute(
                update(ResultRow).where(ResultRow.id == result_id).values(records=wanted),
                execution_options={"synchronize_session": False},
            )
