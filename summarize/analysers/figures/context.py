"""What is not a quantity although it is a number (dates, identifiers, times, scores); what a
number's neighbourhood says of it (a measure after it, a clause's end, the word before it). What
makes a number an age is :mod:`.ages`."""

from __future__ import annotations

import re
import unicodedata

from ...vocabulary import MONTH_ABBREVIATIONS, MONTHS_IN_FULL
from ..casing import possessive_name
from .ages import AGED, named_age
from .canonical import lexicon_symbol
from .currencies import currency_after
from .numbers import AND_PARTS, CURRENCY_WORDS, SCALES, SPOKEN_YEAR_WORDS
from .senses import surface_of
from .words import (
    AREA_UNIT,
    FUNCTION_WORDS,
    MEASURE_WORDS,
    MONTHS,
    STOP_UNIT,
    UNIT_NAMES,
    is_plural,
)

_LABELS = {
    "section", "row", "no", "no.", "number", "article", "chapter", "page", "room", "flight",
    "route", "highway", "seat", "gate", "level", "grade", "version", "model", "episode",
    "season", "volume", "vol", "part", "item", "rule", "resolution", "amendment", "paragraph",
    "zip", "code", "postcode", "a.d.", "ad", "bc", "clause", "subsection", "annex", "appendix",
    "question", "game", "round", "stage", "phase", "step", "tier", "category", "class",
    "division", "unit", "scene", "act", "type",  # "type 2 diabetes"
}
# A report's own parts, written with a capital ("see Figure 6B", "Fig. 1 C", "Tables 2 and 3";
# not "the figure 10,000"), and the rest of their list
_REPORT_PART = re.compile(r"\b(?:Figures?|Figs?\.|Tables?|Exhibits?|Charts?)\s*"
                          r"(?:\d+[A-Za-z]?\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|to)\s+|[-–]\s*))*$")


TIME_SUFFIX = re.compile(r"\s?(?:a\.?m\.?|p\.?m\.?)(?![A-Za-z])|\so['’]clock\b",
                         re.IGNORECASE)  # "10.45pm", "5 a.m.", "10 o'clock"


_YEAR = re.compile(r"^(1[89]\d\d|20\d\d|2100)$")  # "by 2100" too


# What makes a year-like number a count: "about 1900 troops", "more than 2000 votes". Not the
# scanner's qualifiers (numbers._QUALIFIERS): "below 2005 levels" and "circa 1900" are years.
_COUNT_QUALIFIER = re.compile(
    r"\b(?:about|around|roughly|nearly|almost|some|approximately|estimated|more than|over|"
    r"fewer than|less than|at least|up to|as many as|only|just|another|total of)\s+$",
    re.IGNORECASE)


SPOKEN_YEAR = re.compile(SPOKEN_YEAR_WORDS, re.IGNORECASE)


PHRASAL_UP = re.compile(r"\b(?:grow|grows|growing|grew|grown|give|gives|giving|gave|set|sets|"
                         r"setting|end|ends|ending|ended|turn|turned|turning|show|showed|showing|"
                         r"pick|picks|picked|picking|sign|signed|signing|wind|wound|use|used|"
                         r"using|make|makes|made|making|stand|stood|standing|speak|spoke|"
                         r"speaking|line|lined|round|rounds|rounded|rounding|dig|digs|dug|"
                         r"digging|put|puts|putting|take|"
                         r"takes|took|taking|open|opened|opening|hold|held|holding|"
                         # what is gathered or made free, not a rise: "racked up £50billion in
                         # losses", "freed up $26 million"
                         r"rack|racks|racked|racking|free|frees|freed|freeing)\s+up\s+"
                         r"(?:[a-z]+\s+){0,3}$", re.IGNORECASE)
# The same of "down": "gunned down 49 people", "shut down 12 plants", "handed down 20 years".
PHRASAL_DOWN = re.compile(r"\b(?:gun|guns|gunned|gunning|shoot|shoots|shot|shooting|shut|shuts|"
                          r"shutting|hand|hands|handed|handing|turn|turns|turned|turning|vote|"
                          r"voted|strike|struck|break|broke|broken|step|stepped|stepping|mow|"
                          r"mowed|mown|track|tracked|hunt|hunted|pin|pinned|"
                          r"write|wrote|written|put|puts|putting|lay|laid|sit|sat)\s+down\s+"
                          r"(?:[a-z]+\s+){0,3}$", re.IGNORECASE)


