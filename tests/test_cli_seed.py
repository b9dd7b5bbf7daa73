"""The seed article end to end through the command line: ingest, then ask."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from geokg.cli import main
from tests.conftest import SEED


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_ingest_seed_prints_summary():
    result = run("ingest", str(SEED))
    assert result.exit_code == 0
    assert result.output.startswith("articles: 1 new, 0 unchanged, 0 failed; relations added: ")


def test_partners_of_china_show_russia_with_evidence():
    run("ingest", str(SEED))
    result = run("query", "partners", "CHN", "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.output)
    assert rows[0]["partner"] == "RUS"
    assert rows[0]["name"] == "Russia"
    assert rows[0]["score"] > 0
    assert rows[0]["last_seen"] == "2020-10-15"
    assert "Rusia" in rows[0]["evidence"]


def test_partners_accepts_names_in_any_language():
    run("ingest", str(SEED))
    by_code = run("query", "partners", "CHN").output
    assert run("query", "partners", "Tiongkok").output == by_code
    assert run("query", "partners", "China").output == by_code


def test_relations_russia_india_show_arms_sales_and_sentence():
    run("ingest", str(SEED))
    result = run("query", "relations", "RUS", "IND", "--format", "json")
    rows = json.loads(result.output)
    assert [(r["source"], r["relation"], r["target"]) for r in rows] == [
        ("RUS", "SELLS_ARMS_TO", "IND")
    ]
    assert "Rusia melakukan penjualan senjata ke India" in rows[0]["evidence"]
    assert rows[0]["modality"] == "asserted"


def test_must_have_relations_of_the_seed():
    run("ingest", str(SEED))
    assert "USA" in run("query", "who", "COURTS", "Russia", "--format", "csv").output
    evidence = json.loads(
        run("query", "evidence", "CHN", "COOPERATES_WITH", "RUS", "--format", "json").output
    )
    assert evidence and all(e["article"] for e in evidence)


def test_nothing_comes_from_read_also_lines():
    run("ingest", str(SEED))
    read_also = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines()
                 if line.startswith("Baca Juga")]
    assert len(read_also) == 5
    sentences = set()
    for code in ("CHN", "RUS", "USA", "IND", "THA", "KOR", "IDN"):
        for row in json.loads(run("query", "partners", code, "--format", "json").output):
            sentences.add(row["evidence"])
        for row in json.loads(run("query", "adversaries", code, "--format", "json").output):
            sentences.add(row["evidence"])
    assert sentences
    for sentence in sentences:
        assert not any(sentence in line or line in sentence for line in read_also)


def test_reingest_changes_nothing():
    run("ingest", str(SEED))
    before = run("stats", "--format", "json").output
    again = run("ingest", str(SEED))
    assert again.exit_code == 0
    assert again.output.startswith("articles: 0 new, 1 unchanged, 0 failed; relations added: 0")
    assert run("stats", "--format", "json").output == before


def test_same_article_from_another_path_is_unchanged(tmp_path: Path):
    run("ingest", str(SEED))
    copy = tmp_path / "copy.txt"
    # Other line endings and trailing spaces: the same article all the same.
    copy.write_bytes(SEED.read_bytes().replace(b"\n", b"  \r\n"))
    assert run("ingest", str(copy)).output.startswith("articles: 0 new, 1 unchanged")


def test_bad_files_in_a_folder_fail_alone(tmp_path: Path):
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(SEED, folder / "seed.txt")
    (folder / "image.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    (folder / "empty.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(folder)])
    assert result.exit_code == 3
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: {folder / 'empty.txt'}: empty file",
        f"error: {folder / 'image.bin'}: binary file, not text",
    ]
    assert "Traceback" not in result.output
    assert result.stdout.startswith("articles: 1 new, 0 unchanged, 2 failed")
    assert json.loads(run("stats", "--format", "json").output)["articles"] == 1


def test_query_list_names_every_canned_query():
    result = run("query", "--list", "--format", "csv")
    names = [line.split(",")[0] for line in result.output.splitlines()[1:]]
    assert names == ["partners", "adversaries", "relations", "who", "evidence", "timeline", "new",
                     "dyads", "ego", "path"]


def test_unknown_actor_is_one_clear_error():
    result = CliRunner().invoke(main, ["query", "partners", "Atlantis"])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "error: unknown actor 'Atlantis': give an ISO code (CHN) or a name"
    )


def test_timeline_path_dyads_ego_new_on_the_seed():
    run("ingest", str(SEED))
    assert run("query", "timeline", "China", "Russia", "--by", "year").output.splitlines()[2] \
        .split() == ["2020", "36.8", "-6", "30.8", "10"]
    assert json.loads(run("query", "path", "India", "USA", "--format", "json").output) == [
        {"length": 2, "path": "IND > RUS > USA"}]
    dyads = json.loads(run("query", "dyads", "--top", "1", "--format", "json").output)
    assert [(d["actor_a"], d["actor_b"], d["relations"]) for d in dyads] == [("CHN", "RUS", 10)]
    ego = json.loads(run("query", "ego", "IND", "--format", "json").output)
    assert [(e["source"], e["relation"], e["target"]) for e in ego] == [
        ("RUS", "SELLS_ARMS_TO", "IND")]
    assert run("query", "new", "--since", "2020-10-15").output.splitlines()[2:] == []
    assert len(run("query", "new", "--since", "2020-10-14").output.splitlines()) > 2


def test_query_options_are_checked():
    result = CliRunner().invoke(main, ["query", "partners", "CHN", "--top", "3"])
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: query partners takes no --top (it takes ACTOR)"
    result = CliRunner().invoke(main, ["query", "new", "--since", "yesterday"])
    assert result.stderr.strip() == "error: --since takes a date (YYYY-MM-DD), not 'yesterday'"
