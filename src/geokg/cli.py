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
    from geokg.stores import StoreError, open_embedded

    try:
        return open_embedded()
    except StoreError as exc:
        _fail(str(exc))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="geokg")
def main() -> None:
    """Turn news articles into a knowledge graph of geopolitical relations.

    Data is kept in the embedded store under $GEOKG_HOME (default ~/.local/share/geokg).
    """


@main.command()
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
def ingest(inputs: tuple[str, ...], glob: str, feeds: tuple[str, ...], timeout: float,
           report: Path | None, quiet: bool) -> None:
    """Ingest articles: text, HTML and JSONL files, folders of them, web pages (URLs), RSS or
    Atom feeds, or `-` for standard input (one article, or JSONL records).

    Prints one `error: INPUT: REASON` line per input that failed and a summary. Exit status 3
    when some inputs failed (the others are stored all the same).
    """
    from geokg.ingest.batch import has_url, ingest_documents
    from geokg.ingest.fetch import Fetcher
    from geokg.ingest.sources import Reader

    if not inputs and not feeds:
        raise click.UsageError("give at least one PATH, URL, - (standard input) or --feed")
    store = _open_store()
    reader = Reader(glob=glob, fetcher=Fetcher(timeout=timeout),
                    seen_url=lambda url: has_url(store, url),
                    stdin=click.get_binary_stream("stdin"))
    try:
        items = _with_notes(reader.read(inputs, feeds), quiet)
        with _progress(items, quiet) as shown:
            summary = ingest_documents(
                store, shown, on_error=lambda e: click.echo(f"error: {e}", err=True),
            )
    finally:
        store.close()
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


def _progress(items, quiet: bool):
    """A progress bar on stderr, only for a person watching a terminal."""
    import contextlib

    if quiet or not sys.stderr.isatty():
        return contextlib.nullcontext(items)
    return click.progressbar(items, label="ingesting", file=sys.stderr, show_pos=True,
                             item_show_func=lambda i: getattr(i, "source", None) and
                             str(i.source)[-40:])


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
@click.argument("name", required=False)
@click.argument("args", nargs=-1)
@click.option("--list", "list_queries", is_flag=True, help="List the canned queries.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
def query(name: str | None, args: tuple[str, ...], list_queries: bool, fmt: str) -> None:
    """Run a canned query, e.g. `geokg query partners China`.

    Actors may be given by code (CHN, IGO:UN) or by name in any supported language
    (China, Tiongkok, Китай).
    """
    from geokg.queries.catalog import QueryError, catalog, get_query

    if list_queries or not name:
        rows = [
            {"query": q.name, "arguments": " ".join(p.name.upper() for p in q.params),
             "description": q.description}
            for q in catalog().values()
        ]
        click.echo(format_rows(rows, ["query", "arguments", "description"], fmt))
        return
    try:
        canned = get_query(name)
        params = canned.bind(list(args))
    except QueryError as exc:
        _fail(str(exc))
    store = _open_store()
    try:
        rows = store.run_canned(name, params)
    finally:
        store.close()
    click.echo(format_rows(rows, canned.columns, fmt))


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
              help="Bind ?NAME to a literal VALUE (repeatable); a VALUE like <https://…> is an IRI.")
@click.option("--write", is_flag=True, help="Allow a SPARQL update (INSERT, DELETE, DROP …).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
def sparql(text: str, params: tuple[str, ...], write: bool, fmt: str) -> None:
    """Run ad-hoc SPARQL on the embedded store, read-only unless --write.

    The prefixes geokg: and rdfs: are predefined; the default graph is the union of all
    article graphs. A parameter ?NAME must also be in the SELECT clause.
    """
    from rdflib import Literal, URIRef

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
        rows = [{c: (str(row[i]) if row[i] is not None else None) for i, c in enumerate(columns)}
                for row in result]
        click.echo(format_rows(rows, columns, fmt))
    else:
        click.echo(result.graph.serialize(format="turtle"))


_RDF_FORMATS = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "jsonld": "json-ld",
                "xml": "xml"}
_RDF_SUFFIXES = {".ttl": "turtle", ".trig": "trig", ".nq": "nquads", ".jsonld": "json-ld",
                 ".json": "json-ld", ".rdf": "xml", ".xml": "xml", ".nt": "nt"}


@main.command()
@click.option("--format", "fmt", type=click.Choice(list(_RDF_FORMATS)), default="trig",
              show_default=True, help="turtle and xml hold no named graphs: they flatten them.")
@click.option("-o", "--output", type=_PATH, help="Write to this file (default: standard output).")
def export(fmt: str, output: Path | None) -> None:
    """Export the embedded store as RDF."""
    store = _open_store()
    try:
        data = store.export(_RDF_FORMATS[fmt])
    finally:
        store.close()
    if output:
        output.write_text(data, encoding="utf-8")
    else:
        click.echo(data, nl=False)


@main.command(name="import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(sorted(set(_RDF_SUFFIXES.values()))),
              help="The file's RDF format (default: from its extension).")
def import_command(file: Path, fmt: str | None) -> None:
    """Import an RDF file (e.g. one written by `geokg export`) into the embedded store."""
    fmt = fmt or _RDF_SUFFIXES.get(file.suffix.lower())
    if not fmt:
        _fail(f"{file}: unknown RDF format; give --format")
    store = _open_store()
    try:
        count = store.import_data(file.read_text(encoding="utf-8"), fmt, file.resolve().as_uri())
    except Exception as exc:  # noqa: BLE001 - any parser error is the file's fault
        _fail(f"{file}: not valid {fmt} ({str(exc).splitlines()[0] if str(exc) else type(exc).__name__})")
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


if __name__ == "__main__":
    main()
