"""Actor recognition at the STATE level, measured against the gold data in ../shared/eval/dev.

    .venv/bin/python benchmarks/actor_eval.py [DEV_DIR] [--lang xx ...] [--missed N]
                                             [--sample N] [--json FILE]

What is measured (the gold annotates relations, not every mention, so this is an approximation):

* Each record's whole text is extracted once with `extract_article(text, language, date)`; each
  gold event's evidence sentence is located in the cleaned article text (whitespace-insensitive)
  and mapped to the extracted sentences that overlap it (the "evidence unit"). The actors found
  in a unit are the `states` of the mentions of those sentences. Evidence that cannot be located
  (cleaning dropped it, or it is not verbatim) is extracted on its own.
* Gold actors of a unit: the union of the non-null source and target codes of every event whose
  evidence is that unit (states and IGOs, as in the gold schema; all modalities).
* Recall = gold actors found in their unit / gold actors (counted once per unit and actor).
* Precision = found actors that are gold actors of some event of that unit / all actors found
  in units that carry gold events. A correct mention of a state that takes part in no gold
  relation of the sentence counts as a false positive here, so this UNDERESTIMATES precision.
* "No-event sentences": sentences of the gold records that are the evidence of no gold event
  (article sentences outside every evidence, and sentence-set records with `events: []`, e.g.
  conflibert_pentaclass). Every mention found there is counted and sampled: many are true
  mentions the gold does not annotate (no relation), the rest are matcher errors — read the
  sample to tell them apart.

Eval data is third-party text for internal measurement: it is read in place and never copied.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DEV = REPO.parent / "shared" / "eval" / "dev"


@dataclass
class Tally:
    gold: int = 0  # gold (unit, actor) pairs
    hit: int = 0  # of which found
    found: int = 0  # found (unit, actor) pairs in units with gold events
    correct: int = 0  # of which gold in that unit
    units: int = 0
    unlocated: int = 0  # evidence not found in the cleaned text
    free_sentences: int = 0  # sentences with no gold event
    free_mentions: int = 0  # mentions found there
    free_with_mention: int = 0  # such sentences with at least one mention

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def as_dict(self) -> dict[str, float | int]:
        d: dict[str, float | int] = dict(self.__dict__)
        d["recall"] = round(self.hit / self.gold, 4) if self.gold else 0.0
        d["precision"] = round(self.correct / self.found, 4) if self.found else 0.0
        return d


@dataclass
class Report:
    by_lang: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_file: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    missed: Counter = field(default_factory=Counter)  # (lang, actor) -> count
    missed_examples: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    spurious: Counter = field(default_factory=Counter)  # (lang, surface, state) in gold units
    # (lang, surface, state, sentence) of every mention on a no-event sentence
    free: list[tuple[str, str, str, str]] = field(default_factory=list)
    free_surfaces: Counter = field(default_factory=Counter)


def _compact(text: str) -> tuple[str, list[int]]:
    """The text without whitespace, and the original index of each kept character."""
    chars, index = [], []
    for i, c in enumerate(text):
        if not c.isspace():
            chars.append(c)
            index.append(i)
    return "".join(chars), index


def _locate(evidence: str, text: str, compact: tuple[str, list[int]]) -> tuple[int, int] | None:
    from geokg.graph.model import normalise_text

    needle, _ = _compact(normalise_text(evidence))
    if not needle:
        return None
    hay, index = compact
    at = hay.find(needle)
    if at < 0:
        return None
    return index[at], index[at + len(needle) - 1] + 1


def _codes(event: dict) -> set[str]:
    return {c for side in ("source", "target") for c in (event.get(side) or []) if c}


def evaluate(dev: Path, languages: set[str] | None, report: Report) -> None:
    from geokg.ingest.pipeline import UnsupportedLanguage, extract_article

    files = sorted(dev.glob("articles/*.jsonl")) + sorted(dev.glob("sentences/*.jsonl"))
    for path in files:
        label = f"{path.parent.name}/{path.name}"
        for line in path.open(encoding="utf-8"):
            if not line.strip():
                continue
            record = json.loads(line)
            lang = record.get("lang")
            if languages and lang not in languages:
                continue
            date = record.get("date")
            try:
                result = extract_article(record["text"], language=lang, date=date)
            except UnsupportedLanguage:
                continue
            tally = Tally()
            text = result.article.text
            compact = _compact(text)
            spans = [(s.start, s.end) for s in result.sentences]
            # evidence unit -> gold actors; a unit is a tuple of sentence indexes (or the text)
            units: dict[tuple, set[str]] = defaultdict(set)
            unit_text: dict[tuple, str] = {}
            covered: set[int] = set()
            for event in record.get("events") or []:
                evidence = event.get("evidence") or ""
                where = _locate(evidence, text, compact) if evidence else None
                if where is None:
                    key: tuple = ("text", evidence)
                    tally.unlocated += 1
                else:
                    a, b = where
                    key = tuple(i for i, (s, e) in enumerate(spans) if s < b and e > a)
                    if not key:
                        key = ("text", evidence)
                        tally.unlocated += 1
                    covered.update(i for i in key if isinstance(i, int))
                units[key] |= _codes(event)
                unit_text[key] = evidence
            for key, gold in units.items():
                if key and key[0] == "text":
                    sub = extract_article(key[1] or " ", language=lang, date=date)
                    mentions = [m for ms in sub.mentions for m in ms]
                else:
                    mentions = [m for i in key for m in result.mentions[i]]
                found = {s for m in mentions for s in m.states}
                tally.units += 1
                tally.gold += len(gold)
                tally.hit += len(gold & found)
                tally.found += len(found)
                tally.correct += len(found & gold)
                for actor in sorted(gold - found):
                    k = (lang, actor)
                    report.missed[k] += 1
                    report.missed_examples.setdefault(k, []).append(unit_text[key])
                for m in mentions:
                    for s in m.states:
                        if s not in gold:
                            report.spurious[(lang, m.surface, s)] += 1
            for i, sentence in enumerate(result.sentences):
                if i in covered:
                    continue
                tally.free_sentences += 1
                ms = result.mentions[i]
                tally.free_mentions += len(ms)
                tally.free_with_mention += bool(ms)
                for m in ms:
                    report.free.append((lang, m.surface, ",".join(m.states), sentence.text))
                    report.free_surfaces[(lang, m.surface, ",".join(m.states))] += 1
            report.by_lang[lang].add(tally)
            report.by_file[label].add(tally)


def _table(title: str, rows: dict[str, Tally]) -> str:
    head = (f"{title:<36} {'units':>5} {'gold':>5} {'hit':>5} {'recall':>6}  {'found':>5} "
            f"{'ok':>5} {'prec*':>6}  {'unloc':>5}  {'free_s':>6} {'free_m':>6} {'s_w/m':>5}")
    lines = [head, "-" * len(head)]
    total = Tally()
    for name in sorted(rows):
        t = rows[name]
        total.add(t)
        lines.append(_row(name, t))
    lines.append("-" * len(head))
    lines.append(_row("ALL", total))
    return "\n".join(lines)


def _row(name: str, t: Tally) -> str:
    d = t.as_dict()
    return (f"{name:<36} {t.units:>5} {t.gold:>5} {t.hit:>5} {d['recall']:>6.3f}  {t.found:>5} "
            f"{t.correct:>5} {d['precision']:>6.3f}  {t.unlocated:>5}  {t.free_sentences:>6} "
            f"{t.free_mentions:>6} {t.free_with_mention:>5}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dev", nargs="?", type=Path, default=DEFAULT_DEV,
                        help=f"the gold dev folder (default: {DEFAULT_DEV})")
    parser.add_argument("--lang", action="append", help="only these languages (repeatable)")
    parser.add_argument("--missed", type=int, default=40, help="missed cases to list")
    parser.add_argument("--sample", type=int, default=40,
                        help="mentions on no-event sentences to print")
    parser.add_argument("--examples", type=int, default=2, help="sentences per missed case")
    parser.add_argument("--json", type=Path, help="write the figures as JSON to this file")
    args = parser.parse_args(argv)
    dev: Path = args.dev
    has_data = any(dev.glob("articles/*.jsonl")) or any(dev.glob("sentences/*.jsonl"))
    if not dev.is_dir() or not has_data:
        print(f"actor_eval: no gold data at {dev} (expected articles/*.jsonl, sentences/*.jsonl); "
              "it lives in the developers' workspace only, pass its path as the first argument",
              file=sys.stderr)
        return 2

    report = Report()
    evaluate(dev, set(args.lang) if args.lang else None, report)

    print("Actor recognition at state level (states and IGOs), gold dev data:", dev)
    print("recall = gold actors found in their evidence sentence / gold actors;")
    print("prec*  = found actors that are gold actors of that sentence / found actors in")
    print("         sentences with gold events. UNDERESTIMATES precision: gold annotates")
    print("         relations, so a correct mention outside every relation counts as an FP.")
    print("unloc  = evidence not located in the cleaned text (extracted on its own)")
    print("free_s/free_m/s_w/m = sentences with no gold event / mentions found there /")
    print("         such sentences with >= 1 mention (true unannotated mentions AND errors)\n")
    print(_table("language", report.by_lang))
    print()
    print(_table("file", report.by_file))

    print(f"\nMost frequent missed gold actors (lang, actor: count) with up to "
          f"{args.examples} evidence sentences:")
    for (lang, actor), n in report.missed.most_common(args.missed):
        print(f"  [{lang}] {actor}: {n}")
        for sent in report.missed_examples[(lang, actor)][: args.examples]:
            print(f"      | {sent[:220]}")

    print("\nMost frequent found-but-not-gold mentions in gold sentences (lang, surface -> state):")
    for (lang, surface, state), n in report.spurious.most_common(25):
        print(f"  [{lang}] {surface!r} -> {state}: {n}")

    print("\nMost frequent surfaces found on no-event sentences (lang, surface -> state):")
    for (lang, surface, state), n in report.free_surfaces.most_common(40):
        print(f"  [{lang}] {surface!r} -> {state}: {n}")

    print(f"\nRandom sample of {args.sample} mentions on no-event sentences "
          "(judge: real or error):")
    rng = random.Random(0)
    sample = rng.sample(report.free, min(args.sample, len(report.free)))
    for lang, surface, state, sent in sorted(sample):
        snippet = re.sub(r"\s+", " ", sent)[:160]
        print(f"  [{lang}] {surface!r} -> {state} | {snippet}")

    if args.json:
        args.json.write_text(json.dumps({
            "by_lang": {k: v.as_dict() for k, v in sorted(report.by_lang.items())},
            "by_file": {k: v.as_dict() for k, v in sorted(report.by_file.items())},
        }, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
