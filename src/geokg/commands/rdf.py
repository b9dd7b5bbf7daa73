"""Commands of the embedded RDF store: `sparql`, `export`, `import`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from geokg.commands.common import PATH, current_store, fail, parse_params
from geokg.output import FORMATS, format_rows


@click.command()
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
        for k, v in parse_params(params).items()
    }
    store = current_store()
    try:
        result = store.run_sparql(text, bound, write=write)
    except PermissionError as exc:
        fail(str(exc))
    except (SyntaxError, ValueError) as exc:
        fail(f"SPARQL: {str(exc).splitlines()[0]}")
    finally:
        store.close()
    if isinstance(result, int):
        click.echo(f"update done: {_change(result)}")
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


@click.command()
@click.option("--format", "fmt", type=click.Choice([*_RDF_FORMATS, *_GRAPH_FORMATS]),
              default="trig", show_default=True,
              help="RDF (turtle and xml flatten the named graphs), GraphML or GEXF for Gephi, "
                   "or the CSV files of `neo4j-admin database import` (-o names a folder).")
@click.option("-o", "--output", type=PATH, help="Write to this file (default: standard output).")
def export(fmt: str, output: Path | None) -> None:
    """Export the embedded store as RDF, as a graph file, or as Neo4j import files."""
    if fmt in _GRAPH_FORMATS:
        _export_graph(fmt, output)
        return
    if output and not output.parent.is_dir():
        fail(f"{output}: no such directory {output.parent}")
    store = current_store()
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
        fail(f"{output or 'stdout'}: {exc.strerror or exc}")
    finally:
        store.close()


def _export_graph(fmt: str, output: Path | None) -> None:
    if output is None:
        fail(f"--format {fmt} needs -o ({'a folder' if fmt == 'neo4j-import' else 'a file'})")
    store = current_store()
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
        fail(f"{output}: {exc.strerror or exc}")
    finally:
        store.close()


@click.command(name="import")
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
        fail(f"{file}: unknown RDF format; give --format")
    store = current_store()
    try:
        count = store.import_file(file, fmt, file.resolve().as_uri())
    except OSError as exc:
        fail(f"{file}: {exc.strerror or exc}")
    except Exception as exc:  # noqa: BLE001 - any parser error is the file's fault
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        fail(f"{file}: not valid {fmt} ({reason})")
    finally:
        store.close()
    click.echo(f"imported {count} statements from {file}")


COMMANDS = [sparql, export, import_command]


def _change(quads: int) -> str:
    """What an update did to the store, net: a pattern that matched nothing shows as such."""
    if not quads:
        return "no quad more or fewer"
    return f"{abs(quads)} quad{'s' if abs(quads) != 1 else ''} {'more' if quads > 0 else 'fewer'}"

