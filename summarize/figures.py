"""Deterministic figure extraction: every quantity in a text, with value, unit and qualifier.

"approximately 10,000 troops" -> value 10000, unit "troops", qualifier "approximate".

What is not a figure here, and why:

* dates: a day next to a month name ("October 30", "5 November") and years (1800-2100 standing
  alone or after "in", "since", a month...) are dates, not quantities;
* identifiers: a number glued to letters ("Guliyev2812", "F-16", "COVID-19") or after a label
  word ("Section 427", "Row 21", "No. 5", "Article 5");
* ordinals ("22nd", "third") and clock times ("10:30").
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from .schema import Qualifier

__all__ = ["FigureMention", "extract_figures", "parse_number"]

_UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12,
}
_CURRENCY_PREFIX = {
    "$": "USD", "us$": "USD", "usd": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "eur": "EUR",
    "gbp": "GBP",
}
_CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
    "pounds": "GBP", "yen": "JPY", "yuan": "CNY", "rubles": "RUB", "roubles": "RUB",
}
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_QUALIFIERS: list[tuple[str, Qualifier]] = [
    (r"approximately|approx\.?|about|around|roughly|nearly|almost|some|an estimated|estimated|"
     r"close to|circa|ca\.|~", "approximate"),
    (r"more than|over|at least|upwards of|in excess of|exceeding|above|>|≥|no fewer than|"
     r"no less than", "at_least"),
    (r"up to|less than|fewer than|under|at most|below|no more than|<|≤|as many as|as much as",
     "at_most"),
]
_LABELS = {
    "section", "row", "no", "no.", "number", "article", "chapter", "page", "room", "flight",
    "route", "highway", "seat", "gate", "level", "grade", "version", "model", "episode",
    "season", "volume", "vol", "part", "item", "rule", "resolution", "amendment", "paragraph",
}
_STOP_UNIT = {
    "of", "to", "and", "or", "in", "on", "at", "for", "by", "with", "from", "the", "a", "an",
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "that", "which", "who",
    "this", "these", "those", "as", "than", "into", "per", "after", "before", "since", "but",
    "would", "will", "could", "may", "might", "can", "should", "more", "less", "each", "times",
    "it", "its", "their", "his", "her", "percent",
}

_NUM_WORD = "|".join(sorted([*_UNITS_WORDS, *_TENS_WORDS], key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_SCALE = r"hundred|thousand|million|billion|trillion|bn|mn|tn|trn|k|m|b"
_NUMBER = (
    rf"(?:(?P<digits>{_DIGITS})|(?P<words>(?:{_NUM_WORD})(?:[- ](?:{_NUM_WORD}))?|a dozen|"
    rf"dozens|a hundred|a thousand|a million|a billion|half a million|half a dozen))"
    rf"(?:\s?(?P<scale>{_SCALE})\b)?"
)
_NUMBER_PLAIN = re.sub(r"\?P<\w+>", "?:", _NUMBER)
_QUAL_RE = "|".join(q for q, _ in _QUALIFIERS)
_FIGURE = re.compile(
    rf"(?P<qual>(?:{_QUAL_RE})\s*)?"
    rf"(?P<cur>US\$|\$|£|€|¥)?\s?"
    rf"(?P<num>{_NUMBER})"
    rf"(?:\s*(?:-|–|—|to|and)\s*(?P<cur2>US\$|\$|£|€|¥)?(?P<num2>{_NUMBER_PLAIN}))?"
    rf"(?P<pct>\s?(?:%|percent\b|per cent\b|percentage points?\b))?",
    re.IGNORECASE,
)
_BETWEEN = re.compile(r"(?:between|from)\s*$", re.IGNORECASE)
_UNIT_AFTER = re.compile(r"^(?:-|\s+)((?:[A-Z][\w'-]*\s+){0,2})([a-z][a-z-]*)")
_HYPHEN_UNIT = re.compile(r"^-([a-z]+)(?:-[a-z]+)*\b")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")


@dataclass(frozen=True)
class FigureMention:
    text: str
    value: float
    unit: str | None
    qualifier: Qualifier
    low: float | None
    high: float | None
    start: int
    end: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _words_value(words: str) -> float:
    w = words.lower().replace("-", " ").split()
    special = {
        "a dozen": 12, "half a dozen": 6, "dozens": 24, "a hundred": 100, "a thousand": 1000,
        "a million": 1e6, "a billion": 1e9, "half a million": 5e5,
    }
    joined = " ".join(w)
    if joined in special:
        return float(special[joined])
    total = 0.0
    for token in w:
        total += _UNITS_WORDS.get(token, _TENS_WORDS.get(token, 0))
    return total


def parse_number(match: re.Match[str], group: str) -> float | None:
    """The value of a ``_NUMBER`` match stored under ``group``."""
    text = match.group(group)
    if text is None:
        return None
    sub = re.fullmatch(_NUMBER, text.strip(), re.IGNORECASE)
    if sub is None:
        return None
    if sub.group("digits"):
        value = float(sub.group("digits").replace(",", ""))
    else:
        value = _words_value(sub.group("words"))
    scale = sub.group("scale")
    if scale:
        value *= _SCALES[scale.lower()]
    return value


def _qualifier_of(text: str | None) -> Qualifier:
    if not text:
        return "exact"
    t = text.strip().lower()
    for pattern, qualifier in _QUALIFIERS:
        if re.fullmatch(pattern, t):
            return qualifier
    return "exact"


def _plural(word: str, value: float) -> str:
    if value == 1 or word.endswith("s"):
        return word
    return word + "s"


def _is_date_or_identifier(text: str, start: int, end: int, digits: str | None) -> bool:
    before = text[max(0, start - 12):start]
    after = text[end:end + 12]
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_"):
        return True  # glued to a word: Guliyev2812
    if re.search(r"[A-Za-z]-$", before) and digits:
        return True  # F-16, COVID-19
    if re.search(r"\d[:.]$", before) or re.match(r"(?:st|nd|rd|th)\b|:\d\d", after,
                                                   re.IGNORECASE):
        return True  # ordinal or clock time
    if re.search(rf"\b(?:{_MONTHS})\.?\s*$", before, re.IGNORECASE):
        return True  # October 30
    if re.match(rf"\s*(?:{_MONTHS})\b", after, re.IGNORECASE) and digits and len(digits) <= 2:
        return True  # 30 October
    if digits and _YEAR.match(digits) and not re.match(r"\s*(?:%|percent|[a-z]+s\b)", after):
        return True  # 2024, in 1998
    label = re.search(r"([A-Za-z.]+)\s*$", before)
    return bool(label and label.group(1).lower() in _LABELS and digits)


def extract_figures(text: str) -> list[FigureMention]:
    """Every figure in ``text`` with character offsets into it, in order of appearance."""
    out: list[FigureMention] = []
    for m in _FIGURE.finditer(text):
        num_start = m.start("num")
        digits = m.group("digits")
        if _is_date_or_identifier(text, num_start, m.end("num"), digits):
            continue
        words = m.group("words")
        if words and m.start() > 0 and text[m.start() - 1].isalpha():
            continue
        if words and words.lower() == "one" and not m.group("qual"):
            continue  # "one of the", "one day": too often not a quantity
        value = parse_number(m, "num")
        if value is None:
            continue
        start, end = m.start(), m.end()
        qual_text = m.group("qual")
        qualifier = _qualifier_of(qual_text)
        low = high = None
        second = parse_number(m, "num2") if m.group("num2") else None
        if second is not None:
            joiner = text[m.end("num"):m.start("num2")].strip().lower()
            between = _BETWEEN.search(text[max(0, start - 10):start])
            if joiner == "and" and not between:
                # "5 and 6" is two figures, not a range: keep only the first.
                end = m.end("num")
                second = None
            else:
                # "10-12": the scale of the second applies to both ("1.5-2 million").
                if value < second and m.group("num2") and not re.search(
                    _SCALE, m.group("num"), re.IGNORECASE
                ):
                    scale = re.search(rf"\s?({_SCALE})\b", m.group("num2"), re.IGNORECASE)
                    if scale:
                        value *= _SCALES[scale.group(1).lower()]
                low, high, qualifier = value, second, "range"
                if between:
                    start = between.start() + max(0, start - 10)
        if qual_text and qualifier == "exact":
            start = m.start("num") if not m.group("cur") else m.start("cur")
        unit: str | None = None
        currency = m.group("cur")
        if m.group("pct"):
            unit = "%"
        elif currency:
            unit = _CURRENCY_PREFIX.get(currency.lower(), currency)
        if unit is None:
            rest = text[end:end + 60]
            hyphen = _HYPHEN_UNIT.match(rest)
            after = _UNIT_AFTER.match(rest)
            if hyphen:
                unit = _plural(hyphen.group(1).lower(), value)  # three-year-long -> years
                end += hyphen.end(1)
            elif after and after.group(2).lower() not in _STOP_UNIT:
                word = after.group(2).lower()
                unit = _CURRENCY_WORDS.get(word, word)
                end += after.end(2)
        while start < end and text[start].isspace():
            start += 1
        out.append(
            FigureMention(
                text=text[start:end],
                value=value if low is None else low,
                unit=unit,
                qualifier=qualifier,
                low=low,
                high=high,
                start=start,
                end=end,
            )
        )
    return out
