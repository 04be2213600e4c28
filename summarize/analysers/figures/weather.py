"""Temperatures whose degrees go unsaid: "Lows of minus 15", "a high of 78 and a low of 60",
"temperatures reached 35", "wind chills of 30 below". A number with no unit of its own, in the
place a temperature takes after the word for one, is degrees."""

from __future__ import annotations

import re
from dataclasses import replace

from ..sentences import sentence_around
from .mention import FigureMention

__all__ = ["WEATHER", "scale_after", "unsaid_degrees"]

# what says a sentence is of the weather: "Highs in the 80s", "temperatures in the 30s", "a
# high in the upper 70s", "the mercury climbed into the 100s"
WEATHER = re.compile(r"\b(?:highs|lows|temperatures?|temps|degrees|thermometers?|mercury|"
                     r"wind chills?|heat index|(?:a|the|daytime|overnight)\s+(?:high|low)\s+"
                     r"(?:in|of|near|around)\s+the)\b", re.IGNORECASE)
# The scale said after degrees left unsaid: "5 below zero Fahrenheit", "highs in the upper 80s
# (degrees) Celsius"
_SCALE_AFTER = re.compile(r"\s+(?:degrees\s+)?(Fahrenheit|Celsius|centigrade|F\b|C\b)",
                          re.IGNORECASE)
# Words that name a temperature whatever the sentence ("the temperature hit 25", "wind chills of
# minus 30"), and a day's high or low, which is one only in a sentence of the weather ("a high
# of 78", but "shares hit a high of 78" is a price)
_NAMES = r"temperatures?|temps|mercury|thermometers?|wind[- ]?chills?|heat index|feels? like"
_HIGH_LOW = r"highs?|lows?"
# between the word and its number: a verb of reaching, at most a few words before it ("will
# reach", "are expected to climb to", "dropped overnight to")
_VERB = (r"(?:reach(?:ed|es|ing)?|hit(?:s|ting)?|top(?:s|ped|ping)?|touch(?:ed|es|ing)?|"
         r"(?:peak|hover|st[ao]y|stand|stood|settle)(?:ed|s|ing)?\s+(?:at|around|near)|"
         r"(?:r[io]s(?:e|en|es|ing)|climb|soar|jump|surge|fall|fell|fallen|drop|dip|plunge|"
         r"plummet|sink|sank|slip|slid|tumble|warm|cool)(?:ed|s|ing|ped|ping)?\s+(?:to|into)|"
         r"rang(?:e|ed|es|ing)|was|were|is|are|be|been|of|near|around|at|in|to|between|from|"
         r"only|just|about)")
_FILLER = (r"(?:will|would|could|may|might|can|should|are|were|was|is|be|been|have|has|had|"
           r"expected|forecast|set|likely|to|again|even|only|just|briefly|overnight|today|"
           r"tonight|tomorrow|yesterday|sometimes|still|then|also|a|the|record|daily|average|"
           r"daytime|morning|afternoon|night|nighttime|there)")
_HEDGE = r"(?:about|around|near|nearly|almost|roughly|some|up to|as (?:high|low) as|at least)"
_BEFORE = re.compile(rf"\b(?:(?P<names>{_NAMES})|{_HIGH_LOW})(?:\s+{_FILLER}){{0,3}}"
                     rf"(?:\s+{_VERB})?(?:\s+{_FILLER}){{0,2}}(?:\s+{_HEDGE})?\s*[:,]?\s*$",
                     re.IGNORECASE)
# a sentence of the weather besides its "high" or "low"
_FORECAST = re.compile(rf"\b(?:{_NAMES}|degrees|weather|forecasts?|forecasters?|sunny|sunshine|"
                       r"cloudy|clouds|rain|showers|snow|storms?|winds?|breezy|humid|heat|"
                       r"heatwave|cold|chilly|frost|freezing|warm|warmer|cooler|overnight)\b",
                       re.IGNORECASE)
# what a thermometer shows in news: from the cold of the poles to the heat index of a desert
_COLDEST, _HOTTEST = -90.0, 140.0
_REACH = 80  # characters back from the number to its temperature word


def unsaid_degrees(text: str, figures: list[FigureMention]) -> list[FigureMention]:
    """``figures`` with "degrees" as the unit of each number that has none where a temperature
    stands ("highs of 25", "the temperature hit minus 3")."""
    return [replace(f, unit="degrees") if _is_temperature(text, f) else f for f in figures]


def _is_temperature(text: str, f: FigureMention) -> bool:
    if f.unit is not None or not _COLDEST <= f.value <= _HOTTEST:
        return False
    m = _BEFORE.search(text, max(0, f.start - _REACH), f.start)
    if m is None:
        return False
    return bool(m.group("names") or
                _FORECAST.search(text, *sentence_around(text, f.start, f.end)))


def scale_after(text: str, at: int) -> str | None:
    """The scale said at ``at`` after a temperature whose degrees go unsaid, as its symbol
    ("°F", "°C"), or ``None``."""
    m = _SCALE_AFTER.match(text, at)
    return None if m is None else f"°{m.group(1)[0].upper()}"
