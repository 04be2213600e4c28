"""What a figure takes from the figures next to it: a unit, a qualifier or a change said once
for two numbers ("eight or nine euros", "from 208 pounds to 193", "100 km (60 miles)", "5,000
people in France and 2,000 in Germany"), an index level's points, a scale said once ("two or three
million people")."""

from __future__ import annotations

import re
from dataclasses import replace

from ..sentences import sentence_around
from .canonical import canonical_unit, is_measure
from .change import MOVE_WORD, trend
from .context import CLAUSE_END, word_before
from .mention import FigureMention
from .numbers import NUM_WORD, SCALE, SHARE, scaled
from .words import AGAINST, MEASURE_WORDS, UNIT_NAMES, is_plural, verbs

__all__ = ["ELIDED", "neighbours"]

# Whether a count's noun left out after "and" is its neighbour's (switchable for measurement),
# where a place or a time follows the bare number.
ELIDED = True
_PLACE_AFTER = re.compile(r"\s+(?:in|at|on|from|across|outside|inside)\s+(?:the\s+)?[A-Z0-9]")
_SENTENCE_END = re.compile(r"[.;!?]\s")


def neighbours(text: str, figures: list[FigureMention]) -> list[FigureMention]:
    """What a figure takes from the figure next to it (see the module docstring)."""
    out = list(figures)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        between = text[a.end:b.start]
        if len(between) > 40 or _SENTENCE_END.search(between):
            continue
        if re.fullmatch(r"\s*(?:\(|,\s*or|or)\s*", between) and b.qualifier == "exact" and \
                b.change == "=" and not (SHARE.search(a.text) and b.unit == "%"):
            # (a share restated as a percentage is its exact value: "more than half (57 percent)")
            # "more than 100 kilometres (60 miles)", "lost 190 points, or 0.6%"
            out[i] = b = replace(b, qualifier=a.qualifier if a.qualifier != "range" else
                                 b.qualifier, change=a.change)
        if b.unit is None and a.unit and a.unit != "%" and b.low is None and (re.fullmatch(
                r",?\s*(?:to|or|and|versus|vs\.?|(?:up |down )?from|rather than|instead of|not|"
                r"compared (?:with|to)|"
                r"(?:[a-z]+\s+)?(?:including|of which|of whom|among them))\s*", between) or
                _PART_OF.fullmatch(between) and b.value <= a.value) and \
                not _count_after_age(a, b):
            # "from 208 pounds to 193", "912,000 vehicles in the quarter, of which 96,000", "10
            # judges rather than 11"
            out[i] = b = replace(b, unit=a.unit)
        if b.unit is None and a.unit and a.unit != "%" and b.low is None and \
                re.fullmatch(r",\s*", between) and _DIFFERENCE.match(text, b.end):
            out[i] = b = replace(b, unit=a.unit)  # "on 28 points, four behind Chelsea"
        if _gapped_move(text, a, b, between):
            # the verb said once for two subjects: "the S&P 500 has risen 24% this year and the
            # Nasdaq 40%", "sales rose 5% in France and 7% in Germany"
            out[i] = b = replace(b, change=a.change)
    for i in range(1, len(out)):
        b = out[i]
        if b.unit is not None or b.low is not None:
            continue
        for a in reversed(out[max(0, i - 3):i]):
            between = text[a.end:b.start]
            if a.unit is None or len(between) > 60 or _SENTENCE_END.search(between):
                continue
            if ELIDED and re.fullmatch(r"\s+(?:[\w'’-]+\s+){0,3}(?:and|but|while)\s+", between) \
                    and _PLACE_AFTER.match(text, b.end) and is_plural(a.unit.split()[-1]):
                # the noun left out after "and": "5,000 people in France and 2,000 in Germany"
                out[i] = replace(b, unit=a.unit)
                break
            if is_plural(a.unit.split()[-1]) and (
                    _MORE_OF.search(between) or _MORE_AFTER.match(text, b.end) or
                    b.value <= a.value and
                    re.fullmatch(r"(?:\s+[\w'’-]+){0,4},\s*(?:and\s+)?", between) and
                    _OF_THEM.match(text, b.end)):
                # more of the same: "40 million Americans have diabetes, and a further 96
                # million", "80,000 Democrats caucused, about 10,000 more than expected"; or
                # some of them: "450 beds, 38 of them in intensive care", "Ten people were
                # arrested, four of them minors"
                out[i] = replace(b, unit=a.unit)
                break
            if _EARLIER_LEVEL.search(between):
                # the level it moved from, its unit said once: "1,240 people are in shelters,
                # down from 1,900 on Monday"
                out[i] = replace(b, unit=a.unit)
                break
            gapped = _GAPPED.fullmatch(between)
            if is_plural(a.unit.split()[-1]) and (
                    gapped and re.match(rf"\s+{gapped.group(1)}\s", text[b.end:b.end + 12]) or
                    _CASUALTIES.fullmatch(between) and _CASUALTY.match(text, b.end)):
                # the noun said once, the same preposition or verb after each number ("42 votes
                # for Trump, 18 for Cruz"), or a toll ("14 people dead and 20 wounded")
                out[i] = replace(b, unit=a.unit)
                break
            if is_plural(a.unit.split()[-1]) and _SUBJECTS.fullmatch(between) and \
                    _acted(text, a.end) and _acted(text, b.end):
                # each number the subject of its own verb, the noun said once: "158 golf
                # courses closed and just 14 opened"
                out[i] = replace(b, unit=a.unit)
                break
            if re.search(r"\b(?:but|while|whilst|whereas|and)\b|[,;]\s+[A-Z]", between) and \
                    word_before(text, a.start) == word_before(text, b.start) is not None and \
                    CLAUSE_END.match(text, b.end) and not _EXCHANGE_RATE.match(text, b.end):
                # the unit left out of a parallel clause: "rose by 2 percent but X fell by 1.",
                # and the verb too: "rose by 3% in 2022 and by 5 in 2023" (not a rate of
                # exchange)
                change = b.change
                if change == "=" and not MOVE_WORD.search(between):
                    change = a.change
                out[i] = replace(b, unit=a.unit, change=change)
                break
    _tallies(text, out)
    _periods(text, out)
    _index_levels(text, out)
    _exchange_rates(text, out)
    _scale_said_before(text, out)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        sign = _SIGN.match(a.text)
        scale = _SCALED.match(b.text, len(sign.group()) if sign and b.text.startswith(
            sign.group()) else 0)
        if scale and a.low is None and b.low is None and \
                _BARE.fullmatch(a.text, len(sign.group()) if sign else 0) and \
                (re.fullmatch(r"\s+or\s+", text[a.end:b.start]) or sign and a.unit == b.unit and
                 re.fullmatch(r"\s+(?:or|to|and)\s+|-to-", text[a.end:b.start])):
            value = scaled(a.value, scale.group(1))
            if value < b.value:
                # "two or three million people": two million; "$5 or $6 million", "$5-to-$6
                # million": $5 million
                out[i] = replace(a, value=value)
    listed = False  # whether the figure after took its unit so: a list may go on before it
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        between = text[a.end:b.start]
        if a.unit is None and b.unit and a.low is None and not SHARE.search(a.text) and (
                re.fullmatch(r"\s*(?:(?:or|and)(?:\s+(?:even|perhaps|maybe|possibly))?|to|-|–|x|X|×|"
                             r"out of(?: the| their| its)?)\s*", between) or
                listed and re.fullmatch(r",\s*", between) or
                _BY.fullmatch(between) and b.text[:1].isdigit() and is_measure(b.unit)):
            # "eight or nine euros", "a 4 x 4 metre room", "a 10-by-12-foot room", "340 out of
            # 630 seats", and a list
            # said before them: "100,000, 200,000 or 250,000 Syrian refugees"
            out[i] = replace(a, unit=b.unit)
            # ("three, four and even five hours")
            listed = bool(re.fullmatch(r"\s*(?:or|and)(?:\s+\w+)?\s*|,\s*", between))
            continue
        listed = False
        if b.unit and len(b.unit.split()) > 1 and is_plural(b.unit.split()[-1]) and \
                a.low is None and not SHARE.search(a.text):
            # a modifier said with each number, the noun once: "104 merchant and 16 military
            # vessels", "5 British and 3 French officials"
            modifier = _MODIFIER_AND.fullmatch(text[a.end:b.start])
            if a.unit is None and modifier:
                out[i] = replace(a, unit=f"{modifier.group(1)} {b.unit.split()[-1]}")
            elif a.unit and re.fullmatch(r"[a-z]+", a.unit) and not is_plural(a.unit) and \
                    a.unit not in MEASURE_WORDS and a.unit not in UNIT_NAMES and \
                    re.fullmatch(r"\s+(?:and|or)\s+|,\s+", text[a.end:b.start]):
                out[i] = replace(a, unit=f"{a.unit} {b.unit.split()[-1]}")
        rate = re.search(r"\s+per\s+\w+$", b.unit or "")
        if rate and a.unit and " per " not in a.unit and is_plural(a.unit.split()[-1]) and \
                re.fullmatch(r",\s*|,?\s+and\s+", text[a.end:b.start]):
            # a rate said once for a list: "27.1 points, 7.4 rebounds and 7.4 assists per game"
            out[i] = replace(a, unit=a.unit + rate.group())
    return _ranges(text, out)


