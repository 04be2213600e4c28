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


_OFFSETS = (-3, -2, -1, 1, 2, 3)
# Per offset: the prefixes of its features ("w-3=", "cue-3", "rule-3=") and its padding.
_NEIGHBOUR = [(d, f"w{d:+d}=", f"cue{d:+d}", f"rule{d:+d}=", f"w{d:+d}=<pad>") for d in _OFFSETS]


def sentence_features(text: str, tokens: Sequence[tuple[int, int]], lexicon: Sequence[str],
                      rules: Sequence[str], inside: bool = False) -> list[list[str]]:
    """Features per token; ``lexicon`` marks cue-lexicon tokens (``B``/``I``/``""``), ``rules``
    the rule analyser's label of each token (``S``/``C``/``T``/``""``) and ``inside`` whether the
    sentence begins inside a quotation (one running on from the sentence before; each quotation
    mark toggles the state)."""
    raws = [text[s:e] for s, e in tokens]
    words = [raw.lower() for raw in raws]
    n = len(tokens)
    # What each token contributes to its neighbours' features, offset by offset, built once:
    # a neighbour's word, and whether it is a cue-lexicon word and the rules' label of it.
    around: list[list[str]] = [[] for _ in range(n)]
    for d, word_key, cue_key, rule_key, pad in _NEIGHBOUR:
        for i in range(n):
            j = i + d
            if 0 <= j < n:
                around[i].append(word_key + words[j])
                if lexicon[j]:
                    around[i].append(cue_key)
                if rules[j]:
                    around[i].append(rule_key + rules[j])
            else:
                around[i].append(pad)
    rows = []
    positions = _POSITION[:n] + _POSITION[-1:] * (n - len(_POSITION))
    for i, raw in enumerate(raws):
        if raw in QUOTES:
            inside = not inside
        f = ["bias", *_word_features(raw), "q=1" if inside else "q=0", positions[i],
             _RELATIVE[4 * i // n]]
        if lexicon[i]:
            f.append("cue=" + lexicon[i])
        if rules[i]:
            f.append("rule=" + rules[i])
        f += around[i]
        if i > 0:
            f.append(f"b={words[i - 1]}|{words[i]}")
        rows.append(f)
    return rows


_POSITION = [f"pos={k}" for k in range(6)]
_RELATIVE = [f"rel={k}" for k in range(5)]


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
