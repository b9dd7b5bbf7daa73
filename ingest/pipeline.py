"""The extraction pipeline, stage by stage: clean → language → date → sentences → mentions →
relations. Each stage is a plain function of its own module; this one only chains them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from geokg.graph.actors import ActorRegistry, default_registry
from geokg.graph.model import Article, Relation, article_id
from geokg.ingest.clean import clean_text
from geokg.ingest.dates import find_dateline
from geokg.ingest.extract import ArticleContext, extract_sentence, to_relation
from geokg.ingest.language import SUPPORTED, detect_language
from geokg.ingest.lexicon import load_lexicon
from geokg.ingest.mentions import Mention, find_mentions
from geokg.ingest.roles import learn_roles, role_mentions
from geokg.ingest.sentences import Sentence, split_sentences


@dataclass
class Extraction:
    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[list[Mention]] = field(default_factory=list)  # per sentence
    relations: list[Relation] = field(default_factory=list)


class UnsupportedLanguage(ValueError):
    pass


def extract_article(
    text: str,
    *,
    language: str | None = None,
    date: str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    registry: ActorRegistry | None = None,
) -> Extraction:
    """Everything geokg reads from one article. Metadata given by the caller wins over what
    is guessed from the text."""
    registry = registry or default_registry()
    language = language or detect_language(text)
    if language not in SUPPORTED:
        raise UnsupportedLanguage(f"language {language!r} is not supported (supported: "
                                  f"{', '.join(sorted(SUPPORTED))})")
    cleaned = clean_text(text, language)
    date = date or find_dateline(cleaned, language)
    article = Article(
        id=article_id(cleaned), text=cleaned, language=language, date=date,
        title=title or _first_line(cleaned), url=url, source=source,
    )
    result = Extraction(article)
    lexicon = load_lexicon(language)
    aliases: dict[tuple[str, ...], tuple[str, ...]] = {}
    for sentence in split_sentences(cleaned, language):
        mentions = role_mentions(sentence, find_mentions(sentence, language, date, registry),
                                 aliases)
        learn_roles(sentence, mentions, lexicon.titles, aliases)
        result.sentences.append(sentence)
        result.mentions.append(mentions)
    # Relations are read once all actors are known: the article's main actor is what a
    # condemnation without a named target is aimed at ("condemned the nuclear test").
    context = ArticleContext(topic=main_actor(result.mentions))
    for sentence, mentions in zip(result.sentences, result.mentions, strict=True):
        for candidate in extract_sentence(sentence, mentions, lexicon, context):
            result.relations.append(to_relation(candidate, sentence, article.id, date, language))
    return result


def main_actor(mentions: list[list[Mention]]) -> str | None:
    """The state named most often in the article, if it stands out (named at least three
    times, and more often than any other)."""
    counts = Counter(s for sentence in mentions for m in sentence for s in m.states)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _first_line(text: str) -> str | None:
    for line in text.split("\n"):
        if line.strip():
            return line.strip()[:300]
    return None
