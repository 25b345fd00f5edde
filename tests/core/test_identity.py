"""Skater identity: folding names, order-free and transliteration-tolerant keys, the matcher."""

from __future__ import annotations

import unicodedata
from random import Random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ovaltime.core.identity import (
    Known,
    MatchKind,
    fold,
    match_skater,
    name_key,
    name_keys,
    sound_key,
)
from ovaltime.core.states import Gender


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Ted-Jan BLOEMEN", "ted jan bloemen"),
        ("Daniela Anschütz", "daniela anschutz"),
        ("Bjørg Eva Jensen", "bjorg eva jensen"),
        ("Alfred Næss", "alfred naess"),
        ("Elżbieta Niemczyk", "elzbieta niemczyk"),
        ("Martina Sáblíková", "martina sablikova"),
        ("Łukasz Œdipe Strauß", "lukasz oedipe strauss"),
        ("Đorđe Þórsson Ðan Istanbul-ı", "dorde thorsson dan istanbul i"),
        ("Katarzyna BACHLEDA - CURUS", "katarzyna bachleda curus"),
        ("Joey O'Mantia", "joey o mantia"),
        ("Joey O\u2019Mantia", "joey o mantia"),
        ("  St. Moritz,  SUI ", "st moritz sui"),
        ("Catriona Le\u00a0May Doan", "catriona le may doan"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("LEE Sang Hwa", "Sang-Hwa Lee"),
        ("KOK Femke", "Femke Kok"),
        ("Irene WUST", "Irene Wüst"),
        ("BLOEMEN Ted-Jan", "Ted Jan Bloemen"),
        ("van der POEL Niels", "Niels van der Poel"),
    ],
)
def test_name_key_ignores_order_case_and_accents(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_name_key_sorts_folded_words() -> None:
    assert name_key("LEE Sang Hwa") == "hwa lee sang"


# Pairs the sound key must join: transliterations and typing variants of one name.
AGREE = [
    ("Pavel Kulizhnikov", "Pavel Kalizhnikov"),
    ("Pavel Kulizhnikov", "Pavel Koulijnikov"),  # French
    ("Pavel Kulizhnikov", "Pavel Koelizjnikov"),  # Dutch
    ("Denis Yuskov", "Denis Juskov"),  # German
    ("Denis Yuskov", "Denis Iouskov"),  # French
    ("Ivan Skobrev", "Ivan Skobrew"),
    ("Kuzmin", "Kouzmin"),
    ("Lee Sang-hwa", "LEE Sang Hwa"),
    ("Yevgeny Grishin", "Evgeni Grishin"),
    ("Yevgeny Grishin", "Jewgeni Grischin"),
    ("Tatyana Averina", "Tatjana Awerina"),
    ("Dmitry Dorofeyev", "Dmitrij Dorofejev"),
    ("Dmitry Dorofeyev", "Dmitri Dorofeev"),
    ("Sven Kramer", "Sven Kraamer"),
    ("Nikolay Gulyayev", "Nikolaj Guljajew"),
    ("Rimma Zhukova", "Rimma Joukova"),
    ("Khalida Shchegoleyeva", "Halida Shchegoleeva"),
    ("Armand Carlsen", "Armand Karlsen"),
    ("Aleksandr Baranov", "Alexandr Baranov"),
    ("Kjell Bäckman", "Kjell Backmann"),
    ("Thomas Bos", "Tomas Bos"),
]

# Different people whose names a careless key would join.
APART = [
    ("Sven Kramer", "Sven Kremer"),
    ("Jan Smit", "Jan Smid"),
    ("Michel Mulder", "Ronald Mulder"),
    ("Jan Bos", "Thomas Bos"),
    ("Boris Gulyayev", "Nikolay Gulyayev"),
    ("Oscar Mathisen", "Charles Mathiesen"),
    ("Femke Kok", "Femke Kuk"),
    ("Renate Groenewold", "Renate Groeneveld"),
    ("Miho Takagi", "Nana Takagi"),
    ("Denis Yuskov", "Denis Uskov"),
    ("Eric Heiden", "Siem Heiden"),
]


@pytest.mark.parametrize(("a", "b"), AGREE)
def test_sound_key_joins_spelling_variants(a: str, b: str) -> None:
    assert sound_key(a) == sound_key(b)


@pytest.mark.parametrize(("a", "b"), APART)
def test_sound_key_keeps_different_names_apart(a: str, b: str) -> None:
    assert sound_key(a) != sound_key(b)


def test_sound_key_is_order_free() -> None:
    assert sound_key("KULIZHNIKOV Pavel") == sound_key("Pavel Kulizhnikov") == "kalinikav pavel"


# -- properties ---------------------------------------------------------------------------------
LETTERS = "abcdefghijklmnopqrstuvwxyzøæåéüöäżłßñç"
words = st.text(alphabet=LETTERS, min_size=1, max_size=10)


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@given(st.lists(words, min_size=1, max_size=4), st.randoms(use_true_random=False))
def test_name_key_invariant_under_order_case_and_diacritics(
    tokens: list[str], random: Random
) -> None:
    shuffled = list(tokens)
    random.shuffle(shuffled)
    variant = " ".join(t.upper() if i % 2 else t.title() for i, t in enumerate(shuffled))
    assert name_key(variant) == name_key(" ".join(tokens))
    assert name_key(_strip_accents(" ".join(tokens))) == name_key(" ".join(tokens))


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(st.text())
def test_keys_of_keys_are_the_keys(text: str) -> None:
    assert name_key(name_key(text)) == name_key(text)
    assert sound_key(text) == sound_key(" ".join(reversed(fold(text).split())))
    assert name_keys(text) == (name_key(text), sound_key(text))


# -- the matcher --------------------------------------------------------------------------------
KULIZHNIKOV = Known(1, "Pavel Kalizhnikov", "RUS", Gender.MEN)
KOK = Known(2, "Femke Kok", "NED", Gender.WOMEN)
MICHEL = Known(3, "Michel Mulder", "NED", Gender.MEN)
RONALD = Known(4, "Ronald Mulder", "NED", Gender.MEN)
BLOEMEN_NED = Known(5, "Ted-Jan Bloemen", "NED", Gender.MEN)
KRAMER = Known(6, "Sven Kramer", "NED", Gender.MEN)
KNOWN = [KULIZHNIKOV, KOK, MICHEL, RONALD, BLOEMEN_NED, KRAMER]


def test_same_name_any_order_and_case() -> None:
    match = match_skater("KOK Femke", "NED", Gender.WOMEN, KNOWN)
    assert (match.kind, match.person_id, match.candidates) == (MatchKind.SAME, 2, (2,))


def test_unknown_gender_and_lower_case_nation_match() -> None:
    assert match_skater("femke kok", "ned", None, KNOWN).person_id == 2


def test_other_gender_is_nobody() -> None:
    match = match_skater("Femke Kok", "NED", Gender.MEN, KNOWN)
    assert (match.kind, match.candidates) == (MatchKind.NEW, ())


def test_variant_is_merged_and_says_so() -> None:
    match = match_skater("Pavel Kulizhnikov", "RUS", Gender.MEN, KNOWN)
    assert (match.kind, match.person_id) == (MatchKind.VARIANT, 1)
    assert match.reason == "Pavel Kalizhnikov (RUS) spelled as Pavel Kulizhnikov"


def test_variant_needs_the_same_nation() -> None:
    assert match_skater("Pavel Kulizhnikov", "KAZ", Gender.MEN, KNOWN).kind is MatchKind.NEW


def test_brothers_are_not_one_another() -> None:
    match = match_skater("MULDER Michel", "NED", Gender.MEN, KNOWN)
    assert (match.kind, match.person_id) == (MatchKind.SAME, 3)


def test_name_in_another_nation_is_reviewed_not_merged() -> None:
    match = match_skater("Ted-Jan Bloemen", "CAN", Gender.MEN, KNOWN)
    assert (match.kind, match.person_id, match.candidates) == (MatchKind.AMBIGUOUS, None, (5,))
    assert "another nation" in match.reason


def test_same_nation_wins_over_a_namesake_abroad() -> None:
    known = [*KNOWN, Known(7, "Ted-Jan Bloemen", "CAN", Gender.MEN)]
    match = match_skater("Ted-Jan Bloemen", "CAN", Gender.MEN, known)
    assert (match.kind, match.person_id, match.candidates) == (MatchKind.SAME, 7, (7, 5))


def test_two_persons_of_one_name_are_ambiguous() -> None:
    known = [*KNOWN, Known(8, "Femke KOK", "NED", None)]
    match = match_skater("Femke Kok", "NED", Gender.WOMEN, known)
    assert (match.kind, match.person_id, match.candidates) == (MatchKind.AMBIGUOUS, None, (2, 8))


def test_two_variants_are_ambiguous() -> None:
    known = [*KNOWN, Known(9, "Pavel Koulijnikov", "RUS", Gender.MEN)]
    match = match_skater("Pavel Kulizhnikov", "RUS", Gender.MEN, known)
    assert (match.kind, match.candidates) == (MatchKind.AMBIGUOUS, (1, 9))


def test_a_variant_with_a_namesake_abroad_is_ambiguous() -> None:
    known = [*KNOWN, Known(10, "Pavel Kulizhnikov", "BLR", Gender.MEN)]
    match = match_skater("Pavel Kulizhnikov", "RUS", Gender.MEN, known)
    assert (match.kind, match.candidates) == (MatchKind.AMBIGUOUS, (1, 10))


def test_one_letter_off_is_close_not_merged() -> None:
    match = match_skater("Sven Kremer", "NED", Gender.MEN, KNOWN)
    assert (match.kind, match.person_id, match.candidates) == (MatchKind.AMBIGUOUS, None, (6,))
    assert "close to" in match.reason


@pytest.mark.parametrize("name", ["Sven Karmer", "Sven Krame", "Sven Kramr", "Sevn Kramer"])
def test_one_edit_is_close(name: str) -> None:
    assert match_skater(name, "NED", Gender.MEN, KNOWN).kind is MatchKind.AMBIGUOUS


@pytest.mark.parametrize("name", ["Sven Kramers", "Stefan Kramer", "Sven Kremers", "Kramer"])
def test_more_than_one_edit_is_new(name: str) -> None:
    # "Sven Kramers" is close: one letter added.
    expected = MatchKind.AMBIGUOUS if name == "Sven Kramers" else MatchKind.NEW
    assert match_skater(name, "NED", Gender.MEN, KNOWN).kind is expected


def test_excluded_persons_are_not_considered() -> None:
    match = match_skater("Femke Kok", "NED", Gender.WOMEN, KNOWN, exclude={2})
    assert (match.kind, match.candidates) == (MatchKind.NEW, ())


def test_nothing_known_is_new() -> None:
    match = match_skater("Jordan Stolz", "USA", Gender.MEN, [])
    assert (match.kind, match.person_id, match.candidates) == (MatchKind.NEW, None, ())
    assert match.reason == "Jordan Stolz (USA): no known skater of that name"


def test_a_person_listed_twice_counts_once() -> None:
    match = match_skater("Femke Kok", "NED", Gender.WOMEN, [KOK, KOK])
    assert (match.kind, match.candidates) == (MatchKind.SAME, (2,))


def test_empty_nation_is_unknown() -> None:
    assert match_skater("Femke Kok", "", None, KNOWN).person_id == 2
    assert match_skater("Femke Kok", "NED", None, [Known(11, "Femke Kok", "", None)]).kind is (
        MatchKind.SAME
    )
