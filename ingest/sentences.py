"""Sentence splitting and tokenisation with spaCy's rule-based pipelines (the language class
`spacy.blank` builds, with two tokenizer rules added): no model is downloaded, every supported
language works the same way."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH
from spacy.language import Language
from spacy.util import get_lang_class


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # character offsets in the article text
    end: int
    tokens: tuple[str, ...]
    token_starts: tuple[int, ...]  # offsets of the tokens relative to `start`


# A full stop after a closing quote or bracket is a token of its own in every language: the
# Arabic rules kept "التدخل»." whole, so the sentence ran on into the next one.
_CLOSING_STOP = r"(?<=[»”\"'\)\]])[.!?؟]"
# A hyphen after an abbreviation's full stop joins two names: "U.S.-China" is "U.S.", "-",
# "China" (the default rules split a hyphen only between letters)
_ABBREVIATION_HYPHEN = r"(?<=\.)[-–](?=[A-Z])"


@cache
def pipeline(language: str) -> Language:
    # The extra rules go into the language's defaults, so that the tokenizer is built once:
    # setting a rule on a built tokenizer reloads its special cases (16k of them for
    # Indonesian: seconds of start-up each time).
    base = get_lang_class(language)
    defaults = type("Defaults", (base.Defaults,), {
        "suffixes": [*(base.Defaults.suffixes or ()), _CLOSING_STOP],
        "infixes": [*(base.Defaults.infixes or ()), _ABBREVIATION_HYPHEN],
    })
    nlp = type(base.__name__, (base,), {"Defaults": defaults, "lang": language})()
    nlp.add_pipe("sentencizer")
    return nlp


@cache
def _punct_chars(language: str) -> frozenset[str]:
    return frozenset(pipeline(language).get_pipe("sentencizer").punct_chars)


_PARAGRAPH = re.compile(r"[^\n]+")
_TOKEN_ATTRS = [IDX, LENGTH, IS_SPACE, IS_PUNCT]


def split_sentences(text: str, language: str) -> list[Sentence]:
    """Sentences of `text`, never crossing a line break (headlines and datelines stand alone)."""
    tokenizer = pipeline(language).tokenizer
    punct = _punct_chars(language)
    sentences: list[Sentence] = []
    for paragraph in _PARAGRAPH.finditer(text):
        para = paragraph.group()
        if not para.strip():
            continue
        # Token attributes as one array, one list per attribute, and the sentencizer's rule
        # over them: a spaCy Token object (or a list) per word cost more than the rest of the
        # extraction, the list mostly in garbage collection.
        idxs, lengths, spaces, puncts = tokenizer(para).to_array(_TOKEN_ATTRS).T.tolist()
        for first, last in _sentence_bounds(para, idxs, lengths, puncts, punct):
            start_char = idxs[first]
            end_char = idxs[last - 1] + lengths[last - 1]
            span_text = para[start_char:end_char]
            sent_text = span_text.strip()
            if not sent_text:
                continue
            lead = start_char + len(span_text) - len(span_text.lstrip())
            start = paragraph.start() + lead
            words = [j for j in range(first, last) if not spaces[j]]
            sentences.append(
                Sentence(
                    sent_text, start, start + len(sent_text),
                    tuple(para[idxs[j]:idxs[j] + lengths[j]] for j in words),
                    tuple(idxs[j] - lead for j in words),
                )
            )
    return sentences


def _sentence_bounds(text: str, idxs: list[int], lengths: list[int], puncts: list[int],
                     punct: frozenset[str]) -> list[tuple[int, int]]:
    """Token ranges of the sentences, by spaCy's sentencizer rule: a sentence ends after a
    run of sentence-final punctuation, at the next token that is no punctuation."""
    bounds: list[tuple[int, int]] = []
    start, seen_final = 0, False
    for i, idx in enumerate(idxs):
        final = text[idx:idx + lengths[i]] in punct
        if seen_final and not puncts[i] and not final:
            bounds.append((start, i))
            start, seen_final = i, False
        elif final:
            seen_final = True
    if start < len(idxs):
        bounds.append((start, len(idxs)))
    return bounds
