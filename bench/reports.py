"""Benchmarks of the PDF documents and charts, each beside a bare baseline measured in this run.

* result list: the PDF of one race (the 1500 m men, division B, of the Heerenveen World Cup,
  28 skaters), against reportlab drawing a bare table of the same rows with no styling, no
  embedded font and no page numbering (the floor for any PDF of that table).
* weekend: the result list and the start list of every race of that World Cup weekend, against
  the same bare tables.
* lap chart: the SVG lap chart of the demo's 5000 m (16 skaters), against matplotlib drawing the
  same lines with no styling.

Without the published data in ``../shared/data``, a synthetic weekend of 24 races of 24 skaters
stands in. Medians of several runs; compare the ratios (the machines are shared and noisy).

Usage: ``python bench/reports.py [--quick]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from io import BytesIO
from pathlib import Path

from ovaltime.core.laps import laps_of
from ovaltime.core.ranking import rank_race
from ovaltime.core.results import Competition, Race, Result, Skater
from ovaltime.core.states import Gender
from ovaltime.core.times import Time
from ovaltime.demo import demo_competition
from ovaltime.reports.charts import lap_chart
from ovaltime.reports.pdf import result_list_pdf, start_list_pdf
from run import median_seconds, print_table  # bench/run.py, beside this file

WEEKEND = Path(__file__).resolve().parents[2] / "shared/data/isu-results-text"
HEERENVEEN = WEEKEND / "wc-2024-25-6-heerenveen.txt"


def synthetic_weekend() -> Competition:
    rng = random.Random(2026)
    races = []
    for number in range(24):
        distance = (500, 1000, 1500, 5000)[number % 4]
        base = distance * 70
        results = tuple(
            Result(Skater(f"Skater {number}-{i}", "NED"), Time(base + rng.randint(0, base // 20)))
            for i in range(24)
        )
        races.append(Race(distance, Gender(("women", "men")[number % 2]), results))
    return Competition("Synthetic World Cup", tuple(races), start=dt.date(2025, 3, 1))


def weekend() -> tuple[Competition, Race]:
    if HEERENVEEN.is_file():
        from ovaltime.formats.any_file import load_competition

        meeting = load_competition(HEERENVEEN).competition
        race = next(r for r in meeting.races if r.name == "1500 m men, division B")
        return meeting, race
    meeting = synthetic_weekend()
    return meeting, meeting.races[2]


def bare_table(race: Race) -> bytes:
    """reportlab's floor: the ranking's rows in a plain table, built with no style."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table

    rows = [["Rank", "Skater", "Nation", "Time", "Behind"]]
    rows += [
        [
            str(line.rank or ""),
            line.skater.name,
            line.skater.nation,
            line.time_text,
            line.behind_text,
        ]
        for line in rank_race(race)
    ]
    buffer = BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build([Table(rows, repeatRows=1)])
    return buffer.getvalue()


def bare_chart(race: Race) -> bytes:
    """matplotlib's floor: the same lines, unstyled, as SVG."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(8, 4))
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    for result in race.results:
        if result.passages:
            laps = laps_of(result, race.distance)
            axes.plot([m for m, _ in laps], [t / 1000 for _, t in laps], label=result.skater.name)
    axes.legend()
    buffer = BytesIO()
    figure.savefig(buffer, format="svg")
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, for a smoke test")
    runs = 3 if parser.parse_args().quick else 7
    meeting, race = weekend()
    demo = demo_competition().races[1]
    result_list_pdf(meeting, race)  # fonts registered and modules imported before timing
    lap_chart(demo)

    def all_documents() -> None:
        for each in meeting.races:
            result_list_pdf(meeting, each)
            start_list_pdf(meeting, each)

    def all_bare() -> None:
        for each in meeting.races:
            bare_table(each)
            bare_table(each)

    rows = [
        (
            f"result list, {len(race.results)} skaters",
            median_seconds(lambda: result_list_pdf(meeting, race), runs),
            "bare table",
            median_seconds(lambda: bare_table(race), runs),
        ),
        (
            f"weekend: {len(meeting.races)} result + start lists",
            median_seconds(all_documents, runs),
            "bare tables",
            median_seconds(all_bare, runs),
        ),
        (
            "lap chart SVG, 16 skaters",
            median_seconds(lambda: lap_chart(demo), runs),
            "bare matplotlib",
            median_seconds(lambda: bare_chart(demo), runs),
        ),
    ]
    print_table(f"{meeting.name}: medians of {runs} runs, measured in this run", rows)


if __name__ == "__main__":
    main()
