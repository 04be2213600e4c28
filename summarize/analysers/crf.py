"""What the learned taggers share: tokens with offsets, word shapes, BIO decoding, and loading a
shipped CRFsuite model with its JSON metadata (a data file, loaded without executing code)."""

from __future__ import annotations

import functools
import json
import re
import threading
from collections.abc import Callable, Collection, Mapping, Sequence
from importlib import resources
from typing import Any

__all__ = ["CRFModel", "decode_bio", "load_model", "sentence_tokens", "word_shape"]

_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


def sentence_tokens(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each word or punctuation mark of ``text``."""
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text)]


@functools.lru_cache(maxsize=1 << 16)
def word_shape(word: str) -> str:
    """``Xxxx``, ``dd``, ``XX-dd``: the word's letters and digits as classes, runs cut to two
    (remembered: news repeats its words)."""
    shape = re.sub(r"[A-Z]", "X", re.sub(r"[a-z]", "x", re.sub(r"\d", "d", word)))
    return re.sub(r"(.)\1+", r"\1\1", shape)


def decode_bio(tokens: Sequence[tuple[int, int]], labels: Sequence[str]
               ) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` spans from BIO labels (``B-Cue`` or plain ``B``, kind ``""``); an
    ``I`` that does not continue a span of its kind starts one."""
    spans: list[list[Any]] = []
    current: list[Any] | None = None
    for (s, e), label in zip(tokens, labels, strict=True):
        if label == "O":
            current = None
            continue
        tag, _, kind = label.partition("-")
        if tag == "B" or current is None or current[2] != kind:
            current = [s, e, kind]
            spans.append(current)
        else:
            current[1] = e
    return [(int(s), int(e), str(k)) for s, e, k in spans]


def joined_runs(labels: Sequence[str], words: Sequence[str]) -> list[str]:
    """``labels`` with a ``B-`` right after a word of its kind read as ``I-``: posterior decoding
    labels each token alone, and splits "port officials" into two sources where each token's
    ``B-Source`` outweighs its ``I-Source``. (In PolNeAR's training articles a source begins
    right where another ends 38 times in 17,212, a cue 3 times in 19,835.) After punctuation
    the decoding's ``B-`` stands: "killing at least 140 people, the disaster agency said"."""
    out = list(labels)
    for i in range(1, len(out)):
        if out[i].startswith("B-") and out[i - 1][2:] == out[i][2:] and \
                any(c.isalnum() for c in words[i - 1]):
            out[i] = "I-" + out[i][2:]
    return out


class CRFModel:
    """A CRFsuite tagger and the metadata it was shipped with."""

    def __init__(self, model_path: str, meta: dict[str, Any]) -> None:
        import pycrfsuite

        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(model_path)
        self.meta = meta
        # One tagger holds one sequence at a time: setting it and reading its marginals must not
        # interleave with another thread's (the service briefs documents in threads).
        self._lock = threading.Lock()

    def tag(self, features: list[list[str]], weights: Mapping[str, float] | None = None
            ) -> list[str]:
        """The most likely labelling; with ``weights`` (a kind such as ``O``, ``Cue`` or
        ``Source`` to a factor, 1 by default), each token's label of the highest weighted
        probability instead (posterior decoding: weighting ``O`` below 1 trades precision for
        recall)."""
        return self.decode(features, weights)[0]

    def decode(self, features: list[list[str]], weights: Mapping[str, float] | None = None,
               kinds: Sequence[str] = (),
               when: Callable[[list[str]], Collection[str]] | None = None
               ) -> tuple[list[str], dict[str, list[float]]]:
        """:meth:`tag`'s labels and, for each of ``kinds``, each token's probability of lying in
        a span of that kind (its ``B-`` and ``I-`` marginals summed). Those cost a second pass
        over the marginals: with ``when``, only the kinds of ``kinds`` that ``when(labels)``
        names are read (none when it names none)."""
        if not features:
            return [], {}
        with self._lock:
            if weights is None:
                out = list(self._tagger.tag(features))  # sets the sequence as well
            else:
                self._tagger.set(features)
                out = self._weighted(len(features), weights)
            named = when(out) if kinds and when is not None else kinds
            wanted = [kind for kind in kinds if kind in named]
            if not wanted:
                return out, {}
            marginal = self._tagger.marginal
            labels = self._tagger.labels()
            probabilities = {}
            for kind in wanted:
                of_kind = [label for label in labels if label.partition("-")[2] == kind]
                probabilities[kind] = [sum(marginal(label, i) for label in of_kind)
                                       for i in range(len(features))]
            return out, probabilities

    def _weighted(self, n: int, weights: Mapping[str, float]) -> list[str]:
        """Posterior decoding of the sequence set: each token's label of the highest weighted
        marginal probability (the first of the model's labels among equals)."""
        labels = self._tagger.labels()
        rank = {label: k for k, label in enumerate(labels)}
        factor = {label: weights.get(label.partition("-")[2] or label, 1.0) for label in labels}
        top = max(factor.values())
        marginal = self._tagger.marginal
        out: list[str] = []
        previous = labels[0]
        for i in range(n):  # a plain loop: this is the analysers' hot path
            # The previous token's label first (spans run on), then the rest in the model's
            # order, stopping as soon as what is left of the probability mass, weighted at its
            # most, cannot beat the best so far (the same labels as reading them all; the
            # margin keeps rounding from deciding a near tie).
            best, best_p, left = previous, -1.0, 1.0
            for label in (previous, *labels):
                if label == previous and best_p >= 0.0:
                    continue
                p = marginal(label, i)
                left -= p
                weighted = factor[label] * p
                if weighted > best_p or (weighted == best_p and rank[label] < rank[best]):
                    best, best_p = label, weighted
                if best_p > top * max(left, 0.0) + 1e-9:
                    break
            out.append(best)
            previous = best
        return out


def load_model(name: str) -> CRFModel | None:
    """``summarize/analysers/models/NAME.crfsuite`` with ``NAME.json``; ``None`` when the package
    has none (or CRFsuite is missing): the analyser then falls back to its rules."""
    folder = resources.files("summarize.analysers").joinpath("models")
    model, meta = folder.joinpath(f"{name}.crfsuite"), folder.joinpath(f"{name}.json")
    if not model.is_file() or not meta.is_file():
        return None
    try:
        with resources.as_file(model) as path:
            return CRFModel(str(path), json.loads(meta.read_text("utf-8")))
    except ImportError:
        return None
