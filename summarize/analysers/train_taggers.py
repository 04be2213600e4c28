"""Fitting the learned taggers: the hedge-cue CRF, the attribution CRF and the source-kind CRF
(run by ``python -m summarize.analysers.train``), and the folds every cross-validation shares."""

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


def _read_gz(path: Path) -> list[dict[str, Any]]:
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

    train = _read_gz(data / "attributions-polnear-train.jsonl.gz")
    validation = _read_gz(data / "attributions-polnear-validation.jsonl.gz")
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
                         "own_content_after": attributions.OWN_CONTENT_AFTER,
                         "relative_closed": attributions.RELATIVE_CLOSED,
                         "inverted": attributions.sources.INVERTED,
                         "according_after": attributions.sources.ACCORDING_AFTER,
                         "whole_quotation": attributions.WHOLE_QUOTATION,
                         "next_quotation": attributions.NEXT_QUOTATION,
                         "second_joined": attributions.SECOND_JOINED,
                         "through_relative": attributions.THROUGH_RELATIVE,
                         "cue_before_content": attributions.links.CUE_BEFORE,
                         "content_past_source": attributions.links.PAST_SOURCE,
                         "according_clause": attributions.links.ACCORDING_CLAUSE,
                         "told_addressee": attributions.links.TOLD_ADDRESSEE,
                         "named_over_relative": attributions.links.NAMED_OVER_RELATIVE,
                         "modifier_participle": attributions.spans.MODIFIER_PARTICIPLE,
                         "told_clause": attributions.spans.TOLD_CLAUSE,
                         "cue_into_content": attributions.spans.CUE_INTO_CONTENT},
            "validation": {"articles": len(validation),
                                                 "learned": learned, "rules": rules}}


# ----------------------------------------------------------------------------- source kinds

SOURCE_KIND_C1 = 0.3  # chosen on the validation split by kind accuracy (0.03, 0.1, 0.3, 1.0)
SOURCE_KIND_ITERATIONS = 100


def _source_sequences(record: dict[str, Any]
                      ) -> list[tuple[list[list[str]], list[str], tuple[int, int]]]:
    """Per attribution's source: the features of its words, their silver labels (CoreNLP's
    named-entity class of the token under each word) and the phrase's offsets."""
    from .source_kinds import phrase_tokens, span_features

    silver, text = record.get("tokens"), record["text"]
    if not silver:
        return []
    starts = [t[0] for t in silver]
    out = []
    for relation in record["attributions"]:
        source = relation.get("source")
        tokens = phrase_tokens(text, source["start"], source["end"], asides=True) if source else []
        if not tokens:
            continue
        labels = silver_labels(silver, starts, tokens)
        start, end = tokens[0][0], tokens[-1][1]
        out.append((span_features(text, tokens, start, end), labels, (start, end)))
    return out


def silver_labels(silver: Sequence[Sequence[Any]], starts: Sequence[int],
                  tokens: Sequence[tuple[int, int]]) -> list[str]:
    """Each token's silver named-entity label (:data:`.source_kinds.LABELS`): CoreNLP's class of
    the silver token under it, ``O`` for none; ``starts``: the silver tokens' starts."""
    import bisect

    from .source_kinds import LABELS

    labels = []
    for s, e in tokens:
        i = bisect.bisect_right(starts, s) - 1
        labels.append(next((LABELS.get(t[4], "O") for t in silver[max(0, i - 1):i + 2]
                            if t[0] < e and s < t[1]), "O"))
    return labels