_FROM_END = re.compile(r"\s+from\s+$")  # "rose from 20F to 50F" moves, as "rose 20F to 50F"
_RANGE_JOIN = re.compile(r"\s*(?:to|-|–)\s*")
_WRITTEN_UNIT = re.compile(r"[^\d.,\s−-]")


# a span of time, by its canonical name ("years", "yrs": "year")
_DURATIONS = frozenset(("year", "month", "week", "day", "hour", "minute", "decade", "quarter",
                        "season"))
_OVER = re.compile(r"over\s+", re.IGNORECASE)


def _periods(text: str, figures: list[FigureMention]) -> None:
    """"over" and a span of time after an amount is the time it takes, not "more than": "$5
    billion over 10 years", "2,000 jobs over five years", "rose 20% over two years", right after
    it (but "served over 20 years", "for over six years", "3 men served over 20 years" are
    more than that)."""
    for i in range(1, len(figures)):
        a, b = figures[i - 1], figures[i]
        over = _OVER.match(b.text)
        if over and b.qualifier == "at_least" and canonical_unit(b.unit) in _DURATIONS and \
                text[a.end:b.start].isspace():
            figures[i] = replace(b, text=b.text[over.end():], start=b.start + over.end(),
                                 qualifier="exact", change="=")


# A tally's verbs: what a candidate, a team or a city has, wins, gets or receives ("Cruz has 69",
# "will win at least 56", "leads with 221", "Sanders will receive at least 71")
_TALLY = frozenset(("has", "have", "had", "won", "win", "wins", "winning", "get", "gets", "got",
                    "gain", "gains", "gained", "take", "takes", "took", "with", "up", "receive",
                    "receives", "received", "earn", "earns", "earned", "secure", "secures",
                    "secured", "collect", "collects", "collected"))
