"""The ISU results text reader, rule by rule, on small snippets written in the published format."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ovaltime.core.results import Race
from ovaltime.core.states import Gender, RaceKind, Status
from ovaltime.core.times import Time
from ovaltime.formats.isu_text import IsuImport, read_isu_text, read_isu_text_file
from ovaltime.formats.isu_titles import (
    MASS_START_METRES,
    MIXED_RELAY_METRES,
    TEAM_SPRINT_METRES,
)
from ovaltime.formats.problems import FormatError

HEAD = "3. World Cup 2024/2025\n24. - 26.01.2025\nOlympic Oval (CAN)\n\n"
COLUMNS = "POS   NAME                 AG       NAT   TIME      DIFF     RECORD   \n"


def block(title: str, *rows: str) -> str:
    return f"{title}\n\n{COLUMNS}" + "".join(f"{row}\n" for row in rows) + "\n\n\n"


def read(*blocks: str) -> IsuImport:
    return read_isu_text(HEAD + "".join(blocks), "snippet.txt")


def only_race(imported: IsuImport) -> Race:
    (race,) = imported.competition.races
    return race


WOMEN_500 = block(
    "500 meter (Women), 26.01.2025",
    "1     Na-Hyeon Lee         A2       KOR   37.44              TRJ, SB  ",
    "2     Serena Pergher       Neo      ITA   37.62     +0.189   NR       ",
    "      Miho Takagi          Senior   JPN   37.62     +0.189   SB       ",
    "4     Marrit Fledderus     Senior   NED   37.66     +0.220            ",
)


class TestHeader:
    def test_name_dates_and_rink(self) -> None:
        competition = read(WOMEN_500).competition
        assert competition.name == "3. World Cup 2024/2025"
        assert (competition.start, competition.end) == (dt.date(2025, 1, 24), dt.date(2025, 1, 26))
        assert (competition.venue, competition.nation) == ("Olympic Oval", "CAN")

    @pytest.mark.parametrize(
        ("text", "start", "end"),
        [
            ("13. - 16.03.2025", dt.date(2025, 3, 13), dt.date(2025, 3, 16)),
            ("28.02. - 02.03.2025", dt.date(2025, 2, 28), dt.date(2025, 3, 2)),
            ("30.12. - 02.01.2025", dt.date(2024, 12, 30), dt.date(2025, 1, 2)),
            ("26.01.2025", dt.date(2025, 1, 26), dt.date(2025, 1, 26)),
        ],
    )
    def test_date_range_forms(self, text: str, start: dt.date, end: dt.date) -> None:
        head = f"Event\n{text}\nIJsstadion Thialf (NED)\n\n"
        competition = read_isu_text(head + WOMEN_500).competition
        assert (competition.start, competition.end) == (start, end)

    def test_missing_dates_and_rink_are_reported(self) -> None:
        imported = read_isu_text("Event\n\n" + WOMEN_500, "x.txt")
        assert imported.competition.start is None
        assert [p.field for p in imported.problems] == ["header", "header"]

    def test_text_without_races_is_no_isu_text(self) -> None:
        with pytest.raises(FormatError, match="no race block"):
            read_isu_text("Some notes\nabout nothing\n")

    def test_race_without_event_name_is_no_isu_text(self) -> None:
        with pytest.raises(FormatError, match="no event name"):
            read_isu_text(WOMEN_500)

    def test_empty_text(self) -> None:
        with pytest.raises(FormatError):
            read_isu_text("")


class TestBlocks:
    @pytest.mark.parametrize(
        ("title", "kind", "distance", "gender"),
        [
            ("500 meter (Women), 26.01.2025", RaceKind.INDIVIDUAL, 500, Gender.WOMEN),
            ("10.000 meter (Men), 25.01.2025", RaceKind.INDIVIDUAL, 10000, Gender.MEN),
            ("Mass Start (Men), 26.01.2025", RaceKind.MASS_START, MASS_START_METRES, Gender.MEN),
            ("Team Pursuit (Men), 02.02.2025", RaceKind.TEAM_PURSUIT, 3200, Gender.MEN),
            ("Team Pursuit (Women), 02.02.2025", RaceKind.TEAM_PURSUIT, 2400, Gender.WOMEN),
            ("Team Sprint (Men), 26.01.2025", RaceKind.TEAM_SPRINT, TEAM_SPRINT_METRES, Gender.MEN),
            (
                "Mixed Relay (Men), 02.02.2025",
                RaceKind.MIXED_RELAY,
                MIXED_RELAY_METRES,
                Gender.MIXED,
            ),
            ("Mixed Relay (Women), 02.03.2025", RaceKind.MIXED_RELAY, 2400, Gender.MIXED),
        ],
    )
    def test_title(self, title: str, kind: RaceKind, distance: int, gender: Gender) -> None:
        race = only_race(read(block(title, "1     A Skater             Senior   NED   1:00.00")))
        assert (race.kind, race.distance, race.gender) == (kind, distance, gender)
        assert race.date is not None
        assert (race.division, race.number) == ("", 1)

    def test_distances_of_team_events_are_laps(self) -> None:
        assert (MASS_START_METRES, TEAM_SPRINT_METRES, MIXED_RELAY_METRES) == (6400, 1200, 2400)

    def test_repeated_title_is_division_a_then_b(self) -> None:
        row = "1     A Skater             Senior   NED   37.00"
        races = read(
            block("500 meter (Men), 26.01.2025", row),
            block("500 meter (Women), 26.01.2025", row),
            block("500 meter (Men), 26.01.2025", row),
        ).competition.races
        assert [(r.gender, r.division, r.number) for r in races] == [
            (Gender.MEN, "A", 1),
            (Gender.WOMEN, "", 1),
            (Gender.MEN, "B", 1),
        ]

    def test_same_distance_on_another_day_is_a_second_race(self) -> None:
        row = "1     A Skater             Senior   NED   37.00"
        races = read(
            block("500 meter (Women), 01.02.2025", row),
            block("500 meter (Women), 01.02.2025", row),
            block("500 meter (Women), 02.02.2025", row),
            block("500 meter (Women), 02.02.2025", row),
        ).competition.races
        assert [(r.number, r.division) for r in races] == [(1, "A"), (1, "B"), (2, "A"), (2, "B")]
        assert [r.date for r in races] == [dt.date(2025, 2, d) for d in (1, 1, 2, 2)]

    def test_unknown_race_is_skipped_and_reported(self) -> None:
        imported = read(
            block("Relay Dash (Men), 26.01.2025", "1     A B   Senior   NED   1:00.00"), WOMEN_500
        )
        assert len(imported.competition.races) == 1
        assert imported.problems[0].line == 5
        assert imported.problems[0].field == "title"

    def test_bad_date_leaves_the_race_undated(self) -> None:
        imported = read(
            block("500 meter (Men), 31.02.2025", "1     A Skater  Senior   NED   37.00")
        )
        assert only_race(imported).date is None
        assert "31.02.2025" in imported.problems[0].message


class TestRows:
    def test_fields(self) -> None:
        first, second, third, fourth = only_race(read(WOMEN_500)).results
        assert first.skater.name == "Na-Hyeon Lee"
        assert (first.skater.nation, first.skater.age_group) == ("KOR", "A2")
        assert first.records == ("TRJ", "SB")
        assert second.records == ("NR",)
        assert fourth.records == ()
        assert [r.published_rank for r in (first, second, third, fourth)] == [1, 2, 2, 4]

    def test_empty_pos_shares_the_rank_and_the_time(self) -> None:
        _, second, third, _ = only_race(read(WOMEN_500)).results
        assert third.published_rank == 2
        assert second.time == third.time
        assert second.thousandths_known
        assert third.thousandths_known

    def test_statuses(self) -> None:
        race = only_race(
            read(
                block(
                    "1500 meter (Men), 24.01.2025",
                    "1     A Skater             Senior   NED   1:45.00",
                    "DQ    B Skater             Senior   NOR   -",
                    "DNF   C Skater             Senior   GER   -",
                    "      D Skater             Senior   USA   DNS",
                    "WDR   E Skater             Senior   CAN   -",
                    "      F Skater             Senior   ITA   -",
                )
            )
        )
        assert [r.status for r in race.results] == [
            Status.OK,
            Status.DQ,
            Status.DNF,
            Status.DNS,
            Status.WDR,
            Status.DNF,
        ]
        assert all(r.time is None and r.published_rank is None for r in race.results[1:])

    def test_row_without_time_or_status_is_reported(self) -> None:
        imported = read(
            block(
                "Mass Start (Women), 23.02.2025",
                "1     A Skater             Senior   NED   8:00.00",
                "      B Skater             A1       AUT   -",
            )
        )
        assert only_race(imported).results[1].status is Status.DNF
        (problem,) = imported.problems
        assert (problem.line, problem.field) == (9, "TIME")

    def test_long_name_pushing_the_columns(self) -> None:
        race = only_race(
            read(
                block(
                    "1000 meter (Men), 25.01.2025",
                    "1     A Skater             Senior   NED   1:08.00",
                    "2     Luisa María Gonzalez Salazar Neo NOR   1:08.50   +0.500   PB",
                )
            )
        )
        skater = race.results[1].skater
        assert (skater.name, skater.age_group, skater.nation) == (
            "Luisa María Gonzalez Salazar",
            "Neo",
            "NOR",
        )
        assert race.results[1].records == ("PB",)

    def test_columns_follow_each_blocks_header(self) -> None:
        text = (
            HEAD
            + "500 meter (Men), 26.01.2025\n\n"
            + "POS   NAME        AG       NAT   TIME    DIFF     RECORD   \n"
            + "1     Jo Stolz    Neo      USA   33.85            SB       \n"
        )
        result = only_race(read_isu_text(text)).results[0]
        assert (result.skater.name, result.time, result.records) == (
            "Jo Stolz",
            Time(33850),
            ("SB",),
        )

    def test_malformed_row_is_reported_and_the_rest_imports(self) -> None:
        imported = read(
            block(
                "1000 meter (Women), 24.01.2025",
                "1     A Skater             Senior   NED   1:13.10",
                "2     B Skater             Senior   NED   1:13.xx   +0.360",
                "this line is no result row at all",
                "3     C Skater             Senior   CHN   1:13.58   +0.480   SB",
            )
        )
        assert [r.skater.name for r in only_race(imported).results] == ["A Skater", "C Skater"]
        assert [(p.line, p.field) for p in imported.problems] == [(9, "TIME"), (10, "")]
        assert "snippet.txt:9" in str(imported.problems[0])

    def test_unknown_record_flag_is_kept_and_reported(self) -> None:
        imported = read(
            block(
                "500 meter (Men), 26.01.2025",
                "1     A Skater             Senior   NED   34.00     XYZ",
            )
        )
        assert only_race(imported).results[0].records == ("XYZ",)
        assert imported.problems[0].field == "RECORD"


class TestThousandths:
    def test_rebuilt_from_the_gaps(self) -> None:
        race = only_race(
            read(
                block(
                    "1000 meter (Women), 24.01.2025",
                    "1     Miho Takagi          Senior   JPN   1:13.10",
                    "2     Ayano Sato           Senior   JPN   1:15.03   +1.930",
                    "3     Natalia Jabrzyk      Senior   POL   1:15.03   +1.934   PB",
                )
            )
        )
        # 1:13.10d + 1.930 must stay 1:15.03: d in 0..9; +1.934 too: d in 0..5 -> d = 0.
        assert [r.time for r in race.results] == [Time(73100), Time(75030), Time(75034)]
        assert all(r.thousandths_known for r in race.results)

    def test_smallest_digit_that_fits_every_row(self) -> None:
        race = only_race(
            read(
                block(
                    "500 meter (Men), 26.01.2025",
                    "1     A Skater             Senior   KAZ   34.39",
                    "2     B Skater             Senior   JPN   34.40     +0.008",
                    "3     C Skater             Senior   CAN   34.45     +0.066",
                )
            )
        )
        # 34.39d + 0.008 >= 34.400 needs d >= 2; 34.39d + 0.066 < 34.460 needs d <= 3.
        assert [r.time for r in race.results] == [Time(34392), Time(34400), Time(34458)]

    def test_gap_that_fits_no_digit_falls_back_to_time(self) -> None:
        imported = read(
            block(
                "500 meter (Men), 26.01.2025",
                "1     A Skater             Senior   KAZ   34.39",
                "2     B Skater             Senior   JPN   34.40     +0.008",
                "3     C Skater             Senior   CAN   34.45     +0.066",
                "4     D Skater             Senior   NOR   34.50     +0.100",
            )
        )
        # B and C agree on d in 2..3; D would need d >= 10 and keeps its hundredths.
        results = only_race(imported).results
        assert [r.time for r in results[:3]] == [Time(34392), Time(34400), Time(34458)]
        assert (results[3].time, results[3].thousandths_known) == (Time(34500), False)
        (problem,) = imported.problems
        assert (problem.line, problem.field) == (11, "DIFF")

    def test_equal_time_and_gap_with_separate_ranks_is_unknown(self) -> None:
        race = only_race(
            read(
                block(
                    "500 meter (Women), 26.01.2025",
                    "1     A Skater             Senior   NED   37.40",
                    "2     B Skater             Senior   JPN   37.62     +0.220",
                    "3     C Skater             Senior   ITA   37.62     +0.220",
                    "4     D Skater             Senior   NOR   37.70     +0.300",
                )
            )
        )
        assert [r.thousandths_known for r in race.results] == [True, False, False, True]
        assert [r.published_rank for r in race.results] == [1, 2, 3, 4]

    def test_mass_start_keeps_time_and_a_consistent_negative_gap(self) -> None:
        imported = read(
            block(
                "Mass Start (Women), 26.01.2025",
                "1     A Skater             Senior   ITA   9:14.96",
                "2     B Skater             Senior   JPN   9:15.33   +0.370",
                "3     C Skater             Senior   POL   7:43.37   -1.31.590",
            )
        )
        assert [r.time for r in only_race(imported).results] == [
            Time(554960),
            Time(555330),
            Time(463370),
        ]
        assert imported.problems == []

    def test_mass_start_inconsistent_gap_is_reported(self) -> None:
        imported = read(
            block(
                "Mass Start (Men), 26.01.2025",
                "1     A Skater             Senior   FRA   7:50.14",
                "2     B Skater             Senior   GER   7:50.48   +0.940",
            )
        )
        assert only_race(imported).results[1].time == Time(470480)
        assert [(p.line, p.field) for p in imported.problems] == [(9, "DIFF")]

    def test_team_rows_carry_the_team_time_and_rank(self) -> None:
        race = only_race(
            read(
                block(
                    "Mixed Relay (Men), 02.02.2025",
                    "1     A Skater             Senior   NED   2:56.56             WR",
                    "      B Skater             A1       NED   2:56.56             WR",
                    "2     C Skater             Senior   NOR   2:58.01   +1.450    NR",
                    "      D Skater             Senior   NOR   2:58.01   +1.450    NR",
                    "DNF   E Skater             Senior   CHN   -",
                )
            )
        )
        assert [r.published_rank for r in race.results] == [1, 1, 2, 2, None]
        assert [r.time for r in race.results][:4] == [Time(176560)] * 2 + [Time(178010)] * 2
        assert race.results[0].records == ("WR",)


def test_read_file(tmp_path: Path) -> None:
    path = tmp_path / "meeting.txt"
    path.write_text(HEAD + WOMEN_500, encoding="utf-8")
    imported = read_isu_text_file(path)
    assert only_race(imported).results[1].skater.name == "Serena Pergher"


def test_read_file_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "meeting.txt"
    path.write_bytes((HEAD + WOMEN_500.replace("Na-Hyeon", "Nä-Hyeon")).encode("latin-1"))
    imported = read_isu_text_file(path)
    assert only_race(imported).results[0].skater.name == "Nä-Hyeon Lee"
    assert imported.problems[0].field == "encoding"


class TestGapEdges:
    def test_tie_with_the_winner_needs_no_gap(self) -> None:
        race = only_race(
            read(
                block(
                    "500 meter (Men), 26.01.2025",
                    "1     A Skater             Senior   NED   37.00",
                    "      B Skater             Senior   NOR   37.00",
                    "3     C Skater             Senior   GER   37.10     +0.105",
                )
            )
        )
        assert [r.time for r in race.results] == [Time(37000), Time(37000), Time(37105)]
        assert [r.published_rank for r in race.results] == [1, 1, 3]

    def test_missing_gap_leaves_the_thousandth_unknown(self) -> None:
        imported = read(
            block(
                "500 meter (Men), 26.01.2025",
                "1     A Skater             Senior   NED   37.00",
                "2     B Skater             Senior   NOR   37.10",
            )
        )
        result = only_race(imported).results[1]
        assert (result.time, result.thousandths_known) == (Time(37100), False)
        assert [(p.line, p.field) for p in imported.problems] == [(9, "DIFF")]

    def test_status_in_pos_and_time_disagreeing_keeps_pos(self) -> None:
        imported = read(
            block(
                "500 meter (Men), 26.01.2025",
                "1     A Skater             Senior   NED   37.00",
                "DQ    B Skater             Senior   NOR   DNF",
            )
        )
        assert only_race(imported).results[1].status is Status.DQ
        assert [(p.line, p.field) for p in imported.problems] == [(9, "TIME")]

    def test_rank_with_a_status_is_dropped_and_reported(self) -> None:
        imported = read(
            block(
                "500 meter (Men), 26.01.2025",
                "1     A Skater             Senior   NED   37.00",
                "2     B Skater             Senior   NOR   DQ",
            )
        )
        result = only_race(imported).results[1]
        assert (result.status, result.published_rank) == (Status.DQ, None)
        assert [(p.line, p.field) for p in imported.problems] == [(9, "POS")]


def test_a_skater_listed_twice_in_one_race_is_reported_and_kept_once() -> None:
    imported = read(
        block(
            "500 meter (Women), 26.01.2025",
            "1     Na-Hyeon Lee         A2       KOR   37.44                       ",
            "2     Serena Pergher       Neo      ITA   37.62     +0.180            ",
            "3     Na-Hyeon Lee         A2       KOR   37.70     +0.260            ",
        )
    )
    race = only_race(imported)
    assert [r.skater.name for r in race.results] == ["Na-Hyeon Lee", "Serena Pergher"]
    assert race.results[0].time == Time.parse("37.44")
    (problem,) = imported.problems
    assert str(problem) == (
        "snippet.txt:10: NAME: Na-Hyeon Lee already has a result (line 8); row skipped"
    )
