"""The story of one race: result, how it was won, records and incidents.

Which facts are told, by rule (each sentence names its rule as its ``kind``):

* ``winner`` — always, for a race with a ranked result: the winner, the time, the record the
  winning time set (the most important flag: WR, WRJ, NR, NRJ, TR, TRJ, PB; a season's best is
  not news for a winner), and the margin to second place. A margin of a second or more is "a
  clear" margin; one decided on the thousandth says so and gives both times to the thousandth.
  A shared win names both.
* ``podium`` — second and third place with their times and gaps.
* ``pace`` — races skated in pairs where every ranked result has its pair number: the longest
  spell at the top by a skater who did not win (at least two pairs), from which pair to which,
  and who ended it by how much; otherwise a winner who led from the opening pair. ``lead-changes``
  when the lead changed hands three times or more.
* ``faded`` — with passages: the skater with the biggest lead over the leader's time at the last
  split point (at least 0.10 s) who still finished behind that leader, with their last lap.
  ``came-from-behind`` — the winner was behind the leader's time at the last split point.
  ``last-lap`` — the fastest last lap of the race, when two or more skaters have one and it is
  not already told.
* ``record`` — every world, national and track record (junior ones too) below the podium;
  ``bests`` — the number of personal bests, naming up to three of them in rank order.
* ``incident`` — falls, disqualifications (with the infraction code), did not finish, withdrew.
  A skater who did not start is not a story.

Mass starts are ranked on points, so their story tells the places, not times or margins. Team
races tell the nations (and members) with the team times. Nothing is told that the data does not
hold: no passages, no split story; no pair numbers, no pace story.
"""

from __future__ import annotations

from collections.abc import Sequence

from ovaltime.core.laps import last_lap
from ovaltime.core.pairs import LeaderSpell, leader_spells
from ovaltime.core.ranking import Ranked, rank_race
from ovaltime.core.records import RECORD_KINDS, headline
from ovaltime.core.results import Race, Result
from ovaltime.core.splits import compare_to_leader, split_label
from ovaltime.core.states import RaceKind, Status
from ovaltime.core.teams import TeamResult, teams_of
from ovaltime.core.times import Time, format_behind
from ovaltime.reports.story.document import Paragraph, Sentence, paragraph
from ovaltime.reports.story.names import Namer
from ovaltime.reports.story.words import (
    count_words,
    gap_words,
    join_words,
    ordinal,
    pair_words,
    race_words,
    time_words,
)

__all__ = ["RECORD_WORDS", "race_story"]

#: How each record flag is told.
RECORD_WORDS = {
    "WR": "a world record",
    "WRJ": "a junior world record",
    "NR": "a national record",
    "NRJ": "a junior national record",
    "TR": "a track record",
    "TRJ": "a junior track record",
    "PB": "a personal best",
    "SB": "a season's best",
}
_NEWS = RECORD_KINDS
#: A lead at a split point smaller than this (thousandths) is not told as a lead that faded.
FADE_MIN = 100
#: A winning margin of at least this (thousandths) is a clear one.
CLEAR = 1000
_TEAM_KINDS = {RaceKind.TEAM_PURSUIT, RaceKind.TEAM_SPRINT, RaceKind.MIXED_RELAY}


def race_story(race: Race, namer: Namer | None = None) -> list[Paragraph]:
    """The paragraphs of ``race``'s story (module docstring), empty when nothing is known."""
    name = namer or Namer()
    name.meet([r.skater for r in race.results])
    if race.kind in _TEAM_KINDS:
        told = [_team_result(race)]
        return [p for p in told if p is not None]
    ranking = rank_race(race)
    ranked = [line for line in ranking if line.rank is not None]
    if not ranked:
        return []
    if race.kind is RaceKind.MASS_START:
        result = paragraph([_mass_start(race, ranked, name)])
        extra = paragraph(_incidents(race, name))
        return [p for p in (result, extra) if p is not None]
    top = paragraph([_winner(race, ranked, name), _podium(ranked, name)])
    course = paragraph([*_pace(race, name), *_splits(race, ranked, name)])
    rest = paragraph([*_records(ranked, name), _bests(ranked, name), *_incidents(race, name)])
    return [p for p in (top, course, rest) if p is not None]


# --- the result -------------------------------------------------------------------------------


def _flag(result: Result, *, season_best: bool = False) -> str:
    flag = headline(result.records)
    if flag == "SB" and not season_best:
        return ""
    return RECORD_WORDS.get(flag, "")


def _time(line: Ranked) -> Time:
    time = line.result.time
    if time is None:  # a ranked line always has a time
        raise ValueError(f"{line.skater.name}: ranked without a time")
    return time


