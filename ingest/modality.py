"""The modality of a trigger from the cue words before it (or, in verb-final clauses, the
auxiliary after it): negation wins over hypothesis, hypothesis over a threat, a threat over
intention. A threatened act ("threatened to impose sanctions", "пригрозили ввести санкции") is
no modality of its own: the extractor turns it into a threat (threatened_relation)."""

from __future__ import annotations

from geokg.graph import ontology
from geokg.ingest.groups import CLAUSE_PUNCT, SENTENCE_PUNCT
from geokg.ingest.lexicon import Lexicon

_MODALITY_ORDER = ("negated", "hypothetical", "threatened", "intended")
THREAT, THREAT_OF_SANCTIONS, THREAT_OF_FORCE = (
    "THREATENS", "THREATENS_SANCTIONS_AGAINST", "THREATENS_FORCE_AGAINST")
_FINAL_CLUSTER = 2  # "… fortsetzen werde.": the words of a clause-final verb cluster


def clause_modality(folded: list[str], start: int, lexicon: Lexicon, end: int | None = None) -> str:
    lo = max(0, start - lexicon.modality_window)
    for i in range(start - 1, lo - 1, -1):
        # A cue in the clause before belongs to that clause ("tidak sulit ..., dan mendesak").
        if folded[i] in CLAUSE_PUNCT or folded[i] in SENTENCE_PUNCT:
            lo = i + 1
            break
    found = set()
    for i in range(lo, start):
        if (i > 0 and folded[i - 1].isdigit()) or (i + 1 < len(folded) and folded[i + 1].isdigit()):
            continue  # a date: "on 2 May", "May 5", not "may"
        for name, patterns in lexicon.modality.items():
            length = patterns.longest(folded, i)
            if length and not (name == "threatened" and any(
                    t in lexicon.conjunctions for t in folded[i + length : start])):
                # (a threat's act is its complement: in "threatened Israel and attacked its
                # ships" the attack is a deed of its own)
                found.add(name)
    if lexicon.verb_final and end is not None:
        # "…, dass die USA die Zusammenarbeit fortsetzen werde": the auxiliary closing a
        # verb-final clause after the trigger
        close = next((k for k in range(end, len(folded))
                      if folded[k] in CLAUSE_PUNCT or folded[k] in SENTENCE_PUNCT), len(folded))
        for k in range(max(end, close - _FINAL_CLUSTER), close):
            found.update(name for name, patterns in lexicon.modality.items()
                         if patterns.longest(folded, k) == 1)
    for name in _MODALITY_ORDER:
        if name in found:
            return name
    return "asserted"


_RANK = {name: k for k, name in enumerate(_MODALITY_ORDER)}


def stronger(own: str, cued: str) -> str:
    """A trigger's own modality ("visitará", a future form: intended) and the one its cue words
    give: the stronger wins, so "não visitará" is negated without a negated twin of the form.
    An own "asserted" is the lexicon's word that cues do not apply ("nunca permitirá" warns)."""
    if not own:
        return cued
    if own == "asserted":
        return own
    return min(own, cued, key=lambda m: _RANK.get(m, len(_RANK)))


def threatened_relation(relation: str) -> tuple[str, str]:
    """The relation and modality of an act a threat announces: a sanction or a cut in
    relations is threatened sanctions (CAMEO 1312), force is a threat of force (138), any other
    hostile act a threat (130); a friendly one ("threatened to stop negotiations") is not
    meant, only held out: hypothetical."""
    rtype = ontology.get(relation)
    if rtype.plover == "THREATEN":
        return relation, "asserted"
    if rtype.plover == "SANCTION":
        return THREAT_OF_SANCTIONS, "asserted"
    if rtype.plover in ("ASSAULT", "MOBILIZE"):
        return THREAT_OF_FORCE, "asserted"
    if rtype.quad in ontology.CONFLICT_QUADS:
        return THREAT, "asserted"
    return relation, "hypothetical"
