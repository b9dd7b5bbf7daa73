"""The geokg command line: thin click commands over the Python API.

The commands live in `geokg.commands`, one module per area; this module only gathers them
under the `geokg` group."""

from __future__ import annotations

import click

from geokg import __version__
from geokg.commands import analysis, evaluate, ingest, neo4j, query, rdf


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="geokg")
def main() -> None:
    """Turn news articles into a knowledge graph of geopolitical relations.

    Data is kept in the embedded store under $GEOKG_HOME (default ~/.local/share/geokg).
    """


for _module in (ingest, query, evaluate, rdf, analysis, neo4j):
    for _command in _module.COMMANDS:
        main.add_command(_command)


if __name__ == "__main__":
    main()
