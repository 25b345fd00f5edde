"""Record lists: rinks, skater keys and world record progressions.

The real files are ``../shared/data/records/`` (Abigail/Abigail.github.io,
``Data/Sports/Speedskating/``): every progression reads without a problem, the counts and the
last records are as published, and every holder, member and rink has a key. Small texts
written here cover the quirks the real files do not show.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ovaltime.core.records import Entry, RecordBook
from ovaltime.core.states import Gender
from ovaltime.core.times import Time
from ovaltime.formats.record_lists import (
    Progression,
    Rink,
    SkaterKey,
    decode_escapes,
    progression_event,
    read_progression,
    read_rinks,
    read_skater_keys,
    rink_on,
)
from ovaltime.formats.textfile import read_text
from tests.conftest import SHARED_DATA

PROGRESSIONS = SHARED_DATA / "records" / "world-record-progressions"

# Records per file, counted on the published lists.
COUNTS = {
    "men_500": 73,
    "men_1000": 50,
    "men_1500": 57,
    "men_3000": 33,
    "men_5000": 58,
    "men_10000": 54,
    "men_2x500": 3,
    "men_pursuit": 10,
    "women_500": 47,
    "women_1000": 49,
    "women_1500": 39,
    "women_3000": 42,
    "women_5000": 29,
    "women_10000": 14,
    "women_2x500": 3,
    "women_pursuit": 8,
    "mixed_relay": 2,
}


def _progression(folder: Path, name: str) -> Progression:
    progression, problems = read_progression(read_text(folder / f"{name}.txt"), name)
    assert problems == []
    return progression


@pytest.fixture
def records(shared_data: Path) -> Path:
    return shared_data / "records"


@pytest.fixture
def rinks(records: Path) -> list[Rink]:
    found, problems = read_rinks(read_text(records / "rinks.txt"), "rinks.txt")
    assert problems == []
    return found


@pytest.fixture
def skaters(records: Path) -> dict[str, SkaterKey]:
    found, problems = read_skater_keys(read_text(records / "skaters.txt"), "skaters.txt")
    # The published list has one key twice, with the same line both times.
    assert [(p.line, p.message) for p in problems] == [
        (132, "skater 'kondakova' listed again (first on line 129)")
    ]
    return found


# -- the real files ---------------------------------------------------------------------------
@pytest.mark.shared_data
def test_every_progression_file_is_known_and_reads(records: Path) -> None:
    folder = records / "world-record-progressions"
    assert sorted(p.stem for p in folder.glob("*.txt")) == sorted(COUNTS)
    for name, count in COUNTS.items():
        progression = _progression(folder, name)
        assert len(progression.entries) == count, name
        assert progression.title, name


@pytest.mark.shared_data
def test_men_500_m_ends_with_kulizhnikov(records: Path) -> None:
    progression = _progression(records / "world-record-progressions", "men_500")
    assert progression.title == "500 Meter"
    assert progression.headers["short_name"] == "500m"
    first, last = progression.entries[0], progression.entries[-1]
    assert (first.holder, first.time, first.time.precision) == ("grunden", Time(50_800, 1), 1)
    assert (first.date, first.rink) == (dt.date(1891, 2, 28), "neglingeviken")
    assert (last.holder, last.time, last.date, last.rink) == (
        "kulizhnikov",
        Time.parse("33.61"),
        dt.date(2019, 3, 9),
        "salt_lake_city",
    )


@pytest.mark.shared_data
def test_two_by_500_m_keeps_both_races(records: Path) -> None:
    progression = _progression(records / "world-record-progressions", "men_2x500")
    assert progression.title == "2 x 500m Combination"
    assert progression.headers["summary"].endswith(
        "determined by the total time after two races qualify."
    )
    last = progression.entries[-1]
    assert (last.holder, last.time, last.races) == (
        "wotherspoon",
        Time.parse("68.310"),
        (Time.parse("0:34.26"), Time.parse("0:34.05")),
    )
    assert all(len(entry.races) == 2 for entry in progression.entries)


@pytest.mark.shared_data
def test_team_events_list_their_members(records: Path) -> None:
    folder = records / "world-record-progressions"
    pursuit = _progression(folder, "men_pursuit").entries[-1]
    assert (pursuit.holder, pursuit.time, pursuit.members) == (
        "USA",
        Time.parse("3:33.66"),
        ("dawson", "lehman", "cepuran"),
    )
    relay = _progression(folder, "mixed_relay").entries
    assert [(e.holder, e.members) for e in relay] == [
        ("NED", ("kok", "dijs")),
        ("CHN", ("sun", "jin")),
    ]


@pytest.mark.shared_data
def test_suspended_records(records: Path) -> None:
    folder = records / "world-record-progressions"
    (ten,) = _progression(folder, "women_10000").suspensions
    assert ten.date == dt.date(1953, 1, 1)
    assert ten.note == (
        "Record suspended from the ISU Congress of 1953 onwards; the following records are not"
        " official"
    )
    (five,) = _progression(folder, "women_5000").suspensions
    assert "till the ISU Congress of 1982" in five.note


@pytest.mark.shared_data
def test_every_holder_member_and_rink_has_a_key(
    records: Path, rinks: list[Rink], skaters: dict[str, SkaterKey]
) -> None:
    rink_keys = {rink.key for rink in rinks}
    for name in COUNTS:
        for entry in _progression(records / "world-record-progressions", name).entries:
            assert entry.rink in rink_keys, (name, entry.line)
            for key in entry.members or (entry.holder,):
                assert key in skaters, (name, entry.line, key)


@pytest.mark.shared_data
def test_progressions_replay_as_world_records(records: Path) -> None:
    """Each individual record is a WR when replayed in order, equalled records included, but
    for one: Börjes' hand-timed 0:38.9 (1970-01-18) stands in the list before Muratov's
    electronic 0:38.99 (1970-01-24), which the list counts as a record too."""
    not_records = []
    for name in COUNTS:
        gender, event = progression_event(name)
        if not event.isdigit():
            continue
        book = RecordBook()
        for entry in _progression(records / "world-record-progressions", name).entries:
            flags = book.add(Entry(0, int(event), gender, entry.date, entry.time))
            if "WR" not in flags:
                not_records.append((name, entry.holder, str(entry.time)))
    assert not_records == [("men_500", "muratov", "38.99")]


@pytest.mark.shared_data
def test_rinks(rinks: list[Rink]) -> None:
    assert len(rinks) == 77
    assert len({rink.key for rink in rinks}) == 67
    calgary = rink_on(rinks, "calgary", dt.date(2019, 3, 9))
    assert calgary is not None
    assert (calgary.name, calgary.city, calgary.nation) == ("Olympic Oval", "Calgary", "CAN")
    assert (calgary.environment, calgary.altitude) == ("indoor", 1034)
    berlin = rink_on(rinks, "berlin", dt.date(2004, 11, 21))
    assert berlin is not None
    assert berlin.name == "Sportforum Hohenschönhausen"
    assert {rink.environment for rink in rinks} == {"indoor", "artificial", "natural"}


@pytest.mark.shared_data
def test_rink_periods(rinks: list[Rink]) -> None:
    thialf = [r for r in rinks if r.key == "thialf"]
    assert [(r.since_text, r.environment) for r in thialf] == [
        ("1967-10-14", "artificial"),
        ("1986-10-00", "indoor"),
    ]
    assert thialf[1].since == dt.date(1986, 10, 1)

    def on(key: str, day: str) -> tuple[str, str, str]:
        rink = rink_on(rinks, key, dt.date.fromisoformat(day))
        assert rink is not None
        return (rink.name, rink.nation, rink.environment)

    assert on("thialf", "1987-02-15") == ("Thialf", "NED", "indoor")
    assert on("thialf", "1970-01-01") == ("Thialf", "NED", "artificial")
    assert on("inzell", "1971-03-14") == ("Ludwig Schwabl Stadion", "FRG", "artificial")
    assert on("inzell", "2012-01-01") == ("Max Aicher Arena", "GER", "indoor")
    assert on("frogner", "1894-01-21")[0] == "Gamle Frogner Stadion"
    assert on("frogner", "1914-01-10")[0] == "Frogner Stadium"
    assert rink_on(rinks, "nowhere", dt.date(2000, 1, 1)) is None


@pytest.mark.shared_data
def test_skater_keys(skaters: dict[str, SkaterKey]) -> None:
    assert len(skaters) == 276
    kulizhnikov = skaters["kulizhnikov"]
    assert (kulizhnikov.name, kulizhnikov.nation) == ("Pavel Kulizhnikov", "RUS")
    assert skaters["anschutz"].name == "Daniela Anschütz"
    assert skaters["sablikova"].name == "Martina Sáblíková"
    niemann = skaters["niemann"]
    assert [(n.name, n.since) for n in niemann.names] == [
        ("Gunda Kleemann", dt.date(1966, 9, 7)),
        ("Gunda Niemann", dt.date(1991, 7, 1)),
        ("Gunda Niemann-Stirnemann", dt.date(1997, 7, 11)),
    ]
    assert (niemann.name, niemann.nation) == ("Gunda Niemann-Stirnemann", "GDR")
    assert skaters["may"].name == "Catriona Le May Doan"


# -- quirks, on small texts -----------------------------------------------------------------------
def test_decode_escapes() -> None:
    assert decode_escapes(r"T\u{F6}\u{F6}l\u{F6}n Pallokentt\u{E4}") == "Töölön Pallokenttä"
    assert decode_escapes(r"El\u{17C}bieta") == "Elżbieta"


def test_semicolon_for_colon_is_read_and_reported() -> None:
    text = "%% full_name:  500 Meter\nmathisen        0;43.0          1914-01-10      frogner\n"
    progression, problems = read_progression(text, "p.txt")
    (entry,) = progression.entries
    assert (entry.time, entry.time.precision) == (Time(43_000, 1), 1)
    assert [(p.line, p.field) for p in problems] == [(2, "time")]
    assert "';'" in problems[0].message


def test_date_with_days() -> None:
    text = "%% full_name: 10000 Meter\neden  17:56.0  1895-02-23/2  hamar-mjosen\n"
    progression, problems = read_progression(text, "p.txt")
    (entry,) = progression.entries
    assert (entry.date, entry.days, entry.rink) == (dt.date(1895, 2, 23), 2, "hamar-mjosen")
    assert problems == []


def test_bad_lines_are_reported_and_skipped() -> None:
    text = (
        "%% full_name: 500 Meter\n"
        "%% summary: one\n"
        "   two\n"
        "bad line\n"
        "a  0:4x.0  1900-01-01  davos\n"
        "b  0:40.0  1900-02-30  davos\n"
        "c  0:39.0  1900-03-01  davos\n"
        "# a comment\n"
        "SUSPENDED   1901-13-01\n"
        "x  68.96  2001-03-10  slc\n"
        "   0:34.64 0:34.33\n"
        "   0:34.64 0:34.32\n"
    )
    progression, problems = read_progression(text, "p.txt")
    assert progression.headers["summary"] == "one two"
    assert [e.holder for e in progression.entries] == ["c", "x"]
    assert [p.line for p in problems] == [4, 5, 6, 9, 12, 11]
    assert "add up to 1:08.97" in problems[-1].message


def test_a_progression_without_title_is_reported() -> None:
    progression, problems = read_progression("a  0:40.0  1900-01-01  davos\n", "p.txt")
    assert progression.title == ""
    assert [(p.line, p.field) for p in problems] == [(0, "title")]


def test_rink_quirks() -> None:
    text = (
        "   stray\n"
        "lonely          Nameless Rink\n"
        "bare\n"
        "odd             Odd Oval\n"
        "                Oddtown   NED   ROOFED   3\n"
        "                Oddtown   NED   INDOOR   3\n"
        "half            Half Rink\n"
        "                no location here\n"
    )
    rinks, problems = read_rinks(text, "r.txt")
    assert [(r.key, r.environment) for r in rinks] == [("odd", "roofed")]
    assert [p.line for p in problems] == [1, 2, 3, 5, 6, 8, 7]


def test_skater_key_quirks() -> None:
    text = "   stray\nnobody\ndated     1900-13-01 Some One   NED\nplain     Plain Name\n"
    skaters, problems = read_skater_keys(text, "s.txt")
    assert sorted(skaters) == ["dated", "plain"]
    assert skaters["dated"].names[0].since is None
    assert skaters["plain"].nation == ""
    assert [(p.line, p.field) for p in problems] == [(1, ""), (2, ""), (3, "since"), (4, "nation")]


@pytest.mark.parametrize(
    ("name", "event"),
    [
        ("men_500", (Gender.MEN, "500")),
        ("women_2x500.txt", (Gender.WOMEN, "2x500")),
        ("men_pursuit", (Gender.MEN, "team pursuit")),
        ("mixed_relay", (Gender.MIXED, "mixed relay")),
    ],
)
def test_progression_event(name: str, event: tuple[Gender, str]) -> None:
    assert progression_event(name) == event


@pytest.mark.parametrize("name", ["boys_500", "men_marathon"])
def test_unknown_progression_event(name: str) -> None:
    with pytest.raises(ValueError, match=name):
        progression_event(name)
