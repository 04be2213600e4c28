"""Which unit an ambiguous unit word means here: "230 pounds" of weight or of money, "¥35" in yen
or yuan, "20 kn" of speed or Croatian kuna, "1,500 drams" of medicine or Armenian money.

A multinomial naive Bayes over the words around the figure, one per ambiguous surface, fitted on
CQE's unit-disambiguation sentences (``../shared/train/units-cqe-sentences.jsonl``, by
``python -m summarize.analysers.train --only units``) and shipped as JSON
(``models/unit-senses.json``: log-priors and per-word log-probabilities, loaded as data). Without
the file the scanner's own reading stands.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import takewhile
from typing import Any

from ..shipped import shipped_json
from .primes import in_height
from .words import FUNCTION_WORDS, MONEY

__all__ = ["SURFACES", "context_words", "fit_forms", "fit_senses", "resolve", "surface_at",
           "surface_of", "written_form"]

# surface -> {CQE's name of a sense: the unit string the scanner reports for it}, each reported as
# NewsQuant names it (a "p" glued to its number is read by its form: ``resolve``).
SURFACES: dict[str, dict[str, str]] = {
    "pound": {"pound-mass": "lb", "pound sterling": "GBP"},
    "¥": {"japanese yen": "JPY", "chinese yuan": "CNY"},
    "kn": {"croatian kuna": "kn", "knot": "knots"},
    "kt": {"kiloton": "kt", "knot": "knots"},
    # "5pc" is a percentage in British news, "3.26 pc" a parsec in astronomy
    "pc": {"percentage": "%", "parsec": "parsecs"},
    "dram": {"dram": "drams", "armenian dram": "armenian drams"},
    # a letter after a number: "37C" of heat, "75 c" of money; "80 F" of heat or of capacitance
    "c": {"celsius": "°C", "cent": "cents", "coulomb": "coulombs"},
    "f": {"fahrenheit": "°F", "farad": "farads"},
    # a mark after a number: feet or minutes, inches or seconds ("12' x 10'", "the lap in 1' 34\"")
    "′": {"foot": "ft", "minute": "min"},
    "″": {"inch": "in", "second": "s"},
    # a "p" apart from its number: a point or a penny ("the index rose 200 p", "a stamp costs 58
    # p"); glued to it, a penny (``resolve``)
    "p": {"point": "p", "penny": "pence"},
}

_SURFACE = re.compile(r"(?P<pound>\bpounds?\b)|(?P<yen>¥)|(?P<kn>(?<=\d)\s?kn\b)|"
                      r"(?P<kt>(?<=\d)\s?kt\b)|(?P<pc>(?<=\d)\s?pc\b)|"
                      r"(?P<dram>\bdrams?\b)|(?P<c>(?<=\d)\s?c\b)|(?P<f>(?<=\d)\s?f\b)|"
                      r"(?P<p>(?<=\d)\s+p\b)|"
                      r"(?P<prime>(?<=\d)['’′](?!\w))|(?P<dprime>(?<=\d)(?:[\"”″]|'')(?!\w))",
                      re.IGNORECASE)
_KEYS = {"pound": "pound", "yen": "¥", "kn": "kn", "kt": "kt", "pc": "pc", "dram": "dram",
         "c": "c", "f": "f", "p": "p", "prime": "′", "dprime": "″"}
# A capital after its number, glued ("40C", "90F") or apart ("35 C"). Some senses never take
# these forms (of the 57 glued "C"s in CQE's sentences none is a cent, where a lower-case "c" is
# a cent as often as a degree), so the model reads such a figure among the senses its form was
# seen with.
_GLUED_CAPITAL = re.compile(r"(?<=\d)\s?[CF]\b")
# A pound joined to its number by a hyphen, an adjective ("a 20-pound trout", "a 185-pound
# guard"): a form of its own, counted like the capitals' (every one in CQE's sentences weighs);
# not before a note, a coin or a bill ("a 5-pound note"), which the context words read.
_HYPHENED_POUND = re.compile(r"(?<=\d)-pound\b", re.IGNORECASE)
_NOTE_AFTER = re.compile(r"\s+(?:note|coin|bill)s?\b", re.IGNORECASE)
# A person's height, then the weight: "6-5, 250 pounds", "6 feet 2 and 240 pounds", "6'2\", 210
# pounds": pounds that weigh, whatever the words around them.
_HEIGHT_BEFORE = re.compile(
    r"(?:\b[4-7]-(?:1[01]|\d)|\b[4-7][\s-]?(?:feet|foot|ft\.?)(?:[\s-]?(?:1[01]|\d)\b"
    r"(?:[\s-]?(?:inches|inch|in\b\.?))?)?|\b[4-7]['’′]\s?(?:(?:1[01]|\d)[\"”″]?)?)"
    r"\s*(?:,|/|\band\b)\s*(?:and\s+)?$", re.IGNORECASE)
_WORD = re.compile(r"(?<![\d.,])[a-z]+(?:'[a-z]+)?")  # not another figure's unit ("41.5m")
# Words that say nothing of a sense: with only these around it, the scanner's reading stands.
_STOP = FUNCTION_WORDS | {
    "i", "me", "he", "him", "she", "it", "we", "us", "they", "them", "you", "this", "that",
    "these", "those", "which", "who", "what", "there", "here", "not", "no", "so", "as", "if",
    "been", "being", "do", "does", "did", "will", "would", "can", "could", "should", "may",
    "into", "up", "out", "more", "less", "most", "very", "too", "also", "then", "when", "while",
    "each", "per", "s", "it's", "i'm", "he's", "she's", "one", "two", "three"}
# "of" and the next three words after a figure; the phrase ends at a word that starts another
_OF_WHAT = re.compile(r"\s+of\s+((?:[A-Za-z'’-]+\s+){0,2}[A-Za-z'’-]+)", re.IGNORECASE)
_PHRASE_ENDS = frozenset(("and", "or", "in", "on", "at", "to", "for", "from", "by", "with", "was",
                          "were", "is", "are", "that", "which", "had", "has", "have", "will"))
_OF = "_of"  # no word: ``_WORD`` reads no underscore
# a sign of money near the figure, a word of its own: "rose 5c to $1.20" is of cents
_SIGN, _MONEY_SIGN = "_sign", re.compile(r"[$£€₹¥]")
_REACH = 120  # characters either side of the figure that count as its context


def surface_of(mention: str) -> str | None:
    """The ambiguous surface a figure's text carries ("230 pounds" -> ``pound``), if any."""
    m = _SURFACE.search(mention)
    return _KEYS[m.lastgroup] if m and m.lastgroup else None


