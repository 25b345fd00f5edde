"""Importing into the archive: what is kept and why not, idempotence, files, identities."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import func, select

from ovaltime.core.records import TWO_RACES_TITLE
from ovaltime.core.states import Gender, RaceKind
from ovaltime.formats.document import dumps_competition
from ovaltime.services.archive.importing import archive_import
from ovaltime.services.events import CompetitionImported, EventLog
from ovaltime.services.unit import Context
from ovaltime.store.archive_tables import ArchiveResultRow, PersonAliasRow, PersonRow
from ovaltime.store.engine import read_session
from ovaltime.store.tables import SkaterRow
from tests.archive.conftest import archive, competition, line, race

DAY = dt.date(2025, 1, 24)

CUP = competition(
    "Club Cup",
    DAY,
    race(
        500,
        Gender.WOMEN,
        [
            line("Anna Visser", "NED", "38.10"),
            line("Bea Berg", "NOR", "38.50"),
            line("Cara Cole", "CAN", "DNF"),
        ],
    ),
    race(1000, Gender.MEN, [line("Dirk Dam", "NED", "1:10.00")], date=DAY + dt.timedelta(1)),
    race(
        6000,
        Gender.WOMEN,
        [line("Anna Visser", "NED", "8:10.00")],
        kind=RaceKind.MASS_START,
    ),
    race(500, Gender.MEN, [line("Dirk Dam", "NED", "1:10.20")], title=TWO_RACES_TITLE + " men"),
    race(500, Gender.MIXED, [line("Erik Eng", "SWE", "39.00")]),
)

ISU_TEXT = """\
1. Test Cup 2024/2025
24. - 25.01.2025
Olympic Oval (CAN)

500 meter (Women), 24.01.2025

POS   NAME                     AG       NAT   TIME      DIFF      RECORD
1     Femke Kok                Senior   NED   37.01               PB
2     Erin Jackson             Senior   USA   37.39     +0.380
"""


def _count(context: Context, table: type) -> int:
    with read_session(context.engine) as session:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)


def test_the_archive_keeps_individual_timed_dated_results_and_says_why_not(
    context: Context,
) -> None:
    undated = competition("Undated", None, race(500, Gender.MEN, [line("Dirk Dam", "NED", "36")]))
    summary = archive(context, CUP, undated)
    assert (summary.competitions_added, summary.results_stored) == (2, 8)
    assert summary.results_archived == 3
    assert dict(summary.not_archived) == {
        "status DNF": 1,
        "mass start": 1,
        "sum of two 500 m races": 1,
        "mixed-gender race": 1,
        "no date": 1,
    }
    assert summary.persons_created == 5
    assert _count(context, ArchiveResultRow) == 3
    assert [added.archived for added in summary.added] == [3, 0]


def test_importing_the_same_competition_again_adds_nothing(
    context: Context, events: EventLog
) -> None:
    first = archive(context, CUP)
    persons = _count(context, PersonRow)
    again = archive(context, CUP)
    assert (again.competitions_added, again.competitions_skipped) == (0, 1)
    (skipped,) = again.skipped
    assert skipped.competition_id == first.added[0].competition_id
    assert "already imported" in skipped.reason
    assert (_count(context, PersonRow), _count(context, ArchiveResultRow)) == (persons, 3)
    imported = [e for e in events.events if isinstance(e, CompetitionImported)]
    assert [e.competition_id for e in imported] == [first.added[0].competition_id]


def test_a_folder_is_read_recursively_and_a_bad_file_does_not_stop_the_others(
    context: Context, tmp_path: Path
) -> None:
    (tmp_path / "deeper").mkdir()
    (tmp_path / "deeper" / "cup.json").write_text(dumps_competition(CUP), encoding="utf-8")
    (tmp_path / "test-cup.txt").write_text(ISU_TEXT, encoding="utf-8")
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not a results file", encoding="utf-8")
    summary = archive_import(context, [tmp_path, tmp_path / "missing.txt"])
    assert summary.files_read == 2
    assert sorted(a.name for a in summary.added) == ["1. Test Cup 2024/2025", "Club Cup"]
    problems = [str(p) for p in summary.problems]
    assert any(p.startswith(str(tmp_path / "broken.json")) for p in problems), problems
    assert any("missing.txt: no such file" in p for p in problems), problems
    again = archive_import(context, [tmp_path])
    assert (again.competitions_added, again.competitions_skipped) == (0, 2)


def test_skaters_become_persons_across_spellings(context: Context) -> None:
    first = competition(
        "First",
        DAY,
        race(500, Gender.WOMEN, [line("Femke Kok", "NED", "37.01")]),
        race(500, Gender.MEN, [line("Pavel Kulizhnikov", "RUS", "34.20")]),
        race(3000, Gender.WOMEN, [line("Claudia Pechstein", "GDR", "4:10.00")]),
    )
    second = competition(
        "Second",
        DAY + dt.timedelta(7),
        race(500, Gender.WOMEN, [line("KOK Femke", "NED", "37.20")]),
        race(500, Gender.MEN, [line("Pavel Koulijnikov", "RUS", "34.30")]),
        race(3000, Gender.WOMEN, [line("Claudia PECHSTEIN", "GER", "4:05.00")]),
    )
    archive(context, first)
    summary = archive(context, second)
    assert summary.persons_created == 1
    (variant,) = summary.variants
    assert (variant.name, variant.nation) == ("Pavel Koulijnikov", "RUS")
    assert "Pavel Kulizhnikov (RUS) spelled as Pavel Koulijnikov" in variant.reason
    (ambiguous,) = summary.ambiguous
    assert ambiguous.name == "Claudia PECHSTEIN"
    assert "another nation" in ambiguous.reason
    with read_session(context.engine) as session:
        persons = dict(session.execute(select(SkaterRow.name, SkaterRow.person_id)).all())
        origins = set(session.execute(select(PersonAliasRow.name, PersonAliasRow.origin)).all())
    assert persons["Femke Kok"] == persons["KOK Femke"]
    assert persons["Pavel Kulizhnikov"] == persons["Pavel Koulijnikov"]
    assert persons["Claudia Pechstein"] != persons["Claudia PECHSTEIN"]
    assert {origin.value for name, origin in origins if name == "Pavel Koulijnikov"} == {"variant"}


def test_two_skaters_of_one_competition_are_never_one_person(context: Context) -> None:
    archive(
        context, competition("Old", DAY, race(500, Gender.MEN, [line("Jan Smit", "NED", "36")]))
    )
    twins = competition(
        "Twins",
        DAY + dt.timedelta(1),
        race(
            500,
            Gender.MEN,
            [line("Jan Smit", "NED", "36.50", "Senior"), line("Jan Smit", "NED", "38.00", "A1")],
        ),
    )
    archive(context, twins)
    with read_session(context.engine) as session:
        persons = session.scalars(
            select(ArchiveResultRow.person_id).order_by(ArchiveResultRow.id)
        ).all()
    assert len(set(persons)) == 2
    assert persons[0] == persons[1] != persons[2]
