"""The attribution tagger's inputs: each sentence's tokens and their features, with the rules'
reading and the cue lexicon marked per token, and whether the sentence begins inside a quotation.
Training (:mod:`..train_taggers`) and tagging read a text through the one function here."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import Generic, TypeVar

from ..sentences import sentence_spans
from .quotes import paragraph_break
from .rules import ANY_CUE, rule_attributions
from .spans import Attribution

__all__ = ["rule_for_cue", "tagger_inputs", "token_marks"]


def tagger_inputs(text: str, rules: list[Attribution] | None = None, carry_quotes: bool = True
                  ) -> list[tuple[list[tuple[int, int]], list[list[str]]]]:
    """Per sentence: its tokens and the tagger's features (training and tagging alike).

    ``carry_quotes``: a sentence begins inside a quotation an earlier sentence of its paragraph
    left open (how the tagger reads). The model was fitted with each sentence read on its own
    (``False``): fitting with the carried state scored lower on the validation split
    (docs/analysers.md)."""
    from ..attribution_model import QUOTES, sentence_features
    from ..crf import sentence_tokens

    rules = rule_attributions(text) if rules is None else rules
    # The rules' marks: a source before a cue before a content where they overlap.
    marks = _Marks([(a.source.start, a.source.end, "S") for a in rules] +
                   [(a.cue.start, a.cue.end, "C") for a in rules] +
                   [(a.content.start, a.content.end, "T") for a in rules])
    cues = _Marks([(m.start(), m.end(), "") for m in ANY_CUE.finditer(text)])
    # Quotation marks and paragraph breaks, in order: whether a sentence begins inside a
    # quotation that an earlier sentence of its paragraph opened.
    # (a text without blank lines breaks its paragraphs with a line break: CNN/DailyMail's)
    breaks = paragraph_break(text)
    marks_or_breaks = breaks + "|[" + "".join(sorted(QUOTES)) + "]"
    quote_marks = [(m.start(), m.group()) for m in re.finditer(marks_or_breaks, text)]
    at, inside = 0, False
    out = []
    for s_start, s_end in sentence_spans(text):
        while carry_quotes and at < len(quote_marks) and quote_marks[at][0] < s_start:
            inside = quote_marks[at][1] in QUOTES and not inside  # a paragraph break closes
            at += 1
        tokens = [(s_start + s, s_start + e) for s, e in sentence_tokens(text[s_start:s_end])]
        if not tokens:
            continue
        lexicon = token_marks(tokens, cues.overlapping(s_start, s_end), "BI")
        ruled = token_marks(tokens, marks.overlapping(s_start, s_end))
        out.append((tokens, sentence_features(text, tokens, lexicon, ruled, inside)))
    return out


def token_marks(tokens: list[tuple[int, int]], marks: list[tuple[int, int, str]],
                 begin_inside: str = "") -> list[str]:
    """Each token's kind of the first of ``marks`` that overlaps it (``""`` for none); with
    ``begin_inside`` (``"BI"``), its first letter where the token begins the mark's span or
    before it, else its second."""
    out = [""] * len(tokens)
    if not marks:
        return out
    starts = [s for s, _ in tokens]
    ends = [e for _, e in tokens]
    # Each token's next unmarked token (itself while unmarked), so that a token is marked once
    # and overlapping marks do not walk it again (a sentence of many cues was quadratic).
    following = list(range(len(tokens) + 1))

    def unmarked(i: int) -> int:
        root = i
        while following[root] != root:
            root = following[root]
        while following[i] != root:
            following[i], i = root, following[i]
        return root

    for m_start, m_end, kind in marks:
        # The tokens that overlap the mark: ending after its start, starting before its end.
        i, stop = unmarked(bisect.bisect_right(ends, m_start)), bisect.bisect_left(starts, m_end)
        while i < stop:
            out[i] = kind or (begin_inside[0] if starts[i] <= m_start else begin_inside[1])
            following[i] = i + 1
            i = unmarked(i + 1)
    return out


def rule_for_cue(rules: list[Attribution]) -> Callable[[int, int], Attribution | None]:
    """A function of a cue's ``start, end``: the first of ``rules`` whose cue overlaps it, or
    ``None``, looked up by the cues' starts as the tagger's marks are. (Each cue had walked the
    rules of the whole text from its start, which grew with the square of the number of cues.)"""
    by_cue = _Marks([(a.cue.start, a.cue.end, a) for a in rules])
    return lambda start, end: next((a for *_, a in by_cue.overlapping(start, end)), None)


_Kind = TypeVar("_Kind")


class _Marks(Generic[_Kind]):
    """Marked spans ``(start, end, kind)`` looked up per sentence by their starts (a long
    document has thousands); a lookup keeps the list's order, which says which mark wins."""

    def __init__(self, marks: list[tuple[int, int, _Kind]]) -> None:
        self._marks = marks
        self._by_start = sorted(range(len(marks)), key=lambda i: marks[i][0])
        self._starts = [marks[i][0] for i in self._by_start]
        self._longest = max((end - start for start, end, _ in marks), default=0)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, _Kind]]:
        """The marks that overlap ``[start, end)``, in the list's order."""
        lo = bisect.bisect_left(self._starts, start - self._longest)
        hi = bisect.bisect_left(self._starts, end)
        return [self._marks[i] for i in sorted(self._by_start[lo:hi])
                if start < self._marks[i][1]]
