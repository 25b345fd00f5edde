"""The story of one race, sentence kind by sentence kind.

Reference: ISU World Cup 2017-18, Calgary (Olympic Oval), women's 1500 m, 3 December 2017, as
the ISU's own report and the Dutch press published it ("Takagi takes third consecutive 1500m
gold", isu.org; nieuws.nl, omropfryslan.nl, 3 December 2017): Miho Takagi 1:51.79, a Japanese
record, in the final pairing against Lotte van Beek (15th, 1:55.39); Marrit Leenstra 1:52.06, a
Dutch record, in the fourth pairing, "the first skater to break the 1:53 barrier"; Yekaterina
Shikhova 1:53.52, a Russian record, in the sixth pairing; Ireen Wüst 1:53.89, fourth, in the
seventh pair. Only these five, whose pairs were published, are in the fixture; the final pairing
is numbered 8 here (the published text says only "final"). Pair and passage rules beyond these
facts are tested on hand-made races, named as such.
"""

from __future__ import annotations

from ovaltime.core.distances import Passage
from ovaltime.core.results import Race, Result, Skater
from ovaltime.core.states import Gender, Lane, RaceKind, Status
from ovaltime.core.times import Time
from ovaltime.reports.story.document import Sentence
from ovaltime.reports.story.race import race_story

TAKAGI = Skater("Miho Takagi", "JPN")
LEENSTRA = Skater("Marrit Leenstra", "NED")
SHIKHOVA = Skater("Yekaterina Shikhova", "RUS")
WUST = Skater("Ireen Wüst", "NED")
VAN_BEEK = Skater("Lotte van Beek", "NED")


def calgary_1500() -> Race:
    def res(skater: Skater, time: str, pair: int, lane: Lane, *records: str) -> Result:
        return Result(skater, Time.parse(time), pair=pair, lane=lane, records=records)

    return Race(
        1500,
        Gender.WOMEN,
        (
            res(LEENSTRA, "1:52.06", 4, Lane.INNER, "NR", "PB"),
            res(SHIKHOVA, "1:53.52", 6, Lane.OUTER, "NR"),
            res(WUST, "1:53.89", 7, Lane.INNER),
            res(TAKAGI, "1:51.79", 8, Lane.INNER, "NR"),
            res(VAN_BEEK, "1:55.39", 8, Lane.OUTER),
        ),
    )


def told(race: Race, kind: str | None = None) -> list[str]:
    sentences: list[Sentence] = [s for p in race_story(race) for s in p.sentences]
    return [s.text for s in sentences if kind is None or s.kind == kind]


def test_winner_with_record_and_margin() -> None:
    assert told(calgary_1500(), "winner") == [
        "Miho Takagi (JPN) won the women's 1,500 m in 1:51.79, a national record, "
        "0.27 seconds ahead of Marrit Leenstra (NED)."
    ]


def test_podium_with_gaps_and_records() -> None:
    assert told(calgary_1500(), "podium") == [
        "Leenstra was second in 1:52.06 (+0.27), a national record, and "
        "Yekaterina Shikhova (RUS) was third in 1:53.52 (+1.73), a national record."
    ]


def test_who_set_the_pace_until_which_pair() -> None:
    assert told(calgary_1500(), "pace") == [
        "Leenstra set the pace in pair 4 and stayed in front until the penultimate pair, "
        "when Takagi moved ahead by 0.27 seconds."
    ]


def test_no_invented_facts_without_passages() -> None:
    race = calgary_1500()
    for kind in ("faded", "came-from-behind", "last-lap", "incident"):
        assert told(race, kind) == []


def test_no_pace_story_without_pair_numbers() -> None:
    race = calgary_1500()
    unpaired = Race(1500, Gender.WOMEN, tuple(r.with_(pair=None) for r in race.results))
    assert told(unpaired, "pace") == []
    assert told(unpaired, "winner")  # the result is still told


# --- hand-made races for the rules the published text gives no numbers for ----------------


def _passages(*pairs: tuple[int, str]) -> tuple[Passage, ...]:
    return tuple(Passage(metres, Time.parse(time)) for metres, time in pairs)


