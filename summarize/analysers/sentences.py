"""Sentence boundaries with character offsets (the *prepare* stage)."""

from __future__ import annotations

import bisect
import contextlib
import contextvars
import functools
import re
from collections.abc import Iterator

from ..vocabulary import FORMS_OF_ADDRESS, MONTH_ABBREVIATIONS, MONTHS_IN_FULL, TITLES

__all__ = ["ABBREVIATIONS", "DATELINE", "FURNITURE", "RUNS_ON", "SENTENCE_START",
           "STRAIGHT_OPENING", "after_indent", "ending_at", "every_line_a_sentence",
           "furniture_spans", "line_closers", "line_continuations", "past_dateline",
           "sentence_around", "sentence_at", "sentence_spans", "title_case"]

# Words whose dot ends no sentence ("Miss" is a whole word, and "miss." may end one).
ABBREVIATIONS = (FORMS_OF_ADDRESS - {"miss"}) | TITLES | {
    "st", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "etc", "no", "u.s", "u.k", "e.g", "i.e",
    *MONTH_ABBREVIATIONS.split("|"),
}
# The American ranks written with a dot ("Maj. Gen. Pat Ryder", "Adm."), which end no sentence
# either; but not in the sentences the attribution tagger is fitted on (every_line_a_sentence):
# refitted over them (4 in its 840 training articles) it lost a point of validation source F1.
RANK_ABBREVIATIONS = frozenset({"maj", "brig", "adm", "cmdr", "cpl", "pvt", "spc", "supt", "insp"})
_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])|\n\s*\n|\n")
# A sentence glued to the next with no space, as text extracted from web pages often is
# ("the Paralympics 147.Chair of UK Sport", "also implicated the IAAF.The 323-page report",
# "What next?The"): after a number, an acronym or a question or exclamation mark. Not after a
# lower-case word, where a capital after the dot is as often a web address ("Caliber.Az").
_GLUED = (r"\.(?:(?<=\d\.)|(?<=[A-Z]{2}\.))[\"'\u201d\u2019]?(?=[A-Z][a-z])|"
          r"[!?]+[\"'\u201d\u2019]?(?=[\"\u201c]?[A-Z][a-z])")
_END_OR_GLUED = re.compile(f"{_END.pattern}|{_GLUED}")
_PAREN_NEXT = re.compile(r"[ \t]*\(")


# A dateline opening one of the first body paragraphs: "WASHINGTON (AP) — ", "CONCORD, N.H. - ",
# "(CNN)", and with the day it was filed: "NEW YORK, Dec. 11 (UPI) —", "GENEVA, 12 November
# (UN News) -". It says where and when the story was filed, not what happened.
_MONTH = f"(?:{MONTHS_IN_FULL}|{MONTH_ABBREVIATIONS})\\.?"
_FILED = rf"(?i:{_MONTH}[ \t]+\d{{1,2}}|\d{{1,2}}[ \t]+{_MONTH})(?:,?[ \t]+\d{{4}})?"
DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'’-]{2,}(?:[ \t]+[A-Z][A-Z.'’-]*){0,3}(?:,[ \t]*[A-Z][A-Za-z.]*"
    rf"(?:[ \t]+[A-Z][A-Za-z.]*)?)?(?:,[ \t]*{_FILED})?"
    r"[ \t]*(?:\([A-Za-z ]{2,20}\)[ \t]*)?(?:--|[—–-])\s+|"
    r"(?:[A-Z][a-z]+[ \t]+){0,3}\((?:CNN|AP|Reuters|AFP|UPI)\)[ \t]*(?:(?:--|[—–-])\s*)?)"
    r"(?=[A-Z\"“‘'])")  # "New York (AFP) –"


