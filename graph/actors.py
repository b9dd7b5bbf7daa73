"""The actor registry: states, international organisations and persons, with their names in
every supported language, read from the data files under graph/data/actors/.

A language is added by adding `names/<lang>/*.tsv` and a section in `languages.toml`."""

from __future__ import annotations

import csv
import tomllib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from geokg.graph.model import Actor

DATA_DIR = Path(__file__).parent / "data" / "actors"


@dataclass(frozen=True)
class Name:
    surface: str
    actor: str
    # name, official, short, abbrev, adjective, demonym, capital, metonym, igo, person, or
    # combining: a form that exists only before a dash ("российско-", "Sino-")
    kind: str
    case_sensitive: bool


@dataclass(frozen=True)
class Office:
    person: str
    state: str
    role: str
    start: str  # ISO date or prefix (YYYY, YYYY-MM); empty = unknown
    end: str  # empty = still in office


@dataclass(frozen=True)
class LanguageMorphology:
    code: str
    name: str
    segmentation: str = "words"  # "chars" for scripts written without spaces
    prefixes: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()
    min_stem: int = 3
    # Names borrowed from other languages' tables (news in Indonesian writes persons and
    # organisations the English way): `also` languages, restricted to `also_kinds`.
    also: tuple[str, ...] = ()
    also_kinds: tuple[str, ...] = ("person", "igo", "abbrev")


def _rows(path: Path) -> Iterator[dict[str, str]]:
    if not path.exists():  # an absent table contributes nothing
        return
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            yield {k: (v or "").strip() for k, v in row.items() if k is not None}


@dataclass(eq=False)  # hashed by identity: caches are kept per registry
class ActorRegistry:
    actors: dict[str, Actor] = field(default_factory=dict)
    offices: dict[str, list[Office]] = field(default_factory=dict)
    data_dir: Path = DATA_DIR
    _names_by_fold: dict[str, str] | None = field(default=None, repr=False)

    @classmethod
    def load(cls, data_dir: Path = DATA_DIR) -> ActorRegistry:
        registry = cls(data_dir=data_dir)
        for row in _rows(data_dir / "states.tsv"):
            registry.actors[row["id"]] = Actor(row["id"], "state", row["name_en"], row["qid"])
        for row in _rows(data_dir / "igos.tsv"):
            registry.actors[row["id"]] = Actor(row["id"], "igo", row["name_en"], row["qid"])
        for row in _rows(data_dir / "persons.tsv"):
            office = Office(row["id"], row["state"], row["role"], row["start"], row["end"])
            registry.offices.setdefault(row["id"], []).append(office)
            if row["id"] not in registry.actors:
                registry.actors[row["id"]] = Actor(
                    row["id"], "person", row["name_en"], row["qid"], row["state"]
                )
        return registry

    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def name_of(self, actor_id: str) -> str:
        actor = self.actors.get(actor_id)
        return actor.name if actor else actor_id

    def state_of(self, actor_id: str, date: str | None = None) -> str | None:
        """The state-level actor an actor stands for: a person resolves to the state of the
        office they held on `date` (the latest office when no date is known)."""
        if not actor_id.startswith("PER:"):
            return actor_id if actor_id in self.actors else None
        offices = self.offices.get(actor_id, [])
        if not offices:
            return None
        if date:
            for office in offices:
                if _within(date, office.start, office.end):
                    return office.state
        # Outside every known term (or no date): the most recent office is the best guess.
        return max(offices, key=lambda o: o.start).state

    def resolve(self, text: str, date: str | None = None) -> str | None:
        """The state-level actor a user means: a code ("CHN", "igo:un") or a name in any
        supported language ("China", "Tiongkok", "Китай", "the Kremlin")."""
        wanted = text.strip()
        if wanted.upper() in self.actors:
            return self.state_of(wanted.upper(), date)
        for actor_id in self.actors:
            if actor_id.upper() == wanted.upper():
                return self.state_of(actor_id, date)
        actor = self._name_index().get(_fold(wanted))
        return self.state_of(actor, date) if actor else None

    def _name_index(self) -> dict[str, str]:
        if self._names_by_fold is None:
            index: dict[str, str] = {}
            for language in sorted(self.languages()):
                for name in self.names(language):
                    index.setdefault(_fold(name.surface), name.actor)
            for actor in self.actors.values():
                index.setdefault(_fold(actor.name), actor.id)
            self._names_by_fold = index
        return self._names_by_fold

    def languages(self) -> dict[str, LanguageMorphology]:
        return load_languages(self.data_dir)

    def names(self, language: str) -> list[Name]:
        """The names of a language's own tables, then those it borrows from others."""
        names = list(load_names(self.data_dir, language))
        morphology = self.languages().get(language)
        if morphology:
            own = {n.surface for n in names}
            for other in morphology.also:
                names += [n for n in load_names(self.data_dir, other)
                          if n.kind in morphology.also_kinds and n.surface not in own]
        return names


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", " ".join(text.casefold().split()))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _within(date: str, start: str, end: str) -> bool:
    # ISO strings of unequal precision compare correctly once padded to the same length.
    if start and date < start:
        return False
    return not (end and date[: len(end)] > end)


@cache
def load_languages(data_dir: Path = DATA_DIR) -> dict[str, LanguageMorphology]:
    with (data_dir / "languages.toml").open("rb") as handle:
        raw = tomllib.load(handle)
    return {
        code: LanguageMorphology(
            code=code,
            name=section.get("name", code),
            segmentation=section.get("segmentation", "words"),
            prefixes=tuple(section.get("prefixes", ())),
            suffixes=tuple(section.get("suffixes", ())),
            min_stem=int(section.get("min_stem", 3)),
            also=tuple(section.get("also", ())),
            also_kinds=tuple(section.get("also_kinds", ("person", "igo", "abbrev"))),
        )
        for code, section in raw.items()
    }


@cache
def load_names(data_dir: Path, language: str) -> list[Name]:
    folder = data_dir / "names" / language
    names: list[Name] = []
    for path in sorted(folder.glob("*.tsv")):
        for row in _rows(path):
            if not row.get("surface") or not row.get("actor"):
                continue
            names.append(
                Name(row["surface"], row["actor"], row.get("kind", "name"),
                     row.get("match", "ci") == "cs")
            )
    return names


@cache
def default_registry() -> ActorRegistry:
    return ActorRegistry.load()
