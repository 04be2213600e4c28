"""A learned sentence ranker: which sentences of a news article carry its news.

A logistic regression over a few features of each body sentence (position, length, centrality,
overlap with the headline and the lead, what the analysers find in it), fitted on reference
summaries: a sentence is positive when a greedy ROUGE oracle picks it to rebuild the reference
(``python -m summarize.analysers.train``). The weights ship as JSON in
``summarize/analysers/models/ranker.json`` and load without executing code.
:func:`sentence_features` is the one feature function used both to fit and to rank.

:func:`select` turns the scores into a bottom line: the best sentences, each new one discounted
by its overlap with those already chosen (maximal marginal relevance), within a word budget,
in document order.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from .hedges import lexicon_hedges

__all__ = ["BOTTOM_LINE_SENTENCES", "BOTTOM_LINE_WORDS", "FEATURES", "RankerModel", "load_ranker",
           "overlap", "select", "sentence_features"]

# A briefing's bottom line: at most three sentences and 90 words. Every strategy writes it so,
# and the ranker's selection is fitted for that budget.
BOTTOM_LINE_SENTENCES = 3
BOTTOM_LINE_WORDS = 90

_STOP = frozenset(
    "the a an and or of to in on at for by with from as is are was were be been has have had "
    "that this these those it its their they them he she his her not but also which who will "
    "would could may might can said says about into than then there here after before over "
    "some any all more most such only very just i we you our your one two new last first".split()
)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")
_NUMBER = re.compile(r"\d[\d,.]*")
_SAID = re.compile(r"\b(?:said|says|told|according to|confirmed|disclosed|reported|announced|"
                   r"stated|acknowledged|warned|claimed|added)\b")
_QUOTE = re.compile("[\"“”]")

FEATURES = (
    "first", "second", "third", "inverse_position", "relative_position", "log_words",
    "short", "long", "centrality", "centrality_relative", "headline_overlap", "lead_overlap",
    "numbers", "said", "quoted", "starts_quoted", "names", "hedges", "question",
    "log_sentences", "first_x_log_sentences",
)


def content_words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text) if w.lower() not in _STOP and len(w) > 2]


def sentence_features(text: str, spans: Sequence[tuple[int, int]],
                      headline: str | None) -> list[list[float]]:
    """One feature vector (in :data:`FEATURES` order) per sentence span of ``text``."""
    bags = [content_words(text[s:e]) for s, e in spans]
    doc = Counter(w for bag in bags for w in bag)
    # (fsum: a sum over a set is in an order that changes with the process's hash seed, and a
    # plain sum with it in its last digits, which made the ranker's rebuild differ run to run)
    central = [math.fsum(math.log1p(doc[w] - 1) for w in set(bag)) / math.sqrt(len(set(bag)))
               if bag else 0.0 for bag in bags]
    top = max(central, default=0.0) or 1.0
    head = set(content_words(headline or ""))
    lead = set(bags[0]) if bags else set()
    n = len(spans)
    rows = []
    for i, ((s, e), bag) in enumerate(zip(spans, bags, strict=True)):
        piece = text[s:e]
        words = len(piece.split())
        unique = set(bag)
        rows.append([
            float(i == 0), float(i == 1), float(i == 2), 1.0 / (1 + i), i / max(1, n - 1),
            math.log1p(words), float(words < 8), float(words > 40),
            central[i] / 3.0, central[i] / top,
            len(unique & head) / len(unique) if unique and head else 0.0,
            len(unique & lead) / len(unique) if unique and i > 0 else 0.0,
            min(3, len(_NUMBER.findall(piece))) / 3, float(bool(_SAID.search(piece))),
            float(bool(_QUOTE.search(piece))), float(bool(_QUOTE.match(piece))),
            min(4, len(_NAME.findall(piece))) / 4, min(2, len(lexicon_hedges(piece))) / 2,
            float(piece.rstrip("\"'”’ ").endswith("?")),
            math.log1p(n) / 4, float(i == 0) * math.log1p(n) / 4,
        ])
    return rows


@dataclass(frozen=True)
class RankerModel:
    """Standardised logistic regression weights, plus how the bottom line is selected."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    redundancy: float
    words: int
    sentences: int
    meta: dict[str, Any]

    def score(self, row: Sequence[float]) -> float:
        z = self.bias + sum(w * (x - m) / sc for w, x, m, sc
                            in zip(self.weights, row, self.mean, self.scale, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> dict[str, Any]:
        return {"features": list(self.features), "mean": list(self.mean),
                "scale": list(self.scale), "weights": list(self.weights), "bias": self.bias,
                "redundancy": self.redundancy, "words": self.words,
                "sentences": self.sentences, "meta": self.meta}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RankerModel:
        return cls(features=tuple(data["features"]), mean=tuple(data["mean"]),
                   scale=tuple(data["scale"]), weights=tuple(data["weights"]),
                   bias=float(data["bias"]), redundancy=float(data["redundancy"]),
                   words=int(data["words"]), sentences=int(data["sentences"]),
                   meta=dict(data.get("meta", {})))


@functools.cache
def load_ranker() -> RankerModel:
    """The shipped ranker (``summarize/analysers/models/ranker.json``)."""
    raw = resources.files("summarize.analysers").joinpath("models", "ranker.json").read_text(
        "utf-8")
    model = RankerModel.from_json(json.loads(raw))
    if model.features != FEATURES:
        raise RuntimeError("summarize/analysers/models/ranker.json was fitted on other features; "
                           "rebuild it with `python -m summarize.analysers.train`")
    return model


def overlap(a: set[str], b: set[str]) -> float:
    """The share of the smaller set's words that the other holds (0 when either is empty)."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def said_already(a: set[str], b: set[str]) -> float:
    """The share of ``a``'s words that ``b`` holds (0 when either is empty): how much of a
    candidate sentence a chosen one has said."""
    return len(a & b) / len(a) if a and b else 0.0


def select(pieces: Sequence[str], scores: Sequence[float], *, words: int, sentences: int,
           redundancy: float) -> list[int]:
    """Indices of the sentences for a bottom line, in document order.

    Greedy maximal marginal relevance: each step takes the sentence whose score, less
    ``redundancy`` times the share of its content words a chosen sentence has said, is highest,
    while the total stays within ``words`` (the first sentence is always taken). (The share of
    the smaller sentence's words, :func:`overlap`, let a short sentence sharing "least" and
    "magnitude" shut out a story's lead: cross-validated ROUGE-1+2 on the FRANK training
    articles 38.33 against 39.03; docs/analysers.md, "Twenty-eighth session".)"""
    bags = [set(content_words(p)) for p in pieces]
    lengths = [len(p.split()) for p in pieces]
    chosen: list[int] = []
    total = 0
    left = set(range(len(pieces)))
    while left and len(chosen) < sentences:
        def gain(i: int) -> float:
            seen = max((said_already(bags[i], bags[j]) for j in chosen), default=0.0)
            return scores[i] - redundancy * seen
        best = max(sorted(left), key=gain)
        left.discard(best)
        if chosen and total + lengths[best] > words:
            continue
        chosen.append(best)
        total += lengths[best]
    return sorted(chosen)