# What comes before a year: a preposition of time, or a month and day ("July 14, 1789"), an
# estimate of one ("settled around 1721", "c. 1684", "dates back to 1329") or a bracket ("James
# IV (1488-1513)")
_OLD_YEAR_BEFORE = re.compile(
    rf"(?:\b(?:in|of|since|until|till|by|from|before|after|circa)|\b(?:{MONTHS})\.?\s+\d{{1,2}},|"
    rf"(?P<guess>\b(?:around|c\.|ca\.|back\s+to)|\())\s*$", re.IGNORECASE)


# An era after a year ("1000 AD", "300 B. C.") or before the first of two ("between A.D. 1000 and")
_ERA_AFTER = re.compile(r"\s*(?:A(?:\.\s?)?D\.?|B(?:\.\s?)?C\.?E?\.?)(?![A-Za-z])")
_ERA_BEFORE = re.compile(r"\b(?:A\.?D\.?|B\.?C\.?E?\.?)\s*\d{1,4}\s*(?:and|to|-|–)\s*$")


# A shirt number and a player's name: "15-Stuart Hogg,", "7-Mamuka Gorgodze (capt),"
_SHIRT = re.compile(r"-[A-Z][\w'’]+(?:\s[A-Z][\w'’-]+)+(?:\s\(capt\))?\s*(?:[,;.]|$)")


_ADDRESS = re.compile(r"\s+(?:[A-Z][\w.'’-]*\s+){1,3}(?:Avenue|Ave|Street|St|Road|Rd|Boulevard|"
                      r"Blvd|Lane|Drive|Place|Square|Terrace|Crescent|Close)\b"
                      r"(?!\.?\s+[a-z]+s\b)")  # not "300 Wall Street bankers"


# A month right before a number: a date ("October 30", "Oct. 30", tokenised "feb . 16"), but
# a month written in full and a full stop end a sentence ("in October. Three of them").
_MONTH_BEFORE = re.compile(
    rf"\b(?:(?:{MONTH_ABBREVIATIONS})(?: ?\.)?|(?:{MONTHS_IN_FULL}))\s*$", re.IGNORECASE)


# a month after a day; "may" and "march" in small letters only as a date ends ("on 12 may, the",
# "30 march 2016"), not as the verbs ("12 may have died", "10,000 march in Paris")
_MONTH = rf"(?!(?-i:may|march)\b(?!\s*(?:[,.;)]|\d|$)))(?:{MONTHS})\b"
_DAYS_TO_MONTH = re.compile(rf"\s*(?:-|–|to|and|through)\s*\d{{1,2}}\s+{_MONTH}", re.IGNORECASE)
_MONTH_DAY_TO = re.compile(rf"\b(?:{MONTHS})\.?\s+\d{{1,2}}\s*(?:-|–|to|and|through)\s*$",
                           re.IGNORECASE)


# A number after a dimension's "x" and another number: "1920x1080", "950x30 m", "12\"x8\"",
# "3000 x 2000 pixels"; and before one.
_TIMES_BEFORE = re.compile(r"\d[\"”″'’′]?\s?[xX×]\s?$")
_TIMES_AFTER = re.compile(r"\s?[xX×]\s?\d")


def _same_unit_again(before: str, after: str) -> bool:
    """Whether the number after a hyphen carries the unit the number before it carried: the
    second end of "10mm-20mm", "5kg-10kg" (not an identifier's, as in "F-16")."""
    unit = re.search(r"\d\s?([A-Za-z]{1,4})-$", before)
    return bool(unit and re.match(rf"\s?{unit.group(1)}\b", after))


# Words of a body's or a thing's weight: "230 pounds" near them is a weight, not money
WEIGHT_CONTEXT = re.compile(
    r"\b(?:weigh\w*|heav(?:y|ier|iest)|light(?:er|est)|lbs?|shape|fat|diet|body|muscle|obes\w*|"
    r"born|baby|babies|fish|catch|exercis\w*|kilo\w*|kg)\b", re.IGNORECASE)
