"""How a figure changes: a movement before it ("fell 2%", "soared by a staggering 71 per cent")
and the qualifiers said after it ("100 or so staff", "$200 or less", "400,000 plus jobs").

The change is NewsQuant's: ``=``, ``~``, ``>``, ``<`` from the qualifier, or ``up``/``down``
from a movement verb before the number.
"""

from __future__ import annotations

import re

from ...vocabulary import Qualifier
from .context import PHRASAL_DOWN, PHRASAL_UP
from .numbers import E_POWER, NUM_WORD

__all__ = ["CHANGE", "MOVE_WORD", "POST_QUALIFIER", "POST_QUALIFIER_AFTER_UNIT", "TREND",
           "movement", "post_change", "post_qualifier", "spread", "trend"]


CHANGE = {"exact": "=", "approximate": "~", "at_least": ">", "at_most": "<", "range": "="}


def _inflected(verbs: str) -> str:
    """Every form of each verb: "climb" gives climbs, climbed, climbing; "rise" rises, rising;
    "slip" slips, slipped, slipping; "lemma/past/participle" names an irregular verb's past
    forms ("rise/rose/risen")."""
    forms: list[str] = []
    for entry in verbs.split():
        lemma, *past = entry.split("/")
        if lemma.endswith("e"):
            stem = lemma[:-1]  # "rising"
        elif len(lemma) <= 4 and re.search(r"[^aeiou][aeiou][bdgmnpt]$", lemma):
            stem = lemma + lemma[-1]  # "slipped", not "plummett"
        else:
            stem = lemma
        third = lemma + ("es" if lemma.endswith(("sh", "ch", "s", "x")) else "s")
        forms += [lemma, third, stem + "ing", *(past or [stem + "ed"])]
    return "|".join(sorted(set(forms), key=len, reverse=True))


# The verbs of a movement, every form: "Sales climb 5%", "have risen 3 percent", "fell 2%".
# An irregular verb lists its own past forms ("rise/rose/risen"); the rest are inflected.
_UP = ("rise/rose/risen increase gain climb jump surge soar grow/grew/grown advance improve "
       "boost rocket skyrocket leap/leapt/leaped spike rebound recover strengthen expand widen")
_DOWN = ("fall/fell/fallen drop decline decrease slip slide/slid slump plunge plummet tumble dip "
         "shrink/shrank/shrunk weaken reduce slash")
# Verbs whose other forms mostly say something else ("lose 20 minutes", "sink $30 billion into",
# "add up to", "a narrow 51-49 vote"): the forms that move a figure only.
_UP_FORMS = "added|adding|rallied|doubled|tripled|quadrupled|firmed|firms|firming"
_DOWN_FORMS = ("lost|loses|losing|sank|sunk|sinking|shed|eased|easing|cut|cuts|cutting|lowered|"
               "lowering|trimmed|trimming|crashed|collapsed|"
               "dived|dove|sagged|skidded|contracted|contracting|halved|retreated|narrowed|"
               "narrows|narrowing")
_UP_WORDS = f"up|higher|{_UP_FORMS}|{_inflected(_UP)}"
_DOWN_WORDS = f"down|lower|{_DOWN_FORMS}|{_inflected(_DOWN)}"
_MOVES = rf"(?P<up>{_UP_WORDS})|(?P<down>{_DOWN_WORDS})"


MOVE_WORD = re.compile(rf"\b(?:{_MOVES})\b", re.IGNORECASE)


# An adjective of size between them: "rose a further 5%", "fell by a modest 2%".
_SIZE = (r"further|modest|whopping|record|sharp|steep|additional|healthy|solid|slight|mere|"
         r"massive|staggering|robust|hefty|paltry")


# A movement right before the figure ("fell 2%", "up by a third"), or a few words before "by"
# ("grow sales by 35%").
# Not a noun after a determiner: "the crash 10 years ago", "a rally 5 miles away".
_NOT_A_NOUN = "".join(rf"(?<!\b{d} )" for d in ("the", "a", "an", "this", "that", "its", "their",
                                                "his", "her", "our"))
# Nor a compound's: "In a closer match-up 48 percent chose".
# So too "rose by an average of 6.2%", "grew by a total of 3%".
TREND = re.compile(rf"\b{_NOT_A_NOUN}(?<!-)(?:{_MOVES})\s+(?:by\s+)?"
                   rf"(?:an?\s+(?:average\s+of\s+|total\s+of\s+|(?:{_SIZE})\s+)?)?$",
                   re.IGNORECASE)


_MOVE_FORMS = frozenset(f"{_UP_WORDS}|{_DOWN_WORDS}".split("|"))
_LETTERS = re.compile(r"[a-z]+")


