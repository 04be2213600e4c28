"""The unit after a number: a symbol, a measure, a currency, or the noun phrase it counts."""

from __future__ import annotations

import re

from ...vocabulary import NUMBER_WORDS
from .canonical import is_measure, lexicon_symbol
from .context import WEIGHT_CONTEXT
from .currencies import currency_after
from .lengths import converted_inches, length_adjective
from .numbers import CURRENCY_PREFIX, CURRENCY_WORDS, NATIONAL_CURRENCY, NUM_WORD, country_money
from .primes import prime_unit
from .rates import with_rate
from .words import (
    AGAINST,
    AREA_UNIT,
    CALENDAR,
    CROWD_ACT,
    DIMENSIONS,
    GLUED_ONLY,
    MEASURE_WORDS,
    STOP_UNIT,
    UNIT_NAMES,
    compound_symbol,
    is_plural,
    modifies,
    non_nouns,
    participle,
    plural,
    plural_head,
    singular_head,
    verbs,
)


def _not_a_head(word: str) -> bool:
    """``word`` cannot be what a number counts: not a noun ("two new macaque species", "99 due
    to play", "three-under-par"), nor a unit or a plural."""
    word = word.lower()
    if re.search(r"n['’]t$|['’](?:ll|re|ve|d|m)$", word):
        return True  # a verb's contraction: "grandfather of seven wouldn't"
    return word in non_nouns() and not is_plural(word) and \
        not any(part in MEASURE_WORDS for part in (word, *word.split("-")))  # "percentage-point"


_HYPHEN_ADJECTIVES = {"strong", "fold", "magnitude", "odd", "plus", "long", "wide", "high",
                      "tall", "deep", "thick", "point"}

# (a headline's capital too: "Same Old 25-Second Speech", "A 3-Word Response")
_HYPHEN_UNIT = re.compile(r"^-([a-z]+|[A-Z][a-z]+)(?P<old>-[Oo]lds?)?(?:-[A-Za-z][a-z]*)*\b")
# A symbol with an SI prefix after a hyphen, cased as written: "a 100-kWh battery", "a 500-MW
# plant", "a 5-GB plan" (the lower-cased ones are words to the pattern above: "a 12-km stretch").
_HYPHEN_SYMBOL = re.compile(r"^-((?:[kMGT]W|[kMGT]Wh|[kMGTP]B|[KMGT]iB|[kMG]Hz|[MG]bps|mAh|[kM]V|"
                            r"[kMG]Pa|[kMG]J)\b)(?!-[A-Za-z])")
_HYPHEN_POINTS = re.compile(r"-(percentage|basis)-points?\b", re.IGNORECASE)
# An area or a volume written as an adjective: "a 2,000-square-foot house", "a 10-square-mile zone".
_HYPHEN_AREA = re.compile(r"-(square|sq|cubic)-(foot|feet|ft|miles?|mi|metres?|meters?|m|yards?|yd|"
                          r"inch|inches|in|kilometres?|kilometers?|km)\b", re.IGNORECASE)

# A number of inches after the feet, its unit unsaid: "5 foot 6", "6ft 4", "six-foot-four".
_INCH_WORDS = "|".join(word for word, n in NUMBER_WORDS.items() if 0 < n < 12)
_FEET_THEN = re.compile(r"(?:\d|\b(?i:four|five|six|seven))(?:\s?(?:foot|feet|ft)\.?\s|-(?:foot|"
                        rf"feet)-)(?:\d{{1,2}}|{_INCH_WORDS})$")
# A symbol may carry a power ("m2", "km²") and a rate ("km/h", tokenised "km / h").
_GLUED_UNIT = re.compile(r"^([A-Za-zμµ°º″¢]+(?:[23²³](?!\d))?(?:/[A-Za-z]+[\d²³]?)?)(?![A-Za-z])")
_SYMBOL_UNIT = re.compile(r"^\s?([A-Za-zμµ°º¢]{1,4}[23²³]?(?:\s?/\s?[A-Za-z]{1,3}[\d²³]?)?)"
                          r"(?![\w'’-])")

