"""What every PDF document shares: the A4 page with its heading and footer, "Page X of Y",
the look of the tables, section titles and the referee's signature lines.

**The page.** A heading on every page names the competition (left: name, venue, dates) and the
document (right: its title, the race or classification, and a boxed ``OFFICIAL`` /
``UNOFFICIAL`` where the state of results matters); the footer repeats the document's title and
gives ``Page 2 of 3``. The page count is known only once every page is laid out, so the canvas
keeps each page until the end and numbers them all when it saves (``_NumberedCanvas``).

**Tables** (``list_table``) are reportlab ``LongTable``s whose header row repeats on every page
(``repeatRows``), with light bands to guide the eye along a row. A table may give each entry
several rows (a time above its points); those rows are banded alike and never split by a page
break (``NOSPLIT``). Text too wide for its column wraps within the column instead of running into
the next one.

**Deterministic output.** Documents are built with reportlab's ``invariant`` switch: no creation
date and a fixed document id, so the same values give the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from io import BytesIO
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    LongTable,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ovaltime.reports.pdf.fonts import Fonts, document_fonts

__all__ = [
    "Column",
    "Heading",
    "frame_width",
    "list_table",
    "note",
    "render",
    "section_title",
    "signatures",
]

MARGIN = 15 * mm
TOP = 31 * mm
BOTTOM = 18 * mm
BODY_SIZE = 8.5
HEAD_SIZE = 7.5
BAND = colors.HexColor("#f1f3f5")
HEAD_FILL = colors.HexColor("#dde1e6")
GREY = colors.HexColor("#555555")
RULE = colors.HexColor("#8a9099")


@dataclass(frozen=True, slots=True)
class Heading:
    """The heading of every page: the competition (``competition``, ``place``, ``dates``) on
    the left, the document (``title``, ``subject``, ``state``) on the right."""

    competition: str
    title: str
    subject: str = ""
    place: str = ""
    dates: str = ""
    state: str = ""


@dataclass(frozen=True, slots=True)
class Column:
    """A table column: its title, width in points (``None``: a share of what is left),
    alignment (``LEFT``, ``RIGHT``, ``CENTER``), and whether long text wraps in it."""

    title: str
    width: float | None = None
    align: str = "LEFT"
    wrap: bool = False


def frame_width(*, wide: bool = False) -> float:
    """The width tables have on a portrait page, or a landscape one with ``wide``."""
    return _page(wide)[0] - 2 * MARGIN


def _page(wide: bool) -> tuple[float, float]:
    return landscape(A4) if wide else A4


def render(heading: Heading, story: Iterable[Flowable], *, wide: bool = False) -> bytes:
    """Lay ``story`` out on A4 pages (landscape with ``wide``) under ``heading``; the PDF."""
    fonts = document_fonts()
    buffer = BytesIO()
    size = _page(wide)
    document = BaseDocTemplate(
        buffer,
        pagesize=size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        title=f"{heading.title}: {heading.subject}" if heading.subject else heading.title,
        author=heading.competition,
        subject=heading.subject,
        creator="ovaltime",
        invariant=True,
    )
    frame = Frame(
        MARGIN,
        BOTTOM,
        size[0] - 2 * MARGIN,
        size[1] - TOP - BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    document.addPageTemplates(
        [PageTemplate("page", [frame], onPage=partial(_draw_heading, heading, fonts))]
    )
    footer = " · ".join(part for part in (heading.title, heading.subject) if part)
    document.build(list(story), canvasmaker=_numbered(footer, fonts))
    return buffer.getvalue()


def _numbered(footer: str, fonts: Fonts) -> Callable[..., Canvas]:
    def make(*args: Any, **kwargs: Any) -> Canvas:
        return _NumberedCanvas(*args, footer=footer, fonts=fonts, **kwargs)

    return make


class _NumberedCanvas(Canvas):
    """A canvas that holds its pages back until ``save`` and then gives each its footer with
    ``Page X of Y``, Y being known only then."""

    def __init__(self, *args: Any, footer: str, fonts: Fonts, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._fonts = fonts
        self._held: list[dict[str, Any]] = []
        self._width = float(kwargs.get("pagesize", A4)[0])

    def showPage(self) -> None:
        self._held.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # reportlab's own, not in its stubs

    def save(self) -> None:
        total = len(self._held)
        for number, state in enumerate(self._held, start=1):
            self.__dict__.update(state)
            self._draw_footer(number, total)
            super().showPage()
        super().save()

    def _draw_footer(self, number: int, total: int) -> None:
        width = self._width
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(MARGIN, BOTTOM - 6 * mm, width - MARGIN, BOTTOM - 6 * mm)
        self.setFillColor(GREY)
        self.setFont(self._fonts.regular, 7.5)
        page = f"Page {number} of {total}"
        room = width - 2 * MARGIN - stringWidth(page, self._fonts.regular, 7.5) - 6 * mm
        self.drawString(
            MARGIN, BOTTOM - 10 * mm, _clip(self._footer, self._fonts.regular, 7.5, room)
        )
        self.drawRightString(width - MARGIN, BOTTOM - 10 * mm, page)
        self.restoreState()


def _draw_heading(heading: Heading, fonts: Fonts, canvas: Canvas, document: Any) -> None:
    width, height = document.pagesize
    right = width - MARGIN
    top = height - 13 * mm
    canvas.saveState()
    title_width = stringWidth(heading.title, fonts.bold, 12.5)
    room = width - 2 * MARGIN - title_width - 8 * mm
    canvas.setFont(fonts.bold, 12.5)
    canvas.drawString(MARGIN, top, _clip(heading.competition, fonts.bold, 12.5, room))
    canvas.drawRightString(right, top, heading.title)
    canvas.setFont(fonts.regular, 8.5)
    canvas.setFillColor(GREY)
    where = " · ".join(part for part in (heading.place, heading.dates) if part)
    subject_width = stringWidth(heading.subject, fonts.regular, 8.5)
    canvas.drawString(
        MARGIN, top - 12, _clip(where, fonts.regular, 8.5, width - 2 * MARGIN - subject_width - 24)
    )
    canvas.drawRightString(right, top - 12, heading.subject)
    if heading.state:
        _draw_state(canvas, fonts, heading.state, right, top - 27)
    canvas.setStrokeColor(colors.black)
    canvas.setLineWidth(0.8)
    canvas.line(MARGIN, height - TOP + 4 * mm, right, height - TOP + 4 * mm)
    canvas.restoreState()


def _draw_state(canvas: Canvas, fonts: Fonts, state: str, right: float, baseline: float) -> None:
    """The state of the results in a box at the right, under the subject."""
    width = stringWidth(state, fonts.bold, 8) + 10
    canvas.setFillColor(colors.black)
    canvas.setStrokeColor(colors.black)
    canvas.setLineWidth(0.8)
    canvas.rect(right - width, baseline - 3.5, width, 12.5, stroke=1, fill=0)
    canvas.setFont(fonts.bold, 8)
    canvas.drawRightString(right - 5, baseline, state)


def _clip(text: str, font: str, size: float, room: float) -> str:
    """``text``, cut with an ellipsis where it would be wider than ``room`` points."""
    if stringWidth(text, font, size) <= room:
        return text
    while text and stringWidth(text + "…", font, size) > room:
        text = text[:-1]
    return text.rstrip() + "…"


# -- flowables --------------------------------------------------------------------------------


def _style(name: str, *, bold: bool = False, size: float = BODY_SIZE, **options: Any) -> Any:
    fonts = document_fonts()
    return ParagraphStyle(
        name,
        fontName=fonts.bold if bold else fonts.regular,
        fontSize=size,
        leading=size * 1.2,
        alignment=TA_LEFT,
        **options,
    )


def section_title(text: str) -> list[Flowable]:
    """A title over a table; starts a new page rather than stand alone at the foot of one."""
    return [
        CondPageBreak(40 * mm),
        Paragraph(_escape(text), _style("section", bold=True, size=11, spaceBefore=10)),
        Spacer(0, 4),
    ]


def note(text: str) -> Paragraph:
    """A small grey line under a table: a legend, a remark on the rules applied."""
    return Paragraph(
        _escape(text), _style("note", size=7.5, textColor=GREY, spaceBefore=4, spaceAfter=2)
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def list_table(
    columns: Sequence[Column],
    rows: Sequence[Sequence[object]],
    *,
    width: float,
    groups: Sequence[int] | None = None,
    style: Sequence[tuple[Any, ...]] = (),
) -> LongTable:
    """A table of ``rows`` under a header of the columns' titles, repeated on every page.

    ``groups`` gives how many consecutive rows make one entry (a pair of the start list, a time
    above its points); the rows of an entry share a band and stay on one page. By default every
    row is an entry. ``style`` adds reportlab table commands (rows counted from the header, 0).
    """
    fonts = document_fonts()
    widths = _widths(columns, width)
    body = [
        [_cell(value, column, w) for value, column, w in zip(row, columns, widths, strict=True)]
        for row in rows
    ]
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), fonts.regular, BODY_SIZE),
        ("FONT", (0, 0), (-1, 0), fonts.bold, HEAD_SIZE),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, -1), (-1, -1), 0.8, colors.black),
    ]
    for index, column in enumerate(columns):
        if column.align != "LEFT":
            commands.append(("ALIGN", (index, 0), (index, -1), column.align))
    commands.extend(_bands(groups if groups is not None else [1] * len(body)))
    commands.extend(style)
    header = [column.title for column in columns]
    return LongTable(
        [header, *body], colWidths=widths, repeatRows=1, style=TableStyle(commands), hAlign="LEFT"
    )


def _bands(groups: Sequence[int]) -> list[tuple[Any, ...]]:
    """Every other entry banded; the rows of one entry kept on one page."""
    commands: list[tuple[Any, ...]] = []
    first = 1
    for index, size in enumerate(groups):
        last = first + size - 1
        if index % 2:
            commands.append(("BACKGROUND", (0, first), (-1, last), BAND))
        if size > 1:
            commands.append(("NOSPLIT", (0, first), (-1, last)))
        first = last + 1
    return commands


def _widths(columns: Sequence[Column], width: float) -> list[float]:
    fixed = sum(c.width for c in columns if c.width is not None)
    shared = [c for c in columns if c.width is None]
    rest = (width - fixed) / len(shared) if shared else 0.0
    return [c.width if c.width is not None else rest for c in columns]


_CELL_PADDING = 6


def _cell(value: object, column: Column, width: float) -> object:
    """Text as it is, or a wrapping paragraph where it would be wider than its column."""
    text = "" if value is None else value
    if not column.wrap or not isinstance(text, str):
        return text
    fonts = document_fonts()
    if stringWidth(text, fonts.regular, BODY_SIZE) <= width - _CELL_PADDING:
        return text
    return Paragraph(_escape(text), _style("cell", leading=BODY_SIZE * 1.1))


def signatures(referee: str = "", *, wide: bool = False) -> KeepTogether:
    """The lines a referee signs the list on: name, signature, time of publication."""
    fonts = document_fonts()
    width = frame_width(wide=wide)
    shares = (0.36, 0.04, 0.3, 0.04, 0.26)
    cells = [[referee, "", "", "", ""], ["Referee", "", "Signature", "", "Time of publication"]]
    table = Table(
        cells,
        colWidths=[width * share for share in shares],
        rowHeights=[22, 12],
        hAlign="LEFT",
        style=TableStyle(
            [
                ("FONT", (0, 0), (-1, 0), fonts.regular, 9.5),
                ("FONT", (0, 1), (-1, 1), fonts.regular, 7.5),
                ("TEXTCOLOR", (0, 1), (-1, 1), GREY),
                ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
                *(("LINEBELOW", (c, 0), (c, 0), 0.6, colors.black) for c in (0, 2, 4)),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
    )
    return KeepTogether([Spacer(0, 14 * mm), table])
