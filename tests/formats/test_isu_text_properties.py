"""Properties of the ISU results text reader: it never fails on a line, only on a whole text."""

from __future__ import annotations

import contextlib

from hypothesis import given, settings
from hypothesis import strategies as st

from ovaltime.formats.isu_text import read_isu_text
from ovaltime.formats.problems import FormatError

HEAD = "3. World Cup 2024/2025\n24. - 26.01.2025\nOlympic Oval (CAN)\n\n"
BLOCK = (
    "500 meter (Women), 26.01.2025\n\n"
    "POS   NAME                 AG       NAT   TIME      DIFF     RECORD   \n"
    "1     Na-Hyeon Lee         A2       KOR   37.44              TRJ, SB  \n"
    "2     Serena Pergher       Neo      ITA   37.62     +0.189   NR       \n"
)

# Lines that look a little like the format, so the reader's paths past the first check run.
_PIECES = st.sampled_from(
    [
        "1",
        "DQ",
        "DNF",
        "-",
        "  ",
        "Senior",
        "NED",
        "37.62",
        "1:02.41",
        "+0.189",
        "-1.31.590",
        "+1.02.410",
        "TR, SB",
        "500 meter",
        "10.000 meter",
        "Mass Start",
        "(Men)",
        "(Women)",
        "(Mixed)",
        ", 26.01.2025",
        ", 31.02.2025",
        "POS   NAME   AG   NAT   TIME   DIFF   RECORD",
        "Olympic Oval (CAN)",
        "24. - 26.01.2025",
        "0 meter (Men)",
        "99999 meter (Women)",
    ]
)
_LIKE_LINES = st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=8).map(" ".join)
_LINES = st.lists(st.one_of(st.text(max_size=60), _LIKE_LINES), max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), _LINES.map("\n".join)))
def test_arbitrary_text_raises_only_format_error(text: str) -> None:
    with contextlib.suppress(FormatError):
        read_isu_text(text)


@settings(max_examples=300, deadline=None)
@given(_LINES, _LINES)
def test_valid_header_and_block_never_raise(inside: list[str], after: list[str]) -> None:
    text = HEAD + BLOCK + "\n".join(inside) + "\n" + "\n".join(after)
    imported = read_isu_text(text)
    assert imported.competition.races
    assert all(problem.line >= 0 for problem in imported.problems)
