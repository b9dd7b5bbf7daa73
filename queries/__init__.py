"""Canned queries: one definition per query, with a SPARQL and a Cypher form."""
