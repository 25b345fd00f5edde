"""Replaying a finished competition live, through the services, as officials entered it.

``replay_competition`` creates the competition and its races (scheduled), then performs the
steps of ``race_day.race_day`` at their moments divided by ``pace``: start list, live, each
passage and result as the pair skates, unofficial, official, next race. Every step is a service
call, so the audit rows and the events are those of a real race day. At pace 20 a 500 m pair
takes under 2 s and the first results land about 2.3 s after the start.

**Each replay builds a new competition.** Nothing is resumed: replaying into a database that
already holds the competition adds another one beside it. ``ovaltime serve --demo`` starts from
an empty database each time, so it shows exactly one.

``ReplayThread`` runs a replay in the background and stops it between two steps.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from sqlalchemy import select

from ovaltime.core.results import Competition, Race
from ovaltime.core.states import Status
from ovaltime.services.competitions import add_race, create_competition
from ovaltime.services.errors import Conflict
from ovaltime.services.passages import record_passage
from ovaltime.services.race_day import (
    Action,
    ChangeState,
    RecordPassage,
    SetStartList,
    pair_of,
    race_day,
)
from ovaltime.services.races import change_race_state
from ovaltime.services.results import Outcome, record_result
from ovaltime.services.start_list import StartEntry, set_start_list
from ovaltime.services.unit import Context
from ovaltime.services.users import Role, User, add_user
from ovaltime.store.accounts import UserRow
from ovaltime.store.engine import read_session

__all__ = ["DEMO_PACE", "DEMO_USER", "ReplayThread", "demo_user", "replay_competition"]

_log = logging.getLogger(__name__)

#: The pace of ``ovaltime serve --demo``: twenty race-day seconds each second.
DEMO_PACE = 20.0
#: The official who enters the demo's results.
DEMO_USER = "demo"
#: The longest single sleep, so that a stop is noticed quickly.
_SLICE = 0.1


def demo_user(context: Context) -> User:
    """The official ``demo`` who enters a replay's results, added when missing."""
    try:
        return add_user(context, DEMO_USER, Role.OFFICIAL)[0]
    except Conflict:
        with read_session(context.engine) as session:
            row = session.scalars(select(UserRow).where(UserRow.name == DEMO_USER)).one()
            return User(row.id, row.name, row.role)


def replay_competition(
    context: Context,
    competition: Competition,
    *,
    pace: float,
    actor: User,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
    stop: threading.Event | None = None,
    on_created: Callable[[int], None] | None = None,
) -> int:
    """Re-enact ``competition`` into a new competition; its id.

    Race-day moments are divided by ``pace`` (20: a 1:10 race takes 3.5 s). ``clock`` and
    ``sleep`` measure and wait (tests pass a clock that ``sleep`` advances). When ``stop`` is
    set the replay ends before its next step, leaving what was entered so far. ``on_created``
    is called with the new competition's id before its races are added.
    """
    if pace <= 0:
        raise ValueError(f"pace {pace}: must be above 0")
    began = clock()
    competition_id = create_competition(
        context,
        competition.name,
        venue=competition.venue,
        nation=competition.nation,
        start=competition.start,
        end=competition.end,
    )
    if on_created is not None:
        on_created(competition_id)
    races = [_add(context, competition_id, race) for race in competition.races]
    entries: dict[int, tuple[int, ...]] = {}
    for step in race_day(competition):
        if not _wait_until(began + step.at / pace, clock, sleep, stop):
            break
        _perform(context, competition, races, entries, step.action, actor)
    return competition_id


def _add(context: Context, competition_id: int, race: Race) -> int:
    race_id, _ = add_race(
        context,
        competition_id,
        distance=race.distance,
        gender=race.gender,
        kind=race.kind,
        number=race.number,
        division=race.division,
        title=race.title,
        date=race.date,
    )
    return race_id


def _wait_until(
    deadline: float,
    clock: Callable[[], float],
    sleep: Callable[[float], None],
    stop: threading.Event | None,
) -> bool:
    """Wait until ``clock()`` reaches ``deadline``; ``False`` as soon as ``stop`` is set."""
    while stop is None or not stop.is_set():
        remaining = deadline - clock()
        if remaining <= 0:
            return True
        sleep(min(remaining, _SLICE))
    return False


def _perform(
    context: Context,
    competition: Competition,
    races: list[int],
    entries: dict[int, tuple[int, ...]],
    action: Action,
    actor: User,
) -> None:
    """Make the service call of one step; ``entries`` keeps each race's result ids."""
    race = competition.races[action.race]
    race_id = races[action.race]
    if isinstance(action, SetStartList):
        start_list = [
            StartEntry(result.skater, pair_of(race, index), result.lane)
            for index, result in enumerate(race.results)
        ]
        entries[action.race] = set_start_list(context, race_id, start_list, actor=actor)
    elif isinstance(action, ChangeState):
        change_race_state(context, race_id, action.state, actor=actor)
    elif isinstance(action, RecordPassage):
        result_id = entries[action.race][action.entry]
        record_passage(context, result_id, action.passage.metres, action.passage.time, actor=actor)
    else:
        result = race.results[action.entry]
        outcome = Outcome(
            result.time if result.status is Status.OK else None,
            result.status,
            result.infraction,
            result.fell,
        )
        record_result(context, entries[action.race][action.entry], outcome, actor=actor)


class ReplayThread:
    """A replay running in a daemon thread, by the ``demo`` official unless given an actor.

    ``competition_id`` is set once the competition exists; ``error`` holds what ended the
    replay early, if anything did (it is also logged). ``stop`` asks it to end between two
    steps and waits for the thread.
    """

    def __init__(
        self,
        context: Context,
        competition: Competition,
        *,
        pace: float = DEMO_PACE,
        actor: User | None = None,
    ) -> None:
        self.context = context
        self.competition = competition
        self.pace = pace
        self.actor = actor
        self.competition_id: int | None = None
        self.error: Exception | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="ovaltime-replay", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _created(self, competition_id: int) -> None:
        self.competition_id = competition_id

    def _run(self) -> None:
        try:
            actor = self.actor if self.actor is not None else demo_user(self.context)
            replay_competition(
                self.context,
                self.competition,
                pace=self.pace,
                actor=actor,
                stop=self._stop,
                on_created=self._created,
            )
        except Exception as error:
            self.error = error
            _log.exception("the replay of %s stopped", self.competition.name)
