"""Deterministic figure extraction: every quantity in a text, with value, unit and qualifier.

"approximately 10,000 troops" -> value 10000, unit "troops", qualifier "approximate".

What a figure is here:

* digits with separators and decimals, number words ("three", "twenty-eight thousand six hundred
  forty-two", "a dozen", "half a million"), scales ("1.5 million", "$6bn", "EUR50m"), negatives
  ("minus 233", "-5 yards"), scientific notation ("2.998×10−8");
* percentages, money (symbols, codes and transliterations: "$", "HK $", "USD1,700", "PS6m" for
  "£6m" as ASCII folding writes it), ranges ("between 8,000 and 12,000", "5% to 10%", "15-22
  miles per hour");
* "hundreds/thousands/millions of" as ranges (1,000 to 10,000 for "thousands of").

The unit is what is counted or measured: a symbol or a measurement word ("5kW", "570 sq m",
"10 kV/cm"), a currency, "years old" for ages ("Maddon, 66,", "aged 35", "he was 10"), or the
noun phrase after the number up to its plural head ("14 first-team players", "digital and
physical sales", "categories of products"), what a share is of ("half the condos"), or what
sized containers count ("eight million 250ml bottles"). A number with no unit of its own takes
one from a coordinated neighbour ("eight or nine euros", "from 208 pounds to 193", "6 million
homes, including 1.5 million"), from a parallel clause ("rose by 2 percent but X fell by 1."),
or is an index level in points where the sentence counts index points. The change is ``=``,
``~``, ``>``, ``<`` from the qualifier, or ``up``/``down`` from a movement verb ("fell 2%",
"rose to 5%", "lost 190 points, or 0.6%"); a restatement in parentheses or after ", or"
carries its antecedent's qualifier and change ("more than 100 kilometres (60 miles)").

What is not a figure, and why:

* dates: a day next to a month name ("October 30", "5 November"), years (1800-2100 unless
  something is counted after them: "2000 - 2500 calories") and eras ("between A.D. 1000 and
  1260") are dates, not quantities;
* identifiers: a number glued to letters ("Guliyev2812", "F-16", "COVID-19") or after a label
  word ("Section 427", "Row 21", "No. 5", "Article 5"), a name ("iPhone 12") or an index's name
  ("S&P 500", "FTSE 100"), and ZIP codes;
* ordinals ("22nd", "third"), clock times ("10:30", "5am", "0401 GMT") and sports scores
  ("2-1").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from .schema import Qualifier

__all__ = ["FigureMention", "canonical_unit", "extract_figures", "parse_number"]

_UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_BIG_WORDS = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SCALES = {
    **_BIG_WORDS,
    "k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12,
}
_CURRENCY_PREFIX = {
    "$": "USD", "us$": "USD", "usd": "USD", "£": "GBP", "ps": "GBP", "€": "EUR", "¥": "JPY",
    "eur": "EUR", "gbp": "GBP", "hk$": "HKD", "hkd": "HKD", "a$": "AUD", "au$": "AUD",
    "aud": "AUD", "c$": "CAD", "ca$": "CAD", "cad": "CAD", "nz$": "NZD", "nzd": "NZD",
    "s$": "SGD", "sgd": "SGD", "rm": "MYR", "rs": "INR", "rs.": "INR", "₹": "INR", "inr": "INR",
    "₩": "KRW", "₽": "RUB", "jpy": "JPY", "cny": "CNY", "chf": "CHF", "r$": "BRL",
    "$us": "USD", "$a": "AUD", "$au": "AUD", "$nz": "NZD", "$hk": "HKD", "$c": "CAD",
    "$s": "SGD", "y=": "JPY",
}
_CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
    "pounds": "GBP", "yen": "JPY", "yuan": "CNY", "rubles": "RUB", "roubles": "RUB",
}
# Currency names that take a country before them ("Australian dollars", "Danish crowns").
_NATIONAL_CURRENCY = re.compile(
    r"dollars?|crowns?|kron(?:a|e|er|or)|pesos?|rupees?|francs?|pounds?|shekels?|rand|won|"
    r"yen|yuan|lira|ringgit|ruble?s|roubles?|kuna|dinars?|riyals?|dirhams?", re.IGNORECASE)
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_QUALIFIERS: list[tuple[str, Qualifier]] = [
    (r"approximately|approx\.?|about|around|roughly|nearly|almost|some|an estimated|estimated|"
     r"close to|circa|ca\.|~", "approximate"),
    (r"more than|over|at least|upwards of|in excess of|exceeding|above|>|≥|no fewer than|"
     r"no less than|higher than|greater than|larger than|bigger than", "at_least"),
    (r"up to|less than|fewer than|under|at most|below|no more than|<|≤|as many as|as much as|"
     r"lower than|smaller than", "at_most"),
]
_LABELS = {
    "section", "row", "no", "no.", "number", "article", "chapter", "page", "room", "flight",
    "route", "highway", "seat", "gate", "level", "grade", "version", "model", "episode",
    "season", "volume", "vol", "part", "item", "rule", "resolution", "amendment", "paragraph",
    "zip", "code", "postcode", "a.d.", "ad", "bc",
}
# Capitalised words that start a title-cased phrase, not a name: "With 275 pound-feet".
_FUNCTION_WORDS = {
    "with", "in", "on", "at", "by", "for", "from", "to", "of", "and", "but", "or", "the", "a",
    "an", "about", "after", "over", "under", "some", "all", "only", "just", "nearly", "than",
    "its", "his", "her", "their", "our", "my", "your", "has", "had", "have", "was", "were", "is",
    "are", "be", "says", "said", "reported", "total", "another", "last", "first", "every",
}
_STOP_UNIT = {
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
}
# Words ending in "s" that are not plural nouns.
_NOT_PLURAL = {
    "has", "was", "is", "does", "goes", "says", "its", "this", "thus", "plus", "as", "us", "yes",
    "less", "unless", "across", "always", "perhaps", "whereas", "besides", "towards", "news",
    "afterwards", "nevertheless", "sometimes", "his", "hers", "ours", "yours",
    "theirs", "series", "species", "means", "gas", "bus", "bonus", "status", "campus",
}
_ED_NOUNS = {"speed", "breed", "creed", "greed", "hundred", "kindred", "steed", "seabed",
             "seaweed", "bloodshed", "watershed", "riverbed", "tweed"}
_IRREGULAR_PLURALS = {
    "people", "men", "women", "children", "police", "staff", "cattle", "feet", "teeth", "mice",
    "personnel", "data", "geese", "troops", "sheep", "fish", "deer", "aircraft", "crew",
}

_NUM_WORD = "|".join(sorted([*_UNITS_WORDS, *_TENS_WORDS], key=len, reverse=True))
_BIG = "hundred|thousand|million|billion|trillion"
_GROUP = rf"(?:{_NUM_WORD})(?:[- ](?:{_NUM_WORD}))?"
_WORDS = (
    rf"half a (?:dozen|million|billion)|a dozen|dozens|"
    rf"(?:half|a third|two[- ]thirds|a quarter|three[- ]quarters)(?=\s+(?:of|the)\b)|"
    # "fell by a third", "cut costs by a fifth"
    rf"(?<=\bby\s)(?:half|a third|two[- ]thirds|a quarter|three[- ]quarters|a fifth|a tenth)"
    rf"\b|"
    rf"(?:tens of thousands|hundreds of thousands|hundreds|thousands|millions|billions)"
    rf"(?=\s+of\b)|"
    rf"(?:a|an|{_GROUP})(?:\s+(?:{_BIG})(?:\s+(?:and\s+)?{_GROUP})?)+|"
    rf"{_GROUP}"
)
# Fractions in digits ("4 5/8", "2 1/2 years", "7/8") have a denominator of halves, thirds,
# quarters, fifths or eighths to sixty-fourths: "9/11" and "24/7" are not fractions.
_DIGIT_FRACTION = r"(?:\d+\s)?[1-9]\d?/(?:2|3|4|5|8|16|32|64)(?![\d/])"
_DIGITS = rf"{_DIGIT_FRACTION}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_SCALE = r"hundred|thousand|million|billion|trillion|bn|mn|tn|trn|k|m|b"
_NUMBER = (
    rf"(?:(?P<digits>{_DIGITS})|(?P<words>{_WORDS})(?![A-Za-z]))"
    rf"(?:\s?(?P<scale>(?:{_BIG})\b|(?:bn|mn|tn|trn|k|m|b)\b(?!-)))?"
)
_NUMBER_RE = re.compile(_NUMBER, re.IGNORECASE)
_NUMBER_PLAIN = re.sub(r"\?P<\w+>", "?:", _NUMBER)
_QUAL_RE = "|".join(q for q, _ in _QUALIFIERS)
_CUR = (
    r"\b(?-i:US|HK|A|AU|C|CA|NZ|S|R)\s?\$|\$\s?(?-i:US|AU|A|NZ|HK|C|S)(?=\d)|\$|£|€|¥|₹|₩|₽|"
    # "Y=100 million": the yen sign as Reuters' wire text writes it
    r"\b(?-i:RM|Rs\.?)|\b(?-i:Y=)(?=\d)|"
    r"\b(?-i:USD|EUR|GBP|AUD|CAD|HKD|NZD|SGD|JPY|CNY|INR|CHF)(?=\s?\d)|"
    r"\b(?-i:PS)(?=\d[\d.]*\s?(?:m|bn|k|million|billion)\b|\d{1,3},\d{3})"
)
_PCT = r"%|percent\b|per cent\b|percentage points?\b|pc\b"
_FIGURE = re.compile(
    # A figure starts where a word or a symbol starts, never inside a word: the engine gives up
    # on all other positions at once.
    rf"(?<![A-Za-z0-9_/])(?P<qual>(?:{_QUAL_RE})\s*)?"
    rf"(?P<neg>(?:minus|negative)[\s-]?|−)?"
    rf"(?P<cur>{_CUR})?\s?"
    rf"(?P<num>{_NUMBER})"
    rf"(?P<exp>\s?[×x]\s?10\^?(?P<power>[−-]?\d{{1,2}}))?"
    rf"(?P<pct0>\s?%)?"
    rf"(?:\s*(?P<join>-|–|—|to|and)\s*(?P<cur2>{_CUR})?(?P<num2>{_NUMBER_PLAIN}))?"
    rf"(?P<pct>\s?(?:{_PCT}))?",
    re.IGNORECASE,
)
_BETWEEN = re.compile(r"(?:between|from)\s*$", re.IGNORECASE)
_HYPHEN_ADJECTIVES = {"strong", "fold", "magnitude", "odd", "plus", "long", "wide", "high",
                      "tall", "deep", "thick", "point"}
_HYPHEN_UNIT = re.compile(r"^-([a-z]+)(?P<old>-olds?)?(?:-[a-z]+)*\b")
_PER = re.compile(r"\s*(?:per|a|an|each)[\s-]((?:square |cubic )?[a-z]+)\b(?<!\bthe)"
                  # not a rate: "a week earlier"
                  r"(?!\s+(?:earlier|ago|later|before|after|prior)\b)")
_GLUED_UNIT = re.compile(r"^([A-Za-zμµ°″]+(?:/[A-Za-z]+\d?)?)(?![A-Za-z])")
_SYMBOL_UNIT = re.compile(r"^\s?([A-Za-zμµ°]{1,4}(?:/[A-Za-z]{1,3}\d?)?)\b(?!['’-])")
_AREA_UNIT = re.compile(
    r"^\s?((?:sq\.?|square|cubic)\s?(?:m|ft|km|mi|yd)\b|(?:square|cubic)\s+[a-z]+|"
    r"basis points?\b|percentage points?\b|light[ -]years?\b|"
    r"(?:degrees?\s+)?(?:fahrenheit|celsius|centigrade|kelvin)\b|degrees?\s+[FC]\b)",
    re.IGNORECASE)
_YEARS_OLD = re.compile(r"^[\s-](years?|months?|weeks?|days?)[\s-]olds?\b", re.IGNORECASE)
_CAPS_CURRENCY = re.compile(r"^\s((?-i:[A-Z]{3}))\b")
_WORD = re.compile(r"\s+([a-z][A-Z][a-z'-]+|[A-Za-z][a-z'-]*)")  # "iPhones" too
_CAPITALISED = re.compile(r"^\s+((?:[A-Z][\w'’.-]*\s+){1,3})([A-Za-z][a-z-]*)")
_TIME_SUFFIX = re.compile(r"\s?(?:a\.?m\.?|p\.?m\.?)(?![A-Za-z])", re.IGNORECASE)
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_MOVES = (
    r"(?P<up>up|rose|rise|rises|rising|increased?|increases|increasing|gained?|gains|"
    r"gaining|climbed|climbing|climbs|jumped|jumps|surged|surging|soared|soaring|grew|grow|"
    r"grows|grown|added|adding|higher|advanced|advancing|advances|rallied|improved|boosted|"
    r"rocketed|skyrocketed|leapt|leaped|spiked|rebounded|recovered|firmed|strengthened)|"
    r"(?P<down>down|fell|falling|fall|falls|dropped|drop|drops|dropping|declined?|declines|"
    r"declining|lost|loses|losing|decreased?|decreases|slipped|slid|slides|sliding|slumped|"
    r"plunged|plunging|plummeted|plummeting|lower|shed|sank|sinking|tumbled|tumbling|eased|"
    r"easing|dipped|dips|dip|narrowed|shrank|retreated|cut|crashed|collapsed|dived|dove|"
    r"weakened|sagged|skidded)"
)
# A movement right before the figure ("fell 2%", "up by a third"), or a few words before "by"
# ("grow sales by 35%").
_TREND = re.compile(rf"\b(?:{_MOVES})\s+(?:by\s+)?(?:an?\s+)?$", re.IGNORECASE)
_TREND_BY = re.compile(rf"\b(?:{_MOVES})\s+(?:[\w’'-]+\s+){{1,4}}by\s+(?:an?\s+)?$",
                       re.IGNORECASE)
_CHANGE = {"exact": "=", "approximate": "~", "at_least": ">", "at_most": "<", "range": "="}
_PRONOUN_AGE = re.compile(
    r"\b(?:he|she|who|i|you|they|we)\s+(?:is|was|will be|would be|would have been|had been|"
    r"has been|is now|was then|turned|turns|turning|becomes|became|be)\s+$", re.IGNORECASE)
_SPOKEN_YEAR = re.compile(
    r"(?:eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)"
    r"[ -](?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -](?:one|two|three|four|five|"
    r"six|seven|eight|nine))?", re.IGNORECASE)
_CALENDAR = re.compile(rf"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                       rf"{_MONTHS})\b", re.IGNORECASE)
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|\n\s*)[\"'“‘(]?\s*$")
_PHRASAL_UP = re.compile(r"\b(?:grow|grows|growing|grew|grown|give|gives|giving|gave|set|sets|"
                         r"setting|end|ends|ending|ended|turn|turned|turning|show|showed|showing|"
                         r"pick|picked|sign|signed|signing|wind|wound|use|used|using|make|made|"
                         r"making|stand|stood|standing|speak|spoke|speaking|line|lined)\s+up\s+"
                         r"(?:[a-z]+\s+){0,3}$", re.IGNORECASE)
_APPOSITION_AGE = re.compile(r"[A-Z][\w'’-]+,\s*$")
_WEIGHT_CONTEXT = re.compile(
    r"\b(?:weigh\w*|heav(?:y|ier|iest)|light(?:er|est)|lbs?|shape|fat|diet|body|muscle|obes\w*|"
    r"born|baby|babies|fish|catch|exercis\w*|kilo\w*|kg)\b", re.IGNORECASE)
_PARTITIVE = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|our|these|those|[A-Z][\w'’-]*(?:'s|’s|s'))(?=\s)")
_SUSPENDED = re.compile(r"-(?=[\s,])[^.;:]{0,40}?\b[\w]+-([a-z]+)\b")
_SIZED = re.compile(r"\s\d[\d.,]*(?:\s?(?:ml|l|cl|oz|g|kg|lb|in|inch|ft|mm|cm|m|litre|liter)"
                    r"(?![A-Za-z])-?|-[a-z]+(?=\s))")  # "250ml bottles", "500-page books"
_FRACTION = re.compile(r"half|a third|two[- ]thirds|a quarter|three[- ]quarters|a fifth|"
                       r"a tenth", re.IGNORECASE)
_SHARE = re.compile(rf"\b(?:{_FRACTION.pattern})\b", re.IGNORECASE)
_AGED = re.compile(r"\b(?:aged|age of|ages of)\s+(?:just\s+|only\s+|about\s+)?$",
                   re.IGNORECASE)


@dataclass(frozen=True)
class FigureMention:
    text: str
    value: float
    unit: str | None
    qualifier: Qualifier
    low: float | None
    high: float | None
    start: int
    end: int
    change: str = "="

    def as_dict(self) -> dict[str, Any]:
        return dict(vars(self))  # the fields are plain values: no deep copy needed


def _words_value(words: str) -> tuple[float, float | None]:
    """The value of number words, and the top of the range for "thousands of" and the like."""
    joined = " ".join(words.lower().replace("-", " ").split())
    special = {"a dozen": 12.0, "half a dozen": 6.0, "dozens": 24.0, "half a million": 5e5,
               "half": 0.5, "a third": 1 / 3, "two thirds": 2 / 3, "a quarter": 0.25,
               "three quarters": 0.75, "a fifth": 0.2, "a tenth": 0.1,
               "half a billion": 5e8}
    if joined in special:
        return special[joined], None
    vague = {"hundreds": (1e2, 1e3), "thousands": (1e3, 1e4), "millions": (1e6, 1e7),
             "billions": (1e9, 1e10), "tens of thousands": (1e4, 1e5),
             "hundreds of thousands": (1e5, 1e6)}
    if joined in vague:
        return vague[joined]
    total = current = 0.0
    for token in joined.split():
        if token in ("a", "an"):
            current = max(current, 1.0)
        elif token in _UNITS_WORDS or token in _TENS_WORDS:
            current += _UNITS_WORDS.get(token, _TENS_WORDS.get(token, 0))
        elif token == "hundred":
            current = (current or 1.0) * 100
        elif token in _BIG_WORDS:
            total += (current or 1.0) * _BIG_WORDS[token]
            current = 0.0
    return total + current, None


def _digits_value(digits: str) -> float:
    """"1,500" -> 1500, "4 5/8" -> 4.625."""
    if "/" in digits:
        whole, _, fraction = digits.rpartition(" ")
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
        value = _digits_value(sub.group("digits"))
    else:
        value = _words_value(sub.group("words"))[0]
    scale = sub.group("scale")
    if scale:
        value *= _SCALES[scale.lower()]
    return value


def _qualifier_of(text: str | None) -> Qualifier:
    if not text:
        return "exact"
    t = text.strip().lower()
    for pattern, qualifier in _QUALIFIERS:
        if re.fullmatch(pattern, t):
            return qualifier
    return "exact"


def _plural(word: str, value: float) -> str:
    if value == 1 or word.endswith("s"):
        return word
    return word + "s"


def _is_plural(word: str) -> bool:
    w = word.lower()
    if w in _IRREGULAR_PLURALS:
        return True
    return (len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous"))
            and w not in _NOT_PLURAL)


def _participle(word: str) -> bool:
    """"recorded", "combined": a verb form, not what is counted."""
    return len(word) > 4 and word.endswith("ed") and word.lower() not in _ED_NOUNS


def _is_date_or_identifier(text: str, start: int, end: int, digits: str | None) -> bool:
    before = text[max(0, start - 12):start]
    after = text[end:end + 30]
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_"):
        return True  # glued to a word: Guliyev2812
    if re.search(r"(?:[A-Za-z]|[A-Z]\s)-$", before) and digits and \
            not re.search(r"\b(?:sub|over|under|minus)-$", before, re.IGNORECASE):
        return True  # F-16, COVID-19, COVID -19
    if re.search(r"\d[:.]$", before) or re.match(r"(?:st|nd|rd|th|s)\b|:\d\d|’s\b|'s\b", after,
                                                   re.IGNORECASE):
        return True  # ordinal or clock time
    if re.search(rf"\b(?:{_MONTHS})\.?\s*$", before, re.IGNORECASE):
        return True  # October 30
    if re.match(rf"\s*(?:{_MONTHS})\b", after, re.IGNORECASE) and digits and len(digits) <= 2:
        return True  # 30 October
    if digits and _YEAR.match(digits):
        counted = re.match(r"\s*(?:(?:-|–|to|and)\s*(?!(?:1[89]|20)\d\d\b)\d[\d,.]*\s*)?"
                           r"(%|percent|[a-z]+s\b)", after, re.IGNORECASE)
        if not counted or counted.group(1) != "%" and not (
                counted.group(1).lower() == "percent" or _is_plural(counted.group(1)) and
                counted.group(1).lower() not in _STOP_UNIT):
            return True  # 2024, "in 2011 was" (but "2000 - 2500 calories")
    if re.match(r"\s*(?:zip|postal|post|area)\s?codes?\b", after, re.IGNORECASE):
        return True  # the 90049 ZIP code
    if digits and re.fullmatch(r"(?:[01]\d|2[0-3])[0-5]\d", digits) and re.match(
            r"\s?(?:GMT|UTC|EDT|EST|CET|CEST|BST|PDT|PST|IST|JST|hrs|hours)\b", after):
        return True  # 0401 GMT: a clock time
    if re.search(r"\b(?:S&P|S\s?P|Nasdaq|FTSE|Russell|Stoxx|Nikkei|CAC|DAX|ASX|TOPIX|MSCI|"
                 r"Wilshire|Dow Jones|Hang Seng|KOSPI|Sensex|Nifty)\s?$", before, re.IGNORECASE) \
            and not re.match(r"\s?(?:%|percent|per cent)", after, re.IGNORECASE):
        return True  # an index's name: "the sp 500", "S&P 500 e-minis", "FTSE 100"
    if digits and (re.match(r"\s*(?:A\.?D\.?|B\.?C\.?E?\.?)(?![A-Za-z])", after) or re.search(
            r"\b(?:A\.?D\.?|B\.?C\.?E?\.?)\s*\d{1,4}\s*(?:and|to|-|–)\s*$",
            text[max(0, start - 20):start])):
        return True  # 1000 AD, "between A.D. 1000 and 1260"
    label = re.search(r"([A-Za-z.]+)\s*$", before)
    return bool(label and label.group(1).lower() in _LABELS and digits)


_MEASURE_WORDS: set[str] = set()  # filled below, once the unit names are known


def _measure_follows(text: str, end: int) -> bool:
    """A measurement unit right after ``end``: "15-22 miles", "5-10W", "300 sq m"."""
    m = re.match(r"\s?([A-Za-zμµ°″%]+)", text[end:end + 20])
    return bool(m and (m.group(1).lower() in _MEASURE_WORDS or _AREA_UNIT.match(text[end:])))


def _score_or_code(text: str, m: re.Match[str], value: float, second: float | None) -> bool:
    """Sports scores ("2-1") and product or index names ("S&P 500", "iPhone 12", "Game 2")."""
    if m.group("join") == "-" and second is not None and value.is_integer() and \
            second.is_integer() and max(value, second) < 30 and not m.group("pct") and \
            not m.group("pct0") and \
            not _measure_follows(text, m.end()):
        return True
    if m.group("qual") or m.group("cur") or m.group("pct") or m.group("pct0") or \
            not m.group("digits") or \
            m.group("scale") or _measure_follows(text, m.end("num")):
        return False
    before = text[max(0, m.start("num") - 20):m.start("num")]
    name = re.search(r"([A-Z][\w&/]*|&P)\s$", before)
    if name is None or name.group(1).lower() in _FUNCTION_WORDS:
        return False
    sentence_start = re.search(r"(?:^|[.!?]\s+)[\"'“]?$", before[: name.start()])
    return sentence_start is None or name.start() > 0 and not sentence_start


def _noun_unit(text: str, end: int, value: float) -> tuple[str | None, int]:
    """The lowercase noun phrase after a number, up to its plural head: "first-team players"."""
    words: list[re.Match[str]] = []
    pos = end
    while len(words) < 5:
        w = _WORD.match(text, pos)
        if w is None or not w.group(1)[0].islower():
            break
        words.append(w)
        pos = w.end()
    if not words:
        return None, end
    first = words[0].group(1).lower().rstrip("'-")  # "200,000 to-260,000": a typo, not a unit
    if first == "more" and len(words) > 1:  # "eight more picks"
        words, first = words[1:], words[1].group(1).lower()
    if first in _STOP_UNIT:
        return None, end
    if not _is_plural(first) and first not in _MEASURE_WORDS and re.match(
            r"\s+(?:the|a|an|this|that|these|those|his|her|its|their|our|than)\b",
            text[words[0].end():words[0].end() + 8]):
        return None, end  # a verb or a comparative: "73 raising the", "40k cheaper than"
    head = 0
    if value != 1 and first not in _MEASURE_WORDS and not _is_plural(first):
        reach = 3  # "first-team players"; with a coordination, "digital and physical sales"
        for i, w in enumerate(words[1:5], start=1):
            word = w.group(1).lower()
            if word in ("and", "or") and reach == 3 and i < len(words) - 1:
                reach = 5
                continue
            if i >= reach or word in _STOP_UNIT:
                break
            if _is_plural(word):
                head = i  # "first-team players", "trading days"
                break
            if word in _MEASURE_WORDS:
                break
        if head == 0 and (_participle(first) or len(first) > 5 and first.endswith("ing")):
            return None, end  # "2.7m combined", "a third of those screened": not what is counted
    unit = " ".join(w.group(1) for w in words[: head + 1])
    stop = words[head].end(1)
    if unit.endswith(("'s", "’s")):
        unit, stop = unit[:-2], stop - 2  # "six people's lives": people
    kind = re.match(r"\s+of\s+([a-z][a-z-]*)\b", text[stop:stop + 30])
    last = unit.split()[-1]
    if kind and _is_plural(last) and last not in _MEASURE_WORDS and \
            _is_plural(kind.group(1)) and kind.group(1) not in _MEASURE_WORDS:
        unit, stop = f"{unit} of {kind.group(1)}", stop + kind.end(1)  # "categories of products"
    if first == "times":
        unit = "times"
    return unit, stop


def _unit_after(text: str, end: int, value: float, glued: bool) -> tuple[str | None, int]:
    """The unit right after a number and where it ends."""
    rest = text[end:end + 60]
    size = _SIZED.match(rest)
    if size and not glued and value != 1:
        unit, stop = _noun_unit(text, end + size.end(), value)
        if unit is not None and _is_plural(unit.split()[-1]):
            return unit, stop  # "eight million 250ml bottles": bottles, each of 250ml
    if glued:
        g = _GLUED_UNIT.match(rest)
        if g and g.group(1) == "G" and value in (2, 3, 4, 5, 6):
            return "G", end + 1  # 5G: a generation of mobile networks (grams are "g")
        if g:
            return g.group(1), end + g.end(1)
    old = _YEARS_OLD.match(rest)
    if old:
        return f"{old.group(1).lower().rstrip('s')}s old", end + old.end()
    suspended = _SUSPENDED.match(rest)
    if suspended and re.match(r"-\s*(?:,\s*[\w]+-\s*)*,?\s*(?:and|or|to)\s", rest):
        # "four-, five- and six-cylinder engines": each number takes the last one's unit
        return _plural(suspended.group(1).lower(), value), end + 1
    hyphen = _HYPHEN_UNIT.match(rest)
    if hyphen:
        word = hyphen.group(1).lower()
        if word in _HYPHEN_ADJECTIVES:
            return word, end + hyphen.end(1)  # "2,000-strong", "7.8-magnitude", "3-fold"
        return _plural(word, value), end + hyphen.end(1)  # three-year-long
    area = _AREA_UNIT.match(rest)
    if area:
        return " ".join(area.group(1).split()), end + area.end(1)
    symbol = _SYMBOL_UNIT.match(rest)
    if symbol and (symbol.group(1).lower() in _UNIT_NAMES and
                   symbol.group(1).lower() not in _GLUED_ONLY or
                   _compound_symbol(symbol.group(1))):
        return _rate(text, symbol.group(1), end + symbol.end(1))
    word = re.match(r"\s([A-Z][a-z]+)\b", rest)
    if word and word.group(1).lower() in _MEASURE_WORDS:
        return word.group(1), end + word.end(1)  # "2500 Calories"
    caps = _CAPS_CURRENCY.match(rest)
    if caps and caps.group(1).lower() in _CURRENCY_PREFIX:
        return _CURRENCY_PREFIX[caps.group(1).lower()], end + caps.end(1)
    if caps and caps.group(1).lower() in _CURRENCY_WORDS:
        return _CURRENCY_WORDS[caps.group(1).lower()], end + caps.end(1)
    # "12 Americans", "40 Democrats voted" (but "1,534,600 Dataproducts common shares")
    proper = re.match(r"\s([A-Z][a-z]{2,})\b(?!['’-])", rest)
    if proper and not (_is_plural(proper.group(1)) and not _CALENDAR.match(proper.group(1))):
        proper = None
    if proper:
        after = re.match(r"\s*(?:[^\w\s]|$)|\s+([a-z]+)\b", rest[proper.end():])
        if after and (after.group(1) is None or after.group(1) in _STOP_UNIT):
            return proper.group(1), end + proper.end(1)
    capitalised = _CAPITALISED.match(rest)
    if capitalised and _CALENDAR.search(capitalised.group(1)):
        capitalised = None  # "fell 7/8 Thursday amid concerns": a day, not a modifier
    if capitalised and _NATIONAL_CURRENCY.fullmatch(capitalised.group(2)):
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
        if unit is None or not (_is_plural(last) or last in _MEASURE_WORDS):
            if proper is not None and capitalised.group(1).split() == [proper.group(1)]:
                return proper.group(1), end + proper.end(1)  # "40 Democrats voted"
            return None, end
        modifiers = " ".join(capitalised.group(1).split()) + " "
    else:
        unit, stop = _noun_unit(text, end, value)
    if unit is None:
        partitive = _PARTITIVE.match(text, end)
        if partitive and value > 1:
            # "35m of its Echo devices": what the number counts comes after "of"
            unit, stop = _unit_after(text, partitive.end(), 2.0, False)
            owner = re.search(r"([A-Z][\w-]*)(?:’s|'s)$", partitive.group())
            if unit and owner and not unit[0].isupper():
                unit = f"{owner.group(1)} {unit}"  # "two of Johnson’s deputies"
            return unit, stop
        if re.match(r"\s+who\b", text[end:end + 5]):
            return "people", end  # "95,800 who have been unemployed"
        return None, end
    unit = modifiers + unit
    if unit == "pounds" and _WEIGHT_CONTEXT.search(text, max(0, end - 80), end + 80):
        unit = "lb"  # "dropping from 208 pounds to 193" by exercising: weight, not money
    return _rate(text, _CURRENCY_WORDS.get(unit, unit), stop)


def _rate(text: str, unit: str, stop: int) -> tuple[str, int]:
    """A unit with the rate after it: "shekels a year", "kg per week"."""
    per = _PER.match(text, stop)
    if per and per.group(1).lower() not in _STOP_UNIT:
        return f"{unit} per {per.group(1).lower()}", per.end(1)
    aside = re.match(r"\s*\([^()]{1,40}\)", text[stop:stop + 44])
    per = _PER.match(text, stop + aside.end()) if aside else None
    if per and per.group(1).lower() not in _STOP_UNIT:
        # "9 billion shekels ($2.408 billion) a year": the rate follows a restatement, which
        # stays a figure of its own
        return f"{unit} per {per.group(1).lower()}", stop
    return unit, stop


def _compound_symbol(symbol: str) -> bool:
    """"kV/cm", "A/cm2": both sides known units."""
    if "/" not in symbol:
        return False
    top, _, bottom = symbol.lower().partition("/")
    return top in _SYMBOLS and bottom.rstrip("23") in _SYMBOLS


def _age_context(text: str, start: int, end: int, value: float) -> bool:
    """A bare whole number that is someone's age: "Maddon, 66,", "aged 35", "she was 10."."""
    if not value.is_integer() or not 0 < value <= 115:
        return False
    before = text[max(0, start - 40):start]
    after = text[end:end + 3]
    if _AGED.search(before):
        return True
    if _APPOSITION_AGE.search(before) and re.match(r"\s*(?:[,)]|\.(?:\s|$))", after):
        return not re.search(r"\b(?:in|on|at|of|by|since|from|and|or)\s+[A-Z][\w'’-]+,\s*$",
                             before)
    return bool(_PRONOUN_AGE.search(before) and re.match(
        r"\s*(?:[.,;]|$)|\s+(?:by|when|and|but|while|at the time)\b", text[end:end + 13]))


