"""Score extracted relations against gold records (the scoring of ``../shared/eval/README.md``).

Per record and level, gold and predicted events are expanded into (source, target) pairs (compound
actors give every source x target pair, self-pairs are dropped) and deduplicated into one item per
(source, target, level key) — mutual if any of its events is, and a mutual pair and its mutual
reverse are one item — giving sets of keys: **L1** pair, **L2** pair + quad class, **L3** pair +
CAMEO root. A gold item and a predicted item match when the level key is equal and the pair is
equal, or reversed if either side is marked ``symmetric``. TP is the size of a maximum one-to-one
matching between the two sets; FN are the unmatched gold items; FP the unmatched predictions that
nothing excuses. Counts are micro-averaged (summed over records) overall, per language and per
file.

Rules, in the order they are applied:

* Gold events with modality ``negated`` or ``hypothetical`` are dropped: they are not in recall
  and do not excuse anything, so a prediction asserting one is a false positive.
* Predictions marked ``negated`` or ``hypothetical`` are ignored (neither TP nor FP), as are
  predictions without a source or target.
* Unscorable gold (``scorable: false``, or a null/empty source or target) is never a miss. A
  prediction that agrees with it on every side gold knows (and, at L2/L3, on the level key when
  gold has one) is excused: neither TP nor FP. A prediction with a wrong known side is not
  excused. Unscorable gold that knows neither side excuses nothing.
* A scorable gold event whose level key is null (e.g. ConfliBERT events with no quad, sentence
  sets with no CAMEO root) does not count at that level (neither FN nor TP); a prediction on its
  pair is excused at that level.
* A prediction that matches a gold item already matched by another prediction (e.g. A->B and
  B->A emitted for one symmetric gold event) is a duplicate: excused, not FP.
* In records with ``exhaustive: false`` only one event per sentence was annotated, so unmatched
  predictions are never FP there; TP and FN are counted as usual.
* Predictions lacking a level key (no quad / CAMEO root) cannot match scorable gold at that level.
  A missing predicted quad is derived from ``plover`` or, failing that, from ``cameo_root``.

Precision is 0.0 when nothing was predicted (TP + FP = 0), recall is 0.0 when there is no gold
(TP + FN = 0), and F1 is 0.0 when precision + recall = 0 (so an empty gold set scored against an
empty prediction set gives 0.0, not 1.0).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

LEVELS: tuple[str, ...] = ("L1", "L2", "L3")
NOT_ASSERTED = frozenset({"negated", "hypothetical"})

PLOVER_QUAD: dict[str, str] = {
    "APPEAL": "verbal_cooperation",
    "AGREE": "verbal_cooperation",
    "CONSULT": "verbal_cooperation",
    "SUPPORT": "verbal_cooperation",
    "CONCEDE": "verbal_cooperation",
    "COOPERATE": "material_cooperation",
    "AID": "material_cooperation",
    "RETREAT": "material_cooperation",
    "REQUEST": "verbal_conflict",
    "ACCUSE": "verbal_conflict",
    "REJECT": "verbal_conflict",
    "THREATEN": "verbal_conflict",
    "PROTEST": "material_conflict",
    "SANCTION": "material_conflict",
    "MOBILIZE": "material_conflict",
    "COERCE": "material_conflict",
    "ASSAULT": "material_conflict",
}
# CAMEO root -> quad class (08 is CONCEDE or RETREAT, so it has no single quad).
ROOT_QUAD: dict[str, str] = {
    "02": "verbal_cooperation",
    "03": "verbal_cooperation",
    "04": "verbal_cooperation",
    "05": "verbal_cooperation",
    "06": "material_cooperation",
    "07": "material_cooperation",
    "09": "verbal_conflict",
    "10": "verbal_conflict",
    "11": "verbal_conflict",
    "12": "verbal_conflict",
    "13": "verbal_conflict",
    "14": "material_conflict",
    "15": "material_conflict",
    "16": "material_conflict",
    "17": "material_conflict",
    "18": "material_conflict",
    "19": "material_conflict",
    "20": "material_conflict",
}


# --------------------------------------------------------------------------- counts and report


@dataclass
class Counts:
    """True positives, false positives and false negatives at one level."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


def _new_levels() -> dict[str, Counts]:
    return {level: Counts() for level in LEVELS}


