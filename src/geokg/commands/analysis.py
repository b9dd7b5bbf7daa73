"""Commands that look at the whole graph: `analyze` (networkx) and `viz` (HTML)."""

from __future__ import annotations

from pathlib import Path

import click

from geokg.commands.common import PATH, fail, store_claims, store_option
from geokg.output import FORMATS, format_rows


@click.command()
@store_option
@click.argument("analysis", type=click.Choice(["centrality", "blocs", "balance", "brokers"]))
@click.option("--weight", type=click.Choice(["goldstein", "count"]), default="goldstein",
              show_default=True, help="centrality: PageRank weight, sum of |Goldstein| or claims.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
def analyze(analysis: str, weight: str, fmt: str) -> None:
    """Network analysis of the factual relations: centrality, blocs, balance or brokers.

    Prints what the analysis does and finds, then its table (JSON and CSV print the rows only,
    so they can be piped).
    """
    from geokg.graph.analytics import ANALYSES

    claims = store_claims()
    options = {"weight": weight} if analysis == "centrality" else {}
    result = ANALYSES[analysis](claims, **options)
    if fmt == "table":
        import textwrap

        click.echo(textwrap.fill(result.explanation, width=100))
        click.echo()
    else:
        # The explanation goes to stderr so that stdout stays valid JSON/CSV.
        click.echo(result.explanation, err=True)
    click.echo(format_rows(result.rows, result.columns, fmt))


@click.command()
@store_option
@click.option("-o", "--output", type=PATH, default=Path("geokg-graph.html"), show_default=True,
              help="The HTML file to write.")
@click.option("--ego", metavar="ACTOR", help="Only ACTOR (code or name), its partners and the "
              "relations among them.")
@click.option("--since", metavar="DATE", help="Only relations dated on or after DATE (YYYY-MM-DD).")
def viz(output: Path, ego: str | None, since: str | None) -> None:
    """Write an interactive picture of the graph: one self-contained HTML file that works offline.

    Nodes are actors (circle: state, square: IGO, diamond: person); a line joins two actors
    with factual relations, green for net cooperation and red for net conflict. Hover shows
    relation types, counts and an evidence sentence.
    """
    import datetime as dt

    from geokg.graph.actors import default_registry
    from geokg.viz import write_html

    code = None
    if ego:
        code = default_registry().resolve(ego)
        if not code:
            fail(f"unknown actor {ego!r}")
    if since:
        try:
            dt.date.fromisoformat(since)
        except ValueError:
            fail(f"--since takes a date YYYY-MM-DD, not {since!r}")
    try:
        graph = write_html(output, store_claims(), ego=code, since=since)
    except ValueError as exc:
        fail(str(exc))
    click.echo(f"wrote {output} ({graph.number_of_nodes()} actors, "
               f"{graph.number_of_edges()} dyads)")


COMMANDS = [analyze, viz]
