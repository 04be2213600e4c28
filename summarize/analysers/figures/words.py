"""The vocabulary of units: symbols, unit names and the words that measure, plurals and word
shapes."""

from __future__ import annotations

import functools
import re

from ...vocabulary import MONTH_ABBREVIATIONS, MONTHS_IN_FULL, WEEKDAYS
from ..shipped import shipped_json

MONTHS = f"{MONTHS_IN_FULL}|{MONTH_ABBREVIATIONS}"


# Capitalised words that start a title-cased phrase, not a name: "With 275 pound-feet".
FUNCTION_WORDS = {
    "with", "in", "on", "at", "by", "for", "from", "to", "of", "and", "but", "or", "the", "a",
    "an", "about", "after", "over", "under", "some", "all", "only", "just", "nearly", "than",
    "its", "his", "her", "their", "our", "my", "your", "has", "had", "have", "was", "were", "is",
    "are", "be", "says", "said", "reported", "total", "another", "last", "first", "every",
}

STOP_UNIT = {
    "of", "to", "and", "or", "in", "on", "at", "for", "by", "with", "from", "the", "a", "an",
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "that", "which", "who",
    "this", "these", "those", "as", "than", "into", "per", "after", "before", "since", "but",
    "would", "will", "could", "may", "might", "can", "should", "more", "less", "each",
    "it", "its", "their", "his", "her", "percent", "while", "whereas", "when", "where", "if",
    "up", "down", "out", "over", "under", "about", "against", "between", "during", "until",
    "so", "yet", "not", "no", "all", "both", "also", "just", "only", "then", "there", "here",
    "what", "whom", "whose", "we", "they", "he", "she", "you", "i", "our", "my", "your",
    "do", "does", "did", "including", "compared", "versus", "vs", "via", "behind", "ahead",
    "amid", "amidst", "despite", "among", "across", "through", "within", "without", "near",
    "above", "below", "beneath", "beyond", "underneath", "upon", "onto", "toward", "towards",
    "along", "throughout", "unlike",  # "2 million above expectations": no unit
    "today", "tonight", "tomorrow", "yesterday",  # "who turns 31 tomorrow"
    "aged",  # "three men arrested - two aged 29 and the other 32": their ages, not "aged"
}

# Words ending in "s" that are not plural nouns.
_NOT_PLURAL = {
    "has", "was", "is", "does", "goes", "says", "its", "this", "thus", "plus", "as", "us", "yes",
    "less", "unless", "across", "always", "perhaps", "whereas", "besides", "towards", "news",
    "afterwards", "nevertheless", "sometimes", "his", "hers", "ours", "yours",
    "theirs", "series", "species", "means", "gas", "bus", "bonus", "status", "campus",
    "themselves", "ourselves", "yourselves", "comes", "seems",
}


_ED_NOUNS = {"speed", "breed", "creed", "greed", "hundred", "kindred", "steed", "seabed",
             "seaweed", "bloodshed", "watershed", "riverbed", "tweed"}


# Plurals that are not the singular and an -s, by their singular.
_IRREGULAR_SINGULAR = {"men": "man", "women": "woman", "children": "child", "feet": "foot",
                       "teeth": "tooth", "mice": "mouse", "geese": "goose"}
_IRREGULAR_PLURAL = {one: many for many, one in _IRREGULAR_SINGULAR.items()}


# Nouns the same in both numbers, read as singular unless a number counts them.
INVARIANT_PLURALS = frozenset({"series", "species"})


_IRREGULAR_PLURALS = {
    "people", "men", "women", "children", "police", "staff", "cattle", "feet", "teeth", "mice",
    "personnel", "data", "geese", "troops", "sheep", "fish", "deer", "aircraft", "crew",
}


