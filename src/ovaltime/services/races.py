"""Moving a race through its states: scheduled -> live -> unofficial -> official.

Forward, one step at a time, by any official. Back, one step at a time and with a reason:
official -> unofficial only by an admin (an official result list is being reopened),
unofficial -> live and live -> scheduled by any official. Every change is audited on the race.
"""

from __future__ import annotations

from ovaltime.core.states import RaceState
from ovaltime.services.access import locked_race, require_admin
from ovaltime.services.archive.combinations import refresh_competition
from ovaltime.services.audit import write_audit
from ovaltime.services.errors import Conflict, Invalid
from ovaltime.services.events import RaceStateChanged
from ovaltime.services.unit import Context, transaction
from ovaltime.services.users import User

__all__ = ["ORDER", "change_race_state"]

#: The states in the order a race goes through them.
ORDER = (RaceState.SCHEDULED, RaceState.LIVE, RaceState.UNOFFICIAL, RaceState.OFFICIAL)


def change_race_state(
    context: Context, race_id: int, state: RaceState, *, actor: User, reason: str = ""
) -> RaceStateChanged:
    """Move the race to ``state``; the event published (with the state before and after)."""
    with transaction(context) as unit:
        race = locked_race(unit.session, race_id)
        before = race.state
        if state is before:
            raise Conflict(f"race {race_id} is already {state.value}")
        step = ORDER.index(state) - ORDER.index(before)
        if abs(step) != 1:
            raise Invalid(
                "state",
                f"race {race_id} is {before.value}: it can go to "
                + " or ".join(s.value for s in _neighbours(before)),
            )
        if step < 0:
            if before is RaceState.OFFICIAL:
                require_admin(actor, f"race {race_id}: reopening an official race")
            if not reason.strip():
                raise Invalid(
                    "reason", f"race {race_id}: going back to {state.value} needs a reason"
                )
        race.state = state
        if RaceState.OFFICIAL in (before, state):
            unit.session.flush()
            refresh_competition(unit.session, race.competition_id)
        write_audit(
            unit.session,
            race,
            actor,
            "state",
            before={"state": before.value},
            after={"state": state.value},
            reason=reason.strip(),
        )
        event = RaceStateChanged(race.competition_id, race.id, before, state)
        unit.emit(event)
    return event


def _neighbours(state: RaceState) -> list[RaceState]:
    at = ORDER.index(state)
    return [ORDER[i] for i in (at + 1, at - 1) if 0 <= i < len(ORDER)]
