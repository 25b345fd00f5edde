"""Charts of races and classifications, as SVG for the web and PNG for the PDF documents.

matplotlib is imported only when a chart is drawn (``figure.draw``), never by importing this
package; see ``figure`` for what makes the output the same every time.

* ``lap_chart(race)``: each skater's lap times.
* ``gap_chart(race)``: each skater's gap to the fastest passage at every split point.
* ``progression_chart(classifications)``: rank or points gap after each race of a combination.
* ``notice(text)``: an empty chart saying why there is nothing to draw yet.
"""

from __future__ import annotations

from ovaltime.reports.charts.figure import DPI, ImageFormat, notice
from ovaltime.reports.charts.progression import PROGRESSION_SIZE, Measure, progression_chart
from ovaltime.reports.charts.race import LAP_CHART_SIZE, charted, gap_chart, lap_chart

__all__ = [
    "DPI",
    "LAP_CHART_SIZE",
    "PROGRESSION_SIZE",
    "ImageFormat",
    "Measure",
    "charted",
    "gap_chart",
    "lap_chart",
    "notice",
    "progression_chart",
]