AREA_UNIT = re.compile(
    r"^\s?((?:sq\s?\.?|square|cubic)[\s-]?(?:m|ft|km|mi|yd)\b|(?:sq\.?|square|cubic)[\s-]+[a-z]+|"
    r"cu\.?\s?(?:ft|in|m|yd)\b|fl\.?\s?oz\b|"  # "5 cu ft", "8 fl oz" (quantulum's symbols)
    r"basis points?\b|percentage points?\b|light[ -]years?\b|"
    r"(?:(?:degrees?|deg\.?)\s*)?(?:fahrenheit|celsius|celcius|farenheit|centigrade|kelvin)\b|"
    r"(?:degrees?|deg\.?|[°º])\s?[FC]\b)",
    re.IGNORECASE)


CALENDAR = re.compile(rf"\b(?:{WEEKDAYS}|{MONTHS})\b", re.IGNORECASE)


def plural(word: str, value: float) -> str:
    """``word`` as ``value`` of it is written: "a three-match ban" bans for three matches; a
    unit's symbol or spelling has none ("a 5-km race" is 5 km, "a 10-pence coin" 10 pence)."""
    if value == 1 or word.endswith("s") or word in _SPELLINGS:
        return word
    if word.endswith("ed") and len(word) > 5:
        word = _noun_of_adjective(word)  # "a two-pronged strategy": two prongs, "two-tiered"
    if word in _IRREGULAR_PLURAL:
        return _IRREGULAR_PLURAL[word]
    if word.endswith(("ch", "sh", "x", "z")):
        return word + "es"
    if len(word) > 2 and word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _noun_of_adjective(word: str) -> str:
    """The noun an adjective in -ed is made of: "pronged" -> prong, "legged" -> leg, "sided" ->
    side, "tiered" -> tier."""
    stem = word[:-2]
    if stem.endswith("i"):
        return stem[:-1] + "y"  # "two-storied"
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
        return stem[:-1]  # "legged", "webbed"
    if re.search(r"[^aeiou][aeiou][bcdgkmnprstvz]$", stem):
        return stem + "e"  # "sided", "faced", "bladed"
    return stem


# Compounds of the irregular plurals: "grandchildren", "gunmen", "seamen", "clergymen",
# "yeomen" (not "specimen", "lumen", "abdomen", "stamen", "hymen", "Yemen").
_COMPOUND_IRREGULAR = re.compile(r"(?!(?:yemen|semen|hymen|amen|stamen|foramen|gravamen|cyclamen|"
                                 r"ramen|dolmen|carmen|examen|velamen|putamen|tegmen)$)"
                                 r"[a-z]+(?:children|women|(?<![iou])men|(?<=yeo)men)")


def is_plural(word: str) -> bool:
    w = word.lower()
    if w in _IRREGULAR_PLURALS or _COMPOUND_IRREGULAR.fullmatch(w):
        return True
    return (len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous"))
            and w not in _NOT_PLURAL)


def participle(word: str) -> bool:
    """"recorded", "combined": a verb form, not what is counted."""
    return len(word) > 4 and word.endswith("ed") and word.lower() not in _ED_NOUNS


def compound_symbol(symbol: str) -> bool:
    """"kV/cm", "A/cm2", "kg/m³": both sides known units."""
    if "/" not in symbol:
        return False
    top, _, bottom = symbol.lower().partition("/")
    return top in SYMBOLS and bottom.rstrip("".join(POWERS)) in SYMBOLS


