"""Actors grouped as the clause has them: a compound ("Tiongkok dan Rusia", "A and B"), a
list, or a single actor, with the punctuation that bounds clauses."""

from __future__ import annotations

from dataclasses import dataclass

from geokg.ingest.lexicon import Lexicon
from geokg.ingest.mentions import Mention

CLAUSE_PUNCT = frozenset({",", ";", ":", "(", ")", "—", "–", "،", "，", "；", "：", "、"})


SENTENCE_PUNCT = frozenset({".", "!", "?", "。", "！", "？", "؟"})


@dataclass(frozen=True)
class Group:
    """One actor, or a compound of actors joined by conjunctions."""

    start: int
    end: int
    states: tuple[str, ...]
    surface: str
    person: bool = False  # names a person ("he" may stand for it), not only a state or place
    adjective: bool = False  # only adjectives ("российскую нефть"): a modifier, never an owner


MAX_JOIN_GAP = 7  # "A dan Perdana Menteri (PM) B": a conjunction plus a title


def build_groups(mentions: list[Mention], folded: list[str], lexicon: Lexicon) -> list[Group]:
    """Mentions joined by a conjunction (and the titles and brackets around names) form one
    compound actor: "Tiongkok dan Rusia", "President Trump and Prime Minister Albanese"."""
    groups: list[Group] = []
    appositions = _comma_appositions(mentions, folded, lexicon)
    for m in mentions:
        prev = groups[-1] if groups else None
        gap = folded[prev.end : m.start] if prev else None
        joins = (
            gap is not None and 0 < len(gap) <= MAX_JOIN_GAP
            and any(g in lexicon.conjunctions or g == "," or _conjoined_title(g, lexicon)
                    for g in gap)
            and all(g in lexicon.conjunctions or g in lexicon.titles or not g.isalnum()
                    or _conjoined_title(g, lexicon)
                    or (g in lexicon.conjunction_articles and k > 0
                        and gap[k - 1] in lexicon.conjunctions) for k, g in enumerate(gap))
        ) or (gap is not None and len(gap) == 1 and gap[0] in lexicon.pair_joiners
              # "Egyptian-American" is one person's two nationalities, not a pair
              and not (prev.adjective and m.kind == "adjective")) or (
            gap == [] and _clitic_conjoined(folded[m.start], lexicon)) or (
            gap == [] and lexicon.adjective_pairs and prev is not None and prev.adjective
            and m.kind == "adjective" and prev.states != m.states)
        # "Trump and Chinese President Xi", "美国国务卿布林肯": a name after a title of a state
        # the group already holds is part of it
        joins = joins or (gap is not None and 0 < len(gap) <= MAX_JOIN_GAP
                          and set(m.states) <= set(prev.states)
                          and all(g in lexicon.titles for g in gap))
        if id(m) in appositions:
            joins = False
        if prev and joins:
            states = prev.states + tuple(s for s in m.states if s not in prev.states)
            groups[-1] = Group(prev.start, m.end, states, prev.surface + " + " + m.surface,
                               prev.person or m.kind == "person",
                               prev.adjective and m.kind == "adjective")
        else:
            groups.append(Group(m.start, m.end, m.states, m.surface, m.kind == "person",
                                m.kind == "adjective"))
    return groups


def _comma_appositions(mentions: list[Mention], folded: list[str], lexicon: Lexicon) -> set[int]:
    """The mentions (by id) after a bare comma that is no list: "ketua bergilir ASEAN, Malaysia
    akan menjamu", "Lawan China, AS Siapkan", "di KTT G20, Hamburg, Jerman". A chain of names
    joined by commas only is a list when it opens the clause ("AS, Jepang, Australia Minta");
    inside a clause, without a conjunction, it is a place, an apposition or a clause boundary."""
    found: set[int] = set()
    chain: list[Mention] = []
    conjoined = False

    def close() -> None:
        start = chain[0].start
        opens = all(not folded[j].isalnum() or folded[j] in lexicon.titles
                    for j in range(_clause_start(folded, start), start))
        if len(chain) > 1 and not conjoined and not opens:
            found.update(id(m) for m in chain[1:])

    for m in mentions:
        gap = folded[chain[-1].end : m.start] if chain else None
        if gap and "," in gap and all(g == "," or g in lexicon.titles or g in lexicon.conjunctions
                                      for g in gap):
            chain.append(m)
            conjoined = conjoined or any(g in lexicon.conjunctions for g in gap)
            continue
        if gap and any(g in lexicon.conjunctions for g in gap):
            conjoined = True  # "A, B dan C": the conjunction makes the commas a list
            chain.append(m)
            continue
        if chain:
            close()
        chain, conjoined = [m], False
    if chain:
        close()
    return found


def _clause_start(folded: list[str], i: int) -> int:
    while i > 0 and folded[i - 1] not in CLAUSE_PUNCT and folded[i - 1] not in SENTENCE_PUNCT:
        i -= 1
    return i


def _clitic_conjoined(token: str, lexicon: Lexicon) -> bool:
    """Whether a name right after another carries a conjunction on it: Arabic "الصين وروسيا"
    (China and Russia) has no word between the two names."""
    return any(token.startswith(c) and len(token) - len(c) >= 3
               for c in lexicon.clitic_conjunctions)


def _conjoined_title(token: str, lexicon: Lexicon) -> bool:
    """A title with a conjunction written on it: "الولايات المتحدة ودول مجلس التعاون" (the
    US and the states of the GCC)."""
    return any(token.startswith(c) and token[len(c):] in lexicon.titles
               for c in lexicon.clitic_conjunctions)


def group_starting(
    groups: list[Group], lo: int, hi: int, folded: list[str],
    governed_by: frozenset[str] = frozenset(),
) -> Group | None:
    """The first group starting in [lo, hi] with no clause punctuation before it, and none of
    `governed_by` on the way (a direct object is not "di Jerman", "after the latest U.N.")."""
    for group in groups:
        if lo <= group.start <= hi:
            if any(t in CLAUSE_PUNCT or t in SENTENCE_PUNCT for t in folded[lo : group.start]):
                return None
            if any(t in governed_by for t in folded[lo : group.start]):
                return None
            return group
    return None
