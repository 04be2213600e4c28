"""Benchmark: the three strategies on real articles, beside lead-3, on the embedded model.

    .venv/bin/python benchmarks/strategies.py [--articles ../shared/eval/articles-frank.jsonl]
                                              [--strategies extractive,guided,generative]

For each article: the bottom line against the reference summary (ROUGE-1/2/L F1, rouge-score
with stemming), the share of evidence grounded, invented entities (names or numbers in the title,
bottom line, actors or figures that do not occur in the document) and seconds per article
(wall time of the briefing, the model server's start excluded). Lead-3 (the first three body
sentences) is scored in the same run. Rows per corpus (CNN/DM, BBC) and overall.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from rouge_score import rouge_scorer

from summarize import brief, document_from_text, resolve_settings
from summarize.analysers.salience import sentences_of
from summarize.backends import OpenAICompatibleBackend
from summarize.backends.cache import ResponseCache
from summarize.backends.local import EmbeddedServer
from summarize.core.checks import invented_entities

ROOT = Path(__file__).resolve().parent.parent
SCORER = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)


def lead3(text: str) -> str:
    return " ".join(text[s:e] for s, e in sentences_of(text)[:3])


def rouge(reference: str, summary: str) -> dict[str, float]:
    scores = SCORER.score(reference, summary)
    return {k: 100 * v.fmeasure for k, v in scores.items()}


def heldout(records: list[dict[str, Any]], fold: int) -> list[dict[str, Any]]:
    """Fold ``fold`` of the training split, and the ranker fitted on the rest put in place."""
    from summarize.analysers import salience
    from summarize.analysers.ranking import load_ranker
    from summarize.analysers.train import _article, fit_ranker, folds

    records = [r for r in records if r.get("reference_summary")]
    held = set(folds(len(records), 5, 7)[fold])
    shipped = load_ranker()
    fitted = fit_ranker([_article(r) for i, r in enumerate(records) if i not in held],
                        float(shipped.meta["l2"]), shipped.redundancy, shipped.words,
                        shipped.sentences)
    salience.load_ranker = lambda: fitted  # type: ignore[attr-defined]
    print(f"fold {fold}: {len(held)} held-out articles, ranker fitted on "
          f"{len(records) - len(held)}", flush=True)
    return [r for i, r in enumerate(records) if i in held]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", default=str(ROOT.parent / "shared" / "eval" /
                                               "articles-frank.jsonl"))
    ap.add_argument("--strategies", default="extractive,guided,generative",
                    help="comma-separated; STRATEGY@VERSION picks a prompt, e.g. guided@v2")
    ap.add_argument("--cache", action="store_true",
                    help="answers through the response cache: re-scoring after a change to the "
                    "post-processing costs no model call (seconds per article are then those of "
                    "the original calls)")
    ap.add_argument("--heldout-fold", type=int, metavar="K",
                    help="articles: fold K (0-4) of the ranker's 5-fold split of --articles "
                    "(use the train file), ranked by a ranker fitted on the other four folds: "
                    "an ablation on articles the ranking was not fitted on")
    args = ap.parse_args()
    cache = ResponseCache.default() if args.cache else None
    lines = Path(args.articles).read_text(encoding="utf-8").splitlines()
    articles = [json.loads(line) for line in lines if line.strip()]
    if args.heldout_fold is not None:
        articles = heldout(articles, args.heldout_fold)
    strategies = args.strategies.split(",")
    rows: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    with EmbeddedServer() as server:
        backend = OpenAICompatibleBackend(kind="local", model="smollm2-135m-instruct",
                                          base_url=server.base_url, api_key=None, timeout=300,
                                          seed=7)
        for a in articles:
            doc = document_from_text(a["text"], doc_id=a["id"])
            rows[("lead-3", a["corpus"])].append({**rouge(a["reference_summary"],
                                                          lead3(a["text"])),
                                                  "grounded": 1.0, "invented": 0, "seconds": 0.0})
            for strategy in strategies:
                name, _, version = strategy.partition("@")
                began = time.perf_counter()
                try:
                    b = brief(doc, settings=resolve_settings(env={}, strategy=name,
                                                             prompt=version or None),
                              backend=backend, cache=cache)
                except Exception as exc:  # noqa: BLE001 - a failure is a result here
                    print(f"{a['id']} {strategy}: failed: {exc}", flush=True)
                    rows[(strategy, a["corpus"])].append({"failed": 1})
                    continue
                seconds = time.perf_counter() - began
                said = " ".join([b.title, b.bottom_line, *(x.name for x in b.actors),
                                 *(f.text for f in b.figures)])
                rows[(strategy, a["corpus"])].append({
                    **rouge(a["reference_summary"], b.bottom_line),
                    "grounded": b.grounding.rate or 0.0,
                    "invented": len(invented_entities(said, a["text"])),
                    "seconds": seconds,
                })
                print(f"{a['id']} {strategy}: {seconds:.1f} s", flush=True)
        backend.close()
    print()
    print("| strategy | corpus | n | ROUGE-1 | ROUGE-2 | ROUGE-L | evidence grounded | "
          "invented entities | s/article (median) | failed |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name in ["lead-3", *strategies]:
        for corpus in ("cnndm", "bbc", "all"):
            items = [r for (s, c), rs in rows.items() if s == name and corpus in (c, "all")
                     for r in rs]
            ok = [r for r in items if "failed" not in r]
            if not items:
                continue
            mean = {k: statistics.mean(r[k] for r in ok) if ok else 0.0
                    for k in ("rouge1", "rouge2", "rougeL", "grounded")}
            invented = sum(r["invented"] for r in ok)
            seconds = statistics.median(r["seconds"] for r in ok) if ok else 0.0
            print(f"| {name} | {corpus} | {len(items)} | {mean['rouge1']:.1f} | "
                  f"{mean['rouge2']:.1f} | {mean['rougeL']:.1f} | {100 * mean['grounded']:.0f}% | "
                  f"{invented} | {seconds:.2f} | {len(items) - len(ok)} |")


if __name__ == "__main__":
    main()
