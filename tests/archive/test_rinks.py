"""Rinks: imported from a rinks list, venues mapped onto them, attached by an admin."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from ovaltime.core.states import Gender
from ovaltime.services.archive.rinks import attach_rink, import_rinks
from ovaltime.services.errors import Forbidden, Invalid, NotFound
from ovaltime.services.unit import Context
from ovaltime.services.users import User
from ovaltime.store.archive_tables import ArchiveAuditRow, ArchiveResultRow, RinkRow
from ovaltime.store.engine import read_session
from ovaltime.store.tables import CompetitionRow
from tests.archive.conftest import archive, competition, line, race

RINKS = """\
calgary         Olympic Oval
                Calgary                 CAN     INDOOR          1034
hamar           Olympia Hall
                Hamar                   NOR     INDOOR           125
thialf
  1967-10-14    Thialf
                Heerenveen              NED     ARTIFICIAL         0
  1986-10-00    Thialf
                Heerenveen              NED     INDOOR             0
bad line without a location
"""

DAY = dt.date(2025, 1, 10)


@pytest.fixture
def rinks_file(tmp_path: Path) -> Path:
    path = tmp_path / "rinks.txt"
    path.write_text(RINKS, encoding="utf-8")
    return path


def test_rinks_are_stored_as_described_today(context: Context, rinks_file: Path) -> None:
    outcome = import_rinks(context, rinks_file)
    assert (outcome.added, outcome.updated) == (3, 0)
    assert [p.line for p in outcome.problems] == [10]
    again = import_rinks(context, rinks_file)
    assert (again.added, again.updated) == (0, 3)
    with read_session(context.engine) as session:
        thialf = session.scalar(select(RinkRow).where(RinkRow.key == "thialf"))
        assert thialf is not None
        assert (thialf.name, thialf.city, thialf.environment, thialf.altitude) == (
            "Thialf",
            "Heerenveen",
            "indoor",
            0,
        )


def test_venues_map_onto_rinks_and_the_rest_is_reported(context: Context, rinks_file: Path) -> None:
    import_rinks(context, rinks_file)
    meetings = [
        competition(f"World Cup {n}", DAY, race(500, Gender.MEN, [line("A", "NED", "35")]),
                    venue=venue, nation=nation)
        for n, (venue, nation) in enumerate(
            [("Olympic Oval", "CAN"), ("IJsstadion Thialf", "NED"),
             ("Hamar Olympic Hall", "NOR"), ("Arena Lodow", "POL")]
        )
    ]  # fmt: skip
    summary = archive(context, *meetings)
    assert [(a.rink, a.level) for a in summary.added] == [
        ("calgary", "world-cup"),
        ("thialf", "world-cup"),
        ("hamar", "world-cup"),
        ("", "world-cup"),
    ]
    assert summary.unmapped_venues == {"Arena Lodow (POL)"}


def test_attaching_a_rink_judges_its_track_records(
    context: Context, rinks_file: Path, admin: User, official: User
) -> None:
    import_rinks(context, rinks_file)
    summary = archive(
        context,
        competition("Open", DAY, race(500, Gender.MEN, [line("Ard", "NED", "35.00")]),
                    venue="Somewhere", nation="CAN"),
    )  # fmt: skip
    ident = summary.added[0].competition_id
    with read_session(context.engine) as session:
        assert session.scalar(select(ArchiveResultRow.flags)) == "WR NR PB SB"
    with pytest.raises(Forbidden):
        attach_rink(context, ident, rink="calgary", actor=official)
    with pytest.raises(NotFound, match="rink 'nowhere'"):
        attach_rink(context, ident, rink="nowhere", actor=admin)
    with pytest.raises(Invalid, match="level"):
        attach_rink(context, ident, rink="calgary", level="galactic", actor=admin)
    attach_rink(context, ident, rink="calgary", level="club", actor=admin, reason="known")
    with read_session(context.engine) as session:
        assert session.scalar(select(ArchiveResultRow.flags)) == "WR NR TR PB SB"
        row = session.get(CompetitionRow, ident)
        assert row is not None
        assert row.level == "club"
        audit = session.scalars(select(ArchiveAuditRow)).one()
        assert (audit.action, audit.reason, audit.before) == (
            "attach rink",
            "known",
            {"rink_id": None, "level": ""},
        )
