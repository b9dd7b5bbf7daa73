"""`geokg extract`: JSONL records in, one JSONL record of events out per record."""

from __future__ import annotations

import json

from click.testing import CliRunner

from geokg.cli import main


def test_extract_writes_one_record_per_input():
    records = [
        {"id": "a", "lang": "en", "date": "2021-06-01",
         "text": "France plans to sell arms to Egypt."},
        {"id": "b", "lang": "en", "text": "Nothing happened today."},
    ]
    stdin = "".join(json.dumps(r) + "\n" for r in records)
    result = CliRunner().invoke(main, ["extract", "-"], input=stdin)
    assert result.exit_code == 0
    out = [json.loads(line) for line in result.output.splitlines()]
    assert out == [
        {"id": "a", "events": [{
            "source": ["FRA"], "target": ["EGY"], "relation": "SELLS_ARMS_TO",
            "plover": "AGREE", "cameo_root": "03", "quad": "verbal_cooperation",
            "symmetric": False, "modality": "intended", "confidence": 0.9,
            "evidence": "France plans to sell arms to Egypt.",
        }]},
        {"id": "b", "events": []},
    ]


def test_extract_rejects_invalid_json_with_one_line():
    result = CliRunner().invoke(main, ["extract", "-"], input="{not json\n")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "error: line 1: invalid JSON (Expecting property name enclosed in double quotes)"
    )
