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
against the article's earlier sentences (ArticleContext): "the two countries" is the pair the
last sentence related (or named), a plural pronoun subject of a mutual relation the same pair.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

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
# any way" is; "efforts to assist migrants" is not, nor "warned Kurdish forces not to …")
_TOPIC_OBJECTLESS = frozenset({"AIDS", "WARNS"})
_MAX_QUOTE_RUN = 6  # sentences a quote may run on before an unclosed mark is taken as lost
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
    adjective: bool = False  # only adjectives ("российскую нефть"): a modifier, never an owner


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
    # who speaks in the quote running now: the subject of the sentence that introduced it
    speaker: Group | None = None
    in_quote: bool = False  # whether a quote opened before this sentence is still open
    quote_run: int = 0  # sentences the open quote has run on (an unclosed mark ends nowhere)
    voice: Group | None = None  # the speaker this sentence's quote continues, if unnamed

    def note(self, groups: list[Group], folded: list[str], lexicon: Lexicon) -> None:
        subjects = [g for g in groups
                    if g.start == 0 or folded[g.start - 1] not in lexicon.oblique]
        if subjects:
            self.last_subject = subjects[0]
        self._note_speaker(subjects, folded, lexicon)
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

    def _note_speaker(self, subjects: list[Group], folded: list[str], lexicon: Lexicon) -> None:
        """The speaker of a quote that runs on into later sentences: the subject, outside the
        quote, of a sentence that speaks or opens one ("X anunciou … \"…"); a sentence of plain
        narration ends it."""
        inside = _quoted_positions(folded, self.in_quote)
        quoting = any(inside)  # (a lone opening mark at the end belongs to the next one)
        speaking = any(t in lexicon.speech_verbs for t in folded)
        outside = [g for g in subjects if not inside[g.start]]
        if outside and (speaking or quoting):
            self.speaker = outside[0]
        elif not (speaking or quoting) and not self.in_quote:
            self.speaker = None
        self.in_quote = _quote_open_after(folded, self.in_quote)
        self.quote_run = self.quote_run + 1 if self.in_quote else 0
        if self.quote_run > _MAX_QUOTE_RUN:
            self.in_quote, self.speaker, self.quote_run = False, None, 0

    def note_relations(self, candidates: list[Candidate], groups: list[Group]) -> None:
        """"The two countries" after a sentence that related two actors are most likely that
        sentence's pair, not two places or a list named in passing ("di KTT G20, Hamburg,
        Jerman"): the first relation of the actor the sentence opens with (its main clause's,
        not that of a clause further on)."""
        opener = set(groups[0].states) if groups else set()
        first = next((c for c in candidates if c.source in opener
                      or (c.symmetric and c.target in opener)), None)
        if first is None:
            return
        self.last_pair = (first.source, first.target)
        if not any(s.startswith("IGO:") for s in self.last_pair):
            self.last_state_pair = self.last_pair

    def pair_opening(self, groups: list[Group]) -> tuple[str, str] | None:
        """The pair named before, when a sentence opens with it ("The ministers [of both
        sides] welcomed Iraq's …"): it stays the pair, whatever else the sentence relates."""
        if groups and self.last_pair and set(groups[0].states) == set(self.last_pair):
            return self.last_pair
        return None

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
                        if (lexicon.state_nouns and any(s.startswith("IGO:") for s in states)
                                and any(t in lexicon.state_nouns for t in folded[i : i + length])):
                            # "ASEAN menyambut anggota ke-11, Timor-Leste. Negara tersebut …":
                            # "the country" is a state, the one named last
                            states = next(((s,) for s in reversed(context.recent)
                                           if not s.startswith("IGO:")), ())
                    if (patterns is lexicon.pair_anaphora and i > 0
                            and folded[i - 1] in lexicon.anaphor_blockers):
                        continue
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


