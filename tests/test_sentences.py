"""Sentence splitting (spaCy's rule-based sentencizer over `spacy.blank` tokenizers)."""

from __future__ import annotations

import pytest

from geokg.ingest.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a full stop after a closing quote ends the sentence (the Arabic rules kept "»." on
        # the word before it)
        ("قال الوزير «نرفض التدخل». وأضاف أن الصين تدعم الحوار.", "ar",
         ["قال الوزير «نرفض التدخل».", "وأضاف أن الصين تدعم الحوار."]),
        ("وقال «نعم»؟ وأضاف أن تركيا ترحب (بالعرض). ثم غادر.", "ar",
         ["وقال «نعم»؟", "وأضاف أن تركيا ترحب (بالعرض).", "ثم غادر."]),
        ("Он сказал: «Мы против». Затем Россия ответила.", "ru",
         ["Он сказал: «Мы против».", "Затем Россия ответила."]),
        # a line break always ends one; abbreviations do not
        ("Headline without a stop\nDr. Smith met U.S. officials. They talked.", "en",
         ["Headline without a stop", "Dr. Smith met U.S. officials.", "They talked."]),
        ("中国外长表示欢迎。美国拒绝了提议！", "zh", ["中国外长表示欢迎。", "美国拒绝了提议！"]),
    ],
)
def test_sentence_bounds(text: str, language: str, expected: list[str]):
    assert [s.text for s in split_sentences(text, language)] == expected


def test_offsets_and_tokens_point_into_the_text():
    text = "قال «لا».  وأضاف أن مصر ترفض."
    for sentence in split_sentences(text, "ar"):
        assert text[sentence.start:sentence.end] == sentence.text
        for token, start in zip(sentence.tokens, sentence.token_starts, strict=True):
            assert sentence.text[start:start + len(token)] == token
    assert split_sentences(text, "ar")[0].tokens == ("قال", "«", "لا", "»", ".")
