"""Readers of published record lists: rinks, skater keys and world record progressions.

The files are plain text in fixed-width columns (``shared/data/records/``); non-ASCII letters
are written as escapes, ``\\u{F6}`` for ``ö``, which the readers decode. Each reader is
lenient: it keeps what it can read and reports every line it skipped or doubted as a
``Problem`` with its line number.

**Rinks** (``read_rinks``): a key line ``key  name``, then an indented line ``city  NAT
ENVIRONMENT  altitude``. A rink whose description changed has a bare key line, then one
indented ``yyyy-mm-dd  name`` line and a location line per period; ``00`` stands for an unknown
month or day, ``0000-00-00`` for "from the start". Each period is one ``Rink``.

**Skater keys** (``read_skater_keys``): ``key  name  NAT``; a skater whose name changed has one
``yyyy-mm-dd name`` per name, the first on the key line, the others indented, the nation at
the end of the last. The first date is the birth date where names changed at marriage.

**Progressions** (``read_progression``): ``%% name: value`` header lines (an indented line
continues the value; ``full_name`` is the title), ``#`` comments, then one record a line:
``holder  time  date[/days]  rink``. The holder is a skater key, or a team key (a nation code)
in the team events, whose members follow on an indented line. In the 2 × 500 m files an
indented line gives the two race times. ``SUSPENDED  date`` marks a suspension of the record,
with an indented note. Times in tenths (``0:41.8``) keep their precision; a semicolon written
for the colon (``0;43.0``) is read and reported.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field, replace

from ovaltime.core.states import Gender
from ovaltime.core.times import InvalidTime, Time
from ovaltime.formats.problems import Problem

__all__ = [
    "ENVIRONMENTS",
    "Progression",
    "ProgressionEntry",
    "Rink",
    "SkaterKey",
    "SkaterName",
    "Suspension",
    "decode_escapes",
    "progression_event",
    "read_progression",
    "read_rinks",
    "read_skater_keys",
    "rink_on",
]

ENVIRONMENTS = ("indoor", "artificial", "natural")
"""A rink's ice: indoor (a roofed oval), artificial (refrigerated, open air), natural."""

