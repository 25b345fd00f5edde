"""Writing a command's answer as a Rich table, JSON or CSV on standard output."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # Rich is imported only when a table is drawn.
    from rich.console import Console, RenderableType


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def write_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def write_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(["" if cell is None else cell for cell in row] for row in rows)
    sys.stdout.write(buffer.getvalue())


#: Width of tables written to a file or a pipe, where no terminal says how wide it is.
PIPE_WIDTH = 160


def console() -> Console:
    """A console for standard output: the terminal's width, or ``PIPE_WIDTH`` when piped."""
    from rich.console import Console

    return Console(highlight=False, width=None if sys.stdout.isatty() else PIPE_WIDTH)


def table(
    title: str,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    right: Iterable[str] = (),
    caption: str | None = None,
) -> RenderableType:
    """A Rich table; columns named in ``right`` are right-aligned (times, points, gaps).

    Columns left empty in every row (no pairs in a file, say) are not drawn.
    """
    from rich import box
    from rich.table import Table

    aligned = set(right)
    cells = [["" if cell is None else str(cell) for cell in row] for row in rows]
    shown = [i for i in range(len(header)) if not cells or any(row[i] for row in cells)]
    grid = Table(title=title, caption=caption, box=box.SIMPLE_HEAD, title_justify="left")
    for i in shown:
        name = header[i]
        grid.add_column(name, justify="right" if name in aligned else "left", overflow="fold")
    for row in cells:
        grid.add_row(*(row[i] for i in shown))
    return grid
