"""Fitting the name taggers (run by ``python -m summarize.analysers.train``): the source-kind CRF
and the mention CRF, both labelled by the CoreNLP silver named-entity tags PolNeAR ships with."""

from __future__ import annotations

import bisect
import logging
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from .train_taggers import read_gz

log = logging.getLogger(__name__)


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
        by_rules,
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
                    "rules": by_rules(text, start, end)}
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

    train = read_gz(data / "attributions-polnear-train.jsonl.gz")
    validation = read_gz(data / "attributions-polnear-validation.jsonl.gz")
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


MENTION_C1 = 0.1  # chosen on the validation split by typed F1 (0.03, 0.1, 0.3, 1.0)


def _silver_names(record: dict[str, Any]) -> set[tuple[int, int, str]]:
    """The silver names of an article: each run of CoreNLP tokens of one entity class
    (person, organization, location) with no more than a space between them."""
    from .mentions import MENTION_KINDS
    from .source_kinds import LABELS

    out: list[list[Any]] = []
    previous = None
    for start, end, _, _, tag, *_ in record["tokens"]:
        label = LABELS.get(tag, "O")
        if label in MENTION_KINDS and previous is not None and previous[2] == label and \
                start - previous[1] <= 1:
            previous[1] = end
        elif label in MENTION_KINDS:
            previous = [start, end, label]
            out.append(previous)
        else:
            previous = None
    return {(s, e, MENTION_KINDS[label]) for s, e, label in out}


def mention_scores(records: Sequence[dict[str, Any]], tagger: Any) -> dict[str, Any]:
    """The names :func:`.mentions.mentions` finds against the silver ones: precision, recall and
    F1 of the span with its kind and of the span alone, and the precision of the eight actors
    :func:`.mentions.named_actors` puts first in each article (one of their mentions a silver
    name)."""
    from .evaluation import Score
    from .mentions import mentions, named_actors

    typed, spans = Score(), Score()
    top: Counter[bool] = Counter()
    for record in records:
        if not record.get("tokens"):
            continue
        silver = _silver_names(record)
        found = {(a.start, a.end, a.kind) for a in mentions(record["text"], tagger)}
        for score, gold, pred in ((typed, silver, found),
                                  (spans, {x[:2] for x in silver}, {x[:2] for x in found})):
            both = len(gold & pred)
            score.add(both, len(pred), both, len(gold))
        silver_spans = {x[:2] for x in silver}
        for group in named_actors(record["text"], tagger=tagger)[:8]:
            top[any((a.start, a.end) in silver_spans for a in group)] += 1

    def prf(score: Score) -> dict[str, float]:
        return {"p": round(100 * score.precision, 1), "r": round(100 * score.recall, 1),
                "f1": round(100 * score.f1, 1)}

    return {"names": prf(typed), "spans": prf(spans),
            "top8_precision": round(100 * top[True] / max(sum(top.values()), 1), 1)}


def train_mentions(data: Path, out: Path) -> dict[str, Any]:
    """The mention CRF, fitted on the capitalised runs of PolNeAR's training articles with
    CoreNLP's silver named-entity tags as labels, and measured on the validation articles."""
    import pycrfsuite

    from .crf import CRFModel
    from .mentions import candidate_runs, run_features

    train = read_gz(data / "attributions-polnear-train.jsonl.gz")
    validation = read_gz(data / "attributions-polnear-validation.jsonl.gz")
    places = place_names()
    trainer = pycrfsuite.Trainer(verbose=False)
    runs = 0
    for record in train:
        silver, text = record.get("tokens"), record["text"]
        if not silver:
            continue
        starts = [t[0] for t in silver]
        for run, initial in candidate_runs(text):
            trainer.append(run_features(text, run, initial, places),
                           silver_labels(silver, starts, run))
            runs += 1
    trainer.set_params({"c1": MENTION_C1, "c2": 0.01, "max_iterations": SOURCE_KIND_ITERATIONS,
                        "feature.possible_transitions": True})
    path = out / "mentions.crfsuite"
    trainer.train(str(path))
    scores = mention_scores(validation, CRFModel(str(path), {"places": sorted(places)}))
    log.info("mentions: validation names P/R/F1 %s (spans alone %s); top 8 actors' precision %.1f",
             scores["names"], scores["spans"], scores["top8_precision"])
    return {"corpus": "PolNeAR (networkdynamics/PolNeAR; its licence: see the README): the "
                      f"{runs} runs of capitalised words of {len(train)} training articles, "
                      "labelled by the CoreNLP named-entity tags the corpus ships with",
            "trained": date.today().isoformat(), "iterations": SOURCE_KIND_ITERATIONS,
            "c1": MENTION_C1, "validation": scores,
            "places_source": "CLDR (babel): the English names of its territories",
            "places": sorted(places)}


def place_names() -> set[str]:
    """Lowercased English names of CLDR's territories ("Spain", "South Africa", "Hong Kong";
    babel's data, read at build time only). The mention tagger reads them as a feature, weighed
    by the fitting. (The cities CLDR names time zones by were tried as well and scored lower on
    the validation articles: docs/analysers.md, "Sixty-second session".)"""
    from babel import Locale

    from .mentions import PLACE_WORDS

    names = {name for code, name in Locale("en").territories.items() if code.isalpha()}
    return {name.lower() for name in names if len(name.split()) <= PLACE_WORDS}
