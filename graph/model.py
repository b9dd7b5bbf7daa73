"""The data model shared by extraction, the stores and the queries."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import asdict, dataclass, field

MODALITIES = ("asserted", "intended", "negated", "hypothetical")
# Relations with these modalities are stored and shown on request, but never counted as facts.
FACTUAL_MODALITIES = ("asserted", "intended")


def normalise_text(text: str) -> str:
    """The form of an article's text its id is computed from: NFC, unified newlines, no
    trailing spaces, so that the same article saved twice gets the same id."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.replace("\u00a0", " ").strip() for line in text.split("\n")]
    return "\n".join(lines).strip()


def article_id(text: str) -> str:
    """The stable id of an article: a hash of its normalised text."""
    digest = hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()
    return f"a{digest[:16]}"


@dataclass(frozen=True)
class Actor:
    id: str  # ISO 3166-1 alpha-3, IGO:NAME or PER:...
    kind: str  # state | igo | person
    name: str  # English display name
    qid: str = ""  # Wikidata QID, empty when unknown
    state: str = ""  # for a person: the state (or IGO) they act for on the article's date

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Article:
    id: str
    text: str  # the cleaned text that sentences and offsets refer to
    language: str
    date: str | None = None  # ISO date
    title: str | None = None
    url: str | None = None
    source: str | None = None  # where it was read from: a path, URL or record id

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Evidence:
    article_id: str
    sentence: str
    start: int  # character offsets of the sentence in Article.text
    end: int
    date: str | None
    language: str
    extractor: str


@dataclass
class Relation:
    source: str  # actor id (state level)
    relation: str  # ontology relation type, e.g. COOPERATES_WITH
    target: str
    modality: str
    confidence: float
    evidence: Evidence
    symmetric: bool = False
    plover: str = ""
    cameo: str = ""
    cameo_root: str = ""
    quad: str = ""
    goldstein: float = 0.0
    trigger: str = ""  # the words that expressed the relation
    source_mention: str = ""  # the surface forms the actors were found as
    target_mention: str = ""
    id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.id:
            self.id = relation_id(
                self.evidence.article_id, self.evidence.start, self.source, self.relation,
                self.target,
            )

    def to_dict(self) -> dict:
        return asdict(self)


def relation_id(article: str, sentence_start: int, source: str, relation: str, target: str) -> str:
    """A stable id for one relation in one sentence: re-extraction gives the same id."""
    key = f"{article}|{sentence_start}|{source}|{relation}|{target}"
    return "r" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
