"""A learned hedge-cue tagger: a CRF over the tokens of a sentence, with the lexicon as features.

The lexicon and its context rules (:mod:`summarize.analysers.hedges`) say where a hedge word *may*
be; whether "may", "could", "would", "expected", "suggest", "believe" is a hedge *here* is learned
from sentences annotated for speculation cues (the Szeged uncertainty corpus, Wikipedia part, and
the FactBank news documents; ``python -m summarize.analysers.train``). The model is a CRFsuite file,
loaded without executing code. :func:`token_features` is the one feature function of training and
tagging.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from .crf import CRFModel, load_model, word_shape

__all__ = ["load_tagger", "token_features"]


def token_features(text: str, spans: Sequence[tuple[int, int]],
                   lexicon: Sequence[tuple[int, int, str]]) -> list[list[str]]:
    """CRFsuite features for each token ``spans`` of ``text``; ``lexicon`` holds the rule
    lexicon's matches as (start, end, type)."""
    words = [text[s:e].lower() for s, e in spans]
    lex = [""] * len(spans)
    for i, (s, e) in enumerate(spans):
        for ls, le, kind in lexicon:
            if ls < e and s < le:
                lex[i] = ("B-" if s <= ls else "I-") + kind
                break
    n = len(spans)
    # What each token contributes to its neighbours' features, offset by offset, built once.
    around: list[list[str]] = [[] for _ in range(n)]
    for d, word_key, lex_key, pad in _NEIGHBOUR:
        for i in range(n):
            j = i + d
            if 0 <= j < n:
                around[i].append(word_key + words[j])
                if lex[j] and lex_key:
                    around[i].append(lex_key + lex[j][2:])
            else:
                around[i].append(pad)
    rows = []
    for i, ((s, e), w) in enumerate(zip(spans, words, strict=True)):
        f = ["bias", *_word_features(text[s:e], w)]
        if lex[i]:
            f += [f"lex={lex[i]}", f"lextype={lex[i][2:]}", f"lex|w={lex[i]}|{w}"]
        f += around[i]
        if i > 0:
            f.append(f"w-1|w={words[i - 1]}|{w}")
        if i + 1 < n:
            f.append(f"w|w+1={w}|{words[i + 1]}")
        if i == 0:
            f.append("BOS")
        if i == n - 1:
            f.append("EOS")
        rows.append(f)
    return rows


# Per offset, in the order of the features: the prefixes of its word and lexicon features
# (the wider window, ±3, has no lexicon feature) and its padding.
_NEIGHBOUR = [(d, f"w{d:+d}=", f"lex{d:+d}=" if abs(d) < 3 else "", f"w{d:+d}=<pad>")
              for d in (-2, -1, 1, 2, -3, 3)]


@functools.lru_cache(maxsize=1 << 16)
def _word_features(raw: str, w: str) -> tuple[str, ...]:
    """The features of the word itself (remembered: news repeats its words)."""
    return (f"w={w}", f"suf3={w[-3:]}", f"suf2={w[-2:]}", f"pre3={w[:3]}",
            f"shape={word_shape(raw)}")


@functools.cache
def load_tagger() -> CRFModel | None:
    """The shipped hedge tagger (its metadata holds the learned word -> type map), or
    ``None`` when the package has none."""
    return load_model("hedges")
