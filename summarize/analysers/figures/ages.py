"""What makes a bare number someone's age: "Maddon, 66,", "aged 35", "she was 10.", "Justice
Breyer will be 78", and in text without its commas "Josh Hatfield 27 told the Post"."""

from __future__ import annotations

import re

from ...vocabulary import HONORIFICS
from ..sentences import SENTENCE_START
from .words import CALENDAR, NAME_WORD, STOP_UNIT, person_names, verbs

__all__ = ["AGED", "age_context", "named_age"]

_PRONOUN_AGE = re.compile(
    r"\b(?:(?:he|she|who|i|you|they|we)\s+(?:is|was|will be|would be|would have been|had been|"
    r"has been|is now|was then|becomes|became|be|am)|turned|turns|turning|to turn|will turn|"
    r"(?:he|she|who)['’]s|(?:you|they|we)['’]re|i['’]m|"  # "they're 55"
    # "The boy is three and a half", "his daughter was 12"
    r"(?:boy|girl|son|daughter|child|baby|toddler|brother|sister|grandson|granddaughter|kid|"
    r"twin|teenager|youngster|infant)s?\s+(?:is|was|are|were|will be|would be|"
    r"would have been|is now|turned)"
    r")\s+$", re.IGNORECASE)
# a child's age in half years: "three and a half", "2½"
_HALF = re.compile(r"half|½")


# "Maddon, 66,", "the man, 22, from", "daughter, 34," and in lower-cased text "john smith, 45,";
# in tokenised text "luay sami , 33 , the"
_APPOSITION_AGE = re.compile(r"(?<![\w'’-])([A-Za-z][\w'’-]+) ?,\s*(?:(?:both|all|each)\s+)?$")


_WORD_AFTER = re.compile(r"\s+([\w'’-]+)")


_NOW_AGE = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]+ ?,\s*now\s+$")


_NAME_AGE = re.compile(r"\b([A-Z][a-z]+)\s+(?:is|was|will be|would be|is now)\s+$")


# "at age 45", "died at 45", "aged between 18 and 24", and each age of a list: "aged 19, 20 and 25",
# "aged 9 months to 4 years"; "the youngest mayor at 24", "the oldest to win it at 41"; an age
# that is a rule's: "raise the pension age to 67", "the voting age is 16", "the age limit was 35",
# "the retirement age will rise from 66 to 68"
AGED = re.compile(r"\b(?:aged|ages?(?: of)?|(?:died|retired|retires|retiring|married|widowed|"
                  r"orphaned|enlisted|emigrated|graduated)\s+at|"
                  r"(?:youngest|oldest)(?:\s+[a-z][\w'’-]*){0,5}?\s+at|"
                  r"(?:left|leaving|quit|quitting|dropped out of)\s+school\s+at|"
                  r"as (?:young|old) as|"
                  r"ages?(?:\s+(?:limit|threshold|cut-?off))?\s+(?:(?:will|would|could|should|"
                  r"may|might|has|had|have|was|were|is|be|been)\s+){0,2}(?:(?:is|was|be|"
                  r"remains|stays|stands)(?:\s+at)?|(?:r[io]s(?:e|es|en|ing)|raised|lowered|"
                  r"increased|reduced|cut|dropped|fell|falls|set)(?:\s+(?:to|from|at))?|to|from))\s+"
                  r"(?:just\s+|only\s+|about\s+|between\s+|under\s+|over\s+)?"
                  r"(?:\d{1,3}(?:\s+(?:years?|months?|weeks?|days?))?"  # "aged 9 months to 4 years"
                  r"(?:\s*,\s*|\s+(?:and|or|to)\s+))*$", re.IGNORECASE)


# A sentence that opens on an age and then its person: "At 82, she still runs.", "At 16, Smith
# left school" (a pronoun, or a name fitted as a person's)
_AT_AGE = re.compile(r"(?:^|[.!?]['\"’”]?\s+|\n\s*)At\s+$")
_PERSON_AFTER = re.compile(r",\s+(?:(?:he|she|i|we|they)\b|([A-Z][a-z]+)\b)")