def _winner(race: Race, ranked: Sequence[Ranked], name: Namer) -> Sentence:
    winners = [line for line in ranked if line.rank == 1]
    what = race_words(race)
    if len(winners) > 1:
        names = join_words([name(line.skater) for line in winners])
        return Sentence(
            "winner", f"{names} shared the win in {what} in {time_words(_time(winners[0]))}."
        )
    first = winners[0]
    record = _flag(first.result)
    text = f"{name(first.skater)} won {what} in {time_words(_time(first))}"
    if record:
        text += f", {record}"
    runner = next((line for line in ranked if line.rank == 2), None)
    if runner is not None and runner.behind is not None:
        margin = runner.behind
        if margin % 10:
            text += (
                f", ahead of {name(runner.skater)} on the thousandth: "
                f"{_time(first).format(decimals=3)} to {_time(runner).format(decimals=3)}"
            )
        else:
            clear = "a clear " if margin >= CLEAR else ""
            text += f", {clear}{gap_words(margin)} ahead of {name(runner.skater)}"
    return Sentence("winner", text + ".")


def _podium(ranked: Sequence[Ranked], name: Namer) -> Sentence | None:
    parts: list[str] = []
    for place in (2, 3):
        lines = [line for line in ranked if line.rank == place]
        if not lines:
            continue
        line = lines[0]
        detail = f"{time_words(_time(line))} ({line.behind_text})" if line.behind_text else ""
        record = _flag(line.result)
        if record:
            detail += f", {record}"
        if len(lines) > 1:
            parts.append(
                f"{join_words([name(x.skater) for x in lines])} shared {ordinal(place)} place "
                f"in {detail}"
            )
        else:
            parts.append(f"{name(line.skater)} was {ordinal(place)} in {detail}")
    if not parts:
        return None
    return Sentence("podium", "; ".join(parts).replace("; ", ", and ", 1) + ".")


def _mass_start(race: Race, ranked: Sequence[Ranked], name: Namer) -> Sentence:
    winners = [line for line in ranked if line.rank == 1]
    others = [line for line in ranked if line.rank in (2, 3)]
    text = f"{join_words([name(w.skater) for w in winners])} won {race_words(race)}"
    if others:
        text += f" ahead of {join_words([name(o.skater) for o in others])}"
    return Sentence("winner", text + ".")


def _team_names(team: TeamResult) -> str:
    members = [m.name for m in team.team.members]
    return f"{team.team.name} ({join_words(members)})" if members else team.team.name


def _team_result(race: Race) -> Paragraph | None:
    teams = [t for t in teams_of(race) if t.rank is not None and t.time is not None]
    if not teams:
        return None
    first = teams[0]
    text = f"{_team_names(first)} won {race_words(race)}"
    if first.time is not None:
        text += f" in {time_words(first.time)}"
    record = RECORD_WORDS.get(_team_record(race, first), "")
    if record:
        text += f", {record}"
    sentences = [Sentence("winner", text + ".")]
    podium = [t for t in teams[1:] if t.rank in (2, 3) and t.time is not None]
    if podium:
        parts = [
            f"{t.team.name}{' was' if i == 0 else ''} {ordinal(t.rank or 0)} in "
            f"{time_words(t.time)}" + (f" ({format_behind(t.behind)})" if t.behind else "")
            for i, t in enumerate(podium)
            if t.time is not None
        ]
        sentences.append(Sentence("podium", ", and ".join(parts) + "."))
    return Paragraph(tuple(sentences))


def _team_record(race: Race, team: TeamResult) -> str:
    members = {m.key for m in team.team.members}
    flags = [r.records for r in race.results if r.skater.key in members]
    return headline({flag for found in flags for flag in found})


# --- how the race went --------------------------------------------------------------------------


def _spells(race: Race) -> list[LeaderSpell]:
    timed = [r for r in race.results if r.ranked]
    if not timed or any(r.pair is None for r in timed):
        return []
    return leader_spells(race.results)


def _pace(race: Race, name: Namer) -> list[Sentence]:
    spells = _spells(race)
    if not spells:
        return []
    last = spells[-1].last_pair
    told: list[Sentence] = []
    beaten = [s for s in spells if not s.held_to_end and s.pairs >= 2]
    if beaten:
        spell = max(beaten, key=lambda s: (s.pairs, -s.from_pair))
        after = next((s for s in spells if s.from_pair == spell.to_pair + 1), None)
        text = (
            f"{name(spell.skater)} set the pace in {pair_words(spell.from_pair, last)} "
            f"and stayed in front until {pair_words(spell.to_pair, last)}"
        )
        if after is not None:
            margin = (after.time.hundredths - spell.time.hundredths) * 10
            text += f", when {name(after.skater)} moved ahead by {gap_words(margin)}"
        told.append(Sentence("pace", text + "."))
    elif len(spells) == 1 and spells[0].from_pair == 1 and last > 1:
        told.append(
            Sentence(
                "pace",
                f"{name(spells[0].skater)} set the winning time in the opening pair "
                "and nobody beat it.",
            )
        )
    changes = len(spells) - 1
    if changes >= 3:
        told.append(
            Sentence("lead-changes", f"The lead changed hands {count_words(changes)} times.")
        )
    return told


