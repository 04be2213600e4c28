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
    rows = []
    n = len(spans)
    for i, ((s, e), w) in enumerate(zip(spans, words, strict=True)):
        raw = text[s:e]
        f = ["bias", f"w={w}", f"suf3={w[-3:]}", f"suf2={w[-2:]}", f"pre3={w[:3]}",
             f"shape={word_shape(raw)}"]
        if lex[i]:
            f += [f"lex={lex[i]}", f"lextype={lex[i][2:]}", f"lex|w={lex[i]}|{w}"]
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                f.append(f"w{d:+d}={words[j]}")
                if lex[j]:
                    f.append(f"lex{d:+d}={lex[j][2:]}")
            else:
                f.append(f"w{d:+d}=<pad>")
        for d in (-3, 3):  # a wider window: chosen by the cross-validated F1 (README)
            j = i + d
            f.append(f"w{d:+d}={words[j] if 0 <= j < n else '<pad>'}")
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


@functools.cache
def load_tagger() -> CRFModel | None:
    """The shipped hedge tagger (its metadata holds the learned word -> type map), or
    ``None`` when the package has none."""
    return load_model("hedges")
