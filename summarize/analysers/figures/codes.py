"""Numbers that are parts of a code a document carries, not quantities: a telephone number ("+44
20 7946 0958", "(202) 555-0143", "Tel. 0800 123 456", "call 911"), a book's number ("ISBN
978-3-16-148410-0") and a quarter's or a half-year's name as the reports of companies write it
("3Q24", "1H 2024"), and an emergency number called ("a 911 caller").

Statements and press releases end with a contact's number; read as figures, its parts would fill
a briefing's table with 44, 20, 7946 and 958.
"""

from __future__ import annotations

import re

__all__ = ["in_code"]

_PHONE_WORDS = ("tel", "telephone", "phone", "fax", "mobile", "hotline")
# An international number (a "+" and its country code, then groups), a North American one (an
# area code in brackets, or three, three and four digits joined by hyphens or full stops), a
# national one dialled with its leading 0 ("0300 123 4567", "020 7946 0958", "01 23 45 67 89"),
# or any run of digit groups after a word that says it is a telephone number.
# (The scanner reads a space between groups of three digits as a thousands separator, so a comma
# may stand for it: "0800 123,456".)
_PHONE = re.compile(
    r"\+\d{1,3}[ .-]?(?:\(\d{1,5}\)[ .-]?)?\d{1,5}(?:[ .,-]\d{2,5}){1,4}(?!\d)|"
    r"\(\d{3}\)[ .-]?\d{3}[ .-]\d{4}(?!\d)|(?<![\d.-])\d{3}[.-]\d{3}[.-]\d{4}(?![\d.-]?\d)|"
    r"(?<![\d.,])0\d{2,4}[ -]\d{3,4}[ ,-]\d{3,4}(?![\d,]?\d)|(?<![\d.,])0\d(?:[ .]\d\d){4}(?!\d)|"
    rf"\b(?:{'|'.join(_PHONE_WORDS)})\b\.?:?[ \t]*"
    r"(?!\d{1,3}(?:,\d{3})+(?![\d ().-]*\d))\+?\(?\d[\d ().,-]{5,}\d",  # not "fax 100,000 pages"
    re.IGNORECASE)
_ISBN = re.compile(r"\bISBN(?:-1[03])?:?[ \t]*\d[\d -]{8,16}[\dX]\b", re.IGNORECASE)
# A quarter or half glued before its year: "3Q24", "1H2024" (in "Q3 2024" the scanner already
# leaves a letter's number and a year).
_PERIOD = re.compile(r"(?<![\w.])[1-4]Q\s?(?:\d{2}|\d{4})\b|(?<![\w.])[12]H\s?(?:\d{2}|\d{4})\b")
_WINDOW = 40  # characters either side of a number in which its code is looked for
_SHAPE = re.compile(r"\d[QH]|\d[.-]\d{3}")  # "3Q24", "555-0143"
_LEADING_ZERO = re.compile(r"(?<![\d.,])0\d{1,4}[ .-]\d\d")  # "0300 123", "01 23"
_LABELS = (*_PHONE_WORDS, "isbn")
# An emergency number after a verb of calling: "call 911", "dialled 999".
_EMERGENCY = frozenset({"911", "999", "112", "111", "101"})
_CALL_BEFORE = re.compile(r"\b(?:call(?:s|ed|ing)?|dial(?:s|l?ed|l?ing)?|ring(?:s|ing)?|"
                          r"phon(?:e|es|ed|ing))\s+$", re.IGNORECASE)
# ... or before one: "a 911 caller", "999 calls", "the 911 dispatcher", "a 112 operator"
_CALL_AFTER = re.compile(r"\s+(?:emergency|call(?:s|ers?)?|dispatch(?:ers?|ed)?|operators?|"
                         r"cent(?:er|re)s?|tapes?|recordings?)\b", re.IGNORECASE)


def in_code(text: str, start: int, end: int, digits: str) -> bool:
    """Whether the number at ``text[start:end]`` (its digits ``digits``) lies inside a telephone
    number, an ISBN or a quarter's name, or is an emergency number called."""
    if digits in _EMERGENCY and (_CALL_BEFORE.search(text[max(0, start - 12):start]) or
                                 _CALL_AFTER.match(text, end)):
        return True  # "call 911", "dialled 999", "a 911 caller": a telephone number
    before = text[max(0, start - 20):start]
    if "+" not in before and "(" not in before and \
            not _SHAPE.search(text, max(0, start - 4), end + 4) and \
            not _LEADING_ZERO.search(text, max(0, start - 14), end + 4) and \
            not any(label in before.lower() for label in _LABELS):
        return False  # the hot path: most numbers have none of these near them
    lo = max(0, start - _WINDOW)
    window = text[lo:end + _WINDOW]
    return any(m.start() + lo <= start and end <= m.end() + lo
               for pattern in (_PHONE, _ISBN, _PERIOD) for m in pattern.finditer(window))
