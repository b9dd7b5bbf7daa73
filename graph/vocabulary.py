"""The geokg vocabulary as a small OWL/RDFS ontology, generated from the relation ontology.

`build_vocabulary()` derives every term from `relation_types.tsv` (codings, symmetry,
description) and `relation_labels.tsv` (labels in the supported languages), so the shipped
`graph/data/geokg-ontology.ttl` can always be regenerated and checked against the tables
(`python scripts/build_vocabulary.py`; a test fails when the two drift apart)."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from rdflib import DCTERMS, OWL, PROV, RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef

from geokg.graph import ontology
from geokg.graph.rdf_model import BASE, GEOKG

DATA = Path(__file__).parent / "data"
RELATION_LABELS_FILE = DATA / "relation_labels.tsv"
ONTOLOGY_FILE = DATA / "geokg-ontology.ttl"
ONTOLOGY_IRI = URIRef(BASE + "ontology")
LANGUAGES = ("id", "en", "es", "fr", "de", "pt", "ru", "pl", "ar", "zh")
VERSION = "0.1.0"

_VANN = Namespace("http://purl.org/vocab/vann/")

# Class -> (label, comment, superclass)
_CLASSES: dict[str, tuple[str, str, URIRef | None]] = {
    "Actor": ("actor", "A party to geopolitical relations: a state, an international "
              "organisation or a person acting for one.", None),
    "State": ("state", "A sovereign state (ISO 3166-1 alpha-3 code).", GEOKG.Actor),
    "IGO": ("international organisation", "An intergovernmental organisation or alliance.",
            GEOKG.Actor),
    "Person": ("person", "A leader or official, who acts for a state or organisation.",
               GEOKG.Actor),
    "Article": ("article", "A news article; its statements form a named graph whose name is "
                "the article's IRI.", PROV.Entity),
    "Claim": ("claim", "One relation read from one sentence of an article, with its evidence, "
              "modality and confidence.", PROV.Entity),
    # The summary graph (graph/rdf_summary.py): derived from the claims, never exported.
    "Dyad": ("dyad", "An ordered pair of actors with claims between them, in the derived "
             "summary graph.", None),
    "RelationSummary": ("relation summary", "The factual claims of one dyad with one relation "
                        "type: count, Goldstein sum, first and last date.", None),
    "PairSummary": ("pair summary", "The factual claims of one dyad of one kind (cooperation "
                    "or conflict): count, Goldstein sum, first and last date.", None),
}

# Object properties: name -> (label, comment, domain or None for several, range, super-property)
_OBJECT_PROPERTIES: dict[str, tuple[str, str, URIRef | None, URIRef | None, URIRef | None]] = {
    "subject": ("subject", "The actor the relation goes from.", GEOKG.Claim, GEOKG.Actor, None),
    "object": ("object", "The actor the relation goes to.", GEOKG.Claim, GEOKG.Actor, None),
    "relation": ("relation", "The relation type of the claim: one of the relation properties "
                 "of this ontology.", GEOKG.Claim, OWL.ObjectProperty, None),
    "article": ("article", "The article the claim was read from.", GEOKG.Claim, GEOKG.Article,
                PROV.wasDerivedFrom),
    "dyad": ("dyad", "The dyad a summary row belongs to.", None, GEOKG.Dyad, None),
    "dyadSource": ("dyad source", "The actor the dyad's claims go from.", GEOKG.Dyad,
                   GEOKG.Actor, None),
    "dyadTarget": ("dyad target", "The actor the dyad's claims go to.", GEOKG.Dyad, GEOKG.Actor,
                   None),
    "dyadClaim": ("dyad claim", "A claim of the dyad, of any modality.", GEOKG.Dyad,
                  GEOKG.Claim, None),
    "relationSource": ("relation source", "The actor the summarised relations go from.",
                       GEOKG.RelationSummary, GEOKG.Actor, None),
    "relationTarget": ("relation target", "The actor the summarised relations go to.",
                       GEOKG.RelationSummary, GEOKG.Actor, None),
    "pairSource": ("pair source", "The actor the summarised claims go from.", GEOKG.PairSummary,
                   GEOKG.Actor, None),
    "pairTarget": ("pair target", "The actor the summarised claims go to.", GEOKG.PairSummary,
                   GEOKG.Actor, None),
    "linkedTo": ("linked to", "The two actors have a factual claim between them, either way.",
                 GEOKG.Actor, GEOKG.Actor, None),
}

# Datatype properties: name -> (label, comment, domain or None for several, range)
_DATA_PROPERTIES: dict[str, tuple[str, str, URIRef | None, URIRef]] = {
    "claimId": ("claim id", "The claim's stable id (a hash of article, sentence, actors and "
                "relation).", GEOKG.Claim, XSD.string),
    "relationName": ("relation name", "The relation type's name (SELLS_ARMS_TO).", None,
                     XSD.string),
    "modality": ("modality", "asserted, intended, negated or hypothetical; only asserted and "
                 "intended claims count as facts.", GEOKG.Claim, XSD.string),
    "confidence": ("confidence", "The extractor's confidence in the claim, 0..1.", GEOKG.Claim,
                   XSD.double),
    "symmetric": ("symmetric", "True when the relation holds both ways (MEETS, TRADES_WITH).",
                  GEOKG.Claim, XSD.boolean),
    "sentence": ("evidence sentence", "The sentence the claim was read from.", GEOKG.Claim,
                 XSD.string),
    "start": ("start offset", "Character offset of the sentence's start in the article's "
              "cleaned text.", GEOKG.Claim, XSD.integer),
    "end": ("end offset", "Character offset just after the sentence's end.", GEOKG.Claim,
            XSD.integer),
    "trigger": ("trigger", "The words that expressed the relation.", GEOKG.Claim, XSD.string),
    "extractor": ("extractor version", "The extractor that read the claim.", GEOKG.Claim,
                  XSD.string),
    "language": ("language", "ISO 639-1 code of the article's (or evidence's) language.", None,
                 XSD.string),
    "date": ("date", "The date of the article (or of the reported event).", None, XSD.date),
    "articleId": ("article id", "The article's stable id (a hash of its normalised text).",
                  GEOKG.Article, XSD.string),
    "title": ("title", "The article's title.", GEOKG.Article, XSD.string),
    "url": ("url", "Where the article was published.", GEOKG.Article, XSD.string),
    "source": ("source", "Where the article was read from: a path, URL or record id.",
               GEOKG.Article, XSD.string),
    "ingestedAt": ("ingested at", "When the article was stored.", GEOKG.Article, XSD.dateTime),
    "origin": ("origin", "Where this version of the article was read from (a file URI, a URL, "
               "or a JSONL file URI with #record-id): a later text from the same origin "
               "replaces it.", GEOKG.Article, XSD.string),
    "code": ("code", "The actor's code: ISO 3166-1 alpha-3, IGO:NAME or PER:NAME.",
             GEOKG.Actor, XSD.string),
    "quadKind": ("quad kind", "cooperation or conflict: the kind of a pair summary's claims.",
                 GEOKG.PairSummary, XSD.string),
    "claimCount": ("claim count", "How many factual claims a summary row counts.", None,
                   XSD.integer),
    "goldsteinSum": ("Goldstein sum", "The exact sum of the Goldstein scores of a summary "
                     "row's claims.", None, XSD.decimal),
    "firstDate": ("first date", "The earliest date among a summary row's claims.", None,
                  XSD.date),
    "lastDate": ("last date", "The latest date among a summary row's claims.", None, XSD.date),
    "evidence": ("evidence", "The first evidence sentence (in code-point order) of a summary "
                 "row's claims.", None, XSD.string),
    "summaryVersion": ("summary version", "The shape of the summary graph; another version is "
                       "rebuilt when the store is opened.", None, XSD.string),
}

# Annotation properties: on relation properties (their coding) and on claims (the coding the
# claim was given once its modality was known). Annotation properties so that OWL 2 DL allows
# both uses.
_ANNOTATION_PROPERTIES: dict[str, tuple[str, str, URIRef]] = {
    "plover": ("PLOVER category", "PLOVER event category (AGREE, COOPERATE …); empty for "
               "CAMEO 02 APPEAL.", XSD.string),
    "ploverMode": ("PLOVER mode", "A PLOVER mode of the category (visit, phone …).", XSD.string),
    "cameo": ("CAMEO code", "The most specific CAMEO code of an asserted event of this type.",
              XSD.string),
    "cameoRoot": ("CAMEO root", "The CAMEO root code (first two digits).", XSD.string),
    "goldstein": ("Goldstein score", "GDELT Goldstein value of the CAMEO code (-10 .. 10).",
                  XSD.double),
    "quad": ("quad class", "verbal_cooperation, material_cooperation, verbal_conflict or "
             "material_conflict.", XSD.string),
}


@cache
def relation_labels(path: Path = RELATION_LABELS_FILE) -> dict[str, dict[str, str]]:
    """relation -> language -> label, from relation_labels.tsv (lines with # are comments)."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    return {
        row["relation"]: {lang: (row.get(lang) or "").strip() for lang in LANGUAGES}
        for row in rows
    }