def paced_1500() -> Race:
    """Hand-made: A leads from pair 1; B (pair 2) is 0.88 ahead of A with a lap to go but
    finishes behind her; C (pair 3) is behind A with a lap to go and wins."""
    a = Result(
        Skater("Anna Alpha", "NED"),
        Time.parse("1:56.36"),
        pair=1,
        passages=_passages((300, "25.00"), (700, "54.00"), (1100, "1:24.00")),
    )
    b = Result(
        Skater("Bea Beta", "NED"),
        Time.parse("1:56.50"),
        pair=2,
        passages=_passages((300, "24.80"), (700, "53.50"), (1100, "1:23.12")),
    )
    c = Result(
        Skater("Cara Gamma", "JPN"),
        Time.parse("1:56.20"),
        pair=3,
        passages=_passages((300, "25.20"), (700, "54.20"), (1100, "1:24.30")),
    )
    d = Result(Skater("Dora Delta", "CAN"), status=Status.DQ, infraction="T08", fell=True, pair=3)
    return Race(1500, Gender.WOMEN, (a, b, c, d))


def test_a_lead_at_the_last_split_that_faded() -> None:
    # Every skater was named in full in the result sentences before: surnames here.
    assert told(paced_1500(), "faded") == [
        "Beta was 0.88 seconds ahead of Alpha's time with a lap to go, but needed 33.38 for "
        "the last lap and finished 0.14 seconds behind Alpha, in third place."
    ]


def test_the_winner_came_from_behind_and_the_fastest_last_lap() -> None:
    race = paced_1500()
    assert told(race, "came-from-behind") == [
        "Gamma was 0.30 seconds behind Alpha's time with a lap to go and won it with a last "
        "lap of 31.90."
    ]
    assert told(race, "last-lap") == []  # the winner's last lap, told already


def test_incidents() -> None:
    assert told(paced_1500(), "incident") == ["Dora Delta (CAN) fell and was disqualified (T08)."]


def test_shared_win_and_a_win_on_the_thousandth() -> None:
    one, two, three = (Skater(n, "NED") for n in ("Jan Een", "Piet Twee", "Kees Drie"))
    shared = Race(
        500,
        Gender.MEN,
        (Result(one, Time.parse("34.401")), Result(two, Time.parse("34.401"))),
    )
    assert told(shared, "winner") == [
        "Jan Een (NED) and Piet Twee (NED) shared the win in the men's 500 m in 34.40."
    ]
    thousandth = Race(
        1500,
        Gender.MEN,
        (Result(one, Time.parse("1:45.006")), Result(three, Time.parse("1:45.009"))),
    )
    assert told(thousandth, "winner") == [
        "Jan Een (NED) won the men's 1,500 m in 1:45.00, ahead of Kees Drie (NED) on the "
        "thousandth: 1:45.006 to 1:45.009."
    ]


def test_records_below_the_podium_and_personal_bests() -> None:
    skaters = [Skater(f"Skater {n}", "NOR") for n in "ABCDEF"]
    results = tuple(
        Result(s, Time.parse(f"1:10.{10 + i:02d}"), records=flags)
        for i, (s, flags) in enumerate(
            zip(skaters, [(), (), (), ("NR", "PB"), ("PB",), ("PB", "SB")], strict=True)
        )
    )
    race = Race(1000, Gender.MEN, results)
    assert told(race, "record") == [
        "Skater D (NOR) set a national record of 1:10.13 in fourth place."
    ]
    assert told(race, "bests") == [
        "Two skaters set personal bests; they were Skater E (NOR) and Skater F (NOR)."
    ]


def test_a_mass_start_tells_places_not_times() -> None:
    names = [Skater(n, "ITA") for n in ("Andrea Uno", "Bruno Due", "Carlo Tre")]
    race = Race(
        6400,
        Gender.MEN,
        tuple(Result(s, Time.parse("7:40.00"), published_rank=i + 1) for i, s in enumerate(names)),
        kind=RaceKind.MASS_START,
    )
    assert told(race) == [
        "Andrea Uno (ITA) won the men's mass start ahead of Bruno Due (ITA) and Carlo Tre (ITA)."
    ]


def test_lead_changes_and_the_fastest_last_lap() -> None:
    """The demo's men's 1500 m (fictional, ``ovaltime.demo``): six changes of the lead; the
    fastest last lap by a skater who fell."""
    from ovaltime.demo import demo_competition

    race = demo_competition().races[2]
    assert told(race, "lead-changes") == ["The lead changed hands six times."]
    assert told(race, "last-lap") == [
        "Kenta Morisaki (JPN) skated the fastest last lap of the race, 28.07."
    ]
    assert told(race, "incident") == ["Morisaki fell."]
