"""Text written in capitals, or with no capital at all, read as if written in ordinary case.

A headline, a wire story or a message typed in capitals ("NORTH KOREA SENDS 10,000 TROOPS",
"NET 3,456,000 VS 2,345,000"), or a transcript typed without capitals, hides what the analysers
read from case: names, the start of a sentence, a unit word against an acronym. :func:`readable`
gives such a text back with each line written wholly in capitals (every line, in a text without
a capital) re-cased word by word: each word in the form the news writes it most often ("NATO",
"U.S.", "Trump", "troops"), counted in the fit files' text (``models/casing.json``, built by
``python -m summarize.analysers.train --only casing``), and a sentence's first word capitalised.
One character stands for one, so every offset into the result is one into the text: the
analysers read the result and quote the text.
"""

from __future__ import annotations

import collections
import functools
import re
from collections.abc import Iterable
from typing import Any

from ..vocabulary import MONTHS_IN_FULL, NUMBER_WORDS, SCALE_WORDS, TENS_WORDS, WEEKDAYS
from .sentences import ABBREVIATIONS, RUNS_ON, ending_at
from .shipped import shipped_json

__all__ = ["common_word", "fit_casing", "possessive_name", "readable"]

# A word: letters, or initials with full stops ("U.S.", "D.C."); digits and hyphens part words.
WORD = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)+\.?|[^\W\d_]+")
# What opens a sentence before a word inside a line: a full stop, question or exclamation mark
# or colon and a space, with any opening quotation marks or brackets.
_OPENING = re.compile(r"[.!?:]\s+[\"'“‘(\[]*\Z")
# A quotation's first word: it may open a sentence of its own ('said, "Ninety-three percent'),
# so its case is not counted (the re-casing itself leaves a word after a quotation mark alone:
# most quote a phrase, 'called it "a disaster"').
_QUOTATION = re.compile(r"(?:^|\s)[\"“‘]+\Z")
# A line is shouted when it has no lowercase letter and at least this many words of two letters
# or more: a lone "NATO" or "WASHINGTON" is how an ordinary text writes it.
MIN_WORDS = 2
# A capital letter other than the pronoun "I" ("I'm", "I said"): a text with none is typed without
# capitals (a transcript, a chat log) and read re-cased whole.
_CAPITAL_BUT_I = re.compile(r"[A-HJ-Z]")  # a quick test first; then every "I" a word of its own
_PRONOUN_I = re.compile(r"(?<!\w)I(?!\w)")
# Two capital letters in a row: a text without them has nothing shouted (the common case).
_CAPITALS = re.compile(r"[A-Z]{2}")
_LINE = re.compile(r"[^\n]+")
_OPENERS = " \t\"'“‘(["
_MONTHS = frozenset(MONTHS_IN_FULL.split("|"))
_DAY_AFTER = re.compile(r"\s\d{1,2}(?!\d)")
_DAY_BEFORE = re.compile(r"(?<!\d)\d{1,2}(?:st|nd|rd|th)?\s\Z")
# A form is kept when the word is seen at least this often and most often in that form.
MIN_COUNT = 1
# A word mostly capitalised but written in lowercase at least this often ("pence" of Mike Pence,
# "states" of the United States): after a number it is the common noun ("5 PENCE", "50 STATES",
# "two states").
ALSO_LOWERCASE = 1
_NUMBERS = frozenset([*NUMBER_WORDS, *TENS_WORDS, *SCALE_WORDS])
# "50 STATES", "FIVE STATES"
_NUMBER_BEFORE = re.compile(rf"(?:\d|\b(?:{'|'.join(sorted(_NUMBERS))}))[\s-]\Z", re.IGNORECASE)
_WEEKDAYS = frozenset(WEEKDAYS.split("|"))
_OWNED_OR_CODE = re.compile(r"['’]s\b|-\d", re.IGNORECASE)


_TIMES = re.compile(r"[\d\"”″'’′]\s?\Z")
_DIGIT_NEXT = re.compile(r"\s?\d")
# How far before a word a day or a dimension's times is looked for (the patterns are at most six
# characters long): not from the line's start, which a line of a thousand "may"s read a
# thousand times.
_REACH = 8


