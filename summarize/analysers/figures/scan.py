"""Finding figures in a text: each number with its qualifier, unit, change and range."""

from __future__ import annotations

import re

from ..sentences import SENTENCE_START
from .ages import AGED, age_context
from .canonical import canonical_unit, is_measure
from .change import (
    CHANGE,
    POST_QUALIFIER,
    POST_QUALIFIER_AFTER_UNIT,
    movement,
    post_change,
    post_qualifier,
    spread,
    trend,
)
from .codes import in_code
from .context import (
    SPOKEN_YEAR,
    TIME_SUFFIX,
    below_zero,
    is_date_or_identifier,
    measure_follows,
    score_or_code,
    unit_tail,
)
from .currencies import currency_code, whose_dollar
from .lengths import metres_scale
from .mention import FigureMention
from .numbers import (
    CURRENCY_PREFIX,
    FIGURE,
    FRACTION,
    NEWS_PREFIX,
    NUM_WORD,
    ONE_DENOMINATOR,
    ONE_MEASURE,
    SCALE,
    VULGAR,
    digits_value,
    parse_number,
    qualifier_of,
    scaled,
    times_ten,
    words_value,
)
from .ones import counts_noun, measures_nothing, never_counts
from .rates import rate_after
from .units import past_whole, unit_after
from .weather import scale_after
from .words import is_plural

_BETWEEN = re.compile(r"(?:between|from)\s*$", re.IGNORECASE)


_PLUS_OR = re.compile(r"\bplus\s+or\s+$", re.IGNORECASE)
_PERCENT = re.compile(r"per\s?cent\b|%", re.IGNORECASE)
_SPANS = ("year", "month", "week", "day")  # what an age is counted in


# A number inside a figure's unit, found again on its own (not a tolerance: "12 ± 2 kg").
_INNER = re.compile(rf"(?<=\s)(?<!below\s)(?<!±\s)(?<![/+]-\s)(?:\d|(?:{NUM_WORD})\b)", re.I)

# finance writes a million "MM" ("$5MM") and a trillion a glued "T" ("$2.1T")
_FINANCE_SCALE = re.compile(r"\s?(?P<million>MM|mm)\b|T\b")
# A verb whose particle is the "up" of "up to": "edged up to 4.1%", "have gone up to $8,400", a sum
# reached ("adds up to 185,000", "takes us up to 314"); but "jumped up to 12%" may be "as much as"
_UP_VERB = re.compile(r"\b(?:(?:edg|inch|tick|mov|nudg|push)(?:e[ds]?|ing)|ticks?|creep(?:s|ing)?|"
                      r"crept|went|go(?:es|ing|ne)?|shot|shoots?|shooting|add(?:s|ed|ing)?|"
                      r"sum(?:s|med|ming)?|(?:brings?|brought|bringing|takes?|took|taking)\s+"
                      r"(?:us|it|them|the\s+total))\s+$", re.IGNORECASE)


def scan(text: str) -> list[FigureMention]:
    """Every figure of ``text`` as the scanner reads it, before senses and neighbours."""
    out: list[FigureMention] = []
    pos = 0
    while True:
        anchor = _ANCHOR.search(text, pos)
        if anchor is None:
            break
        m = FIGURE.search(text, max(pos, anchor.start() - _LOOKBACK))
        if m is None:
            break
        figure = _ratio(text, m)
        if figure is not None:
            out.append(figure)
            pos = figure.end
            continue
        figure = _figure(text, m)
        if figure is None:
            # Only the first number is given up: "in 2018 to 3.9 million" still finds 3.9 million.
            resume = m.end("num") if m.group("join") in ("to", "and", "—") else m.end()
            pos = max(resume, m.start() + 1)
            continue
        out.append(figure)
        pos = max(figure.end, m.start() + 1)
        if (m.group("join") in ("-", "–") or text.startswith("-to-", m.end("num"))) and \
                figure.end <= m.start("join") and figure.low is None:
            # "52-48", "58%-33%": a pair side by side (below); its second number follows the
            # hyphen, which is then neither a minus nor an identifier's
            pair = FIGURE.match(text, m.start("cur2") if m.group("cur2") else m.start("num2"))
            second = _figure(text, pair, paired=True) if pair else None
            if second is not None:
                out.append(second)
                pos = max(pos, second.end)
        inner = _INNER.search(text, m.end(), figure.end)
        if inner:
            # the 250ml in "8m 250ml bottles", the whole in "two of the three members"
            pos = max(inner.start(), m.start() + 1)
    return out


