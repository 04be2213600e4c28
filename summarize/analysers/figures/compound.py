"""One amount of money said in two units: "12 dollars and 99 cents", "£3 and 20p", "5 euros 20
cents".

The two numbers are one figure in the larger unit (12.99 dollars), spanning both, as "$12.99"
already is: a briefing shows the amount once, and a model that reads it as 12.99 is matched.
Only a hundredth of the same currency, fewer than a hundred of them, right after the amount or
after "and" is joined: "$5, 50 cents" (a list) and "$3 and 150 cents" stay two figures. As an
amount is spoken, the hundredths may follow the currency's name bare, at the amount's end:
"three pounds fifty", "15 dollars 50.", "a buck fifty each" (not "5 dollars 50 times").

A share of one unit said with its number is that share of the unit: "a half of one percent" is
0.5%, "less than one-half of 1 percent" at most 0.5% (not a half of nothing and, apart, 1%); said
with "a" ("a quarter of a percent", "three tenths of a second") the scanner reads it whole.

Measures said in two units ("6ft 2in", "22lbs 5oz", "3 minutes 32 seconds") stay two figures:
joined too, they cost CQE's dimension set two quantities (it seems to count each part), and the
choice between the two variants was made on that aggregate.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .canonical import canonical_unit, is_measure
from .currencies import NAMES as CURRENCY_NAMES
from .mention import FigureMention
from .numbers import CURRENCY_WORDS, NATIONAL_CURRENCY, country_money

__all__ = ["compound_amounts", "shares_of_one"]

# A currency's hundredth, by the currency's ISO code; any other currency's is the cent.
_MINOR = {"GBP": ("penny", "pence", "p"), "INR": ("paise", "paisa")}
_CENT = ("cent",)

_BETWEEN = re.compile(r"\s*(?:\s+and\s+|\s*&\s*)?")


def _hundredth(a: FigureMention, b: FigureMention) -> bool:
    """Whether ``b``'s unit is the hundredth of ``a``'s currency."""
    if not a.unit or not b.unit or a.unit not in CURRENCY_NAMES:
        return False
    minor = _MINOR.get(a.unit, _CENT)
    return canonical_unit(b.unit) in minor or b.unit.strip().lower() in minor


# The minor units said bare after a currency's name, as an amount is spoken: "three pounds
# fifty", "15 dollars 50.", "one dollar ninety-nine each", "7 francs 50", "20 kronor 50".
_NAMED = re.compile(rf"(?:euros?|bucks?|quid|{NATIONAL_CURRENCY.pattern})\s+$", re.IGNORECASE)
_SAID_BARE = re.compile(r"\s*(?:[.,;:!?)]|$)|\s+(?:a|an|each|per|for|apiece|and|or|but)\b")


def _bare_hundredths(text: str, a: FigureMention, b: FigureMention) -> bool:
    """Whether ``b`` is a bare whole number of ``a``'s hundredths: "three pounds fifty"."""
    money = a.unit is not None and (a.unit in CURRENCY_NAMES or country_money(a.unit))
    return money and b.unit is None and b.value == int(b.value) and \
        0 < b.value < 100 and text[a.end:b.start].isspace() and \
        bool(_NAMED.search(text, a.start, b.start)) and bool(_SAID_BARE.match(text, b.end))


# One of a currency said with "a", then its hundredths: "a dollar fifty", "a pound twenty".
_ONE = re.compile(r"\b[Aa]\s+(dollar|pound|euro|buck|quid)\s+$")


def compound_amounts(text: str, figures: list[FigureMention]) -> list[FigureMention]:
    """``figures`` with each amount of money said in two units made one figure."""
    out: list[FigureMention] = []
    for b in figures:
        one = _ONE.search(text, max(0, b.start - 12), b.start)
        if one and b.unit is None and b.value == int(b.value) and 0 < b.value < 100 and \
                b.low is None and _SAID_BARE.match(text, b.end):
            b = replace(b, text=text[one.start():b.end], value=1 + b.value / 100,
                        unit=CURRENCY_WORDS.get(one.group(1).lower()) or
                        CURRENCY_WORDS[one.group(1).lower() + "s"], start=one.start())
        a = out[-1] if out else None
        if a is not None and a.low is None and b.low is None and b.qualifier == "exact" and \
                b.change == "=" and a.value == int(a.value) and 0 <= b.value < 100 and \
                (_BETWEEN.fullmatch(text, a.end, b.start) and _hundredth(a, b) or
                 _bare_hundredths(text, a, b)):
            out[-1] = replace(a, text=text[a.start:b.end], value=a.value + b.value / 100,
                              end=b.end)
        else:
            out.append(b)
    return out


_OF = re.compile(r"\s+of\s+")


def shares_of_one(text: str, figures: list[FigureMention]) -> list[FigureMention]:
    """``figures`` with a share of nothing named and the one unit it is of after it made one
    figure in that unit (see the docstring)."""
    out: list[FigureMention] = []
    for b in figures:
        a = out[-1] if out else None
        if a is not None and a.unit is None and 0 < a.value < 1 and a.low is None and \
                b.value == 1 and b.low is None and is_measure(b.unit) and \
                _OF.fullmatch(text, a.end, b.start):
            out[-1] = replace(a, unit=b.unit, text=text[a.start:b.end], end=b.end)
        else:
            out.append(b)
    return out
