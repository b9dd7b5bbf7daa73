"""The README's quickstart is true: its first command runs as written on a fresh copy."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from tests.conftest import ROOT

README = ROOT / "README.md"


def readme_command(marker: str) -> str:
    text = README.read_text(encoding="utf-8")
    match = re.search(rf"<!-- quickstart:{marker} -->\s*```bash\n(.+?)\n```", text, re.DOTALL)
    assert match, f"README has no quickstart:{marker} block"
    return match.group(1).strip()


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_command("test") in ci.splitlines()


def test_first_quickstart_command_ingests_and_answers(tmp_path: Path, geokg_home: Path):
    # A copy of the project without its virtual environment, as a fresh clone would be.
    project = tmp_path / "project"
    ignore = shutil.ignore_patterns(".venv", ".git", "build", "*.egg-info", "__pycache__",
                                    "target", ".pytest_cache", ".ruff_cache")
    shutil.copytree(ROOT, project, ignore=ignore)
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["GEOKG_HOME"] = str(geokg_home)
    result = subprocess.run(
        ["bash", "-c", readme_command("run")], cwd=project, env=env, capture_output=True,
        text=True, timeout=1200,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    lines = result.stdout.splitlines()
    assert lines[0].startswith("articles: 1 new, 0 unchanged, 0 failed; relations added: ")
    assert lines[1].split() == ["partner", "name", "score", "relations", "last_seen", "evidence"]
    assert lines[3].split()[:2] == ["RUS", "Russia"]
