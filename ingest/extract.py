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
_THREAT_OF_FORCE = "THREATENS_FORCE_AGAINST"
# material acts that, like criticism, are aimed at the article's main actor when no target is
# named ("the first set of Security Council sanctions")
_TOPIC_MATERIAL = frozenset({"SANCTIONS", "AIDS"})
# those of them aimed at the main actor only with no object of their own ("ready to assist in
# any way" is; "efforts to assist migrants" is not)
_TOPIC_OBJECTLESS = frozenset({"AIDS"})
_OPENER_GAP = 4  # "after the two former Cold War adversaries signed": a clause's subject
_MUTUAL_SUBJECT_GAP = 8  # words allowed between "A and B" and the mutual relation they have


@dataclass(frozen=True)
class Group:
    """One actor, or a compound of actors joined by conjunctions."""

    start: int
    end: int
    states: tuple[str, ...]
    surface: str
    person: bool = False  # names a person ("he" may stand for it), not only a state or place


@dataclass
class ArticleContext:
    """What earlier sentences of the article said, for "the two countries" and pronouns."""

    last_pair: tuple[str, str] | None = None
    last_state_pair: tuple[str, str] | None = None  # the last pair of two states, no IGO
    recent: list[str] = field(default_factory=list)  # states, least recently named first
    last_subject: Group | None = None  # what "it", "he", "dia" most likely refer to
    last_group: tuple[str, ...] | None = None  # what "these countries" refers to
    by_size: dict[int, tuple[str, ...]] = field(default_factory=dict)  # "the three countries"
    topic: str | None = None  # the article's main actor

    def note(self, groups: list[Group], folded: list[str], lexicon: Lexicon) -> None:
        subjects = [g for g in groups
                    if g.start == 0 or folded[g.start - 1] not in lexicon.oblique]
        if subjects:
            self.last_subject = subjects[0]
        for group in groups:
            if len(group.states) == 2:
                self.last_pair = (group.states[0], group.states[1])
                if not any(s.startswith("IGO:") for s in group.states):
                    self.last_state_pair = self.last_pair
            if len(group.states) >= 2:
                self.last_group = group.states
                self.by_size[len(group.states)] = group.states
            for state in group.states:
                if state in self.recent:
                    self.recent.remove(state)
                self.recent.append(state)
        plural = [g for g in subjects if len(g.states) >= 2]
        if plural:
            # "These countries" most likely are the compound subject, not a later object.
            self.last_group = plural[0].states

    def pair(self) -> tuple[str, str] | None:
        if self.last_pair:
            return self.last_pair
        if len(self.recent) >= 2:
            return (self.recent[-2], self.recent[-1])
        return None

    def state_pair(self) -> tuple[str, str] | None:
        """What "kedua negara" (the two countries) refers to: two states, not an IGO."""
        if self.last_state_pair:
            return self.last_state_pair
        states = [s for s in self.recent if not s.startswith("IGO:")]
        return (states[-2], states[-1]) if len(states) >= 2 else None


