"""Who a document names, whether or not they speak: the people, organizations and places written
as names ("Yusuf Bakr", "the Red Cross", "Port Selin"), each actor with all its mentions.

The candidates are the runs of capitalised words of each sentence, with the small words names
keep inside them ("Bank of England", "Abu Bakr al-Baghdadi") and the full stops of "U.S." and
"Sen."; a CRF labels each word of a run as part of a person's, an organization's or a place's
name (or of a nationality or an event, or none), fitted on the runs of PolNeAR's training
articles with CoreNLP's silver named-entity tags as labels (``python -m summarize.analysers.train
--only mentions``). A run of one label is a name. Text in capitals is read re-cased; lines in
title case (headlines) are skipped, since their capitals run names and verbs together. Without
the shipped model, the source-kind rules read each run.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterator, Sequence

from ..vocabulary import HONORIFICS
from .casing import common_word, readable
from .crf import CRFModel, load_model, sentence_tokens
from .ranking import overlap
from .sentences import DATELINE, sentence_spans
from .source_kinds import SourceActor, by_rules, in_headline, kind_most_given, span_features

__all__ = ["MENTION_KINDS", "PLACE_WORDS", "candidate_runs", "fullest", "labelled_names",
           "load_mention_tagger", "mentions", "named_actors", "run_features"]

# A name's label and the actor kind it gives (a nationality or an event names no actor).
MENTION_KINDS = {"PER": "person", "ORG": "organization", "LOC": "place"}
# Lowercase words inside a name, between capitalised ones.
_INSIDE = frozenset({"of", "the", "for", "and", "de", "al", "bin", "van", "von", "der", "la", "le",
                     "du", "da", "del", "&", "-"})
_CLITIC = re.compile(r"['’]s?\Z")  # "Trump's", "Reuters'": the name without it
_NOT_NAME = frozenset({"the", "of", "and", "for"})


def candidate_runs(text: str) -> Iterator[tuple[list[tuple[int, int]], bool]]:
    """Each run of capitalised words of each sentence of ``text`` (its tokens) and whether it
    opens its sentence."""
    for start, end in sentence_spans(text):
        tokens = [(start + s, start + e) for s, e in sentence_tokens(text[start:end])]
        words = [text[s:e] for s, e in tokens]
        n, i = len(tokens), 0
        while i < n:
            if not words[i][:1].isupper():
                i += 1
                continue
            last = j = i
            while j + 1 < n:
                j += 1
                word = words[j]
                if word[:1].isupper():
                    last = j
                elif not (word in _INSIDE or _abbreviation_stop(tokens, words, j)):
                    break
            if last + 2 < n and _abbreviation_stop(tokens, words, last + 1):
                last += 1  # "the U.S. military": its last full stop (not a sentence's)
            yield tokens[i:last + 1], i == 0
            i = last + 1


def _abbreviation_stop(tokens: Sequence[tuple[int, int]], words: Sequence[str], j: int) -> bool:
    """Whether token ``j`` is the full stop of a short capitalised abbreviation ("U.S.", "Sen.")
    glued to it."""
    return words[j] == "." and tokens[j][0] == tokens[j - 1][1] and len(words[j - 1]) <= 3 \
        and words[j - 1][:1].isupper()


def run_features(text: str, run: Sequence[tuple[int, int]], initial: bool,
                 places: Collection[str] = ()) -> list[list[str]]:
    """The tagger's features of each word of a run: the source-kind tagger's
    (:func:`~.source_kinds.span_features`), and whether the word opens its sentence, is one the
    news writes in lowercase ("The", "Officials"), is a form of address, ends in a possessive or
    lies in a name of ``places`` (lowercased; "Spain", "South Africa")."""
    rows = span_features(text, run, run[0][0], run[-1][1])
    if places:
        words = [_CLITIC.sub("", text[s:e]).lower() for s, e in run]
        for k in range(len(run)):
            for n in range(min(PLACE_WORDS, len(run) - k), 0, -1):
                if " ".join(words[k:k + n]) in places:
                    for row in rows[k:k + n]:
                        row.append("place")
                    break
    for k, (s, e) in enumerate(run):
        word = text[s:e]
        if k == 0 and initial:
            rows[k].append("initial")
        if common_word(word.rstrip(".")):
            rows[k].append("common")
        if word.rstrip(".").lower() in HONORIFICS:
            rows[k].append("hon")
        if _CLITIC.search(word):
            rows[k].append("poss")
    return rows


PLACE_WORDS = 4  # the longest place name read ("British Indian Ocean Territory")


@functools.lru_cache(maxsize=4)
def _places(tagger: CRFModel | None) -> frozenset[str]:
    """The place names the tagger was fitted with (its metadata's ``places``), built once per
    tagger, not per document."""
    return frozenset(tagger.meta.get("places", ())) if tagger is not None else frozenset()


@functools.cache
def load_mention_tagger() -> CRFModel | None:
    """The shipped mention tagger, or ``None`` when the package has none."""
    return load_model("mentions")


def labelled_names(tokens: Sequence[tuple[int, int]], labels: Sequence[str]
                   ) -> list[tuple[int, int, str]]:
    """The names in labelled tokens: each run of tokens of one name label (:data:`MENTION_KINDS`)
    as ``(start, end, label)``."""
    out: list[tuple[int, int, str]] = []
    previous = "O"
    for (s, e), label in zip(tokens, labels, strict=True):
        if label in MENTION_KINDS and label == previous:
            out[-1] = (out[-1][0], e, label)
        elif label in MENTION_KINDS:
            out.append((s, e, label))
        previous = label
    return out


def mentions(text: str, tagger: CRFModel | None = None) -> list[SourceActor]:
    """Every name ``text`` writes, in order, as a person's, an organization's or a place's (no
    role: a run holds a name, not what the person is). ``tagger``: another model than the
    shipped one (when measuring)."""
    read = readable(text)
    tagger = tagger or load_mention_tagger()
    places = _places(tagger)
    out = []
    for run, initial in candidate_runs(read):
        if in_headline(read, run[0][0]):
            continue
        if tagger is None:
            out += _by_rules_of(text, read, run, initial)
            continue
        features = run_features(read, run, initial, places)
        for start, end, label in labelled_names(run, tagger.tag(features)):
            clitic = _CLITIC.search(read[start:end])
            end -= len(clitic.group()) if clitic else 0
            name = " ".join(text[start:end].split())
            if name[:1].isupper() and name.lower() not in _NOT_NAME:
                out.append(SourceActor(name, MENTION_KINDS[label], None, start, end, True))
    return _dateline_places(read, _whole_names(read, out))


def _dateline_places(read: str, found: list[SourceActor]) -> list[SourceActor]:
    """``found`` with the name a dateline opens with read as a place: "STOCKHOLM, March 4 -",
    "New York (AFP) -" (the agency after it stays what it was)."""
    out = []
    for a in found:
        line = read.rfind("\n", 0, a.start) + 1
        dateline = DATELINE.match(read, line)
        if dateline and not re.search(r"[,(]", read[line:a.end]) and a.end <= dateline.end():
            a = a._replace(kind="place")
        out.append(a)
    return out


def _whole_names(read: str, found: list[SourceActor]) -> list[SourceActor]:
    """``found`` with a mention that is the start of a longer name the text writes elsewhere,
    and is followed by the rest of it, read as that name, of its kind: "Shares in Nordic
    Telecom" names the company "Nordic Telecom" found before, not the place "Nordic"."""
    kinds: dict[str, list[str]] = {}
    for a in found:
        if " " in a.name:
            kinds.setdefault(a.name, []).append(a.kind)
    # each name's starts ("Nordic" of "Nordic Telecom"): its longer names, longest first, each
    # of the kind most of its mentions have (ties: the earliest's)
    starts: dict[str, list[tuple[str, str]]] = {}
    for name, given in sorted(kinds.items(), key=lambda item: -len(item[0])):
        words = name.split(" ")
        for n in range(1, len(words)):
            starts.setdefault(" ".join(words[:n]), []).append((name, max(given, key=given.count)))
    out: list[SourceActor] = []
    for a in found:
        if out and a.end <= out[-1].end:
            continue  # the rest of the name before, read as one of its own ("Telecom")
        whole = next(((name, kind) for name, kind in starts.get(a.name, ()) if
                      read.startswith(name, a.start) and
                      not read[a.start + len(name):a.start + len(name) + 1].isalnum()), None)
        out.append(a if whole is None else
                   a._replace(name=whole[0], kind=whole[1], end=a.start + len(whole[0])))
    return out


