"""One spelling per unit, so that two readings of a unit can be compared."""

from __future__ import annotations

import functools
import re

from ..shipped import shipped_json
from .currencies import NAMES as CURRENCY_NAMES
from .currencies import named_currency
from .numbers import NATIONAL_CURRENCY
from .words import (
    POWERS,
    SPELLING,
    SYMBOLS,
    UNIT_NAMES,
    compound_symbol,
    participle,
    plural_head,
    positive,
    singular,
)


@functools.cache
def _lexicon() -> dict[str, dict[str, str]]:
    """``models/unit-names.json``: unit spellings from quantulum3's lexicon (built by ``python -m
    summarize.analysers.train --only unit-names``); empty without the file."""
    data = shipped_json("unit-names.json") or {}
    return {"surfaces": data.get("surfaces", {}), "symbols": data.get("symbols", {})}


# A symbol closed by a space or a stop: "30 inHg", "100 µF", "2 Torr", "7 THz", "5 kΩ".
_WRITTEN_SYMBOL = re.compile(r"\s?([A-Za-zµμΩ]{2,5})(?![\w'’-])")
# Symbols the lexicon leaves out, read only as written here: the one data symbol ("pb" is among
# its common words): "1 PB" (its "EB", "KiB", "GiB" are there, in their own case: "two Mib
# repeats" are a gene's); India's gram in small letters, "10 gm gold" (not "5 GM plants"); and
# symbols whose capitals tell them from the small-letter ones the names read: torque's "400 Nm"
# (not nanometres), a laser's "5 mW" (not megawatts).
_OWN_SYMBOLS = {"PB": "petabyte", "gm": "gram", "gms": "gram", "Nm": "newton metre",
                "mW": "milliwatt"}


def lexicon_symbol(rest: str) -> re.Match[str] | None:
    """The symbol at the start of ``rest`` (its group 1) when the lexicon spells it exactly so,
    case and all ("inHg", not "INHG"): the symbols of physics and engineering that no word list
    names."""
    written = _WRITTEN_SYMBOL.match(rest)
    if written and (written.group(1) in _lexicon()["symbols"] or written.group(1) in _OWN_SYMBOLS):
        return written
    return None


# Counts of persons or of occasions are not measures: "one who", "one time".
_COUNTS = frozenset({"people", "person", "time"})
# Measures named as they are written, so in no list of spellings ("one acre", "a stone and a half").
_NAMED_AS_WRITTEN = frozenset({"acre", "carat", "knot", "byte", "stone", "dram", "furlong"})


@functools.cache
def _measures() -> frozenset[str]:
    lexicon = _lexicon()
    names = {canonical_unit(surface) for surface in UNIT_NAMES}
    names.update(lexicon["surfaces"].values(), lexicon["symbols"].values(), CURRENCY_NAMES.values(),
                 _NAMED_AS_WRITTEN)
    return frozenset(names - _COUNTS)


@functools.cache
def _names() -> frozenset[str]:
    """The canonical names that are no spelling of another unit: each is its own name ("year of
    age" is not "year age", "pound sterling" not "pound pound sterling")."""
    lexicon = _lexicon()
    names = {*UNIT_NAMES.values(), *lexicon["surfaces"].values(), *lexicon["symbols"].values(),
             *CURRENCY_NAMES.values()}
    return frozenset(names - UNIT_NAMES.keys() - lexicon["surfaces"].keys() -
                     lexicon["symbols"].keys())


def is_measure(unit: str | None) -> bool:
    """Whether a unit measures or prices (a percentage, a length, a currency, a duration, an age)
    rather than counts things: "one mile", "one dollar", "one year old", not "one dealer"."""
    if not unit:
        return False
    name = canonical_unit(unit)
    return name in _measures() or name.endswith(" of age")


_DATA_UNIT = re.compile(r"([kKMGTPE])(i?)(b|B)(/s|ps)?")
_DATA_PREFIX = {"k": "kilo", "m": "mega", "g": "giga", "t": "tera", "p": "peta", "e": "exa"}
_BINARY_PREFIX = {"k": "kibi", "m": "mebi", "g": "gibi", "t": "tebi", "p": "pebi", "e": "exbi"}


