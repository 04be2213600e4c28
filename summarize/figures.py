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
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any

from .schema import Qualifier

__all__ = ["FigureMention", "canonical_unit", "extract_figures", "parse_number"]

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
    "gbp": "GBP", "hk$": "HKD", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD",
    "nz$": "NZD", "s$": "SGD", "rm": "MYR", "rs": "INR", "rs.": "INR", "₹": "INR", "₩": "KRW",
    "₽": "RUB",
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
    rf"dozens|a hundred|a thousand|a million|a billion|half a million|half a dozen)(?![A-Za-z]))"
    rf"(?:\s?(?P<scale>{_SCALE})\b)?"
)
_NUMBER_PLAIN = re.sub(r"\?P<\w+>", "?:", _NUMBER)
_QUAL_RE = "|".join(q for q, _ in _QUALIFIERS)
_FIGURE = re.compile(
    rf"(?P<qual>(?:{_QUAL_RE})\s*)?"
    rf"(?P<cur>US\$|HK\$|A\$|AU\$|C\$|CA\$|NZ\$|S\$|\$|£|€|¥|₹|₩|₽|\bRM|\bRs\.?)?\s?"
    rf"(?P<num>{_NUMBER})"
    rf"(?:\s*(?P<join>-|–|—|to|and)\s*(?P<cur2>US\$|HK\$|\$|£|€|¥)?(?P<num2>{_NUMBER_PLAIN}))?"
    rf"(?P<pct>\s?(?:%|percent\b|per cent\b|percentage points?\b))?",
    re.IGNORECASE,
)
_BETWEEN = re.compile(r"(?:between|from)\s*$", re.IGNORECASE)
_UNIT_AFTER = re.compile(r"^(?:-|\s+)((?:[A-Z][\w'-]*\s+){0,2})([a-z][a-z-]*)")
_HYPHEN_UNIT = re.compile(r"^-([a-z]+)(?P<old>-olds?)?(?:-[a-z]+)*\b")
_PER = re.compile(r"\s+(?:per|a|an|each)\s+((?:square |cubic )?[a-z]+)\b(?<!\bthe)")
_GLUED_UNIT = re.compile(r"^([A-Za-zμµ°/]+(?:/[A-Za-z]+)?)\b")
_SYMBOL_UNIT = re.compile(r"^\s?([A-Za-zμµ°]{1,4}(?:/[A-Za-z]{1,3})?)\b(?!['’-])")
_TIME_SUFFIX = re.compile(r"\s?(?:a\.?m\.?|p\.?m\.?)(?![A-Za-z])", re.IGNORECASE)
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_TREND = re.compile(
    r"\b(?:(?P<up>up|rose|rise|rising|increased?|increasing|gained?|gaining|climbed|jumped|"
    r"surged|grew|grown|added|higher|advanced)|(?P<down>down|fell|falling|fall|dropped|drop|"
    r"declined?|declining|lost|loses|decreased?|slipped|slumped|plunged|lower|shed|sank|tumbled)"
    r")\s+(?:by\s+)?(?:an?\s+)?$",
    re.IGNORECASE,
)
_CHANGE = {"exact": "=", "approximate": "~", "at_least": ">", "at_most": "<", "range": "="}


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
    change: str = "="

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


def _score_or_code(text: str, m: re.Match[str], value: float, second: float | None) -> bool:
    """Sports scores ("2-1") and product or index names ("S&P 500", "iPhone 12", "Game 2")."""
    if m.group("join") == "-" and second is not None and value.is_integer() and \
            second.is_integer() and max(value, second) < 30 and not m.group("pct"):
        return True
    if m.group("qual") or m.group("cur") or m.group("pct") or not m.group("digits"):
        return False
    before = text[max(0, m.start("num") - 20):m.start("num")]
    name = re.search(r"([A-Z][\w&/]*|&P)\s$", before)
    if name is None:
        return False
    sentence_start = re.search(r"(?:^|[.!?]\s+)[\"'“]?$", before[: name.start()])
    return sentence_start is None or name.start() > 0 and not sentence_start