_ESCAPE = re.compile(r"\\u\{([0-9A-Fa-f]{1,6})\}")
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def decode_escapes(text: str) -> str:
    """``Gj\\u{F8}vik`` -> ``Gjøvik``: the files' escapes for letters beyond ASCII."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


def _since(text: str) -> datetime.date | None:
    """A start date where ``00`` is an unknown month or day (read as the first); ``0000-00-00``
    is None (from the start). Raises ``ValueError`` for anything else."""
    match = _DATE.match(text)
    if match is None:
        raise ValueError(f"not a date: {text!r}")
    year, month, day = (int(part) for part in match.groups())
    if year == 0:
        return None
    return datetime.date(year, month or 1, day or 1)


def _lines(text: str) -> list[tuple[int, str]]:
    """Numbered lines, escapes decoded, trailing white space removed."""
    return [
        (number, decode_escapes(line.rstrip()))
        for number, line in enumerate(text.removeprefix("\ufeff").splitlines(), 1)
    ]


# -- rinks ------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Rink:
    """One rink as described from ``since`` on (None: from the start).

    ``environment`` is the file's word lower-cased (``ENVIRONMENTS``); ``altitude`` metres above
    sea level; ``since_text`` the start date as written (``1914-00-00``), "" for a rink with
    one description.
    """

    key: str
    name: str
    city: str
    nation: str
    environment: str
    altitude: int
    since: datetime.date | None = None
    since_text: str = ""
    line: int = 0


_LOCATION = re.compile(
    r"^(?P<city>\S.*?)\s+(?P<nation>[A-Z]{3})\s+(?P<env>[A-Za-z]+)\s+(?P<alt>-?\d+)$"
)
_PERIOD = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})\s+(?P<name>\S.*)$")


def read_rinks(text: str, source: str) -> tuple[list[Rink], list[Problem]]:
    """Every rink period of a rinks file, in file order, and the problems met."""
    reader = _RinkReader(source)
    for number, line in _lines(text):
        if line.strip():
            reader.line(number, line)
    reader.close()
    return reader.rinks, reader.problems


@dataclass
class _RinkReader:
    source: str
    rinks: list[Rink] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    key: str = ""
    key_line: int = 0
    name: str = ""  # the name awaiting its location line ("" when none is awaited)
    name_line: int = 0
    since: datetime.date | None = None
    since_text: str = ""
    described: bool = False

    def report(self, line: int, message: str, column: str = "") -> None:
        self.problems.append(Problem(self.source, line, message, column))

    def close(self, *, key: bool = True) -> None:
        """A description ends (with its ``key`` when a new key follows): report a name left
        without a location, and a key left without any description."""
        if self.name:
            self.report(self.name_line, f"rink {self.key!r}: no location line")
        elif key and self.key and not self.described:
            self.report(self.key_line, f"rink {self.key!r} without a description")
        self.name = ""

    def line(self, number: int, line: str) -> None:
        body = line.strip()
        if not line[0].isspace():
            self.close()
            self.key, _, rest = body.partition(" ")
            self.key_line = self.name_line = number
            self.described = False
            self.name, self.since, self.since_text = rest.strip(), None, ""
        elif not self.key:
            self.report(number, f"indented line before any rink key: {body!r}; skipped")
        elif period := _PERIOD.match(body):
            self.close(key=False)
            try:
                self.since = _since(period["date"])
            except ValueError as error:
                self.report(number, f"{error}; period taken as from the start", "since")
                self.since = None
            self.since_text, self.name = period["date"], period["name"]
            self.name_line = number
        elif (location := _LOCATION.match(body)) is None:
            self.report(number, f"not a rink location 'city NAT ENVIRONMENT altitude': {body!r}")
        elif not self.name:
            self.report(number, f"rink {self.key!r}: a location without a name; skipped")
        else:
            environment = location["env"].lower()
            if environment not in ENVIRONMENTS:
                self.report(number, f"unknown environment {location['env']!r}; kept", "environment")
            rink = Rink(
                self.key,
                self.name,
                location["city"],
                location["nation"],
                environment,
                int(location["alt"]),
                self.since,
                self.since_text,
                number,
            )
            self.rinks.append(rink)
            self.name, self.described = "", True


def rink_on(rinks: list[Rink], key: str, date: datetime.date) -> Rink | None:
    """The description of rink ``key`` in force on ``date`` (its latest period begun by then;
    the earliest period for a date before them all), None for an unknown key."""
    periods = [rink for rink in rinks if rink.key == key]
    if not periods:
        return None
    begun = [r for r in periods if r.since is None or r.since <= date]
    if not begun:
        return min(periods, key=lambda r: r.since or datetime.date.min)
    return max(begun, key=lambda r: r.since or datetime.date.min)


# -- skater keys ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class SkaterName:
    """A name a skater carried, from ``since`` on (None: no date given)."""

    name: str
    since: datetime.date | None = None


@dataclass(frozen=True, slots=True)
class SkaterKey:
    """A skater of the record lists: the key the progressions use, names in order, nation."""

    key: str
    names: tuple[SkaterName, ...]
    nation: str
    line: int = 0

    @property
    def name(self) -> str:
        """The latest name (``Gunda Niemann-Stirnemann``)."""
        return self.names[-1].name


_NAME = re.compile(
    r"^(?:(?P<date>\d{4}-\d{2}-\d{2})\s+)?(?P<name>\S.*?)(?:\s+(?P<nation>[A-Z]{3}))?$"
)


def read_skater_keys(text: str, source: str) -> tuple[dict[str, SkaterKey], list[Problem]]:
    """Every skater key of a skaters file and the problems met.

    A key listed twice keeps its first entry; the second is reported.
    """
    skaters: dict[str, SkaterKey] = {}
    problems: list[Problem] = []
    key = ""
    start = 0
    names: list[SkaterName] = []
    nation = ""

    def close() -> None:
        if not key:
            return
        if not names:
            problems.append(Problem(source, start, f"skater {key!r} without a name; skipped"))
        elif not nation:
            problems.append(Problem(source, start, f"skater {key!r} without a nation", "nation"))
        if names and key in skaters:
            first = skaters[key].line
            problems.append(
                Problem(source, start, f"skater {key!r} listed again (first on line {first})")
            )
        elif names:
            skaters[key] = SkaterKey(key, tuple(names), nation, start)

    for number, line in _lines(text):
        if not line.strip():
            continue
        if not line[0].isspace():
            close()
            key, _, rest = line.partition(" ")
            start, names, nation = number, [], ""
            body = rest.strip()
        elif not key:
            problems.append(Problem(source, number, "indented line before any skater key"))
            continue
        else:
            body = line.strip()
        if not body:
            continue
        match = _NAME.match(body)
        if match is None:  # pragma: no cover - the pattern takes any text
            continue
        since = None
        if match["date"]:
            try:
                since = _since(match["date"])
            except ValueError as error:
                problems.append(Problem(source, number, f"{error}; name kept undated", "since"))
        names.append(SkaterName(match["name"], since))
        if match["nation"]:
            nation = match["nation"]
    close()
    return skaters, problems


# -- progressions ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ProgressionEntry:
    """One record of a progression, as listed.

    ``holder`` is a skater key, or a team key (nation code) in team events, with ``members``
    the skater keys of the team; ``races`` the two race times of a 2 × 500 m record; ``days``
    the number after ``/`` in the date, kept as written (None where there is none).
    """

    line: int
    holder: str
    time: Time
    date: datetime.date
    rink: str
    days: int | None = None
    races: tuple[Time, ...] = ()
    members: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Suspension:
    """The record was suspended from ``date``; ``note`` says what the list says about it."""

    line: int
    date: datetime.date
    note: str = ""


@dataclass(frozen=True, slots=True)
class Progression:
    """A record progression: its title (``%% full_name``), every header, records in order."""

    title: str
    headers: dict[str, str] = field(default_factory=dict)
    entries: tuple[ProgressionEntry, ...] = ()
    suspensions: tuple[Suspension, ...] = ()


_HEADER = re.compile(r"^%%\s*(?P<name>[\w ]+?)\s*:\s*(?P<value>.*)$")
_RECORD = re.compile(
    r"^(?P<holder>\S+)\s+(?P<time>\S+)\s+(?P<date>\d{4}-\d{2}-\d{2})(?:/(?P<days>\d+))?"
    r"\s+(?P<rink>\S+)$"
)
_SUSPENDED = re.compile(r"^SUSPENDED\s+(?P<date>\d{4}-\d{2}-\d{2})$")


@dataclass
class _ProgressionReader:
    source: str
    problems: list[Problem] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)
    entries: list[ProgressionEntry] = field(default_factory=list)
    suspensions: list[Suspension] = field(default_factory=list)
    last: str = ""  # what an indented line continues: "header", "entry", "suspension" or ""

    def report(self, line: int, message: str, column: str = "") -> None:
        self.problems.append(Problem(self.source, line, message, column))

    def read(self, text: str) -> Progression:
        header = ""
        for number, line in _lines(text):
            body = line.strip()
            if not body:
                self.last = "" if self.last == "header" else self.last
                continue
            if body.startswith("%%"):
                header = self.header(number, body)
            elif body.startswith("#"):
                continue
            elif line[0].isspace():
                self.detail(number, body, header)
            else:
                self.record(number, body)
        for entry in self.entries:
            if entry.races and sum(t.thousandths for t in entry.races) != entry.time.thousandths:
                self.report(
                    entry.line + 1,
                    f"race times add up to {Time(sum(t.thousandths for t in entry.races))}, "
                    f"not {entry.time}",
                    "races",
                )
        if "full_name" not in self.headers:
            self.report(0, "no '%% full_name:' header: the progression has no title", "title")
        return Progression(
            self.headers.get("full_name", ""),
            dict(self.headers),
            tuple(self.entries),
            tuple(self.suspensions),
        )

    def header(self, number: int, body: str) -> str:
        match = _HEADER.match(body)
        if match is None:
            self.report(number, f"not a header 'name: value': {body!r}; skipped")
            self.last = ""
            return ""
        name = "_".join(match["name"].split())
        self.headers[name] = match["value"].strip()
        self.last = "header"
        return name

    def detail(self, number: int, body: str, header: str) -> None:
        if self.last == "header" and header:
            self.headers[header] = f"{self.headers[header]} {body}".strip()
        elif self.last == "suspension":
            old = self.suspensions[-1]
            note = f"{old.note} {body}".strip()
            self.suspensions[-1] = Suspension(old.line, old.date, note)
        elif self.last == "entry":
            self.entry_detail(number, body)
        else:
            self.report(number, f"indented line without a record above: {body!r}; skipped")

    def entry_detail(self, number: int, body: str) -> None:
        entry = self.entries[-1]
        if entry.races or entry.members:
            self.report(number, f"a second detail line for {entry.holder!r}; skipped")
            return
        words = body.split()
        times = []
        for word in words:
            try:
                times.append(self.time(number, word, report=False))
            except InvalidTime:
                break
        if len(times) == len(words):
            self.entries[-1] = replace(entry, races=tuple(times))
        else:
            self.entries[-1] = replace(entry, members=tuple(words))

    def time(self, number: int, text: str, *, report: bool = True) -> Time:
        if ";" in text:
            time = Time.parse(text.replace(";", ":"))
            if report:
                self.report(number, f"time {text!r} written with ';', read as {time}", "time")
            return time
        return Time.parse(text)

    def record(self, number: int, body: str) -> None:
        self.last = ""
        if suspended := _SUSPENDED.match(body):
            try:
                date = datetime.date.fromisoformat(suspended["date"])
            except ValueError:
                self.report(number, f"unreadable date {suspended['date']!r}; skipped", "date")
                return
            self.suspensions.append(Suspension(number, date))
            self.last = "suspension"
            return
        match = _RECORD.match(body)
        if match is None:
            self.report(number, f"not a record 'holder time date rink': {body!r}; skipped")
            return
        try:
            time = self.time(number, match["time"])
        except InvalidTime as error:
            self.report(number, f"{error}; record skipped", "time")
            return
        try:
            date = datetime.date.fromisoformat(match["date"])
        except ValueError:
            self.report(number, f"unreadable date {match['date']!r}; record skipped", "date")
            return
        days = int(match["days"]) if match["days"] else None
        self.entries.append(
            ProgressionEntry(number, match["holder"], time, date, match["rink"], days)
        )
        self.last = "entry"


def read_progression(text: str, source: str) -> tuple[Progression, list[Problem]]:
    """A world record progression file and the problems met (see the module's description)."""
    reader = _ProgressionReader(source)
    return reader.read(text), reader.problems


_EVENTS = {"2x500": "2x500", "pursuit": "team pursuit", "relay": "mixed relay"}


def progression_event(name: str) -> tuple[Gender, str]:
    """Gender and event of a progression file by its name: ``men_500`` -> (MEN, ``"500"``);
    ``women_2x500`` -> (WOMEN, ``"2x500"``), ``men_pursuit`` -> (MEN, ``"team pursuit"``),
    ``mixed_relay`` -> (MIXED, ``"mixed relay"``). Raises ``ValueError`` for another name."""
    stem = name.rsplit("/", 1)[-1].removesuffix(".txt")
    gender_text, _, event = stem.partition("_")
    try:
        gender = Gender.parse(gender_text)
    except ValueError:
        raise ValueError(f"progression file {name!r}: no gender (men_, women_, mixed_)") from None
    if event.isdigit():
        return gender, event
    if event in _EVENTS:
        return gender, _EVENTS[event]
    raise ValueError(f"progression file {name!r}: unknown event {event!r}")
