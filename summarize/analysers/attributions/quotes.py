"""Quotation marks read as the curly double ones the tagger reads best.

British news (the Daily Mail's text in CNN/DailyMail, much of the BBC's) quotes with single marks:
‘We will win,’ he said. PolNeAR's American articles, the tagger's training data, quote with
double ones, and the tagger reads a quotation by its marks. A text that quotes mostly with single
marks is read with each of its single quotations' marks as double ones; and straight double marks
are read as curly ones, opening or closing by what stands before them. Character for character:
every offset into the text read is one into the text given.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import sys

from ..sentences import (
    STRAIGHT_OPENING,
    after_indent,
    line_closers,
    line_continuations,
    sentence_spans,
)
from .spans import CLOSERS, Attribution, trimmed_span

__all__ = ["as_double_quotes", "as_quoted", "next_quotations", "paragraph_break", "quotations",
           "quotation_at", "quote_marks", "widened_to_quotations"]


def paragraph_break(text: str) -> str:
    """What ends a paragraph of ``text``: a blank line, or in a text without any (CNN/DailyMail's
    copies) a line break."""
    return "\n\n" if "\n\n" in text else "\n"



# A single mark that opens a quotation: after a space, a bracket or a dash (or the text's start),
# before a letter, a digit or an ellipsis.
_OPENING = re.compile(r"(?:^|(?<=[\s(\[—–-]))['‘](?=[\w…])")
# One that closes it: after what is not a space, before what is not a letter or a digit; not a
# plural's possessive before a lowercase word ("the voters’ anger").
_CLOSING = re.compile(r"(?<=\S)['’](?![\w])(?<!s['’](?= [a-z]))")
_DOUBLE = re.compile(r"[\"“”]|''")  # the New York Times' '' as well


def as_double_quotes(text: str) -> str:
    """``text`` with its straight double marks as curly ones, and its single quotations' marks
    as double ones when it quotes mostly with single marks (more single openings than double
    marks); the same length. A quotation ends at its paragraph's end if no mark closes it."""
    if '"' in text:
        closers = line_closers(text)
        text = STRAIGHT_OPENING.sub("“", text).replace('"', "”")
        if closers:  # XSum's closing marks moved to the next line's start (sentences.py)
            chars = list(text)
            for i in closers:
                chars[i] = "”"
                if text[i + 1:i + 2] == "”":
                    chars[i + 1] = "“"  # '""They …': the next quotation opens at once
            text = "".join(chars)
    openings = list(_OPENING.finditer(text))
    if len(openings) <= len(_DOUBLE.findall(text)):
        return text
    chars = list(text)
    at = 0
    breaks = paragraph_break(text)
    for opening in openings:
        if opening.start() < at:
            continue  # inside the quotation before: a quotation within it, left as it is
        paragraph_end = text.find(breaks, opening.end())
        limit = len(text) if paragraph_end < 0 else paragraph_end
        closing = _CLOSING.search(text, opening.end(), limit)
        chars[opening.start()] = "“"
        if closing is None:
            at = limit
            continue
        chars[closing.start()] = "”"
        at = closing.end()
    return "".join(chars)


# What may follow a quotation that ends its sentence.
_SENTENCE_END = " \t\n.!?…,;:\"”’'"
_CLOSING_OF = {"“": "”", '"': '"', "‘": "’", "'": "'", "”": "”", "’": "’"}


@functools.lru_cache(maxsize=16)
def quotations(text: str) -> tuple[tuple[int, int, bool], ...]:
    """The quotations of ``text``, its marks read as :func:`as_double_quotes` reads them: each
    from an opening mark to the closing mark after it, marks included, and whether a mark
    closes it. Where blank lines mark the paragraphs, one that no mark closes runs to its
    paragraph's end (a quotation continued in the next paragraph opens again there). Without
    blank lines a line is read as a paragraph, and only quotations a mark closes count, or that
    the next line continues (:func:`~summarize.analysers.sentences.line_continuations`): the
    BBC's text in XSum puts a closing mark at the start of the next line ('…is run.\n"Commission
    chairman Dick Pound said…'), which closes the quotation
    (:func:`~summarize.analysers.sentences.line_closers`)."""
    read = as_double_quotes(text)
    breaks = paragraph_break(read)
    out = []
    at = 0
    while (opening := read.find("“", at)) >= 0:
        paragraph_end = read.find(breaks, opening + 1)
        while breaks == "\n" and paragraph_end >= 0 and \
                read[paragraph_end + 1:paragraph_end + 2].islower():
            paragraph_end = read.find(breaks, paragraph_end + 1)  # a line XSum broke ('boy\nand')
        limit = len(read) if paragraph_end < 0 else paragraph_end
        closing = read.find("”", opening + 1, limit)
        if closing < 0 and breaks == "\n" and paragraph_end >= 0:
            following = after_indent(read, paragraph_end + 1)
            if read.startswith("”", following):
                closing = following  # a closing mark XSum moved to the next line's start
            elif following in line_continuations(text):
                out.append((opening, limit, False))  # continued in the next paragraph
                at = limit
                continue
        at = limit if closing < 0 else closing + 1
        if closing >= 0 or breaks == "\n\n":
            out.append((opening, at, closing >= 0))
    return tuple(out)


def as_quoted(text: str, start: int, end: int) -> str:
    """``text[start:end]`` with its spaces collapsed and the quotation marks it needs to stand
    alone (:func:`quote_marks`): '"We cannot wait any longer."' of '"We cannot wait any
    longer. The bridge is unsafe," said the mayor'."""
    opening, closing = quote_marks(text, start, end)
    return opening + " ".join(text[start:end].split()) + closing