def _by_rules_of(text: str, read: str, run: Sequence[tuple[int, int]], initial: bool
                 ) -> list[SourceActor]:
    """Without a model: each part of the run between its "and"s, less a leading "the" (and the
    sentence's first word, when the news writes it in lowercase), read by the source-kind rules
    when they call it a person or an organization."""
    words = [read[s:e] for s, e in run]
    out: list[SourceActor] = []
    start = 1 if initial and common_word(words[0]) else 0
    for end in [*(k for k, w in enumerate(words) if w in ("and", "&")), len(run)]:
        while start < end and words[start] == "the":
            start += 1
        if start < end:
            actor = by_rules(text, run[start][0], run[end - 1][1])
            if actor.kind in ("person", "organization"):
                out.append(actor)
        start = end + 1
    return out


def _name_words(name: str) -> set[str]:
    return {w for w in re.findall(r"\w+", name.lower())
            if w not in HONORIFICS and w not in _NOT_NAME}


def _same_actor(words: set[str], kind: str, other: set[str], other_kind: str) -> bool:
    """Whether a name is an actor's already listed: the same words, or most of the shorter
    name's and the same kind (a place that speaks is a state)."""
    return words == other or overlap(words, other) >= 0.6 and (
        kind == other_kind or {kind, other_kind} <= {"place", "state"})


