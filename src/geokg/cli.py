"""The geokg command line: thin click commands over the Python API."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from geokg import __version__
from geokg.output import FORMATS, format_rows

EXIT_INPUT_FAILED = 3  # some inputs of a batch could not be ingested (the rest were)
_PATH = click.Path(path_type=Path)


def _fail(message: str, code: int = 2) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


def _open_store():
    from geokg.stores import StoreError, open_embedded, open_store

    # Commands with --store (see _store_option) choose; the others use the embedded store.
    ctx = click.get_current_context(silent=True)
    kind = ctx.meta.get("geokg.store") if ctx else None
    try:
        return open_store(kind) if kind else open_embedded()
    except StoreError as exc:
        _fail(str(exc))


def _store_option(command):
    """Add `--store [embedded|neo4j]` to a command: its _open_store() calls open that store
    (default: neo4j when NEO4J_URI is set, else embedded). A decorator, so that the commands'
    bodies stay as they are."""
    import functools

    from geokg.stores import STORE_KINDS

    @functools.wraps(command)
    def wrapper(*args, store_kind: str | None = None, **kwargs):
        from geokg.stores import default_store_kind

        click.get_current_context().meta["geokg.store"] = store_kind or default_store_kind()
        return command(*args, **kwargs)

    return click.option("--store", "store_kind", type=click.Choice(STORE_KINDS), default=None,
                        help="Which store: embedded or neo4j (default: neo4j when NEO4J_URI "
                             "is set, else embedded).")(wrapper)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="geokg")
def main() -> None:
    """Turn news articles into a knowledge graph of geopolitical relations.

    Data is kept in the embedded store under $GEOKG_HOME (default ~/.local/share/geokg).
    """


@main.command()
@_store_option
@click.argument("inputs", nargs=-1, metavar="[PATH|URL|-]...")
@click.option("--glob", default="**/*", show_default=True, help="Files to read in folders.")
@click.option("--feed", "feeds", multiple=True, metavar="URL|FILE",
              help="An RSS or Atom feed: every item's page is fetched and ingested, except "
                   "those already ingested (repeatable). Feeds given as inputs are detected.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=20.0, show_default=True,
              help="Seconds to wait for a web server.")
@click.option("--report", type=_PATH, metavar="FILE",
              help='Write every failure as a JSONL record {"input", "reason"}.')
@click.option("-q", "--quiet", is_flag=True,
              help="No progress bar, notes or summary; only error lines.")
@click.option("--workers", type=click.IntRange(min=0), default=None, metavar="N",
              help="Extraction processes; 0: all cores (default 1; with --dask local: all "
                   "cores). The store is written by this process alone, in input order.")
@click.option("--dask", "dask_address", metavar="ADDRESS|local",
              help="Extract on a Dask cluster: a scheduler's address (tcp://host:8786) or "
                   "`local` for a cluster of --workers processes on this machine. Needs "
                   "geokg[distributed].")
def ingest(inputs: tuple[str, ...], glob: str, feeds: tuple[str, ...], timeout: float,
           report: Path | None, quiet: bool, workers: int | None,
           dask_address: str | None) -> None:
    """Ingest articles: text, HTML and JSONL files, folders of them, web pages (URLs), RSS or
    Atom feeds, or `-` for standard input (one article, or JSONL records).

    Prints one `error: INPUT: REASON` line per input that failed and a summary. Exit status 3
    when some inputs failed (the others are stored all the same).
    """
    import contextlib

    from geokg.ingest.batch import count_inputs, has_url, store_outcomes
    from geokg.ingest.fetch import Fetcher
    from geokg.ingest.parallel import extract_parallel
    from geokg.ingest.sources import Reader

    if not inputs and not feeds:
        raise click.UsageError("give at least one PATH, URL, - (standard input) or --feed")
    show_bar = not quiet and sys.stderr.isatty()
    total = count_inputs(inputs, feeds, glob) if show_bar else None
    with contextlib.ExitStack() as stack:
        client = _dask_client(stack, dask_address, workers) if dask_address else None
        store = _open_store()
        stack.callback(store.close)
        reader = Reader(glob=glob, fetcher=Fetcher(timeout=timeout),
                        seen_url=lambda url: has_url(store, url),
                        stdin=getattr(sys.stdin, "buffer", None))
        items = _with_notes(reader.read(inputs, feeds), quiet)
        if client is not None:
            from geokg.ingest.distributed import extract_on_dask

            outcomes = extract_on_dask(items, client)
        else:
            outcomes = extract_parallel(items, 1 if workers is None else workers)
        with _progress(outcomes, show_bar, total) as shown:
            summary = store_outcomes(
                store, shown, on_error=lambda e: click.echo(f"error: {e}", err=True),
            )
    if report:
        _write_report(report, summary.failures)
    if not quiet:
        click.echo(summary.line())
    if summary.failed:
        sys.exit(EXIT_INPUT_FAILED)


def _with_notes(items, quiet: bool):
    """Pass documents on, telling the user on stderr about any that carry a note."""
    for item in items:
        note = getattr(item, "note", None)
        if note and not quiet:
            click.echo(f"note: {item.source}: {note}", err=True)
        yield item


def _dask_client(stack, address: str, workers: int | None):
    """A Dask client (and a LocalCluster for `local`), closed when `stack` closes."""
    from geokg.ingest.distributed import DaskUnavailable, dask_client

    try:
        return stack.enter_context(dask_client(address, 0 if workers is None else workers))
    except DaskUnavailable as exc:
        _fail(str(exc))
    except OSError as exc:  # no scheduler at that address (distributed raises OSError)
        _fail(f"cannot reach the Dask scheduler at {address}: {exc}")


def _progress(outcomes, show: bool, total: int | None = None):
    """A progress bar on stderr, only for a person watching a terminal: articles written,
    articles/s, and an ETA when the number of inputs is known. It counts what the writer
    has stored, not what was sent to the workers."""
    import contextlib
    import time

    if not show:
        return contextlib.nullcontext(outcomes)
    start = time.monotonic()
    done = 0

    def counted():
        nonlocal done
        for outcome in outcomes:
            done += 1
            yield outcome

    def status(outcome) -> str | None:
        if outcome is None:
            return None
        rate = done / max(time.monotonic() - start, 1e-6)
        return f"{rate:.1f} articles/s  {str(getattr(outcome, 'source', ''))[-40:]}"

    return click.progressbar(counted(), length=total, label="ingesting", file=sys.stderr,
                             show_pos=True, show_eta=total is not None, item_show_func=status)


def _write_report(path: Path, failures) -> None:
    try:
        with path.open("w", encoding="utf-8") as handle:
            for failure in failures:
                handle.write(json.dumps({"input": failure.source, "reason": failure.reason},
                                        ensure_ascii=False) + "\n")
    except OSError as exc:
        _fail(f"{path}: cannot write the report ({exc.strerror or exc})", EXIT_INPUT_FAILED)


@main.command()
@click.argument("input_file", default="-", type=click.File("r", encoding="utf-8"))
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Where to write the JSONL results (default: standard output).")
def extract(input_file, output) -> None:
    """Extract relations from JSONL records {"id", "text", "lang"?, "date"?}; store nothing.

    Writes one JSONL record {"id", "events": [...]} per input record.
    """
    from geokg.ingest.records import extract_record

    for number, line in enumerate(input_file, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            _fail(f"line {number}: invalid JSON ({exc.msg})")
        output.write(json.dumps(extract_record(record), ensure_ascii=False) + "\n")


@main.command(name="eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@click.option("--pred-out", type=_PATH, help="Write the scored predictions (JSONL) here.")
def eval_command(gold: tuple[Path, ...], fmt: str, pred_out: Path | None) -> None:
    """Score extraction against gold JSONL files: TP/FP/FN, precision, recall and F1 at
    L1 (pair), L2 (pair + quad class) and L3 (pair + CAMEO root), per language and per file."""
    from geokg.evaluation_run import evaluate_files

    report, details = evaluate_files(list(gold))
    if pred_out:
        with pred_out.open("w", encoding="utf-8") as handle:
            for item in details:
                handle.write(json.dumps(item, ensure_ascii=False) + "\n")
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), indent=2))
    else:
        click.echo(report.format_table())


@main.command(short_help="Run a canned query (partners, relations, who, evidence …).")
@_store_option
@click.argument("name", required=False)
@click.argument("args", nargs=-1)
@click.option("--list", "list_queries", is_flag=True, help="List the canned queries.")
@click.option("--by", type=click.Choice(["month", "year"]), help="timeline: the period.")
@click.option("--since", metavar="DATE", help="new: relations first seen after DATE.")
@click.option("--depth", metavar="N", help="ego: 1 (relations of ACTOR) or 2 (and its partners).")
@click.option("--top", metavar="N", help="dyads: how many pairs.")
@click.option("--kind", type=click.Choice(["all", "conflict", "cooperation"]),
              help="dyads: which relations count.")
@click.option("--plot", "plot_file", type=_PATH, help="timeline: also draw it as a PNG chart.")
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
        _fail(str(exc))
    store = _open_store()
    try:
        rows = store.run_canned(name, params)
    finally:
        store.close()
    click.echo(format_rows(rows, canned.columns, fmt))
    if plot_file:
        from geokg.plot import plot_timeline

        plot_timeline(rows, f"{params['actor']} – {params['other']}", plot_file)
        click.echo(f"chart written to {plot_file}", err=True)


def _parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.isidentifier():
            _fail(f"--param takes NAME=VALUE, not {pair!r}")
        params[key] = value
    return params


@main.command()
@click.argument("text")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to a literal VALUE (repeatable); <https://…> binds an IRI.")
@click.option("--write", is_flag=True, help="Allow a SPARQL update (INSERT, DELETE, DROP …).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
def sparql(text: str, params: tuple[str, ...], write: bool, fmt: str) -> None:
    """Run ad-hoc SPARQL on the embedded store, read-only unless --write.

    The prefixes geokg: and rdfs: are predefined; the default graph is the union of all
    article graphs. --param NAME=VALUE binds ?NAME throughout the WHERE clause.
    """
    from rdflib import XSD, Literal, URIRef

    def cell(term):
        # The term's text; in JSON, numbers and booleans as JSON numbers and booleans.
        if term is None:
            return None
        if fmt == "json" and isinstance(term, Literal) and term.datatype in (
            XSD.integer, XSD.int, XSD.long, XSD.decimal, XSD.double, XSD.float, XSD.boolean,
        ):
            value = term.toPython()
            if isinstance(value, bool | int | float):
                return value
        return str(term)

    bound = {
        k: URIRef(v[1:-1]) if v.startswith("<") and v.endswith(">") else Literal(v)
        for k, v in _parse_params(params).items()
    }
    store = _open_store()
    try:
        result = store.run_sparql(text, bound, write=write)
    except PermissionError as exc:
        _fail(str(exc))
    except (SyntaxError, ValueError) as exc:
        _fail(f"SPARQL: {str(exc).splitlines()[0]}")
    finally:
        store.close()
    if result is None:
        click.echo("update done")
    elif result.type == "ASK":
        click.echo("true" if result.askAnswer else "false")
    elif result.type == "SELECT":
        columns = [str(v) for v in result.vars or []]
        rows = [{c: cell(row[i]) for i, c in enumerate(columns)} for row in result]
        click.echo(format_rows(rows, columns, fmt))
    else:
        from rdflib import Graph

        # Oxigraph types plain strings xsd:string explicitly; print them as plain literals.
        graph = Graph()
        for prefix, namespace in result.graph.namespaces():
            graph.bind(prefix, namespace)
        for s, p, o in result.graph:
            plain = isinstance(o, Literal) and o.datatype == XSD.string
            graph.add((s, p, Literal(str(o)) if plain else o))
        click.echo(graph.serialize(format="turtle").rstrip("\n"))


_RDF_FORMATS = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "jsonld": "json-ld",
                "xml": "xml"}
_RDF_SUFFIXES = {".ttl": "turtle", ".trig": "trig", ".nq": "nquads", ".jsonld": "json-ld",
                 ".json": "json-ld", ".rdf": "xml", ".xml": "xml", ".nt": "nt"}


_GRAPH_FORMATS = ("graphml", "gexf", "neo4j-import")


@main.command()
@click.option("--format", "fmt", type=click.Choice([*_RDF_FORMATS, *_GRAPH_FORMATS]),
              default="trig", show_default=True,
              help="RDF (turtle and xml flatten the named graphs), GraphML or GEXF for Gephi, "
                   "or the CSV files of `neo4j-admin database import` (-o names a folder).")
@click.option("-o", "--output", type=_PATH, help="Write to this file (default: standard output).")
def export(fmt: str, output: Path | None) -> None:
    """Export the embedded store as RDF, as a graph file, or as Neo4j import files."""
    if fmt in _GRAPH_FORMATS:
        _export_graph(fmt, output)
        return
    if output and not output.parent.is_dir():
        _fail(f"{output}: no such directory {output.parent}")
    store = _open_store()
    try:
        # Streamed by Oxigraph straight to the file (or stdout): a large store is never
        # built up as one string.
        if output:
            store.export_to(output, _RDF_FORMATS[fmt])
        else:
            stdout = sys.stdout.buffer
            store.export_to(stdout, _RDF_FORMATS[fmt])
            stdout.flush()
    except BrokenPipeError:
        # `geokg export | head`: the reader left; stop quietly, as cat does.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    except OSError as exc:
        _fail(f"{output or 'stdout'}: {exc.strerror or exc}")
    finally:
        store.close()


def _export_graph(fmt: str, output: Path | None) -> None:
    if output is None:
        _fail(f"--format {fmt} needs -o ({'a folder' if fmt == 'neo4j-import' else 'a file'})")
    store = _open_store()
    try:
        if fmt == "neo4j-import":
            from geokg.graph.neo4j_import import import_instructions, write_neo4j_import

            paths = write_neo4j_import(store, output)
            click.echo(import_instructions(paths))
            return
        import networkx as nx

        from geokg.graph.network import exchange_graph

        graph = exchange_graph(store.claims())
        (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(graph, output)
        click.echo(f"wrote {graph.number_of_nodes()} actors and {graph.number_of_edges()} "
                   f"relations to {output}")
    except OSError as exc:
        _fail(f"{output}: {exc.strerror or exc}")
    finally:
        store.close()


@main.command(name="import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(sorted(set(_RDF_SUFFIXES.values()))),
              help="The file's RDF format (default: from its extension).")
def import_command(file: Path, fmt: str | None) -> None:
    """Import an RDF file (e.g. one written by `geokg export`) into the embedded store.

    Named graphs are kept; triples outside any graph go into a graph named by the file's URI.
    The file is read as a stream and stored in one transaction: all of it or, on an error,
    nothing."""
    fmt = fmt or _RDF_SUFFIXES.get(file.suffix.lower())
    if not fmt:
        _fail(f"{file}: unknown RDF format; give --format")
    store = _open_store()
    try:
        count = store.import_file(file, fmt, file.resolve().as_uri())
    except OSError as exc:
        _fail(f"{file}: {exc.strerror or exc}")
    except Exception as exc:  # noqa: BLE001 - any parser error is the file's fault
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        _fail(f"{file}: not valid {fmt} ({reason})")
    finally:
        store.close()
    click.echo(f"imported {count} statements from {file}")


@main.command()
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
            _fail(f"{path}: {exc}")
    try:
        result = extract_article(text, language=lang, date=date)
    except UnsupportedLanguage as exc:
        _fail(str(exc))
    rows = [
        {"sentence": n, "start": s.start + m.char_start, "end": s.start + m.char_end,
         "surface": m.surface, "actor": m.actor or "+".join(m.states), "state": "+".join(m.states),
         "kind": m.kind, "how": m.how}
        for n, (s, mentions) in enumerate(zip(result.sentences, result.mentions, strict=True), 1)
        for m in mentions
    ]
    columns = ["sentence", "start", "end", "surface", "actor", "state", "kind", "how"]
    click.echo(format_rows(rows, columns, fmt))


@main.command()
@_store_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
def stats(fmt: str) -> None:
    """Counts of articles, actors and relations in the store."""
    store = _open_store()
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


def _store_claims() -> list[dict]:
    store = _open_store()
    try:
        return store.claims(factual_only=True)
    finally:
        store.close()


@main.command()
@_store_option
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

    claims = _store_claims()
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


@main.command()
@_store_option
@click.option("-o", "--output", type=_PATH, default=Path("geokg-graph.html"), show_default=True,
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
            _fail(f"unknown actor {ego!r}")
    if since:
        try:
            dt.date.fromisoformat(since)
        except ValueError:
            _fail(f"--since takes a date YYYY-MM-DD, not {since!r}")
    try:
        graph = write_html(output, _store_claims(), ego=code, since=since)
    except ValueError as exc:
        _fail(str(exc))
    click.echo(f"wrote {output} ({graph.number_of_nodes()} actors, "
               f"{graph.number_of_edges()} dyads)")


@main.command("relations")
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
            _fail(f"unknown category {category!r}; known: {', '.join(known)}")
    rows = [{"relation": t.name, "plover": t.plover, "mode": t.plover_mode, "cameo": t.cameo,
             "goldstein": t.goldstein, "quad": t.quad, "symmetric": t.symmetric,
             "description": t.description} for t in types]
    click.echo(format_rows(rows, list(rows[0]) if rows else [], fmt))


# ----------------------------------------------------------------------- Neo4j commands


def _open_neo4j():
    from geokg.stores import StoreError, open_neo4j

    try:
        return open_neo4j()
    except StoreError as exc:
        _fail(str(exc))


def _typed(value: str):
    """A --param value: an int or a float when it looks like one, else the string."""
    for kind in (int, float):
        try:
            return kind(value)
        except ValueError:
            pass
    return value


@main.command()
@click.argument("text")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind $NAME to VALUE (repeatable); numbers are passed as numbers.")
@click.option("--write", is_flag=True, help="Run in a write transaction (CREATE, MERGE, SET …).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
def cypher(text: str, params: tuple[str, ...], write: bool, fmt: str) -> None:
    """Run ad-hoc Cypher on Neo4j (NEO4J_URI), in a read transaction unless --write."""
    import neo4j.exceptions

    bound = {k: _typed(v) for k, v in _parse_params(params).items()}
    store = _open_neo4j()
    try:
        columns, rows = store.run_cypher(text, bound, write=write)
    except PermissionError as exc:
        _fail(str(exc))
    except neo4j.exceptions.Neo4jError as exc:
        _fail(f"Cypher: {(exc.message or str(exc)).splitlines()[0]}")
    finally:
        store.close()
    if not columns:  # a write without RETURN
        click.echo("done")
        return
    if fmt != "json":  # nodes, paths and lists as JSON text in a cell
        rows = [{k: json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v
                 for k, v in row.items()} for row in rows]
    click.echo(format_rows(rows, columns, fmt))


@main.command()
@click.option("--batch-size", type=click.IntRange(min=1), default=None,
              help="Claims per write transaction (default: the store's).")
def load(batch_size: int | None) -> None:
    """Copy the embedded store into Neo4j (NEO4J_URI); articles already there are skipped."""
    from geokg.graph.transfer import article_rows

    embedded = _open_store()  # no --store here: always the embedded store
    store = _open_neo4j()
    try:
        if batch_size:
            store.batch_size = batch_size
        items = list(article_rows(embedded))
        results = store.write_rows(items)
        counts = store.stats()
    finally:
        store.close()
        embedded.close()
    new = [item for item, ok in zip(items, results, strict=True) if ok]
    click.echo(f"articles: {len(new)} new, {len(items) - len(new)} unchanged; relations added: "
               f"{sum(len(item.claims) for item in new)}")
    click.echo(f"neo4j: {counts['articles']} articles, {counts['actors']} actors, "
               f"{counts['relations']} relations")


@main.command()
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


if __name__ == "__main__":
    main()