def resolve_anaphora(
    sentence: Sentence, folded: list[str], mentions: list[Mention], lexicon: Lexicon,
    context: ArticleContext,
) -> list[Mention]:
    """Mentions for "the two countries" (the pair named before), "these countries" (the last
    group named) and "the country" (the last subject)."""
    referents = (
        (lexicon.pair_anaphora, context.pair() or ()),
        *((p, context.by_size.get(n)) for n, p in lexicon.counted_anaphora.items()),
        (lexicon.group_anaphora, context.last_group),
        (lexicon.singular_anaphora,
         context.last_subject.states if context.last_subject else None),
    )
    # the pair may also be named earlier in the same sentence
    referents = tuple((p, r) for p, r in referents
                      if p and (r or (p is lexicon.pair_anaphora and len(mentions) >= 2)))
    if not referents:
        return mentions
    taken = {i for m in mentions for i in range(m.start, m.end)}
    heads = [p.heads for p, _ in referents]
    # words no referent phrase starts with are skipped at once (most words of a sentence)
    first = None if any(h is None for h in heads) else frozenset().union(*heads)
    extra: list[Mention] = []
    i = 0
    while i < len(folded):
        found = None
        if i not in taken and (first is None or folded[i] in first):
            for patterns, states in referents:
                length = patterns.may_start(folded[i]) and patterns.longest(folded, i)
                if length:
                    if patterns is lexicon.singular_anaphora:
                        # "Menteri Latvia ... negaranya": the subject of the same sentence,
                        # when it names one, before the subject of the sentences before.
                        local = next((m for m in mentions if m.end <= i and (
                            m.start == 0 or folded[m.start - 1] not in lexicon.oblique)), None)
                        states = local.states if local else states
                    if patterns is lexicon.pair_anaphora:
                        # "relations between Russia and the U.S. … the two former adversaries
                        # signed": the last two named in the same sentence come first.
                        # (a pair joined by a conjunction: "Palestinians and Israelis")
                        before = [m for m in mentions if m.end <= i]
                        for a, b in zip(before, before[1:], strict=False):
                            if a.states != b.states and b.start - a.end <= 3 and any(
                                    t in lexicon.conjunctions for t in folded[a.end : b.start]):
                                states = a.states[:1] + b.states[:1]
                        if (lexicon.state_nouns and any(s.startswith("IGO:") for s in states)
                                and any(t in lexicon.state_nouns for t in folded[i : i + length])):
                            states = context.state_pair() or ()
                    if not states:
                        continue
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
        ) or (gap is not None and len(gap) == 1 and gap[0] in lexicon.pair_joiners)
        if prev and joins:
            states = prev.states + tuple(s for s in m.states if s not in prev.states)
            groups[-1] = Group(prev.start, m.end, states, prev.surface + " + " + m.surface,
                               prev.person or m.kind == "person")
        else:
            groups.append(Group(m.start, m.end, m.states, m.surface, m.kind == "person"))
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


_APPOSITION_GAP = 6  # words of a common noun between a marker and its ", yaitu" list


def _appositive_target(markers: PatternSet, groups: list[Group], folded: list[str], start: int,
                       lexicon: Lexicon) -> Group | None:
    """"ke negara-negara sekutu di Pasifik, yaitu Tuvalu dan Palau": the actors listed after an
    appositive word are the target of the marker before the common noun."""
    for j in range(start, min(len(folded), start + lexicon.window + 1)):
        if folded[j] in _SENTENCE_PUNCT:
            return None
        length = markers.longest(folded, j)
        if not length:
            continue
        for k in range(j + length, min(len(folded), j + length + _APPOSITION_GAP + 1)):
            if folded[k] in _SENTENCE_PUNCT or any(g.start == k for g in groups):
                return None
            if folded[k] == ",":
                n = lexicon.appositives.longest(folded, k + 1)
                return _group_starting(groups, k + 1 + n, k + 1 + n, folded) if n else None
        return None
    return None


def _coordinated_target(target: Group, entry: TriggerEntry, groups: list[Group],
                        folded: list[str], lexicon: Lexicon) -> Group:
    """A marked target coordinated with a second one after the same marker: "talks with
    Temer and with the presidents of Argentina and Peru" are talks with all of them."""
    j = target.end
    if j >= len(folded) or folded[j] not in lexicon.conjunctions:
        return target
    length = entry.target_markers.longest(folded, j + 1)
    if not length:
        return target
    more = _group_starting(groups, j + 1 + length, j + 1 + length + _TARGET_GAP, folded)
    if more is None:
        return target
    states = target.states + tuple(s for s in more.states if s not in target.states)
    return Group(target.start, more.end, states, target.surface + " + " + more.surface,
                 target.person or more.person)


