"""Judging archived results: record flags, bests and the Adelskalender, kept in step.

**Flags mean "at the time of the result, given everything the archive holds".** Results are
judged in the archive's chronology (``ArchiveEntry.order``: date, competition, race and pair);
results of one race whose pairs are unknown are judged together, each against what stood
before them (so two skaters of one race under the old record both get it: the archive cannot
tell who skated first). Within a known pair, the faster skater finished first and is judged
first. Everything is judged per distance and gender, since no flag compares results across
them.

* **Appending.** New results that come after everything archived on their distance and gender
  are judged against a record book seeded with what stands now: the records
  (``archive_records``) and the new results' persons' stored bests (``archive_bests``).
* **Judging history again.** New results that fall before (or together with) results already
  archived on their distance and gender make the judge replay that distance and gender from
  the earliest new result on: the book is seeded with what stood before it, every result from
  there on is judged again in order, and the flags that changed are written.
  Corrections and merges of persons ask for the same (``again_from``).

Bests are merged (the best of a set does not depend on the order it arrives in), the
Adelskalender points of the persons concerned follow their personal bests, each change kept
with its date: appended when the person's new results come after their archived ones,
computed again from all of the person's results otherwise. ``results.records`` (the flags a
source published) is never touched here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from operator import attrgetter

from sqlalchemy.orm import Session

from ovaltime.core.records import (
    ADELSKALENDER_DISTANCES,
    RECORD_FLAGS,
    RECORD_KINDS,
    RecordBook,
    adelskalender_points,
    season_start,
)
from ovaltime.core.states import Gender
from ovaltime.core.times import Time
from ovaltime.services.archive.entries import PAIR_SLOTS
from ovaltime.store.adelskalender_rows import (
    PointsChange,
    add_changes,
    drop_adelskalender,
    save_standings,
)
from ovaltime.store.archive_best_rows import merge_bests, recompute_bests
from ovaltime.store.archive_book import (
    RecordMark,
    add_record_marks,
    bests_before,
    drop_record_marks,
    personal_bests,
    record_scope,
    standing_records,
    stored_bests,
)
from ovaltime.store.archive_entries import (
    ArchiveEntry,
    Order,
    entries_from,
    entries_of_persons,
    insert_entries,
    latest_order,
    update_flags,
)
from ovaltime.store.archive_locks import lock_slices
from ovaltime.store.archive_tables import ALL_TIME

__all__ = [
    "Judged",
    "Slice",
    "flags_text",
    "rejudge_persons",
    "store_entries",
    "update_adelskalender",
]

Slice = tuple[int, Gender]
"""A distance and gender: the unit of judging."""


@dataclass
class Judged:
    """What a call of ``store_entries`` did."""

    added: int = 0
    changed: list[ArchiveEntry] = field(default_factory=list)
    """Stored entries whose flags changed (their new flags set)."""
    before: dict[int, str] = field(default_factory=dict)
    """The earlier flags of the changed entries, by result id."""
    again_from: dict[Slice, Order] = field(default_factory=dict)
    """The distances and genders judged again, from which place in the chronology."""


_KNOWN_FLAGS = frozenset(RECORD_FLAGS)
_FLAGS_TEXT: dict[frozenset[str], str] = {}
"""The text of each set of ``RECORD_FLAGS`` written so far (at most 256 of them)."""


def flags_text(flags: Iterable[str]) -> str:
    """Flags as stored: in ``RECORD_FLAGS`` order, one space apart (``"WR NR PB SB"``)."""
    if isinstance(flags, frozenset) and flags <= _KNOWN_FLAGS:
        text = _FLAGS_TEXT.get(flags)
        if text is None:
            text = _FLAGS_TEXT[flags] = _flags_text(flags)
        return text
    return _flags_text(set(flags))


def _flags_text(chosen: Collection[str]) -> str:
    return " ".join(flag for flag in RECORD_FLAGS if flag in chosen)


def _on(judge: Callable[..., frozenset[str]], e: ArchiveEntry, **options: bool) -> frozenset[str]:
    """``judge`` (a book's ``judge_hundredths`` or ``add_hundredths``) of the entry's values."""
    return judge(
        e.person_id,
        e.distance,
        e.gender,
        season_start(e.date),
        e.time_thousandths // 10,
        nation=e.nation,
        rink=e.rink_id,
        junior=e.junior,
        **options,
    )


def _judged(book: RecordBook, e: ArchiveEntry, *, firsts: bool = True) -> frozenset[str]:
    return _on(book.judge_hundredths, e, firsts=firsts)


def _added(book: RecordBook, e: ArchiveEntry) -> frozenset[str]:
    return _on(book.add_hundredths, e)


_NO_FLAGS: frozenset[str] = frozenset()
_order = attrgetter("order")
_thousandths = attrgetter("time_thousandths")


def _judge(book: RecordBook, entries: Sequence[ArchiveEntry], claims: bool) -> None:
    """Set the flags of ``entries`` (in order), and their claims if asked: see the module for
    equal ``order``."""
    for (_, _, sequence), run in groupby(entries, key=_order):
        group = list(run)
        if len(group) == 1 or sequence % PAIR_SLOTS:
            group.sort(key=_thousandths)
            for e in group:
                if claims:
                    e.claims = flags_text(_judged(book, e, firsts=False))
                e.flags = flags_text(_added(book, e))
            continue
        judged = [
            (_judged(book, e), _judged(book, e, firsts=False) if claims else _NO_FLAGS)
            for e in group
        ]
        for e, (earned, claimed) in zip(group, judged, strict=True):
            _added(book, e)
            e.flags = flags_text(earned)
            e.claims = flags_text(claimed)


def _seed_records(book: RecordBook, slice_: Slice, records: Iterable[tuple[str, str, int]]) -> None:
    distance, gender = slice_
    for kind, scope, hundredths in records:
        if kind.startswith("TR"):
            book.seed_record(kind, distance, gender, hundredths, rink=int(scope))
        elif kind.startswith("NR"):
            book.seed_record(kind, distance, gender, hundredths, nation=scope)
        else:
            book.seed_record(kind, distance, gender, hundredths)


def _seed_bests(book: RecordBook, distance: int, bests: Mapping[tuple[int, int], int]) -> None:
    for (person, season), hundredths in bests.items():
        if season == ALL_TIME:
            book.seed_personal_best(person, distance, hundredths)
        else:
            book.seed_season_best(person, distance, season, hundredths)


def _marks(entries: Iterable[ArchiveEntry]) -> list[RecordMark]:
    marks = []
    for e in entries:
        if not e.flags:
            continue
        for kind in e.flags.split():
            if kind in RECORD_KINDS:
                scope = record_scope(kind, e.nation, e.rink_id)
                marks.append(
                    RecordMark(
                        e.result_id,
                        kind,
                        scope,
                        e.distance,
                        e.gender,
                        e.date,
                        e.competition_id,
                        e.sequence,
                        e.hundredths,
                    )
                )
    return marks


@dataclass
class _Batch:
    judged: Judged
    marks: list[RecordMark] = field(default_factory=list)
    claims: bool = False


def _append(session: Session, batch: _Batch, slice_: Slice, new: list[ArchiveEntry]) -> None:
    distance, gender = slice_
    book = RecordBook()
    _seed_records(book, slice_, standing_records(session, distance, gender))
    persons = {e.person_id for e in new}
    _seed_bests(
        book, distance, stored_bests(session, distance, gender, persons, {e.season for e in new})
    )
    _judge(book, new, batch.claims)
    batch.marks += _marks(new)


def _again(
    session: Session, batch: _Batch, slice_: Slice, new: list[ArchiveEntry], since: Order
) -> None:
    distance, gender = slice_
    stored = entries_from(session, distance, gender, since)
    before = {e.id: e.flags for e in stored}
    replay = sorted([*stored, *new], key=lambda e: e.order)
    book = RecordBook()
    _seed_records(book, slice_, standing_records(session, distance, gender, since))
    persons = {e.person_id for e in replay}
    _seed_bests(book, distance, bests_before(session, distance, gender, persons, since))
    _judge(book, replay, batch.claims)
    for entry in stored:
        if entry.flags != before[entry.id]:
            batch.judged.changed.append(entry)
            batch.judged.before[entry.result_id] = before[entry.id]
    drop_record_marks(session, distance, gender, since)
    batch.marks += _marks(replay)
    batch.judged.again_from[slice_] = since


def store_entries(
    session: Session,
    entries: Sequence[ArchiveEntry],
    *,
    again_from: Mapping[Slice, Order] | None = None,
    claims: bool = False,
) -> Judged:
    """Judge and store new entries; judge the slices in ``again_from`` again from there on.

    Flags of the new entries are set (and their ``claims``, if asked); stored entries whose
    flags change are updated; records, bests and the Adelskalender follow. Runs in the
    caller's transaction, holding the lock of each distance and gender it judges until the
    transaction ends (``store.archive_locks``).
    """
    batch = _Batch(Judged(added=len(entries)), claims=claims)
    slices: dict[Slice, list[ArchiveEntry]] = defaultdict(list)
    for entry in entries:
        slices[(entry.distance, entry.gender)].append(entry)
    forced = dict(again_from or {})
    lock_slices(session, set(slices) | set(forced))
    horizons = {s: latest_order(session, *s) for s in _with_adelskalender(set(slices))}
    for slice_ in sorted(set(slices) | set(forced), key=lambda s: (s[0], s[1].value)):
        new = sorted(slices.get(slice_, []), key=lambda e: e.order)
        since = forced.get(slice_)
        horizon = horizons.get(slice_)
        if new and horizon is not None and new[0].order <= horizon:
            since = min(since or new[0].order, new[0].order)
        if since is None:
            _append(session, batch, slice_, new)
        else:
            _again(session, batch, slice_, new, since)
    appended = _appended(entries, horizons, batch.judged.again_from)
    counted = {e.person_id for e in entries if e.gender in appended and _counted(e)}
    pbs_before = personal_bests(session, counted, {500, 1500, 3000, 5000, 10000})
    insert_entries(session, entries)
    update_flags(session, [(e.id, e.flags) for e in batch.judged.changed if e.id is not None])
    add_record_marks(session, batch.marks)
    merge_bests(session, entries)
    update_adelskalender(session, entries, pbs_before, appended)
    return batch.judged


def _with_adelskalender(slices: set[Slice]) -> set[Slice]:
    """The slices, and every Adelskalender slice of a gender one of them belongs to."""
    wider = set(slices)
    for distance, gender in slices:
        if distance in ADELSKALENDER_DISTANCES.get(gender, ()):
            wider.update((d, gender) for d in ADELSKALENDER_DISTANCES[gender])
    return wider


def _appended(
    entries: Iterable[ArchiveEntry],
    horizons: Mapping[Slice, Order | None],
    again: Mapping[Slice, Order],
) -> set[Gender]:
    """The genders whose new Adelskalender entries all come after every archived result on
    the four distances: their persons' points can be brought forward from their PBs."""
    first: dict[Gender, Order] = {}
    for e in entries:
        if _counted(e) and (e.gender not in first or e.order < first[e.gender]):
            first[e.gender] = e.order
    appended = set()
    for gender, earliest in first.items():
        slices = [(d, gender) for d in ADELSKALENDER_DISTANCES[gender]]
        if any(s in again for s in slices):
            continue
        latest = [h for s in slices if (h := horizons.get(s)) is not None]
        if all(earliest > horizon for horizon in latest):
            appended.add(gender)
    return appended


def _counted(entry: ArchiveEntry) -> bool:
    return entry.distance in ADELSKALENDER_DISTANCES.get(entry.gender, ())


def _replay(
    person: int, gender: Gender, pbs: dict[int, int], entries: Iterable[ArchiveEntry]
) -> list[PointsChange]:
    """Every change of the points as the entries (in order) improve the PBs ``pbs``."""
    distances = ADELSKALENDER_DISTANCES[gender]

    def points() -> int | None:
        if any(d not in pbs for d in distances):
            return None
        return adelskalender_points({d: Time(pbs[d] * 10) for d in distances}, gender)

    current = points()
    changes = []
    for e in entries:
        hundredths = e.time_thousandths // 10
        held = pbs.get(e.distance)
        if held is not None and hundredths >= held:
            continue
        pbs[e.distance] = hundredths
        now = points()
        if now is not None and now != current:
            changes.append(PointsChange(person, gender, e.date, now))
            current = now
    return changes


def update_adelskalender(
    session: Session,
    entries: Iterable[ArchiveEntry],
    pbs_before: Mapping[tuple[int, int], int],
    appended: Iterable[Gender],
    *,
    recompute: Iterable[int] = (),
) -> None:
    """Bring the points of the persons of ``entries`` up to date.

    For a gender in ``appended`` the entries came after everything archived: their persons'
    changes are appended from ``pbs_before``. Otherwise (and for the persons in
    ``recompute``) the points and their history are computed again from all their results.
    """
    incremental = set(appended)
    new: dict[int, list[ArchiveEntry]] = defaultdict(list)
    again = set(recompute)
    for e in entries:
        if _counted(e):
            if e.gender in incremental:
                new[e.person_id].append(e)
            else:
                again.add(e.person_id)
    standings: list[PointsChange] = []
    changes: list[PointsChange] = []
    for person, mine in new.items():
        if person in again:
            continue
        gender = mine[0].gender
        pbs = {
            d: pbs_before[(person, d)]
            for d in ADELSKALENDER_DISTANCES[gender]
            if (person, d) in pbs_before
        }
        found = _replay(person, gender, pbs, sorted(mine, key=_order))
        changes += found
        if found:
            standings.append(found[-1])
    if again:
        drop_adelskalender(session, again)
        by_person: dict[int, list[ArchiveEntry]] = defaultdict(list)
        for e in entries_of_persons(session, again, {500, 1500, 3000, 5000, 10000}):
            if _counted(e):
                by_person[e.person_id].append(e)
        for person, mine in by_person.items():
            found = _replay(person, mine[-1].gender, {}, mine)
            changes += found
            if found:
                standings.append(found[-1])
    add_changes(session, changes)
    save_standings(session, standings)


def rejudge_persons(session: Session, person_ids: Iterable[int]) -> list[ArchiveEntry]:
    """Judge the PB and SB flags of these persons' entries again (after their results moved
    between persons); returns the entries whose flags changed. Records do not depend on who
    skated, so their flags stay; bests and Adelskalender points are computed again."""
    persons = set(person_ids)
    entries = entries_of_persons(session, persons)
    changed = []
    books: dict[int, RecordBook] = defaultdict(RecordBook)
    for entry in entries:
        personal = _added(books[entry.person_id], entry) & {"PB", "SB"}
        kept = set(entry.flags.split()) - {"PB", "SB"}
        flags = flags_text(kept | personal)
        if flags != entry.flags:
            entry.flags = flags
            changed.append(entry)
    update_flags(session, [(e.id, e.flags) for e in changed if e.id is not None])
    recompute_bests(session, persons)
    update_adelskalender(session, [], {}, (), recompute=persons)
    return changed