def _unit_after(text: str, end: int, value: float, glued: bool) -> tuple[str | None, int]:
    """The unit right after a number and where it ends."""
    rest = text[end:end + 60]
    if glued:
        g = _GLUED_UNIT.match(rest)
        if g:
            return g.group(1), end + g.end(1)
    hyphen = _HYPHEN_UNIT.match(rest)
    if hyphen:
        if hyphen.group("old"):
            return "year-old", end + hyphen.end("old")
        return _plural(hyphen.group(1).lower(), value), end + hyphen.end(1)  # three-year-long
    symbol = _SYMBOL_UNIT.match(rest)
    if symbol and symbol.group(1).lower() in _UNIT_NAMES:
        return symbol.group(1), end + symbol.end(1)
    after = _UNIT_AFTER.match(rest)
    if after and after.group(2).lower() not in _STOP_UNIT:
        word = after.group(2).lower()
        unit, stop = _CURRENCY_WORDS.get(word, word), end + after.end(2)
        per = _PER.match(text, stop)
        if per:
            return f"{unit} per {per.group(1).lower()}", per.end(1)
        return unit, stop
    return None, end


_ANCHOR = re.compile(rf"\d|\.\d|\b(?:{_NUM_WORD}|a dozen|dozens|a hundred|a thousand|a million|"
                     rf"a billion|half a)\b", re.IGNORECASE)
_LOOKBACK = 40  # longest qualifier and currency before a number


def _matches(text: str) -> Iterator[re.Match[str]]:
    """``_FIGURE.finditer`` made fast: the full pattern is only tried near a number."""
    pos = 0
    for anchor in _ANCHOR.finditer(text):
        if anchor.start() < pos:
            continue
        m = _FIGURE.search(text, max(pos, anchor.start() - _LOOKBACK))
        if m is None:
            return
        yield m
        pos = max(m.end(), m.start() + 1)


def extract_figures(text: str) -> list[FigureMention]:
    """Every figure in ``text`` with character offsets into it, in order of appearance."""
    out: list[FigureMention] = []
    for m in _matches(text):
        digits = m.group("digits")
        if not m.group("cur") and _is_date_or_identifier(text, m.start("num"), m.end("num"),
                                                         digits):
            continue
        if _TIME_SUFFIX.match(text, m.end("num")):
            continue  # 10.45pm, 5 a.m.
        words = m.group("words")
        if words and m.start("num") > 0 and text[m.start("num") - 1].isalpha():
            continue
        if words and words.lower() == "one" and not m.group("qual"):
            continue  # "one of the", "one day": too often not a quantity
        value = parse_number(m, "num")
        if value is None:
            continue
        second = parse_number(m, "num2") if m.group("num2") else None
        if _score_or_code(text, m, value, second):
            continue
        start, end = m.start(), m.end()
        n0 = m.start("num")
        if n0 > 0 and text[n0 - 1] == "-" and (n0 < 2 or not text[n0 - 2].isalnum()):
            value, start = -value, n0 - 1  # -5 yards
        qual_text = m.group("qual")
        qualifier = _qualifier_of(qual_text)
        low = high = None
        if second is not None:
            between = _BETWEEN.search(text[max(0, start - 10):start])
            if m.group("join") == "and" and not between:
                # "5 and 6" is two figures, not a range: keep the first; the next is found anew.
                end = m.end("num")
                second = None
            else:
                # "1.5-2 million": the second's scale applies to the first, when that is plausible.
                scale = re.search(rf"\s?({_SCALE})\b", m.group("num2"), re.IGNORECASE)
                if scale and not re.search(rf"\d\s?({_SCALE})\b", m.group("num"), re.IGNORECASE):
                    scaled = value * _SCALES[scale.group(1).lower()]
                    if scaled <= second:
                        value = scaled
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
            unit = _CURRENCY_PREFIX.get(currency.lower().rstrip(), currency)
            per = _PER.match(text, end)
            if per and per.group(1).lower() not in _STOP_UNIT:
                unit, end = f"{unit} per {per.group(1).lower()}", per.end(1)
        if unit is None:
            glued = end < len(text) and text[end:end + 1].isalpha() and bool(digits)
            unit, end = _unit_after(text, end, value, glued)
        while start < end and text[start].isspace():
            start += 1
        trend = _TREND.search(text[max(0, start - 30):start])
        change = _CHANGE[qualifier]
        if trend:
            change = "up" if trend.group("up") else "down"
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
                change=change,
            )
        )
    return out


