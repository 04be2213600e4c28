"""Currencies as Unicode CLDR names them: ISO codes, English names, symbols.

Built from CLDR by ``python -m summarize.analysers.train --only currencies`` (babel, at build time
only) and shipped as ``models/currencies.json``: what the scanner reads as money beyond its own
handful of currencies ("420 million Finnish markka", "15 €", "₾20", "MXN 500", "100 lari").
Without the file the scanner keeps its own currencies.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from ..sentences import sentence_around
from ..shipped import shipped_json

__all__ = ["CODES", "LOWER_CODES", "NAMES", "SYMBOLS", "currency_after", "currency_code",
           "lower_codes", "named_currency", "national", "shared_noun",
           "shared_sign"]


_DATA: dict[str, Any] = shipped_json("currencies.json") or {}
NAMES: dict[str, str] = _DATA.get("names", {})  # ISO code -> English name, lowercase
SYMBOLS: dict[str, str] = _DATA.get("symbols", {})  # "₾" -> GEL
CODES: frozenset[str] = frozenset(_DATA.get("codes", ()))  # the codes that stand by a number
# The codes as lower-cased text writes them ("sek 120", "12,50 chf"): lower_codes, at build time.
LOWER_CODES: frozenset[str] = frozenset(_DATA.get("lower_codes", ()))
_SURFACES: dict[str, str] = _DATA.get("surfaces", {})  # "georgian laris", "lari" -> GEL
_LONGEST = max((len(s.split()) for s in _SURFACES), default=0)
_SHARED_SIGNS: dict[str, str] = _DATA.get("signs", {})  # "kr" -> crown: a sign several use
# "kronor" -> crown: a noun several use, or its sign
_NOUNS: dict[str, str] = {**_DATA.get("nouns", {}), **_SHARED_SIGNS}
_PLACES: dict[str, dict[str, str]] = _DATA.get("places", {})  # crown -> {"sweden": SEK, ...}
_PLACE_NAMES = sorted({p for places in _PLACES.values() for p in places}, key=len, reverse=True)
_PLACE = re.compile(rf"\b({'|'.join(map(re.escape, _PLACE_NAMES)) or '(?!)'})(?![\w-])",
                    re.IGNORECASE)

_SIGN = "|".join(re.escape(s) for s in sorted(SYMBOLS, key=len, reverse=True)) or r"(?!)"
_AFTER = re.compile(rf"\s?({_SIGN})(?![A-Za-z0-9])|"
                    rf"\s((?-i:{'|'.join(sorted(CODES | LOWER_CODES)) or '(?!)'}))\b(?![-'’])")
_WORDS = re.compile(rf"\s+((?:[^\W\d_][\w'’.-]*\s+){{0,{max(0, _LONGEST - 1)}}}[^\W\d_][\w'’-]*)")


# Cents said after a currency's name: "20 euro cents".
_CENTS = re.compile(r"\s+cents?\b", re.IGNORECASE)
# How the newswires shorten a currency and the places that name one ("200 mln australian dlrs").
_WIRE = {"dlrs": "dollars", "dlr": "dollar", "hk": "hong kong", "nz": "new zealand"}


def lower_codes(codes: list[str]) -> list[str]:
    """The ``codes`` read in lower-cased text too (at build time): those whose letters the news
    never writes as a word of its own (the casing lexicon: not "rub", "nad", "esp") and that are
    no unit's symbol ("kgs")."""
    from ..casing import common_word
    from .words import SYMBOLS as UNIT_SYMBOLS

    return sorted(c.lower() for c in codes if not common_word(c) and c.lower() not in UNIT_SYMBOLS)


def currency_code(prefix: str) -> str | None:
    """The ISO code of a currency written before a number: a symbol ("MX$", "₾") or a code."""
    key = "".join(prefix.split())
    code = key[:-1].upper() if key.endswith("$") and len(key) == 4 else key  # "MXN $": its code
    code = code.upper() if code in LOWER_CODES else code
    return SYMBOLS.get(key) or (code if code in CODES else None)


# One or two capitalised words right before a sign: "Australian $500", "Hong Kong $1.5 million".
_NAMED_BEFORE = re.compile(r"(?<![\w.])((?:[A-Z][a-z]+ ){1,2})$")


def whose_dollar(text: str, start: int, end: int, unit: str) -> tuple[str, int]:
    """Whose dollar the "$" at ``start`` is, and where its figure (the number ending at ``end``)
    ends: the code written after the number ("$274 million CAD"), or the country written before
    the sign ("Canadian $2 billion"), or else ``unit`` as read."""
    code = _AFTER.match(text, end)
    if code and code.group(2):
        return code.group(2).upper(), code.end(2)
    named = _NAMED_BEFORE.search(text, max(0, start - 24), start)
    words = named.group(1).split() if named else []
    for i in range(len(words)):  # "New Zealand", then "Zealand"
        if (found := _SURFACES.get(" ".join(words[i:]).lower() + " dollar")) is not None:
            return found, end
    return unit, end


