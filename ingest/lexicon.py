"""Per-language relation lexicons (ingest/data/lexicons/<lang>.toml): the words that express a
relation, what marks its target, and the grammar words argument assignment relies on."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from geokg.ingest.mentions import fold
from geokg.ingest.sentences import pipeline

LEXICON_DIR = Path(__file__).parent / "data" / "lexicons"

Pattern = tuple[str, ...]  # folded tokens; a token ending in "*" matches any word it begins
_HEAD = 3
_CLITIC_STEM = 3  # letters a word keeps without its proclitic: "بحث" is no "ب" + "حث"
_TOKEN_MEMORY = 200_000  # distinct words remembered per lexicon before starting afresh


class PatternSet:
    """A set of phrases, indexed by first word: `longest(folded, i)` is the length of the
    longest phrase at token i (0 for none)."""

    def __init__(self, patterns: tuple[Pattern, ...] = ()):
        self.patterns = patterns
        self._exact: dict[str, list[Pattern]] = {}
        self._wild: list[Pattern] = []
        self._heads: frozenset[str] | None = None
        for pattern in patterns:
            if pattern[0].endswith("*"):
                self._wild.append(pattern)
            else:
                self._exact.setdefault(pattern[0], []).append(pattern)

    def __bool__(self) -> bool:
        return bool(self.patterns)

    @property
    def heads(self) -> frozenset[str] | None:
        """The first words of the phrases; None when a wildcard may start one."""
        if self._wild:
            return None
        if self._heads is None:
            self._heads = frozenset(self._exact)
        return self._heads

    def may_start(self, token: str) -> bool:
        """Whether some phrase could start at this (folded) word: a cheap test before
        `longest`."""
        return bool(self._wild) or token in self._exact

    def longest(self, folded: list[str], i: int) -> int:
        candidates = self._exact.get(folded[i])
        if self._wild:
            candidates = (candidates or []) + self._wild
        if not candidates:  # most words start no phrase: skip the generator
            return 0
        return max((len(p) for p in candidates if matches(p, folded, i)), default=0)


@dataclass(frozen=True)
class TriggerEntry:
    relation: str
    pattern: Pattern
    target_markers: PatternSet  # words before the target; empty = the next actor
    object_target: bool  # the first actor after the trigger is the target
    confidence: float
    passive: bool = False  # a passive form ("ditengahi X"): the actor after it is the agent
    modality: str = ""  # the trigger's own modality ("trabalharemos" is a future form)
    between_targets: bool = False  # "mediates between A and B": the subject toward each
    # a light verb ("sent", "provided", "gave"): a noun trigger it governs names the event
    # ("sent aid" is aid, "gave a warm welcome" a welcome)
    light: bool = False
    # "@before": the actor right before the trigger is its target and the one before that the
    # source ("Russia said Israel must end the strikes": Russia demands of Israel)
    before_target: bool = False
    # a nominalisation ("serangan", "ataque"): an actor right after it, before its marked
    # target, is its owner ("serangan Israel terhadap Iran", "ataque de Rusia contra Ucrania")
    noun: bool = False
    # a noun with a possessive pronoun ("زيارته" his visit): the act of the clause's subject,
    # not of the actor right before it ("سيزور إندونيسيا بعد زيارته إلى الصين")
    possessed: bool = False
    # `subject = "sentence"`: a circumstantial participle ("داعين": calling on) is the act of
    # the sentence's subject, not of an actor named between them
    sentence_subject: bool = False
    # `unnamed = "pair"`: with no target named, the target is the pair the article named last
    # ("Malaysia menengahi perjanjian gencatan senjata": mediates between the two sides)
    pair_target: bool = False
    # `mutual = true`: a relation both sides have with each other whatever its type's
    # direction ("perlombaan senjata": an arms race of A and B)
    mutual: bool = False
    # `source`: the words before the actor whose act it is, after the trigger ("ввоз в Россию
    # из Китая": imports into Russia, "import do Polski"): the subject when none stands before
    source_markers: PatternSet = field(default_factory=PatternSet)
    # "wies … zurück": a separable particle that must follow later in the same clause ("wies den
    # Vorschlag zurück" rejects, "wies die Diplomaten aus" expels)
    particle: Pattern = ()
    # a compound naming its own target or source ("EU-Beitritt" is accession to the EU,
    # "EU-Sanktionen" are the EU's): the actors it stands for
    implied_target: tuple[str, ...] = ()
    implied_source: tuple[str, ...] = ()
    # `organ = {"IGO:UN" = "IGO:UNSC"}`: the body that does this act for an organisation
    # ("U.N. sanctions" are imposed by the Security Council)
    organs: tuple[tuple[str, str], ...] = ()

    def acting_organ(self, actor: str) -> str:
        """The organ that acts for `actor` in this relation, or the actor itself."""
        return dict(self.organs).get(actor, actor)


@dataclass(frozen=True)
class PairNames:
    """Words that name two states at once ("中美"), with the states of each."""

    patterns: PatternSet = field(default_factory=lambda: PatternSet())
    states: dict[Pattern, tuple[str, ...]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.states)


def _pair_names(table: dict[str, list[str]], language: str) -> PairNames:
    states = {_pattern(name, language): tuple(codes) for name, codes in table.items()}
    return PairNames(PatternSet(tuple(states)), states)


def _none() -> PatternSet:
    return PatternSet()


@dataclass
class Lexicon:
    language: str
    triggers: list[TriggerEntry] = field(default_factory=list)
    # an actor right after one of these is not a subject
    oblique: frozenset[str] = frozenset()
    conjunctions: frozenset[str] = frozenset()  # join actors into a compound ("A dan B")
    # "with", "from": an actor after one is a partner or origin, the target of a trigger only
    # when the trigger says so
    partner_prepositions: frozenset[str] = frozenset()
    pair_joiners: frozenset[str] = frozenset()  # the whole gap of a pair: "Thailand-Kamboja"
    # "antara A dan B": both sides of a mutual relation
    between: PatternSet = field(default_factory=_none)
    between_joiners: PatternSet = field(default_factory=_none)  # "antara A dengan B"
    titles: frozenset[str] = frozenset()  # title words that may stand inside a compound actor
    pronouns: frozenset[str] = frozenset()  # subject pronouns: the previous subject
    person_pronouns: frozenset[str] = frozenset()  # those of them that stand for a person only
    # those of them that, as the subject of a mutual relation, stand for the pair named before
    # ("Mereka bersepakat")
    plural_pronouns: frozenset[str] = frozenset()
    # "wir", "мы": inside a quote, the speaker named before ('„Wir kritisieren …“, sagte er')
    first_person: frozenset[str] = frozenset()
    # "gaz z Norwegii, przez Danię": a country the goods pass through is a partner too
    route_markers: frozenset[str] = frozenset()
    # oblique words that may also open a clause ("after", "since"): the actor after one is the
    # subject of a verb that follows closely
    clause_openers: frozenset[str] = frozenset()
    # how close before a passive its patient stands ("Iran was sanctioned by"); 0 = anywhere
    patient_gap: int = 0
    # how close before the trigger a subject stands for the two-actor far-target guess; 0 = any
    far_subject: int = 0
    passive_aux: frozenset[str] = frozenset()  # "was" in "was shot down": a passive verb
    progressive_suffixes: tuple[str, ...] = ()  # "-ing" after "was" is not a passive
    agent: PatternSet = field(default_factory=_none)  # "oleh" / "by": the agent of a passive
    # "yang": an agent after one belongs to a relative clause, not to an active verb before it
    relativizers: frozenset[str] = frozenset()
    # "dari" / "por parte de": who the act of a nominalisation comes from
    noun_agent: PatternSet = field(default_factory=_none)
    # "dalam pertemuan", "jelang kunjungan": a noun in an adjunct is not the clause subject's act
    noun_governors: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()  # may stand between governor and noun ("após o")
    preverbal_markers: frozenset[str] = frozenset()  # "美国对俄罗斯实施制裁": the target before
    verb_final: bool = False  # "Russland hat die Ukraine angegriffen": the object before the verb
    # phrases whose words are never triggers: "kapal perang" (warship) is no war
    not_triggers: PatternSet = field(default_factory=_none)
    final_auxiliaries: frozenset[str] = frozenset()  # "… angegriffen habe.": still clause-final
    pair_anaphora: PatternSet = field(default_factory=_none)  # "kedua negara": the pair before
    # words after which a pair anaphor is part of a title: "رئيس الوزراء" (the prime minister)
    # is no "الوزراء" (the ministers of the two sides)
    anaphor_blockers: frozenset[str] = frozenset()
    group_anaphora: PatternSet = field(default_factory=_none)  # "negara-negara tersebut"
    # "tiga negara" / "the three countries": the last group of that many actors
    counted_anaphora: dict[int, PatternSet] = field(default_factory=dict)
    singular_anaphora: PatternSet = field(default_factory=_none)  # "negara tersebut"
    # "keputusan ini", "the move": an act told before stands for the actor who did it
    act_anaphora: PatternSet = field(default_factory=_none)
    # "negara": a pair anaphor with one of these words ("kedua negara") names two states, never
    # an organisation ("kedua belah pihak" may be Indonesia and the EU)
    state_nouns: frozenset[str] = frozenset()
    # "yaitu": after a marker and a common noun, ", yaitu A dan B" names the target itself
    # ("ke negara-negara sekutu di Pasifik, yaitu Tuvalu dan Palau")
    appositives: PatternSet = field(default_factory=_none)
    # "said", "told": in '"We stand ready to help," a Pentagon spokesman said.' the actor
    # before one, after the closing quote, is the speaker of the quote
    speech_verbs: frozenset[str] = frozenset()
    # "its", "their": in "the Iranians ... after its decision to support" the act is the
    # possessor's, and the actor before the possessive is not its subject
    possessives: frozenset[str] = frozenset()
    modality: dict[str, PatternSet] = field(default_factory=dict)
    window: int = 6
    # words a modality cue may stand before its trigger ("将与伊朗扩大能源合作": zh counts
    # characters, and a pre-verbal target stands between)
    modality_window: int = 5
    # tokens per word where each character is a token (zh): scales the word gaps of compound
    # subjects, pre-verbal targets and a light verb's noun ("提供了价值十亿美元的军事援助")
    characters_per_word: int = 1
    # words after a pre-verbal marker that fill the target slot without naming an actor
    # ("对台军售": 台; "对其制裁": 其): no actor after the verb is its target then
    preverbal_fillers: frozenset[str] = frozenset()
    verb_first: bool = False  # clauses may start with the verb, the subject after it
    # a sentence-initial verb clause ("Lawan China, AS Siapkan …") has the subject after its comma
    fronted_subject: bool = False
    verb_second: bool = False  # with no subject before a finite verb, the actor after it is
    # proclitics written on any word of a trigger ("و", "بال": "وتعزيز العلاقات",
    # "بالغارات الجوية"), and on a verb the future prefix ("س": "سيزور" will visit)
    clitics: tuple[str, ...] = ()
    future_prefixes: tuple[str, ...] = ()
    # an actor right after a verb taking an object is that object, before a marked target
    # further on (in verb-first Arabic a subject standing before the verb leaves none between)
    adjacent_object: bool = False
    # conjunctions written on the next word ("وروسيا"): two names in a row joined by one
    # form a compound
    clitic_conjunctions: tuple[str, ...] = ()
    # two adjectives of different states in a row name a pair: "الصراع الفلسطيني الإسرائيلي"
    adjective_pairs: bool = False
    # an adjective right after a noun trigger is its owner: "الهجوم الإيراني" (the Iranian attack)
    adjective_owner: bool = False
    # "中美" (China and the US): one word naming a pair
    pair_names: PairNames = field(default_factory=PairNames)
    # words that may stand between a noun and its owner: "la visita del presidente de Francia"
    owner_titles: frozenset[str] = frozenset()
    # articles that may follow a compound's conjunction: "o Brasil e a Argentina"
    conjunction_articles: frozenset[str] = frozenset()
    # a bare actor right after a nominalisation is its genitive owner, not its object
    # ("санкции США", "wizyta Putina", "Besuch Putins"); `noun_object = true` on a relation
    # keeps the object for nouns taking a dative one ("помощь Украине")
    genitive_owner: bool = False
    # a nominalisation with a marked target and no actor of its own is the act of the actor
    # the article is about ("der Konflikt mit Bulgarien" in an article on North Macedonia)
    topic_owner: bool = False
    # a target marker right after the trigger with no actor after it ("согласился с
    # предложением") fills the target slot: no guess at an actor further on
    filled_slot: bool = False
    # phrases the far-target guess does not reach past: "warned Kurdish forces not to rely on
    # US protection" (the actor after a negated infinitive is its own, not the warning's)
    far_barriers: PatternSet = field(default_factory=_none)
    # relations whose verb triggers take another's act as object: a noun trigger right after
    # one is an event the subject reacts to ("осудила ракетный удар"), not the subject's act
    object_events: frozenset[str] = frozenset()
    # relations whose verb triggers take an act aimed at their own subject: "отвергла
    # обвинения Лондона" (London's accusations against the subject)
    reflexive_objects: frozenset[str] = frozenset()
    # nominative titles that, right after a verb, open its subject ("Москву посетил президент
    # Египта": the actor before the verb is then its object)
    inverted_titles: PatternSet = field(default_factory=_none)
    # prepositions of a seat of power before an impersonal plural verb that speaks for it
    # ("В Кремле заявили": the Kremlin said)
    impersonal_places: frozenset[str] = frozenset()
    impersonal_endings: tuple[str, ...] = ()  # of the impersonal verb ("заявили")
    # articles a name may carry outside its mention: a partner preposition before "the" in
    # "with the European Union" still marks it as no subject
    name_articles: frozenset[str] = frozenset()
    implied_heads: frozenset[str] | None = None
    by_first: dict[str, list[TriggerEntry]] = field(default_factory=dict)
    # Wildcard heads ("sanction*") indexed by their first _HEAD letters, so a token is checked
    # against the few patterns that could match it, not all of them.
    by_prefix: dict[str, list[TriggerEntry]] = field(default_factory=dict)
    candidates_by_token: dict[str, list[TriggerEntry]] = field(
        default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        # the first words (or, for wildcards, first letters) of triggers naming an actor of
        # their own ("eu-beitritt"): a sentence naming one other actor is read for them
        heads = {e.pattern[0].rstrip("*")[: _HEAD if e.pattern[0].endswith("*") else None]
                 for e in self.triggers if e.implied_target or e.implied_source}
        self.implied_heads = frozenset(heads) if heads else None
        for entry in self.triggers:
            head = entry.pattern[0]
            if head.endswith("*"):
                self.by_prefix.setdefault(head[:-1][:_HEAD], []).append(entry)
            else:
                self.by_first.setdefault(head, []).append(entry)

    def triggers_at(self, folded: list[str], i: int) -> list[TriggerEntry]:
        """The trigger entries matching at token i, longest pattern first (so "kerja sama"
        wins over "kerja")."""
        found = [e for e in self._starting(folded[i]) if matches(e.pattern, folded, i)
                 and (not e.particle or _particle_follows(e.particle, folded, i + len(e.pattern)))]
        if self.clitics or self.future_prefixes:
            # all longer than the word's own matches, so they come first
            found = self._behind_prefix(folded, i, max((len(e.pattern) for e in found),
                                                       default=0)) + found
        return found

    def _behind_prefix(self, folded: list[str], i: int, longest: int) -> list[TriggerEntry]:
        """Triggers written behind a proclitic or the future prefix, longer than `longest`
        (the word as written wins: "بحثت" discussed is not "ب" + "حثت" urged)."""
        token = folded[i]
        found: list[TriggerEntry] = []
        for prefixes, modality in ((self.clitics, ""), (self.future_prefixes, "intended")):
            for prefix in prefixes:
                stem = token[len(prefix):]
                if not token.startswith(prefix) or len(stem) < _CLITIC_STEM:
                    continue
                for entry in self._starting(stem):
                    if len(entry.pattern) <= longest or not _matches_behind(
                            entry.pattern, folded, i, stem, self.clitics):
                        continue
                    if entry.particle and not _particle_follows(entry.particle, folded,
                                                                i + len(entry.pattern)):
                        continue
                    found.append(replace(entry, modality=entry.modality or modality)
                                 if modality else entry)
        found.sort(key=lambda e: -len(e.pattern))
        return found

    def _starting(self, token: str) -> list[TriggerEntry]:
        """The entries whose pattern starts with this word, in the order of preference.
        Remembered per word: the same words come back in every sentence."""
        known = self.candidates_by_token.get(token)
        if known is None:
            if len(self.candidates_by_token) > _TOKEN_MEMORY:
                self.candidates_by_token.clear()
            known = list(self.by_first.get(token, ()))
            for k in range(1, min(_HEAD, len(token)) + 1):
                known += [e for e in self.by_prefix.get(token[:k], ())
                          if token_matches(e.pattern[0], token)]
            # (a verb with its particle found is read before the bare verb)
            known.sort(key=lambda e: (-len(e.pattern), not e.particle,
                                      e.pattern[0].endswith("*"), -len(e.pattern[0])))
            self.candidates_by_token[token] = known
        return known


_CLAUSE_END = frozenset({",", ";", ":", ".", "!", "?", "(", ")", "—", "–", "،", "؛"})


def _particle_follows(particle: Pattern, folded: list[str], start: int) -> bool:
    """Whether a separable particle stands after `start` in the same clause."""
    for j in range(start, len(folded)):
        if folded[j] in _CLAUSE_END:
            return False
        if matches(particle, folded, j):
            return True
    return False


def token_matches(pattern_token: str, token: str) -> bool:
    if pattern_token.endswith("*"):
        return token.startswith(pattern_token[:-1]) and len(token) >= len(pattern_token) - 1
    return token == pattern_token


def _matches_behind(pattern: Pattern, folded: list[str], i: int, stem: str,
                    clitics: tuple[str, ...]) -> bool:
    """Whether the pattern matches at token i read as `stem`, later words with or without a
    proclitic ("الغارات الجوية" is "غارات جوية")."""
    if i + len(pattern) > len(folded) or not token_matches(pattern[0], stem):
        return False
    return all(token_matches(p, folded[i + k]) or any(
        folded[i + k].startswith(c) and len(folded[i + k]) - len(c) >= _CLITIC_STEM
        and token_matches(p, folded[i + k][len(c):]) for c in clitics)
        for k, p in enumerate(pattern[1:], 1))


def matches(pattern: Pattern, folded: list[str], i: int) -> bool:
    if i + len(pattern) > len(folded):
        return False
    return all(token_matches(p, folded[i + k]) for k, p in enumerate(pattern))


def _pattern(text: str, language: str) -> Pattern:
    """Tokenise a lexicon phrase the way sentences are tokenised, keeping "*" wildcards."""
    tokenizer = pipeline(language).tokenizer
    out: list[str] = []
    for word in text.split():
        if word == "*":  # any one word: "cancel* * visit" ("cancelled a visit")
            out.append("*")
            continue
        wild = word.endswith("*")
        pieces = [fold(t.text) for t in tokenizer(word.rstrip("*")) if not t.is_space]
        if wild and pieces:
            pieces[-1] += "*"
        out.extend(pieces)
    return tuple(out)


def _counted(table: dict[str, int], patterns) -> dict[int, PatternSet]:
    by_count: dict[int, list[str]] = {}
    for phrase, count in table.items():
        by_count.setdefault(int(count), []).append(phrase)
    return {count: patterns(phrases) for count, phrases in by_count.items()}


def _with_variants(value, table: dict[str, str]):
    """Every word list of the lexicon, each word also in its variant spelling: written once in
    simplified Chinese, "对俄罗斯实施制裁" also matches the traditional "對俄羅斯實施制裁"."""
    if isinstance(value, dict):  # (keys too: "俄乌" of `pair_names` is also "俄烏")
        spelt_keys = {k.translate(table): v for k, v in value.items()}
        return {k: _with_variants(v, table) for k, v in {**spelt_keys, **value}.items()}
    if isinstance(value, list) and all(isinstance(w, str) for w in value):
        spelt = [w.translate(table) for w in value]
        return list(dict.fromkeys(value + [w for w in spelt if w not in value]))
    if isinstance(value, list):
        return [_with_variants(v, table) for v in value]
    return value


@cache
def load_lexicon(language: str, directory: Path = LEXICON_DIR) -> Lexicon:
    path = directory / f"{language}.toml"
    if not path.exists():
        return Lexicon(language)
    with path.open("rb") as handle:
        raw = tomllib.load(handle)
    # "对對 与與": pairs of a character and its variant
    grammar = raw.get("grammar", {})
    variants = {pair[0]: pair[1:] for line in grammar.get("character_variants", [])
                for pair in line.split()}
    if variants:
        raw = _with_variants(raw, str.maketrans(variants))
        grammar = raw.get("grammar", {})

    def patterns(words: list[str]) -> PatternSet:
        return PatternSet(tuple(p for p in (_pattern(w, language) for w in words) if p))

    triggers: list[TriggerEntry] = []
    for item in raw.get("relation", []):
        markers = [m for m in item.get("target", []) if m not in ("@object", "@before")]
        before_target = "@before" in item.get("target", [])
        object_target = "@object" in item.get("target", []) or not (markers or before_target)
        # `nouns` names which triggers are nominalisations (and may add more).
        nouns = item.get("nouns", [])
        possessed = item.get("possessed", [])
        phrases = item.get("triggers", [])
        genitive = bool(grammar.get("genitive_owner", False)) and not item.get("noun_object")
        extra = [n for n in nouns + possessed if n not in phrases]
        for phrase in phrases + list(dict.fromkeys(extra)):
            head, _, particle = phrase.replace("...", "…").partition("…")
            triggers.append(
                TriggerEntry(
                    relation=item["type"],
                    pattern=_pattern(head.strip(), language),
                    target_markers=patterns(markers),
                    object_target=object_target and not (genitive and phrase in nouns),
                    confidence=float(item.get("confidence", 0.8)),
                    passive=item.get("voice") == "passive",
                    modality=item.get("modality", ""),
                    between_targets=item.get("between") == "targets",
                    light=bool(item.get("light", False)),
                    before_target=before_target,
                    noun=phrase in nouns,
                    possessed=phrase in possessed,
                    sentence_subject=item.get("subject") == "sentence",
                    pair_target=item.get("unnamed") == "pair",
                    mutual=bool(item.get("mutual", False)),
                    source_markers=patterns(item.get("source", [])),
                    particle=_pattern(particle.strip(), language) if particle else (),
                    implied_target=tuple(item.get("implied_target", ())),
                    implied_source=tuple(item.get("implied_source", ())),
                    organs=tuple(item.get("organ", {}).items()),
                )
            )
    return Lexicon(
        language=language,
        triggers=[t for t in triggers if t.pattern],
        oblique=frozenset(fold(w) for w in grammar.get("oblique", [])),
        conjunctions=frozenset(fold(w) for w in grammar.get("conjunctions", [])),
        partner_prepositions=frozenset(fold(w) for w in grammar.get("partner_prepositions", [])),
        pair_joiners=frozenset(fold(w) for w in grammar.get("pair_joiners", [])),
        between=patterns(grammar.get("between", [])),
        between_joiners=patterns(grammar.get("between_joiners", [])),
        titles=frozenset(t for w in grammar.get("titles", []) for t in _pattern(w, language)),
        pronouns=frozenset(fold(w) for w in grammar.get("pronouns", [])),
        first_person=frozenset(fold(w) for w in grammar.get("first_person", [])),
        route_markers=frozenset(fold(w) for w in grammar.get("route_markers", [])),
        person_pronouns=frozenset(fold(w) for w in grammar.get("person_pronouns", [])),
        plural_pronouns=frozenset(fold(w) for w in grammar.get("plural_pronouns", [])),
        clause_openers=frozenset(fold(w) for w in grammar.get("clause_openers", [])),
        patient_gap=int(grammar.get("patient_gap", 0)),
        far_subject=int(grammar.get("far_subject", 0)),
        passive_aux=frozenset(fold(w) for w in grammar.get("passive_aux", [])),
        progressive_suffixes=tuple(grammar.get("progressive_suffixes", [])),
        agent=patterns(grammar.get("agent", [])),
        relativizers=frozenset(fold(w) for w in grammar.get("relativizers", [])),
        noun_agent=patterns(grammar.get("noun_agent", [])),
        noun_governors=frozenset(fold(w) for w in grammar.get("noun_governors", [])),
        determiners=frozenset(fold(w) for w in grammar.get("determiners", [])),
        preverbal_markers=frozenset(fold(w) for w in grammar.get("preverbal_markers", [])),
        verb_final=bool(grammar.get("verb_final", False)),
        not_triggers=patterns(raw.get("not_triggers", {}).get("phrases", [])),
        final_auxiliaries=frozenset(fold(w) for w in grammar.get("final_auxiliaries", [])),
        pair_anaphora=patterns(grammar.get("pair_anaphora", [])),
        anaphor_blockers=frozenset(fold(w) for w in grammar.get("anaphor_blockers", [])),
        group_anaphora=patterns(grammar.get("group_anaphora", [])),
        counted_anaphora=_counted(grammar.get("counted_anaphora", {}), patterns),
        singular_anaphora=patterns(grammar.get("singular_anaphora", [])),
        act_anaphora=patterns(grammar.get("act_anaphora", [])),
        state_nouns=frozenset(fold(w) for w in grammar.get("state_nouns", [])),
        appositives=patterns(grammar.get("appositives", [])),
        speech_verbs=frozenset(fold(w) for w in grammar.get("speech_verbs", [])),
        possessives=frozenset(fold(w) for w in grammar.get("possessives", [])),
        modality={k: patterns(v) for k, v in raw.get("modality", {}).items()},
        window=int(grammar.get("window", 6)),
        modality_window=int(grammar.get("modality_window", 5)),
        characters_per_word=int(grammar.get("characters_per_word", 1)),
        preverbal_fillers=frozenset(fold(w) for w in grammar.get("preverbal_fillers", [])),
        verb_first=bool(grammar.get("verb_first", False)),
        fronted_subject=bool(grammar.get("fronted_subject", False)),
        verb_second=bool(grammar.get("verb_second", False)),
        clitics=tuple(fold(w) for w in grammar.get("clitic_prefixes", [])),
        future_prefixes=tuple(fold(w) for w in grammar.get("future_prefixes", [])),
        adjacent_object=bool(grammar.get("adjacent_object", False)),
        clitic_conjunctions=tuple(fold(w) for w in grammar.get("clitic_conjunctions", [])),
        adjective_pairs=bool(grammar.get("adjective_pairs", False)),
        adjective_owner=bool(grammar.get("adjective_owner", False)),
        pair_names=_pair_names(grammar.get("pair_names", {}), language),
        owner_titles=frozenset(fold(w) for w in grammar.get("owner_titles", [])),
        conjunction_articles=frozenset(fold(w) for w in grammar.get("conjunction_articles", [])),
        genitive_owner=bool(grammar.get("genitive_owner", False)),
        topic_owner=bool(grammar.get("topic_owner", False)),
        filled_slot=bool(grammar.get("filled_slot", False)),
        far_barriers=patterns(grammar.get("far_barriers", [])),
        object_events=frozenset(grammar.get("object_events", [])),
        reflexive_objects=frozenset(grammar.get("reflexive_objects", [])),
        inverted_titles=patterns(grammar.get("inverted_titles", [])),
        impersonal_places=frozenset(fold(w) for w in grammar.get("impersonal_places", [])),
        impersonal_endings=tuple(fold(w) for w in grammar.get("impersonal_endings", [])),
        name_articles=frozenset(fold(w) for w in grammar.get("name_articles", [])),
    )