def _splits(race: Race, ranked: Sequence[Ranked], name: Namer) -> list[Sentence]:
    if not any(r.passages for r in race.results) or not _spells(race):
        return []
    told: list[Sentence] = []
    fade = _fade(race, ranked)
    if fade is not None:
        line, lead, leader, metres = fade
        lap = last_lap(line.result, race.distance)
        lap_text = f" needed {time_words(Time(lap))} for the last lap and" if lap else ""
        told.append(
            Sentence(
                "faded",
                f"{name(line.skater)} was {gap_words(lead)} ahead of {name(leader.skater)}'s "
                f"time {split_label(metres, race.distance)}, but{lap_text} finished "
                f"{gap_words(_behind(line.result, leader))} behind {name(leader.skater)}, in "
                f"{ordinal(line.rank or 0)} place.",
            )
        )
    winner = ranked[0]
    came = _came_from_behind(race, winner)
    laps = {
        id(line.result): lap
        for line in ranked
        if (lap := last_lap(line.result, race.distance)) is not None
    }
    if came is not None:
        deficit, leader, metres = came
        lap = laps.get(id(winner.result))
        finish = f" and won it with a last lap of {time_words(Time(lap))}" if lap else ""
        told.append(
            Sentence(
                "came-from-behind",
                f"{name(winner.skater)} was {gap_words(deficit)} behind {name(leader.skater)}'s "
                f"time {split_label(metres, race.distance)}{finish}.",
            )
        )
    if len(laps) >= 2:
        fastest = min(ranked, key=lambda line: laps.get(id(line.result), 10**9))
        already = came is not None and fastest is winner
        if not already:
            told.append(
                Sentence(
                    "last-lap",
                    f"{name(fastest.skater)} skated the fastest last lap of the race, "
                    f"{time_words(Time(laps[id(fastest.result)]))}.",
                )
            )
    return told


def _behind(result: Result, leader: Result) -> int:
    if result.time is None or leader.time is None:
        return 0
    return (result.time.hundredths - leader.time.hundredths) * 10


def _last_gap(race: Race, result: Result) -> tuple[int, Result, int] | None:
    """(gap, leader, metres) at ``result``'s last split point before the finish, against the
    leader when its pair started; ``None`` where there is nothing to compare."""
    comparison = compare_to_leader(race.results, result)
    gaps = [g for g in comparison.gaps if g.metres < race.distance]
    if comparison.against is None or not gaps:
        return None
    return gaps[-1].gap, comparison.against, gaps[-1].metres


def _fade(race: Race, ranked: Sequence[Ranked]) -> tuple[Ranked, int, Result, int] | None:
    best: tuple[Ranked, int, Result, int] | None = None
    for line in ranked:
        found = _last_gap(race, line.result)
        if found is None:
            continue
        gap, leader, metres = found
        faded = -gap >= FADE_MIN and _behind(line.result, leader) > 0
        if faded and (best is None or -gap > best[1]):
            best = (line, -gap, leader, metres)
    return best


def _came_from_behind(race: Race, winner: Ranked) -> tuple[int, Result, int] | None:
    if winner.rank != 1 or winner.tied:
        return None
    found = _last_gap(race, winner.result)
    if found is None or found[0] <= 0:
        return None
    return found


# --- records, bests and incidents ---------------------------------------------------------------


def _records(ranked: Sequence[Ranked], name: Namer) -> list[Sentence]:
    told = []
    for line in ranked:
        if line.rank is not None and line.rank <= 3:
            continue
        flag = headline(line.result.records)
        if flag in _NEWS:
            told.append(
                Sentence(
                    "record",
                    f"{name(line.skater)} set {RECORD_WORDS[flag]} of "
                    f"{time_words(_time(line))} in {ordinal(line.rank or 0)} place.",
                )
            )
    return told


def _bests(ranked: Sequence[Ranked], name: Namer) -> Sentence | None:
    bests = [line for line in ranked if headline(line.result.records) == "PB"]
    if not bests:
        return None
    if len(bests) == 1:
        line = bests[0]
        return Sentence(
            "bests",
            f"{name(line.skater)} skated a personal best of {time_words(_time(line))} "
            f"in {ordinal(line.rank or 0)} place.",
        )
    named = join_words([name(line.skater) for line in bests[:3]])
    among = "among them" if len(bests) > 3 else "they were"
    return Sentence(
        "bests", f"{count_words(len(bests))} skaters set personal bests; {among} {named}."
    )


_INCIDENT = {
    Status.DNF: "did not finish",
    Status.WDR: "withdrew",
}


def _incidents(race: Race, name: Namer) -> list[Sentence]:
    told = []
    for result in race.results:
        what = ""
        if result.status is Status.DQ:
            code = f" ({result.infraction})" if result.infraction else ""
            what = f"was disqualified{code}"
            if result.fell:
                what = f"fell and {what}"
        elif result.fell:
            what = "fell" + (" and did not finish" if result.status is Status.DNF else "")
        elif result.status in _INCIDENT:
            what = _INCIDENT[result.status]
        if what:
            told.append(Sentence("incident", f"{name(result.skater)} {what}."))
    return told
