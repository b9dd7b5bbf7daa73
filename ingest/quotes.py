"""Quotes and their speakers: which words stand inside a quote, and who speaks it ('"…," a
Pentagon spokesman said')."""

from __future__ import annotations

from geokg.ingest.groups import SENTENCE_PUNCT, Group
from geokg.ingest.lexicon import Lexicon

QUOTES = frozenset({'"', "”", "“", "»", "«", "'", "’"})
# quote marks that only open or only close ("“" closes a German „…“, opens an English “…”)
_QUOTE_OPENERS = frozenset({"«", "„"})
_QUOTE_CLOSERS = frozenset({"»", "”"})


def quote_marks(folded: list[str], open_before: bool) -> tuple[list[bool], bool]:
    """For each word, whether it stands inside a quote (one may run on from the sentences
    before), and whether a quote is still open at the end of the sentence. Apostrophes are
    left out: "d'Ivoire" opens nothing."""
    inside, state = [], open_before
    for token in folded:
        if token in _QUOTE_OPENERS:
            state = True
        elif token in _QUOTE_CLOSERS:
            state = False
        elif token in ('"', "“"):
            state = not state
        inside.append(state and token not in QUOTES)
    return inside, state


_SPEAKER_GAP = 6  # "Chinese Foreign Minister Wang Yi said": words between speaker and verb


def quote_speaker(groups: list[Group], folded: list[str], t_end: int, target: Group | None,
                  lexicon: Lexicon) -> Group | None:
    """The speaker of a quote the trigger stands in, named after it: '"We stand ready to
    assist," a Pentagon spokesman said.'"""
    close = next((j for j in range(t_end, len(folded)) if folded[j] in QUOTES), None)
    if close is None or any(t in SENTENCE_PUNCT for t in folded[t_end:close]):
        return None
    for group in groups:
        if group.start <= close or group is target:
            continue
        between = folded[close + 1 : group.start]
        verb_first = any(t in lexicon.speech_verbs for t in between) and all(
            t in lexicon.speech_verbs or t in lexicon.titles or not t.isalnum() for t in between)
        # (the verb may stand before its speaker: '…," terang Presiden Prabowo')
        if not verb_first and (group.start - close > 3
                               or not _speech_verb_after(group, folded, lexicon)):
            return None
        if target is not None and set(group.states) & set(target.states):
            return None
        return group
    return None


def _speech_verb_after(group: Group, folded: list[str], lexicon: Lexicon) -> bool:
    """Whether a speech verb follows the group closely, with only words between: "a Pentagon
    spokesman said"."""
    verb = next((j for j in range(group.end, min(group.end + _SPEAKER_GAP, len(folded)))
                 if folded[j] in lexicon.speech_verbs), None)
    return verb is not None and all(folded[j].isalnum() for j in range(group.end, verb))