def _find_after(
    patterns: PatternSet, groups: list[Group], folded: list[str], start: int,
    window: int, triggers: frozenset[int] = frozenset(),
    blockers: frozenset[int] = frozenset(), clause: bool = False, first: bool = False,
) -> Group | None:
    """The group after the first of `patterns` found within `window` words from `start`.
    A marker right before another trigger is not one ("sent aircraft to attack Syria"); the
    search stops at `blockers`, triggers of their own ("sanctions and highlighting differences
    between A and B"), with `clause` at the end of the clause, and with `first` at the first
    actor ("shot down a Turkish drone operated by X": the agent of "operated")."""
    starts = {g.start for g in groups} if first else set()
    for j in range(start, min(len(folded), start + window + 1)):
        if folded[j] in _SENTENCE_PUNCT or j in blockers or j in starts or (
                clause and folded[j] in _CLAUSE_PUNCT):
            return None
        length = patterns.longest(folded, j)
        if length and j + length in triggers:
            continue
        if length:
            group = _group_starting(groups, j + length, j + length + _TARGET_GAP, folded)
            if group:
                return group
    return None


def _modality(folded: list[str], start: int, lexicon: Lexicon) -> str:
    lo = max(0, start - _MODALITY_WINDOW)
    for i in range(start - 1, lo - 1, -1):
        # A cue in the clause before belongs to that clause ("tidak sulit ..., dan mendesak").
        if folded[i] in _CLAUSE_PUNCT or folded[i] in _SENTENCE_PUNCT:
            lo = i + 1
            break
    found = set()
    for i in range(lo, start):
        if (i > 0 and folded[i - 1].isdigit()) or (i + 1 < len(folded) and folded[i + 1].isdigit()):
            continue  # a date: "on 2 May", "May 5", not "may"
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
            if folded[i] in lexicon.person_pronouns and not ref.person:
                return None  # "He urged …" after "Damascus appears …": not Damascus
            return Group(i, i + 1, ref.states, f"{folded[i]} (= {ref.surface})", ref.person)
    return None