_TOTAL_OF = re.compile(r"\s(?:a\s+)?total\s+of\s+$")
# A new subject between two counts: a sentence's end, or a comma or a conjunction then a capital
_NEW_SUBJECT = re.compile(r"[.;!?]\s|(?:,|\band|\bwhile|\bbut|\bwhereas)\s+"
                          r"(?:(?-i:[A-Z])|(?:he|she|they|it|we)\b)")
# The gapped verb: "and Sanders at least 69", ", Kasich 19"
_GAPPED_NAME = re.compile(r"(?:,\s*|,?\s+(?:and|while|but|whereas)\s+)(?-i:[A-Z][\w.'’-]+)"
                          r"(?:\s+(?-i:[A-Z][\w.'’-]+))?\s+")
_TALLY_END = re.compile(rf"{CLAUSE_END.pattern}|\s+to\s+(?:win|clinch)\b")


def _tallies(text: str, figures: list[FigureMention]) -> None:
    """A bare count in a tally takes the noun of the count before it, said once for several
    subjects, up to two sentences back in its paragraph: "Trump leads with 221 delegates. Cruz
    has 69, Rubio has 41", "Clinton has at least 501 delegates and Sanders at least 69". Both
    are what someone has, wins or gets; a new subject stands between them ("Acapulco, which has
    847,735 citizens, had 883" is no tally)."""
    for i, b in enumerate(figures):
        if b.unit is not None or b.low is not None or b.value != int(b.value) or \
                b.value < 2 or SHARE.search(b.text) or not _TALLY_END.match(text, b.end):
            continue
        a = figures[i - 1] if i else None
        if a is None or not a.unit or is_measure(a.unit) or a.unit == "years old" or \
                not is_plural(a.unit.split()[-1]) or _tally_verb(text, a.start) not in _TALLY:
            continue
        between = text[a.end:b.start]
        if len(between) > 300 or "\n\n" in between or len(_SENTENCE_END.findall(between)) > 2:
            continue
        if _tally_verb(text, b.start) in _TALLY and _NEW_SUBJECT.search(between) or \
                _GAPPED_NAME.fullmatch(between):
            figures[i] = replace(b, unit=a.unit)


