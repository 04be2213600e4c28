"""Fitting the learned taggers: the hedge-cue CRF and the attribution CRF (run by ``python -m
summarize.analysers.train``; the name taggers are in :mod:`.train_names`), and the folds every
cross-validation shares."""

from __future__ import annotations

import json
import logging
import random
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def folds(n: int, k: int, seed: int) -> list[list[int]]:
    order = list(range(n))
    random.Random(seed).shuffle(order)
    return [order[i::k] for i in range(k)]


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
    for tokens, features in tagger_inputs(record["text"], carry_quotes=False):
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


def read_gz(path: Path) -> list[dict[str, Any]]:
    from ..document import jsonl_lines

    return [json.loads(line) for _, line in jsonl_lines(path)]


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
    from .attributions import read_attributions
    from .crf import CRFModel

    train = read_gz(data / "attributions-polnear-train.jsonl.gz")
    validation = read_gz(data / "attributions-polnear-validation.jsonl.gz")
    from .sentences import every_line_a_sentence

    trainer = pycrfsuite.Trainer(verbose=False)
    # Fitted on sentences split at every line break, as before line runs were read: fitting on
    # the joined sentences scored lower on the validation split (README, "Sentences").
    with every_line_a_sentence():
        for record in train:
            for features, labels in _attribution_sequences(record):
                trainer.append(features, labels)
    trainer.set_params({"c1": ATTRIBUTION_C1, "c2": 0.01,
                        "max_iterations": ATTRIBUTION_ITERATIONS,
                        "feature.possible_transitions": True})
    path = out / "attributions.crfsuite"
    trainer.train(str(path))
    tagger = CRFModel(str(path), {})
    # scored as `find_attributions` reads (the quotation marks as the tagger knows them)
    learned = score_attributions(validation, lambda t: read_attributions(t, tagger))
    rules = score_attributions(validation, lambda t: read_attributions(t, None))
    for name, scores in (("learned", learned), ("rules", rules)):
        log.info("attributions, %s: validation F1 %s", name,
                 ", ".join(f"{part} {score['f1']:.1f}" for part, score in scores.items()))
    return {"corpus": "PolNeAR (networkdynamics/PolNeAR; its licence: see the README): "
                      f"{len(train)} training articles",
            "trained": date.today().isoformat(), "iterations": ATTRIBUTION_ITERATIONS,
            "c1": ATTRIBUTION_C1,
            "decoding": {"weights": attributions.WEIGHTS,
                         "previous_speaker": attributions.PREVIOUS_SPEAKER,
                         "rule_cues": attributions.RULE_CUES, "quotes_carried": True,
                         "quotes_read_as_double": True,
                         "link_window": attributions.LINK_WINDOW,
                         "content_window": attributions.CONTENT_WINDOW,
                         "likely_source": attributions.LIKELY_SOURCE,
                         "likely_content": attributions.LIKELY_CONTENT,
                         "quote_before": attributions.QUOTE_BEFORE,
                         "join_runs": attributions.JOIN_RUNS,
                         "own_content_after": attributions.OWN_CONTENT_AFTER,
                         "relative_closed": attributions.RELATIVE_CLOSED,
                         "inverted": attributions.sources.INVERTED,
                         "according_after": attributions.sources.ACCORDING_AFTER,
                         "whole_quotation": attributions.WHOLE_QUOTATION,
                         "next_quotation": attributions.NEXT_QUOTATION,
                         "second_joined": attributions.SECOND_JOINED,
                         "through_relative": attributions.extents.THROUGH_RELATIVE,
                         "through_number": attributions.extents.THROUGH_NUMBER,
                         "through_verb": attributions.extents.THROUGH_VERB,
                         "dangling": attributions.extents.DANGLING,
                         "timed_source": attributions.sources.TIMED_SOURCE,
                         "title_before": attributions.spans.TITLE_BEFORE,
                         "according_whole": attributions.extents.ACCORDING_WHOLE,
                         "says_nothing": attributions.links.SAYS_NOTHING,
                         "verb_alone": attributions.extents.VERB_ALONE,
                         "cue_before_content": attributions.links.CUE_BEFORE,
                         "content_past_source": attributions.links.PAST_SOURCE,
                         "according_clause": attributions.links.ACCORDING_CLAUSE,
                         "told_addressee": attributions.links.TOLD_ADDRESSEE,
                         "named_over_relative": attributions.links.NAMED_OVER_RELATIVE,
                         "modifier_participle": attributions.sources.MODIFIER_PARTICIPLE,
                         "told_clause": attributions.spans.TOLD_CLAUSE,
                         "cue_into_content": attributions.spans.CUE_INTO_CONTENT},
            "validation": {"articles": len(validation),
                                                 "learned": learned, "rules": rules}}


# ----------------------------------------------------------------------------- source kinds