# "4 in 10", "one in five", "two out of three", "eight of 10": a group's share, as polls state it
_RATIO = re.compile(r"(?:\s+(?:in|out\s+of)\s+|-in-|\s+of\s+(?=(?:10|ten)\b))"
                    r"(3|4|5|6|7|8|9|10|100|1,000|three|four|five|"
                    r"six|seven|eight|nine|ten|a hundred|a thousand|"
                    # odds of one: "1 in 64", "one in 250", "1 in 10,000" (not a year)
                    r"(?:(?<=1 in )|(?<=one in ))(?!(?:1[89]|20)\d\d\b)[1-9]\d{0,2}(?:,\d{3})?)\b"
                    r"(?!\s*(?:%|percent\b|per cent\b|[,.]\d|-))", re.IGNORECASE)


def _ratio(text: str, m: re.Match[str]) -> FigureMention | None:
    """The share ``m`` and the number after it state ("about 4 in 10" is about 40%), or
    ``None``."""
    if m.group("num2") or m.group("pct") or m.group("pct0") or m.group("cur") or \
            m.group("scale") or m.group("hscale") or m.group("half") or m.group("point"):
        return None
    ratio = _RATIO.match(text, m.end("num"))
    if ratio is None or measure_follows(text, ratio.end()):
        return None  # "2 in 3 days"
    if text[m.start("num")].isupper() and re.search(r"[A-Z][\w&-]*\s+$",
                                                    text[max(0, m.start("num") - 30):m.start()]):
        return None  # a name's number: "Uranium One in three separate transactions"
    top = parse_number(m, "num")
    whole = words_value(ratio.group(1))[0] if ratio.group(1)[0].isalpha() else \
        digits_value(ratio.group(1))
    if top is None or not 0 < top < whole or not top.is_integer():  # not "scored 7.3 out of 10"
        return None
    qualifier = qualifier_of(m.group("qual"))
    start = m.start() if m.group("qual") else m.start("num")
    unit, end = "%", ratio.end()
    counted, stop = unit_after(text, end, whole, False)
    if top == 1 and len(words := (counted or "").split()) > 1 and words[-1].endswith("s") and \
            is_plural(words[-2]) and not re.match(r"\s+[a-z]+s\b", text[stop:]):  # not "fans says"
        # the verb agrees with the one: "one in five children lives", "1 in 4 adults smokes"
        counted, stop = " ".join(words[:-1]), text.rindex(words[-2], end, stop) + len(words[-2])
    if counted is not None and not is_measure(counted) and counted.lower() != "chance":
        unit, end = f"% of {counted}", stop  # "4 in 10 voters": 40% of voters; not "a chance"
    return FigureMention(text=text[start:end], value=100 * top / whole, unit=unit,
                         qualifier=qualifier, low=None, high=None, start=start, end=end,
                         change=CHANGE[qualifier])


# An age bound said of people: "voters under 30", "children under 16", "those over 45".
_PARTICLE = re.compile(r"(?<![.!?:;\n]\s)(?<!^)\b(?!(?:The|All|Only|Some|Its|His|Her|Their)\b)"
                       r"[A-Z][a-z]+ $")
_PARTICLE_NAME = re.compile(r" [A-Z][a-z]+(?<!s)\b")
_MAGNITUDE = re.compile(r"\bmagnitude(?:\s+(?:of|at))?\s+$", re.IGNORECASE)
_QUAKE = re.compile(r"(?:earth)?quakes?|tremors?|aftershocks?|shocks?", re.IGNORECASE)
_BOUND = re.compile(r"(?:under|over|below|above)\s*", re.IGNORECASE)
_AGE_BOUND = re.compile(r"(?:younger|older)\s+than\s*", re.IGNORECASE)
_PEOPLE_BEFORE = re.compile(r"\b(?:people|voters|men|women|adults|those|americans|residents|"
                            r"workers|respondents|millennials|girls|boys|children|kids|teenagers|"
                            r"teens|students|users|drivers|anyone|everyone|latinos|hispanics|whites|"
                            r"blacks)\s+$", re.IGNORECASE)


