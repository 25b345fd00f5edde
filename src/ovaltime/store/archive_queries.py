"""Every read of the archive, in one place for the command line, the API and the pages.

Each function takes a ``Session`` the caller owns (``engine.read_session``) and returns plain
frozen dataclasses; none writes. See the modules for how each list is computed and ranked:
``archive_lists`` (season and all-time lists), ``archive_adelskalender``,
``archive_person_queries`` (bests, PB progression, head to head, search, aliases) and
``archive_record_queries`` (records standing now and at a date).
"""

from __future__ import annotations

from ovaltime.store.archive_adelskalender import (
    AdelskalenderLine,
    AdelskalenderStep,
    adelskalender,
    adelskalender_history,
)
from ovaltime.store.archive_lists import ListLine, alltime_list, season_list
from ovaltime.store.archive_person_queries import (
    AliasLine,
    DistanceBests,
    HeadToHead,
    Meeting,
    PersonFound,
    PersonResult,
    aliases_of,
    bests,
    find_persons,
    head_to_head,
    pb_progression,
)
from ovaltime.store.archive_record_queries import RecordLine, records, world_record_at

__all__ = [
    "AdelskalenderLine",
    "AdelskalenderStep",
    "AliasLine",
    "DistanceBests",
    "HeadToHead",
    "ListLine",
    "Meeting",
    "PersonFound",
    "PersonResult",
    "RecordLine",
    "adelskalender",
    "adelskalender_history",
    "aliases_of",
    "alltime_list",
    "bests",
    "find_persons",
    "head_to_head",
    "pb_progression",
    "records",
    "season_list",
    "world_record_at",
]
