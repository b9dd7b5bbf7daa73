"""Per-language relation lexicons (ingest/data/lexicons/<lang>.toml): the words that express a
relation, what marks its target, and the grammar words argument assignment relies on."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from geokg.ingest.mentions import fold
from geokg.ingest.sentences import pipeline

LEXICON_DIR = Path(__file__).parent / "data" / "lexicons"

Pattern = tuple[str, ...]  # folded tokens; a token ending in "*" matches any word it begins
_HEAD = 3


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
    group_anaphora: PatternSet = field(default_factory=_none)  # "negara-negara tersebut"
    # "tiga negara" / "the three countries": the last group of that many actors
    counted_anaphora: dict[int, PatternSet] = field(default_factory=dict)
    singular_anaphora: PatternSet = field(default_factory=_none)  # "negara tersebut"
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
    verb_first: bool = False  # clauses may start with the verb, the subject after it
    by_first: dict[str, list[TriggerEntry]] = field(default_factory=dict)
    # Wildcard heads ("sanction*") indexed by their first _HEAD letters, so a token is checked
    # against the few patterns that could match it, not all of them.
    by_prefix: dict[str, list[TriggerEntry]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for entry in self.triggers:
            head = entry.pattern[0]
            if head.endswith("*"):
                self.by_prefix.setdefault(head[:-1][:_HEAD], []).append(entry)
            else:
                self.by_first.setdefault(head, []).append(entry)

    def triggers_at(self, folded: list[str], i: int) -> list[TriggerEntry]:
        """The trigger entries matching at token i, longest pattern first (so "kerja sama"
        wins over "kerja")."""
        token = folded[i]
        candidates = list(self.by_first.get(token, ()))
        for k in range(1, min(_HEAD, len(token)) + 1):
            candidates += self.by_prefix.get(token[:k], ())
        found = [e for e in candidates if matches(e.pattern, folded, i)]
        found.sort(key=lambda e: (-len(e.pattern), e.pattern[0].endswith("*"),
                                  -len(e.pattern[0])))
        return found


def token_matches(pattern_token: str, token: str) -> bool:
    if pattern_token.endswith("*"):
        return token.startswith(pattern_token[:-1]) and len(token) >= len(pattern_token) - 1
    return token == pattern_token


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


@cache
def load_lexicon(language: str, directory: Path = LEXICON_DIR) -> Lexicon:
    path = directory / f"{language}.toml"
    if not path.exists():
        return Lexicon(language)
    with path.open("rb") as handle:
        raw = tomllib.load(handle)
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
        phrases = item.get("triggers", [])
        for phrase in phrases + [n for n in nouns if n not in phrases]:
            triggers.append(
                TriggerEntry(
                    relation=item["type"],
                    pattern=_pattern(phrase, language),
                    target_markers=patterns(markers),
                    object_target=object_target,
                    confidence=float(item.get("confidence", 0.8)),
                    passive=item.get("voice") == "passive",
                    modality=item.get("modality", ""),
                    between_targets=item.get("between") == "targets",
                    light=bool(item.get("light", False)),
                    before_target=before_target,
                    noun=phrase in nouns,
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
        person_pronouns=frozenset(fold(w) for w in grammar.get("person_pronouns", [])),
        clause_openers=frozenset(fold(w) for w in grammar.get("clause_openers", [])),
        patient_gap=int(grammar.get("patient_gap", 0)),
        far_subject=int(grammar.get("far_subject", 0)),
        passive_aux=frozenset(fold(w) for w in grammar.get("passive_aux", [])),
        progressive_suffixes=tuple(grammar.get("progressive_suffixes", [])),
        agent=patterns(grammar.get("agent", [])),
        noun_agent=patterns(grammar.get("noun_agent", [])),
        noun_governors=frozenset(fold(w) for w in grammar.get("noun_governors", [])),
        determiners=frozenset(fold(w) for w in grammar.get("determiners", [])),
        preverbal_markers=frozenset(fold(w) for w in grammar.get("preverbal_markers", [])),
        verb_final=bool(grammar.get("verb_final", False)),
        not_triggers=patterns(raw.get("not_triggers", {}).get("phrases", [])),
        final_auxiliaries=frozenset(fold(w) for w in grammar.get("final_auxiliaries", [])),
        pair_anaphora=patterns(grammar.get("pair_anaphora", [])),
        group_anaphora=patterns(grammar.get("group_anaphora", [])),
        counted_anaphora=_counted(grammar.get("counted_anaphora", {}), patterns),
        singular_anaphora=patterns(grammar.get("singular_anaphora", [])),
        state_nouns=frozenset(fold(w) for w in grammar.get("state_nouns", [])),
        appositives=patterns(grammar.get("appositives", [])),
        speech_verbs=frozenset(fold(w) for w in grammar.get("speech_verbs", [])),
        possessives=frozenset(fold(w) for w in grammar.get("possessives", [])),
        modality={k: patterns(v) for k, v in raw.get("modality", {}).items()},
        window=int(grammar.get("window", 6)),
        verb_first=bool(grammar.get("verb_first", False)),
    )
