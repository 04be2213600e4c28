"""Benchmark: the learned ranker's bottom lines against lead-3, on data it was not fitted on.

    .venv/bin/python benchmarks/ranking.py [--train ../shared/train]
                                           [--dev ../shared/eval/articles-frank.jsonl]

Two rows per corpus (CNN/DM, BBC), in one run:

* ``5-fold CV (train)``: each of the 230 articles of ``articles-frank-train.jsonl`` summarised by
  a ranker fitted on the other four folds (with the L2 strength and selection (redundancy
  penalty, word and sentence budget) the shipped model uses);
* ``dev``: the 20 articles of ``../shared/eval/articles-frank.jsonl`` summarised by the shipped
  model (``summarize/analysers/models/ranker.json``, fitted on all of the train file).

ROUGE-1/2/L F1 (``rouge-score`` with stemming) of the bottom line against the reference summary,
lead-3 (the first three body sentences) scored on the same articles beside it, plus the oracle
(the greedy ROUGE selection the ranker is trained to imitate) as the ceiling.

A second table scores the extractive title of the articles without a headline: the first body
sentence (the title before the ninth session) and the best-ranked one (now), each whole.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from rouge_score import rouge_scorer

from summarize.analysers.ranking import load_ranker
from summarize.analysers.train import bottom_line, cross_validate, oracle, read_articles

ROOT = Path(__file__).resolve().parent.parent
SCORER = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)


def rouge(reference: str, summary: str) -> dict[str, float]:
    return {k: 100 * v.fmeasure for k, v in SCORER.score(reference, summary).items()}


def table(results: dict[tuple[str, str, str], list[dict[str, float]]]) -> None:
    print("| data | corpus | n | system | ROUGE-1 | ROUGE-2 | ROUGE-L | words |")
    print("|---|---|---:|---|---:|---:|---:|---:|")
    for (data, corpus, system), rows in results.items():
        n = len(rows)
        mean = {k: sum(r[k] for r in rows) / n for k in rows[0]}
        print(f"| {data} | {corpus} | {n} | {system} | {mean['rouge1']:.1f} | "
              f"{mean['rouge2']:.1f} | {mean['rougeL']:.1f} | {mean['words']:.0f} |")


def score(results: dict[tuple[str, str, str], list[dict[str, float]]], data: str,
          article: dict[str, Any], system: str, summary: str) -> None:
    row = rouge(article["reference"], summary)
    row["words"] = len(summary.split())
    results[(data, article["corpus"], system)].append(row)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", type=Path, default=ROOT.parent / "shared" / "train")
    ap.add_argument("--dev", type=Path,
                    default=ROOT.parent / "shared" / "eval" / "articles-frank.jsonl")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    shipped = load_ranker()
    l2 = float(shipped.meta.get("l2", 0.01))
    results: dict[tuple[str, str, str], list[dict[str, float]]] = defaultdict(list)
    train = read_articles(args.train / "articles-frank-train.jsonl")
    selection = (shipped.redundancy, shipped.words, shipped.sentences)
    cv = cross_validate(train, l2, [selection], args.seed)[selection]
    for data, pairs in (("5-fold CV (train)", cv),
                        ("dev", [(a, bottom_line(shipped, a))
                                 for a in read_articles(args.dev)])):
        for article, summary in sorted(pairs, key=lambda p: p[0]["corpus"]):
            score(results, data, article, "lead-3", " ".join(article["pieces"][:3]))
            score(results, data, article, "ranker", summary)
            picked = oracle(article["pieces"], article["reference"])
            score(results, data, article, "oracle (ceiling)",
                  " ".join(article["pieces"][i] for i in sorted(picked)))
    table(dict(sorted(results.items(), key=lambda kv: (kv[0][0] != "5-fold CV (train)",
                                                        kv[0][1], kv[0][2] != "lead-3"))))
    print()
    titles(args, shipped, l2, train)
    print(f"\nshipped model: l2={l2}, redundancy={shipped.redundancy}, words={shipped.words}, "
          f"sentences={shipped.sentences}; "
          + json.dumps({k: v for k, v in shipped.meta.items() if k != "corpus"}))


def titles(args: argparse.Namespace, shipped: Any, l2: float,
           train: list[dict[str, Any]]) -> None:
    """The title of an article without a headline: its first body sentence, or its best-ranked
    one (a one-sentence selection)."""
    one = (shipped.redundancy, shipped.words, 1)
    results: dict[tuple[str, str, str], list[dict[str, float]]] = defaultdict(list)
    for data, pairs in (("5-fold CV (train)", cross_validate(train, l2, [one], args.seed)[one]),
                        ("dev", [(a, bottom_line(shipped, a, one))
                                 for a in read_articles(args.dev)])):
        for article, best in sorted(pairs, key=lambda p: p[0]["corpus"]):
            if article["headline"] or not article["pieces"]:
                continue
            score(results, data, article, "title: first sentence", article["pieces"][0])
            score(results, data, article, "title: best-ranked sentence", best)
    table(dict(sorted(results.items(), key=lambda kv: (kv[0][0] != "5-fold CV (train)",
                                                        kv[0][1], "best" in kv[0][2]))))


if __name__ == "__main__":
    main()