def pair_name_mentions(sentence: Sentence, folded: list[str], mentions: list[Mention],
                       lexicon: Lexicon) -> list[Mention]:
    """Mentions for names of a pair in one word ("中美": China and the US, "中俄"), where no
    mention was found."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    extra: list[Mention] = []
    i = 0
    while i < len(folded):
        length = 0 if i in taken else lexicon.pair_names.patterns.longest(folded, i)
        states = lexicon.pair_names.states.get(tuple(folded[i : i + length]), ()) if length else ()
        if states and not any(j in taken for j in range(i, i + length)):
            cs = sentence.token_starts[i]
            ce = sentence.token_starts[i + length - 1] + len(sentence.tokens[i + length - 1])
            extra.append(Mention(i, i + length, cs, ce, sentence.text[cs:ce], "", states,
                                 "pair", "name"))
        # (a longer word with no states is no pair: "中美洲" Central America)
        i += length or 1
    return sorted(mentions + extra, key=lambda m: m.start) if extra else mentions


_MAX_JOIN_GAP = 7  # "A dan Perdana Menteri (PM) B": a conjunction plus a title


def build_groups(mentions: list[Mention], folded: list[str], lexicon: Lexicon) -> list[Group]:
    """Mentions joined by a conjunction (and the titles and brackets around names) form one
    compound actor: "Tiongkok dan Rusia", "President Trump and Prime Minister Albanese"."""
    groups: list[Group] = []
    appositions = _comma_appositions(mentions, folded, lexicon)
    for m in mentions:
        prev = groups[-1] if groups else None
        gap = folded[prev.end : m.start] if prev else None
        joins = (
            gap is not None and 0 < len(gap) <= _MAX_JOIN_GAP
            and any(g in lexicon.conjunctions or g == "," or _conjoined_title(g, lexicon)
                    for g in gap)
            and all(g in lexicon.conjunctions or g in lexicon.titles or not g.isalnum()
                    or _conjoined_title(g, lexicon)
                    or (g in lexicon.conjunction_articles and k > 0
                        and gap[k - 1] in lexicon.conjunctions) for k, g in enumerate(gap))
        ) or (gap is not None and len(gap) == 1 and gap[0] in lexicon.pair_joiners) or (
            gap == [] and _clitic_conjoined(folded[m.start], lexicon)) or (
            gap == [] and lexicon.adjective_pairs and prev is not None and prev.adjective
            and m.kind == "adjective" and prev.states != m.states)
        # "Trump and Chinese President Xi", "美国国务卿布林肯": a name after a title of a state
        # the group already holds is part of it
        joins = joins or (gap is not None and 0 < len(gap) <= _MAX_JOIN_GAP
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
    while i > 0 and folded[i - 1] not in _CLAUSE_PUNCT and folded[i - 1] not in _SENTENCE_PUNCT:
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
    if (j + 1 < len(folded) and folded[j] in lexicon.conjunctions | {","}
            and folded[j + 1] in lexicon.route_markers):
        # "transportować gaz z Norwegii, przez Danię": the transit country as well
        length = 1
    elif j >= len(folded) or folded[j] not in lexicon.conjunctions:
        return target
    else:
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
    limit = min(len(folded), start + window + 1)
    j = start - 1
    while j + 1 < limit:
        j += 1
        apposition = _name_apposition(groups, folded, j)
        if apposition:
            # "de Honduras, Juan Orlando Hernández, hacia": the name does not count
            j, limit = j + apposition - 1, min(len(folded), limit + apposition)
            continue
        if folded[j] in _SENTENCE_PUNCT or j in blockers or j in starts or (
                clause and folded[j] in _CLAUSE_PUNCT):
            return None
        named = next((g for g in groups if g.start == j and "," in folded[j : g.end]), None)
        if named is not None:
            # an actor with its leader's name set off by a comma ("Honduras, Juan Orlando
            # Hernández") counts as one word
            j, limit = named.end - 1, min(len(folded), limit + named.end - named.start - 1)
            continue
        length = patterns.longest(folded, j)
        if length and j + length in triggers:
            continue
        if length:
            group = _group_starting(groups, j + length, j + length + _TARGET_GAP, folded)
            if group:
                return group
    return None


_MAX_APPOSITION = 4  # words of a person's name set off by commas after an actor


def _name_apposition(groups: list[Group], folded: list[str], j: int) -> int:
    """The length, commas included, of a name set off by commas right after an actor ("el
    expresidente de Honduras, Juan Orlando Hernández, hacia"), or 0."""
    if folded[j] != "," or not any(g.end == j for g in groups):
        return 0
    for k in range(j + 1, min(len(folded), j + _MAX_APPOSITION + 2)):
        if folded[k] == "," and k > j + 1:
            return k - j + 1
        if not folded[k].isalpha() or any(g.start == k for g in groups):
            return 0
    return 0


def _preverbal_agent(t_start: int, groups: list[Group], folded: list[str],
                     lexicon: Lexicon) -> Group | None:
    """The agent of a verb-final passive, before the participle: "Die Ukraine wurde von
    Russland angegriffen"."""
    lo = t_start
    while lo > 0 and folded[lo - 1] not in _CLAUSE_PUNCT and folded[lo - 1] not in _SENTENCE_PUNCT:
        lo -= 1
    if not any(folded[j] in lexicon.passive_aux for j in range(lo, t_start)):
        return None
    for group in reversed([g for g in groups if lo <= g.start and g.end <= t_start]):
        if _marker_before(lexicon.agent, lexicon.agent, folded, group.start):
            return group
    return None


def _marker_before(markers: PatternSet, agent: PatternSet, folded: list[str], start: int) -> bool:
    """Whether the agent word before the actor at `start` is also one of `markers`."""
    for j in range(max(0, start - 1 - _TARGET_GAP), start):
        length = agent.longest(folded, j)
        if length and j + length <= start and markers.longest(folded, j) == length:
            return True
    return False


_FINAL_CLUSTER = 2  # "… fortsetzen werde.": the words of a clause-final verb cluster


def _modality(folded: list[str], start: int, lexicon: Lexicon, end: int | None = None) -> str:
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
    if lexicon.verb_final and end is not None:
        # "…, dass die USA die Zusammenarbeit fortsetzen werde": the auxiliary closing a
        # verb-final clause after the trigger
        close = next((k for k in range(end, len(folded))
                      if folded[k] in _CLAUSE_PUNCT or folded[k] in _SENTENCE_PUNCT), len(folded))
        for k in range(max(end, close - _FINAL_CLUSTER), close):
            found.update(name for name, patterns in lexicon.modality.items()
                         if patterns.longest(folded, k) == 1)
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
    mutual: bool = False,
) -> Group | None:
    """A pronoun between `lo` and the trigger ("it has criticized", "Dia mendorong") stands for
    the subject of the sentences before; a plural one of a `mutual` relation ("Mereka
    bersepakat") for the pair named before."""
    if context is None or context.last_subject is None or not lexicon.pronouns:
        return None
    for i in range(t_start - 1, max(lo, t_start - _PRONOUN_GAP) - 1, -1):
        if folded[i] in lexicon.pronouns and (i == 0 or folded[i - 1] not in lexicon.oblique):
            pair = context.pair() if mutual and folded[i] in lexicon.plural_pronouns else None
            if pair:
                return Group(i, i + 1, pair, f"{folded[i]} (= {' + '.join(pair)})")
            ref = context.last_subject
            if folded[i] in lexicon.person_pronouns and not ref.person:
                return None  # "He urged …" after "Damascus appears …": not Damascus
            return Group(i, i + 1, ref.states, f"{folded[i]} (= {ref.surface})", ref.person)
    return None