_UNIT_NAMES = {
    "%": "percentage", "percent": "percentage", "per cent": "percentage",
    "usd": "dollar", "$": "dollar", "dollars": "dollar", "eur": "euro", "euros": "euro",
    "gbp": "pound sterling", "£": "pound sterling", "jpy": "japanese yen", "yen": "japanese yen",
    "cny": "chinese yuan", "yuan": "chinese yuan", "rub": "russian ruble",
    "mph": "mile per hour", "km/h": "kilometre per hour", "kph": "kilometre per hour",
    "hp": "horsepower", "km": "kilometre", "kilometers": "kilometre", "kilometres": "kilometre",
    "kilometer": "kilometre", "m": "metre", "meters": "metre", "metres": "metre",
    "cm": "centimetre", "mm": "millimetre", "kg": "kilogram", "kilograms": "kilogram",
    "lb": "pound-mass", "lbs": "pound-mass", "g": "gram", "grams": "gram", "ft": "foot",
    "feet": "foot", "inches": "inch", "miles": "mile", "yards": "yard", "hz": "hertz",
    "kw": "kilowatt", "w": "watt", "gb": "gigabyte", "mb": "megabyte", "tb": "terabyte",
    "l": "litre", "liters": "litre", "litres": "litre", "ml": "millilitre",
    "mpg": "mile per gallon",
    "min": "minute", "mins": "minute", "hrs": "hour", "sec": "second", "secs": "second",
    "points": "point", "pts": "point", "people": "people", "persons": "people",
    "mah": "milliampere-hour", "ppb": "parts-per-billion", "ppm": "parts-per-million",
    "sq m": "square metre", "sqm": "square metre", "year-old": "year of age",
    "years-old": "year of age", "year-olds": "year of age",
    "hkd": "hong kong dollar", "aud": "australian dollar", "cad": "canadian dollar",
    "nzd": "new zealand dollar", "sgd": "singapore dollar", "myr": "malaysian ringgit",
    "inr": "indian rupee", "krw": "south korean won", "rupees": "indian rupee",
    "ppg": "point per game", "rpg": "rebound per game", "apg": "assist per game",
    "rpm": "revolutions per minute", "ksi": "kilopound per square inch", "μm": "micrometre",
    "µm": "micrometre", "nm": "nanometre", "gigatonnes": "gigaton", "gigatons": "gigaton",
    "tonnes": "tonne", "tons": "ton", "mw": "megawatt", "gw": "gigawatt", "kwh": "kilowatt hour",
    "mbps": "megabit per second", "gbps": "gigabit per second", "p": "point", "bps": "basis point",
    "basis": "basis point", "sq ft": "square foot", "°c": "degree celsius", "°f": "fahrenheit",
    "fahrenheit": "fahrenheit", "celsius": "degree celsius", "hours": "hour", "hrs.": "hour",
    "minutes": "minute", "seconds": "second", "days": "day", "weeks": "week", "months": "month",
    "years": "year", "yrs": "year", "hps": "horsepower", "bhp": "horsepower",
}


def canonical_unit(unit: str | None) -> str:
    """A unit's canonical name: ``%`` -> ``percentage``, ``troops`` -> ``troop``, none -> ``-``."""
    if not unit:
        return "-"
    u = unit.strip().lower()
    if " per " in u:
        head, _, tail = u.partition(" per ")
        return f"{canonical_unit(head)} per {canonical_unit(tail)}"
    if u in _UNIT_NAMES:
        return _UNIT_NAMES[u]
    if u.endswith("ies") and len(u) > 4:
        return u[:-3] + "y"
    if u.endswith(("ches", "shes", "sses", "xes")):
        return u[:-2]
    if u.endswith("s") and not u.endswith(("ss", "us", "is")) and len(u) > 3:
        return u[:-1]
    return u
