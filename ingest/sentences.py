"""Sentence splitting and tokenisation with spaCy's rule-based pipelines (`spacy.blank`):
no model is downloaded, every supported language works the same way."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import spacy
from spacy.language import Language


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # character offsets in the article text
    end: int
    tokens: tuple[str, ...]
    token_starts: tuple[int, ...]  # offsets of the tokens relative to `start`


@cache
def pipeline(language: str) -> Language:
    nlp = spacy.blank(language)
    nlp.add_pipe("sentencizer")
    return nlp


_PARAGRAPH = re.compile(r"[^\n]+")


def split_sentences(text: str, language: str) -> list[Sentence]:
    """Sentences of `text`, never crossing a line break (headlines and datelines stand alone)."""
    nlp = pipeline(language)
    sentences: list[Sentence] = []
    for paragraph in _PARAGRAPH.finditer(text):
        if not paragraph.group().strip():
            continue
        doc = nlp(paragraph.group())
        for span in doc.sents:
            sent_text = span.text.strip()
            if not sent_text:
                continue
            lead = span.start_char + len(span.text) - len(span.text.lstrip())
            start = paragraph.start() + lead
            words = [t for t in span if not t.is_space]
            sentences.append(
                Sentence(
                    sent_text, start, start + len(sent_text),
                    tuple(t.text for t in words), tuple(t.idx - lead for t in words),
                )
            )
    return sentences