SYMBOLS = {
    "m": "metre", "km": "kilometre", "cm": "centimetre", "mm": "millimetre", "kg": "kilogram",
    "g": "gram", "mg": "milligram", "lb": "pound-mass", "lbs": "pound-mass", "ft": "foot",
    "in": "inch", "mi": "mile", "yd": "yard", "hz": "hertz", "khz": "kilohertz",
    "mhz": "megahertz", "ghz": "gigahertz", "kw": "kilowatt", "w": "watt", "mw": "megawatt",
    "gw": "gigawatt", "kwh": "kilowatt hour", "mwh": "megawatt hour", "gwh": "gigawatt hour",
    "gb": "gigabyte", "mb": "megabyte", "tb": "terabyte", "kb": "kilobyte", "l": "litre",
    "ml": "millilitre", "v": "volt", "kv": "kilovolt", "mv": "millivolt", "a": "ampere",
    "ma": "milliampere", "mah": "milliampere-hour", "pa": "pascal", "kpa": "kilopascal",
    "mpa": "megapascal", "gpa": "gigapascal", "s": "second", "ms": "millisecond",
    "h": "hour", "min": "minute", "mins": "minute", "hrs": "hour", "sec": "second",
    "secs": "second", "hr": "hour", "μm": "micrometre", "µm": "micrometre", "nm": "nanometre",
    "°c": "celsius", "°f": "fahrenheit", "°": "degree", "″": "inch", "mph": "mile per hour",
    "kph": "kilometre per hour", "km/h": "kilometre per hour", "hp": "horsepower",
    "bhp": "horsepower", "ps": "horsepower", "mpg": "mile per gallon", "ppb": "parts-per-billion",
    "ppm": "part per million", "ppg": "point per game", "rpg": "rebound per game",
    "apg": "assist per game", "rpm": "revolutions per minute", "ksi": "kilopound per square inch",
    "mbps": "megabit per second", "gbps": "gigabit per second", "bps": "basis point",
    "bp": "basis point",
    "pts": "point", "p": "point", "sen": "sen", "t": "metric ton", "kt": "kiloton", "kts": "knot",
    "mbar": "millibar",
    "mt": "megaton", "gt": "gigaton", "cc": "cubic centimetre", "lb-ft": "foot pound-force",
    "nm2": "square nanometre", "kgs": "kilogram", "kmh": "kilometre per hour",
    "kmph": "kilometre per hour", "km/hr": "kilometre per hour", "kph.": "kilometre per hour",
    "µg": "microgram", "μg": "microgram", "mcg": "microgram", "ºc": "celsius",
    "ºf": "fahrenheit", "º": "degree",
    "dm": "decimetre", "db": "decibel", "kj": "kilojoule", "mj": "megajoule",
    "gj": "gigajoule", "tj": "terajoule", "kev": "kiloelectronvolt", "mev": "megaelectronvolt",
    "gev": "gigaelectronvolt", "tev": "teraelectronvolt",
    "mmhg": "millimeter of mercury", "qt": "quart", "nmi": "nautical mile", "µs": "microsecond",
    "μs": "microsecond", "ns": "nanosecond", "bpd": "barrel per day",
    "b/d": "barrel per day", "¢": "cent", "oz": "ounce", "ha": "hectare",
    # plurals and spellings of symbols the news writes ("5 kms", "10 ltrs", "12 TWh"); not
    # those that are also names in capitals ("GM", "DB", "CMS")
    "kms": "kilometre", "yds": "yard", "mtrs": "metre", "ltr": "litre", "ltrs": "litre",
    "twh": "terawatt hour", "psi": "pound per square inch",
    # the energy trade's own: a million British thermal units of gas, a thousand cubic feet
    "mmbtu": "million british thermal unit", "mcf": "thousand cubic foot",
    "btu": "british thermal unit", "btus": "british thermal unit",
    "mb/d": "million barrel per day", "kb/d": "thousand barrel per day",
    "bcm": "billion cubic metre", "mtpa": "million metric ton per annum", "dwt": "deadweight tonne",
    "teu": "twenty-foot equivalent unit",
    # medicine's: "200,000 IU of vitamin A", "7 mmol/L", "126 mg/dL"
    "iu": "international unit", "mmol": "millimole", "mmol/l": "millimole per litre",
    "mg/dl": "milligram per decilitre",
    # print and screens: "1200 dpi", "a 458 ppi display"
    "dpi": "dot per inch", "ppi": "pixel per inch",
    # a bottle's centilitres, a battery's watt hours, a dose of radiation: "a 75cl bottle",
    # "50 Wh", "20 mSv", "0.01 Gy"
    "cl": "centilitre", "wh": "watt hour", "sv": "sievert", "msv": "millisievert",
    "µsv": "microsievert", "μsv": "microsievert", "gy": "gray", "µl": "microlitre",
    "μl": "microlitre",
}
# A power after a symbol, in digits or superscript; a length's: "m2", "km²", "mi²", "mm³"
POWERS = {"2": "square", "²": "square", "3": "cubic", "³": "cubic"}
SYMBOLS.update({f"{symbol}{power}": f"{name} {SYMBOLS[symbol]}"
                for symbol in ("m", "km", "cm", "mm", "dm", "ft", "mi", "yd")
                for power, name in POWERS.items()})