def _clitic_marked(entry: TriggerEntry, groups: list[Group], folded: list[str],
                   start: int) -> Group | None:
    """The actor right at `start` with a one-letter marker of the trigger written on it
    ("الدعم الأمريكي لأوكرانيا": "ل" to Ukraine)."""
    group = _group_starting(groups, start, start, folded)
    if group is None or not any(len(p) == 1 and len(p[0]) == 1 and folded[start].startswith(p[0])
                                for p in entry.target_markers.patterns):
        return None
    return group


def _adjective_of_object(t_end: int, groups: list[Group], folded: list[str],
                         lexicon: Lexicon, triggers: frozenset[int]) -> Group | None:
    """The adjective of a noun trigger that is the verb's object: pt "condenou a invasão
    russa" (the "a" before it is its article, not the preposition "a")."""
    if (t_end + 1 not in triggers or t_end >= len(folded)
            or folded[t_end] not in lexicon.determiners):
        return None
    entries = lexicon.triggers_at(folded, t_end + 1)
    if not entries:
        return None
    after = t_end + 1 + len(entries[0].pattern)
    group = _group_starting(groups, after, after, folded)
    return group if group is not None and group.adjective else None


def _owner_end(folded: list[str], t_end: int, lexicon: Lexicon) -> int:
    """How far after a noun its owner may start: past the titles that introduce it ("la
    visita del presidente de Francia a China")."""
    j = t_end
    while j < len(folded) and j - t_end < _MAX_JOIN_GAP and folded[j] in lexicon.owner_titles:
        j += 1
    return max(j, t_end + _OWNER_GAP)


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
    if entry.mutual and not rtype.symmetric:
        rtype = replace(rtype, symmetric=True)  # "perlombaan senjata": both sides' act
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
        if t_end < len(folded) and folded[t_end] in lexicon.plural_pronouns:
            # "mengatakan kepada Trump dalam pertemuan mereka": "their" meeting is that of the
            # two actors named before it in the sentence
            named = tuple(dict.fromkeys(s for g in groups if g.end <= t_start for s in g.states))
            if len(named) == 2:
                return _pairs(Group(t_end, t_end + 1, named, " + ".join(named)), 0.7)

    # A passive ("was sanctioned by X", "dijatuhi sanksi oleh X"): the agent is the source and
    # the subject before the trigger the target.
    # "mengunjungi markas Twitter yang diblokir oleh China": an agent behind a relative word
    # is the relative clause's; only a noun ("serangan yang dilakukan oleh X") or a passive
    # has one of its own there
    relative = frozenset() if entry.noun or entry.passive else frozenset(
        j for j in range(t_end, len(folded)) if folded[j] in lexicon.relativizers)
    agent = _find_after(lexicon.agent, groups, folded, t_end, lexicon.window,
                        blockers=blockers | relative, clause=True, first=True)
    if agent is not None and _marker_before(entry.target_markers, lexicon.agent, folded,
                                            agent.start):
        agent = None  # "forderte von Kiew": a word marking this trigger's target is no agent
    if agent is None and lexicon.verb_final and lexicon.passive_aux and not entry.noun:
        agent = _preverbal_agent(t_start, groups, folded, lexicon)
    if agent is None and entry.noun and not entry.passive:
        # "a invasão da Ucrânia pela Rússia", "the invasion of Ukraine by Russia": an agent
        # right after the noun's patient
        patient = _group_starting(groups, t_end, t_end + _OWNER_GAP, folded, lexicon.oblique)
        by = patient and _find_after(lexicon.agent, groups, folded, patient.end, 0, clause=True,
                                     first=True)
        if patient is not None and by is not None and by is not patient:
            return _cross(by, patient, rtype.symmetric, 0.8)
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
    marked_target: Group | None = None  # a target after one of the trigger's markers
    if agent is None:
        if entry.target_markers:
            # A marker after a noun with an owner of its own is that noun's: in "condenó el
            # ataque de Rusia contra Ucrania" Ucrania is the attack's target, not the verb's.
            owned = frozenset(j for j in triggers if t_end <= j <= t_end + _OBJECT_GAP
                              and _group_starting(groups, j + 1, j + 1 + _OWNER_GAP, folded,
                                                  lexicon.oblique))
            # (in verb-final German a comma closes the clause: "forderte die USA auf, die
            # Lieferungen an Taiwan einzustellen" has its "an" in the clause after)
            target = _find_after(entry.target_markers, groups, folded, t_end, lexicon.window,
                                 triggers, owned, clause=lexicon.verb_final)
            if target is None and lexicon.appositives:
                target = _appositive_target(entry.target_markers, groups, folded, t_end, lexicon)
            if target is not None:
                target = _coordinated_target(target, entry, groups, folded, lexicon)
        marked_target = target
        if entry.object_target and (target is None or lexicon.adjacent_object):
            # (with `adjacent_object` an actor right after the verb is its object before a
            # marked one further on: "سيزور إندونيسيا بعد زيارته إلى الصين")
            adjacent = _group_starting(groups, t_end, t_end if target else t_end + _OBJECT_GAP,
                                       folded, lexicon.oblique)
            target = adjacent or target or _adjective_of_object(t_end, groups, folded, lexicon,
                                                                triggers)
        if target is None and (lexicon.preverbal_markers or lexicon.verb_final):
            target = _preverbal_target(entry, t_start, t_end, groups, folded, lexicon)
    if (lexicon.adjective_owner and entry.noun and target is not None and target.adjective
            and target.start == t_end):
        # "الهجوم الإيراني على ...": an adjective right after a noun is its owner (the Iranian
        # attack), not its object; the target is then only a marked one after it.
        owner_end = target.end
        target = (_find_after(entry.target_markers, groups, folded, owner_end, lexicon.window)
                  if entry.target_markers else None) or _clitic_marked(entry, groups, folded,
                                                                       owner_end)
        if target is None:
            return []

    implied_partner: Group | None = None
    if entry.implied_target:
        # "für einen EU-Beitritt": the word names its target (placed after every actor, so an
        # owner after the noun still comes first: "die NATO-Mitgliedschaft Nordmazedoniens");
        # of a mutual one with a partner marked, the other side ("EU-Beitrittsgespräche mit
        # Albanien")
        implied = Group(len(folded), len(folded), entry.implied_target,
                        " ".join(folded[t_start:t_end]))
        if target is None:
            target = marked_target = implied
        elif rtype.symmetric:
            implied_partner = implied
    subject: Group | None = None
    owner = None
    if entry.noun and target is not None:
        # "ancaman AS terhadap Korut", "ataque de Rusia contra Ucrania": the actor between a
        # nominalisation and its marked target owns it, whoever the clause's subject is.
        owner = _group_starting(groups, t_end, _owner_end(folded, t_end, lexicon), folded,
                                lexicon.oblique)
        if owner is not None and (owner is target or owner.end > target.start
                                  or any(t_end <= j < owner.start for j in triggers)):
            owner = None
        if owner is None and lexicon.genitive_owner and target is marked_target:
            # "визит в Москву премьер-министра Индии": the genitive owner after the target
            owner = _group_starting(groups, target.end, target.end + _OWNER_GAP, folded,
                                    lexicon.oblique)
            if owner is not None and (owner.adjective or any(
                    target.end <= j < owner.start for j in triggers)):
                owner = None
    elif entry.noun and lexicon.genitive_owner:
        # "введение санкций США против газопровода": with no target named, the actor right
        # after the noun is still its (genitive) owner, and the clause's subject is not.
        owner = _group_starting(groups, t_end, t_end + _OWNER_GAP, folded, lexicon.oblique)
        if owner is not None and (owner.adjective
                                  or any(t_end <= j < owner.start for j in triggers)):
            owner = None
    before = t_start - 1
    if before > 0 and folded[before] in lexicon.determiners:
        before -= 1
    if lexicon.verb_first and before > 0:
        # "أدانت السعودية الهجوم": in a verb-first clause the subject stands between the
        # governing verb and its noun
        subject = next((g for g in groups if g.end == before + 1 and g.start > 0), None)
        if subject is not None:
            before = subject.start - 1
    governed = entry.noun and before >= 0 and folded[before] in lexicon.noun_governors
    if governed and owner is None and agent is None:
        # (a noun with an agent of its own is that agent's act: "membantah tuduhan dari X")
        # "kata Rycroft dalam pertemuan Dewan Keamanan", "unjuk kekuatan jelang kunjungan
        # Trump": a noun in an adjunct is its owner's act, not the clause subject's.
        owner = _group_starting(groups, t_end, _owner_end(folded, t_end, lexicon), folded,
                                lexicon.oblique)
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
    # "Китай занимал второе место, импорт из КНР составил …": a noun opening its clause is
    # that clause's subject, and owns no actor of the clause before
    opens_clause = (entry.noun and lexicon.topic_owner and t_start > 0
                    and folded[t_start - 1] in _CLAUSE_PUNCT)
    for group in reversed(groups) if owner is None and not opens_clause else ():
        if group.end > t_start or group is target or group is agent:
            continue
        before = _word_before_name(folded, group.start, lexicon)
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
    if entry.sentence_subject and owner is None:
        # "اتفق الوزراء ...، داعين إيران": the participle's subject is the sentence's
        subject = next((g for g in groups if g.end <= t_start and g is not target and (
            g.start == 0 or folded[g.start - 1] not in lexicon.oblique)), subject)
    if subject is None and implied_partner is not None:
        subject = implied_partner
    if entry.implied_source and agent is None:
        # "die EU-Sanktionen gegen Russland": the word names its source
        subject = Group(t_start, t_start, entry.implied_source, " ".join(folded[t_start:t_end]))
    if (subject is not None and owner is None and lexicon.possessives and t_start >= 2
            and folded[t_start - 1] == "to"
            and any(folded[j] in lexicon.possessives and folded[j - 1] in lexicon.oblique
                    for j in range(max(subject.end + 1, t_start - 5), t_start - 2))):
        # "show the Iranians it can act ... after its decision to support the sanctions":
        # in an adjunct the infinitive is the possessor's act, not that of the actor before.
        subject = None
    if (subject is not None and owner is None
            and _conjoined_possessive(folded, subject.end, t_start, lexicon)):
        # "support for U.N. sanctions and its continued refusal to ship missiles": a noun
        # owned by a pronoun after "and" is the possessor's act, not that of the actor before.
        subject = None
    if subject is not None and owner is None and groups[0].start > 1:
        # "One of six powers trying to stop Iran …, it has criticized …": a pronoun after a
        # comma is the clause's subject, and in a sentence that does not open with an actor it
        # stands for the subject of the sentences before.
        pronoun = _pronoun_subject(folded, subject.end, t_start, lexicon, context)
        if pronoun and any(t in _CLAUSE_PUNCT for t in folded[subject.end : pronoun.start]):
            subject = pronoun
    if (entry.possessed and prior and owner is None
            and not (target and set(prior[1].states) & set(target.states))):
        # "سيزور إندونيسيا بعد زيارته إلى الصين": "his visit" is the subject's of the verb
        # before, not the visit of the actor right before it.
        subject = prior[1]
    if (prior and subject is not None and owner is None and subject.start >= prior[0]
            and any(t in lexicon.conjunctions for t in folded[subject.end : t_start])):
        # Coordinated predicates share their subject: in "Jepang memasok Australia ... dan
        # bernegosiasi dengan Selandia Baru" Australia is the object of the first verb.
        subject = prior[1]
    if subject is None and entry.source_markers and agent is None:
        # "запрет на ввоз плодов из Китая в Россию": the importer follows its own marker.
        source = _find_after(entry.source_markers, groups, folded, t_end, lexicon.window,
                             triggers, blockers)
        if source is not None and source is not target:
            subject = source
    if (subject is None and agent is None and context and context.voice
            and any(t in lexicon.first_person for t in folded[:t_start])
            and (target is None or not set(context.voice.states) & set(target.states))):
        # '„Wir kritisieren Litauen“, sagte er': "we" is the speaker, not the actor after the
        # verb of a verb-second clause
        subject = replace(context.voice, start=t_start, end=t_start)
    if subject is None and agent is None and (lexicon.verb_first or (
            lexicon.verb_second and not entry.noun
            and _pronoun_subject(folded, 0, t_start, lexicon, context) is None)):
        # (German verb-second: "Am Montag griff Russland Kiew an" puts the subject after the
        # verb when the clause opens with something else)
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
                if entry.object_target and (target is None or lexicon.adjacent_object):
                    # ("حذرت الصين الولايات المتحدة من ...": the object right after the
                    # subject before a marked one further on)
                    target = _group_starting(
                        groups, after.end, after.end if target else after.end + _OBJECT_GAP,
                        folded, lexicon.oblique) or target
    if subject is None and target is not None and agent is None:
        # A nominalisation with its actor after it: "kunjungan Presiden Prabowo ke Brasil",
        # "aliansi Pyongyang dengan Rusia", "attacks of Israel on Iran".
        owner = _group_starting(groups, t_end, t_end + _OWNER_GAP, folded, lexicon.oblique)
        if owner is not None and owner is not target and owner.end <= target.start:
            subject = owner
    if (subject is None and lexicon.fronted_subject and agent is None
            and all(not t.isalnum() for t in folded[:t_start])):
        # "Lawan China, AS Siapkan …": a clause opening with its verb has the subject of the
        # main clause after the comma
        subject = _fronted_clause_subject(groups, folded, t_end, target)
    if subject is None:
        # A pronoun with no actor before it in the sentence refers back to an earlier one.
        pronoun = _pronoun_subject(folded, 0, t_start, lexicon, context, rtype.symmetric)
        if pronoun and (target is None or not set(pronoun.states) & set(target.states)):
            subject = pronoun
    if subject is None and lexicon.speech_verbs and agent is None and not entry.noun:
        # (a noun with no owner in a quote is not the speaker's act: '"Peretasan … adalah hal
        # baru," ujar X')
        subject = _quote_speaker(groups, folded, t_end, target, lexicon)
    if (subject is None and agent is None and context and context.voice
            and (target is None or not set(context.voice.states) & set(target.states))):
        # '"… Trabalharemos com a China", indicou.': the speaker introduced before
        subject = replace(context.voice, start=t_start, end=t_start)

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
    if (subject and target is None and entry.pair_target and context
            and (pair := context.pair()) and not set(pair) & set(subject.states)):
        # "Malaysia, China dan AS menengahi perjanjian gencatan senjata": between the two
        # sides the article spoke of last.
        return _cross(subject, Group(t_end, t_end, pair, " + ".join(pair)), rtype.symmetric, 0.6)
    if subject and target:
        distance = t_start - subject.end
        return _cross(subject, target, rtype.symmetric, 1.0 if distance <= 8 else 0.85)
    # "A dan B sepakat": a mutual relation between two actors named right before it. A longer
    # list ("Rusia, Armenia, Belarus dan Kazakhstan") is an enumeration, not a dyad.
    if (subject and rtype.symmetric and len(subject.states) == 2
            and t_start - subject.end <= _MUTUAL_SUBJECT_GAP
            and not any(subject.end <= j < t_start for j in triggers)):
        return _pairs(subject, 0.85)
    if (subject and target is None
            # (a quote's speaker named before counts: it is not in `groups`)
            and len({x for g in groups for x in g.states} | set(subject.states)) == 2
            and not (lexicon.far_subject and t_start - subject.end > lexicon.far_subject)
            # a light verb with only a direct object ("memberikan") says nothing of its own
            # about an actor further on ("memberikan sambutan hangat kepada Macron")
            and not (entry.light and not entry.target_markers)
            # "согласился с предложением Минобороны …": the marked slot holds a thing
            and not (lexicon.filled_slot and t_end < len(folded)
                     and entry.target_markers.longest(folded, t_end))):
        # No marked target nearby, in a sentence that names just two actors: the other one
        # further on ("fired with unspecified weapons on the positions of the forces of
        # Azerbaijan"). With more actors named, guessing costs more than it finds.
        # (not the subject itself, which in a verb-first clause follows the verb)
        later = [g for g in groups if g.start >= t_end and g.start - t_end <= _FAR_TARGET
                 and g is not subject
                 and not any(t in _SENTENCE_PUNCT or t == ";" for t in folded[t_end : g.start])
                 # past a later trigger, an owner after its noun reaches no further target
                 # ("Perjanjian Mesir ditengahi Prancis": France mediates, signs nothing)
                 and not (subject.start >= t_end
                          and any(t_end <= j < g.start for j in blockers))
                 and not _foreign_preposition(entry, g, folded, lexicon)
                 and not _far_barrier(folded, t_end, g.start, lexicon)]
        if later:
            return _cross(subject, later[0], rtype.symmetric, 0.6)
    if (subject and target is None and context and context.topic
            and (rtype.quad == "verbal_conflict" or rtype.name in _TOPIC_MATERIAL)
            and context.topic not in subject.states
            # "those affected by the conflict": a mutual noun with no second side named is
            # no dispute with the main actor
            and not (rtype.symmetric and entry.noun)
            and not (rtype.name in _TOPIC_OBJECTLESS and t_end < len(folded)
                     and folded[t_end].isalnum() and folded[t_end] not in lexicon.oblique)):
        # "Brazil condemned the nuclear test": criticism with no actor named is aimed at the
        # actor the article is about.
        topic = Group(t_end, t_end, (context.topic,), context.topic)
        return _cross(subject, topic, rtype.symmetric, 0.5)
    if (subject is None and target is not None and target is marked_target and entry.noun
            and lexicon.topic_owner
            and context and context.topic and context.topic not in target.states):
        # "die Hoffnung auf eine Lösung des Streits mit Bulgarien": an act with no actor of its
        # own is that of the actor the article is about.
        topic = Group(t_start, t_start, (context.topic,), context.topic)
        return _cross(topic, target, rtype.symmetric, 0.5)
    if (agent is not None and subject is None and entry.noun and lexicon.topic_owner
            and not rtype.symmetric
            and context and context.topic and context.topic not in agent.states):
        # "die Blockade der Beitrittsgespräche durch Bulgarien": an act by an agent, done to no
        # actor named, is done to the actor the article is about.
        topic = Group(t_end, t_end, (context.topic,), context.topic)
        return _cross(agent, topic, rtype.symmetric, 0.5)
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


