"""The rate after a figure's unit: "$5 a gallon", "42.5 euros per megawatt hour", "€40/MWh",
"$2.86 per thousand cubic feet"."""

from __future__ import annotations

import re

from ...vocabulary import SCALE_WORDS
from .canonical import is_measure
from .words import STOP_UNIT, UNIT_NAMES, is_plural, non_nouns

__all__ = ["PER", "rate_after", "rate_word", "with_rate"]


PER = re.compile(r"(?:(?:\s*|-)(?:per|a|an|each)[\s-]|/)"
                 r"((?:square |cubic )?[a-z]+(?:-hour|(?<=watt)\s+hours?(?![\w-]))?)\b"
                 r"(?<!\bthe)"
                  # not a rate: "a week earlier"
                  r"(?!\s+(?:earlier|ago|later|before|after|prior)\b)")


def rate_word(per: re.Match[str]) -> bool:
    """A ``PER`` match is a rate: "per thousand", or a noun after "a" ("a year", "an
    episode"), not "a smaller share"; after "each" a time or a measure; after a slash a
    singular ("$3.99/gallon"), not a plural ("2 girls/boys": girls or boys)."""
    word = per.group(1).lower()
    if per.group().startswith("/") and is_plural(word):
        return False
    if re.match(r"[\s-]*each", per.group(), re.IGNORECASE) and not is_measure(word):
        return False  # "each" says a rate of a time or a measure ("each year"), not "the two
        # nations each massing troops"
    return word not in STOP_UNIT and (per.group().lstrip().lower().startswith("per") or
                                      word not in non_nouns())


# A rate's denominator written as a symbol: "42.5 euros/MWh", "$2.50 per mmBtu"
_PER_SYMBOL = re.compile(r"(?:\s*per\s+|\s?/\s?)([A-Za-z]{2,6})\b(?![/'’-])")
# a word of the unit a scale word scales: "per million British thermal units"
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)\b")


def _scaled(text: str, end: int) -> tuple[str, int] | None:
    """The measure a rate's scale word scales, of up to three words, and where it ends: "British
    thermal units", "cubic feet"; none for "per million Americans" (a name in capitals)."""
    words: list[re.Match[str]] = []
    while len(words) < 3 and (m := _NEXT_WORD.match(text, words[-1].end() if words else end)):
        words.append(m)
    for n in range(len(words), 0, -1):  # the longest run of words naming a measure
        name = " ".join(w.group(1) for w in words[:n])
        if n == 1 and not name.islower() and name.lower() not in UNIT_NAMES:
            continue
        if is_measure(name):
            return name, words[n - 1].end()
    return None


def rate_after(text: str, stop: int) -> tuple[str, int] | None:
    """The denominator of a rate at ``text[stop:]`` and where it ends: "a year", "per
    megawatt hour", "/MWh", "per million British thermal units"; none when no rate follows."""
    per = PER.match(text, stop)
    if per and rate_word(per):
        word, end = " ".join(per.group(1).lower().split()), per.end(1)
        scaled = _scaled(text, end) if word in SCALE_WORDS else None
        return (f"{word} {scaled[0]}", scaled[1]) if scaled else (word, end)
    symbol = _PER_SYMBOL.match(text, stop)
    if symbol and symbol.group(1).lower() in UNIT_NAMES and not symbol.group(1).islower():
        return symbol.group(1), symbol.end(1)  # lower case is the word rates above
    return None


# a unit of power, then hours: energy ("5 kilowatt hours", "50 watt-hours"), not a rate
_WATTS = re.compile(r"[a-z]*watts?", re.IGNORECASE)
_HOURS = re.compile(r"[\s-]hours?(?![\w-])(?!\s+(?:later|earlier|ago|before|after)\b)")


def with_rate(text: str, unit: str, stop: int) -> tuple[str, int]:
    """A unit with the rate after it: "shekels a year", "kg per week"."""
    hours = _HOURS.match(text, stop) if _WATTS.fullmatch(unit) else None
    if hours:
        unit, stop = f"{unit.rstrip('sS')} hour", hours.end()
    rate = rate_after(text, stop)
    if rate:
        return f"{unit} per {rate[0]}", rate[1]
    aside = re.match(r"\s*\([^()]{1,40}\)", text[stop:stop + 44])
    rate = rate_after(text, stop + aside.end()) if aside else None
    if rate:
        # "9 billion shekels ($2.408 billion) a year": the rate follows a restatement, which
        # stays a figure of its own
        return f"{unit} per {rate[0]}", stop
    return unit, stop