_YEARS_OLD = re.compile(r"^(?:\s-\s|[\s-])(years?|yrs?|months?|weeks?|days?)"
                        r"(?:(?:\s-\s|[\s-])olds?|\s+of\s+age)\b",
                        re.IGNORECASE)  # "10 years old", "10-year-old", "10 - year - old", "of age"

# A hyphen written apart, as tokenised text has it: "a 5 - metre wall" is a "5-metre wall".
_SPACED_HYPHEN = re.compile(r"^\s-\s([a-z]+)\b(?!\s-\s\d)")

# A capital C or F apart from its number, as the wires write temperatures ("highs of 35 C (95
# F)"); the unit-sense model reads which unit it is.
_SPACED_DEGREES = re.compile(r" ([CF])(?![\w'’&+-]|\.\w)")

_CAPS_CURRENCY = re.compile(r"^\s((?-i:[A-Z]{3}))\b")

_ACRONYMS = r"[A-Z]{2,5}s(?![A-Za-z])"  # an acronym's plural: "MPs", "CEOs"
_ACRONYM_WORD = re.compile(rf"{_ACRONYMS}|[A-Z]{{2,5}}")  # "MPs", "GOP": inside a noun phrase


# "iPhones", "MPs" too
_NAMED_PREFIX = re.compile(r"[a-z]+-[A-Z][A-Za-z'-]*")  # "anti-Trump", "pro-Sanders", "non-EU"
_WORD = re.compile(rf"\s+([a-z][A-Z][a-z'’-]+|{_ACRONYMS}|[A-Z]{{2,5}}(?![\w'’-])|"
                   rf"{_NAMED_PREFIX.pattern}|"
                   rf"[A-Za-z](?:[a-z-]|['’](?!['’]))*+(?![A-Z](?![a-z])))")  # not "m" of "mA"


# (and names joined by "and" or "or": "31 Olympic and Paralympic sports")
_CAPITALS = r"(?:[A-Z][\w'’.-]*\s+){1,3}"
_CAPITALISED = re.compile(rf"^\s+({_CAPITALS}(?:(?:and|or)\s+{_CAPITALS})?)([A-Za-z][a-z-]*)")


_PARTITIVE = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|our|these|those|[A-Z][\w'’-]*(?:'s|’s|s'|s’))(?=\s)|"
    rf"\s+of\s+(?:[A-Z][\w.-]*\s+){{1,2}}[\w-]+(?:'s|’s)(?=\s+(?:\d[\d,]*|{NUM_WORD})\s)|"
    rf"\s+of(?=\s+(?:\d[\d,]*|{NUM_WORD})\s+[a-z])")  # a whole with no article: "18 of 25 slots"
# (an owner of several words before the whole's number: "seven of Washington state's 44
# delegates", "two of New York's 95 delegates")


_SUSPENDED = re.compile(r"-(?=[\s,])[^.;:]{0,40}?\b[\w]+-([a-z]+)\b")


_SIZED = re.compile(r"\s\d[\d.,]*(?:\s?(?:ml|l|cl|oz|g|kg|lb|in|inch|ft|mm|cm|m|litre|liter)"
                    r"(?![A-Za-z])-?|-[a-z]+(?=\s))")  # "250ml bottles", "500-page books"


_NUMBER_WORD = re.compile(rf"(?:{NUM_WORD})", re.IGNORECASE)


# The whole a part is of, when it is counted: "15 of the [19] hijackers", "eight of the [past
# nine] contests".
# (an owner in lower case: "Johnson's deputies" keep their owner, "the firm's" do not)
_WHOLE = re.compile(rf"\s+(?:(?:[a-z]+|(?-i:[a-z]+(?:'s|’s)))\s+)?(?:\d[\d,.]*|(?:{NUM_WORD})\b)"
                    rf"(?:\s+(?:hundred|thousand|million|billion)\b)?(?=\s+[A-Za-z])|"
                    rf"\s+(?-i:[a-z]+(?:'s|’s))(?=\s+[a-z])",
                    re.IGNORECASE)  # "of the firm's five directors", "of the company's directors"


