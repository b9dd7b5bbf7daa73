"""Commands that ask the store or the vocabulary: `query`, `actors`, `stats`, `relations`."""

from __future__ import annotations

import json
from pathlib import Path

import click

from geokg.commands.common import PATH, current_store, fail, store_option
from geokg.output import FORMATS, format_rows


@click.command(short_help="Run a canned query (partners, relations, who, evidence …).")
@store_option
@click.argument("name", required=False)
@click.argument("args", nargs=-1)
@click.option("--list", "list_queries", is_flag=True, help="List the canned queries.")
@click.option("--by", type=click.Choice(["month", "year"]), help="timeline: the period.")
@click.option("--since", metavar="DATE", help="new: relations first seen after DATE.")
@click.option("--depth", metavar="N", help="ego: 1 (relations of ACTOR) or 2 (and its partners).")
@click.option("--top", metavar="N", help="dyads: how many pairs.")
@click.option("--kind", type=click.Choice(["all", "conflict", "cooperation"]),
              help="dyads: which relations count.")
@click.option("--plot", "plot_file", type=PATH, help="timeline: also draw it as a PNG chart.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
def query(name: str | None, args: tuple[str, ...], list_queries: bool, fmt: str,
          plot_file: Path | None, **options: str | None) -> None:
    """Run a canned query, e.g. `geokg query partners China`; `--list` shows them all.

    Actors may be given by code (CHN, IGO:UN) or by name in any supported language
    (China, Tiongkok, Китай). Only asserted and intended relations count as facts.
    """
    from geokg.queries.catalog import QueryError, catalog, get_query

    if list_queries or not name:
        rows = [{"query": q.name, "arguments": q.usage(), "description": q.description}
                for q in catalog().values()]
        click.echo(format_rows(rows, ["query", "arguments", "description"], fmt))
        return
    try:
        canned = get_query(name)
        params = canned.bind(list(args), options)
        if plot_file and name != "timeline":
            raise QueryError("--plot draws the timeline query only")
    except QueryError as exc:
        fail(str(exc))
    store = current_store()
    try:
        rows = store.run_canned(name, params)
    finally:
        store.close()
    click.echo(format_rows(rows, canned.columns, fmt))
    if plot_file:
        from geokg.plot import plot_timeline

        plot_timeline(rows, f"{params['actor']} – {params['other']}", plot_file)
        click.echo(f"chart written to {plot_file}", err=True)


@click.command()
@click.argument("text_or_file")
@click.option("--lang", help="The text's language (default: detected).")
@click.option("--date", help="The article's date, for leaders' terms of office (YYYY-MM-DD).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
def actors(text_or_file: str, lang: str | None, date: str | None, fmt: str) -> None:
    """Show the actors found in a text (or a file) and how each was resolved."""
    from geokg.ingest.pipeline import UnsupportedLanguage, extract_article
    from geokg.ingest.sources import read_text_file

    path = Path(text_or_file)
    text = text_or_file
    if path.is_file():
        try:
            text = read_text_file(path)
        except ValueError as exc:
            fail(f"{path}: {exc}")
    try:
        result = extract_article(text, language=lang, date=date)
    except UnsupportedLanguage as exc:
        fail(str(exc))
    rows = [
        {"sentence": n, "start": s.start + m.char_start, "end": s.start + m.char_end,
         "surface": m.surface, "actor": m.actor or "+".join(m.states), "state": "+".join(m.states),
         "kind": m.kind, "how": m.how}
        for n, (s, mentions) in enumerate(zip(result.sentences, result.mentions, strict=True), 1)
        for m in mentions
    ]
    columns = ["sentence", "start", "end", "surface", "actor", "state", "kind", "how"]
    click.echo(format_rows(rows, columns, fmt))


@click.command()
@store_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
def stats(fmt: str) -> None:
    """Counts of articles, actors and relations in the store."""
    store = current_store()
    try:
        counts = store.stats()
    finally:
        store.close()
    if fmt == "table":
        for key, value in counts.items():
            click.echo(f"{key}: {value}")
    elif fmt == "json":
        click.echo(json.dumps(counts))
    else:
        click.echo(format_rows([counts], list(counts), fmt))


@click.command("relations")
@click.option("--category", metavar="PLOVER", help="Only the types of one PLOVER category "
              "(AGREE, ASSAULT …) or CAMEO's APPEAL.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
def relation_vocabulary(category: str | None, fmt: str) -> None:
    """List the relation types geokg extracts, with their PLOVER category and mode, CAMEO code,
    Goldstein score and quad class: the names `geokg query who` and `evidence` take."""
    from geokg.graph.ontology import relation_types

    def group(t) -> str:  # CAMEO's APPEAL (02) has no PLOVER category
        return t.plover or ("APPEAL" if t.cameo_root == "02" else "")

    types = list(relation_types().values())
    if category:
        types = [t for t in types if group(t) == category.strip().upper()]
        if not types:
            known = sorted({group(t) for t in relation_types().values()} - {""})
            fail(f"unknown category {category!r}; known: {', '.join(known)}")
    rows = [{"relation": t.name, "plover": t.plover, "mode": t.plover_mode, "cameo": t.cameo,
             "goldstein": t.goldstein, "quad": t.quad, "symmetric": t.symmetric,
             "description": t.description} for t in types]
    click.echo(format_rows(rows, list(rows[0]) if rows else [], fmt))


COMMANDS = [query, actors, stats, relation_vocabulary]
