"""The README's exact examples are what the commands print.

A console block in README.md right after a `<!-- readme:exact -->` line holds `$ geokg …`
commands, each followed by its output exactly as printed (trailing spaces aside). The test
ingests the bundled examples into a fresh store, runs every such command and compares, so the
documentation cannot drift from the code."""

from __future__ import annotations

import re
import shlex

import pytest
from click.testing import CliRunner

from geokg.cli import main
from tests.conftest import EXAMPLES, ROOT

MARKER = "<!-- readme:exact -->"
_BLOCK = re.compile(re.escape(MARKER) + r"\n```console\n(.*?)\n```", re.S)


def exact_examples() -> list[tuple[str, str]]:
    """(command, expected output) pairs of every exact block."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    examples: list[tuple[str, str]] = []
    for block in _BLOCK.findall(readme):
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, _, output = chunk.partition("\n")
            examples.append((command, output.rstrip("\n")))
    return examples


def test_the_readme_has_exact_examples() -> None:
    commands = [command for command, _ in exact_examples()]
    assert [c.split()[:3] for c in commands] == [
        ["geokg", "analyze", "centrality"], ["geokg", "analyze", "blocs"],
        ["geokg", "analyze", "balance"], ["geokg", "analyze", "brokers"]]


@pytest.mark.parametrize(("command", "expected"), exact_examples(),
                         ids=[c for c, _ in exact_examples()])
def test_readme_example_prints_what_the_readme_says(command: str, expected: str) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(EXAMPLES)]).exit_code == 0
    args = shlex.split(command)
    assert args[0] == "geokg"
    result = runner.invoke(main, args[1:], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    lines = [line.rstrip() for line in result.stdout.rstrip("\n").split("\n")]
    assert lines == expected.split("\n")
