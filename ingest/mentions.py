"""Finding actor mentions in a sentence: a token trie over the gazetteer of each language, with
the language's morphology (clitic prefixes, inflection endings) taken from data."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

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


@lru_cache(maxsize=500_000)  # news vocabulary repeats: most tokens are folded once
def fold(token: str) -> str:
    """Case- and accent-insensitive form of a token (accents matter little in news spelling).
    Cyrillic й and ё stay: they are letters of their own, and inflection endings depend on them."""
    out: list[str] = []
    base = ""
    for c in unicodedata.normalize("NFD", token.casefold()):
        if unicodedata.combining(c):
            if "\u0400" <= base <= "\u04ff":
                out.append(c)
            continue
        base = c
        out.append(c)
    return unicodedata.normalize("NFC", "".join(out))


_TOKEN_MEMORY = 200_000  # distinct tokens remembered per gazetteer before starting afresh


class Gazetteer:
    """All names of one language, indexed by their folded token sequences (and, for languages
    with inflection, by their stems)."""

    def __init__(self, language: str, names: list[Name], morphology: LanguageMorphology | None):
        self.language = language
        self.morphology = morphology or LanguageMorphology(language, language)
        # Endings are folded like the text they are matched against ("й" folds to "и").
        self.suffixes = sorted({fold(x) for x in self.morphology.suffixes}, key=len, reverse=True)
        self.prefixes = tuple(fold(p) for p in self.morphology.prefixes)
        tokenizer = pipeline(language).tokenizer
        self.exact: dict[tuple[str, ...], list[tuple[Name, tuple[str, ...]]]] = {}
        self.stemmed: dict[tuple[str, ...], list[tuple[Name, tuple[str, ...]]]] = {}
        for name in names:
            tokens = tuple(t.text for t in tokenizer(name.surface) if not t.is_space)
            if not tokens:
                continue
            entry = (name, tokens)
            self.exact.setdefault(tuple(fold(t) for t in tokens), []).append(entry)
            if self.suffixes and not name.case_sensitive:
                key = tuple(self.stem(fold(t)) for t in tokens)
                self.stemmed.setdefault(key, []).append(entry)
        # First tokens of all names: most tokens of a sentence start none, and are skipped.
        self.first_exact = {key[0] for key in self.exact}
        self.first_stemmed = {key[0] for key in self.stemmed}
        self._tokens: dict[str, tuple[str, str, list[str], list[str]]] = {}
        # The lengths of the names each first word starts: only those are tried.
        self.lengths: dict[str, set[int]] = {}
        for key in (*self.exact, *self.stemmed):
            self.lengths.setdefault(key[0], set()).add(len(key))

    def stem(self, folded: str) -> str:
        for suffix in self.suffixes:
            if folded.endswith(suffix) and len(folded) - len(suffix) >= self.morphology.min_stem:
                return folded[: -len(suffix)]
        return folded

    def _accept(
        self, name: Name, name_tokens: tuple[str, ...], text_tokens: tuple[str, ...]
    ) -> bool:
        if name.case_sensitive:
            return text_tokens == name_tokens
        # A capitalised name written in lower case is another word ("turkey", "chad"); one in
        # odd case ("iSrael") is still the name.
        first_name, first_text = name.surface[:1], text_tokens[0][:1]
        return not (first_name.isupper() and first_text.islower() and text_tokens[0].islower())

    def find(self, tokens: tuple[str, ...]) -> list[tuple[int, int, Name]]:
        """Non-overlapping names in a token sequence, longest first: (start, length, name)."""
        info = [self._token(t) for t in tokens]
        folded = [x[0] for x in info]
        stems = [x[1] for x in info]
        found: list[tuple[int, int, Name]] = []
        i = 0
        while i < len(tokens):
            exact_heads, stem_heads = info[i][2], info[i][3]
            match = (self._match_at(tokens, folded, stems, i, exact_heads, stem_heads)
                     if exact_heads or stem_heads else None)
            if match:
                found.append((i, match[0], match[1]))
                i += match[0]
            else:
                i += 1
        return found

    def _token(self, token: str) -> tuple[str, str, list[str], list[str]]:
        """A token's folded form, its stem, and the forms of it (clitic prefixes off) that
        start some name, exactly or by stem. Remembered: news vocabulary repeats."""
        known = self._tokens.get(token)
        if known is None:
            if len(self._tokens) > _TOKEN_MEMORY:
                self._tokens.clear()
            head = fold(token)
            heads = [head] + [head[len(p):] for p in self.prefixes
                              if head.startswith(p) and len(head) > len(p) + 1]
            exact_heads = [h for h in heads if h in self.first_exact]
            stem_heads = ([s for h in heads if (s := self.stem(h)) in self.first_stemmed]
                          if self.stemmed else [])
            known = (head, self.stem(head) if self.stemmed else head, exact_heads, stem_heads)
            self._tokens[token] = known
        return known

    def _match_at(self, tokens: tuple[str, ...], folded: list[str], stems: list[str], i: int,
                  exact_heads: list[str], stem_heads: list[str]):
        left = len(tokens) - i
        lengths = {n for h in (*exact_heads, *stem_heads) for n in self.lengths[h] if n <= left}
        for length in sorted(lengths, reverse=True):
            text_tokens = tuple(tokens[i : i + length])
            for h in exact_heads:
                for name, name_tokens in self.exact.get((h, *folded[i + 1 : i + length]), ()):
                    if self._accept(name, name_tokens, text_tokens):
                        return length, name
            for h in stem_heads:
                for name, name_tokens in self.stemmed.get((h, *stems[i + 1 : i + length]), ()):
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
    for i, length, name in gaz.find(tokens):
        state = registry.state_of(name.actor, date)
        if state:
            char_start = sentence.token_starts[i]
            char_end = sentence.token_starts[i + length - 1] + len(tokens[i + length - 1])
            mentions.append(
                Mention(i, i + length, char_start, char_end,
                        sentence.text[char_start:char_end], name.actor, (state,), name.kind,
                        _HOW.get(name.kind, "name"))
            )
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