def _arguments(
    entry: TriggerEntry, t_start: int, t_end: int, groups: list[Group], folded: list[str],
    lexicon: Lexicon, context: ArticleContext | None = None,
    triggers: frozenset[int] = frozenset(),
    prior: tuple[int, Group] | None = None,
    used: list[Group] | None = None,
) -> list[tuple[str, str, bool, float, str, str]]:
    """The (source, target, symmetric, confidence factor, surfaces) of one trigger. `prior` is
    the end of the last trigger before this one that found a relation, and its subject; the
    subject this trigger takes is appended to `used`."""
    rtype = ontology.get(entry.relation)
    if entry.before_target:
        return _before_target(entry, t_start, groups, folded, lexicon, context)
    # Later triggers not governed by this one own the markers after them.
    spans = {j for g in groups for j in range(g.start, g.end)}
    blockers = frozenset(p for p in triggers if p >= t_end and not (
        p - t_end <= _ATTACH_GAP and all(
            j not in spans and folded[j].isalnum() and folded[j] not in lexicon.oblique
            and folded[j] not in lexicon.conjunctions for j in range(t_end, p))))
    # From inside the trigger: "war between A and B", "differences between A and B".
    between = _find_after(lexicon.between, groups, folded, t_start + 1, lexicon.window,
                          triggers, blockers)
    if between and len(between.states) == 1:
        # "antara Suriah dengan Korea Utara": the second side follows a joiner word.
        after = _find_after(lexicon.between_joiners, groups, folded, between.end, 1)
        if after:
            between = Group(between.start, after.end, between.states + after.states,
                            between.surface + " + " + after.surface)
    if between and len(between.states) >= 2 and not entry.between_targets:
        return _pairs(between, 0.9)
    if entry.noun and rtype.symmetric:
        # A mutual noun owned by a compound: "pertemuan tiga negara", "perang Thailand-Kamboja".
        owners = _group_starting(groups, t_end, t_end + _OWNER_GAP, folded, lexicon.oblique)
        if (owners is not None and len(owners.states) >= 2
                and not any(t_end <= j < owners.start for j in triggers)):
            return _pairs(owners, 0.8)

    # A passive ("was sanctioned by X", "dijatuhi sanksi oleh X"): the agent is the source and
    # the subject before the trigger the target.
    agent = _find_after(lexicon.agent, groups, folded, t_end, lexicon.window, blockers=blockers,
                        clause=True, first=True)
    if (agent is None and entry.noun and lexicon.noun_agent
            and not set(lexicon.noun_agent.patterns) & set(entry.target_markers.patterns)):
        # "tuduhan dari Thailand", "sanções por parte do Conselho": the act comes from the
        # actor after it ("impor dari China" marks a target instead); a marked target after
        # the agent is the target, else the subject before the noun is.
        agent = _find_after(lexicon.noun_agent, groups, folded, t_end, lexicon.window)
        if agent is not None and entry.target_markers:
            marked = _find_after(entry.target_markers, groups, folded, agent.end,
                                 lexicon.window)
            if marked is not None:
                return _cross(agent, marked, rtype.symmetric, 0.8)
    if agent is None and entry.passive:
        agent = _group_starting(groups, t_end, t_end + _OBJECT_GAP, folded, lexicon.oblique)
    if agent is None and entry.passive:
        # A passive form whose agent is not named says nothing about who did it.
        return []
    target: Group | None = None
    if agent is None:
        if entry.target_markers:
            # A marker after a noun with an owner of its own is that noun's: in "condenó el
            # ataque de Rusia contra Ucrania" Ucrania is the attack's target, not the verb's.
            owned = frozenset(j for j in triggers if t_end <= j <= t_end + _OBJECT_GAP
                              and _group_starting(groups, j + 1, j + 1 + _OWNER_GAP, folded,
                                                  lexicon.oblique))
            target = _find_after(entry.target_markers, groups, folded, t_end, lexicon.window,
                                 triggers, owned)
            if target is None and lexicon.appositives:
                target = _appositive_target(entry.target_markers, groups, folded, t_end, lexicon)
            if target is not None:
                target = _coordinated_target(target, entry, groups, folded, lexicon)
        if target is None and entry.object_target:
            target = _group_starting(groups, t_end, t_end + _OBJECT_GAP, folded, lexicon.oblique)
        if target is None and (lexicon.preverbal_markers or lexicon.verb_final):
            target = _preverbal_target(entry, t_start, t_end, groups, folded, lexicon)

    subject: Group | None = None
    owner = None
    if entry.noun and target is not None:
        # "ancaman AS terhadap Korut", "ataque de Rusia contra Ucrania": the actor between a
        # nominalisation and its marked target owns it, whoever the clause's subject is.
        owner = _group_starting(groups, t_end, t_end + _OWNER_GAP, folded, lexicon.oblique)
        if owner is not None and (owner is target or owner.end > target.start
                                  or any(t_end <= j < owner.start for j in triggers)):
            owner = None
    before = t_start - 1
    if before > 0 and folded[before] in lexicon.determiners:
        before -= 1
    governed = entry.noun and before >= 0 and folded[before] in lexicon.noun_governors
    if governed and owner is None:
        # "kata Rycroft dalam pertemuan Dewan Keamanan", "unjuk kekuatan jelang kunjungan
        # Trump": a noun in an adjunct is its owner's act, not the clause subject's.
        owner = _group_starting(groups, t_end, t_end + _OWNER_GAP, folded, lexicon.oblique)
        if owner is None and rtype.symmetric:
            # "momentum dalam perdagangan, dan kerjasama antara A dan B": a mutual noun shares
            # the pair named after it.
            pair = next((g for g in groups if g.start >= t_end and len(g.states) >= 2
                         and g.start - t_end <= lexicon.window + _TARGET_GAP
                         and not any(t in _SENTENCE_PUNCT for t in folded[t_end : g.start])),
                        None)
            return _pairs(pair, 0.7) if pair else []
        if owner is None or owner is target or target is None:
            return []
    for group in reversed(groups) if owner is None else ():
        if group.end > t_start or group is target:
            continue
        before = folded[group.start - 1] if group.start > 0 else ""
        if before in lexicon.oblique and not (
                before in lexicon.clause_openers and t_start - group.end <= _OPENER_GAP
                and not any(t in _CLAUSE_PUNCT for t in folded[group.end : t_start])
        ) and not (group.start == 1 and before in lexicon.determiners):
            # (sentence-initial "A China condenou": an article, not the preposition "a")
            # ("after the two sides signed": "after" opens a clause whose subject they are)
            continue
        subject = group
        break
    subject = owner or subject
    if (subject is not None and owner is None and lexicon.possessives and t_start >= 2
            and folded[t_start - 1] == "to"
            and any(folded[j] in lexicon.possessives and folded[j - 1] in lexicon.oblique
                    for j in range(max(subject.end + 1, t_start - 5), t_start - 2))):
        # "show the Iranians it can act ... after its decision to support the sanctions":
        # in an adjunct the infinitive is the possessor's act, not that of the actor before.
        subject = None
    if subject is not None and owner is None and groups[0].start > 1:
        # "One of six powers trying to stop Iran …, it has criticized …": a pronoun after a
        # comma is the clause's subject, and in a sentence that does not open with an actor it
        # stands for the subject of the sentences before.
        pronoun = _pronoun_subject(folded, subject.end, t_start, lexicon, context)
        if pronoun and any(t in _CLAUSE_PUNCT for t in folded[subject.end : pronoun.start]):
            subject = pronoun
    if (prior and subject is not None and owner is None and subject.start >= prior[0]
            and any(t in lexicon.conjunctions for t in folded[subject.end : t_start])):
        # Coordinated predicates share their subject: in "Jepang memasok Australia ... dan
        # bernegosiasi dengan Selandia Baru" Australia is the object of the first verb.
        subject = prior[1]
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
    if subject is None and lexicon.speech_verbs and agent is None:
        subject = _quote_speaker(groups, folded, t_end, target, lexicon)

    if used is not None and subject is not None and agent is None:
        used.append(subject)
    if agent and subject:
        if lexicon.patient_gap and t_start - subject.end > lexicon.patient_gap:
            # "the EU must take back its fighters captured by US-backed forces": what the
            # participle was done to stands right before it, and is not the actor far back.
            return []
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
    if (subject and target is None and len({x for g in groups for x in g.states}) == 2
            and not (lexicon.far_subject and t_start - subject.end > lexicon.far_subject)):
        # No marked target nearby, in a sentence that names just two actors: the other one
        # further on ("fired with unspecified weapons on the positions of the forces of
        # Azerbaijan"). With more actors named, guessing costs more than it finds.
        later = [g for g in groups if g.start >= t_end and g.start - t_end <= _FAR_TARGET
                 and not any(t in _SENTENCE_PUNCT or t == ";" for t in folded[t_end : g.start])
                 and not _foreign_preposition(entry, g, folded, lexicon)]
        if later:
            return _cross(subject, later[0], rtype.symmetric, 0.6)
    if (subject and target is None and context and context.topic
            and (rtype.quad == "verbal_conflict" or rtype.name in _TOPIC_MATERIAL)
            and context.topic not in subject.states
            and not (rtype.name in _TOPIC_OBJECTLESS and t_end < len(folded)
                     and folded[t_end].isalnum() and folded[t_end] not in lexicon.oblique)):
        # "Brazil condemned the nuclear test": criticism with no actor named is aimed at the
        # actor the article is about.
        topic = Group(t_end, t_end, (context.topic,), context.topic)
        return _cross(subject, topic, rtype.symmetric, 0.5)
    return []


