"""Whether a number written with "m" is metres or millions: a dimension, a race, a place or a
depth beside it ("3m high", "the 100m final", "60m above the river"), a length spelled out before
it, or a sentence with nothing of money or counted in it ("The wave was 5m")."""

from __future__ import annotations

import re

from ..sentences import sentence_around
from .canonical import is_measure
from .currencies import currency_after
from .words import DIMENSIONS, MONEY, MONEY_WORDS, is_plural, non_nouns

__all__ = ["converted_inches", "length_adjective", "length_before", "metres", "metres_scale"]


# What a length measures, right after it: "3m high", "a 40m-long hull", "5m in diameter".
_DIMENSION = re.compile(rf"[\s-](?:{DIMENSIONS}|across|in\s+(?:diameter|length|"
                        r"height|depth|width))\b", re.IGNORECASE)
# The same length in imperial units in brackets, after it or before it: "a 1.2m (4ft)
# crocodile", "a 4ft (1.2m) crocodile" (the BBC's style).
_IMPERIAL = r"\d[\d,.]*[\s-]?(?:ft|feet|foot|in|inches|yd|yards?|miles?)\b"
_IMPERIAL_AFTER = re.compile(rf"\s?\((?:about |around |almost |nearly |over |c\.\s?)?{_IMPERIAL}")
_IMPERIAL_BEFORE = re.compile(rf"{_IMPERIAL}\s?\($")


# A race run or swum over it: "the 100m final", "the 400m hurdles", "ran 100m in 9.58 seconds",
# "the 100m fly", or the track or pool it is run or swum in ("a 250m track", "a 50m pool")
_RACE = re.compile(r"[\s-](?:sprint|final|race|hurdles|freestyle|butterfly|fly|backstroke|"
                   r"(?:running\s+|cycling\s+)?track(?!\s+record)|(?:swimming\s+)?pool(?!\s+of\b)|"
                   r"breaststroke|medley|relay|dash|heats?|semi-finals?|world record|"
                   r"time[\s-]trial|steeplechase|"
                   r"in\s+\d+(?:\.\d+)?\s?(?:s|secs?|seconds)\b)", re.IGNORECASE)


# How far from a place: "500m away", "200m north of the bridge", "300m off the coast".
_DISTANCE_AFTER = re.compile(r"\s+(?:away\b|off\s+(?:the\s+)?(?:coast|shore)|"
                             r"(?:north|south|east|west)(?:-?(?:east|west))?\s+of\b)",
                             re.IGNORECASE)


# Two lengths of one thing side by side: "a 50m x 25m pool", "10m by 4m", "3 x 4m".
_BY_AFTER = re.compile(r"\s?(?:x|×|by)\s?\d[\d,.]*\s?m\b", re.IGNORECASE)
_BY_BEFORE = re.compile(r"\d(?:\s?m)?\s?(?:x|×|by)\s?$", re.IGNORECASE)
# What a length is of, before it: "a depth of 40m", "at an altitude of 300m", or the verb of a
# size; and where, after it: "60m above the river", "40m below the surface", "20m underground".
_ABOUT = r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+|up\s+to\s+)?"
_LENGTH_OF = re.compile(r"\b(?:depth|height|altitude|elevation|length|width|diameter|radius|"
                        rf"distance)\s+of\s+{_ABOUT}$|"
                        # and the verbs of a size, right before it: "the tower stands 180m",
                        # "a bridge spanning 400m" (not "stands at", which money does too)
                        r"\b(?:stands?|stood|standing|towers?|towering|soars?|soaring|spans?|"
                        r"spann(?:ed|ing)|stretch(?:es|ed|ing)?|measur(?:es|ed|ing))\s+"
                        rf"{_ABOUT}$", re.IGNORECASE)
_PLACED = re.compile(r"\s+(?:underground|underwater|under\s+water|(?:above|below|beneath|under)\s+"
                     r"(?:the\s+)?(?:sea|ground|surface|river|water|street|road|seabed|sea-?floor|"
                     r"ocean|ice|valley|city))\b", re.IGNORECASE)


# A length spelled out earlier in the sentence: "peaked at 8.9 metres, just below the record of
# 9.1m".
_METRES_BEFORE = re.compile(r"\d[\d,.]*[\s-]?(?:metres?|meters?)\b[^.!?;:]*$", re.IGNORECASE)
# A word of money right before a number says it is money: "won the 100 metres and earned 2m".
_MONEY_BEFORE = re.compile(rf"\b(?:{MONEY_WORDS}|prize)\b[^.!?;:]{{0,20}}$", re.IGNORECASE)


