"""Whether a document reads as English. The analysers (figures' units, hedges, attributions)
and the sentence ranker were fitted on English news: on another language they find little, or
the wrong thing ("40 o feddygon" read as 40 "o"), and the briefing says so.

The test is the share of the document's words that are English function words: 19–53% in the
training articles long enough to tell (1,067 of FRANK's and PolNeAR's; median 41%), 2–3% in the
two of them written in Welsh, 2–9% in paragraphs of French, German and Spanish news of our own.
"""

from __future__ import annotations

import re

__all__ = ["ENGLISH_SHARE", "english_share", "not_english", "reads_as_english"]

_FUNCTION_WORDS = frozenset("""
a about after all also an and any are as at be been before being but by can could did do does
for from had has have he her here his how i if in into is it its just may might more most must my
no not of on only or our out over said she should so some than that the their then there these
they this those to up very was we were what when where which who why will with would you your
""".split())
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
ENGLISH_SHARE = 0.12  # below it a document does not read as English (between the two sides)
_MIN_WORDS = 30  # fewer words say too little either way


def english_share(text: str) -> float | None:
    """The share of ``text``'s words that are English function words; ``None`` for a text too
    short to tell."""
    words = _WORD.findall(text.lower())
    if len(words) < _MIN_WORDS:
        return None
    return sum(w in _FUNCTION_WORDS for w in words) / len(words)


def reads_as_english(text: str) -> bool:
    """Whether ``text`` reads as English (a text too short to tell does)."""
    share = english_share(text)
    return share is None or share >= ENGLISH_SHARE


def not_english(text: str) -> str | None:
    """What to tell a reader of ``text`` that does not read as English (a clause with the
    document as its subject), else ``None``."""
    share = english_share(text)
    if share is None or share >= ENGLISH_SHARE:
        return None
    return (f"does not read as English ({100 * share:.0f}% of its words are English function "
            "words, against 19-53% in English news): the analysers read English only, so its "
            "figures' units, hedges and sources may be missing or wrong")
