"""Finding the rows a service changes, locked for the transaction, and checking roles."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ovaltime.services.errors import Forbidden, NotFound
from ovaltime.services.users import User
from ovaltime.store.tables import CompetitionRow, RaceRow, ResultRow

__all__ = ["competition_row", "locked_race", "locked_result", "require_admin"]


def competition_row(session: Session, competition_id: int) -> CompetitionRow:
    row = session.get(CompetitionRow, competition_id)
    if row is None:
        raise NotFound("competition", competition_id)
    return row


def locked_race(session: Session, race_id: int) -> RaceRow:
    """The race row, locked against concurrent changes until the transaction ends.

    (``FOR UPDATE`` on PostgreSQL; on SQLite the write transaction already holds the lock.)
    """
    row = session.scalar(select(RaceRow).where(RaceRow.id == race_id).with_for_update(of=RaceRow))
    if row is None:
        raise NotFound("race", race_id)
    return row


def locked_result(session: Session, result_id: int) -> tuple[ResultRow, RaceRow]:
    """The result row and its race, both locked (race first: every service locks in that
    order, so two services never wait on each other in a circle)."""
    race_id = session.scalar(select(ResultRow.race_id).where(ResultRow.id == result_id))
    if race_id is None:
        raise NotFound("result", result_id)
    race = locked_race(session, race_id)
    row = session.scalar(
        select(ResultRow).where(ResultRow.id == result_id).with_for_update(of=ResultRow)
    )
    if row is None:
        raise NotFound("result", result_id)
    return row, race


def require_admin(actor: User, what: str) -> None:
    if not actor.is_admin:
        raise Forbidden(f"{what}: only an admin may do this, and {actor.name} is an official")
