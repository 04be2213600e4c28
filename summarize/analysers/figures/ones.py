"""When "one" is a figure. A lone "one" (no qualifier, no second number) counts what its noun
names, as NewsQuant counts it: "one reason", "one of the attackers", "One person was killed", and
measures as any number does ("one week", "one percent"). It is no figure where it stands for a
noun already said or meant, or where the phrase means no number:

* a pronoun: "one another", "the one who won", "the other one", "a new one", "the last one of the
  year" (a determiner and an adjective before it), and "one-on-one", "one-to-one";
* "one day" (some day), "at one point", "at one time" and "one-time" (formerly), "one way or
  another", "one agency after another", "it doesn't bother me one bit";
* a compound adjective that measures nothing: "a one-man crusade", "a one-party state", "a
  one-eyed man" (but "a one-year deal", "a one-hour talk" measure);
* "one of" after a qualifier's word used as a preposition: "talk about one of our candidates";
* the pronoun before its verb: "if one adds Nebraska", "how one feels" (a plural right after a
  count of one is a verb: not "one sports fan", whose plural modifies, nor "one lens").

And "zero" joined to a word that measures nothing is an adjective: "a zero-sum game", "zero-
tolerance policing" (but "zero-hours contracts").
"""

from __future__ import annotations

import re

from .canonical import canonical_unit, is_measure
from .words import INVARIANT_PLURALS, is_plural, non_nouns

# "one another"; "one-on-one talks", "a one-to-one meeting"
_PRONOUN_AFTER = re.compile(r"\s+another\b|-(?:on|to)-one\b", re.IGNORECASE)
_PAIRED_BEFORE = re.compile(r"\bone-(?:on|to)-$", re.IGNORECASE)
# "talk about one of our candidates": the qualifier's word is a preposition there
_OF_OWNER = re.compile(r"\s+of\s+(?:the|our|his|her|their|its|these|those|my|your|them|us)\b",
                       re.IGNORECASE)
# "the other one", "a new one", "the last one of the year" (not "that only one candidate")
_ADJECTIVE_BEFORE = re.compile(r"\b(?:the|a|an|this|another|every|each|which)\s+[a-z]+\s+$",
                               re.IGNORECASE)
_IDIOMS = frozenset(("day", "point", "time", "way", "bit"))  # and "not one bit"
_AFTER_ANOTHER = re.compile(r"(?:\s+[\w-]+){1,2}\s+after\s+another\b")  # "one agency after another"
_OF = re.compile(r"\s+of\b")
_WHO = re.compile(r"\s+who\b", re.IGNORECASE)  # "the one who won" (not "at least one who")
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b(?:\s+([a-z]+)\b)?")
_SINGULAR_IN_S = INVARIANT_PLURALS | {"lens", "headquarters", "barracks", "crossroads"}


def never_counts(text: str, start: int, end: int, qualified: bool) -> bool:
    """Whether the "one" at ``text[start:end]`` is no figure whatever its unit: a pronoun ("one
    another", "one-on-one talks"), or, ``qualified`` by a word before it, "one of" after that word
    used as a preposition ("talk about one of our candidates")."""
    return bool(_PRONOUN_AFTER.match(text, end) or
                _PAIRED_BEFORE.search(text, max(0, start - 8), start) or
                qualified and _OF_OWNER.match(text, end))


def counts_noun(text: str, start: int, end: int, unit: str | None) -> bool:
    """Whether a lone "one" at ``text[start:end]``, its unit ``unit`` read after it, is a
    figure."""
    if unit is None or canonical_unit(unit) in _IDIOMS or _WHO.match(text, end):
        return False
    after = _NEXT_WORD.match(text, end)
    if after and after.group(1) == unit and is_plural(unit) and unit not in _SINGULAR_IN_S and \
            (after.group(2) is None or after.group(2) in non_nouns()):
        return False  # "if one adds Nebraska", "one feels that": the pronoun and its verb
    if is_measure(unit) and not _OF.match(text, end):
        return True  # "a one-year deal", "the top one per cent"
    return not text.startswith("-", end) and not _AFTER_ANOTHER.match(text, end) and \
        not _ADJECTIVE_BEFORE.search(text, max(0, start - 30), start)


def measures_nothing(text: str, end: int, unit: str | None) -> bool:
    """Whether the "zero" ending at ``end`` is joined by a hyphen to a ``unit`` that measures
    nothing: "a zero-sum game", "zero-tolerance policing" (not "zero-hours contracts")."""
    return text.startswith("-", end) and unit is not None and not is_measure(unit)
