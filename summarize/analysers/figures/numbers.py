"""Numbers as written: digits, number words, scales, currencies and qualifiers, and their values."""

from __future__ import annotations

import re
from decimal import Decimal

from ...vocabulary import NUMBER_WORDS, SCALE_WORDS, TENS_WORDS, Qualifier
from .currencies import CODES, LOWER_CODES, SYMBOLS, shared_sign

# "two dozen states", and the Indian scales: "35 lakh rupees", "1,200 crore"
# and the milliard, a thousand million as Europe says it ("5 milliards euros")
_BIG_WORDS = {**SCALE_WORDS, "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5, "crore": 1e7,
              "crores": 1e7, "milliard": 1e9, "milliards": 1e9}


# "½ teaspoon", "2½ miles"
VULGAR = {"½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅛": 1 / 8,
          "⅜": 3 / 8, "⅝": 5 / 8, "⅞": 7 / 8}


# Scales written short: "5m", "$2bn", the newswires' "5 mln dlrs", "2.3 bln euros", "$5 mil",
# "$5.2 bil", and the German and Dutch "5 Mio. Euro", "5 Mrd. Euro"; and a plural after digits
# ("$5 millions").
_SHORT_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "mio": 1e6, "mrd": 1e9,
                 "bn": 1e9,
                 "bln": 1e9, "bil": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12, "tln": 1e12,
                 "trln": 1e12, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
                 "trillions": 1e12,
                 # and misspelt: "5 millon dollars", "$5 milion"
                 "millon": 1e6, "milion": 1e6, "bilion": 1e9, "trilion": 1e12}
_SHORT_SCALE = "|".join(sorted(_SHORT_SCALES, key=len, reverse=True))


# The Nordic "mill." (million), read only with its full stop before money: "5 mill. kroner"; and
# after money's sign, "$5 mill" and India's "Rs 500 cr" (FIGURE's "tail").
SCALES = {**_BIG_WORDS, **_SHORT_SCALES, "mill": 1e6, "cr": 1e7}


def scaled(value: float, scale: str) -> float:
    """``value`` times the scale word or words ``scale`` ("million", "lakh crore"), as the text
    says it: 4.1 million is 4100000.0, not the binary product 4099999.9999999995."""
    product = Decimal(repr(value))
    for word in scale.lower().split():
        product *= Decimal(repr(SCALES[word]))
    return float(product)


CURRENCY_PREFIX = {
    "$": "USD", "us$": "USD", "usd": "USD", "£": "GBP", "₤": "GBP", "ps": "GBP", "€": "EUR",
    "¥": "JPY", "eur": "EUR", "gbp": "GBP", "hk$": "HKD", "hkd": "HKD", "a$": "AUD", "au$": "AUD",
    "aud": "AUD", "c$": "CAD", "ca$": "CAD", "cad": "CAD", "nz$": "NZD", "nzd": "NZD",
    "s$": "SGD", "sgd": "SGD", "rm": "MYR", "rs": "INR", "rs.": "INR", "₹": "INR", "inr": "INR",
    "₩": "KRW", "₽": "RUB", "jpy": "JPY", "cny": "CNY", "chf": "CHF", "r$": "BRL",
    "$us": "USD", "$a": "AUD", "$au": "AUD", "$nz": "NZD", "$hk": "HKD", "$c": "CAD",
    "$s": "SGD", "y=": "JPY", "dm": "DEM", "sfr": "CHF", "sfr.": "CHF", "#": "GBP",
}
# The financial press's francs, guilders, crowns and pesetas before the euro: "SFr 5m",
# "FFr 1.2bn", "BFr 3bn", "Dfl 400m", "SKr 2.1bn", "Ptas 20bn" (no codes: not "PTA 2024")
_PRESS_CODES = {"FFr": "FRF", "BFr": "BEF", "LFr": "LUF", "Dfl": "NLG", "SKr": "SEK",
                "DKr": "DKK", "NKr": "NOK", "Ptas": "ESP", "Pta": "ESP"}
# ... as the press writes them, in capitals and in lower-cased text ("SFr", "SKr", "Skr"; not
# "PTA 2024", a parents' association)
_PRESS = [w for s in ("DM", "SFr", *_PRESS_CODES)
          for w in dict.fromkeys((s, s.upper(), s.lower(), s.capitalize())) if w[:3] != "PTA"]
