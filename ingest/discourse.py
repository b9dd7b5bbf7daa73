"""What an article's earlier sentences leave for the next: the pair last related, the last
subject and group, the current speaker; and the anaphora resolved against them ("the two
countries", "these countries", "the country")."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from geokg.ingest.groups import Group
from geokg.ingest.lexicon import Lexicon
from geokg.ingest.mentions import Mention
from geokg.ingest.quotes import quote_marks
from geokg.ingest.sentences import Sentence

if TYPE_CHECKING:
    from geokg.ingest.extract import Candidate

_MAX_QUOTE_RUN = 6  # sentences a quote may run on before an unclosed mark is taken as lost


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
    last_agent: str | None = None  # the actor of the last act told: what "the move" stands for
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
        inside, open_after = quote_marks(folded, self.in_quote)
        quoting = any(inside)  # (a lone opening mark at the end belongs to the next one)
        speaking = any(t in lexicon.speech_verbs for t in folded)
        outside = [g for g in subjects if not inside[g.start]]
        if outside and (speaking or quoting):
            self.speaker = outside[0]
        elif not (speaking or quoting) and not self.in_quote:
            self.speaker = None
        self.in_quote = open_after
        self.quote_run = self.quote_run + 1 if self.in_quote else 0
        if self.quote_run > _MAX_QUOTE_RUN:
            self.in_quote, self.speaker, self.quote_run = False, None, 0

    def note_relations(self, candidates: list[Candidate], groups: list[Group]) -> None:
        """"The two countries" after a sentence that related two actors are most likely that
        sentence's pair, not two places or a list named in passing ("di KTT G20, Hamburg,
        Jerman"): the first relation of the actor the sentence opens with (its main clause's,
        not that of a clause further on)."""
        opener = set(groups[0].states) if groups else set()
        if candidates:
            self.last_agent = candidates[0].source
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
    group named), "the country" (the last subject) and "the move" (the last act's actor)."""
    referents = (
        (lexicon.pair_anaphora, context.pair() or ()),
        *((p, context.by_size.get(n)) for n, p in lexicon.counted_anaphora.items()),
        (lexicon.group_anaphora, context.last_group),
        (lexicon.singular_anaphora,
         context.last_subject.states if context.last_subject else None),
        (lexicon.act_anaphora, (context.last_agent,) if context.last_agent else None),
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
                    if patterns is lexicon.act_anaphora and not any(
                            m.end <= i for m in mentions):
                        # "the move" is what someone named before it reacts to; as a subject
                        # ("This decision does not help peace") it is no actor
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


def continued_voice(groups: list[Group], folded: list[str], lexicon: Lexicon,
                    context: ArticleContext) -> Group | None:
    """The speaker of a quote in this sentence whose speaker is not named in it: '"…
    Trabalharemos com a China", indicou.' after a sentence that introduced the speaker, or a
    quote paragraph running on. Only when every actor named stands inside the quote."""
    if context.speaker is None or not lexicon.speech_verbs:
        return None
    inside, open_after = quote_marks(folded, context.in_quote)
    if not any(inside) or any(not inside[g.start] for g in groups):
        return None
    closes = not open_after
    attributed = any(t in lexicon.speech_verbs for i, t in enumerate(folded) if not inside[i])
    if closes and not attributed and not context.in_quote:
        return None  # a short quoted phrase in narration ('called it a "provocation"')
    ref = context.speaker
    return Group(0, 0, ref.states, f"{ref.surface} (quoted)", ref.person)
