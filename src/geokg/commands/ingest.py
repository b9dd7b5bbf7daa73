"""Commands that read articles: `ingest` (into a store) and `extract` (to JSONL)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from geokg.commands.common import EXIT_INPUT_FAILED, PATH, current_store, fail, store_option


@click.command()
@store_option
@click.argument("inputs", nargs=-1, metavar="[PATH|URL|-]...")
@click.option("--glob", default="**/*", show_default=True, help="Files to read in folders.")
@click.option("--feed", "feeds", multiple=True, metavar="URL|FILE",
              help="An RSS or Atom feed: every item's page is fetched and ingested, except "
                   "those already ingested (repeatable). Feeds given as inputs are detected.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=20.0, show_default=True,
              help="Seconds to wait for a web server.")
@click.option("--report", type=PATH, metavar="FILE",
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
        store = current_store()
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
        fail(str(exc))
    except OSError as exc:  # no scheduler at that address (distributed raises OSError)
        fail(f"cannot reach the Dask scheduler at {address}: {exc}")


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
        fail(f"{path}: cannot write the report ({exc.strerror or exc})", EXIT_INPUT_FAILED)


@click.command()
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
            fail(f"line {number}: invalid JSON ({exc.msg})")
        output.write(json.dumps(extract_record(record), ensure_ascii=False) + "\n")


COMMANDS = [ingest, extract]