# The ISO codes among the scanner's own prefixes ("usd", "eur"): read with or without CLDR's.
OWN_CODES = frozenset(c.upper() for c in CURRENCY_PREFIX if re.fullmatch(r"[a-z]{3}", c))
CURRENCY_PREFIX.update({s.lower(): code for s, code in _PRESS_CODES.items()})
_CODES_BEFORE = CODES | OWN_CODES | LOWER_CODES | {c.lower() for c in OWN_CODES}


# How the news of a currency's own country writes it before a number, where CLDR has no such
# sign or only a letter or two that mean other things elsewhere (read as written, case and all;
# "R" and "N" only where the number is plainly money, below).
NEWS_PREFIX = {
    "KSh": "KES", "KShs": "KES", "Kshs": "KES", "Tk": "BDT", "RMB": "CNY", "Rp": "IDR",
    "Dh": "AED", "Dhs": "AED", "GH¢": "GHS", "E£": "EGP", "Mex$": "MXN", "R": "ZAR", "N": "NGN",
    # the wires' dollars by country: "Aus$5", "Can$5", "Cdn$5", "CAD$5"
    "Aus$": "AUD", "AUD$": "AUD", "Can$": "CAD", "Cdn$": "CAD", "CAD$": "CAD", "NZD$": "NZD",
}


CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
    "pounds": "GBP", "yen": "JPY", "yuan": "CNY", "rubles": "RUB", "roubles": "RUB",
    "dlrs": "USD", "dlr": "USD",  # the newswires' dollars
    "quid": "GBP", "bucks": "USD",  # the spoken pound and dollar: "five quid", "50 bucks"
    # the dollar misspelt, and as Spanish and Turkish write it: "50 dollers", "10 dolares"
    "doller": "USD", "dollers": "USD", "dolar": "USD", "dolars": "USD", "dolares": "USD",
}


# Currency names that take a country before them ("Australian dollars", "Danish crowns").
NATIONAL_CURRENCY = re.compile(
    r"dollars?|crowns?|kron(?:a|e|er|or)|pesos?|rupees?|francs?|pounds?|shekels?|rand|won|"
    r"yen|yuan|lira|ringgit|ruble?s|roubles?|kuna|dinars?|riyals?|dirhams?", re.IGNORECASE)
# The full stop of an abbreviated scale before the money it scales, a sign, a currency's name or
# its code: "5 Mio. Euro", "5 Mrd. EUR", "5 mill. kroner", "5 Mio. sterling".
_MONEY_NEXT = (rf"(?=\s?(?:[€$£¥]|(?:{'|'.join(sorted(CURRENCY_WORDS))}|sterling|"
               rf"{NATIONAL_CURRENCY.pattern}|{'|'.join(sorted(_CODES_BEFORE))})\b))")
_SCALE_STOP = rf"(?<=mio|mrd|ill)\.{_MONEY_NEXT}"


def country_money(word: str) -> bool:
    """A currency noun a country names, which may have no plural "s" ("85 million kroner a
    year"), or a sign of letters several share ("2.50 kr a share"); not "won", a verb too ("5
    won a medal")."""
    return word != "won" and NATIONAL_CURRENCY.fullmatch(word) is not None or shared_sign(word)


_QUALIFIERS: list[tuple[str, Qualifier]] = [
    (r"approximately|approx\.?|about|around|roughly|nearly|almost|some|an estimated|estimated|"
     r"close to|circa|ca\.|~|more or less|in the region of|(?:on|of) the order of", "approximate"),
    (r"more than|over|at least|upwards? of|in excess of|exceeding|above|>|≥|no fewer than|"
     r"no less than|(?:higher|greater|larger|bigger|longer|older|taller|heavier|wider|deeper|"
     r"farther|faster) than|north of|a minimum of", "at_least"),
    (r"up to|less than|fewer than|under|at most|below|no more than|<|≤|as many as|as much as|"
     r"(?:lower|smaller|shorter|younger|lighter|narrower|slower|cheaper) than|a maximum of|"
     r"south of|shy of", "at_most"),
]


# An e-notation's power of ten ("6.67e-11"): up to three digits (a double ends at 1e308), in a
# figure and in its tolerance ("5.2e100 ± 2e100 kg").
E_POWER = r"[−+-]?\d{1,3}"