def past_whole(text: str, start: int) -> int:
    """Where the noun of a partitive's whole begins, past its owner and its number ("two of the
    firm's five directors", "half of the 18 million viewers"): ``start`` is after "of the"."""
    whole = _WHOLE.match(text[start:start + 40])
    return start + (whole.end() if whole else 0)


# Measures and the money words of the wires: "a 200 mln dlr bond carries a coupon" is dollars.
_MEASURES = MEASURE_WORDS | CURRENCY_WORDS.keys()


# After the first word of a phrase: a determiner (after a verb or a comparative: "73 raising the",
# "cheaper than"), an object (after a verb in -s: "65 gets it free")
_DETERMINER = re.compile(r"\s+(?:the|a|an|this|that|these|those|his|her|its|their|our|than)\b")
_ITS_OBJECT = re.compile(r"\s+(?:it|them|him|us|me|the|an?|his|its|their)\b")
# A name or pronoun ending the clause: a verb's object ("19 support Sanders."), not a modifier
_OBJECT = re.compile(r"\s+(?:[A-Z][a-z]+|her|him|them|it|us|me)\b(?!['’-])"
                     r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:and|but|in|on|at|for|to|with|by|while|as)\b)")


def _noun_unit(text: str, end: int, value: float, commas: bool = True
               ) -> tuple[str | None, int]:
    """The lowercase noun phrase after a number, up to its plural head: "first-team players",
    and over a comma between two adjectives ("three small, friendly deals")."""
    words: list[re.Match[str]] = []
    pos = end
    comma = 0  # the index of the word after a comma, if one was passed
    while len(words) < 5:
        w = _WORD.match(text, pos)
        if w is None and commas and not comma and words and text.startswith(",", pos) and \
                all(x.group(1) in non_nouns() and x.group(1) not in STOP_UNIT for x in words):
            w = _WORD.match(text, pos + 1)
            comma = len(words)
        if w is None or not (w.group(1)[0].islower() or words and w.group(1)[1:].islower() or
                             words and _ACRONYM_WORD.fullmatch(w.group(1))):
            break  # names inside the phrase, not at its start: "six major American ports"
        if _NUMBER_WORD.fullmatch(w.group(1)):
            break  # another number's phrase: "caucused four years ago", "silver and three"
        words.append(w)
        pos = w.end()
    if not words:
        return None, end
    first = words[0].group(1).lower().rstrip("'’-")  # "200,000 to-260,000": a typo, not a unit
    if first in ("more", "fewer") and len(words) > 1:  # "eight more picks", "two fewer seats"
        words, first = words[1:], words[1].group(1).lower()
    if first in STOP_UNIT or first in verbs():
        return None, end  # (a verb: "the mother-of-six wore cheek prosthetics")
    # "pro-Sanders" modifies what follows ("pro-Sanders demonstrators"), a plural or not
    first_plural = is_plural(first) and not _NAMED_PREFIX.fullmatch(words[0].group(1))
    after = text[words[0].end():words[0].end() + 30]
    if first not in _MEASURES and not country_money(first) and (  # "85 million kroner a year"
            not first_plural and _DETERMINER.match(after) or
            first in non_nouns() and _ITS_OBJECT.match(after)) or \
            value != 1 and CROWD_ACT.match(text, words[0].start(1)):
        return None, end  # a verb ("10,000 march in Paris") or a comparative, no noun
    head = 0
    if value != 1 and first not in _MEASURES and not first_plural:
        # the head is the first plural of the (at most five) words: "first-team players",
        # "conservative foreign policy experts", "digital and physical sales"
        for i, w in enumerate(words[1:], start=1):
            word = w.group(1).lower()
            if word in ("and", "or") and i < len(words) - 1:
                continue
            if word in STOP_UNIT:
                break
            if plural_head(w.group(1)) and not _NAMED_PREFIX.fullmatch(w.group(1)):
                head = i  # "first-team players", "trading days", "leading Republicans"
                break
            if word in MEASURE_WORDS:
                break
        if head == 0 and (participle(first) or len(first) > 5 and first.endswith("ing")):
            return None, end  # "2.7m combined", "a third of those screened": not what is counted
        if head == 0 and not is_measure(first) and _OBJECT.match(after) and \
                not CALENDAR.search(after[:12]):
            return None, end  # a verb and its object: "only 19 support Sanders", "12 favor him"
    elif value == 1 and first not in _MEASURES:  # "at least one recent attempt", "1 metric ton"
        pair = [w.group(1) for w in words[:2]]
        head = 1 if len(pair) > 1 and is_measure(pair[1]) and is_measure(" ".join(pair)) else \
            singular_head([w.group(1) for w in words])
    if comma and head < comma:
        return _noun_unit(text, end, value, commas=False)  # "2 big, and ...": no adjectives
    noun = words[head].group(1)
    while (value != 1 and head + 1 < len(words) and  # no noun after "crowns" ("2.9 billion
           not (country_money(noun) and is_plural(noun)) and  # crowns analysts had expected")
           modifies(noun, words[head + 1].group(1), text[words[head + 1].end():])):
        head += 1
        noun = words[head].group(1)
    unit = " ".join(w.group(1) for w in words[: head + 1])
    stop = words[head].end(1)
    if unit.endswith(("'s", "’s")):
        unit, stop = unit[:-2], stop - 2  # "six people's lives": people
    elif unit.endswith(("s'", "s’")):
        unit, stop = unit[:-1], stop - 1  # "two years' probation": years
    if head and is_measure(words[head].group(1)) and not is_measure(unit) and \
            all(w.group(1).lower() in non_nouns() for w in words[:head]):
        unit = unit.split()[-1]  # a measure's adjectives: "three straight weeks", "two full days"
    kind = re.match(r"\s+of\s+([a-z][a-z-]*)\b", text[stop:stop + 30])
    last = unit.split()[-1]
    if kind and is_plural(last) and last not in MEASURE_WORDS and last not in CURRENCY_WORDS and \
            is_plural(kind.group(1)) and kind.group(1) not in MEASURE_WORDS:
        unit, stop = f"{unit} of {kind.group(1)}", stop + kind.end(1)  # "categories of products"
    unit = "times" if first == "times" else unit
    if _not_a_head(unit.split()[-1]) or \
            unit.lower() in ("total", "overall", "apiece", "altogether"):
        return None, end  # "of 54 total": how it is counted, not what
    return unit, stop