def readable(text: str) -> str:
    """``text`` with every line written in capitals re-cased, or every line when it has no
    capital but the pronoun "I" (the same length; ``text`` itself when nothing is re-cased)."""
    if text.islower() or not _CAPITAL_BUT_I.search(text) and \
            _PRONOUN_I.sub("i", text).islower():
        return _readable(text, True)  # no capital but "I": every line is read re-cased
    if not _CAPITALS.search(text):
        return text
    return _readable(text, False)


@functools.lru_cache(maxsize=8)
def _readable(text: str, every_line: bool) -> str:
    # Remembered: a briefing hands the same text to each analyser in turn.
    out: list[str] | None = None
    for line in _LINE.finditer(text):
        body = line.group()
        if not (every_line or body.isupper()):
            continue
        words = list(WORD.finditer(body))
        if sum(len(m.group()) > 1 for m in words) < MIN_WORDS:
            continue
        out = out if out is not None else list(text)
        first = len(body) - len(body.lstrip(_OPENERS))  # where the line's first word stands
        forms = _forms(body, words)
        for i, (m, form) in enumerate(zip(words, forms, strict=True)):
            word = m.group()
            if _glued(body, m.start(), m.end()):
                continue  # "G7": a code
            if body[m.start() - 1:m.start()].isdigit():
                form = word.lower()  # "5KG", "330ML": a unit, in its small letters
            elif word.lower() == "x" and ending_at(_TIMES, body, m.start(), _REACH) and \
                    _DIGIT_NEXT.match(body, m.end()):
                form = "x"  # "5'3\" x 7'6\"", "4 x 4": a dimension's times, no letter X
            elif _common_noun_after_number(body, words, forms, i):
                form = word.lower()  # "5 PENCE A SHARE": the coin, not the name
            elif form.islower() and form in _MONTHS and (_DAY_AFTER.match(body, m.end()) or
                                                         ending_at(_DAY_BEFORE, body, m.start(),
                                                                   _REACH)):
                form = form.title()  # "MAY 10", "10 MAY": the month, not the modal
            if ((not _runs_on(text, line.start())) if m.start() == first else
                    _opens(body, m.start())) and body[m.end():m.end() + 1] != "$":
                form = form[:1].upper() + form[1:]  # not a currency's "us$", "hk$"
            if len(form) != len(word):
                continue  # "İ", whose small form is two characters; "ẞ", whose capital is two
            start = line.start() + m.start()
            out[start:start + len(form)] = form
    return "".join(out) if out is not None else text


def _common_noun_after_number(body: str, words: list[re.Match[str]], forms: list[str],
                              i: int) -> bool:
    """Whether word ``i``, after a number, is the common noun of a word the news writes mostly
    capitalised but also in lowercase ("5 PENCE", "16 STATES"): not a month, a name or a code."""
    key = words[i].group().lower()
    return _NUMBER_BEFORE.search(body, max(0, words[i].start() - 12), words[i].start()) is not \
        None and forms[i] != key and key in _lexicon()[2] and key not in _MONTHS and \
        not _name_after(body, words, forms, i)


def _name_after(body: str, words: list[re.Match[str]], forms: list[str], i: int) -> bool:
    """Whether word ``i`` reads as part of a name or a code: the word after it, with a space or a
    hyphen between, is capitalised ("8 RAND PAUL", "2 HOUSE DEMOCRATS", "23 CARRION-MOORE"), or
    a possessive or a hyphen and a digit follow it ("30,000 CLINTON'S LAWYERS", "90,000 K-1
    VISAS"); not a day's name ("16 STATES TUESDAY")."""
    if _OWNED_OR_CODE.match(body, words[i].end()):
        return True
    return i + 1 < len(words) and forms[i + 1][:1].isupper() and \
        forms[i + 1].lower() not in _WEEKDAYS and \
        body[words[i].end():words[i + 1].start()].strip() in ("", "-")


def _glued(body: str, start: int, end: int) -> bool:
    """Letters glued to the digits after them: a code ("G7", "F16", "MH17"). (Letters after
    digits are read re-cased: "5M", "10KM" are as often units as codes.)"""
    return body[end:end + 1].isdigit()