def _scan(text: str) -> list[FigureMention]:
    out: list[FigureMention] = []
    pos = 0
    while True:
        anchor = _ANCHOR.search(text, pos)
        if anchor is None:
            break
        m = _FIGURE.search(text, max(pos, anchor.start() - _LOOKBACK))
        if m is None:
            break
        figure = _figure(text, m)
        if figure is None:
            # Only the first number is given up: "in 2018 to 3.9 million" still finds 3.9 million.
            resume = m.end("num") if m.group("join") in ("to", "and") else m.end()
            pos = max(resume, m.start() + 1)
            continue
        out.append(figure)
        pos = max(figure.end, m.start() + 1)
        inner = re.search(r"(?<=\s)\d", text[m.end():figure.end])
        if inner:
            pos = max(m.end() + inner.start(), m.start() + 1)  # the 250ml in "8m 250ml bottles"
    return out


def _figure(text: str, m: re.Match[str]) -> FigureMention | None:
    digits = m.group("digits")
    if not m.group("cur") and _is_date_or_identifier(text, m.start("num"), m.end("num"), digits):
        return None
    if _TIME_SUFFIX.match(text, m.end("num")):
        return None  # 10.45pm, 5 a.m.
    words = m.group("words")
    if words and m.start("num") > 0 and text[m.start("num") - 1].isalpha():
        return None
    if words and _SPOKEN_YEAR.fullmatch(words):
        return None  # "in nineteen ninety-one": a year said aloud
    if words and words[0].isupper() and \
            not _SENTENCE_START.search(text, max(0, m.start("num") - 8), m.start("num")):
        return None  # "Page Six", "the Six Nations": a name
    if digits and re.match(r"/\d", text[m.end("num"):m.end("num") + 2]):
        return None  # odds, dates and the like: "at 40/1", "9/11", "24/7"
    if digits and "/" in digits and _digits_value(digits) % 1 == 0:
        return None  # "4/4", "8/8": not a fraction
    if words and _FRACTION.fullmatch(words) and re.search(
            r"\b(?:first|second|third|fourth|latter|back|front|other|the|this|that)\s+$",
            text[max(0, m.start("num") - 10):m.start("num")], re.IGNORECASE):
        return None  # "the first half of the year": a period, not a fraction
    if words and words.lower() == "one" and not m.group("qual") and not m.group("num2"):
        return None  # "one of the", "one day": too often not a quantity
    value = parse_number(m, "num")
    if value is None:
        return None
    vague_high = None
    if words:
        vague_high = _words_value(words)[1]
    if m.group("power"):
        value *= 10.0 ** int(m.group("power").replace("−", "-"))
    second = parse_number(m, "num2") if m.group("num2") else None
    if _score_or_code(text, m, value, second):
        return None
    start, end = m.start(), m.end()
    n0 = m.start("cur") if m.group("cur") else m.start("num")
    if m.group("neg"):
        value = -value
    elif n0 > 0 and text[n0 - 1] in "-−" and (n0 < 2 or not text[n0 - 2].isalnum()):
        value, start = -value, n0 - 1  # -5 yards
    qual_text = m.group("qual")
    qualifier = _qualifier_of(qual_text)
    if qualifier == "exact" and re.search(r"\bsub-$", text[max(0, n0 - 4):n0], re.IGNORECASE):
        qualifier = "at_most"  # "sub-300 sq m office space"
    low = high = None
    pct = m.group("pct") or m.group("pct0")
    if second is not None:
        between = _BETWEEN.search(text[max(0, start - 10):start])
        moved = m.group("join") == "to" and not between and \
            _TREND.search(text[max(0, start - 30):start])
        if m.group("join") == "and" and not between or m.group("pct0") and not m.group("pct") \
                or words and _FRACTION.fullmatch(words) or moved:
            # "fell by a third to $20 billion", "surged 4 5/8 to 112 5/8": by how much, then
            # the level reached
            # "5 and 6" is two figures, not a range; nor is "rose 0.1% to 1,333": keep the
            # first, the next is found anew.
            end = m.end("pct0") if m.group("pct0") else m.end("num")
            second = None
            pct = m.group("pct0")
        else:
            # "1.5-2 million": the second's scale applies to the first, when that is plausible.
            scale = re.search(rf"\s?({_SCALE})\b", m.group("num2"), re.IGNORECASE)
            if scale and not re.search(rf"\d\s?({_SCALE})\b", m.group("num"), re.IGNORECASE):
                scaled = value * _SCALES[scale.group(1).lower()]
                if scaled <= second:
                    value = scaled
            low, high = value, second
            if between:
                start = between.start() + max(0, start - 10)
    elif vague_high is not None:
        low, high = value, vague_high  # "thousands of tests"
    if low is not None:
        change = _CHANGE[qualifier]
        qualifier = "range"
    else:
        change = _CHANGE[qualifier]
    if qual_text and qualifier == "exact":
        start = m.start("neg") if m.group("neg") else n0
    unit: str | None = None
    currency = m.group("cur")
    scale_word = (m.group("scale") or "").strip()
    if scale_word == "m" and not currency and not pct and digits and \
            float(digits.replace(",", "")) >= 1000:
        value, unit = value / 1e6, "m"  # "a 1,000m climb": metres (a thousand million is "1bn")
    if pct:
        unit = "%"
    elif currency:
        unit = _CURRENCY_PREFIX.get(re.sub(r"\s", "", currency.lower()), currency)
        per = _PER.match(text, end)
        if per and per.group(1).lower() not in _STOP_UNIT:
            unit, end = f"{unit} per {per.group(1).lower()}", per.end(1)
    if unit is None:
        glued = end < len(text) and (text[end:end + 1].isalpha() or text[end] in "″°") and \
            bool(digits)
        unit, end = _unit_after(text, end, value, glued)
        if unit is None and words and _FRACTION.fullmatch(words):
            of = re.match(r"\s+(?:of\s+(?:(?:the|its|their|his|her|those|these|our|my|your)\s+)?|"
                          r"(?:the|its|their|his|her|those|these|our|my|your)\s+)(?=\S)",
                          text[end:end + 20], re.IGNORECASE)
            if of:
                unit, stop = _unit_after(text, end + of.end() - 1, 2.0, False)
                if unit is not None:
                    end = stop  # "half the condos": a share of the condos
        if unit is None and vague_high is not None:
            of = re.match(r"\s+of\s+(?:the\s+)?(?=\S)", text[end:end + 12])
            if of:
                unit, stop = _unit_after(text, end + of.end() - 1, 2.0, False)
                if unit is not None:
                    end = stop
        if unit is None and low is None and not m.group("qual") and \
                _age_context(text, m.start("num"), m.end("num"), value):
            unit = "years old"
        elif unit in (None, "people") and value.is_integer() and value <= 115 and \
                _AGED.search(text[max(0, n0 - 20):n0]):
            unit = "years old"  # "men aged 18 to 34 who watch"
    while start < end and text[start].isspace():
        start += 1
    trend = _TREND.search(text[max(0, start - 30):start])
    if trend is None and re.search(r"\bby\s+(?:an?\s+)?$", text[max(0, start - 8):start]):
        # "grow sales by 35%", "cut costs by a fifth": the verb is a few words back
        trend = _TREND_BY.search(text[max(0, start - 60):start])
    if trend and not (trend.group() == "up " and
                      _PHRASAL_UP.search(text, max(0, start - 60), start)):
        change = "up" if trend.group("up") else "down"
    return FigureMention(
        text=text[start:end],
        value=value if low is None else low,
        unit=unit,
        qualifier=qualifier,
        low=low,
        high=high,
        start=start,
        end=end,
        change=change,
    )


