"""The typeface of the PDF documents: DejaVu Sans, embedded, so that every name prints as it is
spelt (``Sebastian Kłosowski``, ``Metoděj Jílek``, ``Andżelika Wójcik``).

Where the font files are taken from, in this order:

1. Debian's ``fonts-dejavu-core`` (``/usr/share/fonts/truetype/dejavu``);
2. the copy of DejaVu Sans that matplotlib ships (a dependency of ovaltime, so always there
   when ovaltime is installed normally); found without importing matplotlib;
3. otherwise reportlab's built-in Helvetica, which needs no file but covers only the Western
   European letters of WinAnsi: letters outside it (``ł``, ``ě``, ``ż``) print as blanks.
   ``document_fonts().embedded`` is then false, so a caller or a test can tell.

Only the characters used are embedded (reportlab subsets TrueType fonts), which keeps a result
list to some tens of kilobytes.
"""

from __future__ import annotations

import functools
import importlib.util
from dataclasses import dataclass
from pathlib import Path

__all__ = ["DEBIAN_DEJAVU", "Fonts", "document_fonts"]

#: Where Debian's ``fonts-dejavu-core`` installs DejaVu Sans.
DEBIAN_DEJAVU = Path("/usr/share/fonts/truetype/dejavu")

_FILES = {"OvaltimeSans": "DejaVuSans.ttf", "OvaltimeSans-Bold": "DejaVuSans-Bold.ttf"}


@dataclass(frozen=True, slots=True)
class Fonts:
    """The names to draw with, and whether they are the embedded DejaVu (see module docs)."""

    regular: str
    bold: str
    embedded: bool
    folder: Path | None = None


def _matplotlib_fonts() -> Path | None:
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf"


def _folders() -> list[Path]:
    bundled = _matplotlib_fonts()
    return [DEBIAN_DEJAVU, *([bundled] if bundled is not None else [])]


@functools.cache
def document_fonts() -> Fonts:
    """Register the documents' fonts with reportlab once per process and name them."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for folder in _folders():
        if all((folder / file).is_file() for file in _FILES.values()):
            for name, file in _FILES.items():
                pdfmetrics.registerFont(TTFont(name, str(folder / file)))
            regular, bold = _FILES
            addMapping(regular, 0, 0, regular)
            addMapping(regular, 1, 0, bold)
            return Fonts(regular, bold, embedded=True, folder=folder)
    return Fonts("Helvetica", "Helvetica-Bold", embedded=False)