_SPEAKER_GAP = 6  # "Chinese Foreign Minister Wang Yi said": words between speaker and verb
_QUOTES = frozenset({'"', "”", "“", "»", "«", "'", "’"})


def _quote_speaker(groups: list[Group], folded: list[str], t_end: int, target: Group | None,
                   lexicon: Lexicon) -> Group | None:
    """The speaker of a quote the trigger stands in, named after it: '"We stand ready to
    assist," a Pentagon spokesman said.'"""
    close = next((j for j in range(t_end, len(folded)) if folded[j] in _QUOTES), None)
    if close is None or any(t in _SENTENCE_PUNCT for t in folded[t_end:close]):
        return None
    for group in groups:
        if group.start <= close or group is target:
            continue
        if group.start - close > 3:
            return None
        verb = next((j for j in range(group.end, min(group.end + _SPEAKER_GAP, len(folded)))
                     if folded[j] in lexicon.speech_verbs), None)
        if verb is None or any(not folded[j].isalnum() for j in range(group.end, verb)):
            return None
        if target is not None and set(group.states) & set(target.states):
            return None
        return group
    return None


_BEFORE_GAP = 2  # "told the EU it must": the target stands right before the trigger
_PREVERBAL_GAP = 8  # "对俄罗斯实施新的制裁": words between a pre-verbal target and the verb