def unit_after(text: str, end: int, value: float, glued: bool) -> tuple[str | None, int]:
    """The unit right after a number and where it ends."""
    rest = text[end:end + 60]
    if re.match(r"\s?[xX×]\s?\d", rest):
        return None, end  # "a 4 x 4 metre room": a dimension, its unit after the last number
    marked = prime_unit(text, end)
    if marked:
        return marked
    feet = _FEET_THEN.search(text, max(0, end - 24), end) if value < 12 else None
    if feet and value.is_integer() and ("-" in feet.group() or not re.match(r"\s?[A-Za-z\"”″]",
                                        rest) or re.match(r"\s(?:and|or|tall)\b", rest)):
        return "in", end  # "5 foot 6", "6ft 4 and 15 stone", "6-foot-5": the inches, unsaid
    size = _SIZED.match(rest)
    if size and not glued and value != 1:
        unit, stop = _noun_unit(text, end + size.end(), value)
        if unit is not None and is_plural(unit.split()[-1]):
            return unit, stop  # "eight million 250ml bottles": bottles, each of 250ml
    if glued and not AREA_UNIT.match(rest):  # "2,000sq ft" is square feet, not "sq"
        g = _GLUED_UNIT.match(rest)
        if g and g.group(1) == "G" and value in (2, 3, 4, 5, 6):
            return "G", end + 1  # 5G: a generation of mobile networks (grams are "g")
        if g and re.fullmatch(r"[A-Z](?:[a-z]{2,}|[A-Z]{2,})", g.group(1)) and \
                g.group(1).lower() not in UNIT_NAMES:
            return None, end  # the next sentence or a name glued on: "at 90Her visit", "9GAG"
        if g:
            symbol = g.group(1)
            if symbol[-1] in "23²³" and not (symbol.lower() in UNIT_NAMES or "/" in symbol):
                symbol = symbol[:-1]  # a power only where one is known: "m2", not "G2"
            return with_rate(text, symbol, end + len(symbol))  # "25p per hour", "5kg a week"
    degrees = _SPACED_DEGREES.match(rest)
    if degrees and not glued:
        return degrees.group(1), end + degrees.end(1)  # "35 C", "95 F": the senses decide
    old = _YEARS_OLD.match(rest)
    if old:
        span = old.group(1).lower().rstrip("s").replace("yr", "year")
        return f"{span}s old", end + old.end()
    suspended = _SUSPENDED.match(rest)
    if suspended and re.match(r"-\s*(?:,\s*[\w]+-\s*)*,?\s*(?:and|or|to)\s", rest):
        # "four-, five- and six-cylinder engines": each number takes the last one's unit
        return plural(suspended.group(1).lower(), value), end + 1
    spaced = _SPACED_HYPHEN.match(rest)
    if spaced and (spaced.group(1) in MEASURE_WORDS or is_measure(spaced.group(1))):
        return plural(spaced.group(1), value), end + spaced.end(1)
    si = _HYPHEN_SYMBOL.match(rest)
    if si:
        return si.group(1), end + si.end(1)
    hyphen = _HYPHEN_UNIT.match(rest)
    if hyphen:
        points = _HYPHEN_POINTS.match(rest)
        if points:  # "a 2-percentage-point lead", "a 25-basis-point cut"
            return f"{points.group(1).lower()} point", end + points.end()
        area = _HYPHEN_AREA.match(rest)
        if area:
            return f"{area.group(1).lower()} {area.group(2).lower()}", end + area.end()
        word = hyphen.group(1).lower()
        if word in ("strong", "plus", "odd", "something"):
            # "a 1,000-strong crowd": a crowd of 1,000; "its 100,000-plus subscribers", "some
            # 20-odd people", "40-something voters"
            counted = re.match(r"[ \t]+([a-z]+)\b", rest[hyphen.end(1):])
            if counted and counted.group(1) not in STOP_UNIT and \
                    not _not_a_head(counted.group(1)):
                return counted.group(1), end + hyphen.end(1) + counted.end(1)
        if word in ("odd", "something", "plus"):
            # "the 90-plus smaller parties": the phrase up to its plural; "some 20-odd" alone
            # is about 20 of nothing named
            unit, stop = _noun_unit(text, end + hyphen.end(1), value)
            if unit is not None and is_plural(unit.split()[-1]):
                return unit, stop
            return None, end + hyphen.end(1)
        if word in _HYPHEN_ADJECTIVES:
            return word, end + hyphen.end(1)  # "2,000-strong", "7.8-magnitude", "3-fold"
        if word == "percent" or rest[:9].lower() == "-per-cent":  # "the 15-percent hurdle"
            return "%", end + (9 if word == "per" else hyphen.end(1))  # "a 5-per-cent rise"
        if word in STOP_UNIT:
            return None, end  # "3-to-1", "a 2-for-1 deal": the number alone
        if _not_a_head(word):
            return None, end + hyphen.end(1)  # "three-under-par": the number, no unit
        return plural(word, value), end + hyphen.end(1)  # three-year-long
    joined = length_adjective(text, end)
    if joined:
        return plural(joined.group(1), value), joined.end(1)  # "a 600 metre-long tunnel"
    area = AREA_UNIT.match(rest)
    if area:
        words = area.group(1).split()  # "a 15,000 square-foot office": square feet
        if re.match(r"(?:sq|square|cubic)-", words[0], re.IGNORECASE):
            words[:1] = words[0].split("-", 1)
        return with_rate(text, " ".join(words), end + area.end(1))  # "cubic metres a second"
    symbol = _SYMBOL_UNIT.match(rest)
    if symbol and (_spaceless(symbol.group(1)) in UNIT_NAMES and
                   (symbol.group(1).lower() not in GLUED_ONLY or symbol.group(1).lower() == "in"
                    and (_FEET_AND.search(text, max(0, end - 24), end) or
                         _DIMENSION.match(rest, symbol.end(1)) or converted_inches(text, end))) or
                   compound_symbol(_spaceless(symbol.group(1)))):
        return with_rate(text, symbol.group(1), end + symbol.end(1))
    written = lexicon_symbol(rest)
    if written:
        return with_rate(text, written.group(1), end + written.end(1))
    word = re.match(r"\s([A-Z][a-z]+)\b", rest)
    if word and word.group(1).lower() in MEASURE_WORDS:
        return word.group(1), end + word.end(1)  # "2500 Calories"
    caps = _CAPS_CURRENCY.match(rest)
    if caps and caps.group(1).lower() in CURRENCY_PREFIX:
        return CURRENCY_PREFIX[caps.group(1).lower()], end + caps.end(1)
    if caps and caps.group(1).lower() in CURRENCY_WORDS:
        return CURRENCY_WORDS[caps.group(1).lower()], end + caps.end(1)
    word_money = re.match(r"\s+(won|sterling)\b", rest, re.IGNORECASE)
    if word_money and (word_money.group(1).lower() == "sterling" or value >= 1000 or
                       re.match(rf"\s{AGAINST}\b", rest[word_money.end():])):
        # currencies that are English words: "5 million sterling", "5 trillion won", "850 won per
        # dollar" (not the verb: "of the 12 games, 5 won")
        return ("GBP" if word_money.group(1).lower() == "sterling" else "KRW"), \
            end + word_money.end(1)
    of_money = _OF_MONEY.match(rest)
    if of_money and value >= 1e5:
        # "5 millions of dollars", as some translations write it
        return with_rate(text, CURRENCY_WORDS[of_money.group(1).lower()], end + of_money.end(1))
    if _PLURAL_SCALE.search(text, max(0, end - 12), end) and rest.startswith(" of "):
        unit, stop = _noun_unit(text, end + 3, value)  # "25 thousands of pianos"
        if unit is not None and is_plural(unit.split()[-1]):
            return with_rate(text, CURRENCY_WORDS.get(unit, unit), stop)
    money = currency_after(text, end)  # "15 €", "20 ZAR", "420 million Finnish markka"
    if money:
        return with_rate(text, *money)
    acronyms = re.match(rf"\s({_ACRONYMS})(?!['’-])", rest)
    if acronyms:
        return acronyms.group(1), end + acronyms.end(1)  # "12 MPs", "300 CEOs"
    # "12 Americans", "40 Democrats voted" (but "1,534,600 Dataproducts common shares")
    proper = re.match(r"\s([A-Z][a-z]{2,})\b(?!['’-])", rest)
    if proper and not plural_head(proper.group(1)):
        proper = None
    if proper and re.match(r":\s*\d", rest[proper.end():]):
        return None, end  # the next field's label in a list of results: "Highest score: 190 Runs:
        # 8463 Centuries: 15"
    if proper:
        after = re.match(r"\s*(?:[^\w\s]|$)|\s+([a-z]+)\b", rest[proper.end():])
        if after and (after.group(1) is None or after.group(1) in STOP_UNIT or
                      after.group(1) in verbs() or
                      after.group(1).endswith("s") and after.group(1) in non_nouns()):
            # "30 Swiss died", "one in five Americans owns a gun" (a verb, not a noun in -s)
            return proper.group(1), end + proper.end(1)
    capitalised = _CAPITALISED.match(rest)
    if capitalised and CALENDAR.search(capitalised.group(1)) and not (
            capitalised.group(2)[0].islower() and plural_head(capitalised.group(2))):
        capitalised = None  # "fell 7/8 Thursday amid concerns": a day, not a modifier (but
        # "four Super Tuesday states", "two Sunday papers" modify the plural after them)
    if capitalised and NATIONAL_CURRENCY.fullmatch(capitalised.group(2)):
        # "10.5 million Australian dollars", "7.5 million Danish crowns"
        name = " ".join([*capitalised.group(1).split(), capitalised.group(2)])
        return name, end + capitalised.end(2)
    modifiers = ""
    if capitalised and capitalised.group(2)[0].islower():
        # "10,000 North Korean troops", "96 Liverpool fans": names that modify a plural noun
        head = end + capitalised.start(2)
        while head > end and text[head - 1].isspace():
            head -= 1
        unit, stop = _noun_unit(text, head, value)
        last = unit.split()[-1] if unit else ""
        if unit is None or not (is_plural(last) or last in MEASURE_WORDS):
            if proper is not None and capitalised.group(1).split() == [proper.group(1)]:
                return proper.group(1), end + proper.end(1)  # "40 Democrats voted"
            return _name_plural(text, end, capitalised.group(1))
        modifiers = " ".join(capitalised.group(1).split()) + " "
    elif capitalised:
        unit, stop = _name_plural(text, end, capitalised.group(1) + capitalised.group(2))
        if unit is not None:
            return with_rate(text, unit, stop)
    else:
        unit, stop = _noun_unit(text, end, value)
    if unit is None:
        partitive = _PARTITIVE.match(text, end)
        if partitive and value >= 1:
            # "35m of its Echo devices": what the number counts comes after "of", past a number
            # ("15 of the 19 hijackers", "eight of the past nine contests")
            unit, stop = unit_after(text, past_whole(text, partitive.end()), 2.0, False)
            if unit is None:
                return None, end
            owner = re.search(r"\sof\s+([A-Z][\w-]*)(?:’s|'s)$", partitive.group())
            if owner and not unit[0].isupper():
                unit = f"{owner.group(1)} {unit}"  # "two of Johnson’s deputies"
            return unit, stop
        if re.match(r"\s+who\b", text[end:end + 5]):
            return "people", end  # "95,800 who have been unemployed"
        return None, end
    unit = modifiers + unit
    if unit == "pounds" and WEIGHT_CONTEXT.search(text, max(0, end - 80), end + 80):
        unit = "lb"  # "dropping from 208 pounds to 193" by exercising: weight, not money
    return with_rate(text, CURRENCY_WORDS.get(unit, unit), stop)