def _tally_verb(text: str, start: int) -> str | None:
    """The word before a count, past "a total of"."""
    total = _TOTAL_OF.search(text, max(0, start - 16), start)
    return word_before(text, total.start() if total else start)


def _count_after_age(a: FigureMention, b: FigureMention) -> bool:
    """Whether ``b``, in words after an age in digits, counts people instead ("One of the boys
    was 16 and two were 17": the news writes ages in digits)."""
    return a.unit == "years old" and a.text[:1].isdigit() and not any(c.isdigit() for c in b.text)


# What may stand between two figures of one movement, its verb said once: a place or a time
# of the first, then "and" or a comma, then the second's subject of up to three words.
_GAPPED_MOVE = re.compile(r"(?:\s+(?:in|on|this|last|over|for)\s+[\w&.'’ -]{1,24}?)?"
                          r"(?:,\s*(?:and\s+|while\s+)?|,?\s+(?:and|while|whereas)\s+)"
                          r"((?:[\w&.'’-]+\s+){0,3})")
_NOT_A_SUBJECT = re.compile(r"\b(?:is|was|are|were|be|been|being|has|have|had|stood|stands|"
                            r"remained|remains|at|to|from|of|by|with|than|about|around)\b",
                            re.IGNORECASE)


def _gapped_move(text: str, a: FigureMention, b: FigureMention, between: str) -> bool:
    """Whether ``b`` moves as ``a`` does, its verb left out: the same unit, no verb or level
    word of its own, and its clause ending after it."""
    if b.change != "=" or a.change not in ("up", "down") or a.low is not None or \
            b.low is not None or not a.unit or canonical_unit(a.unit) != canonical_unit(b.unit):
        return False
    gapped = _GAPPED_MOVE.fullmatch(between)
    return bool(gapped and not _NOT_A_SUBJECT.search(gapped.group(1)) and
                not MOVE_WORD.search(between) and
                not any(w.lower() in verbs() for w in gapped.group(1).split()) and
                re.match(r"\s*(?:[.,;)]|$)|\s+(?:in|on|this|last|over|for|during|and)\b",
                         text[b.end:b.end + 12]))


def _ranges(text: str, figures: list[FigureMention]) -> list[FigureMention]:
    """Two figures of one unit, each written with it, as a range: "50mm to 70mm", "30C-35C" (as
    "50 to 70mm" are read). Not a level moved to ("rose from 5C to 8C"), nor a unit the second
    took from the first ("1 USD to 14.4 R"), nor a level moved from ("rose from 20F to 50F"),
    nor percentages, which the scanner reads ("3% to 5%" a range, "lost the state 36 percent to
    51 percent" a tally)."""
    out: list[FigureMention] = []
    for b in figures:
        a = out[-1] if out else None
        if a is not None and a.unit and a.unit == b.unit and a.unit != "%" and \
                a.low is None and b.low is None and a.value < b.value and b.qualifier == "exact" \
                and _WRITTEN_UNIT.search(a.text) and _WRITTEN_UNIT.search(b.text) and \
                _RANGE_JOIN.fullmatch(text, a.end, b.start) and \
                not trend(_FROM_END.sub(" ", text[max(0, a.start - 36):a.start])):
            out[-1] = replace(a, text=text[a.start:b.end], qualifier="range", low=a.value,
                              high=b.value, end=b.end)
            continue
        out.append(b)
    return out


