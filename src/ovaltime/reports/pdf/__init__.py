"""The official PDF documents: start list and result list of a race, classification list and
series standings list. Importing this package loads reportlab; import it where a document is
drawn, not at the top of a command or a web module.
"""

from __future__ import annotations

from ovaltime.reports.pdf.classification_list import (
    ClassificationSection,
    classification_list_pdf,
)
from ovaltime.reports.pdf.race_lists import (
    StartEntry,
    result_list_pdf,
    result_notes,
    start_entries,
    start_list_pdf,
)
from ovaltime.reports.pdf.standings_list import cup_title, standings_list_pdf

__all__ = [
    "ClassificationSection",
    "StartEntry",
    "classification_list_pdf",
    "cup_title",
    "result_list_pdf",
    "result_notes",
    "standings_list_pdf",
    "start_entries",
    "start_list_pdf",
]