UNIT_NAMES = {
    **SYMBOLS,
    "%": "percentage", "percent": "percentage", "per cent": "percentage", "pc": "percentage",
    "percentage point": "percentage point", "percentage points": "percentage point",
    "usd": "dollar", "$": "dollar", "dollars": "dollar", "us dollar": "dollar",
    "us dollars": "dollar", "u.s. dollar": "dollar", "u.s. dollars": "dollar",
    "us cents": "cent", "u.s. cents": "cent", "us cent": "cent", "u.s. cent": "cent",
    "united states cents": "cent", "united states cent": "cent", "american cents": "cent",
    "united states dollars": "dollar", "united states dollar": "dollar",
    "american dollars": "dollar", "american dollar": "dollar",
    "deutsche mark": "german mark", "deutsche marks": "german mark", "deutschmarks": "german mark",
    "sterling": "pound sterling", "eur": "euro", "euros": "euro", "gbp": "pound sterling",
    "£": "pound sterling", "jpy": "japanese yen", "yen": "japanese yen", "cny": "chinese yuan",
    "yuan": "chinese yuan", "renminbi": "chinese yuan", "rub": "russian ruble",
    "rubles": "russian ruble", "roubles": "russian ruble", "chf": "swiss franc",
    "francs": "swiss franc", "swiss francs": "swiss franc", "brl": "brazilian real",
    "hkd": "hong kong dollar", "aud": "australian dollar", "cad": "canadian dollar",
    "nzd": "new zealand dollar", "sgd": "singapore dollar", "myr": "malaysian ringgit",
    "ringgit": "malaysian ringgit", "inr": "indian rupee", "krw": "south korean won",
    "rupees": "indian rupee", "lira": "turkish lira", "rand": "south african rand",
    "kuna": "croatian kuna", "kn": "croatian kuna", "hrk": "croatian kuna",
    "danish crowns": "danish krone", "danish kroner": "danish krone",
    "swedish crowns": "swedish krona", "swedish kronor": "swedish krona",
    "norwegian crowns": "norwegian krone", "norwegian kroner": "norwegian krone",
    "czech crowns": "czech koruna", "shekels": "shekel",
    "kilometers": "kilometre", "kilometres": "kilometre", "kilometer": "kilometre",
    "meters": "metre", "metres": "metre", "meter": "metre", "centimeter": "centimetre",
    "millimeter": "millimetre", "micrometer": "micrometre", "micron": "micrometre",
    "microns": "micrometre", "nanometer": "nanometre", "decimeter": "decimetre", "liter": "litre",
    "liters": "litre", "litres": "litre", "milliliter": "millilitre", "kilograms": "kilogram",
    "grams": "gram", "feet": "foot",
    "inches": "inch", "miles": "mile", "yards": "yard", "tonnes": "metric ton",
    "tonne": "metric ton", "tons": "ton", "gigatonnes": "gigaton", "gigatonne": "gigaton",
    "gigatons": "gigaton", "megatonnes": "megaton", "volts": "volt", "watts": "watt",
    "watt-hour": "watt hour", "watt-hours": "watt hour",
    "pound-feet": "pound-foot", "pound-foot": "pound-foot", "sq m": "square metre",
    "sqm": "square metre", "sq ft": "square foot", "sq km": "square kilometre",
    "sq mi": "square mile", "sqft": "square foot", "sqkm": "square kilometre",
    "fahrenheit": "fahrenheit", "celsius": "celsius",
    "hours": "hour", "minutes": "minute", "seconds": "second", "days": "day", "weeks": "week",
    "months": "month", "years": "year", "yrs": "year", "yr": "year",
    "wks": "week", "hps": "horsepower",
    "points": "point", "people": "people", "persons": "people", "times": "count",
    "year-old": "year of age", "years old": "year of age", "year old": "year of age",
    "months old": "month of age", "weeks old": "week of age", "days old": "day of age",
    "ins": "inch", "calories": "calorie", "megapixels": "megapixel", "pixels": "pixel",
    "basis point": "basis point", "basis points": "basis point", "light years": "light year",
    "light year": "light year", "light-years": "light year", "light-year": "light year",
    "ly": "light year", "fcfa": "cfa franc",  # West and Central Africa's both
    "amp": "ampere", "amps": "ampere", "degrees fahrenheit": "fahrenheit",
    "degree fahrenheit": "fahrenheit", "degrees f": "fahrenheit",
    "degrees celsius": "celsius", "degree celsius": "celsius", "degrees c": "celsius",
    "centigrade": "celsius", "degrees centigrade": "celsius", "kelvin": "kelvin",
    "degrees": "degree", "kilo": "kilogram", "kilos": "kilogram", "pence": "penny",
    "megawatt-hour": "megawatt hour", "megawatt-hours": "megawatt hour",
    "gigawatt-hour": "gigawatt hour", "gigawatt-hours": "gigawatt hour",
    "terawatt-hour": "terawatt hour", "terawatt-hours": "terawatt hour",
    "cts": "cent", "stg": "pound sterling", "lire": "italian lira", "d-mark": "german mark",
    "d-marks": "german mark",  # the newswires' cents, sterling and marks; Italy's plural lira
    "celcius": "celsius", "degrees celcius": "celsius", "farenheit": "fahrenheit",
    "degrees farenheit": "fahrenheit", "rmb": "chinese yuan", "btc": "bitcoin",
    "revolutions per minute": "revolutions per minute",
    "revolution per minute": "revolutions per minute",
}


