"""What the entry screen shows: the race, its pairs with what is recorded, the pair being
entered, the states it can move to, and its audit log. Plain values read in one session."""

from __future__ import annotations

from dataclasses import dataclass

from ovaltime.core.distances import split_points
from ovaltime.core.results import Result
from ovaltime.core.states import RaceKind, RaceState
from ovaltime.services.errors import NotFound
from ovaltime.services.races import ORDER
from ovaltime.services.unit import Context
from ovaltime.store.audit import audit_entries
from ovaltime.store.competitions import competition_name
from ovaltime.store.engine import read_session
from ovaltime.store.entries import Entry, find_race_entries
from ovaltime.web.entry.audit_lines import AuditLine, audit_lines

__all__ = ["EntryRow", "PairView", "Screen", "load_screen", "outcome_text"]


def outcome_text(result: Result | None) -> str:
    """A recorded outcome as officials write it: ``37.34``, ``DQ T08``, ``1:52.85 fell``."""
    if result is None:
        return ""
    text = str(result.time) if result.time is not None else result.status.value
    if result.infraction:
        text += f" {result.infraction}"
    return text + (" fell" if result.fell else "")


@dataclass(frozen=True, slots=True)
class EntryRow:
    """One skater on the screen, with what is recorded for them so far."""

    result_id: int
    version: int
    skater: str
    nation: str
    age_group: str
    pair: int | None
    lane: str
    passages: dict[int, str]
    recorded: bool
    outcome: str
    time: str
    status: str
    infraction: str
    fell: bool

    @classmethod
    def of(cls, entry: Entry) -> EntryRow:
        result = entry.result
        return cls(
            result_id=entry.result_id,
            version=entry.version,
            skater=entry.skater.name,
            nation=entry.skater.nation,
            age_group=entry.skater.age_group,
            pair=entry.pair,
            lane=entry.lane.value if entry.lane else "",
            passages={p.metres: str(p.time) for p in entry.passages},
            recorded=result is not None,
            outcome=outcome_text(result),
            time=str(result.time) if result is not None and result.time is not None else "",
            status=result.status.value if result is not None else "OK",
            infraction=result.infraction if result is not None else "",
            fell=result.fell if result is not None else False,
        )


@dataclass(frozen=True, slots=True)
class PairView:
    """A pair (``number`` ``None`` for skaters without one) and its skaters, inner lane first."""

    number: int | None
    rows: tuple[EntryRow, ...]

    @property
    def complete(self) -> bool:
        return all(row.recorded for row in self.rows)

    @property
    def key(self) -> str:
        return str(self.number) if self.number is not None else "none"


@dataclass(frozen=True, slots=True)
class Screen:
    """Everything the entry screen of one race shows."""

    competition_id: int
    competition_name: str
    position: int
    race_id: int
    name: str
    distance: int
    kind: str
    state: str
    splits: tuple[int, ...]
    pairs: tuple[PairView, ...]
    current: PairView | None
    audit: tuple[AuditLine, ...]

    @property
    def path(self) -> str:
        return f"/competitions/{self.competition_id}/races/{self.position}/entry"

    @property
    def api_path(self) -> str:
        return f"/api/competitions/{self.competition_id}/races/{self.position}"

    @property
    def entering(self) -> bool:
        """Whether results can be entered now (live or unofficial)."""
        return self.state in (RaceState.LIVE.value, RaceState.UNOFFICIAL.value)

    @property
    def start_list_open(self) -> bool:
        return self.state in (RaceState.SCHEDULED.value, RaceState.LIVE.value)

    @property
    def forward(self) -> str | None:
        at = ORDER.index(RaceState(self.state))
        return ORDER[at + 1].value if at + 1 < len(ORDER) else None

    @property
    def back(self) -> str | None:
        at = ORDER.index(RaceState(self.state))
        return ORDER[at - 1].value if at > 0 else None

    @property
    def rows(self) -> tuple[EntryRow, ...]:
        return tuple(row for pair in self.pairs for row in pair.rows)

    def neighbour(self, step: int) -> PairView | None:
        """The pair ``step`` places after (or before) the current one."""
        if self.current is None:
            return None
        at = self.pairs.index(self.current) + step
        return self.pairs[at] if 0 <= at < len(self.pairs) else None


def _pairs(entries: list[Entry]) -> tuple[PairView, ...]:
    grouped: dict[int | None, list[EntryRow]] = {}
    for entry in entries:
        grouped.setdefault(entry.pair, []).append(EntryRow.of(entry))
    ordered = sorted(grouped.items(), key=lambda item: (item[0] is None, item[0] or 0))
    lane_order = {"inner": 0, "outer": 1, "": 2}
    return tuple(
        PairView(number, tuple(sorted(rows, key=lambda r: lane_order[r.lane])))
        for number, rows in ordered
    )


def _current(pairs: tuple[PairView, ...], asked: int | None) -> PairView | None:
    """The pair asked for, else the first with a skater still to record, else the last."""
    if asked is not None:
        for pair in pairs:
            if pair.number == asked:
                return pair
    for pair in pairs:
        if not pair.complete:
            return pair
    return pairs[-1] if pairs else None


def load_screen(
    context: Context, competition_id: int, position: int, pair: int | None = None
) -> Screen:
    """The entry screen of race ``position`` of the competition, on ``pair`` (or the next to
    enter); ``NotFound`` when there is no such race."""
    with read_session(context.engine) as session:
        loaded = find_race_entries(session, competition_id, position)
        if loaded is None:
            raise NotFound("race", f"{position} of competition {competition_id}")
        found, entries = loaded
        competition = competition_name(session, competition_id)
        audit = audit_entries(session, race_id=found.id)
    race = found.race
    pairs = _pairs(entries)
    splits = (
        tuple(m for m in split_points(race.distance) if m < race.distance)
        if race.kind is RaceKind.INDIVIDUAL
        else ()
    )
    return Screen(
        competition_id=competition_id,
        competition_name=competition or "",
        position=position,
        race_id=found.id,
        name=race.name,
        distance=race.distance,
        kind=race.kind.value,
        state=race.state.value,
        splits=splits,
        pairs=pairs,
        current=_current(pairs, pair),
        audit=tuple(audit_lines(audit, {e.result_id: e.skater.name for e in entries})),
    )
