"""Admins correcting identities: add an alias, move an alias, merge two persons.

Each change is one transaction, logged in ``archive_audit`` with who, what before and after,
and the reason given (required, as for a correction of a result).

* ``add_alias``: another way a person is written; later imports match it (origin ``admin``).
* ``move_alias``: the alias belongs to another person. The skaters written exactly so (name
  and nation) that were attached to the old person move with it, and so do their results.
* ``merge_persons``: two persons are one. Every alias, skater and result of the one merged
  away goes to the one kept, which takes the other's gender and birth date where it has none;
  the other is removed.

Where results move, both persons' PB and SB flags are judged again (records do not depend on
who skated), and their bests and Adelskalender points computed again.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ovaltime.services.access import require_admin
from ovaltime.services.archive.audit import log_change
from ovaltime.services.archive.combinations import refresh_persons as refresh_totals
from ovaltime.services.archive.identity import keys_of
from ovaltime.services.archive.judging import rejudge_persons
from ovaltime.services.errors import Conflict, Invalid, NotFound
from ovaltime.services.unit import Context, transaction
from ovaltime.services.users import User
from ovaltime.store.archive_tables import AliasOrigin, PersonAliasRow, PersonRow
from ovaltime.store.person_edits import delete_person, move_skaters, skaters_written
from ovaltime.store.tables import SkaterRow

__all__ = ["Moved", "add_alias", "merge_persons", "move_alias"]


@dataclass(frozen=True, slots=True)
class Moved:
    """What an identity change moved: skaters, and archived results whose flags changed."""

    skaters: int
    flags_changed: int


def _reason(reason: str, what: str) -> str:
    if not reason.strip():
        raise Invalid("reason", f"{what}: a change to an identity needs a reason")
    return reason.strip()


def _person(session: Session, person_id: int) -> PersonRow:
    row = session.get(PersonRow, person_id)
    if row is None:
        raise NotFound("person", person_id)
    return row


def add_alias(
    context: Context, person_id: int, name: str, *, nation: str = "", actor: User, reason: str
) -> int:
    """Add ``name`` (of ``nation``) as an alias of the person; the alias's id."""
    require_admin(actor, f"person {person_id}: adding an alias")
    why = _reason(reason, f"person {person_id}")
    written = " ".join(name.split())
    if not written:
        raise Invalid("name", "an alias needs a name")
    key, sound = keys_of(written)
    with transaction(context) as unit:
        _person(unit.session, person_id)
        row = PersonAliasRow(
            person_id=person_id,
            name=written,
            name_key=key,
            sound_key=sound,
            nation=nation.strip().upper(),
            origin=AliasOrigin.ADMIN,
        )
        unit.session.add(row)
        unit.session.flush()
        log_change(
            unit.session,
            actor,
            "add alias",
            person_id=person_id,
            after={"alias_id": row.id, "name": written, "nation": row.nation},
            reason=why,
        )
        return row.id


def move_alias(
    context: Context, alias_id: int, person_id: int, *, actor: User, reason: str
) -> Moved:
    """Give the alias, and the skaters written so with their results, to ``person_id``."""
    require_admin(actor, f"alias {alias_id}: moving it")
    why = _reason(reason, f"alias {alias_id}")
    with transaction(context) as unit:
        session = unit.session
        alias = session.get(PersonAliasRow, alias_id)
        if alias is None:
            raise NotFound("alias", alias_id)
        _person(session, person_id)
        source = alias.person_id
        if source == person_id:
            raise Conflict(f"alias {alias_id} already belongs to person {person_id}")
        skaters = skaters_written(session, source, alias.name, alias.nation)
        alias.person_id = person_id
        session.flush()
        move_skaters(session, skaters, person_id)
        changed = rejudge_persons(session, [source, person_id])
        refresh_totals(session, skaters, [source, person_id])
        log_change(
            session,
            actor,
            "move alias",
            person_id=person_id,
            before={"alias_id": alias_id, "person_id": source},
            after={"alias_id": alias_id, "person_id": person_id, "skaters": skaters},
            reason=why,
        )
        return Moved(len(skaters), len(changed))


def merge_persons(context: Context, keep: int, merge: int, *, actor: User, reason: str) -> Moved:
    """Make ``merge`` and ``keep`` one person, ``keep``; ``merge`` is removed."""
    require_admin(actor, f"persons {keep} and {merge}: merging them")
    why = _reason(reason, f"persons {keep} and {merge}")
    if keep == merge:
        raise Invalid("merge", f"person {keep} cannot be merged with itself")
    with transaction(context) as unit:
        session = unit.session
        kept, merged = _person(session, keep), _person(session, merge)
        before = {
            "kept": {"id": keep, "name": kept.name, "nation": kept.nation},
            "merged": {"id": merge, "name": merged.name, "nation": merged.nation},
        }
        kept.gender = kept.gender or merged.gender
        kept.birth_date = kept.birth_date or merged.birth_date
        skaters = list(session.scalars(select(SkaterRow.id).where(SkaterRow.person_id == merge)))
        session.execute(
            update(PersonAliasRow).where(PersonAliasRow.person_id == merge).values(person_id=keep),
            execution_options={"synchronize_session": False},
        )
        move_skaters(session, skaters, keep)
        changed = rejudge_persons(session, [keep, merge])
        refresh_totals(session, skaters, [keep])
        session.flush()
        delete_person(session, merge)
        session.expunge(merged)
        log_change(
            session,
            actor,
            "merge persons",
            person_id=keep,
            before=before,
            after={"id": keep, "skaters": skaters},
            reason=why,
        )
        return Moved(len(skaters), len(changed))
