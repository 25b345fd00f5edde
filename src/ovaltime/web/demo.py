"""The demo of ``ovaltime serve --demo``: the demo championship replayed live while serving.

``ovaltime serve --demo`` names the pace in ``OVALTIME_DEMO_PACE``; the application of each
worker reads it (``Settings.demo_pace``) and, in its lifespan, replays ``demo.demo_competition()``
through the services in a background thread (``services.replay.ReplayThread``), stopped when
the server shuts down.
"""

from __future__ import annotations

import os

from ovaltime.demo import demo_competition
from ovaltime.services.replay import ReplayThread
from ovaltime.services.unit import Context

__all__ = ["ENV_DEMO_PACE", "demo_pace_from_environment", "start_demo"]

#: The pace of the demo replay; unset or empty: no demo.
ENV_DEMO_PACE = "OVALTIME_DEMO_PACE"


def demo_pace_from_environment() -> float | None:
    """The pace in ``OVALTIME_DEMO_PACE``, or ``None`` when it is unset, empty or not above 0."""
    text = os.environ.get(ENV_DEMO_PACE, "").strip()
    try:
        pace = float(text) if text else None
    except ValueError:
        return None
    return pace if pace is not None and pace > 0 else None


def start_demo(context: Context, pace: float) -> ReplayThread:
    """Start replaying the demo championship into the database of ``context``."""
    replay = ReplayThread(context, demo_competition(), pace=pace)
    replay.start()
    return replay
