"""Sentence salience without a model: which sentences of a document matter most.

A sentence scores for its position (news puts the point first), its similarity to the whole
document (content words it shares with the rest), and what the analysers find in it: figures,
attributions, hedges and named things. Headlines (a first line without final punctuation) are
found apart: they make the title of an extractive briefing.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from .sentences import sentence_spans

__all__ = ["Sentence", "headline", "rank_sentences", "sentences_of"]

_STOP = frozenset(
    "the a an and or of to in on at for by with from as is are was were be been has have had "
    "that this these those it its their they them he she his her not but also which who will "
    "would could may might can said says about into than then there here after before over "
    "some any all more most such only very just i we you our your one two new last first".split()
)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")
_NUMBER = re.compile(r"\d")
_SAID = re.compile(r"\b(?:said|says|told|according to|confirmed|disclosed|reported|announced|"
                   r"stated|acknowledged|warned)\b")


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    score: float


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text) if w.lower() not in _STOP and len(w) > 2]


def headline(text: str) -> tuple[int, int] | None:
    """The document's headline: a short first line without final punctuation."""
    first = text.lstrip()
    offset = len(text) - len(first)
    line = first.split("\n", 1)[0].strip()
    if line and "\n" in first and len(line) <= 160 and line[-1] not in ".!?\"'”":
        return offset, offset + len(line)
    return None


def sentences_of(text: str) -> list[tuple[int, int]]:
    """Body sentences: the headline and by-lines left out."""
    head = headline(text)
    out = []
    for s, e in sentence_spans(text):
        if head and s < head[1]:
            continue
        piece = text[s:e]
        if len(piece.split()) < 4 or re.match(r"(?i)^by\s+[A-Z]", piece) and len(piece) < 60:
            continue
        out.append((s, e))
    return out


def rank_sentences(text: str) -> list[Sentence]:
    """Body sentences with their salience, best first."""
    spans = sentences_of(text)
    if not spans:
        return []
    bags = [_words(text[s:e]) for s, e in spans]
    doc = Counter(w for bag in bags for w in bag)
    ranked = []
    for i, ((s, e), bag) in enumerate(zip(spans, bags, strict=True)):
        piece = text[s:e]
        if not bag:
            continue
        # Content words shared with the rest of the document, weighted by how often they recur.
        central = sum(math.log1p(doc[w] - 1) for w in set(bag)) / math.sqrt(len(set(bag)))
        position = 1.0 / (1 + i)
        length = min(1.0, len(piece.split()) / 12) * (0.6 if len(piece.split()) > 45 else 1.0)
        facts = (0.15 * min(3, len(_NUMBER.findall(piece))) + 0.3 * bool(_SAID.search(piece))
                 + 0.1 * min(3, len(_NAME.findall(piece))))
        # News puts the point first: position dominates, the rest reorders near-ties.
        score = (4.0 * position + 0.5 * central + 0.5 * facts) * length
        ranked.append(Sentence(index=i, start=s, end=e, text=piece, score=round(score, 4)))
    return sorted(ranked, key=lambda x: (-x.score, x.index))
