"""A learned hedge-cue tagger: a CRF over the tokens of a sentence, with the lexicon as features.

The lexicon and its context rules (:mod:`summarize.hedges`) say where a hedge word *may* be;
whether "may", "could", "would", "expected", "suggest", "believe" is a hedge *here* is learned
from sentences annotated for speculation cues (the Szeged uncertainty corpus, Wikipedia part,
and the FactBank news documents; ``python -m summarize.train``). The model is a CRFsuite file,
loaded without executing code. :func:`token_features` is the one feature function of training
and tagging.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Sequence
from importlib import resources
from typing import Any

__all__ = ["HedgeTagger", "load_tagger", "sentence_tokens", "token_features"]

_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


def sentence_tokens(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _shape(word: str) -> str:
    shape = re.sub(r"[A-Z]", "X", re.sub(r"[a-z]", "x", re.sub(r"\d", "d", word)))
    return re.sub(r"(.)\1+", r"\1\1", shape)


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
             f"shape={_shape(raw)}"]
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


class HedgeTagger:
    """The shipped CRF and the word -> hedge type map learned with it."""

    def __init__(self, model_path: str, meta: dict[str, Any]) -> None:
        import pycrfsuite

        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(model_path)
        self.meta = meta
        self.types: dict[str, str] = meta.get("types", {})

    def tag(self, features: list[list[str]]) -> list[str]:
        return list(self._tagger.tag(features)) if features else []


@functools.cache
def load_tagger() -> HedgeTagger | None:
    """The shipped hedge tagger, or ``None`` when the package has none (or no CRFsuite)."""
    folder = resources.files("summarize").joinpath("models")
    model, meta = folder.joinpath("hedges.crfsuite"), folder.joinpath("hedges.json")
    if not model.is_file() or not meta.is_file():
        return None
    try:
        with resources.as_file(model) as path:
            return HedgeTagger(str(path), json.loads(meta.read_text("utf-8")))
    except ImportError:
        return None