def _e_note(group: str) -> str:
    """The pattern of an e-notation's power right after a number's digits, in ``group``: a small
    "e", or a capital one signed ("98E2" is a place on a chromosome)."""
    return rf"(?<=\d)(?-i:e|E(?=[−+-]))(?P<{group}>{E_POWER})(?!\d)(?![\w.,]\w)"


NUM_WORD = "|".join(sorted([*NUMBER_WORDS, *TENS_WORDS], key=len, reverse=True))


# India's scales stack: "Rs 1.5 lakh crore" is 1.5 trillion rupees, "10 thousand crore" 100 billion
_STACKED = r"(?:lakhs?|thousand)\s+crores?"
_LAC = r"lacs?(?![+-])"  # India's lakh as often spelt ("Rs 10 lacs"), not the Lac+ of genetics
_BIG = (rf"{_STACKED}|hundred|thousand|million|billion|trillion|lakhs?|{_LAC}|crores?|milliards?|"
        r"dozen")


# A year said aloud, read whole so that it can be left out: "in nineteen ninety-one"
SPOKEN_YEAR_WORDS = (
    r"(?:eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)"
    r"[ -](?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -](?:one|two|three|four|five|"
    r"six|seven|eight|nine))?")


# "seventy-four", "seventy four", and in tokenised text "seventy - four": a ten and a unit only
# (not "a one-two punch", "four five-star hotels", "five six hours": each its own number)
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TENS = "|".join(TENS_WORDS)
_GROUP = (rf"(?:(?:{_TENS})(?: - (?:{_ONES})(?![\w-])|[- ](?:{_ONES})\b)|"
          # nor a ten before an ordinal's unit: "the twenty-first century"
          rf"(?:{_TENS})(?![- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b)|"
          rf"{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))})")


# "one-third of voters", "one-half the total", "three-fourths say": a fraction, not one and a
# half or three "fourths"
ONE_DENOMINATOR = r"(?:half|third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|tenth|" \
                   r"hundredth|thousandth)"
_DENOMINATORS_PLURAL = r"(?:thirds|quarters|fourths|fifths|sixths|sevenths|eighths|ninths|" \
                       r"tenths|hundredths|thousandths)"
_HYPHEN_PART = (rf"one-{ONE_DENOMINATOR}|"
                rf"(?:two|three|four|five|six|seven|eight|nine)-{_DENOMINATORS_PLURAL}")
# written apart: before "of" ("three tenths of a second", "two fifths of voters")
_APART_PART = (rf"(?:one|a) {ONE_DENOMINATOR}|"
               rf"(?:two|three|four|five|six|seven|eight|nine) {_DENOMINATORS_PLURAL}")
_NUMERATORS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9}
_DENOMINATORS = {"half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6,
                 "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "hundredth": 100,
                 "thousandth": 1000}


# The measures a half or a quarter is said of without "of": "a quarter-point", "a half mile".
_PART_MEASURE = (r"(?:(?:percentage[\s-])?point|hour|mile|inch|pound|kilogram|kilo|litre|liter|"
                 r"gallon|acre|ton|tonne|day|minute|second|foot|yard|metre|meter|kilometre|"
                 r"kilometer|ounce|pint|quart|teaspoon|tablespoon|dram)\b")


# A measure or a price that "a" says one of.
ONE_MEASURE = (r"(?:mile|kilomet(?:re|er)|met(?:re|er)|yard|inch|kilo(?:gram)?|gram|tonne|"
                r"lit(?:re|er)|gallon|ounce|pint|acre|hectare|dollar|euro|buck|quid|penny|cent)")

# "by", or "by" and a bound, before a share: one fixed-width look-behind each
_BY_SHARE = "|".join(rf"(?<=\bby\s{q})" for q in ("", *(f"{q} " for q in (
    "up to", "as much as", "about", "nearly", "almost", "roughly", "around", "over", "more than",
    "less than", "at least", "some"))))