def age_context(text: str, start: int, end: int, value: float) -> bool:
    """A bare whole number that is someone's age: "Maddon, 66,", "aged 35", "she was 10."."""
    if not (value.is_integer() or value < 18 and (2 * value).is_integer() and
            _HALF.search(text, start, end)) or not 0 < value <= 115:
        return False
    before = text[max(0, start - 40):start]
    after = text[end:end + 12]
    if AGED.search(before) or named_age(text, start, end, value):
        return True
    person = _PERSON_AFTER.match(after) if _AT_AGE.search(before) else None
    if person and (person.group(1) is None or person.group(1) in person_names()):
        return True
    if _NOW_AGE.search(before) and re.match(r"\s*(?:[,;)]|\.(?:\s|$))|\s+(?:and|but)\s", after):
        return True  # "Daniloff, now 81 and retired in Cambridge"
    apposed = _APPOSITION_AGE.search(before)
    lower = apposed is not None and apposed.group(1).islower()
    if apposed and not lower:
        said_again = _WORD_AFTER.match(text, end)  # a long name whole
        if said_again and said_again.group(1) == apposed.group(1):
            return True  # a caption run into its text: "João Silva, 62 Silva, a husband and"
    if apposed and re.match(r"\s*(?:,(?!\d)|;|\.(?:\s|$))" if lower else
                            r"\s*(?:[,;)]|\.(?:\s|$))|\s\(|\s+and\s+\d{1,3}(?![\d.])"
                            r"(?![ \t]*(?:%|per\s?cent|[A-Za-z]))", after):
        # "Daniels, 31 (pictured), was", "Ruth and Peter Gaver, 52 and 55"
        if lower and (apposed.group(1) in STOP_UNIT or not text[start].isdigit()):
            return False  # a noun ("the man, 22,") or a name in lower case; not "say, five,"
        return not re.search(
            r"\b(?:in|on|at|of|by|since|from|and|or)\s+[A-Za-z][\w'’-]+ ?,\s*$", before)
    if not re.match(r"\s*(?:[.,;]|$)|\s+(?:by|when|and|but|while|at the time|in|on|last|this|"
                    r"next|earlier|later|today|yesterday|tomorrow)\b", text[end:end + 13]):
        return False
    if _PRONOUN_AGE.search(before):
        return True
    # a name inside a sentence: "Justice Breyer will be 78, Justice Kennedy will be 80", "While
    # Garland is 63," (all nine such numbers in the training articles are ages)
    named = _NAME_AGE.search(before)
    return bool(named and not CALENDAR.fullmatch(named.group(1)) and
                not SENTENCE_START.search(before, 0, named.start(1)))


# A name before a number: a form of address or a title and a word ("Mr Gustafsson", "Sgt
# Daniels"), or two words ("Josh Hatfield"), or one.
_HONORIFIC = "|".join(sorted(HONORIFICS, key=len, reverse=True))
_NAME_BEFORE = re.compile(rf"(?:(?<![\w.])(?:((?i:{_HONORIFIC}))\.?|([A-Z][a-z]+))\s+)?"
                          rf"(?<![\w.'’-])({NAME_WORD}) $")
_VERB_AFTER = re.compile(r"\s+(?:(?:of|from)\s+[A-Z]|(?:is|was|has|had|have|will|would|could|can|"
                         r"says|said|told|tells|who|does|did|remains|[a-z]+ed)\b|([a-z]+)\b)")


def named_age(text: str, start: int, end: int, value: float) -> bool:
    """A whole number between a person's name and a verb, as text without commas writes an age:
    "Josh Hatfield 27 told the Post", "Mr Gustafsson 42 is", "Gary Green 51 of Bradburn Road"."""
    if not value.is_integer() or not 0 < value <= 110 or not text[start:end].isdigit():
        return False
    name, after = _NAME_BEFORE.search(text, max(0, start - 40), start), _VERB_AFTER.match(text, end)
    if name is None or after is None or after.group(1) and after.group(1) not in verbs():
        return False
    return bool(name.group(1) or {name.group(2), name.group(3)} & person_names())
