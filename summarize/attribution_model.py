"""A learned attribution tagger: who said what, as a CRF over each sentence's tokens.

Every token is labelled ``B-``/``I-`` ``Source``, ``Cue`` or ``Content`` (or ``O``). The model
is fitted on PolNeAR's training articles (``python -m summarize.train``). Its features: the
word, its affixes and shape, capitalisation, whether it stands inside a quotation, its position
in the sentence, the neighbouring words, the cue lexicon and the rule analyser's own reading
(:mod:`summarize.attributions`). The spans are then linked into attributions: each cue takes the
nearest source of its sentence (before it if there is one) and the nearest content (after it if
there is one, else in the next sentence). The model is a CRFsuite file, loaded without executing
code; :func:`sentence_features` is the one feature function of training and tagging.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from importlib import resources
from typing import Any

__all__ = ["LABELS", "AttributionTagger", "decode", "load_attribution_tagger",
           "sentence_features"]

LABELS = ("Source", "Cue", "Content")
_QUOTES = frozenset('"“”')


def _shape(word: str) -> str:
    from .hedge_model import _shape as shape

    return shape(word)


def sentence_features(text: str, tokens: Sequence[tuple[int, int]], lexicon: Sequence[str],
                      rules: Sequence[str]) -> list[list[str]]:
    """Features per token; ``lexicon`` marks cue-lexicon tokens (``B``/``I``/``""``) and
    ``rules`` the rule analyser's label of each token (``S``/``C``/``T``/``""``)."""
    words = [text[s:e].lower() for s, e in tokens]
    n = len(tokens)
    inside = False
    rows = []
    for i, ((s, e), w) in enumerate(zip(tokens, words, strict=True)):
        raw = text[s:e]
        if raw in _QUOTES:
            inside = not inside
        f = ["bias", f"w={w}", f"suf3={w[-3:]}", f"pre2={w[:2]}", f"shape={_shape(raw)}",
             "cap" if raw[:1].isupper() else "low", f"q={int(inside)}", f"pos={min(i, 5)}",
             f"rel={4 * i // max(n, 1)}"]
        if lexicon[i]:
            f.append(f"cue={lexicon[i]}")
        if rules[i]:
            f.append(f"rule={rules[i]}")
        for d in (-3, -2, -1, 1, 2, 3):
            j = i + d
            if 0 <= j < n:
                f.append(f"w{d:+d}={words[j]}")
                if lexicon[j]:
                    f.append(f"cue{d:+d}")
                if rules[j]:
                    f.append(f"rule{d:+d}={rules[j]}")
            else:
                f.append(f"w{d:+d}=<pad>")
        if i > 0:
            f.append(f"b={words[i - 1]}|{w}")
        rows.append(f)
    return rows


def decode(tokens: Sequence[tuple[int, int]], labels: Sequence[str]
           ) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` spans from BIO labels."""
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


class AttributionTagger:
    def __init__(self, model_path: str, meta: dict[str, Any]) -> None:
        import pycrfsuite

        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(model_path)
        self.meta = meta

    def tag(self, features: list[list[str]]) -> list[str]:
        return list(self._tagger.tag(features)) if features else []


@functools.cache
def load_attribution_tagger() -> AttributionTagger | None:
    """The shipped attribution tagger, or ``None`` when the package has none."""
    folder = resources.files("summarize").joinpath("models")
    model, meta = folder.joinpath("attributions.crfsuite"), folder.joinpath("attributions.json")
    if not model.is_file() or not meta.is_file():
        return None
    try:
        with resources.as_file(model) as path:
            return AttributionTagger(str(path), json.loads(meta.read_text("utf-8")))
    except ImportError:
        return None