def named_actors(text: str, known: Sequence[tuple[str, str]] = (),
                 tagger: CRFModel | None = None) -> list[list[SourceActor]]:
    """The actors ``text`` names, each with all its mentions, most mentioned first (ties: the
    earlier first). A name is a mention of an earlier actor when it has the same words as the
    actor's first, or shares most of the shorter name's words and is of the same kind ("Bakr"
    or "Mr. Bakr" after "Yusuf Bakr"; as the named sources are grouped). Every mention of an
    actor is given the kind most of them have (ties: the earliest's). ``known``: the names and
    kinds of actors already listed (the named sources), whose mentions are left out; ``tagger``
    as for :func:`mentions`."""
    listed = [(_name_words(name), kind) for name, kind in known]
    groups: list[list[SourceActor]] = []
    keys: list[set[str]] = []
    having: dict[str, list[int]] = {}  # the groups whose first name has a word: only they can match
    for actor in mentions(text, tagger):
        words = _name_words(actor.name)
        if not words or any(_same_actor(words, actor.kind, k, kind) for k, kind in listed):
            continue
        near = sorted({i for w in words for i in having.get(w, ())})
        same = next((i for i in near
                     if _same_actor(words, actor.kind, keys[i], groups[i][0].kind)), None)
        if same is None:
            for w in words:
                having.setdefault(w, []).append(len(groups))
            keys.append(words)
            groups.append([actor])
        else:
            groups[same].append(actor)
    out = []
    for group in sorted(groups, key=lambda group: (-len(group), group[0].start)):
        kind = kind_most_given(group)
        out.append([a._replace(kind=kind) for a in group])
    return out


def fullest(group: Sequence[SourceActor]) -> SourceActor:
    """The mention of an actor (a group of :func:`named_actors`) that names it best: the first of
    those with the most words ("Yusuf Bakr", not "Bakr")."""
    return max(group, key=lambda a: len(a.name.split()))