# A weight in stones, glued, where no ordinal ends so: "weighs 13st 5lb" (not "21st", "31st")
_STONE_WEIGHT = re.compile(r"\b(?:weigh\w*|lost|gained|heav\w*|\d+\s?lbs?)\b", re.IGNORECASE)


_ST_WORD = re.compile(r"st\w")  # a word that begins "st" ("5stars"): no stone


def _stone(text: str, start: int, end: int, digits: str | None) -> bool:
    return bool(digits and text.startswith("st", end) and not _ST_WORD.match(text, end) and
                (not digits.endswith("1") or digits.endswith("11")) and
                _STONE_WEIGHT.search(text, max(0, start - 40), end + 12))


# a verb's modal before a label's word: "the stadium will seat 62,000 fans"
_MODAL_BEFORE = re.compile(r"\b(?:will|would|can|could|may|might|should|must|cannot)\s+$",
                           re.IGNORECASE)


def is_date_or_identifier(text: str, start: int, end: int, digits: str | None) -> bool:
    before = text[max(0, start - 12):start]
    after = text[end:end + 30]
    if start > 0 and not _TIMES_BEFORE.search(before) and (
            text[start - 1].isalnum() or text[start - 1] in "_⁄" or
            unicodedata.category(text[start - 1]).startswith("M")):
        return True  # glued to a word: Guliyev2812, "GÃ̃1⁄4len" (a combining mark is a letter's)
    if re.search(r"(?:[A-Za-z]|[A-Z]\s)-$", before) and digits and \
            not re.search(r"\b(?:sub|over|under|minus)-$|\d-(?:by|foot|feet)-$", before,
                          re.IGNORECASE) and not _same_unit_again(before, after) or \
            re.search(r"[a-z]\s+(?:Under|Over)-$", before):
        return True  # F-16, COVID-19, COVID -19, an "England Under-21 player" (a team's name)
    if re.search(r"\d[:.]$", before) or re.match(r"(?:st|nd|rd|th|s)\b|:\d\d|’s\b|'s\b|\([a-z]\)",
                                                   after, re.IGNORECASE) and \
            not _stone(text, start, end, digits):
        return True  # ordinal or clock time, or a clause's letter: "a 401(k) plan"
    if _CLOCK_DOT.fullmatch(text, start, end) and _CLOCK_BEFORE.search(before) and \
            not _PRICE_BEFORE.search(text, max(0, start - 24), start) and \
            not _priced_or_measured(text, end) and \
            not re.match(r"\s*(?:%|(?:per\s?cent|points?|pence|cents?)\b)|\s+against\s+the\b",
                         after, re.IGNORECASE):
        return True  # "a wave hit at 7.30 last night", "came to the door at 11.30": the clock
        # (not "at 5.25%", nor a rate of exchange "at 1.27 against the dollar")
    if _CSS_PROPERTY.search(before) and (_CSS_LENGTH.match(after) or _CSS_SHARE.match(after) and
                                         _in_braces(text, start)):
        return True  # a style sheet pasted into the text: "padding-top:20px;", "width:100%;"
    glued = _GLUED_NAME.match(after)
    if digits and glued and glued.group().lower() not in UNIT_NAMES and \
            glued.group().lower() not in SCALES and not _priced_or_measured(text, end):
        return True  # a name that begins with a number: the club "1OAK", "9GAG", "7UP"
    if _MONTH_BEFORE.search(before):
        return True  # October 30, and tokenised "feb . 16"; not "in October. Three of them"
    if re.match(rf"\s*{_MONTH}", after, re.IGNORECASE) and digits and len(digits) <= 2:
        return True  # 30 October
    if digits and len(digits) <= 2 and (
            _DAYS_TO_MONTH.match(after) or _MONTH_DAY_TO.search(text, max(0, start - 25), start)
            and not re.match(r"\s*(?:%|per\s?cent\b)", after, re.IGNORECASE) and
            not _priced_or_measured(text, end)):
        return True  # days of a month: "from 19 to 22 July", "from July 19 to 22"
    if digits and _YEAR.match(digits) and not _TIMES_AFTER.match(after) and \
            not _TIMES_BEFORE.search(before):  # not "1920 x 1080", "3000 x 2000 pixels"
        counted = re.match(r"\s*(?:(?:-|–|to|and)\s*(?!(?:1[89]|20)\d\d\b)\d[\d,.]*\s*)?"
                           r"(%|percent|[a-z]+s\b)", after, re.IGNORECASE)
        word = counted.group(1).lower() if counted else ""
        if not _priced_or_measured(text, end) and (
                not counted or word != "%" and word != "percent" and not (
                    word in MEASURE_WORDS or word in CURRENCY_WORDS or surface_of(word) or
                    _COUNT_QUALIFIER.search(before) and is_plural(word) and
                    word not in STOP_UNIT and counted.group(1)[0].islower())):
            # 2024, "in 2011 was", "the 2005 Ashes", "the 2016 candidates", "since 2010
            # prices": news writes a count of thousands with a comma, so before a plural
            # noun such a number is a year, unless a measure follows ("2000 - 2500 Calories")
            # or it is counted ("about 1900 troops")
            return True
    old = re.fullmatch(r"1[0-7]\d\d", digits or "") and _OLD_YEAR_BEFORE.search(before)
    if old and not _priced_or_measured(text, end) and not surface_of(after[:6]):
        word = re.match(r"\s*(?:[^\w\s]|$)|\s+[A-Z]|\s+([a-z]+)\b", after)
        if old.group("guess") and re.match(r"\s+\w", after):
            word = None  # a guessed year has nothing after it in its clause: "settled around 1721."
        counted = re.match(r"\s*(?:-|–|to|and)\s*\d[\d,.]*\s+([a-z]+)", after)
        if word and (word.group(1) is None or word.group(1) in STOP_UNIT) and not (
                counted and counted.group(1) not in STOP_UNIT):  # "from 1000 to 2000 hires"
            return True  # "painted in 1638,", "sold in 1701 for": an older year, nothing counted
    if digits and len(digits) <= 3 and re.match(r"[.)](?:[ \t]|\r?\n|\Z)|[ \t]*\r?\n", after) \
            and _starts_an_item(text, start):
        return True  # "\n\n2. STRONG AFTERSHOCK RATTLES ITALY", "\n\n12\nAnchor…": a list's marker
    if digits and len(digits) <= 2 and digits.isdigit() and _MARKER_AFTER.match(after) and \
            not before.endswith("(") and not _SAID_OF.search(before) and \
            _next_marker(text, start, int(digits)):
        return True  # a marker with the next or the one before near it: "1. Welfare reform 2. Two
        # Supreme Court justices", "Mercedes 1:35.782 2.\nNico Rosberg … 3.\nSebastian Vettel"
    if digits and len(digits) <= 2 and digits.isdigit() and _NAME_AFTER.match(after) and \
            _ITEM_OPENS.search(before) and _next_named_item(text, start, int(digits)):
        return True  # a ranked list with no marks: "1 Donald Trump.  2 Ted Cruz.  3 Marco Rubio."
    if digits and len(digits) <= 2 and re.search(r"[,;:]\s*$", before) and _SHIRT.match(text, end):
        return True  # a team sheet: "Scotland: 15-Stuart Hogg, 14-Sean Maitland, ..."
    if digits and _ADDRESS.match(text, end):
        return True  # 1600 Pennsylvania Avenue, 10 Downing Street: an address
    if digits in ("2", "3", "4") and re.match(r"-?D\b", after):
        return True  # 3D printing, a 2-D image: dimensions, not a quantity
    if re.match(r"\s*(?:zip|postal|post|area)\s?codes?\b", after, re.IGNORECASE):
        return True  # the 90049 ZIP code
    if digits and re.fullmatch(r"(?:[01]\d|2[0-3])[0-5]\d", digits) and re.match(
            r"\s?(?:GMT|UTC|EDT|EST|CET|CEST|BST|PDT|PST|IST|JST|hrs|hours)\b", after):
        return True  # 0401 GMT: a clock time
    if re.search(r"\b(?:S\.?&P\.?|S\s?P|Nasdaq|FTSE|Russell|Stoxx|Nikkei|CAC|DAX|ASX|TOPIX|MSCI|"
                 r"Wilshire|Dow Jones|Hang Seng|KOSPI|Sensex|Nifty)\s?$", before, re.IGNORECASE) \
            and not re.match(r"\s?(?:%|percent|per cent)", after, re.IGNORECASE):
        return True  # an index's name: "the sp 500", "S&P 500 e-minis", "S.&P. 500", "FTSE 100"
    if digits and (_ERA_AFTER.match(after) or _ERA_BEFORE.search(text, max(0, start - 20), start)):
        return True  # 1000 AD, "300 B. C.", "between A.D. 1000 and 1260"
    if digits and (re.search(r"(?:\d-|#|(?<![\w’'])[’'])\Z", before) or
                   len(digits) == 2 and re.search(r"(?<![\w’'])‘\Z", before)) and \
            not (before.endswith("-") and re.search(r"\b(?:from|between)\s+\S*$", before)):
        return True  # 2016-08-23, #1000BlackGirlBooks, ’08 and ’12 (‘16 typed with a quote)
    if digits and (re.search(r"\w=[\"']?\Z", before) or re.fullmatch(r"\d{12,}", digits)):
        return True  # a markup attribute or a key's value (timestamp="1449075600"), an id; not
        # an equation's side ("1 kg = 2.2 lb")
    if before.endswith("[") and after.startswith("]") and before[-2:-1].strip():
        return True  # a reference marker glued to its sentence: "per year[27]", "people.[3]"
    if _REPORT_PART.search(text, max(0, start - 40), start):
        return True
    reach = max(0, start - 24)
    label = re.search(r"([A-Za-z.]+)(?: \.)?(?:\s*\d+\s+of)?\s*$", text[reach:start])
    # "Section 427", in words "part two", "the No. two spot", "no . 33"; then "Page 4 of 12";
    # not a verb ("the stadium will seat 62,000 fans")
    return bool(label and label.group(1).lower() in _LABELS and
                not re.match(r"\s?(?:%|percent\b|per cent\b)|\s+times\b", after, re.IGNORECASE) and
                not _MODAL_BEFORE.search(text, max(0, start - 40), reach + label.start(1)))