_WORDS = (
    rf"(?:half|a quarter|quarter|three[- ]quarters)(?: of)?(?: a)? (?:million|billion|trillion)|"
    rf"half a dozen|a half[- ](?:dozen|million|billion)\b|a dozen|dozens|"
    rf"half(?=\s+an?\s+\w)|"  # "half a mile", "half an hour": a figure only when it measures
    # hyphened to a measure: "a quarter-point rate hike", "a half-hour drive", "a quarter-mile";
    # or apart after "a": "raised rates a quarter point", "a half mile"
    rf"(?:half|quarter)(?=-{_PART_MEASURE})|"
    rf"(?:(?<=\ba\s)|one )(?:half|quarter)(?=\s{_PART_MEASURE})|"
    rf"(?:half|{_APART_PART})(?=\s+(?:of|the)\b)|"
    # "fell by a third", "cut costs by (as much as) a fifth" (not "by a quarter point": above)
    rf"(?:{_BY_SHARE})(?:half|{_APART_PART})\b(?!\s{_PART_MEASURE})|"
    # written so, always a fraction: "three-fourths say", "a one-quarter-point cut"
    rf"(?:{_HYPHEN_PART})\b(?!-(?!{_PART_MEASURE}))|"
    rf"(?:tens|hundreds) of (?:thousands|millions)\b|"  # with or without "of" after them
    rf"(?:hundreds|thousands|millions|billions)(?=\s+of\b)|"
    # "several hundred protesters", "a few thousand applicants", "a couple of billion dollars"
    rf"(?:several|a few|a couple of)\s+(?:dozen|hundred|thousand|million|billion)\b"
    rf"(?![\s-]+(?:and|{_GROUP})\b)|"
    rf"(?:a|an|{_GROUP})(?:(?:\s+|(?<!\ba)(?<!\ban)-)(?:{_BIG})(?:\s+(?:and\s+)?{_GROUP})?)+|"
    # "a mile and a half", "an hour and a quarter", if it measures
    rf"an?(?=\s+[a-z]+\s+and\s+a\s+(?:half|quarter)(?![\w-]))|"
    # one of a measure or a price said with "a": "ran a mile", "costs a dollar" (not after a
    # figure, whose rate it is: "$3 a gallon", nor the unit a sentence opens with: "A gallon
    # costs 19 cents more")
    rf"(?<![\d%]\s)(?-i:an?)(?=\s+{ONE_MEASURE}(?![\w-]))|"
    rf"{SPOKEN_YEAR_WORDS}(?![\w-])|{_GROUP}"
)


# Fractions in digits ("4 5/8", "2 1/2 years", the wires' "7-1/2 percent", "7/8") have a
# denominator of halves, thirds, quarters, fifths or eighths to sixty-fourths: "9/11" and "24/7"
# are not fractions.
_DIGIT_FRACTION = r"(?:\d+[ -])?[1-9]\d?/(?:2|3|4|5|8|16|32|64)(?![\d/])"


_DIGITS = (rf"{_DIGIT_FRACTION}|(?:\d+[ -]?)?[{''.join(VULGAR)}]|"
           # Indian grouping: "12,34,567.89" (lakhs, then thousands)
           rf"\d{{1,2}}(?:,\d{{2}})+,\d{{3}}(?:\.\d+)?(?![\d,])|"
           rf"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+")


SCALE = (rf"{_STACKED}|hundred|thousand|million|billion|trillion|lakhs?|{_LAC}|crores?|milliards?|"
         rf"{_SHORT_SCALE}")


# What "and" adds to a whole number: "and a half", "and a quarter", "and three-quarters".
# A plural part only before a plural noun ("six and two-thirds innings"), lest a list be read
# as one number ("level three and three-quarters have been aimed").
AND_PARTS = {"three quarter": 0.75, "three quarters": 0.75, "two thirds": 2 / 3,
              **{f"{one} {part}": 1 / _DENOMINATORS[part] for one in ("a", "one")
                 for part in ("half", "quarter", "third")}}
_AND_PART = (r"(?:(?:a|one)[\s-](?:half|quarter|third)|three[\s-]quarter)\b(?!s)|"
             r"(?:three[\s-]quarters|two[\s-]thirds)(?=\s+[a-z]+s\b)")
_DIGIT_NAMES = {"oh": 0, **{w: n for w, n in NUMBER_WORDS.items() if n < 10}}  # "point oh five"
_DIGIT_WORD = "|".join(_DIGIT_NAMES)


