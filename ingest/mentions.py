"""Finding actor mentions in a sentence: a token trie over the gazetteer of each language, with
the language's morphology (clitic prefixes, inflection endings) taken from data."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from geokg.graph.actors import ActorRegistry, LanguageMorphology, Name, default_registry
from geokg.ingest.sentences import Sentence, pipeline


@dataclass(frozen=True)
class Mention:
    start: int  # token span in the sentence, end exclusive
    end: int
    char_start: int  # character span in the sentence
    char_end: int
    surface: str
    actor: str  # the id named: a state, IGO or person
    states: tuple[str, ...]  # the state-level actor(s) it stands for
    kind: str
    how: str  # name | metonym | person-office | coreference


def fold(token: str) -> str:
    """Case- and accent-insensitive form of a token (accents matter little in news spelling)."""
    decomposed = unicodedata.normalize("NFD", token.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class Gazetteer:
    """All names of one language, indexed by their token sequences."""

    def __init__(self, language: str, names: list[Name], morphology: LanguageMorphology | None):
        self.language = language
        self.morphology = morphology or LanguageMorphology(language, language)
        self.suffixes = sorted(self.morphology.suffixes, key=len, reverse=True)
        tokenizer = pipeline(language).tokenizer
        self.exact: dict[tuple[str, ...], list[tuple[Name, tuple[str, ...]]]] = {}
        self.stemmed: dict[tuple[str, ...], list[tuple[Name, tuple[str, ...]]]] = {}
        self.max_len = 1
        for name in names:
            tokens = tuple(t.text for t in tokenizer(name.surface) if not t.is_space)
            if not tokens:
                continue
            self.max_len = max(self.max_len, len(tokens))
            entry = (name, tokens)
            self.exact.setdefault(tuple(fold(t) for t in tokens), []).append(entry)
            if self.suffixes and not name.case_sensitive:
                key = tuple(self.stem(fold(t)) for t in tokens)
                self.stemmed.setdefault(key, []).append(entry)

    def stem(self, folded: str) -> str:
        for suffix in self.suffixes:
            if folded.endswith(suffix) and len(folded) - len(suffix) >= self.morphology.min_stem:
                return folded[: -len(suffix)]
        return folded

    def _accept(self, name: Name, name_tokens: tuple[str, ...], text_tokens: list[str]) -> bool:
        if name.case_sensitive:
            return tuple(text_tokens) == name_tokens
        # A capitalised name written in lower case is another word ("turkey", "chad").
        first_name, first_text = name.surface[:1], text_tokens[0][:1]
        return not (first_name.isupper() and first_text.islower())

    def match_at(self, tokens: tuple[str, ...], i: int) -> tuple[int, Name] | None:
        """The longest name starting at token i: (its length in tokens, the name)."""
        folded = [fold(t) for t in tokens[i : i + self.max_len]]
        heads = [folded[0]] + [
            folded[0][len(p) :]
            for p in self.morphology.prefixes
            if folded[0].startswith(p) and len(folded[0]) > len(p) + 1
        ]
        for length in range(len(folded), 0, -1):
            text_tokens = list(tokens[i : i + length])
            for head in heads:
                key = (head, *folded[1:length])
                for index, make_key in ((self.exact, None), (self.stemmed, self.stem)):
                    if make_key is not None:
                        if not self.stemmed:
                            continue
                        key_used = tuple(make_key(k) for k in key)
                    else:
                        key_used = key
                    for name, name_tokens in index.get(key_used, ()):
                        if self._accept(name, name_tokens, text_tokens):
                            return length, name
        return None


@cache
def gazetteer(language: str, registry: ActorRegistry | None = None) -> Gazetteer:
    registry = registry or default_registry()
    morphology = registry.languages().get(language)
    return Gazetteer(language, registry.names(language), morphology)


_HOW = {"metonym": "metonym", "capital": "metonym", "person": "person-office"}


def find_mentions(
    sentence: Sentence,
    language: str,
    date: str | None = None,
    registry: ActorRegistry | None = None,
) -> list[Mention]:
    """Actor mentions in a sentence, left to right, resolved to state-level actors."""
    registry = registry or default_registry()
    gaz = gazetteer(language, registry)
    tokens = sentence.tokens
    mentions: list[Mention] = []
    i = 0
    while i < len(tokens):
        found = gaz.match_at(tokens, i)
        if not found:
            i += 1
            continue
        length, name = found
        state = registry.state_of(name.actor, date)
        if state:
            char_start = sentence.token_starts[i]
            char_end = sentence.token_starts[i + length - 1] + len(tokens[i + length - 1])
            mentions.append(
                Mention(i, i + length, char_start, char_end,
                        sentence.text[char_start:char_end], name.actor, (state,), name.kind,
                        _HOW.get(name.kind, "name"))
            )
        i += length
    return _merge_adjacent(mentions, tokens)


def _merge_adjacent(mentions: list[Mention], tokens: tuple[str, ...]) -> list[Mention]:
    """One mention for "Tiongkok China" or "Amerika Serikat (AS)": the same actor twice in a row."""
    merged: list[Mention] = []
    for m in mentions:
        prev = merged[-1] if merged else None
        # Only punctuation between them ("Amerika Serikat (AS)"); a word means two mentions.
        if prev and prev.states == m.states and m.start - prev.end <= 1 and all(
            not t.isalnum() for t in tokens[prev.end : m.start]
        ):
            merged[-1] = Mention(prev.start, m.end, prev.char_start, m.char_end,
                                 prev.surface, prev.actor, prev.states, prev.kind, prev.how)
        else:
            merged.append(m)
    return merged
