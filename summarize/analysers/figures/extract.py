"""The figures of a text: the scanner's, read in the text as the news would write it, with the
senses of ambiguous units and what neighbours lend each other."""

from __future__ import annotations

import math
import re
from dataclasses import replace

from ..casing import common_word, readable
from ..sentences import sentence_around
from ..tokenised import running_text
from .canonical import is_measure
from .compound import compound_amounts, shares_of_one
from .currencies import national
from .decades import decade_figures
from .formats import plain_text
from .mention import FigureMention
from .neighbours import neighbours
from .numbers import scaled
from .scan import scan
from .senses import resolve
from .weather import unsaid_degrees
from .words import is_plural

__all__ = ["counts_one", "extract_figures"]


def extract_figures(text: str, *, senses: bool = True) -> list[FigureMention]:
    """Every figure in ``text`` with character offsets into it, in order of appearance.

    ``senses``: an ambiguous unit word ("230 pounds", "¥35") is read by the fitted sense model
    (:mod:`.senses`) before neighbours take units from each other; ``False`` keeps the
    scanner's own reading (what the sense model is measured against)."""
    # Offsets stay: one character for one (a line in capitals re-cased, typographic spaces).
    plain = plain_text(readable(text))
    joined = running_text(plain)
    if joined is None:
        return _figures(text, plain, senses)
    # A text written token by token ("the firm 's five directors"), read joined; each figure
    # quotes the tokens it was read from.
    out = []
    for f in _figures(joined.of(text), joined.of(plain), senses):
        start, end = joined.span(f.start, f.end)
        out.append(replace(f, start=start, end=end, text=text[start:end]))
    return out


def counts_one(figure: FigureMention) -> bool:
    """A count of one in words ("one of his advisers", "one reason", "One person"): a quantity
    as NewsQuant counts them, so :func:`extract_figures` reports it, but too slight for a
    briefing's figures or to choose a sentence by. One of a measure is not ("one week", "one
    percent", "a one-year-old")."""
    return figure.value == 1 and figure.low is None and figure.text[:3].lower() == "one" and \
        not is_measure(figure.unit)


def _figures(text: str, plain: str, senses: bool) -> list[FigureMention]:
    found = [f if f.unit is None else replace(f, unit=_unit(f, plain, senses))
             for f in scan(plain) if _finite(f)]
    decades = decade_figures(plain)
    if decades:  # "in his 30s", "highs in the 80s": the scanner leaves decades out
        taken = [(f.start, f.end) for f in found]
        found = sorted(found + [d for d in decades
                                if not any(a < d.end and d.start < b for a, b in taken)],
                       key=lambda f: f.start)
    found = neighbours(plain, shares_of_one(plain, compound_amounts(plain, found)))
    found = unsaid_degrees(plain, [_counted_thousands(f) for f in found if not _titled(f, plain)])
    found = [f for f in found if _finite(f)]
    if plain == text:
        return found
    return [f if f.text == text[f.start:f.end] else
            replace(f, text=text[f.start:f.end], unit=_as_written(f, plain, text))
            for f in found]


# A full stop before three digits and no more, as much of Europe writes a thousand.
_DOTTED_THOUSAND = re.compile(r"(?:\D*?\s)?[1-9]\d{0,2}\.\d{3}(?!\d)")


def _finite(f: FigureMention) -> bool:
    """Whether a figure's numbers are numbers: 400 digits in a row, or a power of ten past a
    double's range, are no quantity anyone means, and infinity is no JSON."""
    return all(math.isfinite(x) for x in (f.value, f.low, f.high) if x is not None)


def _counted_thousands(f: FigureMention) -> FigureMention:
    """"12.500 inhabitants", "3.000 spectators": no count of things has three decimals, so the
    full stop groups thousands (not of a measure, a price or points: "1.500 km", "1.125
    points")."""
    if not _DOTTED_THOUSAND.match(f.text) or f.low is not None or not f.unit or \
            not is_plural(f.unit.split()[-1]) or f.unit.split()[-1].lower() in ("points", "pts") \
            or is_measure(f.unit):
        return f  # (the pattern first: it rules out nearly every figure at once)
    return replace(f, value=scaled(f.value, "thousand"))


# A word of four letters or more written with a capital: most of a headline's words are.
_LONG_WORD = re.compile(r"\b[^\W\d_]{4,}")


# A title's bounds: a quotation mark before its number, or after its unit a capitalised word,
# a colon or a quotation mark ("13 Hours: The Secret Soldiers", '"60 Minutes."').
_QUOTE_BEFORE = re.compile(r"[\"“‘']\Z")
_TITLE_AFTER = re.compile(r"[.,!?]?[\"”’']|:|\s+[A-Z]")


def _titled(f: FigureMention, plain: str) -> bool:
    """A measure's unit written with a capital, as no sentence writes one, is a title's word
    where it is bounded as a title: CBS's ''60 Minutes.'', the film "13 Hours: The Secret
    Soldiers"; not in a headline, which capitalises every word ("Action In First 100 Days As
    President"). Unbounded ("12 Years a Slave", "13 Hours will cover") they stay figures: so
    broad a reading cost the dev file more than it gave."""
    if not f.unit or not f.unit[0].isupper() or not f.unit[1:2].islower() or \
            not is_measure(f.unit) or not common_word(f.unit.split()[0]):
        return False  # (not "19 United States cents": a name's capital)
    at = plain.find(f.unit, f.start, f.end)
    if at < 0 or not _TITLE_AFTER.match(plain, at + len(f.unit)) and \
            not _QUOTE_BEFORE.search(plain, max(0, f.start - 3), f.start):
        return False
    begin, stop = sentence_around(plain, f.start, f.end)
    words = [w.group() for w in _LONG_WORD.finditer(plain, begin, stop)
             if not at <= w.start() < at + len(f.unit)]
    return sum(w[0].isupper() for w in words) * 3 <= len(words) * 2


def _unit(f: FigureMention, plain: str, senses: bool) -> str | None:
    """A figure's unit as its words read it: the sense of an ambiguous unit word (with
    ``senses``), and the country of a currency noun several use ("francs" of the French
    government)."""
    unit = resolve(f.unit, plain, f.start, f.end) if senses else f.unit
    return national(unit, plain, f.start, f.end) or unit if unit else unit


def _as_written(f: FigureMention, plain: str, text: str) -> str | None:
    """The unit as the text writes it, where the figure quotes it ("states" of a text without
    capitals, which reads it re-cased "States"); as read where the text writes it in capitals
    ("troops" of "10,000 TROOPS")."""
    if not f.unit:
        return f.unit
    at = plain.find(f.unit, f.start, f.end)
    written = text[at:at + len(f.unit)] if at >= 0 else ""
    return written if written.lower() == f.unit.lower() and not written.isupper() else f.unit