@functools.lru_cache(maxsize=4096)
def canonical_unit(unit: str | None) -> str:
    """A unit's canonical name: ``%`` -> ``percentage``, ``troops`` -> ``troop``, none -> ``-``.

    The names are those of the NewsQuant gold data (British spelling, singular, currencies by
    country: "australian dollar", "japanese yen"), so units compare across tools and models.
    """
    if not unit:
        return "-"
    if unit.endswith("is") and unit.split()[-1][:1].isupper() and plural_head(unit.split()[-1]):
        unit = unit[:-1]  # a people's name in -is: "Iraqis" -> iraqi ("crisis" stays)
    if unit == "G":
        return "generation wireless"  # 5G, as NewsQuant names it
    if unit.strip() in _OWN_SYMBOLS:
        return _OWN_SYMBOLS[unit.strip()]  # as written, before the case-blind names
    whole = unit.strip().lower()
    if " per " in whole and whole in UNIT_NAMES:
        return UNIT_NAMES[whole]  # a rate named as a whole: "revolutions per minute", as "rpm"
    rate = re.split(r"\s+per\s+", unit.strip(), maxsplit=1, flags=re.IGNORECASE)
    if len(rate) == 2:
        return f"{canonical_unit(rate[0])} per {canonical_unit(rate[1])}"
    if unit in CURRENCY_NAMES and unit.lower() not in UNIT_NAMES:
        return CURRENCY_NAMES[unit]  # an ISO code: "GEL" -> "georgian lari"
    data = _DATA_UNIT.fullmatch(unit.strip())
    if data:
        # as written: "100Mb" broadband and "kbps" are bits, "5 GB" bytes; "mb" and "kb" in lower
        # case are read as bytes, as they mostly are
        prefix, binary, b, per_second = data.groups()
        bits = b == "b" and (prefix.isupper() or per_second == "ps")
        prefixes = _BINARY_PREFIX if binary else _DATA_PREFIX  # "GiB": gibibyte
        name = prefixes[prefix.lower()] + ("bit" if bits else "byte")
        return f"{name} per second" if per_second else name
    u = " ".join(unit.strip().lower().split())
    u = re.sub(r"\s*/\s*", "/", u)  # a tokenised rate: "km / h"
    u = re.sub(r"^(percentage|basis)-(points?)$", r"\1 \2", u)  # "a 0.5 percentage-point rise"
    sq = re.match(r"sq(?:\s?\.\s?|\s)(?=[a-z])", u)
    if sq:  # "sq. m", "sq . m", "sq metres"
        rest = u[sq.end():]
        u = ("sq " if rest in ("m", "ft", "km", "mi", "yd") else "square ") + rest
    u = re.sub(r"^cu\.?\s?(?=ft|in|m|yd)", "cubic ", u).rstrip(".")  # "cu. ft.": cubic feet
    degrees = re.fullmatch(r"(?:degrees?|deg\.?|[°º])\s?([cf])(?:elsius|elcius|entigrade|"
                           r"ahrenheit|arenheit)?", u)
    if degrees:
        return "celsius" if degrees.group(1) == "c" else "fahrenheit"  # "° c", "deg celsius"
    if u in UNIT_NAMES:
        return UNIT_NAMES[u]
    if u == "st":
        return "stone"  # glued, in a weight ("13st 5lb"); no unit name, lest "2 st" be one
    if u in _names():
        return u  # already a canonical name: the name of a name is itself
    lexicon = _lexicon()
    spelled = lexicon["symbols"].get(unit.strip()) or lexicon["surfaces"].get(u)
    if spelled:
        return spelled  # "picometers" -> picometre, "dm" -> decimetre (quantulum3's lexicon)
    if "/" in u and compound_symbol(u):
        top, _, bottom = u.partition("/")
        power = f"{POWERS[bottom[-1]]} " if bottom[-1] in POWERS else ""
        return f"{SYMBOLS[top]} per {power}{SYMBOLS[bottom.rstrip(''.join(POWERS))]}"
    words = u.split(" ")
    if len(words) == 2 and words[0] in ("square", "cubic") and words[1] != "root":
        return f"{words[0]} {canonical_unit(words[1])}"  # "square centimeters": its unit's name
    code = named_currency(u)
    if code is not None:
        return canonical_unit(code)  # "russian roubles", "reais", "uk pounds": by its ISO code
    if len(words) > 1 and NATIONAL_CURRENCY.fullmatch(words[-1]):
        # "Hong Kong dollars" -> "hong kong dollar", "US dollars" -> "dollar"
        name = " ".join([*words[:-1], singular(words[-1])])
        return UNIT_NAMES.get(u, UNIT_NAMES.get(name, name))
    if len(words) > 1:
        # a noun phrase: "categories of products" -> "category product", "recorded songs" ->
        # "song", "digital and physical sales" -> "digital physical sale"
        words = [singular(w) if i + 1 < len(words) and words[i + 1] in ("of", "and", "or")
                 else w for i, w in enumerate(words) if w not in ("of", "and", "or")]
        while len(words) > 1 and participle(words[0]):
            words = words[1:]
        # each word by its lemma, as NewsQuant names units: "the 10 oldest ballparks" -> "old
        # ballpark", "three smaller tenancies" -> "small tenancy"
        words = [*map(positive, words[:-1]), words[-1]]
    words = [UNIT_NAMES.get(w, w) if w in SPELLING else w for w in words]
    last = words[-1]
    if last in UNIT_NAMES:
        words[-1] = UNIT_NAMES[last]
        if len(words) > 1 and named_currency(words[-1]) and unit.split()[-2][:1].isupper():
            words[-1] = words[-1].split()[-1]  # "Lebanese lire": whose lira the words before say
    else:
        words[-1] = singular(last)
    return " ".join(words)
