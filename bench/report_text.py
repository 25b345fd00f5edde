"""Benchmark: the written reports of a World Cup weekend.

The day reports (each day of the meeting) and the competition report of an ISU World Cup meeting
(``../shared/data/isu-results-text/wc-2024-25-5-tomaszow.txt``: 26 races, Division A and B; a
synthetic meeting of 24 races when the shared data is absent), rendered as Markdown and as
HTML. The baseline is ``rank_race`` over the same races, the ranking every report starts from:
the ratio says what the storytelling costs on top of ranking. Medians of several runs, all
measured in this one run.

Usage: ``python bench/report_text.py [--quick]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

from ovaltime.core.ranking import rank_race
from ovaltime.core.results import Competition, Race, Result, Skater
from ovaltime.core.states import Gender
from ovaltime.core.times import Time
from ovaltime.formats.any_file import load_competition
from ovaltime.reports.text import write_report
from run import median_seconds, print_table

MEETING = (
    Path(__file__).resolve().parents[2] / "shared/data/isu-results-text/wc-2024-25-5-tomaszow.txt"
)


def synthetic_meeting(races: int = 24, field: int = 20) -> Competition:
    """A meeting of ``races`` races of ``field`` skaters over three days, seeded."""
    rng = random.Random(2025)
    start = dt.date(2025, 1, 31)
    out = []
    for number in range(races):
        distance = (500, 1000, 1500, 3000, 5000)[number % 5]
        base = {500: 35_000, 1000: 68_000, 1500: 105_000, 3000: 230_000, 5000: 380_000}[distance]
        results = tuple(
            Result(
                Skater(f"Skater {number}-{i}", "NED"),
                Time(base + rng.randrange(0, base // 20)),
                pair=i // 2 + 1,
            )
            for i in range(field)
        )
        gender = (Gender.WOMEN, Gender.MEN)[number % 2]
        out.append(Race(distance, gender, results, date=start + dt.timedelta(days=number % 3)))
    return Competition("Synthetic World Cup", tuple(out), start=start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one run each")
    args = parser.parse_args()
    runs = 1 if args.quick else 7
    if MEETING.is_file():
        competition = load_competition(MEETING).competition
        source = f"{MEETING.name} ({len(competition.races)} races)"
    else:
        competition = synthetic_meeting()
        source = f"synthetic meeting ({len(competition.races)} races)"
    days = sorted({race.date for race in competition.races if race.date is not None})

    def rank_all() -> None:
        for race in competition.races:
            rank_race(race)

    def day_reports(fmt: str) -> None:
        for day in days:
            write_report(competition, day=day, fmt=fmt)

    baseline = median_seconds(rank_all, runs)
    rows = [
        (f"{len(days)} day reports, md", median_seconds(lambda: day_reports("md"), runs)),
        (f"{len(days)} day reports, html", median_seconds(lambda: day_reports("html"), runs)),
        ("competition report, md", median_seconds(lambda: write_report(competition), runs)),
    ]
    print_table(
        f"Written reports of {source}, median of {runs}",
        [(name, ours, "rank_race, every race", baseline) for name, ours in rows],
    )


if __name__ == "__main__":
    main()