def surface_at(text: str, start: int, end: int) -> str | None:
    """The ambiguous surface of the figure at ``text[start:end]``; none for the marks of a
    height's feet and inches ("6’2”" is no time)."""
    surface = surface_of(text[start:end])
    return None if surface in ("′", "″") and in_height(text, start, end) else surface


def written_form(text: str, start: int, end: int) -> str | None:
    """The written form of the figure at ``text[start:end]``: ``"C"`` or ``"F"`` when it glues
    that capital to its number, ``" C"`` or ``" F"`` when a space parts them (in CQE's sentences
    a spaced "C" is mostly a coulomb, a glued one mostly a degree; the context words decide
    between them); ``"-pound"`` for a pound hyphened to its number, but before a note, a coin or
    a bill. Training and tagging read a form here alike."""
    mention = text[start:end]
    m = _GLUED_CAPITAL.search(mention)
    if m is None and _HYPHENED_POUND.search(mention) and not _NOTE_AFTER.match(text, end):
        return "-pound"
    return m.group() if m else None


def context_words(text: str, start: int, end: int) -> list[str]:
    """The lowercase words around ``text[start:end]`` (within its sentence-sized window), the
    figure's own words left out, ``_sign`` when a sign of money stands in that window, and
    ``_of`` when "of" and what is measured follow it (words of their own for the model, which
    reads no sign and reads "of" elsewhere as a stop word)."""
    before = text[max(0, start - _REACH):start].lower()
    after = text[end:end + _REACH].lower()
    words = [w for w in _WORD.findall(before) + _WORD.findall(after) if w not in _STOP]
    if _MONEY_SIGN.search(before) or _MONEY_SIGN.search(after):
        words.append(_SIGN)
    return [*words, _OF] if _measure_of(text, end) else words


def _measure_of(text: str, end: int) -> bool:
    """Whether "of" and what is measured follow the figure ("50 pounds of cocaine", "2 pounds of
    cheese"): not money ("millions of pounds of public money", "20 million pounds of new
    funding")."""
    of = _OF_WHAT.match(text, end)
    phrase = takewhile(lambda word: word.lower() not in _PHRASE_ENDS,
                       of.group(1).split() if of else ())
    return of is not None and not MONEY.search(" ".join(phrase))