@dataclass
class Report:
    """Micro-averaged counts overall, per language and per file, for L1/L2/L3."""

    overall: dict[str, Counts] = field(default_factory=_new_levels)
    by_lang: dict[str, dict[str, Counts]] = field(default_factory=dict)
    by_file: dict[str, dict[str, Counts]] = field(default_factory=dict)
    n_records: int = 0
    prediction_ids_without_gold: list[str] = field(default_factory=list)
    records: list[dict[str, Any]] | None = None

    def groups(self) -> Iterator[tuple[str, dict[str, Counts]]]:
        """(label, counts per level) for every group, overall first."""
        yield "overall", self.overall
        for lang in sorted(self.by_lang):
            yield f"lang={lang}", self.by_lang[lang]
        for name in sorted(self.by_file):
            yield f"file={name}", self.by_file[name]

    def to_dict(self) -> dict[str, Any]:
        def levels(counts: dict[str, Counts]) -> dict[str, Any]:
            return {level: c.to_dict() for level, c in counts.items()}

        out: dict[str, Any] = {
            "n_records": self.n_records,
            "overall": levels(self.overall),
            "by_lang": {k: levels(v) for k, v in sorted(self.by_lang.items())},
            "by_file": {k: levels(v) for k, v in sorted(self.by_file.items())},
            "prediction_ids_without_gold": list(self.prediction_ids_without_gold),
        }
        if self.records is not None:
            out["records"] = self.records
        return out

    def format_table(self) -> str:
        """A fixed-width table: group, level, TP, FP, FN, P, R, F1."""
        rows = [(label, level, c) for label, counts in self.groups() for level, c in counts.items()]
        width = max([len("group")] + [len(label) for label, _, _ in rows])
        head = f"{'group':<{width}}  {'level':<5} {'TP':>6} {'FP':>6} {'FN':>6} "
        head += f"{'P':>6} {'R':>6} {'F1':>6}"
        lines = [head, "-" * len(head)]
        for label, level, c in rows:
            lines.append(
                f"{label:<{width}}  {level:<5} {c.tp:>6} {c.fp:>6} {c.fn:>6} "
                f"{c.precision:>6.3f} {c.recall:>6.3f} {c.f1:>6.3f}"
            )
        return "\n".join(lines)


# --------------------------------------------------------------------------- normalisation


