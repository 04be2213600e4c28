"""Rebuild every fitted model shipped in ``summarize/models`` from ``../shared/train``.

    python -m summarize.train [--data ../shared/train] [--out summarize/models] [--seed 7]

* ``ranker.json``: the sentence ranker (:mod:`summarize.ranking`), a logistic regression on
  ``articles-frank-train.jsonl`` (230 CNN/DM and BBC articles with reference summaries). A
  sentence is labelled positive when a greedy ROUGE-1+2 oracle picks it to rebuild the
  reference. The L2 strength and the redundancy penalty of the selection are chosen by 5-fold
  cross-validation on the same file (the aggregate ROUGE of the selected bottom lines, never
  one article); the final model is fitted on all of it with the chosen values.

Deterministic for a given seed (the folds are the only randomness); a few seconds on 2 cores.
Needs numpy (installed with the package's dependencies).
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import re
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from .ranking import FEATURES, RankerModel, select, sentence_features
from .salience import headline, sentences_of

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent
BOTTOM_LINE_WORDS = 90
BOTTOM_LINE_SENTENCES = 3
_TOKEN = re.compile(r"[a-z0-9]+")


# ----------------------------------------------------------------------------- ROUGE (own)


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def _f1(summary: Counter[tuple[str, ...]], reference: Counter[tuple[str, ...]]) -> float:
    hit = sum((summary & reference).values())
    if not hit:
        return 0.0
    p, r = hit / sum(summary.values()), hit / sum(reference.values())
    return 2 * p * r / (p + r)


def rouge12(summary: str, reference: str) -> float:
    """ROUGE-1 + ROUGE-2 F1 (unstemmed): the oracle's and the cross-validation's objective."""
    s, r = _tokens(summary), _tokens(reference)
    return _f1(_ngrams(s, 1), _ngrams(r, 1)) + _f1(_ngrams(s, 2), _ngrams(r, 2))


def oracle(pieces: Sequence[str], reference: str, limit: int = BOTTOM_LINE_SENTENCES) -> set[int]:
    """Greedy oracle: add the sentence that most raises ROUGE-1+2 until none does."""
    chosen: list[int] = []
    best = 0.0
    while len(chosen) < limit:
        scored = [(rouge12(" ".join(pieces[j] for j in sorted([*chosen, i])), reference), i)
                  for i in range(len(pieces)) if i not in chosen]
        if not scored:
            break
        score, i = max(scored)
        if score <= best:
            break
        best = score
        chosen.append(i)
    return set(chosen)


# ----------------------------------------------------------------------------- data


def _article(record: dict[str, Any]) -> dict[str, Any]:
    text = record["text"]
    spans = sentences_of(text)
    head = headline(text)
    pieces = [text[s:e] for s, e in spans]
    rows = sentence_features(text, spans, text[head[0]:head[1]] if head else None)
    labels = oracle(pieces, record["reference_summary"])
    return {"id": record["id"], "corpus": record["corpus"], "pieces": pieces, "rows": rows,
            "labels": [float(i in labels) for i in range(len(pieces))],
            "reference": record["reference_summary"]}


def read_articles(path: Path) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    # An article without a reference summary teaches nothing (one of the 230 has none).
    return [_article(r) for r in records if r.get("reference_summary")]


# ----------------------------------------------------------------------------- fitting


def fit_ranker(articles: Sequence[dict[str, Any]], l2: float, redundancy: float = 0.0,
               words: int = BOTTOM_LINE_WORDS, sentences: int = BOTTOM_LINE_SENTENCES,
               meta: dict[str, Any] | None = None) -> RankerModel:
    """Logistic regression by full-batch gradient descent on standardised features."""
    import numpy as np

    x = np.array([row for a in articles for row in a["rows"]], dtype=float)
    y = np.array([label for a in articles for label in a["labels"]], dtype=float)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    w = np.zeros(z.shape[1])
    b = 0.0
    # Positives are rare (about 3 of 30 sentences): weigh them up so the fit ranks, not shrinks.
    weight = np.where(y > 0, (len(y) - y.sum()) / max(1.0, y.sum()), 1.0)
    weight = weight / weight.mean()
    for _ in range(3000):
        p = 1.0 / (1.0 + np.exp(-(z @ w + b)))
        g = weight * (p - y)
        w -= 0.5 * (z.T @ g / len(y) + l2 * w)
        b -= 0.5 * float(g.mean())
    return RankerModel(features=FEATURES, mean=tuple(float(v) for v in mean),
                       scale=tuple(float(v) for v in scale), weights=tuple(float(v) for v in w),
                       bias=float(b), redundancy=redundancy, words=words, sentences=sentences,
                       meta=meta or {})


def bottom_line(model: RankerModel, article: dict[str, Any],
                selection: tuple[float, int, int] | None = None) -> str:
    """The bottom line ``model`` selects; ``selection`` = (redundancy, words, sentences)
    overrides the model's own."""
    redundancy, words, sentences = selection or (model.redundancy, model.words, model.sentences)
    scores = [model.score(row) for row in article["rows"]]
    picked = select(article["pieces"], scores, words=words, sentences=sentences,
                    redundancy=redundancy)
    return " ".join(article["pieces"][i] for i in picked)