# Where a number can start: not inside a word or another number, except right after capitals
# (a currency code: "EUR50m", "RM23.50").
_ANCHOR = re.compile(rf"(?<![A-Za-z0-9_.,/])\.?\d|(?<=[A-Z])\d|"
                     rf"\b(?=[a-z])(?:{_NUM_WORD}|a dozen|dozens|"
                     rf"a hundred|a thousand|a million|a billion|half|a third|two|a quarter|three|"
                     rf"a fifth|a tenth|"
                     rf"hundreds|thousands|"
                     rf"millions|billions|tens of)\b", re.IGNORECASE)
_LOOKBACK = 40  # longest qualifier and currency before a number


def _neighbours(text: str, figures: list[FigureMention]) -> list[FigureMention]:
    """What a figure takes from the figure next to it (see the module docstring)."""
    out = list(figures)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        between = text[a.end:b.start]
        if len(between) > 40 or re.search(r"[.;!?]\s", between):
            continue
        if re.fullmatch(r"\s*(?:\(|,\s*or|or)\s*", between) and b.qualifier == "exact" and \
                b.change == "=":
            # "more than 100 kilometres (60 miles)", "lost 190 points, or 0.6%"
            out[i] = b = replace(b, qualifier=a.qualifier if a.qualifier != "range" else
                                 b.qualifier, change=a.change)
        if b.unit is None and a.unit and a.unit != "%" and b.low is None and re.fullmatch(
                r",?\s*(?:to|or|and|versus|vs\.?|(?:up |down )?from|"
                r"(?:[a-z]+\s+)?(?:including|of which|of whom|among them))\s*", between):
            out[i] = b = replace(b, unit=a.unit)  # "from 208 pounds to 193"
    for i in range(1, len(out)):
        b = out[i]
        if b.unit is not None or b.low is not None:
            continue
        for a in reversed(out[max(0, i - 3):i]):
            between = text[a.end:b.start]
            if a.unit is None or len(between) > 60 or re.search(r"[.;!?]\s", between):
                continue
            if re.search(r"\b(?:but|while|whilst|whereas|and)\b", between) and \
                    _word_before(text, a.start) == _word_before(text, b.start) is not None and \
                    _CLAUSE_END.match(text, b.end):
                # the unit left out of a parallel clause: "rose by 2 percent but X fell by 1.",
                # and the verb too: "rose by 3% in 2022 and by 5 in 2023"
                change = b.change
                if change == "=" and not _MOVE_WORD.search(between):
                    change = a.change
                out[i] = replace(b, unit=a.unit, change=change)
                break
    _index_levels(text, out)
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        if a.unit is None and b.unit and a.low is None and not _SHARE.search(a.text) and \
                re.fullmatch(r"\s*(?:or|and|to|-|–)\s*", text[a.end:b.start]):
            out[i] = replace(a, unit=b.unit)  # "eight or nine euros"
    return out