_NUMBER = (
    rf"(?:(?P<digits>{_DIGITS})|(?P<words>{_WORDS})(?![A-Za-z]))"
    # "two and a half years", "seven-and-a-half", "two and three-quarter inches"; in words, a
    # decimal said aloud: "two point five kilograms" (not "at one point five people said")
    rf"(?:(?P<half>[\s-]and[\s-](?:{_AND_PART}))|"
    rf"(?<!\bat\sone)(?<!\bAt\sone)(?<=[a-z])(?P<point>\s+point(?:\s+(?:{_DIGIT_WORD}))+(?![\w-])))?"
    # "5 million", "5m", "$2bn-a-year", "$1m-$2m" (not "a 40m-long hull", "3 m/s", the era
    # of "2550 B.C."), and hyphenated "a $5-million grant", "his two-million-person list"
    rf"(?:\s?(?P<scale>(?:{_BIG})\b|(?:{_SHORT_SCALE})\b"
    rf"(?!-(?!an?-|per-|[$£€]?\d[\d.,]*(?:{_SHORT_SCALE})\b)|\s?/\s?s\b|(?<=b)\.\s?C\.)|"
    rf"mill(?=\.{_MONEY_NEXT}))(?:{_SCALE_STOP})?|"
    rf"-(?P<hscale>(?:thousand|million|billion|trillion|lakhs?|crores?)\b))?"
)


_NUMBER_RE = re.compile(_NUMBER, re.IGNORECASE)
_NUMBER_PLAIN = re.sub(r"\?P<\w+>", "?:", _NUMBER)
_QUAL_RE = "|".join(q for q, _ in _QUALIFIERS)


# The news' own prefixes but the rand's and the naira's letters, which need a plainly money-like
# number after them (_CUR).
_NEWS_SIGNS = [re.escape(s) for s in sorted(NEWS_PREFIX, key=len, reverse=True) if len(s) > 1]
_SIGNS = sorted((s for s in SYMBOLS if s.lower() not in CURRENCY_PREFIX), key=len, reverse=True)


_CUR = (
    # "A$5" is Australian, "A $160 billion megamerger" is the article
    r"\b(?-i:US|HK|AU|C|CA|NZ)\s?\$|\b(?-i:A|S|R)\$|\$\s?(?-i:US|AU|A|NZ|HK|C|S)(?=\d)|"
    # in lower-cased text: glued to the sign, or apart where the letters are no English word
    # ("hk$", "c $"; not "cost us $5", "a $5 bill")
    r"\b(?-i:us|hk|a|au|c|ca|nz|s|r)\$|(?<![\w'’])(?-i:hk|au|c|ca|nz)\s\$|\$|£|₤|€|¥|₹|₩|₽|"
    # "Y=100 million": the yen sign as Reuters' wire text writes it
    r"\b(?-i:RM|Rs\.?|rs\.?(?=\s?\d))|\b(?-i:Y=)(?=\d)|"
    rf"\b(?-i:{'|'.join(_PRESS)})\.?(?=\s?\d)|"
    r"\b(?-i:PS)(?=\d[\d.]*\s?(?:m|bn|k|million|billion)\b|\d{1,3},\d{3})|"
    # the Penn Treebank's pound sign, set apart as it tokenises (its Wall Street Journal had no
    # "£"): "# 50 million", "# 1,500"; not "#1" or a tag, which stand glued
    r"(?<![\w#&])#(?=\s(?:\d[\d.]*\s(?:million|billion)\b|\d{1,3}(?:,\d{3})+(?![\d,])))|"
    # the news' own (NEWS_PREFIX): "KSh 500", "Rp500,000", "Dh2 billion"; a rand or a naira only
    # with thousands, cents or a scale ("R7,500", "R18.00", "R1.5bn", "N500 billion")
    rf"(?<![A-Za-z])(?-i:{'|'.join(_NEWS_SIGNS)})(?=\s?\d)|"
    r"\b(?-i:R)(?=\d{1,3}(?:,\d{3})+(?![\d,])|\d+\.\d\d(?![\d.])|"
    r"\d+(?:\.\d+)?\s?(?:bn|billion|million|trillion|m)\b)|"
    r"\b(?-i:N)(?=\d+(?:\.\d+)?\s?(?:bn|billion|million|trillion)\b)|"
    # CLDR's signs and codes (currencies.py): "MX$", "₾", "MXN 500"
    rf"(?<![A-Za-z])(?-i:{'|'.join(re.escape(s) for s in _SIGNS) or '(?!)'})|"
    # the codes as written, and in lower-cased text too ("eur 5 million", "sek 120"; no English
    # word: LOWER_CODES);
    # a code before a dollar or peso sign says whose it is ("MXN $2.50", "AUD $12")
    rf"\b(?-i:{'|'.join(sorted(_CODES_BEFORE))})"
    r"(?:\s?\$)?(?=\s?\d)"
)


