"""Rebuild every fitted model shipped in ``summarize/analysers/models`` from ``../shared/train``.

    python -m summarize.analysers.train [--data ../shared/train]
        [--out summarize/analysers/models] [--seed 7]
        [--only ranker|hedges|attributions|source-kinds|mentions|units|currencies|unit-names|
                non-nouns|casing]

* ``hedges.crfsuite`` + ``hedges.json``: the hedge-cue tagger
  (:mod:`summarize.analysers.hedge_model`), a CRF on the Szeged Wikipedia sentences and the
  FactBank news documents; scored by 5-fold
  cross-validation over the FactBank documents.
* ``attributions.crfsuite`` + ``attributions.json``: the attribution tagger
  (:mod:`summarize.analysers.attribution_model`), a CRF on PolNeAR's training articles; scored on
  its validation articles.
* ``source-kinds.crfsuite`` + ``source-kinds.json``: what kind of actor a source is, and its name
  (:mod:`summarize.analysers.source_kinds`), a CRF on the sources of PolNeAR's training articles
  labelled by the corpus' CoreNLP named-entity tags; scored on its validation articles.
* ``mentions.crfsuite`` + ``mentions.json``: the names a document writes, spoken or not
  (:mod:`summarize.analysers.mentions`), a CRF on the runs of capitalised words of PolNeAR's
  training articles labelled by the corpus' CoreNLP named-entity tags; scored on its validation
  articles. Built after ``casing.json``, whose lexicon its features read.
* ``ranker.json``: the sentence ranker (:mod:`summarize.analysers.ranking`), a logistic regression
  on ``articles-frank-train.jsonl`` (230 CNN/DM and BBC articles with reference summaries). A
  sentence is labelled positive when a greedy ROUGE-1+2 oracle picks it to rebuild the
  reference. The L2 strength and the redundancy penalty of the selection are chosen by 5-fold
  cross-validation on the same file (the aggregate ROUGE of the selected bottom lines, never
  one article); the final model is fitted on all of it with the chosen values.
* ``unit-senses.json``: which unit an ambiguous unit word means (:mod:`.figures.senses`), naive
  Bayes on CQE's unit-disambiguation sentences.
* ``currencies.json``: the scanner's currency lexicon (:mod:`.figures.currencies`), built from
  Unicode CLDR through babel (a build-time dependency, in the ``dev`` extra), not from
  ``../shared/train``; the codes read in lower case are those the casing lexicon (the
  package's ``casing.json``) never writes as a word.
* ``unit-names.json``: unit spellings the scanner's names lack (:mod:`.figures.canonical`), from
  quantulum3's unit lexicon (also in the ``dev`` extra).
* ``non-nouns.json``: words that are not a noun phrase's head (:mod:`.figures.units`), the
  plurals the spelling rules get wrong and the comparatives and superlatives with their adjective
  (:mod:`.figures.words`), from the CoreNLP part-of-speech tags and lemmas of PolNeAR's training
  articles, and the words its named-entity tags nearly always call a person's name.

Deterministic for a given seed, to the last digit whatever the process's hash seed (the folds
and the sampled sentences are the only randomness; the shipped files differ only in the date);
about two minutes on 2 cores. Needs numpy and python-crfsuite (the package's dependencies).
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import zlib
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from .ranking import (
    BOTTOM_LINE_SENTENCES,
    BOTTOM_LINE_WORDS,
    FEATURES,
    RankerModel,
    select,
    sentence_features,
)
from .salience import headline, sentences_of
from .train_currencies import build_currencies
from .train_lexicons import build_casing, build_non_nouns, build_unit_names
from .train_names import train_mentions, train_source_kinds
from .train_taggers import folds, train_attributions, train_hedges

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent
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
            "reference": record["reference_summary"], "headline": head is not None}


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


# The budget is the briefing's (``ranking.BOTTOM_LINE_WORDS`` and ``BOTTOM_LINE_SENTENCES``, as
# every strategy writes a bottom line); the redundancy penalty is chosen with the L2 strength.
SELECTIONS = [(red, BOTTOM_LINE_WORDS, BOTTOM_LINE_SENTENCES) for red in (0.0, 0.25, 0.5, 1.0)]


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


# ----------------------------------------------------------------------------- unit senses

SENSE_ALPHAS = (0.1, 0.3, 1.0)  # the smoothing, chosen by the cross-validated accuracy
SENSE_FOLDS = 5


def _sense_examples(path: Path) -> list[tuple[str, str, list[str], str | None, int, str | None]]:
    """``(surface, sense, context words, the scanner's own sense, fold, written form)`` for
    every figure of CQE's disambiguation sentences that carries an ambiguous surface with a
    sense of ours. The fold comes from the sentence's text, so a sentence's figures are held out
    together and a change to what the scanner finds moves no other sentence to another fold."""
    from .figures import extract_figures
    from .figures.senses import SURFACES, context_words, surface_at, written_form

    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        text, sense = record["text"], record["unit"]
        for figure in extract_figures(text, senses=False):
            surface = surface_at(text, figure.start, figure.end)
            if surface is None or sense not in SURFACES[surface]:
                continue
            ours = next((name for name, unit in SURFACES[surface].items()
                         if unit == figure.unit), None)
            out.append((surface, sense, context_words(text, figure.start, figure.end), ours,
                        zlib.crc32(text.encode("utf-8")) % SENSE_FOLDS,
                        written_form(text, figure.start, figure.end)))
    return out


def train_unit_senses(data: Path, seed: int) -> dict[str, Any]:
    """The unit-sense model, its smoothing chosen and its accuracy measured by 5-fold
    cross-validation on CQE's disambiguation sentences, beside the scanner's own reading."""
    from .figures.senses import fit_forms, fit_senses, predict

    examples = _sense_examples(data / "units-cqe-sentences.jsonl")
    parts = [[i for i, example in enumerate(examples) if example[4] == fold]
             for fold in range(SENSE_FOLDS)]

    def accuracy(alpha: float) -> dict[str, list[int]]:
        hits: dict[str, list[int]] = {}
        for held in parts:
            keep = set(held)
            model = fit_senses(((s, y, w) for i, (s, y, w, *_) in enumerate(examples)
                                if i not in keep), alpha)
            forms = fit_forms((s, y, f) for i, (s, y, _, _, _, f) in enumerate(examples)
                              if i not in keep)
            for i in held:
                surface, sense, words, ours, _, form = examples[i]
                seen = forms.get(surface, {}).get(form) if form else None
                tally = hits.setdefault(surface, [0, 0])
                tally[0] += (predict(model, surface, words, seen) or ours) == sense
                tally[1] += 1
        return hits

    scored = {alpha: accuracy(alpha) for alpha in SENSE_ALPHAS}
    alpha = max(SENSE_ALPHAS, key=lambda a: sum(h for h, _ in scored[a].values()))
    rules: dict[str, list[int]] = {}
    for surface, sense, _, ours, *_ in examples:
        tally = rules.setdefault(surface, [0, 0])
        tally[0] += ours == sense
        tally[1] += 1
    cv = {surface: {"examples": n, "model": round(100 * hits / n, 1),
                    "scanner": round(100 * rules[surface][0] / n, 1)}
          for surface, (hits, n) in sorted(scored[alpha].items())}
    for surface, row in cv.items():
        log.info("unit senses %s: %d examples, 5-fold CV accuracy %.1f (the scanner's %.1f)",
                 surface, row["examples"], row["model"], row["scanner"])
    return {"corpus": "CQE's unit-disambiguation sentences (satya77/CQE_Evaluation)",
            "trained": date.today().isoformat(), "seed": seed, "alpha": alpha,
            "cv_accuracy": cv,
            "senses": fit_senses(((s, y, w) for s, y, w, *_ in examples), alpha),
            "forms": fit_forms((s, y, f) for s, y, _, _, _, f in examples)}


def _write_json(path: Path, data: dict[str, Any]) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(path)


MODELS = ("ranker", "hedges", "attributions", "source-kinds", "mentions", "units", "currencies",
          "unit-names", "non-nouns", "casing")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m summarize.analysers.train", description=__doc__)
    ap.add_argument("--data", type=Path, default=ROOT.parent.parent.parent / "shared" / "train")
    ap.add_argument("--news", type=Path, default=ROOT.parent.parent.parent / "shared" / "eval" /
                    "hedges-factbank.jsonl", help="FactBank news sentences for the hedge model")
    ap.add_argument("--out", type=Path, default=ROOT / "models")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--only", choices=MODELS, action="append",
                    help="rebuild only this model (repeatable); default: all")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    wanted = args.only or list(MODELS)
    needed = [args.data / "articles-frank-train.jsonl"] if "ranker" in wanted else []
    if "hedges" in wanted:
        needed += [args.data / "hedges-szeged-wiki.jsonl", args.news]
    if {"attributions", "source-kinds", "mentions"} & set(wanted):
        needed += [args.data / "attributions-polnear-train.jsonl.gz",
                   args.data / "attributions-polnear-validation.jsonl.gz"]
    if "units" in wanted:
        needed.append(args.data / "units-cqe-sentences.jsonl")
    if "non-nouns" in wanted:
        needed.append(args.data / "attributions-polnear-train.jsonl.gz")
    if "casing" in wanted:
        needed += [args.data / "attributions-polnear-train.jsonl.gz",
                   args.data / "articles-frank-train.jsonl", args.data / "hedges-szeged-wiki.jsonl"]
    missing = [str(p) for p in needed if not p.is_file()]
    if missing:
        print(f"train: missing training data: {', '.join(missing)} (pass --data/--news)",
              file=sys.stderr)
        return 3
    args.out.mkdir(parents=True, exist_ok=True)
    if "ranker" in wanted:
        ranker = train_ranker(args.data, args.seed)
        _write_json(args.out / "ranker.json", ranker.to_json())
        log.info("wrote ranker.json (cv ROUGE-1+2 %.2f, lead-3 %.2f)",
                 ranker.meta["cv_rouge12"], ranker.meta["lead3_rouge12"])
    if "attributions" in wanted:
        meta = train_attributions(args.data, args.out)
        _write_json(args.out / "attributions.json", meta)
        log.info("wrote attributions.crfsuite")
    if "source-kinds" in wanted:
        meta = train_source_kinds(args.data, args.out)
        _write_json(args.out / "source-kinds.json", meta)
        log.info("wrote source-kinds.crfsuite")
    if "units" in wanted:
        _write_json(args.out / "unit-senses.json", train_unit_senses(args.data, args.seed))
        log.info("wrote unit-senses.json")
    if "unit-names" in wanted:
        _write_json(args.out / "unit-names.json", build_unit_names())
        log.info("wrote unit-names.json")
    if "non-nouns" in wanted:
        _write_json(args.out / "non-nouns.json", build_non_nouns(args.data))
        log.info("wrote non-nouns.json")
    if "casing" in wanted:
        _write_json(args.out / "casing.json", build_casing(args.data))
        log.info("wrote casing.json")
    if "currencies" in wanted:  # after casing: its lower-case codes read the casing lexicon
        _write_json(args.out / "currencies.json", build_currencies())
        log.info("wrote currencies.json")
    if "mentions" in wanted:
        meta = train_mentions(args.data, args.out)
        _write_json(args.out / "mentions.json", meta)
        log.info("wrote mentions.crfsuite")
    if "hedges" in wanted:
        meta = train_hedges(args.data, args.news, args.out, args.seed)
        _write_json(args.out / "hedges.json", meta)
        log.info("wrote hedges.crfsuite (cv FactBank F1 %.1f)",
                 meta["cv_factbank_overlap"]["f1"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