_CLAUSE_END = re.compile(r"\s*(?:[.,;)]|$)|\s+(?:in|on|at|by|from|for|during|since|after|"
                         r"before|last|this|next|a|per)\b")
_MOVE_WORD = re.compile(rf"\b(?:{_MOVES})\b", re.IGNORECASE)


def _word_before(text: str, start: int) -> str | None:
    """The word before a figure, past adverbs: "is exactly 13" -> "is"."""
    words: list[str] = re.findall(r"[A-Za-z]+", text[max(0, start - 40):start])
    for w in reversed(words[-3:]):
        if not w.lower().endswith("ly"):
            return w.lower()
    return None


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def _index_levels(text: str, figures: list[FigureMention]) -> None:
    """In a sentence that counts index points, a bare level reached is in points too:
    "lost 162.31 points, or 2.14%, to fall to 7,425.81", "(16369.03 up 58.06 points)"."""
    points = [g for g in figures if g.unit in ("points", "pts")]
    if not points:
        return
    for i, f in enumerate(figures):
        if f.unit is not None or f.low is not None or f.value < 100:
            continue
        if not (re.search(r"\b(?:to|at|close of)\s+$", text[max(0, f.start - 12):f.start]) or
                re.match(r"\s+(?:up|down)\s+[\d.,]+\s+(?:points|pts)\b",
                         text[f.end:f.end + 30])):
            continue
        stops = [s.end() for s in _SENTENCE_END.finditer(text, max(0, f.start - 400), f.start)]
        begin = stops[-1] if stops else 0
        after = _SENTENCE_END.search(text, f.end)
        end = after.start() if after else len(text)
        if any(begin <= g.start and g.end <= end for g in points):
            figures[i] = replace(f, unit="points")


