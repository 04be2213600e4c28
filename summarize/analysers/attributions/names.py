"""A tagged source's whole name: the tagger, reading a sentence token by token, sometimes leaves a
name's first or last word out of a source ("The last time Frank | Jordan spoke with his son",
"stars like Tom | Cruise and Kirstie Alley"), or keeps only the form of address ("Mr" of "Mr.
Trump said"). A briefing names its actors by these spans, so a name cut in two becomes two
actors, "Frank" and "Jordan".

A source that begins or ends with a capitalised word takes the capitalised words right beside it
on the same line (four at most on each side), unless one is a word news does not use as a noun
("But", "Said": :func:`..figures.words.non_nouns`), a day or a month ("On Tuesday Trump said"),
"I", or the words are a headline's ("Mike Pence Calls for Special Prosecutor": title case over the
name and the three words after it, or a word of four capitals). A sentence's first word is
capitalised whatever it is, so it joins only when the text also writes it capitalised inside a
sentence ("Donald Trump has ..." where "Donald" is written so elsewhere; not "Witness Mr. Trump's
appeal").
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Callable

from ...vocabulary import HONORIFICS
from ..sentences import title_case
from .spans import Attribution, Span

__all__ = ["ARTICLES_FORWARD", "NAME_RUNS", "NAME_WORD", "POSSESSIVE", "articles_forward",
           "capitalised_inside", "whole_names", "with_whole_names"]

NAME_WORD = r"[A-Z][\w-]*(?:['’](?!s\b)[\w-]+)*"  # "O'Brien", not "Trump's"
# The "’s" that ends a possessive ("Sotomayor’s") or a contraction ("he’s"): no part of a name.
POSSESSIVE = re.compile(r"(?<=\w)['’]s\Z")
_HONORIFIC = re.compile(rf"(?:{'|'.join(sorted(HONORIFICS))})\.?", re.IGNORECASE)
_NAME_AFTER = re.compile(rf"\.?[ \t]+{NAME_WORD}(?:[ \t]+{NAME_WORD})*")
_WORD_BEFORE = re.compile(rf"(?<![\w'’.-])({NAME_WORD})[ \t]+\Z")
_WORD_AFTER = re.compile(rf"[ \t]+({NAME_WORD})(?![\w'’-])")
_EDGE = re.compile(rf"{NAME_WORD}\Z")
_FOLLOWING = re.compile(r"(?:[^\w\n]*[\w'’-]+){0,3}")  # up to three words after, on the line
_OPENING = re.compile(rf"{NAME_WORD}[ \t]+")
_INSIDE = re.compile(r"(?<=[a-z,;] )([A-Z][\w-]*\w(?:['’](?!s\b)\w+)*)")  # "Manafort's": Manafort
_TITLE_BEFORE = re.compile(r"(?<![\w.])(\w+)\.\s+\Z")
_SHOUTED = re.compile(r"\b[A-Z]{4,}\b")

# Whether a source's next or previous capitalised words join it (switchable for measurement),
# and how many at most on each side (a headline's run of capitals is not walked to its end).
NAME_RUNS = True
_MOST = 4


def whole_names(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A sentence's tagged spans, a source the tagger cut after a form of address given the
    name that follows it ("Mr" of "Mr. Trump said"). When the tagger read the name into the
    next span, a possessive's cue ("Mr" + "Trump's pitches"), the name goes to the source and
    the cue keeps what follows the possessive ("Mr. Trump" + "pitches"; PolNeAR writes the cue
    "'s pitches")."""
    out = list(spans)
    for i, (start, end, label) in enumerate(out):
        if label != "Source":
            continue
        if not _HONORIFIC.fullmatch(text, start, end):
            continue
        name = _NAME_AFTER.match(text, end)
        if name is None:
            continue
        following = out[i + 1] if i + 1 < len(out) else None
        if following is not None and following[0] < name.end():
            owner = re.match(r"['’]s\s+", text[name.end():following[1]])
            if following[2] != "Cue" or owner is None:
                continue
            out[i + 1] = (name.end() + owner.end(), following[1], following[2])
        out[i] = (start, name.end(), label)
    return out


