"""Bad inputs through `geokg ingest`: each is one `error: INPUT: REASON` line on stderr, no
traceback, the rest of the batch is stored, exit status 3, and --report lists them as JSONL."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from geokg.cli import main
from tests.conftest import SEED
from tests.test_fetch import LocalServer, Route, server  # noqa: F401

CP1252_TEXT = "Russia’s président met India’s leaders at a café in Moscow on Thursday."


def ingest(*args: str, **kwargs):
    return CliRunner().invoke(main, ["ingest", *args], **kwargs)


def lines(result, prefix: str) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith(prefix)]


@pytest.fixture
def bad_inputs(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    files = {
        "binary": folder / "image.bin",
        "empty": folder / "empty.txt",
        "huge": folder / "huge.txt",
        "mixed": folder / "mixed.txt",
        "cp1252": folder / "legacy.txt",
        "broken": folder / "broken.html",
        "nohtml": folder / "menu.html",
        "seed": folder / "seed.txt",
    }
    files["binary"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    files["empty"].write_bytes(b"")
    # A sparse file: 21 MB on paper, nothing on disk, so the test is fast.
    with files["huge"].open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    files["mixed"].write_bytes("Grüße aus Köln, ".encode() + "und Zürich".encode("latin-1"))
    files["cp1252"].write_bytes(CP1252_TEXT.encode("cp1252"))
    files["broken"].write_text(
        "<html><body><div><p>Russia sold fighter jets to India on Thursday, officials in New "
        "Delhi said, in a deal worth several billion dollars.<p>China criticised the deal<table>",
        encoding="utf-8")
    files["nohtml"].write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>",
                               encoding="utf-8")
    shutil.copy(SEED, files["seed"])
    return files


def test_bad_files_fail_alone(bad_inputs: dict[str, Path], tmp_path: Path):
    report = tmp_path / "failures.jsonl"
    result = ingest(str(bad_inputs["seed"].parent), "--report", str(report))
    assert result.exit_code == 3
    f = bad_inputs
    expected = [
        (f["empty"], "empty file"),
        (f["huge"], "too large (21 MB; the limit is 20 MB)"),
        (f["binary"], "binary file, not text"),
        (f["nohtml"], "no article text found in the page"),
        (f["mixed"], "mixed encodings (UTF-8 with invalid bytes, the first at offset 24)"),
    ]
    assert lines(result, "error:") == [f"error: {path}: {reason}" for path, reason in expected]
    assert lines(result, "note:") == [f"note: {f['cp1252']}: not UTF-8; read as Windows-1252"]
    assert "Traceback" not in result.output
    # seed, the legacy-encoded file and the broken-but-readable HTML page are stored
    assert result.stdout.startswith("articles: 3 new, 0 unchanged, 5 failed")
    records = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
    assert records == [{"input": str(path), "reason": reason} for path, reason in expected]


def test_missing_file_and_unreadable_folder_entry(tmp_path: Path):
    result = ingest(str(tmp_path / "nope.txt"), str(SEED))
    assert result.exit_code == 3
    assert lines(result, "error:") == [f"error: {tmp_path / 'nope.txt'}: no such file or folder"]
    assert result.stdout.startswith("articles: 1 new")


def test_invalid_utf8_in_jsonl_is_one_line(tmp_path: Path):
    records = tmp_path / "r.jsonl"
    records.write_bytes(b'{"id": "a", "text": "Russia sold jets to India."}\n'
                        b'{"id": "b", "text": "caf\xe9"}\n')
    result = ingest(str(records))
    assert result.exit_code == 3
    assert lines(result, "error:") == [f"error: {records}:2: not UTF-8 text (invalid byte at "
                                       f"column 25)"]
    assert result.stdout.startswith("articles: 1 new")


def test_dead_url_timeout_and_bad_feed_in_one_batch(server: LocalServer,  # noqa: F811
                                                    tmp_path: Path):
    server.routes["/slow"] = Route(b"<html></html>", delay=3)
    server.routes["/feed"] = Route(b"surely not <xml", content_type="application/rss+xml")
    report = tmp_path / "r.jsonl"
    result = ingest(server.base + "/dead", server.base + "/slow", str(SEED),
                    "--feed", server.base + "/feed", "--timeout", "0.5", "--report", str(report))
    assert result.exit_code == 3
    assert lines(result, "error:") == [
        f"error: {server.base}/dead: HTTP 404 Not Found",
        f"error: {server.base}/slow: timed out after 0.5 s",
        f"error: {server.base}/feed: not an RSS or Atom feed (not XML: syntax error: line 1, "
        f"column 0)",
    ]
    assert result.stdout.startswith("articles: 1 new, 0 unchanged, 3 failed")
    assert len(report.read_text(encoding="utf-8").splitlines()) == 3


def test_quiet_prints_only_errors(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = ingest("--quiet", str(empty), str(SEED))
    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"error: {empty}: empty file"]


def test_report_is_written_empty_when_all_went_well(tmp_path: Path):
    report = tmp_path / "r.jsonl"
    result = ingest(str(SEED), "--report", str(report))
    assert result.exit_code == 0
    assert report.read_text(encoding="utf-8") == ""


@pytest.mark.skipif(shutil.which("script") is None, reason="needs script(1) for a terminal")
def test_progress_bar_only_on_a_terminal(tmp_path: Path, geokg_home: Path):
    geokg = Path(os.environ.get("VIRTUAL_ENV", "")) / "bin" / "geokg"
    if not geokg.exists():
        geokg = Path(__file__).resolve().parent.parent / ".venv" / "bin" / "geokg"
    if not geokg.exists():
        pytest.skip("no geokg script")
    env = {**os.environ, "GEOKG_HOME": str(geokg_home)}
    # (Without a terminal, as in every CliRunner test here, stderr holds only error lines.)
    tty = subprocess.run(["script", "-qec", f"{geokg} ingest {SEED}", "/dev/null"],
                         capture_output=True, text=True, env=env, timeout=120)
    assert "ingesting" in tty.stdout
    assert "articles: 1 new" in tty.stdout


def test_no_progress_bar_without_a_terminal():
    result = ingest(str(SEED))
    assert result.stderr == ""