# A rate of exchange after a bare number, which is no parallel of the money before it: "valued at
# EUR12bn, while the yen traded at 151.3 per dollar"
_EXCHANGE_RATE = re.compile(rf"\s+{AGAINST}\s+(?:U\.?S\.?\s+)?(dollar|euro|"
                            r"yen|yuan|greenback|sterling|franc|rouble|ruble|rupee)\b",
                            re.IGNORECASE)
# The currency whose rate it is, the subject before the number: "the yen weakened past 150 per
# dollar".
_RATE_OF = re.compile(r"\b(?:the|The)\s+(dollar|euro|yen|yuan|renminbi|rouble|ruble|rupee|pound|"
                      r"sterling|won|lira|rand|peso|real|franc|krona|rupiah|ringgit|baht|shekel)\b"
                      r"(?![\w-])")


def _exchange_rates(text: str, figures: list[FigureMention]) -> None:
    """A bare number of a rate of exchange takes its two currencies: "the yen weakened past 150
    per dollar" is 150 yen per dollar (not "against the dollar", which may be either way)."""
    for i, f in enumerate(figures):
        per = _EXCHANGE_RATE.match(text, f.end) if f.unit is None and f.low is None else None
        if per is None or per.group().split()[0].lower() != "per":
            continue  # ("83.2 against the dollar" may be either way round)
        opens, _ = sentence_around(text, f.start, f.end)
        named = [m.group(1).lower() for m in _RATE_OF.finditer(text, opens, f.start)]
        base = "dollar" if per.group(1).lower() == "greenback" else per.group(1).lower()
        if named and named[-1] != base:
            noun = named[-1] + "s" if named[-1] + "s" in UNIT_NAMES else named[-1]
            figures[i] = replace(f, unit=f"{noun} per {base}", end=per.end())


# A part of a count a few words on: "912,000 vehicles in the quarter, of which 96,000"
_PART_OF = re.compile(r"(?:\s+[\w'’-]+){1,4},\s*(?:of which|of whom|of them|among them|"
                      r"including)\s+")
# A difference said right after a count, in its unit: "on 28 points, four behind Chelsea", "won
# 411 seats, 85 more than it needed", "48 votes, 12 short of the 60 required"
_DIFFERENCE = re.compile(r"\s+(?:more|fewer|less|behind|ahead|short|clear|adrift|shy)\b")


# What stands between a level and the one it moved from, in the same clause: ", down from", ",
# up sharply from a peak of", and without its comma ("40,000 troops under direct command up from")
_EARLIER_LEVEL = re.compile(r"(?:,\s*|\s)(?:up|down)(?:\s+\w+ly)?\s+from\s+"
                            r"(?:(?:a|its|the)\s+(?:peak|high|low|record)\s+of\s+)?$")


# More of what the figure before counted, or a part of it.
_MORE_OF = re.compile(r"\b(?:a\s+further|another|an\s+additional|an\s+extra)\s+$", re.IGNORECASE)
# "more" after the bare number: "14 courses, and bought two more", "80,000 Democrats caucused,
# about 10,000 more than expected"
_MORE_AFTER = re.compile(r"\s+more\b(?!\s+(?:of|and|or)\b)")
_OF_THEM = re.compile(r"\s+of\s+(?:them|those|these|whom|which)\b")


# After a number and its noun, the preposition that the next number repeats: "42 votes for Trump,
# 18 for Cruz", the second number right after the comma or the "and" (not "100 metres in 2009
# and earned 2m in May")
_GAPPED = re.compile(r"\s+(for|in|at|on|from|against|among|have|has|had|are|were|will|would|"
                     r"said|say|voted|backed|support)\s+(?:(?!\band\b)[^,;.()]){1,40}?,?\s+(?:and\s+)?")


# The toll said once for the dead and again for the wounded: "14 people dead and more than 20
# wounded", "three people were killed and 260 injured"
_CASUALTY = re.compile(r"\s+(?:were\s+|had\s+been\s+|have\s+been\s+)?(?:dead|died|wounded|injured|"
                       r"killed|hurt|missing)\b")