def quote_marks(text: str, start: int, end: int) -> tuple[str, str]:
    """The marks ``text[start:end]`` lacks to stand alone, in the marks the text quotes with:
    an opening one where it begins inside a quotation, a closing one where it leaves one open
    (or ends inside one that no mark closes, as a paragraph continued in the next does)."""
    spans = quotations(text)
    opening = closing = ""
    i = bisect.bisect_left(spans, (start, -1, False)) - 1  # the last one opened before it
    if i >= 0 and spans[i][1] > start:
        opening = text[spans[i][0]]
    j = bisect.bisect_left(spans, (end, -1, False)) - 1  # the last one opened before its end
    if (j >= 0 and spans[j][1] > start and (spans[j][1] > end or not spans[j][2])
            and text[max(start, spans[j][0] + 1):end].strip(_SENTENCE_END)):
        # (a mark with nothing quoted after it in the passage opens nothing in it)
        mark = text[spans[j][0]]
        closing = _CLOSING_OF.get(mark, mark)
    return opening, closing


def quotation_at(text: str, offset: int) -> tuple[int, int] | None:
    """The quotation (:func:`quotations`) that ``offset`` lies in, marks included."""
    spans = quotations(text)
    i = bisect.bisect_right(spans, (offset, sys.maxsize, True)) - 1
    return (spans[i][0], spans[i][1]) if i >= 0 and offset < spans[i][1] else None


def _sentence_of(sentences: list[tuple[int, int]], offset: int) -> int:
    """The index of the sentence of ``sentences`` that holds ``offset`` (or the last before it)."""
    return bisect.bisect_right(sentences, (offset, sys.maxsize)) - 1


def widened_to_quotations(text: str, found: list[Attribution]) -> list[Attribution]:
    """``found`` with each content that lies inside a quotation of several sentences, its cue
    outside that quotation, widened to the whole quotation."""
    spans = quotations(text)
    sentences = sentence_spans(text)
    out = []
    for a in found:
        i = bisect.bisect_left(spans, (a.content.start + 1, -1, False)) - 1
        if i >= 0 and a.content.end <= spans[i][1] and not (
                spans[i][0] <= a.cue.start < spans[i][1]):
            whole = trimmed_span(text, spans[i][0], spans[i][1])
            if whole is not None and _sentence_of(sentences, whole.start) != _sentence_of(
                    sentences, whole.end - 1):
                a = Attribution(a.source, a.cue, whole)
        out.append(a)
    return out


def next_quotations(text: str, found: list[Attribution]) -> list[Attribution]:
    """Attributions of the quotations that open a sentence and run to its end, with no cue of
    ``found`` in them and no content, to the source of the last cue in the sentence before,
    in the same paragraph."""
    sentences = sentence_spans(text)
    breaks = paragraph_break(text)
    by_cue = sorted(found, key=lambda a: a.cue.start)
    cues = [a.cue.start for a in by_cue]
    contents = sorted((a.content.start, a.content.end) for a in found)
    content_starts = [start for start, _ in contents]
    reach = list(itertools.accumulate((end for _, end in contents), max))  # furthest end so far
    out = []
    for q_start, q_end, _ in quotations(text):
        k = _sentence_of(sentences, q_start)
        if k < 1 or text[sentences[k][0]:q_start].strip():
            continue  # the quotation does not open its sentence
        last = _sentence_of(sentences, q_end - 1)
        if text[q_end:sentences[last][1]].strip(_SENTENCE_END):
            continue  # a quotation inside its sentence ('"The Big Bopper" Richardson died')
        i = bisect.bisect_left(cues, sentences[k][0])
        if i < len(cues) and cues[i] < sentences[last][1]:
            continue  # a cue of its own
        j = bisect.bisect_left(content_starts, q_end)  # the contents that start before its end
        if j and reach[j - 1] > q_start:
            continue  # a content there already
        if not i or cues[i - 1] < sentences[k - 1][0]:
            continue  # no cue in the sentence before
        prior = by_cue[bisect.bisect_left(cues, cues[i - 1])]  # of one cue, the first found
        whole = trimmed_span(text, q_start, q_end)
        if whole is None or breaks in text[prior.cue.start:q_start]:
            continue
        out.append(Attribution(prior.source, prior.cue, whole))
    return out


_CLOSING_QUOTE = re.compile(f"[{CLOSERS}]")
_BETWEEN = re.compile(r"[\s,.:;'\"“”‘’`—–-]*")


def quoted_just_before(text: str, content: tuple[int, int], cue: int,
                       source: tuple[int, int] | None, whole: bool = True) -> bool:
    """Whether ``content`` is a quotation that ends just before ``cue``, only ``source``, spaces
    and punctuation between; ``whole``: and begins with the quotation, or inside it (not in
    'Arteta said his team would "bounce back", adding …', where it is a part of the content)."""
    start, end = content
    gap = text[end:cue]
    if source is not None and end <= source[0] and source[1] <= cue:
        gap = text[end:source[0]] + " " + text[source[1]:cue]
    if _BETWEEN.fullmatch(gap) is None or (_CLOSING_QUOTE.search(gap) is None and
                                           _CLOSING_QUOTE.match(text, end - 1) is None):
        return False
    marks = [i for i in range(end - 1, cue) if _CLOSING_QUOTE.match(text, i)]
    quotation = quotation_at(text, marks[0]) if whole and marks else None
    return quotation is None or quotation[0] <= start + 1