# A list's marker: a number, a full stop, then the item's capital; or a number and a closing
# bracket ("Clinton 1) registers the meaning …, 2) realizes …").
_MARKER_AFTER = re.compile(r"\.(?:[ \t]+|[ \t]*\r?\n\s*)[A-Z(]|\)[ \t]+[A-Za-z]")


# A word that says a number is a value, not a marker: "she is at minus 40. Among women, …"
_SAID_OF = re.compile(r"\b(?:minus|plus|at|to|of|by|from|than|is|was|are|were|be|and|or|about|"
                      r"around|only|with|on|in|for)\s*$", re.IGNORECASE)


# An item of a list written with no marks: a sentence opens with its number and a name.
_NAME_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")
_ITEM_OPENS = re.compile(r"\A\s*\Z|[.!?:]['\"”’]?\s+\Z|\n\s*\Z")


def _next_named_item(text: str, start: int, n: int) -> bool:
    """The item before ``n`` or after it, a sentence opened by its number and a name, stands
    within 300 characters; not after a colon ("Centuries: 15 Half-centuries: 45 ... Stumpings:
    14 First test": a record's fields)."""
    near = re.compile(rf"(?:[.!?]['\"”’]?\s+|\n\s*)(?:{n - 1}|{n + 1})[ \t]+[A-Z][a-z]")
    return bool(near.search(text, max(0, start - 300), start + 300))


