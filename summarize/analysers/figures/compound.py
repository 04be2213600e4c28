"""One amount of money said in two units: "12 dollars and 99 cents", "£3 and 20p", "5 euros 20
cents".

The two numbers are one figure in the larger unit (12.99 dollars), spanning both, as "$12.99"
already is: a briefing shows the amount once, and a model that reads it as 12.99 is matched.
Only a hundredth of the same currency, fewer than a hundred of them, right after the amount or
after "and" is joined: "$5, 50 cents" (a list) and "$3 and 150 cents" stay two figures.

A share of one unit is that share of the unit: "a half of one percent" is 0.5%, "a quarter of a
percent" 0.25%, "half of a mile" 0.5 miles (not a half of nothing and, apart, 1%).

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


def compound_amounts(text: str, figures: list[FigureMention]) -> list[FigureMention]:
    """``figures`` with each amount of money said in two units made one figure."""
    out: list[FigureMention] = []
    for b in figures:
        a = out[-1] if out else None
        if a is not None and a.low is None and b.low is None and b.qualifier == "exact" and \
                b.change == "=" and a.value == int(a.value) and 0 <= b.value < 100 and \
                _BETWEEN.fullmatch(text, a.end, b.start) and _hundredth(a, b):
            out[-1] = replace(a, text=text[a.start:b.end], value=a.value + b.value / 100,
                              end=b.end)
        else:
            out.append(b)
    return out


# After a share, one of a unit: "(a half) of one percent", "(a quarter) of a percentage point"
_OF_ONE = re.compile(r"\s+of\s+(?:a|an|one|1)\s+(percent|per cent|percentage points?|points?|%|"
                     r"[a-z]{3,}\b(?!\s+of\b|\s+[a-z]+s\b))", re.IGNORECASE)


def shares_of_one(text: str, figures: list[FigureMention]) -> list[FigureMention]:
    """``figures`` with a share of one unit made one figure in that unit (see the docstring)."""
    out: list[FigureMention] = []
    joined = -1  # where the last share made one with its unit ends
    for f in figures:
        if f.start < joined:
            continue  # the "1 percent" a share was of
        of = _OF_ONE.match(text, f.end) if f.unit is None and 0 < f.value < 1 and \
            f.low is None else None
        word = of.group(1).lower() if of else ""
        if word in ("percent", "per cent", "%"):
            word = "%"
        if of and (word == "%" or word.startswith(("percentage point", "point")) or
                   is_measure(word)):
            f = replace(f, unit=word, text=text[f.start:of.end(1)], end=of.end(1))
            joined = f.end
        out.append(f)
    return out
