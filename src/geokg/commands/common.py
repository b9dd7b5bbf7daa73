"""What the commands share: failing with one line, opening the chosen store, parameters."""

from __future__ import annotations

import sys
from pathlib import Path

import click

EXIT_INPUT_FAILED = 3  # some inputs of a batch could not be ingested (the rest were)

PATH = click.Path(path_type=Path)


def fail(message: str, code: int = 2) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


def current_store():
    from geokg.stores import StoreError, open_embedded, open_store

    # Commands with --store (see store_option) choose; the others use the embedded store.
    ctx = click.get_current_context(silent=True)
    kind = ctx.meta.get("geokg.store") if ctx else None
    try:
        return open_store(kind) if kind else open_embedded()
    except StoreError as exc:
        fail(str(exc))


def store_option(command):
    """Add `--store [embedded|neo4j]` to a command: its current_store() calls open that store
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



def parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.isidentifier():
            fail(f"--param takes NAME=VALUE, not {pair!r}")
        params[key] = value
    return params


def store_claims() -> list[dict]:
    store = current_store()
    try:
        return store.claims(factual_only=True)
    finally:
        store.close()


def neo4j_store():
    from geokg.stores import StoreError, open_neo4j

    try:
        return open_neo4j()
    except StoreError as exc:
        fail(str(exc))


def typed(value: str):
    """A --param value: an int or a float when it looks like one, else the string."""
    for kind in (int, float):
        try:
            return kind(value)
        except ValueError:
            pass
    return value
