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

The stages, one module each: ingest.groups (actors into compounds), ingest.discourse (the
article's context and anaphora), ingest.arguments (source and target of a trigger),
ingest.quotes (quotes and speakers), ingest.modality (cue words); this module runs them over a
sentence's triggers and turns what they find into relations.
"""

from __future__ import annotations

from dataclasses import dataclass

from geokg import EXTRACTOR_VERSION
from geokg.graph import ontology
from geokg.graph.model import Evidence, Relation
from geokg.ingest.arguments import attached, find_arguments
from geokg.ingest.discourse import (
    ArticleContext,
    continued_voice,
    pair_name_mentions,
    resolve_anaphora,
)
from geokg.ingest.groups import Group, build_groups
from geokg.ingest.lexicon import Lexicon
from geokg.ingest.mentions import Mention, fold
from geokg.ingest.modality import (
    THREAT,
    THREAT_OF_FORCE,
    THREAT_OF_SANCTIONS,
    clause_modality,
    stronger,
    threatened_relation,
)
from geokg.ingest.sentences import Sentence

_SPECIFIC_THREATS = frozenset({THREAT_OF_SANCTIONS, THREAT_OF_FORCE})


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
                arguments = find_arguments(entry, i, t_end, groups, folded, lexicon, context,
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
                modality = stronger(entry.modality, clause_modality(folded, i, lexicon, t_end))
                if last and attached(last[0], i, sentence.tokens, folded, in_mention, lexicon) \
                        and pairs <= last[1]:
                    # The object of the verb before it, between the same actors: "signed an
                    # agreement with", "suspended military aid to" are one event, the verb's;
                    # unless the verb is a light one ("sent aid to") or a threat announcing
                    # it ("mengancam akan menyerang"): then the noun's.
                    if not last[2] and modality != "threatened":
                        covered = t_end
                        break
                    for key in last[3]:
                        found.pop(key, None)
                keys: list[tuple[str, str, str]] = []
                covered, last = t_end, (t_end, pairs, entry.light, keys)
                if used:
                    prior = (t_end, used[0])
                trigger = " ".join(sentence.tokens[i:t_end])
                relation = entry.relation
                if modality == "threatened":
                    relation, modality = threatened_relation(relation)
                if modality == "intended" and ontology.get(relation).plover == "ASSAULT":
                    # "wants to attack", "will bomb": force announced, not used, is a threat
                    # of force (CAMEO 138)
                    relation = THREAT_OF_FORCE
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
    _drop_plain_threats(found)
    kept_pair = context.pair_opening(groups)
    context.note(groups, folded, lexicon)
    context.note_relations(list(found.values()), groups)
    if kept_pair:
        context.last_pair = kept_pair
    return list(found.values())


def _drop_plain_threats(found: dict[tuple[str, str, str], Candidate]) -> None:
    """"drohten dem Iran mit Sanktionen": the threat verb and the sanction it announces are
    one threat, the specific one (threatened sanctions, force)."""
    specific = {(s, t) for s, r, t in found if r in _SPECIFIC_THREATS}
    for key in [k for k in found if k[1] == THREAT and (k[0], k[2]) in specific]:
        del found[key]


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
