"""Numbers as the world writes them, read as plain digits before the scanner sees them: typographic
spaces, a space or full stops between groups of three digits ("10 000 troops", "1.250.000
euros", "€250.000"), a decimal comma ("€12,50"). Every rewrite keeps one character for one, so
an offset into the result is one into the text."""

from __future__ import annotations

import re
from collections.abc import Callable

from .currencies import CODES, LOWER_CODES, currency_after, shared_noun
from .numbers import CURRENCY_WORDS

__all__ = ["plain_text"]


# Spaces other than the plain one (no-break, thin, narrow, ideographic...) read as the plain
# one, character for character: "100\xa0Delegates" is "100 Delegates", offsets unchanged.
_TYPOGRAPHIC = re.compile(
    "[\xa0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000]")
# Between groups of three digits, a thin or no-break space is a thousands separator (the SI's
# "10\u2009000"): read as a comma, again one character for one.
_GROUP_MARKS = frozenset("\xa0\u2009\u202f")
_THREE_DIGITS = re.compile(r"\d{3}(?!\d)")


def _plain_space(m: re.Match[str]) -> str:
    text, at = m.string, m.start()
    if m.group() in _GROUP_MARKS and _THREE_DIGITS.match(text, at + 1):
        before = at
        while before > 0 and text[before - 1].isdigit():
            before -= 1
        # a group of one to three digits before it, not a decimal's ("3.5 000")
        if 1 <= at - before <= 3 and (before == 0 or text[before - 1] not in ".,"):
            return ","
    return " "


# A plain space between groups of three digits, the first of one to three digits that no number
# or decimal ends before ("10 000 troops", "€1 250 000"; not "in 2014 300 people"): the same.
_SPACED_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3})+(?![\d]|[.,]\d)")
# Two full stops or more between groups of three digits, as much of Europe writes thousands
# ("1.250.000 euros"): no decimal has two. (One, "1.250", stays a decimal, but not before a
# decimal comma: "2.500,50 €" is 2500.50.)
_DOTTED_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?:(?:\.\d{3}){2,}(?:,\d+)?|\.\d{3},\d\d?)"
                            r"(?![\d]|[.,]\d)")
# One full stop before three digits beside the euro, as the euro area writes a thousand
# ("€250.000", "1.500 euros", "250.000 EUR"): no euro price has three decimals but a litre's
# of fuel ("1.659 € per litre"), and no amount begins with a zero's group ("€0.925").
_EURO_GROUP = re.compile(r"(?<![\d.,])[1-9]\d{0,2}\.\d{3}(?![\d]|[.,]\d)")
_EURO_BEFORE = re.compile(r"(?:€|\bEUR)\s?$")
_RATE_OF = re.compile(r"\b(?:dollars?|greenback|sterling|pounds?|francs?|yen|yuan|currency|"
                      r"exchange|rate|traded|trading)\b[^.;]*$", re.IGNORECASE)
_EURO_AFTER = re.compile(r"\s?(?:€|EUR\b|euros?\b)", re.IGNORECASE)
_RATE_AFTER = re.compile(r"\s*(?:(?:per|a|an)\b|/)")  # a price of a unit: "€1.659 a litre"


def _euro_group(m: re.Match[str]) -> str:
    text = m.string
    if _RATE_OF.search(text, max(0, m.start() - 40), m.start()):
        return m.group()  # a rate of exchange: "sterling rose to 1.165 euros"
    after = _EURO_AFTER.match(text, m.end())
    euro = m.end() if _EURO_BEFORE.search(text, max(0, m.start() - 4), m.start()) else \
        after.end() if after else None
    if euro is not None and not _RATE_AFTER.match(text, euro):
        return m.group().replace(".", ",")
    return m.group()


# A comma before one or two digits, which no thousands separator has, is a decimal comma where
# money, a share or a metric unit says so ("€12,50", "$15,50", "12,5 %", "3,5 millions d'euros";
# "1.250.000,50"; "3,5 kg", "1,8 m", "2,5 litres", as Europe writes them).
_DECIMAL_COMMA = re.compile(r"(?<![\d.,])\d{1,3},\d{1,2}(?![\d]|[.,]\d)")
# A share, a scale or a metric unit after it (money after it is read as money is: _money_after).
_DECIMAL_BESIDE = re.compile(r"\s?(?:%|per ?cent\b|mio\b|millions?\b|"
                             r"billions?\b|milliards?\b|(?:k|c|m)?m\b|(?:k|m)?g\b|m?l\b|°C|"
                             r"(?:kilo|centi|milli)?(?:metres?|meters?|grams?|grammes?)\b|"
                             r"kilos?\b|litres?\b|liters?\b|tonnes?\b|hectares?\b)",
                             re.IGNORECASE)
