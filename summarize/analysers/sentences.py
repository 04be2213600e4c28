"""Sentence boundaries with character offsets (the *prepare* stage)."""

from __future__ import annotations

import functools
import re

__all__ = ["sentence_spans", "sentence_at"]

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "sen", "rep", "gov",
    "st", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "etc", "no", "u.s", "u.k", "e.g", "i.e",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}
_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])|\n\s*\n|\n")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` spans of the sentences of ``text``, whitespace trimmed, in order."""
    return list(_spans(text))


@functools.lru_cache(maxsize=128)
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    # The checks ask for the same document's sentences many times; remember the last few.
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        if m.group().startswith((".",)) and "\n" not in m.group():
            word = re.search(r"([\w.]+)$", text[start:m.start()])
            if word and word.group(1).lower() in _ABBREVIATIONS:
                continue
            if word and len(word.group(1)) == 1 and word.group(1).isupper():
                continue  # an initial: "Kim J. Un"
        _add(text, start, m.end(), spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return tuple(spans)


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def sentence_at(spans: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The span containing ``offset``, if any."""
    for s, e in spans:
        if s <= offset < e:
            return s, e
    return None
