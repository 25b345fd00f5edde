"""Reading a PDF as a person would: its text laid out by ``pdftotext -layout`` and its pages
drawn by ``pdftoppm`` (Debian's poppler-utils, installed by ``make test``).

Drawn pages are kept in ``artifacts/reports/`` for review, next to the browser tests'
screenshots. Without poppler-utils the tests that need it are skipped, except under ``CI=true``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[3] / "artifacts" / "reports"


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        message = f"{name} not found: install Debian's poppler-utils"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return found


def pages(document: bytes) -> list[str]:
    """The text of each page, laid out (``pdftotext -layout``)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "document.pdf"
        path.write_bytes(document)
        done = subprocess.run(
            [_tool("pdftotext"), "-layout", "-enc", "UTF-8", str(path), "-"],
            capture_output=True,
            check=True,
            timeout=60,
        )
    text = done.stdout.decode("utf-8")
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def text(document: bytes) -> str:
    return "\n".join(pages(document))


def squeezed(line: str) -> str:
    """A line with runs of spaces made one, for matching table rows."""
    return re.sub(r"\s+", " ", line).strip()


def rows(document: bytes) -> list[str]:
    """Every non-blank line of every page, squeezed."""
    return [
        squeezed(line) for page in pages(document) for line in page.splitlines() if line.strip()
    ]


def images(document: bytes) -> int:
    """How many images the document shows (``pdfimages -list``; soft masks not counted)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "document.pdf"
        path.write_bytes(document)
        done = subprocess.run(
            [_tool("pdfimages"), "-list", str(path)],
            capture_output=True,
            check=True,
            timeout=60,
            text=True,
        )
    return sum(line.split()[2] == "image" for line in done.stdout.splitlines()[2:])


def keep_pngs(document: bytes, name: str, *, resolution: int = 100) -> list[Path]:
    """Draw every page into ``artifacts/reports/NAME-N.png`` and return the files."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob(f"{name}-*.png"):
        old.unlink()
    source = ARTIFACTS / f"{name}.pdf"
    source.write_bytes(document)
    subprocess.run(
        [_tool("pdftoppm"), "-r", str(resolution), "-png", str(source), str(ARTIFACTS / name)],
        check=True,
        timeout=120,
    )
    return sorted(ARTIFACTS.glob(f"{name}-*.png"))