# Money before the number: a sign ("$15,50", "US$ 1,25") or an ISO code ("USD 15,50", "chf 7,50").
_MONEY_BEFORE = re.compile(r"(?:[$€£¥₹₩₽]|\b(?P<code>[A-Za-z]{3}))\s?$")
_WORD_AFTER = re.compile(r"\s?([a-z]+)\b", re.IGNORECASE)


def _money_before(text: str, at: int) -> bool:
    money = _MONEY_BEFORE.search(text[max(0, at - 5):at])
    code = money.group("code") if money is not None else None
    return money is not None and (code is None or code in CODES or code in LOWER_CODES)


def _money_after(text: str, end: int) -> bool:
    """A currency after the number: the scanner's own words ("dollars"), a noun or sign several
    countries use ("kr", "francs") or CLDR's ("€", "EUR", "euros", "Swiss francs")."""
    word = _WORD_AFTER.match(text, end)
    return word is not None and (word.group(1).lower() in CURRENCY_WORDS or
                                 shared_noun(word.group(1))) or \
        currency_after(text, end) is not None


def _decimal_beside(text: str, start: int, end: int) -> bool:
    """Money or a share or a metric unit says the number from ``start`` to ``end`` has a decimal
    comma."""
    return _money_before(text, start) or _DECIMAL_BESIDE.match(text, end) is not None or \
        _money_after(text, end)


def _decimal_comma(m: re.Match[str]) -> str:
    decimal = _decimal_beside(m.string, m.start(), m.end())
    return m.group().replace(",", ".") if decimal else m.group()


# Groups of three digits apart by a space, then cents after a comma or a full stop, as much of
# Europe writes a price ("1 234,56 €", "CHF 2 500.50"): read where money or a unit says so.
_SPACED_DECIMAL = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3})+[.,]\d{1,2}(?![\d]|[.,]\d)")


def _spaced_decimal(m: re.Match[str]) -> str:
    if not _decimal_beside(m.string, m.start(), m.end()):
        return m.group()
    return m.group().replace(",", ".").replace(" ", ",")


# An apostrophe between groups of three digits, as Switzerland writes thousands ("CHF 1'250'000",
# "1’234.50 francs"): no foot and inch ("5'11") has three digits after its mark.
_APOSTROPHE_GROUPS = re.compile(r"(?<![\d.,'’])\d{1,3}(?:['’]\d{3})+(?:\.\d+)?(?![\d'’])")


_SWAP = str.maketrans(".,", ",.")
# Each number format with a quick search for its mark (most texts have none: the whole pattern,
# which looks behind at every position, runs only where the mark is) and its rewriting.
_NUMBER_FORMATS: tuple[tuple[re.Pattern[str], re.Pattern[str],
                             Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"\d \d{3}[.,]\d"), _SPACED_DECIMAL, _spaced_decimal),
    (re.compile(r"\d \d{3}(?!\d)"), _SPACED_GROUPS, lambda m: m.group().replace(" ", ",")),
    (re.compile(r"\d['’]\d{3}"), _APOSTROPHE_GROUPS,
     lambda m: m.group().replace("'", ",").replace("’", ",")),
    (re.compile(r"\d\.\d{3}[.,]\d"), _DOTTED_GROUPS, lambda m: m.group().translate(_SWAP)),
    (re.compile(r"\d,\d\d?(?!\d)"), _DECIMAL_COMMA, _decimal_comma),
    (re.compile(r"(?:€|EUR)\s?[1-9]\d{0,2}\.\d{3}|\d\.\d{3}\s?(?:€|EUR|euro)", re.IGNORECASE),
     _EURO_GROUP, _euro_group),
)


def plain_text(text: str) -> str:
    """``text`` with its typographic spaces read as plain spaces or thousands separators, and a
    plain space or full stops between groups of three digits as thousands separators, of the
    same length (every offset into it is one into ``text``)."""
    if _TYPOGRAPHIC.search(text):
        text = _TYPOGRAPHIC.sub(_plain_space, text)
    if "\u2044" in text or "\u2215" in text:  # the fraction and division slashes: "1⁄2" is "1/2"
        text = text.replace("\u2044", "/").replace("\u2215", "/")
    for mark, pattern, rewrite in _NUMBER_FORMATS:
        if mark.search(text):
            text = pattern.sub(rewrite, text)
    return text