def _next_marker(text: str, start: int, n: int) -> bool:
    """The marker of the item before ``n`` or after it stands within 300 characters."""
    near = re.compile(rf"(?<![\w.,:(]){n - 1}|(?<![\w.,:(]){n + 1}")
    window = text[max(0, start - 300):start + 300]
    return any(_MARKER_AFTER.match(window, m.end()) for m in near.finditer(window))


_GLUED_NAME = re.compile(r"[A-Z]{2,}(?![\w])")
# A time of day written with a full stop, as British news writes it ("at 7.30"), after a word of
# time; not a price or a level reached ("closed at 11.30", "stood at 7.25").
_CLOCK_DOT = re.compile(r"(?:[01]?\d|2[0-3])\.[0-5]\d")
_CLOCK_BEFORE = re.compile(r"\b(?:at|by|until|till|before|after|around)\s+$", re.IGNORECASE)
_PRICE_BEFORE = re.compile(r"\b(?:clos(?:ed|ing)|trad(?:ed|ing)|stood|end(?:ed|ing)|open(?:ed|ing)|"
                           r"priced|valued|fixed|peaked|rate|level)\s+at\s+$", re.IGNORECASE)
_CSS_PROPERTY = re.compile(r"[a-z-]{3,}\s*:\s*$")
_CSS_LENGTH = re.compile(r"(?:px|em|rem|pt)\s*(?:;|\}|!important|$)")
_CSS_SHARE = re.compile(r"%\s*(?:;|\}|!important)")