def build_vocabulary() -> Graph:
    """The whole ontology as an rdflib Graph, fresh from the data tables."""
    g = Graph()
    for prefix, ns in (("geokg", GEOKG), ("owl", OWL), ("rdfs", RDFS), ("xsd", XSD),
                       ("prov", PROV), ("dcterms", DCTERMS), ("vann", _VANN)):
        g.bind(prefix, ns)
    g.add((ONTOLOGY_IRI, RDF.type, OWL.Ontology))
    g.add((ONTOLOGY_IRI, RDFS.label, Literal("geokg ontology", lang="en")))
    g.add((ONTOLOGY_IRI, RDFS.comment, Literal(
        "Actors, articles, claims and typed geopolitical relations of the geokg knowledge "
        "graph. Relation types are coded in PLOVER, CAMEO, Goldstein and quad class; the "
        "relation table draws on PLOVER and is shared under CC BY-SA 4.0.", lang="en")))
    g.add((ONTOLOGY_IRI, OWL.versionInfo, Literal(VERSION)))
    g.add((ONTOLOGY_IRI, DCTERMS.license,
           URIRef("https://creativecommons.org/licenses/by-sa/4.0/")))
    g.add((ONTOLOGY_IRI, _VANN.preferredNamespacePrefix, Literal("geokg")))
    g.add((ONTOLOGY_IRI, _VANN.preferredNamespaceUri, Literal(str(GEOKG))))

    for name, (label, comment, parent) in _CLASSES.items():
        cls = GEOKG[name]
        g.add((cls, RDF.type, OWL.Class))
        g.add((cls, RDFS.label, Literal(label, lang="en")))
        g.add((cls, RDFS.comment, Literal(comment, lang="en")))
        g.add((cls, RDFS.isDefinedBy, ONTOLOGY_IRI))
        if parent is not None:
            g.add((cls, RDFS.subClassOf, parent))

    for name, (label, comment, domain, range_, parent) in _OBJECT_PROPERTIES.items():
        prop = _declare(g, GEOKG[name], OWL.ObjectProperty, label, comment)
        if domain is not None:
            g.add((prop, RDFS.domain, domain))
        if range_ is not None:
            g.add((prop, RDFS.range, range_))
        if parent is not None:
            g.add((prop, RDFS.subPropertyOf, parent))

    for name, (label, comment, domain, range_) in _DATA_PROPERTIES.items():
        prop = _declare(g, GEOKG[name], OWL.DatatypeProperty, label, comment)
        if domain is not None:
            g.add((prop, RDFS.domain, domain))
        g.add((prop, RDFS.range, range_))

    for name, (label, comment, range_) in _ANNOTATION_PROPERTIES.items():
        prop = _declare(g, GEOKG[name], OWL.AnnotationProperty, label, comment)
        g.add((prop, RDFS.range, range_))

    labels = relation_labels()
    for rt in ontology.relation_types().values():
        prop = GEOKG[rt.name]
        g.add((prop, RDF.type, OWL.ObjectProperty))
        if rt.symmetric:
            g.add((prop, RDF.type, OWL.SymmetricProperty))
        g.add((prop, RDFS.domain, GEOKG.Actor))
        g.add((prop, RDFS.range, GEOKG.Actor))
        g.add((prop, RDFS.isDefinedBy, ONTOLOGY_IRI))
        g.add((prop, RDFS.comment, Literal(rt.description, lang="en")))
        for lang, label in labels.get(rt.name, {}).items():
            if label:
                g.add((prop, RDFS.label, Literal(label, lang=lang)))
        for ann, value in (
            (GEOKG.plover, rt.plover), (GEOKG.ploverMode, rt.plover_mode),
            (GEOKG.cameo, rt.cameo), (GEOKG.cameoRoot, rt.cameo_root), (GEOKG.quad, rt.quad),
        ):
            if value:
                g.add((prop, ann, Literal(value)))
        g.add((prop, GEOKG.goldstein, Literal(rt.goldstein, datatype=XSD.double)))
    return g


def _declare(g: Graph, prop: URIRef, kind: URIRef, label: str, comment: str) -> URIRef:
    g.add((prop, RDF.type, kind))
    g.add((prop, RDFS.label, Literal(label, lang="en")))
    g.add((prop, RDFS.comment, Literal(comment, lang="en")))
    g.add((prop, RDFS.isDefinedBy, ONTOLOGY_IRI))
    return prop


def vocabulary_turtle() -> str:
    """The ontology as Turtle, as shipped in graph/data/geokg-ontology.ttl."""
    header = ("# The geokg ontology. Generated by scripts/build_vocabulary.py from "
              "graph/data/relation_types.tsv\n# and graph/data/relation_labels.tsv: edit "
              "those and regenerate, never this file. CC BY-SA 4.0.\n")
    return header + build_vocabulary().serialize(format="turtle")


def write_vocabulary(path: Path = ONTOLOGY_FILE) -> Path:
    path.write_text(vocabulary_turtle(), encoding="utf-8")
    return path


def shipped_vocabulary(path: Path = ONTOLOGY_FILE) -> Graph:
    """The ontology as shipped (for loading into a store or a reasoner)."""
    return Graph().parse(path, format="turtle")
