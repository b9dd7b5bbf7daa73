"""The graph model: actors, articles, relations, the ontology, and the stores that hold them."""
