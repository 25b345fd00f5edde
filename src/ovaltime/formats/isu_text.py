"""Lenient reader of ISU results text: the text copied from the ISU results pages.

The text starts with the event name, the date range and the rink (``Olympic Oval (CAN)``), then
holds one block per race: a title (``500 meter (Women), 26.01.2025``), a header line
``POS NAME AG NAT TIME DIFF RECORD`` and fixed-width rows (see ``isu_rows``). The reader imports
what it can and lists every line it skipped or doubted as a ``Problem`` with its line number;
it raises ``FormatError`` only for a text that is no ISU results text at all.

Races are told apart by their titles, as the ISU pages print them:

* **Divisions.** A World Cup prints Division A and Division B of one race as two blocks with the
  same title (same distance, gender and date), Division A first. Where a title repeats, its
  blocks take divisions "A", "B", ... in order; a title that stands alone has no division.
* **Second race of a distance.** Blocks of one distance and gender with *different* dates are
  different races (a World Cup can skate the 500 m on two days, each in both divisions): they
  are numbered 1, 2, ... in the order their dates first appear.

Published ranks are kept (``Result.published_rank``); an empty POS shares the rank above. Times
of individual races get their thousandths from the gaps (``isu_thousandths``); where equal
TIME and DIFF hold separate ranks, the thousandth is marked unknown instead of inventing a tie.

Team events list one row per member with the team's time; a mixed relay prints POS on the first
member only, and the empty POS shares the rank above like any other. ``teams.teams_of`` puts
the members back together; a row it cannot place in a complete team is reported here, on its
line.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ovaltime.core.results import Competition, Race, Result
from ovaltime.core.states import RaceKind, Status
from ovaltime.core.teams import TEAM_EVENTS, group_teams
from ovaltime.formats.isu_rows import Columns, IsuRow, parse_row, split_row
from ovaltime.formats.isu_thousandths import (
    Timing,
    check_gaps,
    lost_thousandths,
    rebuild_thousandths,
)
from ovaltime.formats.isu_titles import (
    RaceTitle,
    is_title,
    parse_date_range,
    parse_rink,
    parse_title,
)
from ovaltime.formats.problems import FormatError, Problem

__all__ = ["IsuImport", "read_isu_text", "read_isu_text_file"]


@dataclass(frozen=True, slots=True)
class IsuImport:
    """What a read gave: the competition and every problem met on the way, in line order."""

    competition: Competition
    problems: list[Problem] = field(default_factory=list)


@dataclass(slots=True)
class _Block:
    line: int
    title: RaceTitle
    columns: Columns | None = None
    rows: list[IsuRow] = field(default_factory=list)


@dataclass(slots=True)
class _Reader:
    source: str
    problems: list[Problem] = field(default_factory=list)
    head: list[tuple[int, str]] = field(default_factory=list)
    blocks: list[_Block] = field(default_factory=list)
    titled: bool = False

    def report(self, line: int, message: str, column: str = "") -> None:
        self.problems.append(Problem(self.source, line, message, column))

    def read(self, text: str) -> None:
        block: _Block | None = None
        for number, line in enumerate(text.lstrip("\ufeff").splitlines(), 1):
            stripped = line.strip()
            if not stripped:
                continue
            if is_title(stripped):
                self.titled = True
                block = self.title(number, stripped)
            elif not self.titled:
                self.head.append((number, stripped))
            elif block is None:
                self.report(number, "line of a race that could not be read; skipped")
            elif (columns := Columns.from_header(line)) is not None:
                block.columns = columns
            else:
                self.row(block, number, line)

    def title(self, number: int, text: str) -> _Block | None:
        try:
            title = parse_title(text)
        except ValueError as error:
            self.report(number, f"{error}; race skipped", "title")
            return None
        if title.date_text and title.date is None:
            self.report(number, f"unreadable date {title.date_text!r}; race undated", "title")
        block = _Block(number, title)
        self.blocks.append(block)
        return block

    def row(self, block: _Block, number: int, line: str) -> None:
        raw = split_row(line, block.columns)
        if raw is None:
            self.report(number, f"not a result row: {line.strip()!r}; skipped")
            return
        try:
            row, found = parse_row(raw, number, self.source)
        except ValueError as error:
            self.report(number, f"{error}; row skipped")
            return
        self.problems.extend(found)
        if row is not None:
            block.rows.append(row)

    def competition(self) -> Competition:
        if not self.head:
            raise FormatError([Problem(self.source, 0, "no event name before the first race")])
        if not self.blocks:
            raise FormatError([*self.problems, Problem(self.source, 0, "no race block found")])
        (_, name), *rest = self.head
        start = end = None
        venue = nation = ""
        for number, text in rest:
            try:
                dates = parse_date_range(text)
                start, end = dates.start, dates.end
                continue
            except ValueError:
                pass
            try:
                venue, nation = parse_rink(text)
            except ValueError:
                self.report(number, f"unexpected line in the header: {text!r}; skipped")
        if start is None:
            self.report(0, "no date range in the header", "header")
        if not venue:
            self.report(0, "no rink 'Venue (NAT)' in the header", "header")
        races = tuple(race for race in self.races() if race is not None)
        return Competition(name, races, venue=venue, nation=nation, start=start, end=end)

    def races(self) -> list[Race | None]:
        repeats = Counter(block.title.key for block in self.blocks)
        seen: Counter[object] = Counter()
        dates: dict[object, list[object]] = {}
        out: list[Race | None] = []
        for block in self.blocks:
            title = block.title
            seen[title.key] += 1
            division = chr(ord("A") + seen[title.key] - 1) if repeats[title.key] > 1 else ""
            if seen[title.key] == 3:
                self.report(block.line, "the same race title a third time", "title")
            days = dates.setdefault(title.race, [])
            if title.date not in days:
                days.append(title.date)
            out.append(self.race(block, days.index(title.date) + 1, division))
        return out

    def race(self, block: _Block, number: int, division: str) -> Race | None:
        if not block.rows:
            self.report(block.line, "race without results; skipped", "title")
            return None
        rows = self.once_each(block.rows)
        ranks = self.published_ranks(rows)
        title = block.title
        if title.kind is RaceKind.INDIVIDUAL:
            timings, found = rebuild_thousandths(rows, self.source)
        else:
            timings, found = [Timing(row.time) for row in rows], check_gaps(rows, self.source)
        self.problems.extend(found)
        lost = lost_thousandths(rows, ranks) if title.kind is not RaceKind.MASS_START else set()
        results = tuple(
            Result(
                skater=row.skater,
                time=timing.time,
                status=row.status,
                records=row.records,
                thousandths_known=timing.known and i not in lost,
                published_rank=rank,
            )
            for i, (row, timing, rank) in enumerate(zip(rows, timings, ranks, strict=True))
        )
        race = Race(
            distance=title.distance,
            gender=title.gender,
            results=results,
            kind=title.kind,
            number=number,
            division=division,
            date=title.date,
        )
        if title.kind in TEAM_EVENTS:
            for problem in group_teams(race).problems:
                self.report(rows[problem.rows[0]].line, problem.message, "team")
        return race

    def once_each(self, rows: list[IsuRow]) -> list[IsuRow]:
        """The rows without a skater's second row in the race, which is reported and skipped."""
        first: dict[tuple[str, str], int] = {}
        kept: list[IsuRow] = []
        for row in rows:
            earlier = first.setdefault(row.skater.key, row.line)
            if earlier != row.line:
                message = f"{row.skater.name} already has a result (line {earlier}); row skipped"
                self.report(row.line, message, "NAME")
            else:
                kept.append(row)
        return kept

    def published_ranks(self, rows: list[IsuRow]) -> list[int | None]:
        """POS as printed; an empty POS on a timed row shares the rank of the row above."""
        ranks: list[int | None] = []
        for row in rows:
            rank = row.rank
            if row.status is not Status.OK:
                if rank is not None:
                    self.report(row.line, f"rank {rank} with status {row.status.value}", "POS")
                rank = None
            elif rank is None:
                rank = ranks[-1] if ranks else None
                if rank is None:
                    self.report(row.line, "empty POS with no rank above to share", "POS")
            ranks.append(rank)
        return ranks


def read_isu_text(text: str, source: str = "<text>") -> IsuImport:
    """Read an ISU results text; ``source`` names it in problems.

    Never raises on a bad line: the line is skipped or doubted and reported. Raises
    ``FormatError`` when the text has no event name before its first race, or no race block.
    """
    reader = _Reader(source)
    reader.read(text)
    competition = reader.competition()
    problems = sorted(reader.problems, key=lambda p: p.line)
    return IsuImport(competition, problems)


def read_isu_text_file(path: str | os.PathLike[str]) -> IsuImport:
    """Read an ISU results text file (UTF-8; other bytes are read as Latin-1 and reported)."""
    data = Path(path).read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        imported = read_isu_text(data.decode("latin-1"), str(path))
        note = Problem(str(path), 0, "not UTF-8; read as Latin-1", "encoding")
        return IsuImport(imported.competition, [note, *imported.problems])
    return read_isu_text(text, str(path))