def _figure(text: str, m: re.Match[str], paired: bool = False) -> FigureMention | None:
    """The figure ``m`` found, or ``None``; ``paired``: the second of a pair written with a
    hyphen ("the 48 of 52-48")."""
    digits = m.group("digits")
    if not m.group("cur") and not paired and (
            is_date_or_identifier(text, m.start("num"), m.end("num"), digits) or
            digits and in_code(text, m.start("num"), m.end("num"), digits)):
        return None
    if TIME_SUFFIX.match(text, m.end("num")):
        return None  # 10.45pm, 5 a.m.
    if text.startswith("-figure", m.end("num")):
        return None  # "a six-figure ad buy": how many digits an amount has, no count
    words = m.group("words")
    if words and m.start("num") > 0 and text[m.start("num") - 1].isalpha():
        return None
    if words == "ten" and _PARTICLE.search(text, max(0, m.start("num") - 30), m.start("num")) \
            and _PARTICLE_NAME.match(text, m.end("num")):
        return None  # "Erik ten Hag", "Corrie ten Boom": a Dutch name's particle
    if words and SPOKEN_YEAR.fullmatch(words):
        return None  # "in nineteen ninety-one": a year said aloud
    if words and words[0].isupper() and \
            not SENTENCE_START.search(text, max(0, m.start("num") - 8), m.start("num")):
        return None  # "Page Six", "the Six Nations": a name
    if digits and re.match(r"/\d", text[m.end("num"):m.end("num") + 2]):
        return None  # odds, dates and the like: "at 40/1", "9/11", "24/7"
    if digits and "/" in digits and digits_value(digits) % 1 == 0:
        return None  # "4/4", "8/8": not a fraction
    if words and FRACTION.fullmatch(words) and "-" not in words and re.search(
            r"\b(?:first|second|third|fourth|latter|back|front|other|the|this|that)\s+$|"
            r"\b(?:the|this|that|its|their|his|her|our)\s+[\w-]+\s+$",
            text[max(0, m.start("num") - 25):m.start("num")], re.IGNORECASE):
        return None  # "the first half of the year", "the upper half of her body", "the
        # Republican half of a polling team": a part, not a fraction
    one = bool(words) and words.lower() == "one"
    if one and never_counts(text, m.start("num"), m.end("num"),
                            bool(m.group("qual")) and not m.group("num2")):
        return None  # "around one another", "one-on-one talks", "talk about one of our rivals"
    lone_one = one and not (m.group("qual") or m.group("num2") or m.group("half") or
                            m.group("point"))
    value = parse_number(m, "num")
    if value is None:
        return None
    if m.group("tail"):  # a scale only money's sign makes one: "$5 mill", "Rs 500 cr"
        value = scaled(value, m.group("tail"))
    vague_high = None
    if words:
        low_words, vague_high = words_value(words)
        if vague_high is not None and low_words:
            vague_high *= value / low_words  # its scale: "a few hundred thousand people"
    value = times_ten(value, m.group("power") or m.group("signed") or m.group("sup") or
                      m.group("enote"))
    second = parse_number(m, "num2") if m.group("num2") else None
    second = times_ten(second, m.group("enote2")) if second is not None else None
    if score_or_code(text, m, value, second):
        return None
    start, end = m.start(), m.end()
    n0 = m.start("cur") if m.group("cur") else m.start("num")
    if m.group("neg") and not _PLUS_OR.search(text, max(0, m.start("neg") - 10), m.start("neg")):
        value = -value  # not "plus or minus 3 points": a margin of 3
    elif n0 > 0 and text[n0 - 1] in "-−" and (n0 < 2 or not text[n0 - 2].isalnum()) and \
            not paired:
        value, start = -value, n0 - 1  # -5 yards
    qual_text = m.group("qual")
    if qual_text and qual_text.lower().startswith("up to") and \
            _UP_VERB.search(text, max(0, m.start("qual") - 24), m.start("qual")):
        qual_text, start = None, n0  # "edged up to 4.1%": the level reached, not a bound
    qualifier = qualifier_of(qual_text)
    if qualifier == "exact" and re.search(r"\bsub-$", text[max(0, n0 - 4):n0], re.IGNORECASE):
        qualifier = "at_most"  # "sub-300 sq m office space"
    elif qualifier == "exact" and text.startswith("-plus", m.end("num")):
        qualifier = "at_least"  # "its 100,000-plus subscribers"
    after_number = None
    if qualifier == "exact" and second is None and not (words and FRACTION.fullmatch(words)):
        after_number = POST_QUALIFIER.match(text, m.end())
        if after_number:
            qualifier = post_qualifier(after_number)  # "100 or so staff", "two or more"
    elif qualifier == "approximate" and second is None:
        said_twice = POST_QUALIFIER.match(text, m.end())  # "some 250,000 or so Iowans"
        if said_twice and post_qualifier(said_twice) == "approximate":
            after_number = said_twice
    low = high = None
    pct = m.group("pct") or m.group("pct0")
    if second is not None:
        between = _BETWEEN.search(text[max(0, start - 10):start])
        moved = m.group("join") == "to" and not between and not spread(value, second) and \
            trend(text[max(0, start - 30):start])
        if m.group("join") == "and" and not between or m.group("pct0") and not m.group("pct") \
                or words and FRACTION.fullmatch(words) or moved:
            # "fell by a third to $20 billion", "surged 4 5/8 to 112 5/8": by how much, then
            # the level reached
            # "5 and 6" is two figures, not a range; nor is "rose 0.1% to 1,333": keep the
            # first, the next is found anew.
            end = m.end("pct0") if m.group("pct0") else max(m.end("num"), m.end("exp"))
            second = None
            pct = m.group("pct0")
        elif second <= value and not between and (m.group("join") == "to" or (
                m.group("join") in ("-", "–") and digits and m.group("num2")[:1].isdigit()
                and not (len(digits) == 4 and len(m.group("num2")) == 2))):
            # "46 to 40 percent", "voted 5 to 4", "1,428 to 1,153", "52-48", "58%-33%": two
            # figures set side by side (a poll, a vote, a tally), not a range; the second is
            # found anew (after a hyphen, by the scanner: see scan). "2014-15" is a range,
            # "one-half" a fraction.
            end = m.end("pct0") if m.group("pct0") else max(m.end("num"), m.end("exp"))
            second = None
        else:
            # "1.5-2 million": the second's scale applies to the first, when that is plausible.
            scale = re.search(rf"\s?({SCALE})\b", m.group("num2"), re.IGNORECASE)
            if scale and not re.search(rf"\d\s?({SCALE})\b", m.group("num"), re.IGNORECASE):
                by_scale = scaled(value, scale.group(1))
                if by_scale <= second:
                    value = by_scale
            low, high = value, second
            if between:
                start = between.start() + max(0, start - 10)
    elif vague_high is not None:
        low, high = value, vague_high  # "thousands of tests"
    if low is not None:
        change = CHANGE[qualifier]
        qualifier = "range"
    else:
        change = CHANGE[qualifier] if after_number is None else post_change(after_number)
    if qual_text and qualifier == "exact":
        start = m.start("neg") if m.group("neg") else n0
    unit: str | None = None
    currency = m.group("cur")
    scale_word = (m.group("scale") or "").strip()
    finance = _FINANCE_SCALE.match(text, end) if currency and not scale_word else None
    if finance and low is None:
        value = scaled(value, "million" if finance.group("million") else "trillion")
        end = finance.end()
    m_at = m.start("scale") if scale_word == "m" else -1
    if m_at < 0 and low is not None and re.search(r"\d\s?m$", m.group("num2") or ""):
        m_at = m.end("num2") - 1  # a range's, written after its second number: "0.5-1 m wide"
    if m_at >= 0 and not currency and not pct and metres_scale(
            text, n0, m_at, m.end(), bool(digits) and digits_value(digits) >= 1000):
        value, unit = value / 1e6, "m"
        if low is not None and high is not None:
            low, high = low / 1e6, high / 1e6
    if pct:
        unit = "%"
    elif currency:
        key = re.sub(r"\s", "", currency.lower())
        unit = CURRENCY_PREFIX.get(key) or CURRENCY_PREFIX.get(key.rstrip(".")) or \
            NEWS_PREFIX.get(re.sub(r"\s", "", currency)) or currency_code(currency) or currency
        if currency == "$":
            unit, end = whose_dollar(text, n0, end, unit)  # "$274 million CAD", "Canadian $5"
        rate = rate_after(text, end) or (  # "$20 or more an hour"
            rate_after(text, after_number.end()) if after_number else None)
        if rate:
            unit, end = f"{unit} per {rate[0]}", rate[1]
    fraction = bool(words and FRACTION.fullmatch(words))
    if after_number and (qualifier == "approximate" or
                         after_number.group().lower().endswith("plus")):
        end = after_number.end()
        if unit is None and _PERCENT.search(after_number.group()):
            unit = "%"  # its tolerance's: "10 ± 3%"
        if unit is None and after_number.group().lower() == "-something" and \
                value in range(20, 100, 10):
            unit = "years old"  # "a 40-something nominee", "thirty-something": in her forties
    if unit is None:
        glued = end < len(text) and (text[end:end + 1].isalpha() or text[end] in "″°º¢") and \
            bool(digits)
        if not fraction or re.search(r"\b(?:a|an)\s+$", text[max(0, start - 4):start],
                                     re.IGNORECASE):
            # a fraction counts what follows only as an adjective: "a two-thirds majority",
            # not "Two-thirds support reducing it"
            unit, end = unit_after(text, end, value, glued)
            if unit is None and after_number and end < after_number.end():
                # what a bound after the number counts: "200 or more people"
                unit, stop = unit_after(text, after_number.end(), value, False)
                end = stop if unit is not None else end
        else:  # but a part of a measure after it: "one-half mile east", "three-quarters mile"
            measure_unit, stop = unit_after(text, end, 2.0, False)
            if is_measure(measure_unit):
                unit, end = measure_unit, stop
        # a share in digits too: "1/3 of voters" as "a third of voters" (not "3/4 cup")
        share = fraction or bool(digits and "/" in digits and value < 1)
        if unit is None and share and not re.match(r"\s+of\s+(?:them|us|you|it)\b",
                                                   text[end:end + 16]):
            of = re.match(r"\s+(?:of\s+(?:(?:the|its|their|his|her|those|these|our|my|your|"
                          r"all)\s+)?|(?:the|its|their|his|her|those|these|our|my|your)\s+)(?=\S)",
                          text[end:end + 20], re.IGNORECASE)
            if of:
                unit, stop = unit_after(text, past_whole(text, end + of.end() - 1), 2.0, False)
                if unit is not None:
                    end = stop  # "half the condos": a share of the condos
            measure = re.match(r"(?i)\s+(?:of\s+)?an?\s+(?=\S)", text[end:end + 12])
            if unit is None and measure:
                unit, stop = unit_after(text, end + measure.end() - 1, 1.0, False)
                percent = _PERCENT.match(text, end + measure.end()) if unit is None else None
                if percent:
                    unit, stop = "%", percent.end()  # "a quarter of a percent"
                if is_measure(unit):
                    end = stop  # "three tenths of a second": a part of one unit
                else:
                    unit = None
        if unit is None and (vague_high is not None or words and words.lower() == "dozens"):
            of = re.match(r"\s+of\s+(?:the\s+)?(?=\S)", text[end:end + 12])
            if of:
                unit, stop = unit_after(text, end + of.end() - 1, 2.0, False)
                if unit is not None:
                    end = stop
        if unit is None and low is None and not m.group("qual") and \
                age_context(text, m.start("num"), m.end("num"), value):
            unit = "years old"
        elif value.is_integer() and value <= 115 and AGED.search(text[max(0, n0 - 40):n0]):
            # "men aged 18 to 34 who watch", "aged 18 to 34 watch it", "aged 2 to 5 years"
            span = canonical_unit(unit)
            if span in _SPANS:
                unit = f"{span}s old"
            elif unit in (None, "people") or \
                    not is_measure(unit) and not is_plural(unit.split()[-1].lower()):
                unit = "years old"
        elif qual_text and low is None and value.is_integer() and 1 <= value <= 115 and \
                (_BOUND.fullmatch(qual_text) and _PEOPLE_BEFORE.search(
                    text, max(0, start - 30), start) or _AGE_BOUND.fullmatch(qual_text)) and \
                (unit in (None, "people") or not is_measure(unit) and
                 not is_plural(unit.split()[-1])):
            # "voters under 30", "those over 45", "Men under 35 support Sanders", "anyone
            # younger than 18": an age bound
            unit, end = "years old", m.end("num")
    if unit is None and after_number and value.is_integer() and value <= 115 and (
            re.search(r"(?:older|younger)$", after_number.group(), re.IGNORECASE) or
            re.search(r"(?:over|above|under|below)$", after_number.group(), re.IGNORECASE) and
            _PEOPLE_BEFORE.search(text, max(0, start - 30), start)):
        unit, end = "years old", after_number.end()  # "voters 45 and older", "adults 65 and over"
    if low is None and (unit is None or _QUAKE.fullmatch(unit)) and \
            _MAGNITUDE.search(text, max(0, n0 - 24), n0):
        unit, end = "magnitude", m.end("num")  # "a magnitude 6.8 earthquake": "7.8-magnitude"
    below = below_zero(text, end) if unit is None and low is None else None
    if below:
        # "it was 5 below zero": degrees unsaid, their scale perhaps after ("... Fahrenheit")
        unit = scale_after(text, below.end()) or "degrees"
    if unit is not None and low is None:
        value, end = unit_tail(text, end, value, unit)  # "an hour and a half", "below zero"
    if qualifier == "exact" and low is None and unit is not None and not fraction:
        after_unit = POST_QUALIFIER_AFTER_UNIT.match(text, end)
        if after_unit:
            qualifier, end = post_qualifier(after_unit), after_unit.end()  # "$5 or more"
            change = post_change(after_unit)
            rate = rate_after(text, end) if " per " not in unit else None
            if rate:
                unit, end = f"{unit} per {rate[0]}", rate[1]  # "5 euros or less a day"
    if lone_one and not counts_noun(text, m.start("num"), m.end("num"), unit) or \
            (words or "").lower() == "zero" and measures_nothing(text, m.end("num"), unit):
        return None  # "one reason", "one mile"; not "one said", "one day", "a zero-sum game"
    if words and (words.lower() == "half" and unit is None and re.match(r"(?i)\s+an?\s", text[end:])
                  or words.lower() in ("a", "an") and not is_measure(unit)):
        return None  # "half a chance", "half a world away", "a fight and a half": no measure
    while start < end and text[start].isspace():
        start += 1
    if not _WHEN_AFTER.match(text, end):  # "narrowly lost four years later": a time, not a fall
        change = movement(text, start) or change
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
# (a currency code: "EUR50m", "RM23.50") and after the rupee's "Rs." ("Rs.500").
_ANCHOR = re.compile(rf"(?<![A-Za-z0-9_.,/])\.?\d|(?<=[A-Z])\d|(?<=\b[Rr]s\.)\d|"
                     rf"(?<![A-Za-z0-9_.,/])[{''.join(VULGAR)}]|"
                     rf"\b(?=[a-z])(?:{NUM_WORD}|a dozen|dozens|"
                     rf"a hundred|a thousand|a million|a billion|half|a {ONE_DENOMINATOR}|"
                     rf"an?\s+{ONE_MEASURE}|several|a few|a couple|"
                     rf"hundreds|thousands|millions|billions|tens of)\b", re.IGNORECASE)


_WHEN_AFTER = re.compile(r"\s+(?:later|ago|earlier)\b", re.IGNORECASE)

_LOOKBACK = 40  # longest qualifier and currency before a number
