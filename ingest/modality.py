"""The modality of a trigger from the cue words before it (or, in verb-final clauses, the
auxiliary after it): negation wins over hypothesis, hypothesis over intention."""

from __future__ import annotations

from geokg.ingest.groups import CLAUSE_PUNCT, SENTENCE_PUNCT
from geokg.ingest.lexicon import Lexicon

_MODALITY_ORDER = ("negated", "hypothetical", "intended")
_MODALITY_WINDOW = 5
_FINAL_CLUSTER = 2  # "… fortsetzen werde.": the words of a clause-final verb cluster


def clause_modality(folded: list[str], start: int, lexicon: Lexicon, end: int | None = None) -> str:
    lo = max(0, start - _MODALITY_WINDOW)
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
            if patterns.longest(folded, i):
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