_CASUALTIES = re.compile(rf"{_CASUALTY.pattern}[^.;]{{0,30}}?,?\s+(?:and\s+)?")


# Two counts, each the subject of its own verb in the past: "158 courses closed and just 14
# opened", "12 players stayed, while 9 went home" (not "9 left", read as the noun "left").
_SUBJECTS = re.compile(r"\s+[a-z]+(?:\s+[^.;,]{1,30}?)?,?\s+(?:and|but|while|whereas)\s+"
                       r"(?:(?:just|only|another|about|some|nearly|almost|roughly|perhaps)\s+)?")
_VERB_AFTER = re.compile(r"\s+([a-z]+)\b(?!['’-])")


def _acted(text: str, end: int) -> bool:
    """A verb in the past right after ``end``: one news uses nearly always so ("went"), or a
    word in -ed."""
    verb = _VERB_AFTER.match(text, end)
    return bool(verb and (verb.group(1).endswith("ed") or verb.group(1) in verbs()))


# Two sides of an area: "a 10 by 12 foot room", "an 8-by-11-inch sheet".
_BY = re.compile(r"\s+by\s+|-by-")


# A number with a scale ("three million", "8bn") and a number without ("two", "5").
_SCALED = re.compile(rf"(?:[\d.,]+|(?:{NUM_WORD})(?:-(?:{NUM_WORD}))?)\s?({SCALE})\b",
                     re.IGNORECASE)
_MODIFIER_AND = re.compile(r"\s+([A-Za-z][a-z-]+)\s+(?:and|or)\s+")
_SIGN = re.compile(r"[$£€¥₹]|[A-Z]{1,3}\$\s?")
_BARE = re.compile(rf"[\d.,]+|(?:{NUM_WORD})(?:-(?:{NUM_WORD}))?", re.IGNORECASE)


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
        begin, end = sentence_around(text, f.start, f.end, reach=400)
        if any(begin <= g.start and g.end <= end for g in points):
            figures[i] = replace(f, unit="points")


# A scale of temperature said once: "95 degrees Fahrenheit on Monday and on Tuesday it hit 101
# degrees". Not where an angle is meant ("turned 90 degrees", "a 45-degree slope").
_TEMPERATURE_SCALE = {"celsius": "°C", "fahrenheit": "°F"}
_ANGLE = re.compile(r"\b(?:angle|turn|turned|turns|turning|rotat\w*|tilt\w*|slope\w*|latitude|"
                    r"longitude|north|south|east|west|arc|incline\w*|pitch|bank\w*|spin\w*|"
                    r"degree turn|about-face|u-turn)\b", re.IGNORECASE)


_PAIRED = re.compile(r"\s*(?:and|to|or|through|-|–|—)\s*(?:minus\s+)?$")


def _scale(figure: FigureMention | None) -> str | None:
    """The temperature scale a figure is written in ("°C", "°F"), if any."""
    return _TEMPERATURE_SCALE.get(canonical_unit(figure.unit)) if figure else None


def _scale_said_before(text: str, figures: list[FigureMention]) -> None:
    """A bare number of degrees takes the scale of the temperature it is paired with ("between
    0° and -2°C (32° and 28°F)", "from 10° to 15°C"), or else of the nearest temperature before
    it in its paragraph, a few sentences back at most, where no angle is spoken of between."""
    for i, f in enumerate(figures):
        if f.unit is None or canonical_unit(f.unit) != "degree":
            continue
        pair = figures[i + 1] if i + 1 < len(figures) else None
        scale = _scale(pair)
        if pair and scale and _PAIRED.fullmatch(text, f.end, pair.start) and \
                not _ANGLE.search(text, max(0, f.start - 40), pair.end):
            figures[i] = replace(f, unit=scale)
            continue
        for g in reversed(figures[max(0, i - 6):i]):
            scale = _scale(g)
            if scale is None:
                continue
            between = text[g.end:f.start]
            if len(between) <= 400 and "\n\n" not in between and \
                    not _ANGLE.search(text, g.end, f.end + 20):
                figures[i] = replace(f, unit=scale)
            break