def _preverbal_target(
    entry: TriggerEntry, t_start: int, t_end: int, groups: list[Group], folded: list[str],
    lexicon: Lexicon,
) -> Group | None:
    """A target before the verb: after a pre-verbal marker ("美国对俄罗斯实施制裁"), or in a
    verb-final clause the object between subject and verb ("Russland hat die Ukraine
    angegriffen", "…, dass Berlin mit Moskau verhandelt")."""
    lo = t_start
    while lo > 0 and folded[lo - 1] not in _CLAUSE_PUNCT and folded[lo - 1] not in _SENTENCE_PUNCT:
        lo -= 1
    before = [g for g in groups if g.start >= lo and g.end <= t_start]
    if not before or t_start - before[-1].end > _PREVERBAL_GAP:
        return None
    last = before[-1]
    marker = folded[last.start - 1] if last.start > 0 else ""
    if marker in lexicon.preverbal_markers:
        return last
    end = t_end
    while end < len(folded) and end < t_end + 2 and folded[end] in lexicon.final_auxiliaries:
        end += 1
    clause_final = end >= len(folded) or folded[end] in _CLAUSE_PUNCT or \
        folded[end] in _SENTENCE_PUNCT
    if lexicon.verb_final and clause_final and len(before) >= 2 and (
            marker not in lexicon.oblique or entry.target_markers.longest(folded, last.start - 1)):
        return last
    return None


def _before_target(
    entry: TriggerEntry, t_start: int, groups: list[Group], folded: list[str], lexicon: Lexicon,
    context: ArticleContext | None,
) -> list[tuple[str, str, bool, float, str, str]]:
    """A trigger whose target is the actor right before it, the source the actor before that
    (the speaker): "Russia said Sudan must return the helicopter"."""
    rtype = ontology.get(entry.relation)
    before = [g for g in groups if g.end <= t_start]
    if not before or t_start - before[-1].end > _BEFORE_GAP or any(
            t in _CLAUSE_PUNCT or t in _SENTENCE_PUNCT for t in folded[before[-1].end : t_start]):
        return []
    target = before[-1]
    source = next((g for g in reversed(before[:-1])
                   if g.start == 0 or folded[g.start - 1] not in lexicon.oblique), None)
    if source is None:
        source = _pronoun_subject(folded, 0, target.start, lexicon, context)
    if source is None:
        return []
    return _cross(source, target, rtype.symmetric, 0.8)


def _foreign_preposition(entry: TriggerEntry, group: Group, folded: list[str],
                         lexicon: Lexicon) -> bool:
    """Whether the group is governed by a comitative or source preposition that does not mark
    this trigger's target ("attack planes from Russia", "hit Idlib in coordination with
    Turkey"); other prepositions often do ("lifted sanctions on Iran")."""
    if group.start == 0 or folded[group.start - 1] not in lexicon.partner_prepositions:
        return False
    return not entry.target_markers.longest(folded, group.start - 1)


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


_ATTACH_GAP = 3  # words (articles, adjectives) between a verb and the noun it governs


def _attached(
    end: int, start: int, tokens: tuple[str, ...], folded: list[str], in_mention: set[int],
    lexicon: Lexicon,
) -> bool:
    """Whether a trigger at `start` is the object of the trigger ending at `end`: a few words
    apart, with no actor, name, punctuation, preposition or conjunction between ("hit Idlib in
    coordination with" is two events)."""
    if not 0 <= start - end <= _ATTACH_GAP or folded[start] in lexicon.oblique:
        return False
    return not any(
        j in in_mention or not folded[j].isalnum() or folded[j] in lexicon.oblique
        or folded[j] in lexicon.conjunctions or tokens[j][:1].isupper()
        for j in range(end, start)
    )