_PLURAL_SCALE = re.compile(r"\d\s?(?:thousands|millions|billions)$", re.IGNORECASE)
_OF_MONEY = re.compile(r"\s+of\s+(?:U\.?S\.?\s+)?(dollars|euros|pounds|yen|yuan)\b", re.IGNORECASE)
# "84 in. wide", "a 5 in x 7 in print": "in" as a dimension's inches
_DIMENSION = re.compile(rf"\.?\s?(?:{DIMENSIONS}|x|×)\b", re.IGNORECASE)
# "6 ft 4 in", "5ft 11 in": the inches of a height
_FEET_AND = re.compile(r"\d\s?(?:ft\.?|feet|foot)\s+\d{1,2}$")  # "6 ft 4 in", "6 ft. 4 in."


def _spaceless(symbol: str) -> str:
    """A symbol as looked up: lower case, a tokenised rate closed up ("km / h" -> "km/h")."""
    return re.sub(r"\s*/\s*", "/", symbol.lower())


def _name_plural(text: str, end: int, run: str) -> tuple[str | None, int]:
    """The capitalised words after a number, up to the first that is a plural, when they stay
    on one line and only the first may be a common word: "three million New Yorkers", "200
    House Republicans", "two Super Bowls"; not a title's "1 Question She Hates"."""
    words = run.split()
    for i, word in enumerate(words):
        if i and word.lower() in non_nouns() or not word.isalpha() and "-" not in word:
            break  # a verb of a title, or a number ("3 USD50 Cards")
        if plural_head(word):
            span = re.match(r"[ \t]+" + r"[ \t]+".join(map(re.escape, words[:i + 1])),
                            text[end:end + 80])
            if span is None:
                break
            return " ".join(words[:i + 1]), end + span.end()
    return None, end
