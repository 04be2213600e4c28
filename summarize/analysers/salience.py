"""Sentence salience without a language model: which sentences of a document matter most.

Each body sentence is scored by the learned ranker (:mod:`summarize.analysers.ranking`, fitted on
reference summaries): position, length, centrality, overlap with the headline and the lead, and what
the analysers find in it. Headlines (a first line without final punctuation) are found apart: they
make the title of an extractive briefing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .casing import readable
from .injection import find_injections, overlaps_injection
from .ranking import load_ranker, select, sentence_features
from .sentences import (
    DATELINE,
    FURNITURE,
    furniture_spans,
    past_dateline,
    sentence_spans,
    title_case,
)

__all__ = ["Sentence", "bottom_line_sentences", "headline", "memo_header", "memo_subject",
           "rank_sentences", "sentences_of"]


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    score: float


_FINAL = ".!?\"'”"  # what ends a sentence, not a headline


def headline(text: str) -> tuple[int, int] | None:
    """The document's headline: a short first line without final punctuation or in title case,
    or such a first sentence that a wrapper broke over lines ("... Russia-Ukraine front\nlines")."""
    spans = sentence_spans(text)
    if len(spans) > 1 and not FURNITURE.match(text, spans[0][0]):
        start, end = spans[0]
        words = " ".join(text[start:end].split())
        if ("\n" in text[start:end] and "\n" in text[end:spans[1][0]] and len(words) <= 160
                and words[-1] not in _FINAL):
            return start, end
    offset = len(text) - len(text.lstrip())
    while furniture := FURNITURE.match(text, offset):  # a share bar before the story
        offset = furniture.end()
    first = text[offset:]
    line = first.split("\n", 1)[0].strip()
    if line and "\n" in first and len(line) <= 160 and (
            line[-1] not in _FINAL or title_case(line) or _alone(first, line)):
        return offset, offset + len(line)
    return None


_HEADLINE_WORDS = 20


# A memo's or an e-mail's header: two or more "Field: value" lines opening the text.
_FIELD = re.compile(r"[ \t]*(?:from|to|cc|bcc|date|sent|subject|subj|re|attn|memorandum for|"
                    r"classification)[ \t]*:[^\n]*(?:\n|\Z)", re.IGNORECASE)
_SPACE = re.compile(r"\s*")
_SUBJECT = re.compile(r"(?im)^[ \t]*(?:subject|subj|re)[ \t]*:[ \t]*(\S[^\n]*?)[ \t]*$")


def memo_header(text: str) -> tuple[int, int] | None:
    """The span of the header lines a memo or an e-mail opens with, if it has two or more."""
    space = _SPACE.match(text)  # (not lstrip: a long text is not copied to find its start)
    at = space.end() if space else 0
    start, fields = at, 0
    while field := _FIELD.match(text, at):
        at, fields = field.end(), fields + 1
    return (start, at) if fields >= 2 else None


def memo_subject(text: str) -> tuple[int, int] | None:
    """The subject a memo's or an e-mail's header gives ("Subject: Winter fuel supply
    disruption" among its "From:", "To:" and "Date:" lines), if any: its title. (Not its
    headline for the ranker, which was fitted on news headlines.)"""
    header = memo_header(text)
    subject = _SUBJECT.search(text, *header) if header else None
    return (subject.start(1), subject.end(1)) if subject else None


def _alone(first: str, line: str) -> bool:
    """Whether the first line ``line`` of ``first`` is a headline however it ends ("RNC rules
    clash erupts.", as PolNeAR's articles write theirs): a paragraph of its own (a blank line
    after it), short, no dateline's lead, and shorter than one of the two paragraphs after it
    (a story's first paragraph, or a label such as "ABSTRACT." and then it). A one-line lead
    paragraph is followed by shorter ones as often as not; a headline by the story."""
    after = first[first.index(line) + len(line):]
    words = len(line.split())
    if words > _HEADLINE_WORDS or not _PARAGRAPH.match(after) or DATELINE.match(line):
        return False
    return any(len(p.split()) > words for p in _PARAGRAPH.split(after.strip(), 2)[:2])


_PARAGRAPH = re.compile(r"[ \t]*\n[ \t]*\n")  # a blank line


def _line_alone(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a line of its own."""
    return (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] == "\n")


def sentences_of(text: str) -> list[tuple[int, int]]:
    """Body sentences: the headline, by-lines and page furniture left out, and a dateline before
    the story."""
    head = headline(text)
    header = memo_header(text)
    out: list[tuple[int, int]] = []
    heading = head is not None  # lines that go on the headline: a subtitle ("Report of …")
    for s, e in furniture_spans(text):
        if head and s < head[1] or header and s < header[1]:
            continue  # the headline, and a memo's header lines
        piece = text[s:e]
        heading = heading and not out and _line_alone(text, s, e) and piece[-1] not in _FINAL \
            and len(piece.split()) <= _HEADLINE_WORDS
        if heading:
            continue
        if len(piece.split()) < 4 or re.match(r"(?i)^by\s+[A-Z]", piece) and len(piece) < 60:
            continue
        if len(out) < 3:  # one of the first body paragraphs
            s = past_dateline(text, s, e)
        out.append((s, e))
    return out


def rank_sentences(text: str) -> list[Sentence]:
    """Body sentences with their salience (the learned ranker's probability), best first. A line
    in capitals is read re-cased (:func:`~.casing.readable`: its headline, names and sentences
    show); each sentence quotes the text."""
    read = readable(text)
    spans = sentences_of(read)
    if not spans:
        return []
    head = headline(read)
    model = load_ranker()
    rows = sentence_features(read, spans, read[head[0]:head[1]] if head else None)
    # Text addressed to an AI model never reaches a bottom line, a claim or a candidate.
    injected = find_injections(text)
    ranked = [Sentence(index=i, start=s, end=e, text=text[s:e], score=round(model.score(row), 4))
              for i, ((s, e), row) in enumerate(zip(spans, rows, strict=True))
              if not overlaps_injection(s, e, injected)]
    return sorted(ranked, key=lambda x: (-x.score, x.index))


def bottom_line_sentences(ranked: list[Sentence], *, words: int, sentences: int) -> list[Sentence]:
    """The ranked sentences a bottom line takes: best first, each discounted by its overlap with
    those already taken, within ``words``; in document order."""
    picked = select([s.text for s in ranked], [s.score for s in ranked], words=words,
                    sentences=sentences, redundancy=load_ranker().redundancy)
    return sorted((ranked[i] for i in picked), key=lambda s: s.index)