def _codes(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    out: list[str] = []
    for code in value:
        if code is None:
            continue
        text = str(code).strip().upper()
        if text and text not in out:
            out.append(text)
    return out


def _modality(event: Mapping[str, Any]) -> str:
    return str(event.get("modality") or "asserted").strip().lower()


def _flag(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in {"true", "1", "yes"}
    return bool(value)


def _root(value: Any) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return f"{value:02d}"[:2]
    text = str(value).strip()
    if not text.isdigit():
        return None
    return text.zfill(2)[:2]


def _quad(value: Any) -> str | None:
    if not value:
        return None
    return str(value).strip().lower().replace(" ", "_").replace("-", "_")


def _level_key(event: Mapping[str, Any], level: str, derive: bool) -> str | None:
    if level == "L1":
        return ""
    if level == "L3":
        return _root(event.get("cameo_root"))
    quad = _quad(event.get("quad"))
    if quad is None and derive:
        plover = str(event.get("plover") or "").strip().upper()
        quad = PLOVER_QUAD.get(plover) or ROOT_QUAD.get(_root(event.get("cameo_root")) or "")
    return quad


# --------------------------------------------------------------------------- items and matching


@dataclass(frozen=True)
class _Item:
    source: str
    target: str
    key: str | None
    symmetric: bool
    event: int
    relation: str | None

    def ident(self) -> tuple[Any, ...]:
        if self.symmetric:
            a, b = sorted((self.source, self.target))
            return ("sym", a, b, self.key)
        return ("dir", self.source, self.target, self.key)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "target": self.target,
            "key": self.key,
            "symmetric": self.symmetric,
            "relation": self.relation,
            "event": self.event,
        }


@dataclass(frozen=True)
class _Excuse:
    sources: frozenset[str] | None
    targets: frozenset[str] | None
    key: str | None
    symmetric: bool
    reason: str

    def _agrees(self, source: str, target: str) -> bool:
        return (self.sources is None or source in self.sources) and (
            self.targets is None or target in self.targets
        )

    def covers(self, pred: _Item) -> bool:
        if self.sources is None and self.targets is None:
            return False
        if self.key is not None and pred.key != self.key:
            return False
        if self._agrees(pred.source, pred.target):
            return True
        return (self.symmetric or pred.symmetric) and self._agrees(pred.target, pred.source)


def _matches(pred: _Item, gold: _Item) -> bool:
    if pred.key != gold.key:
        return False
    if (pred.source, pred.target) == (gold.source, gold.target):
        return True
    return (pred.symmetric or gold.symmetric) and (pred.source, pred.target) == (
        gold.target,
        gold.source,
    )


def _dedupe(items: Iterable[_Item]) -> list[_Item]:
    """One item per (source, target, key): a pair is a pair whether its events said it was
    mutual or not (mutual if any did). A mutual pair and its reverse are one item."""
    merged: dict[tuple[Any, ...], _Item] = {}
    for item in items:
        key = (item.source, item.target, item.key)
        first = merged.get(key)
        if first is None:
            merged[key] = item
        elif item.symmetric and not first.symmetric:
            merged[key] = replace(first, symmetric=True)
    out: list[_Item] = []
    for (source, target, key), item in merged.items():
        reverse = merged.get((target, source, key))
        if item.symmetric and reverse is not None and reverse.symmetric and source > target:
            continue
        out.append(item)
    return out


def _pairs(sources: list[str], targets: list[str]) -> Iterator[tuple[str, str]]:
    for source in sources:
        for target in targets:
            if source != target:
                yield source, target


def _max_matching(edges: list[list[int]]) -> dict[int, int]:
    """Maximum bipartite matching (pred index -> gold index), Kuhn's augmenting paths."""
    gold_to_pred: dict[int, int] = {}

    def augment(p: int, seen: set[int]) -> bool:
        for g in edges[p]:
            if g in seen:
                continue
            seen.add(g)
            if g not in gold_to_pred or augment(gold_to_pred[g], seen):
                gold_to_pred[g] = p
                return True
        return False

    for p in range(len(edges)):
        augment(p, set())
    return {p: g for g, p in gold_to_pred.items()}


def _gold_side(record: Mapping[str, Any], level: str) -> tuple[list[_Item], list[_Excuse]]:
    items: list[_Item] = []
    excuses: list[_Excuse] = []
    for index, event in enumerate(record.get("events") or []):
        if _modality(event) in NOT_ASSERTED:
            continue
        sources, targets = _codes(event.get("source")), _codes(event.get("target"))
        symmetric = _flag(event.get("symmetric"))
        key = _level_key(event, level, derive=False)
        scorable = event.get("scorable", True) is not False and bool(sources) and bool(targets)
        if scorable and key is not None:
            relation = event.get("relation")
            items.extend(
                _Item(s, t, key, symmetric, index, relation) for s, t in _pairs(sources, targets)
            )
            continue
        excuses.append(
            _Excuse(
                frozenset(sources) if sources else None,
                frozenset(targets) if targets else None,
                key,
                symmetric,
                "unscorable_gold" if not scorable else "gold_key_missing",
            )
        )
    return _dedupe(items), excuses


def _pred_side(
    events: list[Mapping[str, Any]], level: str
) -> tuple[list[_Item], list[dict[str, Any]]]:
    items: list[_Item] = []
    ignored: list[dict[str, Any]] = []
    for index, event in enumerate(events):
        modality = _modality(event)
        if modality in NOT_ASSERTED:
            ignored.append({"event": index, "reason": modality})
            continue
        sources, targets = _codes(event.get("source")), _codes(event.get("target"))
        if not sources or not targets:
            ignored.append({"event": index, "reason": "missing_actor"})
            continue
        symmetric = _flag(event.get("symmetric"))
        key = _level_key(event, level, derive=True)
        relation = event.get("relation")
        items.extend(
            _Item(s, t, key, symmetric, index, relation) for s, t in _pairs(sources, targets)
        )
    return _dedupe(items), ignored


def score_record(
    gold_record: Mapping[str, Any], pred_events: list[Mapping[str, Any]]
) -> dict[str, Any]:
    """Score one record; returns per-level counts and which items were TP/FP/FN/excused."""
    exhaustive = gold_record.get("exhaustive", True) is not False
    detail: dict[str, Any] = {"id": gold_record.get("id"), "exhaustive": exhaustive}
    for level in LEVELS:
        gold, excuses = _gold_side(gold_record, level)
        preds, ignored = _pred_side(pred_events, level)
        edges = [[g for g, gi in enumerate(gold) if _matches(p, gi)] for p in preds]
        matching = _max_matching(edges)
        tp: list[dict[str, Any]] = []
        fp: list[dict[str, Any]] = []
        excused: list[dict[str, Any]] = []
        for p, item in enumerate(preds):
            if p in matching:
                tp.append({"pred": item.to_dict(), "gold": gold[matching[p]].to_dict()})
                continue
            if edges[p]:
                reason: str | None = "duplicate"
            else:
                reason = next((e.reason for e in excuses if e.covers(item)), None)
            if reason is None and not exhaustive:
                reason = "non_exhaustive"
            if reason is None:
                fp.append(item.to_dict())
            else:
                excused.append({"pred": item.to_dict(), "reason": reason})
        matched_gold = set(matching.values())
        fn = [g.to_dict() for i, g in enumerate(gold) if i not in matched_gold]
        detail[level] = {
            "counts": {"tp": len(tp), "fp": len(fp), "fn": len(fn)},
            "tp": tp,
            "fp": fp,
            "fn": fn,
            "excused": excused,
        }
    detail["ignored_predictions"] = ignored
    return detail


# --------------------------------------------------------------------------- public entry points


def _pred_index(
    pred_records: Mapping[str, list[dict[str, Any]]] | Iterable[dict[str, Any]],
) -> dict[str, list[dict[str, Any]]]:
    if isinstance(pred_records, Mapping):
        return {str(k): list(v or []) for k, v in pred_records.items()}
    index: dict[str, list[dict[str, Any]]] = {}
    for record in pred_records:
        index.setdefault(str(record.get("id")), []).extend(record.get("events") or [])
    return index


def _file_label(record: Mapping[str, Any], files: Mapping[str, str] | None, file_key: str) -> str:
    rid = str(record.get("id"))
    if files is not None and rid in files:
        return files[rid]
    return str(record.get(file_key) or record.get("set") or "-")


def scored_predictions(
    gold_records: Iterable[dict[str, Any]],
    pred_records: Mapping[str, list[dict[str, Any]]] | Iterable[dict[str, Any]],
    *,
    files: Mapping[str, str] | None = None,
    file_key: str = "source_file",
) -> list[dict[str, Any]]:
    """Per-record details (TP/FP/FN/excused items per level), for reading errors."""
    report = score(gold_records, pred_records, files=files, file_key=file_key, details=True)
    return report.records or []


def score(
    gold_records: Iterable[dict[str, Any]],
    pred_records: Mapping[str, list[dict[str, Any]]] | Iterable[dict[str, Any]],
    *,
    files: Mapping[str, str] | None = None,
    file_key: str = "source_file",
    details: bool = False,
) -> Report:
    """Score predictions against gold records.

    ``pred_records`` is either ``{id: [events]}`` or records ``{"id", "events"}``. The file label
    of a gold record is ``files[id]``, else ``record[file_key]``, else ``record["set"]``, else "-".
    With ``details=True`` the report keeps per-record TP/FP/FN lists in ``Report.records``.
    """
    preds = _pred_index(pred_records)
    report = Report(records=[] if details else None)
    seen_ids: set[str] = set()
    for record in gold_records:
        rid = str(record.get("id"))
        seen_ids.add(rid)
        detail = score_record(record, preds.get(rid, []))
        lang = str(record.get("lang") or "und")
        file_label = _file_label(record, files, file_key)
        detail["lang"], detail["file"] = lang, file_label
        report.n_records += 1
        lang_counts = report.by_lang.setdefault(lang, _new_levels())
        file_counts = report.by_file.setdefault(file_label, _new_levels())
        for level in LEVELS:
            c = detail[level]["counts"]
            counts = Counts(c["tp"], c["fp"], c["fn"])
            for target in (report.overall, lang_counts, file_counts):
                target[level].add(counts)
        if report.records is not None:
            report.records.append(detail)
    report.prediction_ids_without_gold = sorted(set(preds) - seen_ids)
    return report


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Read a JSONL file (blank lines skipped)."""
    with Path(path).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_gold(paths: Iterable[str | Path]) -> list[dict[str, Any]]:
    """Read gold JSONL files, labelling each record's ``source_file`` as ``<dir>/<name>``."""
    records: list[dict[str, Any]] = []
    for path in paths:
        p = Path(path)
        label = f"{p.parent.name}/{p.name}" if p.parent.name else p.name
        for record in read_jsonl(p):
            record.setdefault("source_file", label)
            records.append(record)
    return records
