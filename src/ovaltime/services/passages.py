"""Recording a passage: the time a skater passed a split point, while their race is on.

A passage must lie on a split point of the race's distance and follow the skater's earlier
passages in distance and time (``core.distances.validate_passages``); at the finish it must
agree with a final time already recorded. Passages are added, never changed: a wrong one is
refused, so what is on the screen is what was entered. Each is audited on its result.
"""

from __future__ import annotations

from dataclasses import dataclass

from ovaltime.core.distances import Passage, validate_passages
from ovaltime.core.states import RaceState
from ovaltime.core.times import Time
from ovaltime.services.access import locked_result
from ovaltime.services.audit import write_audit
from ovaltime.services.errors import Conflict, Invalid
from ovaltime.services.events import PassageRecorded
from ovaltime.services.unit import Context, transaction
from ovaltime.services.users import User
from ovaltime.store.mapping import passage_of, passage_row, time_of

__all__ = ["PassageAdded", "record_passage"]

_ENTRY = (RaceState.LIVE, RaceState.UNOFFICIAL)


@dataclass(frozen=True, slots=True)
class PassageAdded:
    """The passage as stored, with the skater's passages so far."""

    result_id: int
    passage: Passage
    passages: tuple[Passage, ...]


def record_passage(
    context: Context, result_id: int, metres: int, time: Time, *, actor: User
) -> PassageAdded:
    """Add the skater's passage at ``metres``."""
    with transaction(context) as unit:
        row, race = locked_result(unit.session, result_id)
        if race.state not in _ENTRY:
            raise Conflict(
                f"result {result_id}: race {race.id} is {race.state.value}; passages are "
                "entered while a race is live or unofficial"
            )
        passage = Passage(metres, time)
        earlier = [passage_of(p) for p in row.passages]
        final = time_of(row.time_thousandths, row.time_precision)
        problems = validate_passages(race.distance, [*earlier, passage], final)
        if problems:
            field = (
                "metres" if any("split point" in p or "follow" in p for p in problems) else "time"
            )
            raise Invalid(field, f"{row.skater.name}: " + "; ".join(problems))
        row.passages.append(passage_row(passage))
        unit.session.flush()
        write_audit(
            unit.session,
            race,
            actor,
            "passage",
            result=row,
            after={"metres": metres, "time": time.thousandths, "precision": time.precision},
        )
        unit.emit(PassageRecorded(race.competition_id, race.id, row.id, metres))
        done = PassageAdded(row.id, passage, (*earlier, passage))
    return done