def currency_after(text: str, end: int) -> tuple[str, int] | None:
    """A currency right after the number ending at ``end`` ("15 €", "20 ZAR", "420 million
    Finnish markka", "100 lari"): its ISO code and where it ends; its cents as written where
    they follow it ("20 euro cents")."""
    sign = _AFTER.match(text, end)
    if sign:
        group = 1 if sign.group(1) else 2
        return SYMBOLS.get(sign.group(1)) or sign.group(2).upper(), sign.end(group)
    words = _WORDS.match(text, end)
    if words is None:
        return None
    found = list(re.finditer(r"\S+", words.group(1)))
    for n in range(len(found), 0, -1):
        surface = " ".join(m.group().lower() for m in found[:n])
        stop = found[n - 1].end()
        code = _SURFACES.get(surface)
        if code is None and surface.endswith("."):  # a full stop: "30 Canadian dollars. Teck"
            code, stop = _SURFACES.get(surface[:-1]), stop - 1
        if code is None and "." in surface:  # "u.s. dollars"
            code, stop = _SURFACES.get(re.sub(r"(?<=\b\w)\.", "", surface)), found[n - 1].end()
        if code is None and n > 1 and found[n - 1].group().lower().rstrip(".") in ("dlrs", "dlr"):
            # the newswires' "australian dlrs", "hk dlrs", "n.z. dlrs"
            wire = " ".join(_WIRE.get(w, w) for w in re.sub(r"(?<=\b\w)\.", "", surface).split())
            code, stop = _SURFACES.get(wire), found[n - 1].end()
        if code is None and n > 1 and all(m.group()[0].isupper() for m in found[:n - 1]):
            # a one-currency noun after its country as CLDR does not write it: "500 Kazakh
            # tenge", "Lao kip", "Botswana pula"
            code = _SURFACES.get(found[n - 1].group().lower())
        if code is not None:
            stop += words.start(1)
            cents = _CENTS.match(text, stop)
            if cents:  # "20 euro cents": cents of the currency, as written, not euros
                return " ".join(text[end:cents.end()].split()), cents.end()
            return code, stop
    return None


def shared_noun(word: str) -> bool:
    """``word`` is a currency's noun or sign that several countries use ("kronor", "kr",
    "francs"), whose country :func:`national` finds."""
    return word.lower() in _NOUNS


def shared_sign(word: str) -> bool:
    """``word`` is a currency's sign of letters that several countries use ("kr", "FCFA")."""
    return word.lower() in _SHARED_SIGNS


def named_currency(name: str) -> str | None:
    """The ISO code of a currency named in words, lowercase ("russian roubles", "reais")."""
    return _SURFACES.get(name)


def national(unit: str, text: str, start: int, end: int) -> str | None:
    """The currency a noun that several countries use means where no country stands before it
    ("3.4 billion crowns" after "Sweden's Volvo", "2 billion francs" of "the French
    government"): the one of the place its sentence names nearest before it, or else after it,
    or else the one named last before its sentence. The unit with the noun as its ISO code ("SEK
    per share"); none when no place names one."""
    noun, _, rest = unit.partition(" ")
    group = _NOUNS.get(noun.lower(), "")
    places = _PLACES.get(group)
    if not places or rest and not rest.startswith("per "):
        return None  # "500 rupee denomination notes" count notes
    # where its sentence opens (read back at most a long sentence's length, not the whole text)
    opens, stop = sentence_around(text, start, end)
    for lo, hi, nearest in ((opens, start, -1), (end, stop, 0),
                            (0, opens, -1)):  # its sentence, before and after; the text before
        if lo == 0 and (written := _written_before(text, opens, group)) is not None:
            code = written  # the text wrote the currency before: "3,2 billion Swedish crowns"
            break
        named = [places[p] for m in _PLACE.finditer(text, lo, hi) if (p := m.group(1).lower())
                 in places]
        if named:
            code = named[nearest]
            break
    else:
        return None
    return " ".join([code, rest]).strip()


@functools.cache
def _written(group: str) -> re.Pattern[str]:
    """The currencies of a noun ``group`` written in full: a code ("SEK"), or a place before one
    of the group's nouns ("Swedish crowns", "Sweden's kronor"), the place in group 2."""
    places = _PLACES[group]
    nouns = sorted((n for n, g in _NOUNS.items() if g == group), key=len, reverse=True)
    return re.compile(rf"\b(?-i:({'|'.join(sorted(set(places.values())))}))\b|"
                      rf"\b({'|'.join(map(re.escape, places))})(?:['’]s)?\s+"
                      rf"(?:{'|'.join(map(re.escape, nouns))})\b", re.IGNORECASE)


def _written_before(text: str, stop: int, group: str) -> str | None:
    """The last of the currencies of the noun ``group`` that the text before ``stop`` writes in
    full: its code ("SEK 28.4 billion") or its place before its noun ("Swedish crowns")."""
    found = None
    for m in _written(group).finditer(text, 0, stop):
        found = m.group(1) or _PLACES[group][m.group(2).lower()]
    return found