_PCT = r"%|percent\b|per cent\b|percentage points?\b|pc\b|pct\b"  # "pct": the newswires'


FIGURE = re.compile(
    # A figure starts where a word or a symbol starts, never inside a word (but after a
    # dimension's "x": "1920x1080", "12\"x8\""): the engine gives up on all other positions at once.
    rf"(?:(?<![A-Za-z0-9_/])|(?<=\d[xX])|(?<=\d[\"”″'’′][xX]))(?<!\d[,.])(?P<qual>(?:{_QUAL_RE})\s*)?"
    rf"(?P<neg>(?:minus|negative)[\s-]?|−)?"
    rf"(?P<cur>{_CUR})?\s?"
    rf"(?P<num>{_NUMBER})"
    # a scale only money's sign makes one: "$5 mill", "Rs 500 cr" (not "51 Cr", chromium)
    rf"(?(cur)(?:\s(?P<tail>(?-i:mill|cr|Cr|CR))\b(?!\.\w))?)"
    # a price's dash for no cents: India's "500/- rupees", Europe's "50,- €", "50.- CHF"
    r"(?:(?:/-|[.,]-(?=\s?(?:[€$£¥]|[A-Za-z]{3}\b)))(?![\w-]))?"
    # a power of ten written with a caret, a sign or superscripts ("3 x 10^8", "2.998×10−8",
    # "6.02×10²³"); "1920 x 1080 pixels" is two numbers
    rf"(?P<exp>\s?[×x]\s?10(?:\^(?P<power>[−-]?\d{{1,2}})|(?P<signed>[−-]\d{{1,2}})|"
    rf"(?P<sup>⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]{{1,2}}))(?!\d)|"
    # or an "e": "6.67e-11", "4E-7"; the second number of a range takes one too ("1e5 to 2e5")
    rf"{_e_note('enote')})?"
    rf"(?P<pct0>\s?%)?"
    # ("18-to-34-year-olds", "a 5-to-4 decision": "to" written with hyphens is "to"; and
    # the first of two hyphened units left hanging: "a 10- to 15-minute walk")
    rf"(?:\s*(?:-(?=to-\d)|-\s+(?=to\s+\d[\d.,]*-[a-z]))?(?P<join>-|–|—|to|and)"
    rf"(?:(?<=to)-(?=\d))?"
    rf"\s*(?:(?P<cur2>{_CUR})\s?)?(?P<num2>{_NUMBER_PLAIN})"
    rf"(?:{_e_note('enote2')})?)?"
    rf"(?P<pct>\s?(?:{_PCT}))?",
    re.IGNORECASE,
)


# A power of ten's superscript digits and sign (and a minus sign), as plain ones.
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻−", "0123456789--")


def times_ten(value: float, power: str | None) -> float:
    """``value`` times ten to ``power`` (digits, superscripts or none), shifted in decimal:
    2.66e-16, not 2.6600000000000003e-16."""
    if not power:
        return value
    return float(Decimal(repr(value)).scaleb(int(power.translate(SUPERSCRIPTS))))


FRACTION = re.compile(rf"half|{_APART_PART}|{_HYPHEN_PART}", re.IGNORECASE)


SHARE = re.compile(rf"\b(?:{FRACTION.pattern})\b", re.IGNORECASE)