def _in_braces(text: str, start: int) -> bool:
    """``start`` lies inside a style sheet's braces opened in the 200 characters before it."""
    before = text[max(0, start - 200):start]
    return before.rfind("{") > before.rfind("}")


def _starts_an_item(text: str, start: int) -> bool:
    """``start`` begins a line that may begin a list item: the line follows the text's start, a
    blank line, or the end of a sentence or a heading ("today:\n\n1. ...", "Gatting.\n2.\n"),
    not a line broken inside a sentence. Read backwards over spaces only: no copy of the text
    before (a one-line document would copy it for every number)."""
    i = start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    if i == 0:
        return True
    if text[i - 1] != "\n":
        return False
    i -= 1
    while i > 0 and text[i - 1] in " \t\r":
        i -= 1
    return i == 0 or text[i - 1] in "\n.:!?\"'”’)"


def _priced_or_measured(text: str, end: int) -> bool:
    """A currency or a measurement unit right after ``end``: "2000 lari", "1500 km"."""
    return currency_after(text, end) is not None or measure_follows(text, end)


def measure_follows(text: str, end: int) -> bool:
    """A measurement unit right after ``end``: "15-22 miles", "5-10W", "300 sq m", "the United
    States 10-year note"."""
    m = re.match(r"[\s-]?([A-Za-zμµ°″%]+)", text[end:end + 20])
    return bool(m and (m.group(1).lower() in MEASURE_WORDS or AREA_UNIT.match(text[end:]) or
                       lexicon_symbol(text[end:end + 20])))  # and "2000 kcal", "1200 inHg"


_WORD_AFTER = re.compile(r" ([a-z]+)\b(?!['’-])")


def _counted_after(text: str, end: int) -> bool:
    """A plural noun in small letters right after ``end``: a rising pair before it ("3-4 people",
    "12-14 workers") is a range of a count, where a score is followed by one thing ("a 3-1
    loss", "4-2 success"), a team ("the 10-6 Giants") or the tally's votes ("5-to-4 votes")."""
    word = _WORD_AFTER.match(text, end, end + 30)
    return bool(word and is_plural(word.group(1)) and word.group(1) not in FUNCTION_WORDS)


