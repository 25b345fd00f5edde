"""Recording a result and correcting it.

A result is recorded once, on a start-list entry, while its race is live or unofficial. Any
later change is a correction: it names the version of the result the client saw and gives a
reason. A correction based on an older version is refused with ``StaleVersion`` and changes
nothing, so two officials correcting the same result at once cannot overwrite each other
unknowingly: the first wins, the second reloads. The version check is made twice: here against
the row read in the transaction, and by the database (``UPDATE ... WHERE version = seen``),
which also catches a writer that committed in between on PostgreSQL.

Every recording and every correction writes an audit row with the result before and after,
and brings the archive in line in the same transaction (``services.archive.live``): the
skater's person, the archived entry with its computed flags (written to ``records`` for the
live pages where no source gave any), the bests and the Adelskalender.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm.exc import StaleDataError

from ovaltime.core.distances import validate_passages
from ovaltime.core.results import Result
from ovaltime.core.states import RaceState, Status
from ovaltime.core.times import Time
from ovaltime.services.access import locked_result
from ovaltime.services.archive.live import archive_result
from ovaltime.services.audit import result_snapshot, write_audit
from ovaltime.services.errors import Conflict, Invalid, StaleVersion
from ovaltime.services.events import ResultCorrected, ResultRecorded
from ovaltime.services.unit import Context, transaction
from ovaltime.services.users import User
from ovaltime.store.mapping import passage_of, skater_of
from ovaltime.store.tables import RaceRow, ResultRow

__all__ = ["Outcome", "Recorded", "correct_result", "record_result"]

_ENTRY = (RaceState.LIVE, RaceState.UNOFFICIAL)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What an official enters for one skater: a time, or a status (DQ with its infraction)."""

    time: Time | None = None
    status: Status = Status.OK
    infraction: str = ""
    fell: bool = False


@dataclass(frozen=True, slots=True)
class Recorded:
    """The result as stored: its id, new version, and the audit row of the change."""

    result_id: int
    version: int
    audit_id: int


def _check_race(race: RaceRow, result_id: int) -> None:
    if race.state not in _ENTRY:
        raise Conflict(
            f"result {result_id}: race {race.id} is {race.state.value}; results are entered "
            "while a race is live or unofficial"
        )


def _apply(row: ResultRow, race: RaceRow, outcome: Outcome) -> None:
    """Check ``outcome`` for this entry and write it onto ``row``; ``Invalid`` names the field."""
    skater = skater_of(row.skater)
    if outcome.time is not None and outcome.status is not Status.OK:
        raise Invalid("time", f"{skater.name}: a {outcome.status.value} result has no time")
    try:
        Result(skater, outcome.time, outcome.status, outcome.infraction, outcome.fell)
    except ValueError as error:
        field = "infraction" if "infraction" in str(error) else "time"
        raise Invalid(field, str(error)) from None
    passages = [passage_of(p) for p in row.passages]
    if outcome.time is not None:
        problems = validate_passages(race.distance, passages, outcome.time)
        if problems:
            raise Invalid("time", f"{skater.name}: " + "; ".join(problems))
    row.time_thousandths = outcome.time.thousandths if outcome.time else None
    row.time_precision = outcome.time.precision if outcome.time else None
    row.status = outcome.status
    row.infraction = outcome.infraction
    row.fell = outcome.fell


def record_result(context: Context, result_id: int, outcome: Outcome, *, actor: User) -> Recorded:
    """Record the time or status of a start-list entry; a recorded one needs ``correct_result``."""
    with transaction(context) as unit:
        row, race = locked_result(unit.session, result_id)
        _check_race(race, result_id)
        if row.recorded:
            raise Conflict(
                f"result {result_id} ({row.skater.name}) is already recorded: correct it, "
                f"giving version {row.version} and a reason"
            )
        before = result_snapshot(row)
        _apply(row, race, outcome)
        unit.session.flush()
        audit = write_audit(
            unit.session,
            race,
            actor,
            "record",
            result=row,
            before=before,
            after=result_snapshot(row),
        )
        archive_result(unit.session, row, race)
        done = Recorded(row.id, row.version, audit.id)
        unit.emit(ResultRecorded(race.competition_id, race.id, row.id, row.version))
    return done


def correct_result(
    context: Context,
    result_id: int,
    outcome: Outcome,
    *,
    version: int,
    reason: str,
    actor: User,
) -> Recorded:
    """Replace a recorded result's outcome, based on ``version``, for ``reason`` (required)."""
    if not reason.strip():
        raise Invalid("reason", f"result {result_id}: a correction needs a reason")
    with transaction(context) as unit:
        row, race = locked_result(unit.session, result_id)
        if row.version != version:
            raise StaleVersion(result_id, version, row.version)
        _check_race(race, result_id)
        if not row.recorded:
            raise Conflict(f"result {result_id} ({row.skater.name}) has nothing to correct yet")
        before = result_snapshot(row)
        _apply(row, race, outcome)
        if result_snapshot(row) == before:
            raise Invalid("outcome", f"result {result_id}: the correction changes nothing")
        try:
            unit.session.flush()
        except StaleDataError:
            raise StaleVersion(result_id, version, None) from None
        audit = write_audit(
            unit.session,
            race,
            actor,
            "correct",
            result=row,
            before=before,
            after=result_snapshot(row),
            reason=reason.strip(),
        )
        archive_result(unit.session, row, race)
        done = Recorded(row.id, row.version, audit.id)
        unit.emit(ResultCorrected(race.competition_id, race.id, row.id, row.version, audit.id))
    return done
