"""Closed vocabularies that the briefing schema and the analysers share, kept apart from the
schema's pydantic models so that the analysers (``summarize analyze``) load without them."""

from __future__ import annotations

from typing import Literal

__all__ = ["FORMS_OF_ADDRESS", "HONORIFICS", "MONTHS_IN_FULL", "MONTH_ABBREVIATIONS",
           "NUMBER_WORDS", "RANKS", "SCALE_WORDS", "TENS_WORDS", "TITLES", "WEEKDAYS", "Qualifier",
           "Strategy"]

# How a figure's value is meant: "about 10,000" is approximate, "more than 40" at least.
Qualifier = Literal["exact", "approximate", "at_least", "at_most", "range"]

# How a briefing is filled: each is a module of summarize.strategies, registered there.
Strategy = Literal["extractive", "guided", "generative"]

# Forms of address before a name ("Mr. Trump", "Mme Lagarde"), lowercase and without the dot:
# they say nothing of who a person is.
FORMS_OF_ADDRESS = frozenset({"mr", "mrs", "ms", "miss", "mx", "messrs", "mme", "mlle"})

# Titles abbreviated before a name ("Dr. Fauci", "Sen. Warren", "Gen. Milley"): unlike a form of
# address, each says what the person is.
TITLES = frozenset({"dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt"})

# Ranks British news abbreviates in two words before a name ("Ch Insp Elliot Brown", "Lt Cdr Tim
# Castrinoyannakis", "Det Sgt"): kept whole in an actor's name. Not among the titles that end
# no sentence and that the attribution tagger's rules read: adding them there moved the refitted
# tagger's validation source F1 from 78.1 to 77.1 (docs/analysers.md).
RANKS = TITLES | frozenset({"ch", "insp", "supt", "det", "cdr", "cmdr", "maj", "brig", "adm",
                            "cpl", "pte", "cllr"})

# Either: words before a name that are no part of it when names are compared ("Mrs Clinton" and
# "Hillary Clinton").
HONORIFICS = FORMS_OF_ADDRESS | TITLES

# The months as regular-expression alternatives, lower case: in full, and abbreviated (whose dot
# ends no sentence).
MONTHS_IN_FULL = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
)
MONTH_ABBREVIATIONS = "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"

# The numbers written in one word, and the tens ("twenty-eight" is two words of these).
NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
# The words that scale a number said before them ("two dozen", "five million"), and by how much.
SCALE_WORDS = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
               "dozen": 12.0}