def score_or_code(text: str, m: re.Match[str], value: float, second: float | None) -> bool:
    """Sports scores and tallies ("2-1", "a 5-to-4 decision") and product or index names ("S&P
    500", "iPhone 12", "Game 2")."""
    join = m.group("join")
    # joined by a hyphen ("2-1", "5-to-4"), or by an en dash with the higher first ("8–0", "2–2";
    # a pair that rises is a range: "5–10 people")
    hyphens = join == "-" or text.startswith("-to-", m.end("num")) or \
        join == "–" and second is not None and value >= second
    if hyphens and second is not None and value.is_integer() and \
            second.is_integer() and max(value, second) < 30 and not m.group("pct") and \
            not m.group("pct0") and not m.group("cur") and not m.group("cur2") and \
            not measure_follows(text, m.end()) and \
            not (value < second and _counted_after(text, m.end())) and \
            not AGED.search(text, max(0, m.start("num") - 20), m.start("num")):
        return True  # (a price range is no score, "$2-$3"; nor an age range, "aged 5-10")
    if m.group("qual") or m.group("cur") or m.group("pct") or m.group("pct0") or \
            not m.group("digits") or re.fullmatch(r"\d{1,3}(?:,\d{3})+", m.group("digits")) or \
            m.group("scale") or m.group("hscale") or measure_follows(text, m.end("num")):
        return False
    before = text[max(0, m.start("num") - 20):m.start("num")]
    name = re.search(r"([A-Z][\w&/]*|&P)\s$", before)
    if name is None or name.group(1).lower() in FUNCTION_WORDS or \
            named_age(text, m.start("num"), m.end("num"), value):
        return False
    if re.fullmatch(r"[A-Z][a-z]+s", name.group(1)) and possessive_name(name.group(1)) and \
            re.match(r"\s+[a-z]", text[m.end("num"):]):
        return False  # a name's possessive written without its apostrophe: "Iowas 99 counties"
    sentence_start = re.search(r"(?:^|[.!?][\"'”’)]*\s+)[\"'“‘(]?$", before[: name.start()])
    return sentence_start is None or name.start() > 0 and not sentence_start


# a part said after the unit: "an hour and a half", "a mile and a quarter"
_AND_A_PART = re.compile(r"\s+and\s+(a\s+(?:half|quarter))(?![\w-])")
_BELOW_ZERO = re.compile(r"\s+below\s+zero\b")
# "below" alone, the clause ending there, where the cold is spoken of: "wind chills of 30 below",
# "20 degrees below in Fargo" (not "5% below forecasts", "20 degrees below the horizon")
_BELOW = re.compile(r"\s+below\b(?=\s*(?:[.,;)]|$)|\s+(?:in|on|at|overnight|tonight|today|and|or|"
                    r"are|were|is|was|will|could|may|"
                    r"with|by|Fahrenheit|Celsius|F\b|C\b))")
_COLD = re.compile(r"\b(?:temperatures?|wind\s?chills?|lows?|cold|freez\w*|frigid|thermometer|"
                   r"mercury|degrees?|Fahrenheit|Celsius)\b", re.IGNORECASE)


def below_zero(text: str, end: int) -> re.Match[str] | None:
    """"below zero" after a number, or "below" alone where it is cold."""
    below = _BELOW_ZERO.match(text, end)
    if below is None:
        below = _BELOW.match(text, end)
        if below is not None and not _COLD.search(text, max(0, end - 60), end):
            return None
    return below


def unit_tail(text: str, end: int, value: float, unit: str) -> tuple[float, int]:
    """The value and end of a figure whose unit ends at ``end``, with what follows the unit
    still said of its number: "an hour and a half" is 1.5 hours, "a mile and a quarter" 1.25
    miles, "10 degrees below zero" -10 degrees (and "below zero" no figure of its own)."""
    part = _AND_A_PART.match(text, end)
    if part and value.is_integer():
        return value + AND_PARTS[" ".join(part.group(1).split())], part.end()
    below = below_zero(text, end)
    if below and value > 0 and re.search(r"degree|°|celsius|fahrenheit|^[CF]$", unit, re.I):
        return -value, below.end()
    return value, end


CLAUSE_END = re.compile(r"\s*(?:[.,;)]|$)|\s+(?:in|on|at|by|from|for|during|since|after|"
                         r"before|last|this|next|a|per)\b|"
                         # and a new subject: "…, Kasich has 129 and Rubio left the race"
                         r"\s+(?:and|but|while|whereas)\s+(?-i:[A-Z])")


def word_before(text: str, start: int) -> str | None:
    """The word before a figure, past adverbs: "is exactly 13" -> "is"."""
    words: list[str] = re.findall(r"[A-Za-z]+", text[max(0, start - 40):start])
    for w in reversed(words[-3:]):
        if not w.lower().endswith("ly"):
            return w.lower()
    return None