# quote marks that only open or only close ("“" closes a German „…“, opens an English “…”)
_QUOTE_OPENERS = frozenset({"«", "„"})
_QUOTE_CLOSERS = frozenset({"»", "”"})


def _quoted_positions(folded: list[str], open_before: bool) -> list[bool]:
    """For each word, whether it stands inside a quote (one may run on from the sentences
    before). Apostrophes are left out: "d'Ivoire" opens nothing."""
    inside, state = [], open_before
    for token in folded:
        if token in _QUOTE_OPENERS:
            state = True
        elif token in _QUOTE_CLOSERS:
            state = False
        elif token in ('"', "“"):
            state = not state
        inside.append(state and token not in _QUOTES)
    return inside


def _quote_open_after(folded: list[str], open_before: bool) -> bool:
    """Whether a quote is still open at the end of the sentence."""
    state = open_before
    for token in folded:
        if token in _QUOTE_OPENERS:
            state = True
        elif token in _QUOTE_CLOSERS:
            state = False
        elif token in ('"', "“"):
            state = not state
    return state


def continued_voice(groups: list[Group], folded: list[str], lexicon: Lexicon,
                    context: ArticleContext) -> Group | None:
    """The speaker of a quote in this sentence whose speaker is not named in it: '"…
    Trabalharemos com a China", indicou.' after a sentence that introduced the speaker, or a
    quote paragraph running on. Only when every actor named stands inside the quote."""
    if context.speaker is None or not lexicon.speech_verbs:
        return None
    inside = _quoted_positions(folded, context.in_quote)
    if not any(inside) or any(not inside[g.start] for g in groups):
        return None
    closes = _quote_open_after(folded, context.in_quote) is False
    attributed = any(t in lexicon.speech_verbs for i, t in enumerate(folded) if not inside[i])
    if closes and not attributed and not context.in_quote:
        return None  # a short quoted phrase in narration ('called it a "provocation"')
    ref = context.speaker
    return Group(0, 0, ref.states, f"{ref.surface} (quoted)", ref.person)