def past_dateline(text: str, start: int, end: int) -> int:
    """Where the sentence ``text[start:end]`` begins past a dateline that opens its line (and
    leaves four words or more), else ``start``."""
    dateline = DATELINE.match(text, start, end) if start == 0 or text[start - 1] == "\n" \
        else None
    return dateline.end() if dateline and len(text[dateline.end():end].split()) >= 4 else start


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` spans of the sentences of ``text``, whitespace trimmed, in order."""
    return list(_spans(text, _EVERY_LINE.get()))


_EVERY_LINE = contextvars.ContextVar("every_line_a_sentence", default=False)


@contextlib.contextmanager
def every_line_a_sentence() -> Iterator[None]:
    """Within it, sentences are split as they were before line runs, wrapped paragraphs and
    glued sentences were read (every line break ends one, no end without a space): the
    attribution tagger is fitted on sentences split so (README, "Sentences"), which keeps its
    training command reproducing the shipped model."""
    token = _EVERY_LINE.set(True)
    try:
        yield
    finally:
        _EVERY_LINE.reset(token)


_LAST_WORD = re.compile(r"([\w.]+)$")


def ending_at(pattern: re.Pattern[str], text: str, at: int, reach: int, floor: int = 0
              ) -> re.Match[str] | None:
    """``pattern``, anchored at its end (``$``, ``\\Z``), matched in the ``reach`` characters
    before ``at`` (none before ``floor``): what ends just before a place, read there and not from
    its sentence's or line's start, which a run-on one would read again for every place in it."""
    return pattern.search(text, max(floor, at - reach), at)


@functools.lru_cache(maxsize=128)
def _spans(text: str, every_line: bool) -> tuple[tuple[int, int], ...]:
    # The checks ask for the same document's sentences many times; remember the last few.
    spans: list[tuple[int, int]] = []
    start = 0
    closers = frozenset() if every_line else line_closers(text)
    wrapped = set() if every_line else _wrapped_breaks(text)
    for m in (_END if every_line else _END_OR_GLUED).finditer(text):
        if m.group() == "\n" and not every_line and (m.start() in wrapped
                                                     or _runs_on(text, start, m.start())):
            continue  # a line broken inside a sentence ("Wright, who was runner-up in\nI'm A")
        if m.group().startswith((".",)) and "\n" not in m.group():
            word = ending_at(_LAST_WORD, text, m.start(), 64, start)  # the word before the stop
            if word and (word.group(1).lower() in ABBREVIATIONS or not every_line and
                         word.group(1).lower() in RANK_ABBREVIATIONS):
                continue
            if word and len(word.group(1)) == 1 and word.group(1).isupper():
                continue  # an initial: "Kim J. Un"
            if not every_line and word and word.group(1).lower() in ("a.m", "p.m") and \
                    _PAREN_NEXT.match(text, m.end()):
                continue  # "at 8:55 p.m. (1755 GMT) at a depth of …"
        _add(text, start, m.end(), spans, not every_line)
        start = m.end()
        if closers and "\n" in m.group():
            mark = after_indent(text, start)
            if mark in closers:
                start = mark + 1  # the closing mark of the line before: no part of this sentence
    _add(text, start, len(text), spans, not every_line)
    return tuple(spans)


def after_indent(text: str, at: int) -> int:
    """Where the spaces and tabs from ``at`` end (a line's first character, read from its
    start), without copying the text after it."""
    while at < len(text) and text[at] in " \t":
        at += 1
    return at


def line_closers(text: str) -> frozenset[int]:
    """In a text without blank lines (a line is a paragraph), the straight double marks that
    begin a line but close the quotation the line before left open: the BBC's text in XSum
    moves a closing mark to the start of the next line ('…legally required.\n"Lord Nash
    criticised…'; '…the job.\n""They do not…' closes one and opens the next)."""
    return _line_marks(text)[0]


def line_continuations(text: str) -> frozenset[int]:
    """The marks of the same place that open the next paragraph of the same quotation instead
    (its opening mark repeated, as English writes a quotation of several paragraphs): where a
    later mark of the line closes it ('"Second," he said.'), or where the paragraph speaks in
    the first or second person ('"If you peak in the first round …'), which narrative does not."""
    return _line_marks(text)[1]


_LINE = re.compile(r"^.*$", re.MULTILINE)
_MARK = re.compile('"')
# A straight double mark opens a quotation at the text's start or after a space, a bracket or a
# dash (any other closes one): here and in ``attributions.quotes.as_double_quotes``.
STRAIGHT_OPENING = re.compile(r'(?:^|(?<=[ \t\r\n(\[{—–-]))"')
# Words of quoted speech: the first or the second person.
_SPOKEN = re.compile(r"\bI(?:['’](?:m|ve|d|ll))?\b|\b(?:[Mm]y|me|[Ww]e(?:['’](?:re|ve|d|ll))?|us|"
                     r"[Oo]urs?|[Yy]ou(?:rs?|['’](?:re|ve|d|ll))?)\b")


@functools.lru_cache(maxsize=16)
def _line_marks(text: str) -> tuple[frozenset[int], frozenset[int]]:
    """Each straight mark read in turn (it opens a quotation where :data:`STRAIGHT_OPENING`
    says, else closes one; a quotation no mark closes ends with its line), and a mark that
    begins a line the line before left inside a quotation read as :func:`line_continuations`
    says, else as :func:`line_closers` says."""
    if '"' not in text or "\n\n" in text:
        return frozenset(), frozenset()
    closers, continuations = set(), set()
    quoting = False
    lines = list(_LINE.finditer(text))
    for n, line in enumerate(lines):
        marks = [m.start() for m in _MARK.finditer(text, line.start(), line.end())]
        first = after_indent(text, line.start())
        if not (marks and marks[0] == first):
            if not text[first:first + 1].islower():
                quoting = False  # a quotation left open ends with its paragraph
        elif quoting:
            later = marks[1] if len(marks) > 1 else line.end()
            passage = text[first + 1:later]
            for after in lines[n + 1:n + 4] if later == line.end() else ():
                # the paragraph's next lines, where XSum broke it ('"The\nceremonies …', '"He's
                # a good, mature boy\nand I think …')
                if len(passage.split()) >= 3 and not after.group()[:1].islower():
                    break
                passage += " " + after.group().split('"', 1)[0]
            closed = later < line.end() and later > first + 1 and \
                not STRAIGHT_OPENING.match(text, later)
            if closed or _SPOKEN.search(passage):
                continuations.add(first)
            else:
                closers.add(first)
                quoting = first + 1 in marks  # '""They …': the next quotation opens at once
                marks = marks[2:] if quoting else marks[1:]
        for i in marks:
            quoting = bool(STRAIGHT_OPENING.match(text, i))
    return frozenset(closers), frozenset(continuations)


# Words a sentence does not end on: articles, prepositions, conjunctions, auxiliaries,
# possessives. A line that ends on one was broken inside its sentence.
RUNS_ON = frozenset("""
a an the and or but nor to of in on at by for from with into onto about after before over under
between through during against without within as than that which who whom whose if because
while when where whether although though his her their its our my your this these those is are
was were be been being has have had will would could should may might can must shall do does
""".split())


def _runs_on(text: str, start: int, newline: int) -> bool:
    """Whether the line ending at ``newline`` runs on into the next: it does not end a sentence
    (no closing punctuation before its closing quotes or brackets) and it ends on a comma or a
    word no sentence ends on, or leaves a quotation open, or the next line starts in lower case
    or with a comma."""
    line = text[start:newline].rstrip()
    bare = line.rstrip("\"'”’)]")
    if not bare.strip() or bare[-1] in ".!?:;":  # " )": a bracket alone ends nothing to run on
        return False
    after = text[newline + 1:newline + 2]
    last = bare.rsplit(None, 1)[-1].lower()
    return bare[-1] == "," or last in RUNS_ON or after.islower() or after in (",", ";", ")") or \
        _open_quote(line)


def _open_quote(line: str) -> bool:
    """Whether ``line`` opens a quotation it does not close ('"UK' before 'Sport says', as BBC
    text extracted for XSum puts a paragraph's first word after the last one's closing quote)."""
    straight = line.count('"')
    return straight % 2 == 1 and line.lstrip().startswith('"') or \
        line.count("“") > line.count("”")


_WRAP_WIDTH = 40  # the narrowest line a wrapped paragraph is taken to have


def _wrapped_breaks(text: str) -> set[int]:
    """The line breaks a line wrapper put in: in a paragraph of three lines or more, at least
    half of whose breaks are such, a break after which the next word would not have fitted on
    the line (the paragraph's longest line, at least 40 characters, is its width). Text copied
    from print, a PDF or an e-mail is wrapped so; headlines, list items and paragraphs that end
    short are not, since their next word would have fitted."""
    out: set[int] = set()
    for block in re.finditer(r"[^\n](?:.|\n(?![ \t]*\n))*", text):
        lines = block.group().split("\n")
        width = max(len(line.rstrip()) for line in lines)
        if len(lines) < 3 or width < _WRAP_WIDTH:
            continue
        breaks, at = [], block.start()
        for line, following in zip(lines, lines[1:], strict=False):
            at += len(line)
            word = following.split(None, 1)
            if word and len(line.rstrip()) + 1 + len(word[0]) > width:
                breaks.append(at)
            at += 1
        if len(breaks) * 2 >= len(lines) - 1:
            out.update(breaks)
    return out


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]],
         unmarked: bool = False) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if unmarked and (start == 0 or text[start - 1] == "\n"):
        if TABLE_ROW.fullmatch(text, start, end):
            return  # a table's row ("| Work visas | 212,400 | -38% |") is no sentence
        marker = LIST_MARKER.match(text, start, end)
        if marker and marker.end() < end:
            start = marker.end()  # a list item's bullet or number is no part of its sentence
    while end - start > MAX_SENTENCE:  # cut at the last space in the second half of the reach
        cut = next((at for at in range(start + MAX_SENTENCE, start + MAX_SENTENCE // 2, -1)
                    if text[at].isspace()), start + MAX_SENTENCE)
        piece_end = cut
        while text[piece_end - 1].isspace():
            piece_end -= 1
        spans.append((start, piece_end))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))


# The longest span read as one sentence; a longer one (a list pasted without full stops, a word
# repeated, a table flattened) is cut at a space. The analysers read a sentence as a whole, some
# of them in time that grows with its square, and an attribution's content may run to its end:
# a "sentence" of 40,000 characters cost seconds and a content per cue that long. The longest of
# the 39,980 sentences of the PolNeAR and FRANK fit and validation texts has 979 characters.
MAX_SENTENCE = 2000


# A row of a table written with bars, its header and its rule: "| Work visas | 212,400 |",
# "|---|---:|".
TABLE_ROW = re.compile(r"\|[^\n]*\|[ \t]*")


# What begins a list item at a line's start: "- ", "• ", "* ", "1. ", "2) ", "(a) ".
LIST_MARKER = re.compile(r"(?:[-*•·▪‣◦–—]|\(?(?:\d{1,2}|[a-z])[.)])[ \t]+(?=\S)")


def sentence_at(spans: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The span containing ``offset``, if any."""
    for s, e in spans:
        if s <= offset < e:
            return s, e
    return None


_MINOR = frozenset("a an the and or but nor for of in on at to by with from as is are was be "
                   "vs via up out off over into onto per than that".split())


def title_case(line: str) -> bool:
    """Whether ``line`` is written as a headline, every word but the minor ones capitalised
    ("Bellwether County Says Trump Should Win GOP Nomination."), whatever ends it."""
    words = re.findall(r"[^\W\d_][\w'’-]*", line)
    major = [w for w in words if w.lower() not in _MINOR]
    return len(words) >= 4 and len(major) >= 3 and all(w[0].isupper() for w in major)


# Page furniture that copying a news page drags into its text, often glued to the story's next
# word: a share bar ("Share this with Email Facebook … Copy this link"), a video player's
# placeholder ("Media playback is not supported on this device"), a tabloid's "Scroll down for
# video", a page's date and time stamp on lines of their own ("18 March 2014", "Last updated at
# 09:22 GMT"). Neither a headline nor a sentence of the story.
_MONTH = f"(?i:{MONTHS_IN_FULL})"
FURNITURE = re.compile(r"(?:Share this with[\s\S]{0,200}?Copy\s*this\s*link|Media playback is "
                       r"(?:not supported|unsupported)\s+on\s+(?:this|your)\s+device|Scroll down "
                       r"for (?:video|more)\b|Last updated at \d{1,2}:\d{2}(?: ?(?:GMT|BST|UTC))?|"
                       rf"(?:\d{{1,2}} {_MONTH} \d{{4}}|{_MONTH} \d{{1,2}}, \d{{4}})"
                       r"[ \t]*(?=\n))\s*")


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """:func:`sentence_spans` without the page furniture that opens a sentence (a share bar
    glued to the story's first words); a sentence that is furniture alone is left out."""
    return list(_furniture_spans(text, _EVERY_LINE.get()))


@functools.lru_cache(maxsize=8)
def _furniture_spans(text: str, every_line: bool) -> tuple[tuple[int, int], ...]:
    # A briefing asks twice (its bottom line's sentences, its hedged ones); the pattern reads
    # the whole text. Its matches do not overlap, so the one a sentence starts in is found by
    # bisection, not by a walk over all of them (a text of date lines has thousands).
    starts, ends = [], []
    for m in FURNITURE.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
    out = []
    for s, e in _spans(text, every_line):
        i = bisect.bisect_right(starts, s) - 1
        if i >= 0 and s < ends[i]:
            s = ends[i]
        if s < e:
            out.append((s, e))
    return tuple(out)


# The text before a sentence's first word (searched up to that word): a full stop (a colon, a
# line break), its opening marks or a dash ("''Six months ago", "— Nine months of"), or a
# quotation opened after a comma ("he said, 'Eight years, no daylight.'").
SENTENCE_START = re.compile(r"(?:(?:^|[.!?:][\"'”’)]*\s+|\n\s*)[\"'“‘(—–]{0,2}|"
                            r",\s+[\"'“‘]{1,2})\s*$")


# Where a sentence ends, as a figure's context reads it: a full stop, a question or an exclamation
# mark before a space or the end, or a line break.
_ENDS = re.compile(r"[.!?](?=\s|$)|\n")


def sentence_around(text: str, start: int, end: int, reach: int = 1000) -> tuple[int, int]:
    """The bounds of the sentence around ``text[start:end]``, read back at most ``reach``
    characters: from after the last full stop (or line break) before ``start`` to the next one
    after ``end``. Quick and local, for a figure's context; :func:`sentence_spans` is the
    careful split (abbreviations, datelines)."""
    lo = max(0, start - reach)
    begin = max((m.end() for m in _ENDS.finditer(text, lo, start)), default=lo)
    stop = _ENDS.search(text, end)
    return begin, stop.start() if stop else len(text)
