"""One skater across files: names folded to keys, and a matcher that says who a name is.

Result lists spell one skater many ways: ``KOK Femke`` (ISU lists: surname first, in capitals)
and ``Femke Kok``; ``Ted-Jan BLOEMEN``; ``Daniela Anschütz`` and ``Daniela Anschutz``; names
written from Cyrillic, Korean or Chinese in several transliterations (``Kulizhnikov``,
``Koulijnikov``). Three keys, from strict to tolerant:

* ``fold`` — the text compared without case, accents or punctuation.
* ``name_key`` — the folded words in sorted order: word order no longer matters.
* ``sound_key`` — ``name_key`` after transliteration rewrites (rules in its docstring).

``match_skater`` decides, from those keys, whether a name read from a file is a person the
archive already knows (rules in its docstring and in ``docs/archive.md``, "Skater identity").
It is pure: the caller fetches the candidates (for example every person whose ``name_key`` or
``sound_key`` is equal, or who shares a name word in the same nation) and acts on the answer.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import Enum

from ovaltime.core.states import Gender

__all__ = [
    "Known",
    "Match",
    "MatchKind",
    "fold",
    "match_skater",
    "name_key",
    "name_keys",
    "sound_key",
]

# Letters NFKD leaves whole: they get a plain Latin spelling.
_LETTERS = str.maketrans(
    {
        "ø": "o",
        "æ": "ae",
        "œ": "oe",
        "ß": "ss",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ı": "i",
    }
)
# Hyphens, apostrophes, dots and commas separate words.
_SEPARATORS = re.compile(r"[-\u2010-\u2015\u2212'\u2018\u2019\u02bc\u02b9`´.,]")


def _fold_once(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.translate(_LETTERS)
    return " ".join(_SEPARATORS.sub(" ", text).split())


def fold(text: str) -> str:
    """The text as names are compared: ``"Ted-Jan BLOEMEN"`` -> ``"ted jan bloemen"``.

    Case folded; accents removed (NFKD, combining marks dropped: ``Anschütz`` -> ``anschutz``);
    letters NFKD leaves alone spelled out (ø→o, æ→ae, œ→oe, ß→ss, ł→l, đ→d, ð→d, þ→th, ı→i);
    hyphens, apostrophes, dots and commas become spaces; runs of white space one space, none at
    either end. Folding a folded text changes nothing (the steps repeat until the text is
    stable, for the rare character whose decomposition has capitals, such as ``㎒``).
    """
    folded = _fold_once(text)
    if folded.isascii() and folded == folded.lower():  # nothing left that folds again
        return folded
    for _ in range(4):
        again = _fold_once(folded)
        if again == folded:
            break
        folded = again
    return folded


def name_key(name: str) -> str:
    """An order-free key: the folded words sorted, joined by one space.

    ``"LEE Sang Hwa"``, ``"Sang-Hwa Lee"`` and ``"lee sang hwa"`` all give ``"hwa lee sang"``.
    """
    return " ".join(sorted(fold(name).split()))


# Transliteration rewrites, tried longest first at each position, left to right, in one pass.
_REWRITES = {
    "tsch": "ch",  # German ч
    "tsj": "ch",  # Dutch ч
    "tch": "ch",  # French ч
    "sch": "sh",  # German ш
    "sj": "sh",  # Dutch ш
    "dzh": "i",  # дж
    "zh": "i",  # ж
    "zj": "i",  # Dutch ж
    "kh": "h",  # х
    "ck": "k",
    "ph": "f",
    "th": "t",
    "tz": "ts",
    "ou": "u",  # French у
    "oe": "u",  # Dutch у
    "x": "ks",
    "q": "k",
    "w": "v",
    "j": "i",
    "y": "i",
}
_REWRITE = re.compile("|".join(sorted(_REWRITES, key=len, reverse=True)))
_HARD_C = re.compile(r"c(?![eih])")
_GLIDE = re.compile(r"(?<=[aeiou])i(?=[aeiou])")
_DOUBLE = re.compile(r"(.)\1+")
_BACK_VOWELS = re.compile(r"[ou]")
LONG_WORD = 8
"""Words of at least this many letters (after the rewrites) write every back vowel as ``a``."""


def _sound_word(word: str) -> str:
    word = _REWRITE.sub(lambda m: _REWRITES[m.group()], word)
    word = _HARD_C.sub("k", word)
    if word.startswith("ie"):
        word = word[1:]
    word = _GLIDE.sub("", word)
    word = _DOUBLE.sub(r"\1", word)
    if len(word) >= LONG_WORD:
        word = word[0] + _BACK_VOWELS.sub("a", word[1:])
    return word


def sound_key(name: str) -> str:
    """A transliteration-tolerant key: ``name_key`` with each word rewritten as it sounds.

    Each folded word is rewritten, in this order:

    1. One pass, left to right, longest spelling first: ``tsch``/``tsj``/``tch`` → ``ch``
       (German, Dutch, French ч); ``sch``/``sj`` → ``sh``; ``dzh``/``zh``/``zj`` → ``i`` (ж);
       ``kh`` → ``h``; ``ck`` → ``k``; ``ph`` → ``f``; ``th`` → ``t``; ``tz`` → ``ts``;
       ``ou``/``oe`` → ``u`` (French, Dutch у); ``x`` → ``ks``; ``q`` → ``k``; ``w`` → ``v``;
       ``j`` and ``y`` → ``i``. So ж, й, и and ы written zh, j, y, i or ij all read ``i``:
       Juskov = Yuskov, Koulijnikov = Kulizhnikov, Dmitrij = Dmitry, Tatjana = Tatyana.
    2. ``c`` not before e, i or h becomes ``k`` (Carlsen = Karlsen, Claeson = Klaeson).
    3. A word starting ``ie`` drops the ``i`` (Yevgeny = Jewgeni = Evgeni; Yelena = Elena),
       and so does an ``i`` between two vowels (Shchegoleyeva = Shchegoleeva, Gulyayev =
       Gulyaev).
    4. Doubled letters become one (Kuzmina = Kuzmmina, Dmitrii = Dmitri, Dorofeev).
    5. A word of ``LONG_WORD`` (8) letters or more writes its back vowels ``o`` and ``u`` as
       ``a`` after its first letter: ``kulinikov`` → ``kalinikav``. Long words are the
       (mostly Slavic) surnames whose unstressed vowels transliterations and typists disagree
       on (Kulizhnikov = Kalizhnikov, Gorbachev = Garbachev). Front vowels are never merged
       with back ones, nor consonants with each other, and short words keep their vowels: so
       Kramer and Kremer, Kok and Kuk, Smit and Smid, Groenewold and Groeneveld stay apart.

    The words are then sorted and joined by one space, as ``name_key`` does. Letters outside
    the Latin alphabet (a name in Cyrillic) pass through unchanged. Equal sound keys only make
    two names candidates: ``match_skater`` merges them with the same nation and gender only,
    and always reports it.
    """
    return " ".join(sorted(_sound_word(word) for word in fold(name).split()))


def name_keys(name: str) -> tuple[str, str]:
    """``(name_key(name), sound_key(name))``, folding the name once."""
    words = fold(name).split()
    return " ".join(sorted(words)), " ".join(sorted(_sound_word(word) for word in words))


# -- the matcher --------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Known:
    """A person already in the archive: an id, a name as stored, nation and gender."""

    person_id: int
    name: str
    nation: str
    gender: Gender | None


class MatchKind(Enum):
    """What the matcher decided (see ``match_skater``)."""

    SAME = "same"
    VARIANT = "variant"
    AMBIGUOUS = "ambiguous"
    NEW = "new"


@dataclass(frozen=True, slots=True)
class Match:
    """The decision: whom to attach to (SAME, VARIANT), whom it considered, and why."""

    kind: MatchKind
    person_id: int | None
    candidates: tuple[int, ...]
    reason: str


def _nation(text: str) -> str:
    return text.strip().upper()


def _same_nation(a: str, b: str) -> bool:
    """Nations agree when equal, or when either is unknown (empty)."""
    return not a or not b or a == b


def _same_gender(a: Gender | None, b: Gender | None) -> bool:
    return a is None or b is None or a is b


def _close_words(a: str, b: str) -> bool:
    """At most one edit apart: a letter added, dropped or changed, or two adjacent swapped."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diff) == 1:
            return True
        i = diff[0]
        return diff == [i, i + 1] and a[i] == b[i + 1] and a[i + 1] == b[i]
    short, long = sorted((a, b), key=len)
    i = next((i for i, (x, y) in enumerate(zip(short, long, strict=False)) if x != y), len(short))
    return short[i:] == long[i + 1 :]