# Measures of two words, in both numbers: "1 troy ounce", "4 short tons", "5 US gallons".
UNIT_NAMES.update({f"{two}{s}": name for two, name in (
    ("metric tonne", "metric ton"), ("short ton", "short ton"), ("long ton", "long ton"),
    ("troy ounce", "troy ounce"), ("us gallon", "gallon"), ("imperial gallon", "imperial gallon"),
    ("statute mile", "mile")) for s in ("", "s")})

# The unit lexicon's symbols and other spellings, which take no plural "s": "km", "ft", "pence".
_SPELLINGS = frozenset(UNIT_NAMES) - frozenset(UNIT_NAMES.values())


# Words that measure (a unit's names and their plurals): after a number they are its unit.
MEASURE_WORDS: set[str] = (
    ({*UNIT_NAMES, *UNIT_NAMES.values(), *(v + "s" for v in UNIT_NAMES.values())}
     - {"a", "in", "s", "h", "t", "p", "m", "people", "l", "g", "sen", "ps", "$", "£", "%"})
    | {"per", "sq"}
)


# What a length measures, said after it: "3m high", "30' long", "84 in. wide".
DIMENSIONS = "long|high|wide|tall|deep|thick"
# How a rate of exchange names the money it is against: "850 won per dollar", "151.3 to the
# dollar", "83.5 against the dollar".
AGAINST = r"(?:per|to\s+the|against\s+the)"


# A word that may be a person's name, as `person_names` counts them and the scanner reads them
# before an age: "Josh", "McIlroy", "O'Neil", "Smith-Jones".
NAME_WORD = r"(?:Mc|Mac|O')?[A-Z][a-z]+(?:-[A-Z][a-z]+)*"


