"""Reading a file's text for the readers: UTF-8 (a byte-order mark tolerated) or a clear error."""

from __future__ import annotations

from pathlib import Path

from ovaltime.formats.problems import FormatError, Problem

__all__ = ["read_text"]


def read_text(path: str | Path) -> str:
    """The file's text; a missing, unreadable or non-UTF-8 file is a ``FormatError`` naming it."""
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FormatError([Problem(str(path), 0, f"not UTF-8 text ({exc.reason})")]) from None
    except OSError as exc:
        raise FormatError(
            [Problem(str(path), 0, f"cannot read the file: {exc.strerror}")]
        ) from None
