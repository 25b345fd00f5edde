"""``ovaltime demo``: the demo allround championship, distance by distance."""

from __future__ import annotations

import sys
import time

from ovaltime.cli.classify_output import write_classification
from ovaltime.cli.output import OutputFormat, console, write_json
from ovaltime.cli.race_output import ranking_table
from ovaltime.core.combination import BIG, classify
from ovaltime.core.ranking import rank_race
from ovaltime.demo import demo_competition
from ovaltime.formats.views import classification_view, ranking_view


def demo_command(*, fmt: OutputFormat, pause: float) -> None:
    """Each race ranked with its running leader, then the classification after it."""
    competition = demo_competition()
    races = competition.races
    if fmt is OutputFormat.json:
        write_json(
            {
                "competition": competition.name,
                "races": [
                    {
                        "name": race.name,
                        **ranking_view(rank_race(race)),
                        "classification": classification_view(classify(BIG, races[: index + 1])),
                    }
                    for index, race in enumerate(races)
                ],
            }
        )
        return
    out = console()
    if fmt is OutputFormat.table:
        out.rule(f"{competition.name} — {competition.venue}, big combination")
    for index, race in enumerate(races):
        if fmt is OutputFormat.table:
            out.print(ranking_table(race, rank_race(race)))
        write_classification(classify(BIG, races[: index + 1]), fmt)
        if pause and sys.stdout.isatty() and index < len(races) - 1:
            time.sleep(pause)