def extract_figures(text: str) -> list[FigureMention]:
    """Every figure in ``text`` with character offsets into it, in order of appearance."""
    return _neighbours(text, _scan(text))


_SYMBOLS = {
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
    "secs": "second", "μm": "micrometre", "µm": "micrometre", "nm": "nanometre",
    "°c": "celsius", "°f": "fahrenheit", "°": "degree", "″": "inch", "mph": "mile per hour",
    "kph": "kilometre per hour", "km/h": "kilometre per hour", "hp": "horsepower",
    "bhp": "horsepower", "ps": "horsepower", "mpg": "mile per gallon", "ppb": "parts-per-billion",
    "ppm": "part per million", "ppg": "point per game", "rpg": "rebound per game",
    "apg": "assist per game", "rpm": "revolutions per minute", "ksi": "kilopound per square inch",
    "mbps": "megabit per second", "gbps": "gigabit per second", "bps": "basis point",
    "pts": "point", "p": "point", "sen": "sen", "t": "metric ton", "kt": "kiloton",
    "mt": "megaton", "gt": "gigaton", "cc": "cubic centimetre", "lb-ft": "foot pound-force",
    "nm2": "square nanometre",
}
_UNIT_NAMES = {
    **_SYMBOLS,
    "%": "percentage", "percent": "percentage", "per cent": "percentage", "pc": "percentage",
    "percentage point": "percentage point", "percentage points": "percentage point",
    "usd": "dollar", "$": "dollar", "dollars": "dollar", "us dollar": "dollar",
    "us dollars": "dollar", "eur": "euro", "euros": "euro", "gbp": "pound sterling",
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
    "millimeter": "millimetre", "micrometer": "micrometre", "nanometer": "nanometre",
    "decimeter": "decimetre", "liter": "litre", "liters": "litre", "litres": "litre",
    "milliliter": "millilitre", "kilograms": "kilogram", "grams": "gram", "feet": "foot",
    "inches": "inch", "miles": "mile", "yards": "yard", "tonnes": "metric ton",
    "tonne": "metric ton", "tons": "ton", "gigatonnes": "gigaton", "gigatonne": "gigaton",
    "gigatons": "gigaton", "megatonnes": "megaton", "volts": "volt", "watts": "watt",
    "pound-feet": "pound-foot", "pound-foot": "pound-foot", "sq m": "square metre",
    "sqm": "square metre", "sq ft": "square foot", "sq km": "square kilometre",
    "sq mi": "square mile", "fahrenheit": "fahrenheit", "celsius": "celsius",
    "hours": "hour", "minutes": "minute", "seconds": "second", "days": "day", "weeks": "week",
    "months": "month", "years": "year", "yrs": "year", "hps": "horsepower",
    "points": "point", "people": "people", "persons": "people", "times": "count",
    "year-old": "year of age", "years old": "year of age", "year old": "year of age",
    "months old": "month of age", "weeks old": "week of age", "days old": "day of age",
    "ins": "inch", "calories": "calorie", "megapixels": "megapixel",
    "basis point": "basis point", "basis points": "basis point", "light years": "light year",
    "light-years": "light year", "degrees fahrenheit": "fahrenheit",
    "degree fahrenheit": "fahrenheit", "degrees f": "fahrenheit",
    "degrees celsius": "celsius", "degree celsius": "celsius", "degrees c": "celsius",
    "centigrade": "celsius", "degrees centigrade": "celsius", "kelvin": "kelvin",
    "degrees": "degree",
}
_MEASURE_WORDS.update(_UNIT_NAMES)
_MEASURE_WORDS.update(_UNIT_NAMES.values())
_MEASURE_WORDS.update(v + "s" for v in list(_UNIT_NAMES.values()))
_MEASURE_WORDS.difference_update({"a", "in", "s", "h", "t", "p", "m", "people", "l", "g",
                                  "sen", "ps", "$", "£", "%"})
