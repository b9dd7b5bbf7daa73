"""Ingestion: read articles, clean them, find actors and relations, and hand triples to a store."""
