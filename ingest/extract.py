"""The relation extractor: lexicon triggers plus argument assignment within the clause.

For each trigger (a word or phrase of the language's lexicon) in a sentence:
- the target is the actor after one of the trigger's target markers ("dengan", "with", "ke"),
  or its direct object (the first actor after it, not behind a preposition);
- the source is the nearest actor (or compound "A and B") before the trigger that is not
  governed by a preposition; failing that, in verb-first languages the actor after the verb,
  the owner of a nominalisation ("kunjungan Prabowo ke Brasil"), or the actor an earlier
  sentence made the subject when a pronoun stands for it ("It criticized …");
- "between A and B" after the trigger, or a two-actor compound subject of a mutual relation,
  gives a symmetric relation between the two; an agent ("by", "oleh") or a passive verb form
  makes a passive; a passive without an agent gives nothing;
- in a sentence naming only two actors, a target further away is taken at lower confidence;
- modality comes from the trigger itself or the cue words just before it (negation wins over
  hypothesis, hypothesis over intention).
Actors also come from "the two countries" / "these countries" / "the country", resolved
against the article's earlier sentences (ArticleContext).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from geokg import EXTRACTOR_VERSION
from geokg.graph import ontology
from geokg.graph.model import Evidence, Relation
from geokg.ingest.lexicon import Lexicon, PatternSet, TriggerEntry
from geokg.ingest.mentions import Mention, fold
from geokg.ingest.sentences import Sentence

_CLAUSE_PUNCT = frozenset({",", ";", ":", "(", ")", "—", "–", "،", "，", "；", "：", "、"})
_SENTENCE_PUNCT = frozenset({".", "!", "?", "。", "！", "？", "؟"})
_MODALITY_ORDER = ("negated", "hypothetical", "intended")
_MODALITY_WINDOW = 5
_TARGET_GAP = 3  # words allowed between a target marker and the target ("dengan pihak Rusia")
_OBJECT_GAP = 4  # words allowed between a trigger and its direct object
_FAR_TARGET = 14  # how far the fallback looks for a target when no marker or object is found
_PRONOUN_GAP = 4  # a pronoun subject stands close before its verb
_OWNER_GAP = 2  # "kunjungan Presiden Prabowo": a title may stand between noun and owner
_MUTUAL_SUBJECT_GAP = 8  # words allowed between "A and B" and the mutual relation they have


@dataclass(frozen=True)
class Group:
    """One actor, or a compound of actors joined by conjunctions."""

    start: int
    end: int
    states: tuple[str, ...]
    surface: str


@dataclass
class ArticleContext:
    """What earlier sentences of the article said, for "the two countries" and pronouns."""

    last_pair: tuple[str, str] | None = None
    recent: list[str] = field(default_factory=list)  # states, least recently named first
    last_subject: Group | None = None  # what "it", "he", "dia" most likely refer to
    last_group: tuple[str, ...] | None = None  # what "these countries" refers to
    topic: str | None = None  # the article's main actor

    def note(self, groups: list[Group], folded: list[str], lexicon: Lexicon) -> None:
        subjects = [g for g in groups
                    if g.start == 0 or folded[g.start - 1] not in lexicon.oblique]
        if subjects:
            self.last_subject = subjects[0]
        for group in groups:
            if len(group.states) == 2:
                self.last_pair = (group.states[0], group.states[1])
            if len(group.states) >= 2:
                self.last_group = group.states
            for state in group.states:
                if state in self.recent:
                    self.recent.remove(state)
                self.recent.append(state)

    def pair(self) -> tuple[str, str] | None:
        if self.last_pair:
            return self.last_pair
        if len(self.recent) >= 2:
            return (self.recent[-2], self.recent[-1])
        return None


def resolve_anaphora(
    sentence: Sentence, folded: list[str], mentions: list[Mention], lexicon: Lexicon,
    context: ArticleContext,
) -> list[Mention]:
    """Mentions for "the two countries" (the pair named before), "these countries" (the last
    group named) and "the country" (the last subject)."""
    referents = (
        (lexicon.pair_anaphora, context.pair()),
        (lexicon.group_anaphora, context.last_group),
        (lexicon.singular_anaphora,
         context.last_subject.states if context.last_subject else None),
    )
    referents = tuple((p, r) for p, r in referents if p and r)
    if not referents:
        return mentions
    taken = {i for m in mentions for i in range(m.start, m.end)}
    extra: list[Mention] = []
    i = 0
    while i < len(folded):
        found = None
        if i not in taken:
            for patterns, states in referents:
                length = patterns.longest(folded, i)
                if length:
                    found = (length, tuple(states))
                    break
        if found:
            length, states = found
            cs = sentence.token_starts[i]
            ce = sentence.token_starts[i + length - 1] + len(sentence.tokens[i + length - 1])
            extra.append(Mention(i, i + length, cs, ce, sentence.text[cs:ce], "", states,
                                 "anaphora", "coreference"))
            i += length
        else:
            i += 1
    return sorted(mentions + extra, key=lambda m: m.start)


_MAX_JOIN_GAP = 7  # "A dan Perdana Menteri (PM) B": a conjunction plus a title


def build_groups(mentions: list[Mention], folded: list[str], lexicon: Lexicon) -> list[Group]:
    """Mentions joined by a conjunction (and the titles and brackets around names) form one
    compound actor: "Tiongkok dan Rusia", "President Trump and Prime Minister Albanese"."""
    groups: list[Group] = []
    for m in mentions:
        prev = groups[-1] if groups else None
        gap = folded[prev.end : m.start] if prev else None
        joins = (
            gap is not None and 0 < len(gap) <= _MAX_JOIN_GAP
            and any(g in lexicon.conjunctions or g == "," for g in gap)
            and all(g in lexicon.conjunctions or g in lexicon.titles or not g.isalnum()
                    for g in gap)
        )
        if prev and joins:
            states = prev.states + tuple(s for s in m.states if s not in prev.states)
            groups[-1] = Group(prev.start, m.end, states, prev.surface + " + " + m.surface)
        else:
            groups.append(Group(m.start, m.end, m.states, m.surface))
    return groups


def _group_starting(
    groups: list[Group], lo: int, hi: int, folded: list[str],
    governed_by: frozenset[str] = frozenset(),
) -> Group | None:
    """The first group starting in [lo, hi] with no clause punctuation before it, and none of
    `governed_by` on the way (a direct object is not "di Jerman", "after the latest U.N.")."""
    for group in groups:
        if lo <= group.start <= hi:
            if any(t in _CLAUSE_PUNCT or t in _SENTENCE_PUNCT for t in folded[lo : group.start]):
                return None
            if any(t in governed_by for t in folded[lo : group.start]):
                return None
            return group
    return None


def _find_after(
    patterns: PatternSet, groups: list[Group], folded: list[str], start: int,
    window: int,
) -> Group | None:
    """The group after the first of `patterns` found within `window` words from `start`."""
    for j in range(start, min(len(folded), start + window + 1)):
        if folded[j] in _SENTENCE_PUNCT:
            return None
        length = patterns.longest(folded, j)
        if length:
            group = _group_starting(groups, j + length, j + length + _TARGET_GAP, folded)
            if group:
                return group
    return None


def _modality(folded: list[str], start: int, lexicon: Lexicon) -> str:
    lo = max(0, start - _MODALITY_WINDOW)
    found = set()
    for i in range(lo, start):
        for name, patterns in lexicon.modality.items():
            if patterns.longest(folded, i):
                found.add(name)
    for name in _MODALITY_ORDER:
        if name in found:
            return name
    return "asserted"


@dataclass(frozen=True)
class Candidate:
    source: str
    relation: str
    target: str
    symmetric: bool
    modality: str
    confidence: float
    trigger: str
    source_surface: str
    target_surface: str


def _passive_without_agent(folded: list[str], t_start: int, lexicon: Lexicon) -> bool:
    """"was shot down", "were expelled" — but not "are demanding" (a progressive)."""
    if not lexicon.passive_aux or folded[t_start].endswith(lexicon.progressive_suffixes):
        return False
    return any(t in lexicon.passive_aux for t in folded[max(0, t_start - 2) : t_start])


def _pronoun_subject(
    folded: list[str], lo: int, t_start: int, lexicon: Lexicon, context: ArticleContext | None,
) -> Group | None:
    """A pronoun between `lo` and the trigger ("it has criticized", "Dia mendorong") stands for
    the subject of the sentences before."""
    if context is None or context.last_subject is None or not lexicon.pronouns:
        return None
    for i in range(t_start - 1, max(lo, t_start - _PRONOUN_GAP) - 1, -1):
        if folded[i] in lexicon.pronouns and (i == 0 or folded[i - 1] not in lexicon.oblique):
            ref = context.last_subject
            return Group(i, i + 1, ref.states, f"{folded[i]} (= {ref.surface})")
    return None


def _arguments(
    entry: TriggerEntry, t_start: int, t_end: int, groups: list[Group], folded: list[str],
    lexicon: Lexicon, context: ArticleContext | None = None,
    triggers: frozenset[int] = frozenset(),
) -> list[tuple[str, str, bool, float, str, str]]:
    rtype = ontology.get(entry.relation)
    between = _find_after(lexicon.between, groups, folded, t_end, lexicon.window)
    if between and len(between.states) == 1:
        # "antara Suriah dengan Korea Utara": the second side follows a joiner word.
        after = _find_after(lexicon.between_joiners, groups, folded, between.end, 1)
        if after:
            between = Group(between.start, after.end, between.states + after.states,
                            between.surface + " + " + after.surface)
    if between and len(between.states) >= 2 and not entry.between_targets:
        return _pairs(between, 0.9)

    # A passive ("was sanctioned by X", "dijatuhi sanksi oleh X"): the agent is the source and
    # the subject before the trigger the target.
    agent = _find_after(lexicon.agent, groups, folded, t_end, lexicon.window)
    if agent is None and entry.passive:
        agent = _group_starting(groups, t_end, t_end + _OBJECT_GAP, folded, lexicon.oblique)
    target: Group | None = None
    if agent is None:
        if entry.target_markers:
            target = _find_after(entry.target_markers, groups, folded, t_end, lexicon.window)
        if target is None and entry.object_target:
            target = _group_starting(groups, t_end, t_end + _OBJECT_GAP, folded, lexicon.oblique)

    subject: Group | None = None
    for group in reversed(groups):
        if group.end > t_start or group is target:
            continue
        before = folded[group.start - 1] if group.start > 0 else ""
        if before in lexicon.oblique:
            continue
        subject = group
        break
    if subject is None and lexicon.verb_first and agent is None:
        # Verb-first clauses (Arabic "التقى الرئيس X بنظيره Y"): the first actor after the
        # verb is its subject, the target the next one (after a marker, or next in line).
        after = _group_starting(groups, t_end, t_end + _OBJECT_GAP, folded, lexicon.oblique)
        if after is not None:
            subject = after
            if target is None or target is after:
                target = None
                if entry.target_markers:
                    target = _find_after(entry.target_markers, groups, folded, after.end,
                                         lexicon.window)
                if target is None and entry.object_target:
                    target = _group_starting(groups, after.end, after.end + _OBJECT_GAP, folded,
                                             lexicon.oblique)
    if subject is None and target is not None and agent is None:
        # A nominalisation with its actor after it: "kunjungan Presiden Prabowo ke Brasil",
        # "aliansi Pyongyang dengan Rusia", "attacks of Israel on Iran".
        owner = _group_starting(groups, t_end, t_end + _OWNER_GAP, folded, lexicon.oblique)
        if owner is not None and owner is not target and owner.end <= target.start:
            subject = owner
    if subject is None:
        # A pronoun with no actor before it in the sentence refers back to an earlier one.
        pronoun = _pronoun_subject(folded, 0, t_start, lexicon, context)
        if pronoun and (target is None or not set(pronoun.states) & set(target.states)):
            subject = pronoun

    if agent and subject:
        return _cross(agent, subject, rtype.symmetric, 0.8)
    if agent is None and _passive_without_agent(folded, t_start, lexicon):
        # "MH17 was shot down over Ukraine": the subject is what was done to; who did it is
        # not said.
        return []
    if agent and rtype.symmetric and len(agent.states) == 2:
        # "diperebutkan oleh Beijing dan Manila": a mutual relation of the two agents.
        return _pairs(agent, 0.8)
    if subject and target:
        distance = t_start - subject.end
        return _cross(subject, target, rtype.symmetric, 1.0 if distance <= 8 else 0.85)
    # "A dan B sepakat": a mutual relation between two actors named right before it. A longer
    # list ("Rusia, Armenia, Belarus dan Kazakhstan") is an enumeration, not a dyad.
    if (subject and rtype.symmetric and len(subject.states) == 2
            and t_start - subject.end <= _MUTUAL_SUBJECT_GAP
            and not any(subject.end <= j < t_start for j in triggers)):
        return _pairs(subject, 0.85)
    if subject and target is None and len({x for g in groups for x in g.states}) == 2:
        # No marked target nearby, in a sentence that names just two actors: the other one
        # further on ("fired with unspecified weapons on the positions of the forces of
        # Azerbaijan"). With more actors named, guessing costs more than it finds.
        later = [g for g in groups if g.start >= t_end and g.start - t_end <= _FAR_TARGET
                 and not any(t in _SENTENCE_PUNCT or t == ";" for t in folded[t_end : g.start])]
        if later:
            return _cross(subject, later[0], rtype.symmetric, 0.6)
    if (subject and target is None and context and context.topic
            and rtype.quad == "verbal_conflict" and context.topic not in subject.states):
        # "Brazil condemned the nuclear test": criticism with no actor named is aimed at the
        # actor the article is about.
        topic = Group(t_end, t_end, (context.topic,), context.topic)
        return _cross(subject, topic, rtype.symmetric, 0.5)
    return []


def _cross(source: Group, target: Group, symmetric: bool, factor: float):
    return [
        (s, t, symmetric, factor, source.surface, target.surface)
        for s in source.states for t in target.states if s != t
    ]


def _pairs(group: Group, factor: float):
    states = group.states
    return [
        (a, b, True, factor, group.surface, group.surface)
        for i, a in enumerate(states) for b in states[i + 1 :]
    ]


def extract_sentence(
    sentence: Sentence, mentions: list[Mention], lexicon: Lexicon, context: ArticleContext,
) -> list[Candidate]:
    folded = [fold(t) for t in sentence.tokens]
    mentions = resolve_anaphora(sentence, folded, mentions, lexicon, context)
    groups = build_groups(mentions, folded, lexicon)
    in_mention = {i for m in mentions for i in range(m.start, m.end)}
    found: dict[tuple[str, str, str], Candidate] = {}
    named = {s for g in groups for s in g.states}
    referred = context.last_subject is not None and any(t in lexicon.pronouns for t in folded)
    about_topic = context.topic is not None and context.topic not in named
    if len(named) >= 2 or (named and (referred or about_topic)):
        at = {i: e for i in range(len(folded)) if i not in in_mention
              and (e := lexicon.triggers_at(folded, i))}
        for i, entries in at.items():
            # The longest trigger at a position speaks for it; a shorter one is tried only
            # when the longer finds no actors to relate.
            for entry in entries:
                t_end = i + len(entry.pattern)
                arguments = _arguments(entry, i, t_end, groups, folded, lexicon, context,
                                       frozenset(at))
                if not arguments:
                    continue
                modality = entry.modality or _modality(folded, i, lexicon)
                trigger = " ".join(sentence.tokens[i:t_end])
                for s, t, sym, factor, s_surf, t_surf in arguments:
                    key = (s, entry.relation, t)
                    if key not in found:
                        found[key] = Candidate(
                            s, entry.relation, t, sym, modality,
                            round(entry.confidence * factor, 2), trigger, s_surf, t_surf,
                        )
                break
    context.note(groups, folded, lexicon)
    return list(found.values())


def to_relation(
    candidate: Candidate, sentence: Sentence, article_id: str, date: str | None, language: str,
) -> Relation:
    code = ontology.coding(candidate.relation, candidate.modality)
    return Relation(
        source=candidate.source,
        relation=candidate.relation,
        target=candidate.target,
        modality=candidate.modality,
        confidence=candidate.confidence,
        symmetric=candidate.symmetric,
        plover=code.plover,
        cameo=code.cameo,
        cameo_root=code.cameo_root,
        quad=code.quad,
        goldstein=code.goldstein,
        trigger=candidate.trigger,
        source_mention=candidate.source_surface,
        target_mention=candidate.target_surface,
        evidence=Evidence(
            article_id=article_id,
            sentence=sentence.text,
            start=sentence.start,
            end=sentence.end,
            date=date,
            language=language,
            extractor=EXTRACTOR_VERSION,
        ),
    )
