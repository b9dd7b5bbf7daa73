"""Regenerate graph/data/geokg-ontology.ttl from relation_types.tsv and relation_labels.tsv.

    python scripts/build_vocabulary.py [--check]

With --check nothing is written; the exit status is 1 when the shipped file is out of date."""

from __future__ import annotations

import argparse
import sys

from rdflib.compare import isomorphic

from geokg.graph.vocabulary import (
    ONTOLOGY_FILE,
    build_vocabulary,
    shipped_vocabulary,
    write_vocabulary,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="Only check that the shipped file matches the tables.")
    args = parser.parse_args(argv)
    if args.check:
        fresh = build_vocabulary()
        ok = ONTOLOGY_FILE.exists() and isomorphic(shipped_vocabulary(), fresh)
        print(f"{ONTOLOGY_FILE}: {'up to date' if ok else 'OUT OF DATE'} ({len(fresh)} triples)")
        return 0 if ok else 1
    path = write_vocabulary()
    print(f"wrote {path} ({len(shipped_vocabulary(path))} triples)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
