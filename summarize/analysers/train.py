"""Rebuild every fitted model shipped in ``summarize/analysers/models`` from ``../shared/train``.

    python -m summarize.analysers.train [--data ../shared/train]
        [--out summarize/analysers/models] [--seed 7] [--only ranker|hedges|attributions]

* ``hedges.crfsuite`` + ``hedges.json``: the hedge-cue tagger
  (:mod:`summarize.analysers.hedge_model`), a CRF on the Szeged Wikipedia sentences and the
  FactBank news documents; scored by 5-fold
  cross-validation over the FactBank documents.
* ``ranker.json``: the sentence ranker (:mod:`summarize.analysers.ranking`), a logistic regression
  on ``articles-frank-train.jsonl`` (230 CNN/DM and BBC articles with reference summaries). A
  sentence is labelled positive when a greedy ROUGE-1+2 oracle picks it to rebuild the
  reference. The L2 strength and the redundancy penalty of the selection are chosen by 5-fold
  cross-validation on the same file (the aggregate ROUGE of the selected bottom lines, never
  one article); the final model is fitted on all of it with the chosen values.

Deterministic for a given seed (the folds and the sampled sentences are the only randomness);
about two minutes on 2 cores. Needs numpy and python-crfsuite (the package's dependencies).
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


# ----------------------------------------------------------------------------- hedges

# Our hedge types for the corpus' speculation cue types (a cue the lexicon does not know).
_GOLD_TYPES = {"modal_probable": "modal", "modal_possible": "modal", "doxastic": "doxastic",
               "condition": "conditional", "investigation": "investigation"}
HEDGE_NEGATIVES = 0.1  # share of cue-less Wikipedia sentences kept (chosen by CV)
HEDGE_IN_DOMAIN = 3  # times each FactBank news sentence is shown (chosen by CV)
# Szeged's biomedical parts in the fit: tried, and left out by the cross-validated F1 on FactBank
# (75.8 with them, 78.6 without, both with the single most likely labelling).
HEDGE_BIO: tuple[str, ...] = ()


def _hedge_docs(path: Path) -> list[list[dict[str, Any]]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["sentences"] for line in lines if line.strip()]


def _hedge_sequence(sentence: dict[str, Any]) -> tuple[list[list[str]], list[str]]:
    """Features and labels (B/I/O) of one annotated sentence."""
    from .crf import sentence_tokens
    from .hedge_model import token_features
    from .hedges import lexicon_hedges

    text = sentence["text"]
    tokens = sentence_tokens(text)
    lexicon = [(h.start, h.end, h.type) for h in lexicon_hedges(text)]
    cues = [(c["start"], c["end"]) for c in sentence["cues"]]
    labels = []
    for s, e in tokens:
        label = "O"
        for cs, ce in cues:
            if cs < e and s < ce:
                label = "B" if s <= cs else "I"
                break
        labels.append(label)
    return token_features(text, tokens, lexicon), labels


def _fit_crf(sequences: list[tuple[list[list[str]], list[str]]], path: Path) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for features, labels in sequences:
        trainer.append(features, labels)
    # Chosen by the cross-validated F1 among a few settings (c1 0.0-0.05, 80-150 iterations).
    trainer.set_params({"c1": 0.02, "c2": 0.01, "max_iterations": 150,
                        "feature.possible_transitions": True})
    trainer.train(str(path))


def train_hedges(data: Path, news: Path, out: Path, seed: int) -> dict[str, Any]:
    """The hedge CRF: Szeged Wikipedia sentences (fit) and the FactBank news documents; the
    score is 5-fold cross-validation over the FactBank documents (each fold's model never saw
    its documents, which it tags exactly as find_hedges does); the shipped model is fitted on
    all of it."""
    from . import hedges
    from .crf import CRFModel
    from .evaluation import Score, hedge_scores
    from .hedges import tag_sentence

    rng = random.Random(seed)
    wiki = [_hedge_sequence(sentence) for doc in _hedge_docs(data / "hedges-szeged-wiki.jsonl")
            for sentence in doc if sentence["cues"] or rng.random() < HEDGE_NEGATIVES]
    for part in HEDGE_BIO:  # the biomedical parts, when CV chose them
        wiki += [_hedge_sequence(sentence) for doc in _hedge_docs(data / part)
                 for sentence in doc if sentence["cues"] or rng.random() < HEDGE_NEGATIVES]
    docs = _hedge_docs(news)
    factbank = [[_hedge_sequence(sentence) for sentence in doc] for doc in docs]
    types = _learned_types([data / "hedges-szeged-wiki.jsonl", news])
    log.info("hedges: %d Wikipedia sentences, %d FactBank documents", len(wiki), len(factbank))
    overlap = Score()
    tmp = out / ".hedges-cv.crfsuite"
    for held in folds(len(factbank), 5, seed):
        keep = set(held)
        _fit_crf(wiki + [seq for i, doc in enumerate(factbank) if i not in keep
                         for seq in doc for _ in range(HEDGE_IN_DOMAIN)], tmp)
        fold = CRFModel(str(tmp), {})

        def tag(text: str, fold: CRFModel = fold) -> list[Any]:
            return tag_sentence(text, fold, types)

        _, scored = hedge_scores(({"sentences": docs[i]} for i in held), tag)
        overlap.add(scored.matched_pred, scored.pred, scored.matched_gold, scored.gold)
    tmp.unlink(missing_ok=True)
    precision, recall, f1 = overlap.precision, overlap.recall, overlap.f1
    log.info("hedges: 5-fold CV on FactBank, cue overlap P %.1f R %.1f F1 %.1f",
             100 * precision, 100 * recall, 100 * f1)
    _fit_crf(wiki + [seq for doc in factbank for seq in doc for _ in range(HEDGE_IN_DOMAIN)],
             out / "hedges.crfsuite")
    return {"corpus": "Szeged uncertainty corpus, Wikipedia part (meyersbs/uncertainty, MIT) "
                      "and its FactBank news part (the dev file ../shared/eval)",
            "types": types,
            "trained": date.today().isoformat(), "seed": seed,
            "negatives": HEDGE_NEGATIVES, "in_domain_repeat": HEDGE_IN_DOMAIN,
            "decoding": {"weights": hedges.WEIGHTS},
            "cv_factbank_overlap": {"precision": round(100 * precision, 1),
                                    "recall": round(100 * recall, 1), "f1": round(100 * f1, 1)}}


def _learned_types(paths: list[Path]) -> dict[str, str]:
    """Each cue word's most frequent type in the corpora, as one of ours."""
    counts: dict[str, Counter[str]] = {}
    for path in paths:
        for doc in _hedge_docs(path):
            for sentence in doc:
                for cue in sentence["cues"]:
                    kind = next((ours for key, ours in _GOLD_TYPES.items()
                                 if key in cue["type"]), "modal")
                    counts.setdefault(cue["text"].lower(), Counter())[kind] += 1
    return {word: c.most_common(1)[0][0] for word, c in sorted(counts.items())}


