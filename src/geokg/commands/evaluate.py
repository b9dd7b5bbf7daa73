"""`geokg eval`: extraction scored against gold files."""

from __future__ import annotations

import json
from pathlib import Path

import click

from geokg.commands.common import PATH


@click.command(name="eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@click.option("--pred-out", type=PATH, help="Write the scored predictions (JSONL) here.")
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


COMMANDS = [eval_command]
