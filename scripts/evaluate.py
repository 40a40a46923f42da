"""Per-criterion agreement of the scorer with the labelled dev set.

Usage: python -m scripts.evaluate [NOTES.jsonl] [--show-errors]

Prints accuracy and macro F1 per criterion (goal: 0.9 or better on each) and, with
--show-errors, every disagreement with the note's id.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from coach import CRITERIA, score_many

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "devset" / "notes.jsonl"


def macro_f1(pairs: list[tuple[str, str]]) -> float:
    labels = sorted({gold for gold, _ in pairs} | {pred for _, pred in pairs})
    scores = []
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notes", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args(argv)
    if not args.notes.is_file():
        parser.exit(2, f"{args.notes}: no such file (the dev set lives in ../shared/devset/)\n")
    rows = [json.loads(line) for line in args.notes.read_text(encoding="utf-8").splitlines()]
    reports = list(score_many(r["text"] for r in rows))
    pairs: dict[str, list[tuple[str, str]]] = {c: [] for c in CRITERIA}
    errors = []
    for row, report in zip(rows, reports, strict=True):
        for v in report.criteria:
            gold = row["labels"][v.id]
            pairs[v.id].append((gold, v.verdict))
            if gold != v.verdict:
                errors.append((row["id"], v.id, gold, v.verdict))
    print(f"{len(rows)} notes from {args.notes}")
    print(f"{'criterion':<24}{'accuracy':>9}{'macro F1':>10}  confusion (gold->predicted)")
    below = 0
    for c in CRITERIA:
        p = pairs[c]
        acc = sum(g == q for g, q in p) / len(p)
        f1 = macro_f1(p)
        below += acc < 0.9 or f1 < 0.9
        wrong = Counter(f"{g}->{q}" for g, q in p if g != q)
        print(f"{c:<24}{acc:>9.3f}{f1:>10.3f}  {dict(wrong) or ''}")
    print(f"criteria below 0.9: {below}")
    if args.show_errors:
        for note_id, c, gold, pred in errors:
            print(f"{note_id} {c}: gold {gold}, predicted {pred}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