def with_whole_names(text: str, found: list[Attribution]) -> list[Attribution]:
    """``found`` with each source's name made whole by the capitalised words the tagger left
    beside it (above), up to the nearest cue or content."""
    if not NAME_RUNS:
        return found
    # (the figures' vocabulary, read here and not at import: attributions load without it)
    from ..figures.words import CALENDAR, non_nouns

    common = non_nouns()

    def name_word(word: str) -> bool:
        return word != "I" and word.lower() not in common and not CALENDAR.fullmatch(word)

    parts = {(p.start, p.end) for a in found for p in (a.cue, a.content)}
    starts, ends = sorted(s for s, _ in parts), sorted(e for _, e in parts)
    out = []
    for a in found:
        start, end = a.source.start, a.source.end
        before = bisect.bisect_right(ends, start)  # the last part ending by the source's start
        low = ends[before - 1] if before else 0
        after = bisect.bisect_left(starts, end)  # the first part starting at its end or later
        high = starts[after] if after < len(starts) else len(text)
        first, last = _name_run(text, start, end, low, high, name_word)
        out.append(a if (first, last) == (start, end) else
                   dataclasses.replace(a, source=Span(text[first:last], first, last)))
    return out


def _name_run(text: str, start: int, end: int, low: int, high: int,
              name_word: Callable[[str], bool]) -> tuple[int, int]:
    """``[start, end)`` with the capitalised words beside it that continue its name, within
    ``[low, high)`` (the sentence's other spans); ``name_word``: whether a word may be one of a
    name's ("I", "But", a day are not)."""
    first, last = start, end
    if _EDGE.search(text, start, end) and name_word(text[start:end].split()[-1]):
        for _ in range(_MOST):
            word = _WORD_AFTER.match(text, last)
            if not word or word.end() > high or not name_word(word.group(1)):
                break
            last = word.end()
    head = re.match(NAME_WORD, text[start:end])
    if head and name_word(head.group()):
        for _ in range(_MOST):
            word = _WORD_BEFORE.search(text, max(low, first - 40), first)
            if not word or not name_word(word.group(1)):
                break
            first = word.start()
    if (first, last) == (start, end):
        return start, end
    line_end = text.find("\n", last, last + 200)
    following = _FOLLOWING.match(text, last, last + 200 if line_end < 0 else line_end)
    if title_case(text[first:following.end() if following else last]) \
            or _SHOUTED.search(text, first, last):
        return start, end  # a headline's words, all capitalised
    if first < start and _opens_sentence(text, first) \
            and text[first:start].split()[0] not in capitalised_inside(text):
        opening = _OPENING.match(text, first)  # the sentence's first word stays out
        first = opening.end() if opening else start
    return first, last


def _opens_sentence(text: str, at: int) -> bool:
    """Whether the word at ``at`` opens a sentence, a line or a quotation
    (:func:`~..source_kinds.sentence_initial`); not after a form of address or a title ("Sen.
    Bernie Sanders")."""
    from ..source_kinds import sentence_initial

    if not sentence_initial(text, at):
        return False
    title = _TITLE_BEFORE.search(text, max(0, at - 12), at)
    return title is None or not _HONORIFIC.fullmatch(title.group(1))


@functools.lru_cache(maxsize=8)
def capitalised_inside(text: str) -> frozenset[str]:
    """The capitalised words ``text`` writes inside a sentence, after a lower-case word or a
    comma: a name, since a common word is capitalised only where a sentence opens."""
    return frozenset(_INSIDE.findall(text))


# An article that ends a tagged span begins the next one: "… over the next two years, the |
# WHO said" (the tagger's content ended on "the"); none of PolNeAR's 19,892 training contents
# ends on an article, 9 of its 17,212 sources. Alone before nothing tagged, it is no part of the
# span.
ARTICLES_FORWARD = True
_ARTICLE = re.compile(r"(?:the|a|an)", re.IGNORECASE)


def articles_forward(text: str, tokens: list[tuple[int, int]], labels: list[str]) -> list[str]:
    """``labels`` with an article that ends a span moved to the span right after it, or left out
    of its span when none follows."""
    out = list(labels)
    for i, label in enumerate(labels):
        if label == "O" or not _ARTICLE.fullmatch(text, *tokens[i]):
            continue
        after = labels[i + 1] if i + 1 < len(labels) else "O"
        if after != "O" and after[2:] == label[2:] and after.startswith("I-"):
            continue  # inside its span
        if after == "O":
            out[i] = "O"
        elif after[2:] != label[2:]:
            out[i], out[i + 1] = f"B-{after[2:]}", f"I-{after[2:]}"
    return out