# Words of money (who paid, what it cost, what it was worth) and a sentence's talk of money: a
# "2m" there is no length ("The club earned 2m"), "pounds of public money" no weight.
MONEY_WORDS = (r"earn\w*|paid|pay\w*|costs?|costing|worth|rais\w+|spen[dt]\w*|pric\w+|fund\w*|"
               r"budget\w*|salary|fees?|sold|sell\w*|bought|buy\w*|valu\w+")
MONEY = re.compile(rf"[£$€¥]|\b(?:{MONEY_WORDS}|pounds?|dollars?|euros?|sterling|money|cash|"
                   r"cost\w*|deals?|revenue|profit\w*|sales?|loss\w*|debts?|invest\w*|bids?|"
                   r"offer\w*|wages?|fine[ds]?|bill|contract|transfer|signing)\b", re.IGNORECASE)

# What a crowd does, after its count and before where or against what: "10,000 march in Paris",
# "some 5,000 rally outside the embassy", "2,000 protest against the law" (a verb, not a count of
# marches, which would be plural).
CROWD_ACT = re.compile(r"(?:rally|march|protest|demonstrate|riot|strike|parade|picket|gather)\s+"
                       r"(?:in|on|at|through|outside|against|across|along|near|around|into|to|"
                       r"towards?|over|past|from|peacefully|again)\b")

# Symbols that are ordinary words when they stand apart: "5 in the morning", "5 a day".
GLUED_ONLY = {"in", "a", "s", "h", "t", "v", "pa", "ms", "mt", "kt", "cc", "mi", "ma", "sen", "bp"}


@functools.cache
def non_nouns() -> frozenset[str]:
    """``models/non-nouns.json``: the words news almost never uses as nouns, from CoreNLP's tags
    of PolNeAR's training articles (built by ``python -m summarize.analysers.train --only
    non-nouns``); empty without the file."""
    return frozenset((shipped_json("non-nouns.json") or {}).get("words", ()))


@functools.cache
def verbs() -> frozenset[str]:
    """The words news uses as a verb in the past tense nearly always ("wore", "rose"), from the
    same tags and file as :func:`non_nouns`; empty without them."""
    return frozenset((shipped_json("non-nouns.json") or {}).get("verbs", ()))


@functools.cache
def singular_names() -> frozenset[str]:
    """The capitalised words in -s that news uses as names, not plurals ("Sanders", "Texas"),
    from the same tags and file as :func:`non_nouns`."""
    return frozenset((shipped_json("non-nouns.json") or {}).get("singular_names", ()))


@functools.cache
def person_names() -> frozenset[str]:
    """The capitalised words news uses as a person's name nearly always ("Josh", "Hammond"),
    from CoreNLP's named-entity tags in the same file as :func:`non_nouns`."""
    return frozenset((shipped_json("non-nouns.json") or {}).get("person_names", ()))


@functools.cache
def _learned_plurals() -> dict[str, str]:
    """``plurals`` of ``models/non-nouns.json``: the plurals whose singular the spelling rules
    get wrong, by CoreNLP's lemmas of PolNeAR's training articles ("caucuses" -> "caucus",
    "lives" -> "life"; built by ``python -m summarize.analysers.train --only non-nouns``);
    empty without the file."""
    return dict((shipped_json("non-nouns.json") or {}).get("plurals", {}))


@functools.cache
def _learned_comparatives() -> dict[str, str]:
    """``comparatives`` of ``models/non-nouns.json``: comparatives and superlatives with their
    adjective, by CoreNLP's tags of PolNeAR's training articles ("biggest" -> "big", "best" ->
    "good"); empty without the file."""
    return dict((shipped_json("non-nouns.json") or {}).get("comparatives", {}))


def positive(word: str) -> str:
    """An adjective's comparative or superlative as the adjective itself: "oldest" -> "old"."""
    return _learned_comparatives().get(word, word)


def singular(word: str) -> str:
    """``word`` in the singular: by the plurals learned from news where they know it, else by
    :func:`spelled_singular`."""
    return _learned_plurals().get(word) or spelled_singular(word)


