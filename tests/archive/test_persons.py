"""Admins correct identities: add and move aliases, merge persons; results follow, logged."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from ovaltime.core.states import Gender
from ovaltime.core.times import Time
from ovaltime.services.archive.persons import add_alias, merge_persons, move_alias
from ovaltime.services.errors import Forbidden, Invalid
from ovaltime.services.unit import Context
from ovaltime.services.users import User
from ovaltime.store.archive_queries import bests, find_persons
from ovaltime.store.archive_tables import ArchiveAuditRow, ArchiveResultRow, PersonAliasRow
from ovaltime.store.engine import read_session
from tests.archive.conftest import archive, competition, line, race

DAY = dt.date(2024, 12, 1)


def person(context: Context, name: str) -> int:
    with read_session(context.engine) as session:
        found = find_persons(session, name)
    return found[0].person_id  # the exact match comes first


def flags_of(context: Context, person_id: int) -> list[tuple[int, str]]:
    with read_session(context.engine) as session:
        rows = session.execute(
            select(ArchiveResultRow.time_thousandths, ArchiveResultRow.flags)
            .where(ArchiveResultRow.person_id == person_id)
            .order_by(ArchiveResultRow.date)
        ).all()
    return [(time, flags) for time, flags in rows]


def test_an_alias_an_admin_adds_is_matched_by_later_imports(
    context: Context, admin: User, official: User
) -> None:
    archive(context, competition("1", DAY, race(500, Gender.MEN, [line("Jan Smit", "NED", "36")])))
    smit = person(context, "Jan Smit")
    with pytest.raises(Forbidden):
        add_alias(context, smit, "Johannes Smit", nation="NED", actor=official, reason="same")
    with pytest.raises(Invalid, match="reason"):
        add_alias(context, smit, "Johannes Smit", nation="NED", actor=admin, reason=" ")
    add_alias(context, smit, "Johannes Smit", nation="ned", actor=admin, reason="full name")
    later = competition(
        "2", DAY + dt.timedelta(1), race(500, Gender.MEN, [line("SMIT Johannes", "NED", "35.9")])
    )
    summary = archive(context, later)
    assert summary.persons_created == 0
    assert [t for t, _ in flags_of(context, smit)] == [36000, 35900]
    with read_session(context.engine) as session:
        audit = session.scalars(select(ArchiveAuditRow)).all()
    assert [(a.action, a.who, a.reason, a.person_id) for a in audit] == [
        ("add alias", "admin", "full name", smit)
    ]


def test_merging_two_persons_moves_their_results_and_judges_their_bests_again(
    context: Context, admin: User
) -> None:
    archive(
        context,
        competition("1", DAY, race(3000, Gender.WOMEN, [line("Claudia Pechstein", "GDR", "4:10")])),
        competition(
            "2",
            DAY + dt.timedelta(1),
            race(3000, Gender.WOMEN, [line("Claudia Pechstein", "GER", "4:12")]),
        ),
    )
    with read_session(context.engine) as session:
        gdr, ger = (p.person_id for p in find_persons(session, "Claudia Pechstein"))
    assert flags_of(context, ger) == [(252000, "NR PB SB")]
    moved = merge_persons(context, gdr, ger, actor=admin, reason="one skater, two nations")
    assert (moved.skaters, moved.flags_changed) == (1, 1)
    assert flags_of(context, gdr) == [(250000, "WR NR PB SB"), (252000, "NR")]
    with read_session(context.engine) as session:
        assert [p.person_id for p in find_persons(session, "Claudia Pechstein")] == [gdr]
        (three,) = bests(session, gdr)
        aliases = session.scalars(
            select(PersonAliasRow.nation).where(PersonAliasRow.person_id == gdr)
        ).all()
        audit = session.scalars(select(ArchiveAuditRow.action)).all()
    assert (three.pb.time, three.sb.time if three.sb else None) == (Time(250000), Time(250000))
    assert sorted(aliases) == ["GDR", "GER"]
    assert audit == ["merge persons"]


def test_moving_an_alias_takes_the_skaters_written_so_along(context: Context, admin: User) -> None:
    archive(
        context,
        competition("1", DAY, race(1500, Gender.MEN, [line("J. Smit", "NED", "1:50")])),
        competition(
            "2", DAY + dt.timedelta(1), race(1500, Gender.MEN, [line("Jan Smit", "NED", "1:49")])
        ),
    )
    short, full = person(context, "J Smit"), person(context, "Jan Smit")
    with read_session(context.engine) as session:
        alias = session.scalar(select(PersonAliasRow.id).where(PersonAliasRow.name == "J. Smit"))
    assert alias is not None
    moved = move_alias(context, alias, full, actor=admin, reason="the same Jan")
    assert moved.skaters == 1
    assert flags_of(context, short) == []
    assert flags_of(context, full) == [(110000, "WR NR PB SB"), (109000, "WR NR PB SB")]