def source_kind_accuracy(records: Sequence[dict[str, Any]], tagger: Any) -> dict[str, Any]:
    """Against what the silver tags give, for the model (``tagger``) and for the rules without
    a model: how often a named source's kind (its head word's) agrees, how often a person's
    name is the silver one, and the F1 of telling a name ("Trump", "Western leaders") from a
    description ("Analysts", "Her mother"; silver: a word tagged as an entity)."""
    from .attributions import PRONOUN_SOURCES
    from .source_kinds import (
        _by_rules,
        head_of,
        kind_of,
        name_start_of,
        phrase_tokens,
        source_actor,
    )

    def silver_name(text: str, tokens: list[tuple[int, int]], labels: list[str]
                    ) -> tuple[int, int] | None:
        head = head_of([text[s:e] for s, e in tokens], labels)
        if labels[head] != "PER":
            return None
        return tokens[name_start_of(labels, head)][0], tokens[head][1]

    kinds = {"model": 0, "rules": 0}
    named: dict[str, Counter[tuple[bool, bool]]] = {who: Counter() for who in kinds}
    total = people = names = 0
    for record in records:
        text = record["text"]
        for _, labels, (start, end) in _source_sequences(record):
            if text[start:end].lower() in PRONOUN_SOURCES:
                continue  # the briefing leaves pronoun sources out
            tokens = phrase_tokens(text, start, end, asides=True)
            ours = {"model": source_actor(text, start, end, tagger),
                    "rules": _by_rules(text, start, end)}
            for who, actor in ours.items():
                assert actor is not None
                named[who][(any(label != "O" for label in labels), actor.named)] += 1
            if not text[start:start + 1].isupper():
                continue  # kinds are compared on capitalised sources
            total += 1
            silver = kind_of([text[s:e] for s, e in tokens], labels)
            for who, actor in ours.items():
                assert actor is not None
                kinds[who] += actor.kind == silver
            if silver == "person":
                people += 1
                model = ours["model"]
                names += model is not None and model.kind == "person" and (
                    (model.start, model.end) == silver_name(text, tokens, labels))

    def f1(counts: Counter[tuple[bool, bool]]) -> float:
        found = 2 * counts[(True, True)]
        return round(100 * found / max(found + counts[(True, False)] + counts[(False, True)], 1),
                     1)

    return {"sources": total, "model": round(100 * kinds["model"] / max(total, 1), 1),
            "rules": round(100 * kinds["rules"] / max(total, 1), 1), "people": people,
            "people_named_exactly": round(100 * names / max(people, 1), 1),
            "named_f1": {who: f1(counts) for who, counts in named.items()},
            "all_sources": sum(named["model"].values())}


def train_source_kinds(data: Path, out: Path) -> dict[str, Any]:
    """The source-kind CRF, fitted on the sources of PolNeAR's training articles with CoreNLP's
    silver named-entity tags as labels, and measured on the validation articles' sources."""
    import pycrfsuite

    from .crf import CRFModel

    train = _read_gz(data / "attributions-polnear-train.jsonl.gz")
    validation = _read_gz(data / "attributions-polnear-validation.jsonl.gz")
    trainer = pycrfsuite.Trainer(verbose=False)
    sources = 0
    for record in train:
        for features, labels, _ in _source_sequences(record):
            trainer.append(features, labels)
            sources += 1
    trainer.set_params({"c1": SOURCE_KIND_C1, "c2": 0.01,
                        "max_iterations": SOURCE_KIND_ITERATIONS,
                        "feature.possible_transitions": True})
    path = out / "source-kinds.crfsuite"
    trainer.train(str(path))
    accuracy = source_kind_accuracy(validation, CRFModel(str(path), {}))
    log.info("source kinds: validation accuracy %.1f (rules %.1f) on %d named sources; "
             "%.1f%% of %d people named exactly; names told from descriptions F1 %.1f "
             "(rules %.1f)", accuracy["model"], accuracy["rules"], accuracy["sources"],
             accuracy["people_named_exactly"], accuracy["people"],
             accuracy["named_f1"]["model"], accuracy["named_f1"]["rules"])
    return {"corpus": "PolNeAR (networkdynamics/PolNeAR; its licence: see the README): the "
                      f"{sources} sources of {len(train)} training articles, labelled by the "
                      "CoreNLP named-entity tags the corpus ships with",
            "trained": date.today().isoformat(), "iterations": SOURCE_KIND_ITERATIONS,
            "c1": SOURCE_KIND_C1, "validation": accuracy}
