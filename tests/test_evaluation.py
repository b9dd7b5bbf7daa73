"""Exact-number tests for geokg.evaluation on small hand-made records."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from geokg.evaluation import Counts, load_gold, score, scored_predictions

VC, MC, VX, MX = (
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
)


def ev(
    source: Any,
    target: Any,
    quad: str | None = VC,
    root: str | None = "03",
    *,
    sym: bool = False,
    mod: str = "asserted",
    **extra: Any,
) -> dict[str, Any]:
    event = {
        "source": source,
        "target": target,
        "quad": quad,
        "cameo_root": root,
        "symmetric": sym,
        "modality": mod,
        "relation": "X",
    }
    event.update(extra)
    return event


def rec(rid: str, events: list[dict[str, Any]], lang: str = "en", **extra: Any) -> dict[str, Any]:
    record = {"id": rid, "lang": lang, "events": events}
    record.update(extra)
    return record


def counts(gold: list[dict[str, Any]], preds: dict[str, list[dict[str, Any]]]) -> dict[str, tuple]:
    report = score(gold, preds)
    return {level: (c.tp, c.fp, c.fn) for level, c in report.overall.items()}


def same(tp: int, fp: int, fn: int) -> dict[str, tuple[int, int, int]]:
    return {"L1": (tp, fp, fn), "L2": (tp, fp, fn), "L3": (tp, fp, fn)}


def test_compound_actors_expand_into_pairs() -> None:
    gold = [rec("r", [ev(["CHN", "RUS"], ["USA"])])]
    assert counts(gold, {"r": [ev(["CHN"], ["USA"])]}) == same(1, 0, 1)
    # a compound prediction expands too; duplicated codes are collapsed
    both = ev(["RUS", "CHN", "CHN"], ["USA", "GBR"])
    assert counts(gold, {"r": [both]}) == same(2, 2, 0)


def test_self_pairs_dropped() -> None:
    gold = [rec("r", [ev(["CHN", "RUS"], ["RUS"])])]  # only CHN->RUS survives
    assert counts(gold, {"r": []}) == same(0, 0, 1)
    assert counts(gold, {"r": [ev(["RUS"], ["RUS"]), ev(["CHN"], ["RUS"])]}) == same(1, 0, 0)


def test_string_actor_codes_are_accepted() -> None:
    gold = [rec("r", [ev("chn", "rus")])]
    assert counts(gold, {"r": [ev(["CHN"], "RUS")]}) == same(1, 0, 0)


def test_symmetric_gold_matches_either_direction() -> None:
    gold = [rec("r", [ev(["CHN"], ["RUS"], sym=True)])]
    assert counts(gold, {"r": [ev(["RUS"], ["CHN"])]}) == same(1, 0, 0)


def test_symmetric_prediction_matches_either_direction() -> None:
    gold = [rec("r", [ev(["CHN"], ["RUS"])])]
    assert counts(gold, {"r": [ev(["RUS"], ["CHN"], sym=True)]}) == same(1, 0, 0)


def test_directional_mismatch_is_fp_and_fn_at_every_level() -> None:
    gold = [rec("r", [ev(["USA"], ["IRN"], MX, "16")])]
    assert counts(gold, {"r": [ev(["IRN"], ["USA"], MX, "16")]}) == same(0, 1, 1)


def test_level_keys_differ() -> None:
    gold = [rec("r", [ev(["USA"], ["IRN"], VC, "03")])]
    wrong_quad = ev(["USA"], ["IRN"], MX, "16")
    assert counts(gold, {"r": [wrong_quad]}) == {"L1": (1, 0, 0), "L2": (0, 1, 1), "L3": (0, 1, 1)}
    same_quad_other_root = ev(["USA"], ["IRN"], VC, "04")
    assert counts(gold, {"r": [same_quad_other_root]}) == {
        "L1": (1, 0, 0),
        "L2": (1, 0, 0),
        "L3": (0, 1, 1),
    }


def test_l1_deduplicates_relations_of_one_pair() -> None:
    gold = [rec("r", [ev(["USA"], ["IRN"], VX, "11"), ev(["USA"], ["IRN"], MX, "16")])]
    preds = {"r": [ev(["USA"], ["IRN"], VX, "11"), ev(["USA"], ["IRN"], VX, "13")]}
    assert counts(gold, preds) == {"L1": (1, 0, 0), "L2": (1, 0, 1), "L3": (1, 1, 1)}


def test_a_pair_said_mutual_once_and_directed_once_is_one_pair() -> None:
    # "A and B agreed" (mutual) and "A works with B" (directed) name one pair; the reverse
    # direction B -> A is another pair unless it is mutual.
    gold = [rec("r", [ev(["CHN"], ["RUS"], sym=True), ev(["CHN"], ["RUS"]),
                      ev(["RUS"], ["CHN"], MX, "16")])]
    preds = {"r": [ev(["CHN"], ["RUS"], sym=True), ev(["RUS"], ["CHN"], MX, "16")]}
    assert counts(gold, preds) == same(2, 0, 0)
    mutual_both_ways = [rec("m", [ev(["CHN"], ["RUS"], sym=True), ev(["RUS"], ["CHN"], sym=True)])]
    assert counts(mutual_both_ways, {"m": [ev(["RUS"], ["CHN"])]}) == same(1, 0, 0)


def test_cameo_root_normalised() -> None:
    gold = [rec("r", [ev(["USA"], ["IRN"], MX, "16")])]
    assert counts(gold, {"r": [ev(["USA"], ["IRN"], MX, "163")]})["L3"] == (1, 0, 0)
    assert counts(gold, {"r": [ev(["USA"], ["IRN"], MX, 16)]})["L3"] == (1, 0, 0)


def test_missing_predicted_quad_is_derived() -> None:
    gold = [rec("r", [ev(["USA"], ["IRN"], MX, "16")])]
    from_plover = ev(["USA"], ["IRN"], None, "16", plover="SANCTION")
    assert counts(gold, {"r": [from_plover]})["L2"] == (1, 0, 0)
    from_root = ev(["USA"], ["IRN"], None, "16")
    assert counts(gold, {"r": [from_root]})["L2"] == (1, 0, 0)
    no_key = ev(["USA"], ["IRN"], None, None)
    assert counts(gold, {"r": [no_key]}) == {"L1": (1, 0, 0), "L2": (0, 1, 1), "L3": (0, 1, 1)}


def test_negated_and_hypothetical_gold_left_out_of_recall() -> None:
    gold = [
        rec(
            "r",
            [
                ev(["USA"], ["IRN"], MX, "16", mod="negated"),
                ev(["USA"], ["CUB"], MX, "16", mod="hypothetical"),
            ],
        )
    ]
    assert counts(gold, {"r": []}) == same(0, 0, 0)
    # asserting what gold says did not happen is a false positive
    assert counts(gold, {"r": [ev(["USA"], ["IRN"], MX, "16")]}) == same(0, 1, 0)


def test_negated_gold_does_not_shadow_asserted_gold_of_same_pair() -> None:
    gold = [
        rec(
            "r",
            [ev(["USA"], ["IRN"], VX, "11"), ev(["USA"], ["IRN"], MX, "16", mod="negated")],
        )
    ]
    pred = {"r": [ev(["USA"], ["IRN"], MX, "16")]}
    assert counts(gold, pred) == {"L1": (1, 0, 0), "L2": (0, 1, 1), "L3": (0, 1, 1)}


def test_intended_counts_like_asserted() -> None:
    gold = [rec("r", [ev(["CHN"], ["RUS"], mod="intended")])]
    assert counts(gold, {"r": [ev(["CHN"], ["RUS"])]}) == same(1, 0, 0)


def test_negated_and_hypothetical_predictions_ignored() -> None:
    gold = [rec("r", [ev(["USA"], ["IRN"], MX, "16")])]
    preds = {
        "r": [
            ev(["USA"], ["IRN"], MX, "16", mod="negated"),
            ev(["USA"], ["CUB"], MX, "16", mod="hypothetical"),
        ]
    }
    assert counts(gold, preds) == same(0, 0, 1)


def test_unscorable_gold_excuses_matching_prediction_only() -> None:
    gold = [rec("r", [ev(["TUR"], None, MX, "19", scorable=False)])]
    assert counts(gold, {"r": []}) == same(0, 0, 0)
    # agrees on the known side (source TUR): neither TP nor FP
    assert counts(gold, {"r": [ev(["TUR"], ["SYR"], MX, "19")]}) == same(0, 0, 0)
    # wrong known side: false positive
    assert counts(gold, {"r": [ev(["RUS"], ["SYR"], MX, "19")]}) == same(0, 1, 0)
    # right side, wrong level key: excused at L1 only
    assert counts(gold, {"r": [ev(["TUR"], ["SYR"], VX, "11")]}) == {
        "L1": (0, 0, 0),
        "L2": (0, 1, 0),
        "L3": (0, 1, 0),
    }
    # reversed direction counts as agreement only if one side is symmetric
    assert counts(gold, {"r": [ev(["SYR"], ["TUR"], MX, "19")]}) == same(0, 1, 0)
    assert counts(gold, {"r": [ev(["SYR"], ["TUR"], MX, "19", sym=True)]}) == same(0, 0, 0)


def test_unscorable_gold_with_both_sides_known() -> None:
    gold = [rec("r", [ev(["USA"], ["IRQ"], MX, "19", scorable=False)])]
    assert counts(gold, {"r": [ev(["USA"], ["IRQ"], MX, "19")]}) == same(0, 0, 0)
    assert counts(gold, {"r": [ev(["USA"], ["IRN"], MX, "19")]}) == same(0, 1, 0)


def test_gold_with_no_known_side_excuses_nothing() -> None:
    gold = [rec("r", [ev(None, None, MX, "19", scorable=False)])]
    assert counts(gold, {"r": [ev(["USA"], ["IRQ"], MX, "19")]}) == same(0, 1, 0)


def test_null_gold_level_key_does_not_count_at_that_level() -> None:
    # ConfliBERT style: pair known, no quad or CAMEO root on the event
    gold = [rec("r", [ev(["ISR"], ["LBN"], None, None)])]
    assert counts(gold, {"r": []}) == {"L1": (0, 0, 1), "L2": (0, 0, 0), "L3": (0, 0, 0)}
    hit = {"r": [ev(["ISR"], ["LBN"], MX, "19")]}
    assert counts(gold, hit) == {"L1": (1, 0, 0), "L2": (0, 0, 0), "L3": (0, 0, 0)}
    other_pair = {"r": [ev(["ISR"], ["SYR"], MX, "19")]}
    assert counts(gold, other_pair) == {"L1": (0, 1, 1), "L2": (0, 1, 0), "L3": (0, 1, 0)}


def test_non_exhaustive_records_have_no_false_positives() -> None:
    gold = [rec("r", [ev(["USA"], ["IRN"], MX, "16")], exhaustive=False)]
    extra = {"r": [ev(["USA"], ["IRN"], MX, "16"), ev(["USA"], ["CUB"], MX, "16")]}
    assert counts(gold, extra) == same(1, 0, 0)
    assert counts(gold, {"r": [ev(["USA"], ["CUB"], MX, "16")]}) == same(0, 0, 1)


def test_both_directions_of_one_symmetric_gold_event_are_one_match() -> None:
    gold = [rec("r", [ev(["CHN"], ["RUS"], sym=True)])]
    preds = {"r": [ev(["CHN"], ["RUS"]), ev(["RUS"], ["CHN"])]}
    assert counts(gold, preds) == same(1, 0, 0)
    details = scored_predictions(gold, preds)[0]["L1"]
    assert [e["reason"] for e in details["excused"]] == ["duplicate"]


def test_one_prediction_matches_at_most_one_gold_item() -> None:
    gold = [rec("r", [ev(["CHN"], ["RUS"]), ev(["RUS"], ["CHN"])])]
    assert counts(gold, {"r": [ev(["CHN"], ["RUS"], sym=True)]}) == same(1, 0, 1)
    both = {"r": [ev(["CHN"], ["RUS"]), ev(["RUS"], ["CHN"])]}
    assert counts(gold, both) == same(2, 0, 0)


def test_matching_is_maximal() -> None:
    # greedy would give the symmetric prediction to CHN->RUS and leave RUS->CHN unmatched
    gold = [rec("r", [ev(["CHN"], ["RUS"]), ev(["RUS"], ["CHN"])])]
    preds = {"r": [ev(["RUS"], ["CHN"], sym=True), ev(["CHN"], ["RUS"])]}
    assert counts(gold, preds) == same(2, 0, 0)


def test_micro_average_and_grouping_by_language_and_file() -> None:
    gold = [
        rec("a", [ev(["CHN"], ["RUS"]), ev(["CHN"], ["USA"], VX, "11")], "en", source_file="f1"),
        rec("b", [ev(["RUS"], ["UKR"], MX, "19")], "ru", source_file="f2"),
        rec("c", [ev(["DEU"], ["FRA"])], "en", source_file="f2"),
    ]
    preds = {
        "a": [ev(["CHN"], ["RUS"]), ev(["CHN"], ["JPN"], VX, "11")],
        "b": [ev(["RUS"], ["UKR"], MX, "19")],
    }
    report = score(gold, preds)
    l1 = report.overall["L1"]
    assert (l1.tp, l1.fp, l1.fn) == (2, 1, 2)
    assert l1.precision == pytest.approx(2 / 3)
    assert l1.recall == pytest.approx(0.5)
    assert l1.f1 == pytest.approx(4 / 7)
    en, ru = report.by_lang["en"]["L1"], report.by_lang["ru"]["L1"]
    assert (en.tp, en.fp, en.fn) == (1, 1, 2)
    assert (ru.tp, ru.fp, ru.fn) == (1, 0, 0)
    f1, f2 = report.by_file["f1"]["L1"], report.by_file["f2"]["L1"]
    assert (f1.tp, f1.fp, f1.fn) == (1, 1, 1)
    assert (f2.tp, f2.fp, f2.fn) == (1, 0, 1)
    assert report.n_records == 3
    # a caller-given file mapping wins over the record's key
    relabelled = score(gold, preds, files={"a": "x", "b": "x", "c": "x"})
    assert set(relabelled.by_file) == {"x"}
    assert relabelled.by_file["x"]["L3"].to_dict() == report.overall["L3"].to_dict()


def test_prediction_records_as_list_or_mapping() -> None:
    gold = [rec("a", [ev(["CHN"], ["RUS"])])]
    as_list = [
        {"id": "a", "events": [ev(["CHN"], ["RUS"])]},
        {"id": "a", "events": [ev(["CHN"], ["USA"])]},
        {"id": "zz", "events": [ev(["CHN"], ["USA"])]},
    ]
    report = score(gold, as_list)
    assert (report.overall["L1"].tp, report.overall["L1"].fp) == (1, 1)
    assert report.prediction_ids_without_gold == ["zz"]
    as_map = score(gold, {"a": [ev(["CHN"], ["RUS"]), ev(["CHN"], ["USA"])]})
    assert as_map.to_dict()["overall"] == report.to_dict()["overall"]


def test_empty_predictions_and_empty_gold() -> None:
    gold = [rec("a", [ev(["CHN"], ["RUS"])])]
    c = score(gold, {}).overall["L1"]
    assert (c.tp, c.fp, c.fn) == (0, 0, 1)
    assert (c.precision, c.recall, c.f1) == (0.0, 0.0, 0.0)
    empty = score([rec("b", [])], {}).overall["L2"]
    assert (empty.tp, empty.fp, empty.fn) == (0, 0, 0)
    assert (empty.precision, empty.recall, empty.f1) == (0.0, 0.0, 0.0)
    nothing_scored = score([], {})
    assert nothing_scored.n_records == 0


def test_counts_metrics() -> None:
    c = Counts(tp=3, fp=1, fn=2)
    assert c.precision == pytest.approx(0.75)
    assert c.recall == pytest.approx(0.6)
    assert c.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Counts(tp=0, fp=4, fn=0).f1 == 0.0


def test_details_list_tp_fp_fn() -> None:
    gold = [rec("a", [ev(["CHN"], ["RUS"]), ev(["USA"], ["IRN"], MX, "16")], source_file="f")]
    preds = {"a": [ev(["CHN"], ["RUS"]), ev(["IRN"], ["USA"], MX, "16", mod="negated")]}
    (detail,) = scored_predictions(gold, preds)
    assert detail["id"] == "a" and detail["lang"] == "en" and detail["file"] == "f"
    l1 = detail["L1"]
    assert l1["counts"] == {"tp": 1, "fp": 0, "fn": 1}
    assert l1["tp"][0]["pred"]["source"] == "CHN" and l1["tp"][0]["gold"]["target"] == "RUS"
    assert (l1["fn"][0]["source"], l1["fn"][0]["target"], l1["fn"][0]["key"]) == ("USA", "IRN", "")
    assert detail["L2"]["fn"][0]["key"] == MX
    assert detail["ignored_predictions"] == [{"event": 1, "reason": "negated"}]
    report = score(gold, preds, details=True)
    assert report.records is not None and report.to_dict()["records"][0]["L3"]["fn"]


def test_format_table() -> None:
    gold = [rec("a", [ev(["CHN"], ["RUS"]), ev(["USA"], ["IRN"])], "en", source_file="f.jsonl")]
    table = score(gold, {"a": [ev(["CHN"], ["RUS"]), ev(["CHN"], ["USA"])]}).format_table()
    lines = table.splitlines()
    assert lines[0].split() == ["group", "level", "TP", "FP", "FN", "P", "R", "F1"]
    assert len(lines) == 2 + 3 * 3  # header, rule, overall + lang=en + file=f.jsonl
    assert lines[2].split() == ["overall", "L1", "1", "1", "1", "0.500", "0.500", "0.500"]
    assert any(line.startswith("lang=en ") for line in lines)
    assert any(line.startswith("file=f.jsonl ") for line in lines)
    assert len({len(line) for line in lines}) == 1  # fixed width


EVAL_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval"


@pytest.mark.eval
@pytest.mark.skipif(not EVAL_DIR.is_dir(), reason="../shared/eval not present")
def test_gold_scored_against_itself_is_perfect() -> None:
    paths = sorted(EVAL_DIR.glob("dev/*/*.jsonl"))
    gold = load_gold(paths)
    report = score(gold, {r["id"]: r["events"] for r in gold})
    for level in ("L1", "L2", "L3"):
        c = report.overall[level]
        assert c.tp > 0 and c.fp == 0 and c.fn == 0
    empty = score(gold, {})
    assert empty.overall["L1"].fn == report.overall["L1"].tp