def trend(window: str) -> re.Match[str] | None:
    """:data:`TREND` in ``window`` (the text before a figure), looked for only when one of its
    last five words is a movement's (the figures' hot path: most windows hold none; between the
    movement and the figure TREND allows at most "by", "a" and a size, or "by an average of",
    all words)."""
    if _MOVE_FORMS.isdisjoint(_LETTERS.findall(window.lower())[-5:]):
        return None
    return TREND.search(window)


def spread(first: float, second: float) -> bool:
    """Whether "N to M" after a movement is a range of the change ("rise by 15 to 20 percent",
    "grew 3 to 5 percent"): the second the larger, at most twice the first. A change and the
    level it reached are seldom that close ("rose 0.2 to 4.1 percent", "gained 1.25 to
    34.50"): a level that at least doubled, or lost half of itself, in one move."""
    return 0 < first < second <= 2 * first


_TREND_BY = re.compile(rf"\b(?:{_MOVES})\s+(?:[\w’'-]+\s+){{1,4}}by\s+"
                       rf"(?:an?\s+(?:(?:{_SIZE})\s+)?)?$", re.IGNORECASE)


def movement(text: str, start: int) -> str | None:
    """``up`` or ``down`` when a movement verb moves the figure starting at ``start``; ``None``
    otherwise (not a phrasal "up": "grew up 5 miles away")."""
    found = trend(text[max(0, start - 30):start])
    if found is None and re.search(r"\bby\s+(?:an?\s+)?$", text[max(0, start - 8):start]):
        # "grow sales by 35%", "cut costs by a fifth": the verb is a few words back
        found = _TREND_BY.search(text[max(0, start - 60):start])
    said = found.group().split()[0].lower() if found is not None else ""
    if found is None or said == "up" and PHRASAL_UP.search(text, max(0, start - 60), start) or \
            said == "down" and PHRASAL_DOWN.search(text, max(0, start - 60), start):
        return None
    return "up" if found.group("up") else "down"


# A qualifier after the number: "100 or so staff", "two or more candidates", "100-odd staff",
# "40ish", "40-something voters", "100 plus staff" (not "2 plus 2"), "five or fewer"; and after
# its unit ("100 staff or more", "$5 million or less").
POST_QUALIFIER = re.compile(
    r"\s+or\s+so\b|-odd\b|-something\b|-?ish\b|"
    # a tolerance: "12 ± 2 kg", "9±1%", "2.5+/-0.3 percent"
    rf"\s*(?:±|\+/-|\+-)\s*\d+(?:[.,]\d+)*(?:e{E_POWER})?(?![\d,.]*\d)"
    r"(?:\s?%|\s+per\s?cent\b)?|"
    r"\s+(?:or|and)\s+(?:more|above|over|higher|upwards?|older)\b(?!\s+than\b)|"
    rf"\s+plus\b(?!\s*(?:\d|(?:{NUM_WORD})\b)|\s+or\s+minus\b)|"  # not "2 percent plus or minus"
    r"\s+(?:or|and)\s+younger\b|\s+and\s+(?:under|below)\b(?!\s+(?:than|the|a|an)\b)|"
    # (an age bound: "voters 45 and older", "those 30 or younger", "children 12 and under")
    r"\s+or\s+(?:fewer|less|lower|below|under)\b(?!\s+than\b)", re.IGNORECASE)
POST_QUALIFIER_AFTER_UNIT = re.compile(
    r"\s+or\s+(?:so|more|fewer|less)\b(?=\s*[,.;:)!?'\"”’]|\s*$|\s+(?:in|on|at|of|for|to|from|"
    r"per|a|an|each|every|and|but|or|by|with|since|after|before|during|ago)\b)", re.IGNORECASE)


def post_qualifier(m: re.Match[str]) -> Qualifier:
    """The qualifier a :data:`POST_QUALIFIER` match says."""
    said = m.group().lower()
    if said.endswith(("so", "odd", "something", "ish")) or said.lstrip().startswith(("±", "+")):
        return "approximate"
    if re.search(r"\b(?:fewer|less|lower|below|under|younger)$", said):
        return "at_most"
    return "at_least"


def post_change(m: re.Match[str]) -> str:
    """The change NewsQuant gives a qualifier after the number: "~" for an approximation and
    ">" for "plus", but "=" for a bound said after it ("100 or more", "$200 or less"; measured on
    the dev file: marking them ">" cost value+change 91.1 -> 90.8). The qualifier keeps the
    bound."""
    qualifier = post_qualifier(m)
    if qualifier == "approximate" or m.group().lower().endswith("plus"):
        return CHANGE[qualifier]
    return "="
