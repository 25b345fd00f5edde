"""Who a skater of a competition is: resolving skaters to the archive's persons.

``core.identity.match_skater`` decides; this module fetches what it decides among and acts:

* **SAME**: the skater is that person.
* **VARIANT**: the skater is that person, written another way; the spelling becomes an alias
  (origin ``variant``) and the match is reported with its reason.
* **AMBIGUOUS**: a new person is created and the match reported for review (an admin merges
  persons, ``services.archive.persons``).
* **NEW**: a new person, its name as its first alias (origin ``import``).

Candidates are the persons with an alias of an equal ``name_key`` or ``sound_key``. The
persons of a competition's other skaters are excluded: two skaters of one competition are two
people. A ``Directory`` serves one import: it loads the aliases of the keys it is asked about
once, remembers the persons and aliases it adds (written by ``flush`` in each transaction),
and remembers its decisions until an alias with one of their keys is added. A skater written
as one it has already resolved to a person is that person again without asking the matcher,
on the same conditions: no alias with the name's keys added since, and none of the persons
the decision considered already another skater of the competition. It is handed each
transaction's session (``begin``) and dropped when a transaction fails. (A person another
writer adds meanwhile under a key it already loaded is not seen: at worst a skater gets a
second person, which an admin merges.)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from sqlalchemy.orm import Session

from ovaltime.core.identity import Known, Match, MatchKind, match_skater, name_keys
from ovaltime.core.results import Competition, Skater
from ovaltime.core.states import Gender, RaceKind
from ovaltime.store.archive_tables import AliasOrigin
from ovaltime.store.bulk import IdPool
from ovaltime.store.person_rows import (
    Alias,
    NewPerson,
    aliases_by_keys,
    insert_aliases,
    insert_persons,
)

__all__ = ["Directory", "Resolution", "keys_of", "skater_genders"]


@lru_cache(maxsize=65536)
def keys_of(name: str) -> tuple[str, str]:
    """(name_key, sound_key) of a name (cached: an import meets the same names again)."""
    return name_keys(name)


@dataclass(frozen=True, slots=True)
class Resolution:
    """What became of one skater: the person, and how the matcher decided."""

    skater: Skater
    person_id: int
    kind: MatchKind
    reason: str
    candidates: tuple[int, ...] = ()

    def of(self, skater: Skater) -> Resolution:
        """The same resolution of another skater written the same way."""
        return Resolution(skater, self.person_id, self.kind, self.reason, self.candidates)


def skater_genders(competition: Competition) -> dict[Skater, Gender | None]:
    """The skaters who are persons, each with their gender from the races they skated.

    A skater who skated an individual race or a mass start is a person; one seen only in
    team events is not resolved (a team listed under its nation's name is nobody, and a
    member of a team who skated alone is resolved through that race). Mixed-gender races
    tell no gender.
    """
    genders: dict[Skater, Gender | None] = {}
    for race in competition.races:
        if race.kind not in _PERSONAL:
            continue
        told = None if race.gender is Gender.MIXED else race.gender
        for result in race.results:
            if genders.get(result.skater) is None:
                genders[result.skater] = told
    return genders


_PERSONAL = (RaceKind.INDIVIDUAL, RaceKind.MASS_START)


@dataclass
class Directory:
    """The persons one transaction knows by key; see the module."""

    session: Session
    _by_name: dict[str, list[Alias]] = field(default_factory=lambda: defaultdict(list))
    _by_sound: dict[str, list[Alias]] = field(default_factory=lambda: defaultdict(list))
    _loaded_names: set[str] = field(default_factory=set)
    _loaded_sounds: set[str] = field(default_factory=set)
    _name_versions: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    _sound_versions: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    _decided: dict[tuple[str, str, Gender | None], tuple[Match, int, int]] = field(
        default_factory=dict
    )
    _settled: dict[tuple[str, str, Gender | None], tuple[Resolution, str, str, int, int]] = field(
        default_factory=dict
    )
    _new_persons: list[NewPerson] = field(default_factory=list)
    _new_aliases: list[tuple[int, str, str, str, str, AliasOrigin]] = field(default_factory=list)
    _pool: IdPool | None = None
    created: int = 0

    def begin(self, session: Session) -> None:
        """Work in the transaction of ``session`` from now on."""
        self.session = session
        self._pool = None

    def _load(self, names: Iterable[str], sounds: Iterable[str]) -> None:
        names = set(names) - self._loaded_names
        sounds = set(sounds) - self._loaded_sounds
        if not names and not sounds:
            return
        for alias in aliases_by_keys(self.session, names, sounds):
            self._remember(alias, loaded=True)
        self._loaded_names |= names
        self._loaded_sounds |= sounds

    def _remember(self, alias: Alias, *, loaded: bool = False) -> None:
        by_name = self._by_name[alias.name_key]
        by_sound = self._by_sound[alias.sound_key]
        if loaded and (alias in by_name or alias in by_sound):
            return
        by_name.append(alias)
        by_sound.append(alias)
        self._name_versions[alias.name_key] += 1
        self._sound_versions[alias.sound_key] += 1

    def _known(self, name: str, nation: str) -> list[Known]:
        key, sound = keys_of(name)
        seen: dict[tuple[int, str, str], Alias] = {}
        for alias in (*self._by_name.get(key, ()), *self._by_sound.get(sound, ())):
            seen.setdefault((alias.person_id, alias.name, alias.nation), alias)
        # the matcher considers the first alias of each person: give it the closest one
        ordered = sorted(
            seen.values(),
            key=lambda a: (a.name_key != key, a.nation != nation, a.sound_key != sound),
        )
        return [Known(a.person_id, a.name, a.nation, a.gender) for a in ordered]

    def _match(self, skater: Skater, gender: Gender | None, exclude: set[int]) -> Match:
        """The matcher's decision; remembered without ``exclude`` and used while it names
        nobody excluded (else decided again with the exclusions)."""
        key, sound = keys_of(skater.name)
        nation = skater.nation.upper()
        versions = (self._name_versions[key], self._sound_versions[sound])
        memo = (skater.name, nation, gender)
        cached = self._decided.get(memo)
        if cached is None or cached[1:] != versions:
            known = self._known(skater.name, nation)
            if known:
                match = match_skater(skater.name, nation, gender, known)
            else:  # the matcher's answer when it knows nobody, without its work
                here = f"{skater.name} ({nation})" if nation else skater.name
                match = Match(MatchKind.NEW, None, (), f"{here}: no known skater of that name")
            self._decided[memo] = (match, *versions)
        else:
            match = cached[0]
        if exclude and not exclude.isdisjoint(match.candidates):
            match = match_skater(
                skater.name, nation, gender, self._known(skater.name, nation), exclude=exclude
            )
        return match

    def _add_alias(
        self, person: int, skater: Skater, gender: Gender | None, origin: AliasOrigin
    ) -> None:
        key, sound = keys_of(skater.name)
        nation = skater.nation.upper()
        self._remember(Alias(person, skater.name, nation, key, sound, gender))
        self._new_aliases.append((person, skater.name, key, sound, nation, origin))

    def resolve(self, competition: Competition) -> list[Resolution]:
        """The person of every skater of ``competition`` (persons created as needed)."""
        return self.resolve_skaters(list(skater_genders(competition).items()))

    def resolve_skaters(
        self, skaters: list[tuple[Skater, Gender | None]], taken: Iterable[int] = ()
    ) -> list[Resolution]:
        """The persons of these skaters of one competition, none of whom is one of ``taken``
        (the persons of the competition's other skaters) or another of them.

        A skater already resolved to a person whose keys have had no alias added since is
        that person again, without asking the matcher (``_settled``)."""
        memos = [(skater.name, skater.nation, gender) for skater, gender in skaters]
        settled = [self._settled.get(memo) for memo in memos]
        fresh = [keys_of(memo[0]) for memo, hit in zip(memos, settled, strict=True) if hit is None]
        self._load((k for k, _ in fresh), (s for _, s in fresh))
        excluded = set(taken)
        resolutions = []
        names, sounds = self._name_versions, self._sound_versions
        for (skater, gender), memo, hit in zip(skaters, memos, settled, strict=True):
            if hit is not None:
                resolution, key, sound, name_version, sound_version = hit
                if (
                    names[key] == name_version
                    and sounds[sound] == sound_version
                    and excluded.isdisjoint(resolution.candidates)
                ):
                    if resolution.skater != skater:  # another age group, say
                        resolution = resolution.of(skater)
                        self._settled[memo] = (resolution, *hit[1:])
                    excluded.add(resolution.person_id)
                    resolutions.append(resolution)
                    continue
            resolution = self._resolve(skater, gender, excluded)
            excluded.add(resolution.person_id)
            resolutions.append(resolution)
        return resolutions

    def _resolve(self, skater: Skater, gender: Gender | None, excluded: set[int]) -> Resolution:
        """The person of one skater, decided as the module says; the decision is remembered
        in ``_settled`` when the next skater written so is that person too."""
        match = self._match(skater, gender, excluded)
        person = match.person_id
        if person is None:
            person = self._create(skater, gender)
        elif match.kind is MatchKind.VARIANT:
            self._add_alias(person, skater, gender, AliasOrigin.VARIANT)
        if match.kind is not MatchKind.SAME:
            self._settle(skater, gender, person)
        resolution = Resolution(skater, person, match.kind, match.reason, match.candidates)
        key, sound = keys_of(skater.name)
        decided, name_version, sound_version = self._decided[
            (skater.name, skater.nation.upper(), gender)
        ]
        if decided.kind is MatchKind.SAME and decided.person_id is not None:
            again = resolution
            if decided is not match:  # settled, or decided again without the exclusions
                again = Resolution(
                    skater, decided.person_id, decided.kind, decided.reason, decided.candidates
                )
            memo = (skater.name, skater.nation, gender)
            self._settled[memo] = (again, key, sound, name_version, sound_version)
        return resolution

    def _settle(self, skater: Skater, gender: Gender | None, person: int) -> None:
        """Remember that this spelling is now ``person`` (its alias was just added), so that
        the next skater written so is matched without asking the matcher again."""
        key, sound = keys_of(skater.name)
        nation = skater.nation.upper()
        versions = (self._name_versions[key], self._sound_versions[sound])
        match = Match(MatchKind.SAME, person, (person,), f"{skater.name} is #{person}")
        self._decided[(skater.name, nation, gender)] = (match, *versions)

    def _create(self, skater: Skater, gender: Gender | None) -> int:
        if self._pool is None:
            self._pool = IdPool(self.session, "persons")
        person = self._pool.take()
        nation = skater.nation.upper()
        self._new_persons.append(NewPerson(person, skater.name, nation, gender))
        self._add_alias(person, skater, gender, AliasOrigin.IMPORT)
        self.created += 1
        return person

    def flush(self) -> None:
        """Write the persons and aliases added since the last flush."""
        insert_persons(self.session, self._new_persons)
        insert_aliases(self.session, self._new_aliases)
        self._new_persons.clear()
        self._new_aliases.clear()