def folds(n: int, k: int, seed: int) -> list[list[int]]:
    order = list(range(n))
    random.Random(seed).shuffle(order)
    return [order[i::k] for i in range(k)]


SELECTIONS = [(red, words, sentences) for red in (0.0, 0.25, 0.5, 1.0)
              for words in (60, 75, 90) for sentences in (2, 3)]


def cross_validate(articles: Sequence[dict[str, Any]], l2: float,
                   selections: Sequence[tuple[float, int, int]], seed: int, k: int = 5
                   ) -> dict[tuple[float, int, int], list[tuple[dict[str, Any], str]]]:
    """Each article's bottom line, per selection, from a model fitted on the other folds."""
    out: dict[tuple[float, int, int], list[tuple[dict[str, Any], str]]] = {
        s: [] for s in selections}
    for held in folds(len(articles), k, seed):
        keep = set(held)
        model = fit_ranker([a for i, a in enumerate(articles) if i not in keep], l2)
        for selection in selections:
            out[selection].extend((articles[i], bottom_line(model, articles[i], selection))
                                  for i in held)
    return out


def train_ranker(data: Path, seed: int) -> RankerModel:
    articles = read_articles(data / "articles-frank-train.jsonl")
    log.info("ranker: %d articles, %d sentences", len(articles),
             sum(len(a["pieces"]) for a in articles))
    results = []
    for l2 in (0.001, 0.01, 0.1):
        for selection, cv in cross_validate(articles, l2, SELECTIONS, seed).items():
            score = sum(rouge12(summary, a["reference"]) for a, summary in cv) / len(cv)
            log.debug("ranker: l2=%g selection=%s cv ROUGE-1+2 %.2f", l2, selection,
                      100 * score)
            results.append((score, l2, selection))
    score, l2, (red, words, sentences) = max(results, key=lambda r: r[0])
    log.info("ranker: chose l2=%g redundancy=%g words=%d sentences=%d (cv ROUGE-1+2 %.2f)",
             l2, red, words, sentences, 100 * score)
    lead = sum(rouge12(" ".join(a["pieces"][:3]), a["reference"]) for a in articles)
    meta = {"corpus": "FRANK train split (CNN/DailyMail and BBC/XSum articles with reference "
                      "summaries; artidoro/frank, MIT)",
            "articles": len(articles), "sentences": sum(len(a["pieces"]) for a in articles),
            "l2": l2, "trained": date.today().isoformat(), "seed": seed,
            "cv_rouge12": round(100 * score, 2),
            "lead3_rouge12": round(100 * lead / len(articles), 2)}
    return fit_ranker(articles, l2, red, words, sentences, meta)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m summarize.train", description=__doc__)
    ap.add_argument("--data", type=Path, default=ROOT.parent.parent / "shared" / "train")
    ap.add_argument("--out", type=Path, default=ROOT / "models")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    if not (args.data / "articles-frank-train.jsonl").is_file():
        print(f"train: no training data in {args.data} (pass --data)", file=sys.stderr)
        return 3
    args.out.mkdir(parents=True, exist_ok=True)
    ranker = train_ranker(args.data, args.seed)
    target = args.out / "ranker.json"
    tmp = target.with_suffix(".tmp")
    tmp.write_text(json.dumps(ranker.to_json(), indent=1) + "\n", encoding="utf-8")
    tmp.replace(target)
    log.info("wrote %s (cv ROUGE-1+2 %.2f, lead-3 %.2f)", target, ranker.meta["cv_rouge12"],
             ranker.meta["lead3_rouge12"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