def length_before(text: str, start: int, end: int) -> bool:
    """No noun after ``end`` that the number could count or price ("a 2m deal", "3m viewers"),
    and a number of metres spelled out before ``start`` in the same sentence, or nothing in it
    of money or counted ("The wave was 5m", "He fell 10m from a ledge"; not "Views rose to
    5m", "up from 4m", "The club earned 2m", "35m of its devices")."""
    word = re.match(r"[ \t]+([A-Za-z]+)", text[end:end + 30])
    if word is not None and word.group(1).lower() not in non_nouns():
        return False
    if _METRES_BEFORE.search(text, max(0, start - 120), start):
        return not _MONEY_BEFORE.search(text, max(0, start - 40), start)
    begin, stop = sentence_around(text, start, end)
    before = text[begin:start]
    return not (MONEY.search(text, begin, stop) or
                _OF_A_SET.match(text, end) or
                _SCALED_BEFORE.search(before) or
                any(w.endswith("s") and w.lower() not in non_nouns() and not _METRE.match(w)
                    for w in re.findall(r"[A-Za-z]+", before)[-6:]))


_OF_A_SET = re.compile(r"\s+of\s+(?:the|its|their|his|her|our|your|these|those|them|all)\b",
                       re.IGNORECASE)  # "35m of its Echo devices": a count (not "500m of cable")
_SCALED_BEFORE = re.compile(r"\d\s?(?:m|mn|million|bn|billion)\b", re.IGNORECASE)
_METRE = re.compile(r"metre|meter", re.IGNORECASE)


def metres(text: str, start: int, end: int) -> bool:
    """Whether a number written with "m" (``text[start:end]``) is a length, not millions: a
    dimension after it, a race over it, its length in feet or miles beside it in brackets, two
    lengths side by side ("50m x 25m"), a depth or height it is, where it is ("60m above the
    river"), or how far away something is ("within 500m of the device", "200m away")."""
    return bool(_DIMENSION.match(text, end) or _RACE.match(text, end) or
                _IMPERIAL_AFTER.match(text, end) or
                _IMPERIAL_BEFORE.search(text, max(0, start - 24), start) or
                _DISTANCE_AFTER.match(text, end) or _PLACED.match(text, end) or
                _BY_AFTER.match(text, end) or _BY_BEFORE.search(text, max(0, start - 12), start) or
                _LENGTH_OF.search(text, max(0, start - 40), start) or
                re.search(r"\bwithin\s+$", text[max(0, start - 8):start], re.IGNORECASE) and
                re.match(r"\s+of\b", text[end:end + 4]))


# A length joined to what it measures: "a 3.8 kilometre-long viaduct", "a 40 foot-high wall"
_LENGTH_ADJECTIVE = re.compile(r"\s([a-z]+)-(?:long|high|wide|deep|tall|thick)\b")
# Inches converted in brackets: "45 cm (18 in) long" (not "(18 in all)")
_CONVERTED = re.compile(r"\(\s*(?:about\s+|c\.\s?)?[\d.,]+$")


def length_adjective(text: str, end: int) -> re.Match[str] | None:
    """The measure an adjective joins after the number ending at ``end`` ("600 metre-long": its
    group 1, "metre"; "a 10 year-long war": "year"), written in the singular as such an
    adjective is (in "hundreds of seconds-long talks" the number counts the talks)."""
    m = _LENGTH_ADJECTIVE.match(text, end)
    return m if m and is_measure(m.group(1)) and not m.group(1).endswith("s") else None


def converted_inches(text: str, end: int) -> bool:
    """Whether "in" after the number ending at ``end`` is inches, as a conversion in brackets
    writes them: "45 cm (18 in)"."""
    return bool(re.match(r"\s?in\)", text[end:end + 4]) and
                _CONVERTED.search(text, max(0, end - 20), end))


def metres_scale(text: str, start: int, at: int, end: int, thousands: bool) -> bool:
    """Whether the "m" at ``at``, after a number (or a range) from ``start`` to ``end``, is metres:
    a thousand or more of it ("a 1,000m climb": a thousand million is "1bn"), a length by what
    is said around it ("3m high", "1.2m (4ft)"), or "m" set apart as SI writes a symbol ("a 5 m
    by 3 m room"), where news writes millions closed up ("4m views", "£5m") or before what they
    count ("5 m people")."""
    if thousands or metres(text, start, end) or length_before(text, start, end):
        return True
    if currency_after(text, end) is not None:
        return False  # the millions of money named after them: "5 m usd", "2.5 m €"
    counted = re.match(r"\s+([a-z]+)\b", text[end:end + 30])
    return text[at - 1].isspace() and not (counted and is_plural(counted.group(1)))
