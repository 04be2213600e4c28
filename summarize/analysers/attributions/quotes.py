"""Quotation marks read as the curly double ones the tagger reads best.

British news (the Daily Mail's text in CNN/DailyMail, much of the BBC's) quotes with single marks:
‘We will win,’ he said. PolNeAR's American articles, the tagger's training data, quote with
double ones, and the tagger reads a quotation by its marks. A text that quotes mostly with single
marks is read with each of its single quotations' marks as double ones; and straight double marks
are read as curly ones, opening or closing by what stands before them. Character for character:
every offset into the text read is one into the text given.
"""

from __future__ import annotations

import re

__all__ = ["as_double_quotes", "paragraph_break"]


def paragraph_break(text: str) -> str:
    """What ends a paragraph of ``text``: a blank line, or in a text without any (CNN/DailyMail's
    copies) a line break."""
    return "\n\n" if "\n\n" in text else "\n"


# A straight double mark opens a quotation at the text's start or after a space, a bracket or a
# dash (any other closes one).
_STRAIGHT_OPENING = re.compile(r'(?:^|(?<=[ \t\r\n(\[{—–-]))"')

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
        text = _STRAIGHT_OPENING.sub("“", text).replace('"', "”")
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