def _close(name: str, other: str) -> bool:
    """The same words but one, and that one (the surname, as a rule) one edit apart."""
    mine, theirs = Counter(fold(name).split()), Counter(fold(other).split())
    left, right = list((mine - theirs).elements()), list((theirs - mine).elements())
    return len(left) == len(right) == 1 and _close_words(left[0], right[0])


def _label(known: Known) -> str:
    return f"{known.name} ({known.nation})" if known.nation else known.name


def _ids(persons: Iterable[Known]) -> str:
    return ", ".join(f"#{k.person_id} {_label(k)}" for k in persons)


def match_skater(
    name: str,
    nation: str,
    gender: Gender | None,
    known: Iterable[Known],
    *,
    exclude: Collection[int] = (),
) -> Match:
    """Who ``name`` of ``nation`` is among ``known`` persons, decided on these rules.

    Only persons of a compatible gender (``None`` is unknown and agrees with any) who are not in
    ``exclude`` (persons who cannot be this skater, say already in the same race) are
    considered. Nations are compared as upper-case codes; an empty nation is unknown and agrees
    with any. Levels, strictest first:

    * **SAME**: exactly one person with an equal ``name_key`` and the same nation. Attached
      silently. Several such persons: AMBIGUOUS.
    * **VARIANT**: no SAME; exactly one person with an equal ``sound_key`` and the same nation,
      and nobody of the same ``name_key`` in another nation. Attached, and always reported
      (``reason`` names both spellings). Several such persons: AMBIGUOUS.
    * **AMBIGUOUS** also when a person with an equal ``name_key`` skates for another nation
      (skaters change nations, namesakes exist: reviewed, never merged), or when a person of
      the same nation is *close*: the same folded words but one, and that one word (as a rule
      the surname) one edit apart (a letter added, dropped, changed, or two adjacent letters
      swapped). The caller creates a new person and reports it for review.
    * **NEW**: nothing of the above.

    ``candidates`` lists every person the decision considered (all levels that matched), for
    review reports; ``person_id`` is set for SAME and VARIANT only.
    """
    nation = _nation(nation)
    key, sound = name_key(name), sound_key(name)
    seen: set[int] = set()
    pool: list[Known] = []
    for person in known:
        if person.person_id in exclude or person.person_id in seen:
            continue
        if _same_gender(gender, person.gender):
            seen.add(person.person_id)
            pool.append(person)

    same: list[Known] = []
    abroad: list[Known] = []
    variants: list[Known] = []
    close: list[Known] = []
    for person in pool:
        home = _same_nation(nation, _nation(person.nation))
        if name_key(person.name) == key:
            (same if home else abroad).append(person)
        elif home and sound_key(person.name) == sound:
            variants.append(person)
        elif home and _close(name, person.name):
            close.append(person)
    considered = tuple(p.person_id for p in (*same, *variants, *abroad, *close))
    here = f"{name} ({nation})" if nation else name

    if len(same) == 1:
        return Match(MatchKind.SAME, same[0].person_id, considered, f"{here} is {_ids(same)}")
    if same:
        return Match(
            MatchKind.AMBIGUOUS, None, considered, f"{here}: several of that name: {_ids(same)}"
        )
    if len(variants) == 1 and not abroad:
        (person,) = variants
        return Match(
            MatchKind.VARIANT, person.person_id, considered, f"{_label(person)} spelled as {name}"
        )
    if variants:
        reason = f"{here}: spelled like {_ids(variants)}"
        if abroad:
            reason += f"; same name in another nation: {_ids(abroad)}"
        return Match(MatchKind.AMBIGUOUS, None, considered, reason + ", not merged")
    if abroad:
        return Match(
            MatchKind.AMBIGUOUS,
            None,
            considered,
            f"{here}: same name in another nation, not merged: {_ids(abroad)}",
        )
    if close:
        return Match(
            MatchKind.AMBIGUOUS,
            None,
            considered,
            f"{here}: close to {_ids(close)}, not merged",
        )
    return Match(MatchKind.NEW, None, considered, f"{here}: no known skater of that name")