def words_value(words: str) -> tuple[float, float | None]:
    """The value of number words, and the top of the range for "thousands of" and the like."""
    joined = " ".join(words.lower().replace("-", " ").split())
    special = {"a dozen": 12.0, "half a dozen": 6.0, "half a million": 5e5,
               "half": 0.5, "quarter": 0.25, "half a billion": 5e8, "a half dozen": 6.0,
               "a half million": 5e5, "a half billion": 5e8}
    if joined in special:
        return special[joined], None
    part = re.fullmatch(r"(\w+) (\w+?)s?", joined)
    if part and part.group(1) in _NUMERATORS and part.group(2) in _DENOMINATORS:
        return _NUMERATORS[part.group(1)] / _DENOMINATORS[part.group(2)], None  # "a third"
    part = re.fullmatch(r"(half|a quarter|quarter|three quarters)(?: of)?(?: a)? (\w+)", joined)
    if part:
        share = {"half": 0.5, "three quarters": 0.75}.get(part.group(1), 0.25)
        return share * _BIG_WORDS[part.group(2)], None
    vague = {"dozens": (12.0, 120.0), "hundreds": (1e2, 1e3), "thousands": (1e3, 1e4),
             "millions": (1e6, 1e7), "billions": (1e9, 1e10), "tens of thousands": (1e4, 1e5),
             "tens of millions": (1e7, 1e8), "hundreds of millions": (1e8, 1e9),
             "hundreds of thousands": (1e5, 1e6)}
    if joined in vague:
        return vague[joined]
    some = re.fullmatch(r"(several|a few|a couple of) (dozen|hundred|thousand|million|billion)",
                        joined)
    if some:  # how many "several", "a few" and "a couple" say, as ranges of the scale
        low, high = {"several": (3, 9), "a few": (3, 5), "a couple of": (2, 3)}[some.group(1)]
        return low * _BIG_WORDS[some.group(2)], high * _BIG_WORDS[some.group(2)]
    total = current = 0.0
    previous = ""
    for token in joined.split():
        if token in ("a", "an"):
            current = max(current, 1.0)
        elif token in NUMBER_WORDS or token in TENS_WORDS:
            current += NUMBER_WORDS.get(token, TENS_WORDS.get(token, 0))
        elif token == "hundred":
            current = (current or 1.0) * 100
        elif token in _BIG_WORDS and total and not current and previous in _BIG_WORDS:
            total *= _BIG_WORDS[token]  # scales said one after the other: "two lakh crore"
        elif token in _BIG_WORDS:
            total += (current or 1.0) * _BIG_WORDS[token]
            current = 0.0
        previous = token
    return total + current, None


def digits_value(digits: str) -> float:
    """"1,500" -> 1500, "4 5/8" -> 4.625, "2½" and "2 ½" -> 2.5, "12,34,567" -> 1234567."""
    if digits[-1] in VULGAR:
        whole = digits[:-1].strip(" -")  # "2½", "5 ½", "15-½"
        return (float(whole) if whole else 0.0) + VULGAR[digits[-1]]
    if "/" in digits:
        whole, _, fraction = digits.replace("-", " ").rpartition(" ")
        top, _, bottom = fraction.partition("/")
        return (float(whole) if whole else 0.0) + int(top) / int(bottom)
    return float(digits.replace(",", ""))


def parse_number(match: re.Match[str], group: str) -> float | None:
    """The value of a ``_NUMBER`` match stored under ``group``."""
    text = match.group(group)
    if text is None:
        return None
    begin = match.start(group)
    while match.string[begin].isspace():
        begin += 1
    # Matched in place, so that a lookahead ("thousands" before "of") sees what follows.
    sub = _NUMBER_RE.match(match.string, begin, match.end(group) + 40)
    if sub is None:
        return None
    if sub.group("digits"):
        value = digits_value(sub.group("digits"))
    else:
        value = words_value(sub.group("words"))[0]
    if sub.group("half"):
        # a part of the last denomination: "two and a half", "a million and a half" (1.5 million)
        last = (sub.group("words") or "").lower().split()[-1:]
        part = AND_PARTS[" ".join(re.split(r"[\s-]+", sub.group("half").lower())[2:])]
        value += part * (_BIG_WORDS.get(last[0], 1.0) if last else 1.0)
    if sub.group("point"):  # "two point five": the digits after the point, said one by one
        said = sub.group("point").lower().split()[1:]
        value += float("0." + "".join(str(_DIGIT_NAMES[d]) for d in said))
    scale = sub.group("scale") or sub.group("hscale")
    if scale:
        value = scaled(value, scale)
    return value


def qualifier_of(text: str | None) -> Qualifier:
    if not text:
        return "exact"
    t = text.strip().lower()
    for pattern, qualifier in _QUALIFIERS:
        if re.fullmatch(pattern, t):
            return qualifier
    return "exact"
