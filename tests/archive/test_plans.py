"""Every statement the archive runs reads its big tables through an index, on SQLite and on
PostgreSQL: the statements of an import and of every list are captured and explained. The
competitions' ``results`` count as big: a list reads the precision of its times there, by
primary key.

PostgreSQL is asked with ``enable_seqscan`` off, so that on these small test tables it still
shows whether an index *can* serve the statement. The search of persons by part of a name
(``LIKE '%...%'``) reads every alias by design and is left out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, event, text

from ovaltime.core.states import Gender
from ovaltime.services.unit import Context
from ovaltime.store import archive_queries as q
from ovaltime.store.engine import read_session
from tests.archive.conftest import archive
from tests.archive.test_precision import allround_in_tenths
from tests.archive.test_queries import lists  # noqa: F401  (the fixture)

BIG = ("results", "archive_results", "archive_bests", "archive_records", "adelskalender",
       "adelskalender_changes", "person_aliases")  # fmt: skip
"""The tables no statement may read from end to end (an alias such as ``results_1`` too)."""


@contextmanager
def captured(engine: Engine) -> Iterator[list[tuple[str, Any]]]:
    statements: list[tuple[str, Any]] = []

    def remember(_c: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "DELETE", "UPDATE", "WITH")):
            statements.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", remember)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", remember)


def full_scans(engine: Engine, statements: list[tuple[str, Any]]) -> list[str]:
    """The statements that read a big table from end to end, with their plans."""
    bad = []
    with engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        sqlite = engine.dialect.name == "sqlite"
        if not sqlite:
            connection.execute(text("SET enable_seqscan = off"))
        for statement, parameters in statements:
            cursor = raw.cursor()
            prefix = "EXPLAIN QUERY PLAN " if sqlite else "EXPLAIN "
            cursor.execute(prefix + statement, parameters)
            plan = "\n".join(str(row[-1] if sqlite else row[0]) for row in cursor.fetchall())
            cursor.close()
            tables = "|".join(BIG)
            pattern = rf"\bSCAN ({tables})(_\d+)?\b" if sqlite else rf"Seq Scan on ({tables})\b"
            if re.search(pattern, plan):
                bad.append(f"{statement}\n{plan}")
    return bad


READS: list[tuple[str, Callable[..., object]]] = [
    ("season", lambda s: q.season_list(s, 500, Gender.WOMEN, 2024, offset=1)),
    ("season nation", lambda s: q.season_list(s, 500, Gender.WOMEN, 2024, nation="NED")),
    ("season age", lambda s: q.season_list(s, 500, Gender.WOMEN, 2024, age_group="A1")),
    ("season rink", lambda s: q.season_list(s, 500, Gender.WOMEN, 2024, rink="thialf")),
    ("alltime", lambda s: q.alltime_list(s, 500, Gender.WOMEN, offset=1)),
    ("alltime age", lambda s: q.alltime_list(s, 500, Gender.WOMEN, age_group="Senior")),
    ("alltime rink", lambda s: q.alltime_list(s, 500, Gender.WOMEN, rink="calgary")),
    ("adelskalender", lambda s: q.adelskalender(s, Gender.WOMEN, offset=1)),
    ("history", lambda s: q.adelskalender_history(s, 1)),
    ("bests", lambda s: q.bests(s, 1)),
    ("progression", lambda s: q.pb_progression(s, 1, 500)),
    ("head to head", lambda s: q.head_to_head(s, 1, 2)),
    ("records", lambda s: q.records(s, "NR", 500, Gender.WOMEN)),
    ("record on a date", lambda s: q.world_record_at(s, 500, Gender.WOMEN, dt.date(2025, 1, 1))),
]


def test_the_lists_read_through_indexes(lists: Context) -> None:  # noqa: F811
    archive(lists, allround_in_tenths())  # an Adelskalender of women, read with its bests
    engine = lists.engine
    with captured(engine) as statements, read_session(engine) as session:
        answers = {name: read(session) for name, read in READS}
    assert len(statements) > len(READS)
    assert answers["adelskalender"], "the bests beside the Adelskalender are read too"
    assert full_scans(engine, statements) == []


def test_an_import_reads_through_indexes(lists: Context) -> None:  # noqa: F811
    from tests.archive.conftest import competition, line, race

    late = competition(
        "Late", dt.date(2025, 2, 1), race(500, Gender.WOMEN, [line("Anna", "NED", "37.80")])
    )
    early = competition(
        "Early", dt.date(2024, 12, 1), race(500, Gender.WOMEN, [line("Fay", "NED", "37.70")])
    )
    with captured(lists.engine) as statements:
        archive(lists, late, early)
    assert full_scans(lists.engine, statements) == []


def test_the_check_sees_a_full_scan(lists: Context) -> None:  # noqa: F811
    """The search by part of a name reads every alias: the check must say so."""
    with captured(lists.engine) as statements, read_session(lists.engine) as session:
        q.find_persons(session, "nna")
    assert any("person_aliases" in scan for scan in full_scans(lists.engine, statements))
