"""Argument assignment: the source and target of one trigger within its clause, by word
order, markers, case, passives, nominalisations and the article's context (see
ingest.extract for the overview)."""

from __future__ import annotations

from dataclasses import replace

from geokg.graph import ontology
from geokg.ingest.discourse import ArticleContext
from geokg.ingest.groups import CLAUSE_PUNCT, MAX_JOIN_GAP, SENTENCE_PUNCT, Group, group_starting
from geokg.ingest.lexicon import Lexicon, PatternSet, TriggerEntry
from geokg.ingest.quotes import QUOTES, quote_speaker

_TARGET_GAP = 3  # words allowed between a target marker and the target ("dengan pihak Rusia")
_OBJECT_GAP = 4  # words allowed between a trigger and its direct object
_FAR_TARGET = 14  # how far the fallback looks for a target when no marker or object is found
_PRONOUN_GAP = 4  # a pronoun subject stands close before its verb
_OWNER_GAP = 2  # "kunjungan Presiden Prabowo": a title may stand between noun and owner


# material acts that, like criticism, are aimed at the article's main actor when no target is
# named ("the first set of Security Council sanctions")
_TOPIC_MATERIAL = frozenset({"SANCTIONS", "AIDS"})


# those of them aimed at the main actor only with no object of their own ("ready to assist in
# any way" is; "efforts to assist migrants" is not, nor "warned Kurdish forces not to …")
_TOPIC_OBJECTLESS = frozenset({"AIDS", "WARNS"})
_OPENER_GAP = 4  # "after the two former Cold War adversaries signed": a clause's subject
_MUTUAL_SUBJECT_GAP = 8  # words allowed between "A and B" and the mutual relation they have
_APPOSITION_GAP = 6  # words of a common noun between a marker and its ", yaitu" list


def _appositive_target(markers: PatternSet, groups: list[Group], folded: list[str], start: int,
                       lexicon: Lexicon) -> Group | None:
    """"ke negara-negara sekutu di Pasifik, yaitu Tuvalu dan Palau": the actors listed after an
    appositive word are the target of the marker before the common noun."""
    for j in range(start, min(len(folded), start + lexicon.window + 1)):
        if folded[j] in SENTENCE_PUNCT:
            return None
        length = markers.longest(folded, j)
        if not length:
            continue
        for k in range(j + length, min(len(folded), j + length + _APPOSITION_GAP + 1)):
            if folded[k] in SENTENCE_PUNCT or any(g.start == k for g in groups):
                return None
            if folded[k] == ",":
                n = lexicon.appositives.longest(folded, k + 1)
                return group_starting(groups, k + 1 + n, k + 1 + n, folded) if n else None
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
    more = group_starting(groups, j + 1 + length, j + 1 + length + _TARGET_GAP, folded)
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
        if folded[j] in SENTENCE_PUNCT or j in blockers or j in starts or (
                clause and folded[j] in CLAUSE_PUNCT):
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
            group = group_starting(groups, j + length, j + length + _TARGET_GAP, folded)
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
    while lo > 0 and folded[lo - 1] not in CLAUSE_PUNCT and folded[lo - 1] not in SENTENCE_PUNCT:
        lo -= 1
    if not any(folded[j] in lexicon.passive_aux for j in range(lo, t_start)):
        return None
    for group in reversed([g for g in groups if lo <= g.start and g.end <= t_start]):
        if lexicon.preverbal_markers and any(lexicon.triggers_at(folded, k)
                                             for k in range(group.end, t_start)):
            return None  # "伊朗被美国指控向俄罗斯提供": the passive is the verb's before
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
    group = group_starting(groups, start, start, folded)
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
    group = group_starting(groups, after, after, folded)
    return group if group is not None and group.adjective else None


def _owner_end(folded: list[str], t_end: int, lexicon: Lexicon) -> int:
    """How far after a noun its owner may start: past the titles that introduce it ("la
    visita del presidente de Francia a China")."""
    j = t_end
    while j < len(folded) and j - t_end < MAX_JOIN_GAP and folded[j] in lexicon.owner_titles:
        j += 1
    return max(j, t_end + _OWNER_GAP)


