"""Feet and inches, minutes and seconds, written with marks: "6’2”", "5' 9\"", "30' long",
"12′ x 10′", "a 6.1″ screen", "1000′ of lumber".

A prime (′, or an apostrophe standing for one) is feet or minutes, a double prime (″, or a
quotation mark standing for one) inches or seconds: the scanner reads feet and inches, and the
unit-sense model (:mod:`.senses`) reads the figure's words for minutes and seconds. A straight or
curly quotation mark after a number is a quotation's end as often as a measure: it is read as a
measure only where no quotation of its kind is open on the line.
"""

from __future__ import annotations

import re

from .words import DIMENSIONS

__all__ = ["in_height", "prime_unit"]

# A height's feet and inches, from the feet's last digit: its mark before the inches, or the
# inches' mark after them ("6’2”", "5' 9\""); inches run to 11 ("1' 34\"" is a time).
_FEET_INCHES = re.compile(r"\d(?:(['’′])(?= ?(?:1[01]|\d)(?:[\"”″]|''))|(?<=\d['’′]\d)([\"”″]|'')|"
                          r"(?<=\d['’′]1[01])([\"”″]|'')|(?<=\d['’′] \d)([\"”″]|'')|"
                          r"(?<=\d['’′] 1[01])([\"”″]|''))")
# Feet and inches by their signs before a dimension's word or after its other side: a prime,
# an apostrophe or a quotation mark ("30' long", "12′ x 10′", "48\" wide").
_PRIMES = re.compile(rf"(?:(['’′])|([\"”″]))(?=\s?(?:(?:{DIMENSIONS}|x|×)\b|[x×]\d))")
_PRIMED_BEFORE = re.compile(r"\d([\"”″'’′])\s?[x×]\s?\d+(?:\.\d+)?\Z")
# A mark alone after its number, before no letter or digit ("1000′ of lumber", "a 6.1\"
# screen", "a drop of 200'."; not "the 1990’s", "5'10"): the prime marks themselves, or the
# straight and curly quotation marks where they close no quotation (below).
_ALONE = re.compile(r"(?:(′)|(″)|(['’])|([\"”]))(?![\w'’\"”′″])")
# An opening quotation mark: at a line's start or after a space or bracket, before a word.
_OPENS_DOUBLE = re.compile(r"(?:^|(?<=[\s(\[]))[\"“](?=\S)")
_OPENS_SINGLE = re.compile(r"(?:^|(?<=[\s(\[]))['‘](?=\w)")


def prime_unit(text: str, end: int) -> tuple[str, int] | None:
    """``("ft" | "in", where the unit ends)`` when a number ending at ``end`` is measured by a
    mark after it, else ``None``."""
    height = _FEET_INCHES.match(text, end - 1)
    if height:  # a height in feet and inches: "6’2”", "5'11\"" (the second number the inches)
        return ("ft", end + 1) if height.group(1) else ("in", height.end())
    if primed := _PRIMES.match(text, end):
        return ("ft" if primed.group(1) else "in"), primed.end()
    if (other := _PRIMED_BEFORE.search(text, max(0, end - 24), end)) and \
            text[end:end + 1] == other.group(1):
        return ("in" if other.group(1) in "\"”″" else "ft"), end + 1
    alone = _ALONE.match(text, end)
    if alone is None or not text[end - 1:end].isdigit():
        return None
    if alone.group(3) or alone.group(4):
        line = text[text.rfind("\n", 0, end) + 1:end]
        if (_OPENS_SINGLE if alone.group(3) else _OPENS_DOUBLE).search(line) or \
                alone.group(4) and line.count('"') % 2:
            return None  # "'we won 30'", "he said \"we need 10\"": a quotation's end
    return ("ft" if alone.group(1) or alone.group(3) else "in"), alone.end()


_FEET_BEFORE = re.compile(r"\d['’′] ?\Z")


def in_height(text: str, start: int, end: int) -> bool:
    """Whether the figure at ``text[start:end]``, written with a mark, is the feet or the inches
    of a height ("6’2”", "5' 9\""): a length, whatever the words around it."""
    if _FEET_INCHES.match(text, end - 2):
        return True  # the feet
    feet = _FEET_BEFORE.search(text, max(0, start - 3), start)
    return feet is not None and _FEET_INCHES.match(text, feet.start()) is not None  # the inches