def _fronted_clause_subject(groups: list[Group], folded: list[str], t_end: int,
                            target: Group | None) -> Group | None:
    """The actor right after the comma that closes a sentence-initial verb clause (not one
    inside a quote: '"Peretasan … hal baru," ujar X')."""
    for j in range(t_end, len(folded)):
        if folded[j] in _SENTENCE_PUNCT or folded[j] in _QUOTES:
            return None
        if folded[j] == ",":
            group = next((g for g in groups if g.start == j + 1), None)
            return group if group is not target else None
    return None


def _speech_verb_after(group: Group, folded: list[str], lexicon: Lexicon) -> bool:
    """Whether a speech verb follows the group closely, with only words between: "a Pentagon
    spokesman said"."""
    verb = next((j for j in range(group.end, min(group.end + _SPEAKER_GAP, len(folded)))
                 if folded[j] in lexicon.speech_verbs), None)
    return verb is not None and all(folded[j].isalnum() for j in range(group.end, verb))


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
    if marker in lexicon.preverbal_markers and not _ends_trigger(folded, last.start - 1, lexicon):
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


def _ends_trigger(folded: list[str], j: int, lexicon: Lexicon) -> bool:
    """Whether the word at j is the last of a longer trigger: the 对 of 反对 (oppose) in
    "反对美方" is no pre-verbal marker (Chinese is matched character by character)."""
    return any(k + len(e.pattern) == j + 1 for k in range(max(0, j - 3), j)
               for e in lexicon.triggers_at(folded, k))


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