def find_arguments(
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
        owners = group_starting(groups, t_end, t_end + _OWNER_GAP, folded, lexicon.oblique)
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
    if agent is None and (lexicon.verb_final or lexicon.preverbal_markers) \
            and lexicon.passive_aux and not entry.noun:
        # (and where objects stand before the verb: "俄罗斯外交官被美国驱逐")
        agent = _preverbal_agent(t_start, groups, folded, lexicon)
    if agent is None and entry.noun and not entry.passive:
        # "a invasão da Ucrânia pela Rússia", "the invasion of Ukraine by Russia": an agent
        # right after the noun's patient
        patient = group_starting(groups, t_end, t_end + _OWNER_GAP, folded, lexicon.oblique)
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
        agent = group_starting(groups, t_end, t_end + _OBJECT_GAP, folded, lexicon.oblique)
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
                              and group_starting(groups, j + 1, j + 1 + _OWNER_GAP, folded,
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
        if entry.object_target and (target is None or lexicon.adjacent_object) and not (
                lexicon.preverbal_fillers and _preverbal_slot(t_start, folded, lexicon)):
            # (with `adjacent_object` an actor right after the verb is its object before a
            # marked one further on: "سيزور إندونيسيا بعد زيارته إلى الصين")
            adjacent = group_starting(groups, t_end, t_end if target else t_end + _OBJECT_GAP,
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
        owner = group_starting(groups, t_end, _owner_end(folded, t_end, lexicon), folded,
                               lexicon.oblique)
        if owner is not None and (owner is target or owner.end > target.start
                                  or any(t_end <= j < owner.start for j in triggers)):
            owner = None
        if owner is None and lexicon.genitive_owner and target is marked_target:
            # "визит в Москву премьер-министра Индии": the genitive owner after the target
            owner = group_starting(groups, target.end, target.end + _OWNER_GAP, folded,
                                   lexicon.oblique)
            if owner is not None and (owner.adjective or owner.states == target.states or any(
                    target.end <= j < owner.start for j in triggers)):
                # ("с президентом Египта Абдель Фаттахом ас-Сиси": the target's own name)
                owner = None
    elif entry.noun and lexicon.genitive_owner:
        # "введение санкций США против газопровода": with no target named, the actor right
        # after the noun is still its (genitive) owner, and the clause's subject is not.
        owner = group_starting(groups, t_end, t_end + _OWNER_GAP, folded, lexicon.oblique)
        if owner is not None and (owner.adjective
                                  or any(t_end <= j < owner.start for j in triggers)):
            owner = None
        if (owner is not None and prior is not None and t_start - prior[0] <= 2 * _ATTACH_GAP
                and not set(prior[1].states) & set(owner.states)
                and _object_of_verb(t_start, triggers, groups, folded, lexicon,
                                    lexicon.reflexive_objects)):
            # "Россия отвергла обвинения Лондона": London's accusations are aimed at the
            # subject of the verb rejecting them
            return _cross(owner, prior[1], rtype.symmetric, 0.7)
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
        owner = group_starting(groups, t_end, _owner_end(folded, t_end, lexicon), folded,
                               lexicon.oblique)
        if owner is None and rtype.symmetric:
            # "momentum dalam perdagangan, dan kerjasama antara A dan B": a mutual noun shares
            # the pair named after it.
            pair = next((g for g in groups if g.start >= t_end and len(g.states) >= 2
                         and g.start - t_end <= lexicon.window + _TARGET_GAP
                         and not any(t in SENTENCE_PUNCT for t in folded[t_end : g.start])),
                        None)
            return _pairs(pair, 0.7) if pair else []
        if owner is None or owner is target or target is None:
            return []
    # "Китай занимал второе место, импорт из КНР составил …": a noun opening its clause is
    # that clause's subject, and owns no actor of the clause before
    opens_clause = (entry.noun and lexicon.topic_owner and t_start > 0
                    and folded[t_start - 1] in CLAUSE_PUNCT)
    # "Франция осудила ракетный удар по Киеву": the object of a verb trigger is an event the
    # subject reacts to, not the subject's own act
    # (a mutual one keeps the subject as a party: "высоко оценила сотрудничество с Россией")
    reacted = (entry.noun and lexicon.object_events and owner is None and agent is None
               and not rtype.symmetric and _object_of_verb(
                   t_start, triggers, groups, folded, lexicon, lexicon.object_events))
    for group in reversed(groups) if owner is None and not opens_clause and not reacted else ():
        if group.end > t_start or group is target or group is agent:
            continue
        before = _word_before_name(folded, group.start, lexicon)
        if lexicon.preverbal_markers and _ends_trigger(folded, group.start - 1, lexicon):
            before = ""  # the 对 of 反对: "反对美国对台湾的军售", 美国 owns the arms sales
        if lexicon.preverbal_markers and target is not None:
            if target.end <= t_start and group.start > target.start:
                continue  # the subject stands before a pre-verbal target, not in its event
            if target.start >= t_end and group.end == t_start and before in \
                    lexicon.preverbal_markers:
                # "欧盟对俄罗斯入侵乌克兰表示谴责": an actor right before a verb with its own
                # object after it is that verb's subject, in the event 对 speaks about
                before = ""
        if before in lexicon.oblique and not (
                before in lexicon.clause_openers and t_start - group.end <= _OPENER_GAP
                and not any(t in CLAUSE_PUNCT for t in folded[group.end : t_start])
        ) and not (group.start == 1 and before in lexicon.determiners):
            # (sentence-initial "A China condenou": an article, not the preposition "a")
            # ("after the two sides signed": "after" opens a clause whose subject they are)
            continue
        subject = group
        break
    subject = owner or subject
    if (subject is not None and owner is None and agent is None and not entry.noun
            and t_end < len(folded) and lexicon.inverted_titles.longest(folded, t_end)):
        # "Москву посетил президент Египта": a title in the nominative right after the verb
        # opens its subject, and the actor before the verb is its object
        after = group_starting(groups, t_end, t_end + _OBJECT_GAP, folded, lexicon.oblique)
        if after is not None and after is not subject and (target is None or target is after):
            subject, target = after, subject
    if (subject is None and owner is None and agent is None and not entry.noun
            and lexicon.impersonal_places
            and folded[t_start].endswith(lexicon.impersonal_endings)):
        # "В Кремле заявили", "в Вашингтоне раскритиковали": an impersonal plural verb right
        # after the seat of power it speaks for
        subject = next((g for g in groups if g.end == t_start and g.start > 0
                        and folded[g.start - 1] in lexicon.impersonal_places), None)
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
        if pronoun and any(t in CLAUSE_PUNCT for t in folded[subject.end : pronoun.start]):
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
        after = group_starting(groups, t_end, t_end + _OBJECT_GAP, folded, lexicon.oblique)
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
                    target = group_starting(
                        groups, after.end, after.end if target else after.end + _OBJECT_GAP,
                        folded, lexicon.oblique) or target
    if subject is None and target is not None and agent is None:
        # A nominalisation with its actor after it: "kunjungan Presiden Prabowo ke Brasil",
        # "aliansi Pyongyang dengan Rusia", "attacks of Israel on Iran".
        owner = group_starting(groups, t_end, t_end + _OWNER_GAP, folded, lexicon.oblique)
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
        subject = quote_speaker(groups, folded, t_end, target, lexicon)
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
            and t_start - subject.end <= _MUTUAL_SUBJECT_GAP * lexicon.characters_per_word
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
                     and entry.target_markers.longest(folded, t_end))
            # "美国宣布对台军售，中方…": a pre-verbal marker holding a thing (台, 其, 此)
            and not _preverbal_slot(t_start, folded, lexicon)):
        # No marked target nearby, in a sentence that names just two actors: the other one
        # further on ("fired with unspecified weapons on the positions of the forces of
        # Azerbaijan"). With more actors named, guessing costs more than it finds.
        # (not the subject itself, which in a verb-first clause follows the verb)
        later = [g for g in groups if g.start >= t_end and g.start - t_end <= _FAR_TARGET
                 and g is not subject
                 and not any(t in SENTENCE_PUNCT or t == ";" for t in folded[t_end : g.start])
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


def _object_of_verb(t_start: int, triggers: frozenset[int], groups: list[Group],
                    folded: list[str], lexicon: Lexicon, relations: frozenset[str]) -> bool:
    """Whether the noun at `t_start` is the object of a verb trigger right before it of one
    of `relations` (`object_events`: condemn, welcome, taking another's act as object; not
    "agreed to expand trade", whose object is the subject's own act)."""
    spans = {j for g in groups for j in range(g.start, g.end)}
    for p in triggers:
        if not 0 < t_start - p <= 2 * _ATTACH_GAP:
            continue
        entries = lexicon.triggers_at(folded, p)
        if entries and entries[0].relation in relations and attached(
                p + len(entries[0].pattern), t_start, tuple(folded), folded, spans, lexicon):
            return True
    return False


def _fronted_clause_subject(groups: list[Group], folded: list[str], t_end: int,
                            target: Group | None) -> Group | None:
    """The actor right after the comma that closes a sentence-initial verb clause (not one
    inside a quote: '"Peretasan … hal baru," ujar X')."""
    for j in range(t_end, len(folded)):
        if folded[j] in SENTENCE_PUNCT or folded[j] in QUOTES:
            return None
        if folded[j] == ",":
            group = next((g for g in groups if g.start == j + 1), None)
            return group if group is not target else None
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
    while lo > 0 and folded[lo - 1] not in CLAUSE_PUNCT and folded[lo - 1] not in SENTENCE_PUNCT:
        lo -= 1
    before = [g for g in groups if g.start >= lo and g.end <= t_start]
    if not before or t_start - before[-1].end > _PREVERBAL_GAP * lexicon.characters_per_word:
        return None
    last = before[-1]
    marker = folded[last.start - 1] if last.start > 0 else ""
    if marker in lexicon.preverbal_markers and not _ends_trigger(folded, last.start - 1, lexicon):
        return last
    if _marked_past_relative(last.start, folded, lexicon):
        return last
    if lexicon.preverbal_markers and not lexicon.verb_final:
        # "土耳其对芬兰加入北约表示支持": the marked actor before an event the verb is about
        marked = next((g for g in reversed(before[:-1]) if g.start > 0
                       and folded[g.start - 1] in lexicon.preverbal_markers
                       and not _ends_trigger(folded, g.start - 1, lexicon)), None)
        if marked is not None and \
                t_start - marked.end <= _PREVERBAL_GAP * lexicon.characters_per_word:
            return marked
    end = t_end
    while end < len(folded) and end < t_end + 2 and folded[end] in lexicon.final_auxiliaries:
        end += 1
    clause_final = end >= len(folded) or folded[end] in CLAUSE_PUNCT or \
        folded[end] in SENTENCE_PUNCT
    if lexicon.verb_final and clause_final and len(before) >= 2 and (
            marker not in lexicon.oblique or entry.target_markers.longest(folded, last.start - 1)):
        return last
    return None


_RELATIVE_GAP = 3  # "同来访的哈萨克斯坦总统": the words of a relative clause before a name


def _marked_past_relative(start: int, folded: list[str], lexicon: Lexicon) -> bool:
    """Whether a pre-verbal marker stands before a short relative clause ending right before
    the name at `start` ("同来访的哈萨克斯坦总统托卡耶夫举行会谈")."""
    if start < 2 or folded[start - 1] not in lexicon.relativizers:
        return False
    gap = _RELATIVE_GAP * lexicon.characters_per_word
    for j in range(start - 2, max(-1, start - 2 - gap), -1):
        if folded[j] in CLAUSE_PUNCT or folded[j] in SENTENCE_PUNCT:
            return False
        if folded[j] in lexicon.preverbal_markers and not _ends_trigger(folded, j, lexicon):
            return True
    return False


_SLOT_GAP = 2  # "对台军售", "向其提供": words between the filled slot and the verb


def _preverbal_slot(t_start: int, folded: list[str], lexicon: Lexicon) -> bool:
    """Whether a pre-verbal marker right before the trigger holds a word that fills the
    target slot without being an actor ("对台军售": 台, Taiwan; "对其制裁": 其, it)."""
    return any(folded[j] in lexicon.preverbal_markers and folded[j + 1] in lexicon.preverbal_fillers
               for j in range(max(0, t_start - 2 - _SLOT_GAP), t_start - 1))


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
            t in CLAUSE_PUNCT or t in SENTENCE_PUNCT for t in folded[before[-1].end : t_start]):
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
    pairs = [(s, t) for s in source.states for t in target.states if s != t]
    if symmetric:  # "Путин и Лукашенко обсудили интеграцию двух стран": each pair once
        pairs = [(s, t) for k, (s, t) in enumerate(pairs) if (t, s) not in pairs[:k]]
    return [(s, t, symmetric, factor, source.surface, target.surface) for s, t in pairs]


def _pairs(group: Group, factor: float):
    states = group.states
    return [
        (a, b, True, factor, group.surface, group.surface)
        for i, a in enumerate(states) for b in states[i + 1 :]
    ]


_ATTACH_GAP = 3  # words (articles, adjectives) between a verb and the noun it governs


def attached(
    end: int, start: int, tokens: tuple[str, ...], folded: list[str], in_mention: set[int],
    lexicon: Lexicon,
) -> bool:
    """Whether a trigger at `start` is the object of the trigger ending at `end`: a few words
    apart, with no actor, name, punctuation, preposition or conjunction between ("hit Idlib in
    coordination with" is two events)."""
    if not 0 <= start - end <= _ATTACH_GAP * lexicon.characters_per_word \
            or folded[start] in lexicon.oblique:
        return False
    return not any(
        j in in_mention or not folded[j].isalnum() or folded[j] in lexicon.oblique
        or folded[j] in lexicon.conjunctions or tokens[j][:1].isupper()
        for j in range(end, start)
    )