# ----------------------------------------------------------------------------- attributions

_PRIORITY = {"Cue": 3, "Source": 2, "Content": 1}  # a nested cue or source wins over content


def _attribution_sequences(record: dict[str, Any]
                           ) -> list[tuple[list[list[str]], list[str]]]:
    from .attributions import tagger_inputs

    gold = [g for g in record["spans"] if g["label"] in _PRIORITY]
    out = []
    for tokens, features in tagger_inputs(record["text"]):
        labels = []
        previous: tuple[int, int, str] | None = None
        for s, e in tokens:
            best = max((g for g in gold if g["start"] < e and s < g["end"]),
                       key=lambda g: _PRIORITY[g["label"]], default=None)
            if best is None:
                labels.append("O")
                previous = None
                continue
            key = (best["start"], best["end"], best["label"])
            labels.append(("I-" if previous == key else "B-") + best["label"])
            previous = key
        out.append((features, labels))
    return out


def _read_gz(path: Path) -> list[dict[str, Any]]:
    import gzip

    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def score_attributions(records: Sequence[dict[str, Any]], find: Any) -> dict[str, Any]:
    """Overlap precision/recall/F1 per part of ``find(text)``'s attributions, in percent (the
    measure of ``summarize eval attributions``)."""
    from .evaluation import attribution_scores

    return {attr: {"precision": round(100 * score.precision, 1),
                   "recall": round(100 * score.recall, 1), "f1": round(100 * score.f1, 1)}
            for attr, score in attribution_scores(records, find).items()}


ATTRIBUTION_ITERATIONS = 150
ATTRIBUTION_C1 = 0.15  # chosen on the validation split by aggregate F1 (0.02, 0.05, 0.15, 0.3)


def train_attributions(data: Path, out: Path) -> dict[str, Any]:
    """The attribution CRF, fitted on PolNeAR's training split and measured, linked into
    attributions, on its validation split (which nothing was fitted on)."""
    import pycrfsuite

    from . import attributions
    from .attributions import rule_attributions, tagged_attributions
    from .crf import CRFModel

    train = _read_gz(data / "attributions-polnear-train.jsonl.gz")
    validation = _read_gz(data / "attributions-polnear-validation.jsonl.gz")
    trainer = pycrfsuite.Trainer(verbose=False)
    for record in train:
        for features, labels in _attribution_sequences(record):
            trainer.append(features, labels)
    trainer.set_params({"c1": ATTRIBUTION_C1, "c2": 0.01,
                        "max_iterations": ATTRIBUTION_ITERATIONS,
                        "feature.possible_transitions": True})
    path = out / "attributions.crfsuite"
    trainer.train(str(path))
    tagger = CRFModel(str(path), {})
    learned = score_attributions(validation, lambda t: tagged_attributions(t, tagger))
    rules = score_attributions(validation, rule_attributions)
    log.info("attributions: validation F1 source %.1f cue %.1f content %.1f (rules %.1f %.1f "
             "%.1f)", learned["source"]["f1"], learned["cue"]["f1"], learned["content"]["f1"],
             rules["source"]["f1"], rules["cue"]["f1"], rules["content"]["f1"])
    return {"corpus": "PolNeAR (networkdynamics/PolNeAR; its licence: see the README): "
                      f"{len(train)} training articles",
            "trained": date.today().isoformat(), "iterations": ATTRIBUTION_ITERATIONS,
            "c1": ATTRIBUTION_C1,
            "decoding": {"weights": attributions.WEIGHTS,
                         "previous_speaker": attributions.PREVIOUS_SPEAKER},
            "validation": {"articles": len(validation),
                                                 "learned": learned, "rules": rules}}


def _write_json(path: Path, data: dict[str, Any]) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(path)


MODELS = ("ranker", "hedges", "attributions")


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
    if "attributions" in wanted:
        needed += [args.data / "attributions-polnear-train.jsonl.gz",
                   args.data / "attributions-polnear-validation.jsonl.gz"]
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
    if "hedges" in wanted:
        meta = train_hedges(args.data, args.news, args.out, args.seed)
        _write_json(args.out / "hedges.json", meta)
        log.info("wrote hedges.crfsuite (cv FactBank F1 %.1f)",
                 meta["cv_factbank_overlap"]["f1"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
