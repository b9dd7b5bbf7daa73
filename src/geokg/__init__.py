"""geokg: news articles in many languages -> a knowledge graph of geopolitical relations."""

__version__ = "0.1.0"

# Bumped whenever extraction output may change, so provenance says which rules made a triple.
EXTRACTOR_VERSION = "geokg-rules/0.4.0"