def _opens(body: str, at: int) -> bool:
    """Whether the word at ``at`` inside a line opens a sentence: the end of a sentence before
    it, not an abbreviation's full stop ("U.S. AND NATO", "SEN. WARREN")."""
    found = _OPENING.search(body, max(0, at - 16), at)
    if found is None:
        return False
    before = body[max(0, found.start() - 40):found.start() + 1].rsplit(None, 1)[-1:] or [""]
    word = before[0].lstrip(_OPENERS)
    return not (word.endswith(".") and ("." in word[:-1] or len(word) == 2 and word[0].isalpha()
                                         or word[:-1].lower() in ABBREVIATIONS))


def _runs_on(text: str, start: int) -> bool:
    """Whether the line before the one at ``start`` runs on into it: it ends on a comma or a
    word no sentence ends on (the sentence splitter's ``RUNS_ON``); a paragraph's first line
    opens a sentence."""
    before = text[max(0, start - 40):start]
    if not before.endswith("\n") or before.endswith("\n\n"):
        return False
    last = before.rstrip().rsplit(None, 1)[-1:] or [""]
    return last[0].endswith(",") or last[0].lower() in RUNS_ON


def _forms(body: str, words: list[re.Match[str]]) -> list[str]:
    """Each word of a line in capitals as the news writes it: its most frequent form; in
    lowercase if the news writes it so or it is no word of the news; a word the news never
    wrote is taken for part of a name beside a word the news capitalises ("SABRINA SINGH")."""
    forms, lowercase, _ = _lexicon()
    keys = [m.group().lower() for m in words]
    out = [forms.get(key, key) for key in keys]
    for i, key in enumerate(keys):
        if key in forms or key in lowercase:
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(words) and keys[j] in forms and out[j][:1].isupper() and \
                    not body[min(words[i].end(), words[j].end()):
                             max(words[i].start(), words[j].start())].strip():
                out[i] = key[:1].upper() + key[1:]
                break
    return out


@functools.cache
def _lexicon() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    data = shipped_json("casing.json") or {}
    return ({str(k): str(v) for k, v in data.get("forms", {}).items()},
            frozenset(map(str, data.get("lowercase", ()))),
            frozenset(map(str, data.get("also_lowercase", ()))))


def common_word(word: str) -> bool:
    """Whether the news writes ``word`` in lowercase ("name", "summary"; not "Lopez", "NATO")."""
    forms, lowercase, _ = _lexicon()
    return word.lower() in lowercase and word.lower() not in forms


def possessive_name(word: str) -> bool:
    """Whether ``word`` is a name's possessive written without its apostrophe ("Iowas", as text
    stripped of its apostrophes writes "Iowa's"): a form the news never writes, in -s, after a
    word it writes capitalised ("Iowa"; not "Windows", "News" or "Sanders", which it writes)."""
    forms, lowercase, _ = _lexicon()
    key = word.lower()
    form = forms.get(key[:-1])
    return key.endswith("s") and key not in forms and key not in lowercase and \
        form is not None and form[:1].isupper()


def fit_casing(texts: Iterable[str], min_count: int = MIN_COUNT) -> dict[str, Any]:
    """The forms of the words that the texts mostly write otherwise than in lowercase, counted
    outside a sentence's first word and outside lines written in capitals (``"forms": {"nato":
    "NATO", "trump": "Trump", …}``), and the words they mostly write in lowercase
    (``"lowercase"``): a word in neither is one the texts never wrote."""
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for text in texts:
        for line in _LINE.finditer(text):
            body = line.group()
            if not any(ch.islower() for ch in body):
                continue  # a shouted line shows no word's case
            first = len(body) - len(body.lstrip(_OPENERS))
            for m in WORD.finditer(body):
                if m.start() != first and not _OPENING.search(
                        body, max(0, m.start() - 16), m.start()) and not _QUOTATION.search(
                        body, max(0, m.start() - 4), m.start()):
                    counts[m.group().lower()][m.group()] += 1
    forms, lowercase, also_lowercase = {}, [], []
    for key, seen in sorted(counts.items()):
        if key in _NUMBERS:
            lowercase.append(key)  # a number, whatever a text names with it ("Seventy Karin")
            continue
        form, n = seen.most_common(1)[0]  # among equals, the form seen first
        if seen.total() >= min_count and form != key and len(form) == len(key):
            forms[key] = form
            if seen[key] >= ALSO_LOWERCASE:
                also_lowercase.append(key)
        elif form == key:
            lowercase.append(key)
    return {"min_count": min_count, "forms": forms, "lowercase": lowercase,
            "also_lowercase": also_lowercase}
