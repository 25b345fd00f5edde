"""A synthetic archive for the archive benchmark: seeded, streamed, about as real as it needs.

``synthetic_archive(results, seed)`` yields competitions in the order of time, season by
season, until ``results`` results have been made; the same seed gives the same archive.

* **Skaters** (``SKATERS`` = 20 000): a unique name (a first name and a surname built from
  syllables), a nation drawn with the weights of the real sport (the Netherlands first), a
  gender, a birth year, a level (most far from the best), a peak age around 26 and a
  speciality (sprint, allround, distance).
* **Careers**: each skater is active for 3 to 16 seasons from 16 years old; times improve
  towards the peak age and decline after it (a square of the distance to the peak), and the
  whole sport gets 0.4 % faster a season.
* **Competitions** (``SEASONS`` = 30 seasons, from 1995-96): about 175 a season at 25 rinks
  from sea level to 1 560 m (a rink 1 000 m up is 1.2 % faster), each of two days with races
  drawn with the real frequencies of the distances (500 m most, 10 000 m least; 3000 m mostly
  women, 10 000 m mostly men), 16 to 32 skaters a race, in pairs; 1.5 % of results are a DNF
  or DQ. Juniors (age 18 and under) race as ``A1``/``A2``, those up to 22 as ``Neo``.

``flat_rows`` turns a competition into the plain rows the baselines insert (one per result).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass

from ovaltime.core.records import season_start
from ovaltime.core.results import Competition, Race, Result, Skater
from ovaltime.core.states import Gender, Status
from ovaltime.core.times import Time

SKATERS = 20_000
SEASONS = 30
FIRST_SEASON = 1995
RACES_PER_COMPETITION = 8

#: (key, name, city, nation, altitude in metres, environment)
RINKS = (
    ("calgary", "Olympic Oval", "Calgary", "CAN", 1034, "indoor"),
    ("salt_lake_city", "Utah Olympic Oval", "Salt Lake City", "USA", 1423, "indoor"),
    ("thialf", "Thialf", "Heerenveen", "NED", 0, "indoor"),
    ("hamar", "Vikingskipet", "Hamar", "NOR", 125, "indoor"),
    ("inzell", "Max Aicher Arena", "Inzell", "GER", 690, "indoor"),
    ("kolomna", "Kolomna Speed Skating Center", "Kolomna", "RUS", 150, "indoor"),
    ("nagano", "M-Wave", "Nagano", "JPN", 342, "indoor"),
    ("erfurt", "Gunda Niemann Stirnemann Halle", "Erfurt", "GER", 200, "indoor"),
    ("berlin", "Sportforum", "Berlin", "GER", 34, "indoor"),
    ("milwaukee", "Pettit National Ice Center", "Milwaukee", "USA", 200, "indoor"),
    ("beijing", "National Speed Skating Oval", "Beijing", "CHN", 49, "indoor"),
    ("gangneung", "Gangneung Oval", "Gangneung", "KOR", 20, "indoor"),
    ("tomaszow", "Arena Lodowa", "Tomaszow Mazowiecki", "POL", 180, "indoor"),
    ("stavanger", "Sormarka Arena", "Stavanger", "NOR", 50, "indoor"),
    ("astana", "Alau Ice Palace", "Astana", "KAZ", 347, "indoor"),
    ("collalbo", "Ritten Arena", "Collalbo", "ITA", 1200, "artificial"),
    ("davos", "Eisstadion", "Davos", "SUI", 1560, "natural"),
    ("obihiro", "Meiji Hokkaido Tokachi Oval", "Obihiro", "JPN", 40, "indoor"),
    ("enschede", "IJsbaan Twente", "Enschede", "NED", 30, "artificial"),
    ("groningen", "Kardinge", "Groningen", "NED", 0, "artificial"),
    ("amsterdam", "Jaap Edenbaan", "Amsterdam", "NED", 0, "artificial"),
    ("helsinki", "Oulunkyla", "Helsinki", "FIN", 20, "artificial"),
    ("seoul", "Taereung", "Seoul", "KOR", 50, "artificial"),
    ("harbin", "Heilongjiang Oval", "Harbin", "CHN", 150, "indoor"),
    ("minsk", "Minsk Arena", "Minsk", "BLR", 220, "indoor"),
)

NATIONS = (
    ("NED", 14), ("NOR", 7), ("GER", 7), ("JPN", 8), ("USA", 6), ("CAN", 6), ("RUS", 7),
    ("CHN", 6), ("KOR", 5), ("ITA", 3), ("POL", 4), ("KAZ", 2), ("CZE", 1), ("AUT", 1),
    ("SUI", 1), ("FIN", 2), ("SWE", 2), ("BEL", 1), ("FRA", 1), ("BLR", 2), ("EST", 1),
    ("LAT", 1), ("HUN", 1), ("DEN", 1), ("GBR", 1), ("AUS", 1), ("NZL", 1), ("TPE", 1),
    ("ROU", 1), ("UKR", 1),
)  # fmt: skip

#: Seconds of a world-class time at sea level in 2010, by gender and distance.
BASE = {
    Gender.MEN: {500: 34.9, 1000: 68.8, 1500: 105.5, 3000: 222.0, 5000: 375.0, 10000: 780.0},
    Gender.WOMEN: {500: 37.9, 1000: 75.5, 1500: 116.5, 3000: 240.0, 5000: 412.0, 10000: 860.0},
}
#: How often each distance is skated, by gender (weights).
FREQUENCY = {
    Gender.MEN: {500: 27, 1000: 22, 1500: 22, 3000: 3, 5000: 16, 10000: 10},
    Gender.WOMEN: {500: 27, 1000: 23, 1500: 23, 3000: 15, 5000: 10, 10000: 2},
}
#: Speciality: how much faster (negative) or slower a skater is on sprint and long distances.
SPECIALITIES = {"sprint": (-0.012, 0.03), "allround": (0.0, 0.0), "distance": (0.025, -0.012)}

FIRST = {
    Gender.MEN: "Aart Bas Cees Daan Erik Finn Gerrit Hein Ivo Jan Kees Lars Maarten Niels Olaf "
    "Pieter Ruud Sven Timo Ulrich Vincent Wim Yuri Zeno Anton Boris Claes Dmitri Elias Fabian "
    "Goran Hugo Igor Jonas Kai Lukas Mats Nico Oskar Pavel Quinn Rasmus Sander Thomas Viktor",
    Gender.WOMEN: "Anna Bea Carla Dora Eva Femke Greta Hanna Ida Joy Karin Lotte Marit Nina "
    "Olga Petra Rosa Sanne Tessa Ulla Vera Wendy Xenia Yvonne Zoe Agnes Britt Clara Dunja "
    "Elena Frida Gunda Heidi Irene Julia Kirsten Lena Mirjam Noor Paula Renate Sara Tineke",
}
SYLLABLES = (
    "ber", "bos", "dam", "dijk", "en", "gen", "hof", "jan", "kamp", "kol", "lan", "man", "mer",
    "nor", "ol", "pet", "rik", "sen", "ste", "tar", "van", "vel", "win", "zan", "holm", "berg",
    "strom", "sky", "nov", "lev", "kov", "ter", "ova", "ski", "mura", "yama", "sato", "kim",
    "lee", "park", "wang", "liu", "zhou", "mar", "tin", "ros", "dal", "hag", "lund", "mos", "vik",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Synthetic:
    """One synthetic skater."""

    id: int
    name: str
    nation: str
    gender: Gender
    born: int
    level: float
    peak: float
    speciality: str
    first: int
    last: int


def skaters(chance: random.Random) -> list[Synthetic]:
    names: set[str] = set()
    nations = [n for n, _ in NATIONS]
    weights = [w for _, w in NATIONS]
    made = []
    for ident in range(1, SKATERS + 1):
        gender = Gender.MEN if ident % 2 else Gender.WOMEN
        while True:
            surname = "".join(chance.choice(SYLLABLES) for _ in range(chance.choice((2, 2, 3))))
            name = f"{chance.choice(FIRST[gender].split())} {surname.capitalize()}"
            if name not in names:
                names.add(name)
                break
        born = chance.randint(FIRST_SEASON - 32, FIRST_SEASON + SEASONS - 17)
        first = max(born + 16, FIRST_SEASON)
        length = min(16, 3 + int(chance.expovariate(1 / 5)))
        made.append(
            Synthetic(
                ident,
                name,
                chance.choices(nations, weights)[0],
                gender,
                born,
                1.0 + min(0.3, abs(chance.gauss(0, 0.07))),
                chance.gauss(26, 2),
                chance.choice(("sprint", "allround", "allround", "distance")),
                first,
                born + 16 + length,
            )
        )
    return made


def _time(chance: random.Random, who: Synthetic, distance: int, season: int, altitude: int) -> int:
    base = BASE[who.gender][distance]
    sprint, long = SPECIALITIES[who.speciality]
    special = sprint if distance <= 1000 else long if distance >= 3000 else 0.0
    age = season - who.born
    seconds = (
        base
        * who.level
        * (1 + 0.004 * (2010 - season))
        * (1 - 0.012 * altitude / 1000)
        * (1 + 0.0025 * (age - who.peak) ** 2)
        * (1 + special)
        * (1 + chance.gauss(0, 0.006))
    )
    return round(seconds * 1000)


def _age_group(age: int) -> str:
    if age <= 17:
        return "A1"
    if age == 18:
        return "A2"
    return "Neo" if age <= 22 else "Senior"


def synthetic_archive(results: int, seed: int = 2025) -> Iterator[Competition]:
    """Competitions in the order of time until ``results`` results are made (see module)."""
    chance = random.Random(seed)
    everyone = skaters(chance)
    made = 0
    per_season = results // SEASONS + 1
    for season in range(FIRST_SEASON, FIRST_SEASON + SEASONS):
        active = {
            g: [s for s in everyone if s.gender is g and s.first <= season < s.last]
            for g in (Gender.MEN, Gender.WOMEN)
        }
        plans = []
        season_results = 0
        number = 0
        while season_results < per_season:
            number += 1
            rink = chance.choice(RINKS)
            start = dt.date(season, 10, 1) + dt.timedelta(days=chance.randint(0, 170))
            races = []
            for _ in range(RACES_PER_COMPETITION):
                gender = chance.choice((Gender.MEN, Gender.WOMEN))
                weights = FREQUENCY[gender]
                distance = chance.choices(list(weights), list(weights.values()))[0]
                field = chance.randint(16, 32)
                races.append((gender, distance, field, chance.randint(0, 1)))
                season_results += field
            plans.append((start, number, rink, races))
        plans.sort(key=lambda plan: (plan[0], plan[1]))
        for start, number, rink, races in plans:
            if made >= results:
                return
            competition = _competition(chance, season, start, number, rink, races, active)
            competition, made = _trimmed(competition, results - made, made)
            yield competition


def _competition(
    chance: random.Random,
    season: int,
    start: dt.date,
    number: int,
    rink: tuple[str, str, str, str, int, str],
    plans: list[tuple[Gender, int, int, int]],
    active: dict[Gender, list[Synthetic]],
) -> Competition:
    _, name, city, nation, altitude, _ = rink
    races = []
    for gender, distance, field, day in plans:
        pool = active[gender]
        chosen = chance.sample(pool, min(field, len(pool)))
        results = []
        for index, who in enumerate(chosen):
            skater = Skater(who.name, who.nation, _age_group(season - who.born))
            pair = index // 2 + 1
            roll = chance.random()
            if roll < 0.01:
                results.append(Result(skater, None, Status.DNF, pair=pair))
            elif roll < 0.015:
                results.append(Result(skater, None, Status.DQ, pair=pair))
            else:
                time = Time(_time(chance, who, distance, season, altitude))
                results.append(Result(skater, time, pair=pair))
        date = start + dt.timedelta(days=day)
        races.append(Race(distance, gender, tuple(results), date=date))
    label = "World Cup" if number % 12 == 0 else "Meeting"
    title = f"{label} {city} {season}-{(season + 1) % 100:02d} #{number}"
    return Competition(
        title,
        tuple(races),
        venue=name,
        nation=nation,
        start=start,
        end=start + dt.timedelta(days=1),
    )


def _trimmed(competition: Competition, room: int, made: int) -> tuple[Competition, int]:
    """The competition cut to at most ``room`` results, and the count made after it."""
    count = sum(len(race.results) for race in competition.races)
    if count <= room:
        return competition, made + count
    races = []
    for race in competition.races:
        if room <= 0:
            break
        kept = race.results[:room]
        room -= len(kept)
        races.append(Race(race.distance, race.gender, kept, date=race.date))
    trimmed = Competition(
        competition.name,
        tuple(races),
        venue=competition.venue,
        nation=competition.nation,
        start=competition.start,
        end=competition.end,
    )
    return trimmed, made + sum(len(race.results) for race in races)


def person_ids(seed: int = 2025) -> dict[tuple[str, str], int]:
    """The synthetic id of each (name, nation): who each result is, for the baselines."""
    return {(s.name, s.nation): s.id for s in skaters(random.Random(seed))}


FLAT_COLUMNS = (
    "id", "person", "name", "nation", "gender", "distance", "season", "date", "rink",
    "age_group", "time_thousandths", "hundredths", "status", "competition",
)  # fmt: skip


def flat_rows(
    competition: Competition, first_id: int, persons: dict[tuple[str, str], int]
) -> list[tuple[object, ...]]:
    """The competition's results as plain rows (``FLAT_COLUMNS``)."""
    rows: list[tuple[object, ...]] = []
    for race in competition.races:
        date = race.date or competition.start
        season = season_start(date) if date else 0
        for result in race.results:
            skater = result.skater
            time = result.time.thousandths if result.time else None
            rows.append(
                (
                    first_id + len(rows),
                    persons[(skater.name, skater.nation)],
                    skater.name,
                    skater.nation,
                    race.gender.value,
                    race.distance,
                    season,
                    date.isoformat() if date else None,
                    competition.venue,
                    skater.age_group,
                    time,
                    time // 10 if time is not None else None,
                    result.status.value,
                    competition.name,
                )
            )
    return rows