def extract_sentence(
    sentence: Sentence, mentions: list[Mention], lexicon: Lexicon, context: ArticleContext,
) -> list[Candidate]:
    folded = [fold(t) for t in sentence.tokens]
    mentions = resolve_anaphora(sentence, folded, mentions, lexicon, context)
    groups = build_groups(mentions, folded, lexicon)
    in_mention = {i for m in mentions for i in range(m.start, m.end)}
    found: dict[tuple[str, str, str], Candidate] = {}
    prior: tuple[int, Group] | None = None  # the last trigger with a relation, and its subject
    named = {s for g in groups for s in g.states}
    referred = context.last_subject is not None and any(t in lexicon.pronouns for t in folded)
    about_topic = context.topic is not None and context.topic not in named
    if len(named) >= 2 or (named and (referred or about_topic)):
        quiet = in_mention
        if lexicon.not_triggers:
            quiet = in_mention | {j for i in range(len(folded))
                                  if lexicon.not_triggers.may_start(folded[i])
                                  for j in range(i, i + lexicon.not_triggers.longest(folded, i))}
        at = {i: e for i in range(len(folded)) if i not in quiet
              and (e := lexicon.triggers_at(folded, i))}
        covered = 0  # the words of a phrase that found a relation ("lifted sanctions") are its
        # the end, pairs, lightness and candidates of that phrase
        last: tuple[int, set[tuple[str, str]], bool, list[tuple[str, str, str]]] | None = None
        for i, entries in at.items():
            if i < covered:
                continue
            # A phrase covers its words even when it relates no actors ("has been put under
            # investigation in Italy" is a passive: its "investigation" is no trigger of its own).
            covered = i + len(entries[0].pattern)
            # The longest trigger at a position speaks for it; a shorter one is tried only
            # when the longer finds no actors to relate.
            for entry in entries:
                t_end = i + len(entry.pattern)
                used: list[Group] = []
                arguments = _arguments(entry, i, t_end, groups, folded, lexicon, context,
                                       frozenset(at), prior, used)
                if not arguments:
                    if entry.passive:  # "dijatuhi sanksi" without agent: "sanksi" adds nothing
                        covered = max(covered, t_end)
                    continue
                # directed: "condemned the test carried out by X" is two events
                pairs = {(a[0], a[1]) for a in arguments} | {(a[1], a[0]) for a in arguments
                                                             if a[2]}
                if last and _attached(last[0], i, sentence.tokens, folded, in_mention, lexicon) \
                        and pairs <= last[1]:
                    # The object of the verb before it, between the same actors: "signed an
                    # agreement with", "suspended military aid to" are one event, the verb's;
                    # unless the verb is a light one ("sent aid to"): then the noun's.
                    if not last[2]:
                        covered = t_end
                        break
                    for key in last[3]:
                        found.pop(key, None)
                keys: list[tuple[str, str, str]] = []
                covered, last = t_end, (t_end, pairs, entry.light, keys)
                if used:
                    prior = (t_end, used[0])
                modality = entry.modality or _modality(folded, i, lexicon)
                trigger = " ".join(sentence.tokens[i:t_end])
                relation = entry.relation
                if modality == "intended" and ontology.get(relation).plover == "ASSAULT":
                    # "wants to attack", "will bomb": force announced, not used, is a threat
                    # of force (CAMEO 138)
                    relation = _THREAT_OF_FORCE
                for s, t, sym, factor, s_surf, t_surf in arguments:
                    key = (s, relation, t)
                    if key not in found:
                        found[key] = Candidate(
                            s, relation, t, sym, modality,
                            round(entry.confidence * factor, 2), trigger, s_surf, t_surf,
                        )
                        keys.append(key)
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