def _word_before_name(folded: list[str], start: int, lexicon: Lexicon) -> str:
    """The word before a name, past an article of its own when a partner preposition stands
    before that ("with the European Union"); "in the Rwandan capital" may still hold the
    subject ("a report released in the Rwandan capital alleged")."""
    j = start - 1
    if (j > 0 and folded[j] in lexicon.name_articles
            and folded[j - 1] in lexicon.partner_prepositions):
        j -= 1
    return folded[j] if j >= 0 else ""


def _conjoined_possessive(folded: list[str], subject_end: int, t_start: int,
                          lexicon: Lexicon) -> bool:
    """Whether a possessive pronoun after a conjunction stands right before the trigger (one
    modifier may come between: "and its continued refusal"), after the subject found."""
    return any(folded[j] in lexicon.possessives and folded[j - 1] in lexicon.conjunctions
               for j in range(max(subject_end + 1, t_start - 2), t_start))


def _far_barrier(folded: list[str], start: int, end: int, lexicon: Lexicon) -> bool:
    """Whether a barrier phrase ("not to" of an infinitive) stands between the trigger and a
    far actor: "warned the farmers not to rely on Iranian help" warns the farmers."""
    return any(lexicon.far_barriers.longest(folded, j) for j in range(start, end))


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
    if lexicon.pair_names:
        mentions = pair_name_mentions(sentence, folded, mentions, lexicon)
    groups = build_groups(mentions, folded, lexicon)
    context.voice = continued_voice(groups, folded, lexicon, context)
    in_mention = {i for m in mentions for i in range(m.start, m.end)}
    found: dict[tuple[str, str, str], Candidate] = {}
    prior: tuple[int, Group] | None = None  # the last trigger with a relation, and its subject
    named = {s for g in groups for s in g.states}
    referred = context.last_subject is not None and any(t in lexicon.pronouns for t in folded)
    about_topic = context.topic is not None and context.topic not in named
    # "Mereka bersepakat …": a plural pronoun may stand for the pair named before
    plural = any(t in lexicon.plural_pronouns for t in folded) and context.pair() is not None
    # "Nordmazedonien strebt den EU-Beitritt an": a word naming an actor of its own
    implied = bool(named) and lexicon.implied_heads is not None and any(
        t in lexicon.implied_heads or t[:3] in lexicon.implied_heads for t in folded)
    voiced = context.voice is not None and bool(named - set(context.voice.states))
    if len(named) >= 2 or (named and (referred or about_topic)) or plural or implied or voiced:
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
            noun_read = 0  # the length of a nominalisation read here that related no actors
            for entry in entries:
                if noun_read == len(entry.pattern) and not entry.noun:
                    continue  # "удары Израиля": the same words, read as a verb, take no object
                t_end = i + len(entry.pattern)
                used: list[Group] = []
                arguments = _arguments(entry, i, t_end, groups, folded, lexicon, context,
                                       frozenset(at), prior, used)
                if not arguments:
                    if entry.passive:  # "dijatuhi sanksi" without agent: "sanksi" adds nothing
                        covered = max(covered, t_end)
                    if entry.noun and lexicon.genitive_owner:
                        noun_read = len(entry.pattern)
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
                modality = entry.modality or _modality(folded, i, lexicon, t_end)
                trigger = " ".join(sentence.tokens[i:t_end])
                relation = entry.relation
                if modality == "intended" and ontology.get(relation).plover == "ASSAULT":
                    # "wants to attack", "will bomb": force announced, not used, is a threat
                    # of force (CAMEO 138)
                    relation = _THREAT_OF_FORCE
                for s, t, sym, factor, s_surf, t_surf in arguments:
                    s = entry.acting_organ(s)
                    key = (s, relation, t)
                    if key not in found:
                        found[key] = Candidate(
                            s, relation, t, sym, modality,
                            round(entry.confidence * factor, 2), trigger, s_surf, t_surf,
                        )
                        keys.append(key)
                break
    kept_pair = context.pair_opening(groups)
    context.note(groups, folded, lexicon)
    context.note_relations(list(found.values()), groups)
    if kept_pair:
        context.last_pair = kept_pair
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
