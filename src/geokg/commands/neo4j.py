"""Neo4j commands: `cypher`, `load`, `browser`."""

from __future__ import annotations

import json
from collections.abc import Iterator

import click

from geokg.commands.common import current_store, fail, neo4j_store, parse_params, typed
from geokg.output import FORMATS, format_rows


@click.command()
@click.argument("text")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind $NAME to VALUE (repeatable); numbers are passed as numbers.")
@click.option("--write", is_flag=True, help="Run in a write transaction (CREATE, MERGE, SET …).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
def cypher(text: str, params: tuple[str, ...], write: bool, fmt: str) -> None:
    """Run ad-hoc Cypher on Neo4j (NEO4J_URI), in a read transaction unless --write."""
    import neo4j.exceptions

    bound = {k: typed(v) for k, v in parse_params(params).items()}
    store = neo4j_store()
    try:
        columns, rows = store.run_cypher(text, bound, write=write)
    except PermissionError as exc:
        fail(str(exc))
    except neo4j.exceptions.Neo4jError as exc:
        fail(f"Cypher: {(exc.message or str(exc)).splitlines()[0]}")
    finally:
        store.close()
    if not columns:  # a write without RETURN
        click.echo("done")
        return
    if fmt != "json":  # nodes, paths and lists as JSON text in a cell
        rows = [{k: json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v
                 for k, v in row.items()} for row in rows]
    click.echo(format_rows(rows, columns, fmt))


@click.command()
@click.option("--batch-size", type=click.IntRange(min=1), default=None,
              help="Claims per write transaction (default: the store's).")
def load(batch_size: int | None) -> None:
    """Copy the embedded store into Neo4j (NEO4J_URI); articles already there are skipped."""
    from geokg.graph.neo4j_store import ArticleRows
    from geokg.graph.transfer import article_rows

    embedded = current_store()  # no --store here: always the embedded store
    store = neo4j_store()
    try:
        if batch_size:
            store.batch_size = batch_size
        sizes: list[int] = []  # the claims of each article, in order: articles stream by

        def counted() -> Iterator[ArticleRows]:
            for item in article_rows(embedded):
                sizes.append(len(item.claims))
                yield item

        results = store.write_rows(counted())
        counts = store.stats()
    finally:
        store.close()
        embedded.close()
    new = [size for size, ok in zip(sizes, results, strict=True) if ok]
    click.echo(f"articles: {len(new)} new, {len(sizes) - len(new)} unchanged; relations added: "
               f"{sum(new)}")
    click.echo(f"neo4j: {counts['articles']} articles, {counts['actors']} actors, "
               f"{counts['relations']} relations")


@click.command()
@click.option("--url", help="The Browser's address (default: http://HOST:7474/browser/ with "
              "HOST from NEO4J_URI).")
def browser(url: str | None) -> None:
    """How to look at the graph in Neo4j Browser: its address, the style file, and the canned
    queries as Cypher ready to paste."""
    import os

    from geokg import config
    from geokg.graph.neo4j_schema import GRASS_FILE, browser_help, browser_url, write_grass

    bolt = os.environ.get("NEO4J_URI") or None
    grass_file = GRASS_FILE
    if not grass_file.is_file():  # an installed copy without the shipped file: make one
        grass_file = write_grass(config.home() / "geokg.grass")
    click.echo(browser_help(url or browser_url(bolt), bolt, grass_file))


COMMANDS = [cypher, load, browser]
