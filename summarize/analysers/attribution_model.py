"""A learned attribution tagger: who said what, as a CRF over each sentence's tokens.

Every token is labelled ``B-``/``I-`` ``Source``, ``Cue`` or ``Content`` (or ``O``). The model is
fitted on PolNeAR's training articles (``python -m summarize.analysers.train``). Its features: the
word, its affixes and shape, capitalisation, whether it stands inside a quotation, its position in
the sentence, the neighbouring words, the cue lexicon and the rule analyser's own reading
(:mod:`summarize.analysers.attributions`). The spans are then linked into attributions: each cue
takes the nearest source of its sentence (before it if there is one) and the nearest content (after
it if there is one, else in the next sentence). The model is a CRFsuite file, loaded without
executing code; :func:`sentence_features` is the one feature function of training and tagging.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from .crf import CRFModel, load_model, word_shape

__all__ = ["LABELS", "QUOTES", "load_attribution_tagger", "sentence_features"]

LABELS = ("Source", "Cue", "Content")
QUOTES = frozenset('"“”')


def sentence_features(text: str, tokens: Sequence[tuple[int, int]], lexicon: Sequence[str],
                      rules: Sequence[str], inside: bool = False) -> list[list[str]]:
    """Features per token; ``lexicon`` marks cue-lexicon tokens (``B``/``I``/``""``), ``rules``
    the rule analyser's label of each token (``S``/``C``/``T``/``""``) and ``inside`` whether the
    sentence begins inside a quotation (one running on from the sentence before; each quotation
    mark toggles the state)."""
    raws = [text[s:e] for s, e in tokens]
    words = [raw.lower() for raw in raws]
    n = len(tokens)
    rows = []
    for i, (raw, w) in enumerate(zip(raws, words, strict=True)):
        if raw in QUOTES:
            inside = not inside
        f = ["bias", *_word_features(raw), f"q={int(inside)}", f"pos={min(i, 5)}",
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


@functools.lru_cache(maxsize=1 << 16)
def _word_features(raw: str) -> tuple[str, ...]:
    """The features of the word itself (remembered: news repeats its words)."""
    w = raw.lower()
    return (f"w={w}", f"suf3={w[-3:]}", f"pre2={w[:2]}", f"shape={word_shape(raw)}",
            "cap" if raw[:1].isupper() else "low")


@functools.cache
def load_attribution_tagger() -> CRFModel | None:
    """The shipped attribution tagger, or ``None`` when the package has none."""
    return load_model("attributions")