# The nouns in -oe, whose plural only adds "s"; the other plurals in -oes are of nouns in -o.
_OE_NOUNS = frozenset({"shoes", "toes", "canoes", "foes", "hoes", "oboes", "floes", "sloes",
                       "aloes", "roes", "does", "woes", "throes", "tiptoes", "horseshoes",
                       "snowshoes", "mistletoes"})


def spelled_singular(word: str) -> str:
    """``word`` in the singular by the spelling rules and the irregular plurals alone."""
    if word in INVARIANT_PLURALS:
        return word
    if word in _IRREGULAR_PLURALS and word not in ("troops",):
        return _IRREGULAR_SINGULAR.get(word, word)
    if _COMPOUND_IRREGULAR.fullmatch(word):  # "grandchildren", "gunmen"
        return word[:-8] + "child" if word.endswith("children") else word[:-3] + "man"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("oes") and len(word) > 4 and word not in _OE_NOUNS:
        return word[:-2]  # "potatoes", "tornadoes", "vetoes"; not "shoes", "canoes"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


SPELLING = {w for w in UNIT_NAMES if w.endswith(("meter", "meters", "liter", "liters"))}


# A people's name in -is ("100 Iraqis", "two Israelis"), where a lowercase word in -is is a
# singular ("crisis", "basis"); names such as "Davis" or "Paris" are known singulars.
_DEMONYM_IS = re.compile(r"[A-Z][a-z]+[^aeiousy]is")
# and one in -ese, the same in both numbers: "100 Chinese were killed", "two Lebanese"
_DEMONYM_SAME = re.compile(r"[A-Z][a-z]{2,}ese")


def plural_head(word: str) -> bool:
    """``word`` may be the plural a number counts: "voters", "Republicans", "MPs"; not a name
    ("Sanders") nor a possessive ("Tuesday's")."""
    if word[0].islower():
        return is_plural(word) or word in INVARIANT_PLURALS  # "two television series"
    return (is_plural(word.lower()) or _DEMONYM_IS.fullmatch(word) is not None or
            _DEMONYM_SAME.fullmatch(word) is not None) and \
        word not in singular_names() and not word.endswith(("'s", "’s")) and \
        not CALENDAR.match(word)


def modifies(noun: str, after: str, rest: str) -> bool:
    """``noun`` modifies the plural ``after`` it, which heads the phrase: a noun with no plural
    of its own ("police officers", "crew members"; a measure stays one: "10 hour shifts" are 10
    hours), or a plural ("10 arms exporters", "3 sports fans": a verb after a plural would not
    agree with it); not before a number ("45 children ages 3 to 17")."""
    if not (noun.isalpha() and noun.islower() and after.islower() and is_plural(after)) or \
            after in STOP_UNIT | MEASURE_WORDS or re.match(r"\s+\d", rest):
        return False
    if noun[-1] != "s" and singular(noun) == noun:
        return noun != "people" and noun not in MEASURE_WORDS
    return is_plural(noun) and noun not in MEASURE_WORDS | STOP_UNIT and noun != "times" and \
        after.isalpha() and after not in non_nouns()


def singular_head(words: list[str]) -> int:
    """The index of the word that heads the words after a count of one: the noun past its
    adjectives ("one recent attempt": 1) and the noun a noun modifies ("one county official":
    1); 0 where the first word heads them ("one employee") or no noun is seen."""
    lower = [w.lower() for w in words]
    i = 0
    while i < len(lower) and lower[i] in non_nouns() and lower[i] not in STOP_UNIT:
        i += 1  # the adjectives: "former", "recent"

    def noun(k: int) -> bool:
        w = lower[k]
        return w.isalpha() and w == words[k] and w not in STOP_UNIT and w not in non_nouns() \
            and w not in verbs() and not participle(w) and not is_plural(w) and \
            w not in MEASURE_WORDS
    if i == len(lower) or not noun(i):
        return 0
    while i + 1 < len(lower) and noun(i + 1):
        i += 1
    return i