_MEASURE_WORDS.update({"per", "sq"})
# Symbols that are ordinary words when they stand apart: "5 in the morning", "5 a day".
_GLUED_ONLY = {"in", "a", "s", "h", "t", "v", "pa", "ms", "mt", "kt", "cc", "mi", "ma", "sen"}


def _singular(word: str) -> str:
    if word in _IRREGULAR_PLURALS and word not in ("troops",):
        return {"men": "man", "women": "woman", "children": "child", "feet": "foot",
                "teeth": "tooth", "mice": "mouse", "geese": "goose"}.get(word, word)
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def canonical_unit(unit: str | None) -> str:
    """A unit's canonical name: ``%`` -> ``percentage``, ``troops`` -> ``troop``, none -> ``-``.

    The names are those of the NewsQuant gold data (British spelling, singular, currencies by
    country: "australian dollar", "japanese yen"), so units compare across tools and models.
    """
    if not unit:
        return "-"
    if unit == "G":
        return "generation wireless"  # 5G, as NewsQuant names it
    u = " ".join(unit.strip().lower().split())
    if " per " in u:
        head, _, tail = u.partition(" per ")
        return f"{canonical_unit(head)} per {canonical_unit(tail)}"
    if u in _UNIT_NAMES:
        return _UNIT_NAMES[u]
    if "/" in u and _compound_symbol(u):
        top, _, bottom = u.partition("/")
        square = "square " if bottom.endswith("2") else ""
        return f"{_SYMBOLS[top]} per {square}{_SYMBOLS[bottom.rstrip('23')]}"
    words = u.split(" ")
    if len(words) > 1 and _NATIONAL_CURRENCY.fullmatch(words[-1]):
        # "Hong Kong dollars" -> "hong kong dollar", "US dollars" -> "dollar"
        name = " ".join([*words[:-1], _singular(words[-1])])
        return _UNIT_NAMES.get(u, _UNIT_NAMES.get(name, name))
    if len(words) > 1:
        # a noun phrase: "categories of products" -> "category product", "recorded songs" ->
        # "song", "digital and physical sales" -> "digital physical sale"
        words = [_singular(w) if i + 1 < len(words) and words[i + 1] in ("of", "and", "or")
                 else w for i, w in enumerate(words) if w not in ("of", "and", "or")]
        while len(words) > 1 and _participle(words[0]):
            words = words[1:]
    words = [_UNIT_NAMES.get(w, w) if w in _SPELLING else w for w in words]
    last = words[-1]
    if last in _UNIT_NAMES:
        words[-1] = _UNIT_NAMES[last]
    else:
        words[-1] = _singular(last)
    return " ".join(words)


_SPELLING = {w for w in _UNIT_NAMES if w.endswith(("meter", "meters", "liter", "liters"))}
