"""Roles stated in the text: "Duta Besar Beijing untuk Moskow, Zhang Hanhui", "Russian Foreign
Minister Sergey Lavrov". A name that follows a title and a state is remembered for the rest of
the article, so that a later "Zhang mengatakan" resolves to China."""

from __future__ import annotations

from geokg.ingest.mentions import Mention, fold
from geokg.ingest.sentences import Sentence

_TITLE_BEFORE = 3  # title words allowed right before the state ("Duta Besar Beijing")
_GAP_TO_NAME = 4  # words between the state and the name ("untuk Moskow ,")
_NAME_LEN = 3  # a personal name has at most this many capitalised words


def _is_name_word(token: str) -> bool:
    return token[:1].isupper() and token.isalpha() and not token.isupper()


def learn_roles(
    sentence: Sentence, mentions: list[Mention], titles: frozenset[str],
    aliases: dict[tuple[str, ...], tuple[str, ...]],
) -> None:
    """Remember the names that this sentence introduces with a title and a state."""
    tokens = sentence.tokens
    taken = {i for m in mentions for i in range(m.start, m.end)}
    for m in mentions:
        if m.kind == "person" or len(m.states) != 1:
            continue
        before = [fold(t) for t in tokens[max(0, m.start - _TITLE_BEFORE) : m.start]]
        after_title = [fold(t) for t in tokens[m.end : m.end + 2]]
        if not any(t in titles for t in before + after_title):
            continue
        # The name: the first run of capitalised words after the state that is not a title,
        # nor another actor.
        i = m.end
        limit = min(len(tokens), m.end + _GAP_TO_NAME + 2)
        while i < limit and not (_is_name_word(tokens[i]) and fold(tokens[i]) not in titles
                                 and i not in taken):
            i += 1
        run: list[str] = []
        while (i < len(tokens) and len(run) < _NAME_LEN and _is_name_word(tokens[i])
               and fold(tokens[i]) not in titles and i not in taken):
            run.append(tokens[i])
            i += 1
        if len(run) < 2:  # a single capitalised word is too often something else
            continue
        name = tuple(fold(t) for t in run)
        aliases.setdefault(name, m.states)
        # Later sentences may use either part alone: "Zhang" (family name first) or "Lavrov".
        for part in (name[:1], name[-1:]):
            aliases.setdefault(part, m.states)


def role_mentions(
    sentence: Sentence, mentions: list[Mention], aliases: dict[tuple[str, ...], tuple[str, ...]],
) -> list[Mention]:
    """Mentions of the names remembered from earlier sentences of the article."""
    if not aliases:
        return mentions
    tokens = sentence.tokens
    taken = {i for m in mentions for i in range(m.start, m.end)}
    extra: list[Mention] = []
    i = 0
    while i < len(tokens):
        found = 0
        if i not in taken and _is_name_word(tokens[i]):
            for length in range(_NAME_LEN, 0, -1):
                key = tuple(fold(t) for t in tokens[i : i + length])
                if len(key) == length and key in aliases and not taken & set(range(i, i + length)):
                    found = length
                    break
        if found:
            cs = sentence.token_starts[i]
            ce = sentence.token_starts[i + found - 1] + len(tokens[i + found - 1])
            key = tuple(fold(t) for t in tokens[i : i + found])
            extra.append(Mention(i, i + found, cs, ce, sentence.text[cs:ce], "", aliases[key],
                                 "person", "role"))
            i += found
        else:
            i += 1
    return sorted(mentions + extra, key=lambda m: m.start)