def fit_senses(examples: Iterable[tuple[str, str, Sequence[str]]], alpha: float
               ) -> dict[str, Any]:
    """Naive Bayes per surface from ``(surface, sense, context words)``: log-priors, per-word
    log-likelihoods with add-``alpha`` smoothing, and the unseen word's."""
    counts: dict[str, dict[str, Counter[str]]] = {}
    docs: dict[str, Counter[str]] = {}
    for surface, sense, words in examples:
        counts.setdefault(surface, {}).setdefault(sense, Counter()).update(set(words))
        docs.setdefault(surface, Counter())[sense] += 1
    model: dict[str, Any] = {}
    for surface, by_sense in counts.items():
        vocabulary = {w for c in by_sense.values() for w in c}
        total = sum(docs[surface].values())
        senses = {}
        for sense, c in sorted(by_sense.items()):
            denominator = sum(c.values()) + alpha * (len(vocabulary) + 1)
            senses[sense] = {
                "prior": math.log(docs[surface][sense] / total),
                "unseen": math.log(alpha / denominator),
                "words": {w: round(math.log((n + alpha) / denominator), 4)
                          for w, n in sorted(c.items())}}
        model[surface] = senses
    return model


def fit_forms(examples: Iterable[tuple[str, str, str | None]]) -> dict[str, Any]:
    """``{surface: {form: {sense: count}}}`` from ``(surface, sense, written form)``."""
    forms: dict[str, Any] = {}
    for surface, sense, form in examples:
        if form is not None:
            tally = forms.setdefault(surface, {}).setdefault(form, {})
            tally[sense] = tally.get(sense, 0) + 1
    return {surface: {form: dict(sorted(t.items())) for form, t in sorted(by_form.items())}
            for surface, by_form in sorted(forms.items())}


def predict(model: dict[str, Any], surface: str, words: Sequence[str],
            seen: dict[str, int] | None = None) -> str | None:
    """The most probable sense of ``surface`` given its context ``words``; ``None`` when no
    context word was ever seen around the surface (no evidence: the prior alone decides
    nothing). With ``seen`` (the senses of the figure's written form, counted), only those
    senses, and with no evidence the most frequent of them."""
    senses = model.get(surface)
    if senses and seen:
        senses = {name: sense for name, sense in senses.items() if name in seen}
    if not senses:
        return None
    unique = {w for w in words if any(w in sense["words"] for sense in senses.values())}
    if not unique:
        return max(seen, key=lambda name: (seen[name], name)) if seen else None

    def score(sense: dict[str, Any]) -> float:
        table = sense["words"]
        return float(sense["prior"]) + sum(float(table.get(w, sense["unseen"])) for w in unique)

    return str(max(senses, key=lambda name: score(senses[name])))


@functools.cache
def _model() -> dict[str, Any] | None:
    data = shipped_json("unit-senses.json") or {}
    return data if isinstance(data.get("senses"), dict) else None


# A "p" glued to its number is the pound's pence ("5p for a plastic bag", "the 10p savings tax
# band", "shares closed at 338.5p": 19 of the 21 glued in CQE's unit sentences, every one of the
# training articles'); written apart it is a point or a penny, which the sense model reads
# ("the index closed up 200 p", "a stamp costs 58 p").
_GLUED_P = re.compile(r"\dp$")


def resolve(unit: str | None, text: str, start: int, end: int) -> str | None:
    """``unit`` as the fitted model reads the figure at ``text[start:end]``: the reading of an
    ambiguous surface, or ``unit`` unchanged (no ambiguous surface, no model). A symbol's rate
    stays ("25p per hour": pence per hour; "3C per second": coulombs per second)."""
    head, per, rate = (unit or "").partition(" per ")
    if per and len(head) <= 2:
        at = text.find(head, start, end)  # the symbol's own end: its sense is read without the rate
        return f"{resolve(head, text, start, at + len(head) if at >= 0 else end)}{per}{rate}"
    if unit == "p" and _GLUED_P.search(text, start, end):
        return "pence"
    shipped = _model()
    if shipped is None or unit is None:
        return unit
    model = shipped["senses"]
    surface = surface_at(text, start, end)
    if surface is None or surface not in model:
        return unit
    readings = SURFACES[surface]
    written = _SURFACE.fullmatch(unit)  # the scanner kept the word itself ("pound", "drams")
    if unit not in readings.values() and unit.lower() != surface and \
            not (written and _KEYS[str(written.lastgroup)] == surface):
        return unit  # the scanner read something else there ("pounds per square inch")
    if surface == "pound" and _HEIGHT_BEFORE.search(text, max(0, start - 30), start):
        return SURFACES[surface]["pound-mass"]  # "6-5, 250 pounds"
    form = written_form(text, start, end)
    seen = shipped.get("forms", {}).get(surface, {}).get(form) if form else None
    sense = predict(model, surface, context_words(text, start, end), seen)
    return readings.get(sense or "", unit)
