"""Figures said as a decade, each a range: an age ("in his 30s" is 30 to 39 years old, "in her
early twenties" 20 to 23) and a temperature ("highs in the mid-80s" is 84 to 86 degrees, "lows
in the teens" 13 to 19), which the scanner leaves out as decades of the calendar."""

from __future__ import annotations

import re
from dataclasses import replace

from ..sentences import sentence_around
from .mention import FigureMention
from .weather import WEATHER, scale_after

__all__ = ["decade_figures"]

_DECADE_WORDS = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
                 "nineties")
_OWNER = r"(?:his|her|their|my|your|our)"
# a decade and its part: "30s", "mid-40s", "early twenties", "late 50's", "teens", "upper 90s",
# "low 100s" (a hundred and more only of the weather)
_DECADE = (r"(?:(?P<part>early|mid|middle|late|low|lower|upper|high)[- ]?)?"
           r"(?P<decade>(?P<digits>[1-9]0|1[0-2]0)['’]?s|teens|"
           rf"{'|'.join(_DECADE_WORDS)})\b")
# The first decade of a list: after "in his" (an age: "in his 30s", "in her mid-40s", "into their
# 80s") or after "the" (the weather's, if its sentence is: "Highs in the mid-80s", "will reach
# the upper 90s", "lows in the teens")
_FIRST_DECADE = re.compile(rf"\b(?:(?P<owner>in(?:to)?\s+{_OWNER})|the)\s+{_DECADE}",
                           re.IGNORECASE)
# another decade of the same list: "in their 30s, 40s and 50s", "in his 30s or 40s", "in their
# 20s through their 70s", "in the 70s and 80s"
_NEXT_DECADE = re.compile(r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|to|through)\s+)"
                          rf"(?:(?:{_OWNER}|the)\s+)?{_DECADE}", re.IGNORECASE)
# the years of a decade its part names: "early" the first four, "mid" the middle three; the
# teens begin at 13
_PART = {None: (0, 9), "early": (0, 3), "low": (0, 3), "lower": (0, 3), "mid": (4, 6),
         "middle": (4, 6), "late": (7, 9), "upper": (7, 9), "high": (7, 9)}
_TEENS = {None: (13, 19), "early": (13, 15), "low": (13, 15), "lower": (13, 15), "mid": (14, 16),
          "middle": (14, 16), "late": (17, 19), "upper": (17, 19), "high": (17, 19)}
# an age's decade is early, mid or late, and under a hundred
_OF_AGE = {None, "early", "mid", "middle", "late"}


def decade_figures(text: str) -> list[FigureMention]:
    """Ages and temperatures said as a decade, in order of appearance."""
    out: list[FigureMention] = []
    for first_m in _FIRST_DECADE.finditer(text):
        if out and first_m.start() < out[-1].end:
            continue  # read already as the rest of a list
        if first_m.group("owner"):
            if _part(first_m) in _OF_AGE and len(first_m.group("digits") or "") < 3:
                out.extend(_list(text, first_m, "years old"))
        elif WEATHER.search(text, *sentence_around(text, first_m.start(), first_m.end())):
            out.extend(_list(text, first_m, "degrees"))
    return out


def _part(m: re.Match[str]) -> str | None:
    return m.group("part") and m.group("part").lower()


def _list(text: str, first_m: re.Match[str], unit: str) -> list[FigureMention]:
    out = []
    m: re.Match[str] | None = first_m
    while m is not None:
        out.append(_decade(text, m, unit))
        m = _NEXT_DECADE.match(text, m.end())
    scale = scale_after(text, out[-1].end) if unit == "degrees" else None  # "the 80s Fahrenheit"
    if scale is not None:
        out = [replace(f, unit=scale) for f in out]
    return out


def _decade(text: str, m: re.Match[str], unit: str) -> FigureMention:
    decade = m.group("decade").lower()
    if decade == "teens":
        first, last = _TEENS[_part(m)]
    else:
        base = int(m.group("digits")) if m.group("digits") else \
            20 + 10 * _DECADE_WORDS.index(decade)
        first, last = (base + n for n in _PART[_part(m)])
    start = m.start("part") if m.group("part") else m.start("decade")
    return FigureMention(text=text[start:m.end()], value=float(first), unit=unit,
                         qualifier="range", low=float(first), high=float(last), start=start,
                         end=m.end())
