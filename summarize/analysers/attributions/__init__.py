"""Attributions: who said what. Each has a source, a cue and a content span, with offsets.

The learned tagger (:mod:`..attribution_model`, a CRF fitted on PolNeAR) reads each sentence with
the rules' reading (:mod:`.rules`) among its features; without the model, the rules alone answer.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Any

from ..casing import readable
from .extents import run_on
from .inputs import rule_for_cue, tagger_inputs, token_marks
from .links import (
    according_clause,
    assessments,
    disjoint,
    leftover_contents,
    past_told,
    says_nothing,
    second_sources,
    window_start_of,
)
from .names import (
    ARTICLES_FORWARD,
    NAME_WORD,
    POSSESSIVE,
    articles_forward,
    whole_names,
    with_whole_names,
)
from .pronouns import resolved_pronouns
from .quotes import (
    as_double_quotes,
    as_quoted,
    next_quotations,
    quotation_at,
    quote_marks,
    quoted_just_before,
    widened_to_quotations,
)
from .rules import rule_attributions
from .sources import past_relative, source_follows, sourceless, timed_source
from .spans import (
    PRONOUN_SOURCES,
    Attribution,
    Span,
    apart,
    clause_before,
    credited_in,
    quoted_from,
    said_when,
    states_a_claim,
    trimmed_span,
    unnested,
)
from .turns import speaker_turns

__all__ = ["PRONOUN_SOURCES", "Attribution", "Span", "apart", "as_quoted", "claimed_attributions",
           "credited_in", "find_attributions", "quotation_at", "quote_marks", "read_attributions",
           "rule_attributions", "speaker", "states_a_claim", "tagged_attributions",
           "tagger_inputs"]


def find_attributions(text: str) -> list[Attribution]:
    """Every attribution found in ``text``, in order of their cues.

    The learned tagger (:mod:`summarize.analysers.attribution_model`) labels sources, cues and
    contents, with the rules below among its features; without a shipped model, the rules alone."""
    return list(_find(text))


def claimed_attributions(text: str) -> list[Attribution]:
    """The attributions a briefing credits claims to (a key claim is credited with
    :func:`credited_in` among them): those that state a claim, each source as the
    :func:`speaker` it names; "he" or "she" as the person it stands for
    (:func:`~.pronouns.resolved_pronouns`), other pronouns left out ("they", "it"; a bare "who"
    too: "Zimmerman, who alleged that ..." is rarely the claim of its sentence)."""
    return list(_claimed(text))


@functools.lru_cache(maxsize=256)
def _claimed(text: str) -> tuple[Attribution, ...]:
    # A briefing asks twice (the strategy choosing its claims, then the checks crediting them),
    # and reading the pronouns' persons is not free: remembered as _find is.
    read = readable(text)
    if read is not text:  # the persons and speakers read where a line in capitals is re-cased
        return tuple(quoted_from(text, a) for a in _claimed(read))
    out: list[Attribution] = []
    seen: set[Attribution] = set()
    for a, person in resolved_pronouns(text, _find(text)):
        if not states_a_claim(a):
            continue
        if person is not None:
            out.append(Attribution(person, a.cue, a.content, written_as=a.source))
            continue
        if a.source.text.lower() in PRONOUN_SOURCES:
            continue
        source = speaker(text, a.source)
        if source.text.lower() in _NO_ONE:
            continue  # "he’s hoping" with no person found for it; "There’s", "let's"
        credited = a if source == a.source else Attribution(source, a.cue, a.content)
        if credited not in seen:  # "Officials, who spoke …, said": the relative names them too
            seen.add(credited)
            out.append(credited)
    return tuple(out)


@functools.lru_cache(maxsize=256)
def _find(text: str) -> tuple[Attribution, ...]:
    from ..attribution_model import load_attribution_tagger

    return tuple(read_attributions(text, load_attribution_tagger()))


def read_attributions(text: str, tagger: Any) -> list[Attribution]:
    """``tagger``'s attributions in ``text`` (``None``: the rules'), its quotation marks read as
    the tagger knows them (:mod:`.quotes`), the spans' texts the text's own."""
    read = as_double_quotes(readable(text))  # and a line in capitals re-cased
    found = rule_attributions(read) if tagger is None else tagged_attributions(read, tagger)
    found = assessments(read, timed_source(read, says_nothing(read, found)))
    found = found if read == text else [quoted_from(text, a) for a in found]
    turns = speaker_turns(text)
    if not turns:
        return found
    # A transcript's turns: the taggers' reading of a label is the turn's own
    labels = [t.source for t in turns]
    found = [a for a in found if not any(a.source.start < s.end and s.start < a.source.end or
                                         a.cue.start == s.end for s in labels)]
    return sorted(found + turns, key=lambda a: (a.cue.start, a.content.start))


# The links below were chosen on the validation split by the mean F1 of what `summarize eval
# attributions` reports there: source, cue and content spans, and the relation (who said what:
# all three parts of an attribution right together). docs/analysers.md, "Links read on the
# training split".
# A cue whose sentence names no source ("..., the statement added") continues the nearest
# speaker of the LINK_WINDOW sentences before it.
PREVIOUS_SPEAKER = True
# How many sentences back a cue reaches for a previous speaker: 0 to 4 sentences gave 74.95,
# 75.12, 75.17, 75.12, 75.12.
LINK_WINDOW = 2
# How many sentences back a content the tagger found and no cue took reaches for the nearest cue
# before it (0: a cue of its own sentence only): 0, 1, 2, 6 gave 75.10, 74.67, 74.45, 74.17
# (longer reaches find more content spans, but credit most of them to the wrong speaker).
CONTENT_WINDOW = 0
# A source the tagger found in a sentence where it found no cue takes the rules' cue of that
# sentence and its content (74.72 without, 75.17 with).
RULE_CUES = True
# Each token takes its label of the highest weighted probability (posterior decoding; None: the
# single most likely labelling). Weighting "O" below 1 trades precision for recall: 0.3, 0.4,
# 0.5, 0.6 gave 75.00, 75.17, 75.00, 74.83.
WEIGHTS: dict[str, float] | None = {"O": 0.4}
# A sentence where the tagger found a cue and no source takes its most probable source anyway:
# the run of tokens around the one most likely to be a source (the tagger's B- and I-Source
# probabilities summed), when that is at least LIKELY_SOURCE; the run takes the neighbours at
# least half as likely. 0, 0.02, 0.05, 0.1, 0.15, 0.3 and never gave 75.20, 75.35, 75.40, 75.33,
# 75.30, 75.17 and 75.17 (a third, a half or seven tenths as likely gave the same 75.40; the
# one token alone 75.38). None: never. A cue in the passive ("residents were asked") takes no
# guessed source: its subject is whom it was said to, not who said it (75.418 against 75.407
# with passive cues guessed as well).
LIKELY_SOURCE: float | None = 0.05
# The same for a cue with no content in its sentence, with the source guessed first: 0.05, 0.07,
# 0.1, 0.15, 0.2, 0.3 and never gave 75.628, 75.625, 75.656, 75.631, 75.545, 75.442 and 75.418
# (the neighbours from a twentieth to eight tenths as likely: the same 75.656).
LIKELY_CONTENT: float | None = 0.1
# A span the decoding begins right after a word of its kind continues it ("port officials" one
# source, not two): mean F1 76.96 without, 77.06 with; 77.12 after punctuation as well, which
# read "killing at least 140 people, the disaster agency" as one source (a wire lead's form).
JOIN_RUNS = True
_PASSIVE = re.compile(r"(?:is|are|was|were|be|been|being|get|gets|got)\b", re.IGNORECASE)
# A quotation that ends just before the cue, with nothing but its source, spaces and punctuation
# between ('"We wanted to control the real estate," Mr. Cernech said of the course'), is the cue's,
# before any content after it. Chosen on the 840 training articles, each tagged by a tagger fitted
# on the other four fifths (the mean of the four F1s: 72.76 without, 73.30 with), then checked
# on the validation split (75.88 without, 76.45 with).
QUOTE_BEFORE = True
# ... only a quotation the content begins with, or inside: in 'Arteta said his team would "bounce
# back", adding that …' it ends what "said" took. Validation 77.136 -> 77.138 (relation 71.32 ->
# 71.35, content 82.945 -> 82.920).
QUOTE_WHOLE = True


# A cue takes the nearest content after it only if no other cue of its sentence comes between:
# in '"...," Trump said, referring to Barack Obama' the content after "referring to" is that
# cue's, and "said" takes the quotation before it (a content after another cue is taken only when
# there is none before). The same measures: 72.38 without, 72.76 with; on the validation split
# 75.66 and 75.88. Both, without this one: 73.27 against 73.30.
OWN_CONTENT_AFTER = True


# A relative pronoun is the source of its own clause's cue ("Hoff, who declined to comment"), not
# of a cue after that clause has closed ("Obama, who has denounced the attack, reiterated his
# frustration"): that cue takes the name the clause hangs on. The same measures: 73.30 without,
# 73.32 with; validation 76.45 and 76.48.
RELATIVE_CLOSED = True

NO_CONTENT_CLAUSE = True  # a cue with no content: the clause before "…, analysts noted."
# A cue left with no content takes the next sentence's content only when that sentence has no cue
# of its own ("…, the Insurance Council said, with losses …" had taken the next paragraph's "Luxon
# said" content). Validation mean F1 (source, cue, content, relation): 77.061 with any content,
# 77.125 with one before the next sentence's first cue, 77.136 with this (relation 71.08 -> 71.32).
NEXT_UNCUED = True


# A quotation that runs over several sentences is one content: the tagger reads a sentence at a
# time, so in 'He said: "A. B. C."' or '"A. B," he said' its content was the sentence beside the
# cue, and the others were credited to no one. A content inside a quotation that crosses a
# sentence's end, its cue outside that quotation, becomes the whole quotation. Chosen on the 840
# training articles, each tagged by a tagger fitted on the other four fifths (the mean of the four
# F1s 73.38 without, 73.40 with; sentences whose main source is credited right 8,577 -> 9,173,
# wrong 1,171 -> 1,206, of 15,027: benchmarks/claim_sources.py), then checked on the validation
# split (76.53 and 76.56; right 1,428 -> 1,528, wrong 182 -> 190, of 2,351).
WHOLE_QUOTATION = True
# A quotation that opens a sentence and runs to its end, with no cue in it, in the paragraph of an
# attribution whose cue is in the sentence before ('"The vote is final," the minister said.
# "There will be no recount."'), is that attribution's source's too. The same measures: 73.40
# without, 73.63 with (right 10,340, wrong 1,233); validation 76.56 and 76.74 (right 1,672, wrong
# 199). Also tried: the source credited with the sentence before, wherever its cue (73.64,
# validation 76.73); that, and across a paragraph break when the quotation before was left open
# there (73.64, validation 76.72); only after a quoted content (73.64, validation 76.73, fewer
# credited right on both).
NEXT_QUOTATION = True
# A content runs on over a second cue its clause completes; one read in when its source spoke is
# the clause before the source. Measured: docs/analysers.md, "Twenty-eighth session".
UNNESTED = SAID_WHEN = ADDRESSEE = SOURCELESS = True  # spans.past_addressee, sources.sourceless
# A second source the tagger found for a cue that has one joins it only by "and" ("Smith and the
# ministry said"), not across other words ("Yields rose after the Fed signalled"): validation
# 78.946 -> 78.957 (relation 70.62 -> 70.79). docs/analysers.md, "Thirty-second session".
SECOND_JOINED = True


def _unclaimed(spans: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """The contents of a sentence's ``spans`` when (``NEXT_UNCUED``) it has no cue of its own to
    take them."""
    if NEXT_UNCUED and any(label == "Cue" for _, _, label in spans):
        return []
    return [(s, e) for s, e, label in spans if label == "Content"]


def _previous_speaker(found: list[Attribution], sentences: list[Any], k: int
                      ) -> tuple[int, int] | None:
    window_start = window_start_of(sentences, k, LINK_WINDOW)
    prior = max((a for a in found if a.cue.start >= window_start), key=lambda a: a.cue.start,
                default=None)
    return (prior.source.start, prior.source.end) if prior is not None else None


def _spans(text: str, tokens: list[tuple[int, int]], labels: list[str]
           ) -> list[tuple[int, int, str]]:
    """The tagged spans of a sentence so labelled. Spans of punctuation alone (a closing quote
    the decoding cut off its quotation) are noise."""
    from ..crf import decode_bio, joined_runs

    labels = joined_runs(labels, [text[s:e] for s, e in tokens]) if JOIN_RUNS else labels
    labels = articles_forward(text, tokens, labels) if ARTICLES_FORWARD else labels
    return whole_names(text, [span for span in decode_bio(tokens, labels)
                               if trimmed_span(text, span[0], span[1]) is not None])


def _lacking(text: str, spans: list[tuple[int, int, str]]) -> set[str]:
    """The parts :func:`_guessed` would guess in a sentence of these spans: none without a cue;
    a source, unless it has one or its cues are all passive; a content, unless it has one."""
    cues = [start for start, _, label in spans if label == "Cue"]
    if not cues:
        return set()
    kinds = {label for *_, label in spans}
    wanted = set()
    if LIKELY_SOURCE is not None and "Source" not in kinds and \
            not all(_PASSIVE.match(text, start) for start in cues):
        wanted.add("Source")
    if LIKELY_CONTENT is not None and "Content" not in kinds:
        wanted.add("Content")
    return wanted


def _guessed(text: str, tokens: list[tuple[int, int]], spans: list[tuple[int, int, str]],
             probabilities: dict[str, list[float]]) -> list[tuple[int, int, str]]:
    """``spans`` with the sentence's most probable source, then content, added where it has a
    cue and lacks that part (see LIKELY_SOURCE and LIKELY_CONTENT)."""
    cues = [start for start, _, label in spans if label == "Cue"]
    if not cues:
        return spans
    if not all(_PASSIVE.match(text, start) for start in cues):
        spans = _most_probable(tokens, spans, "Source", LIKELY_SOURCE,
                               probabilities.get("Source"))
    return _most_probable(tokens, spans, "Content", LIKELY_CONTENT,
                          probabilities.get("Content"))


def _most_probable(tokens: list[tuple[int, int]], spans: list[tuple[int, int, str]], kind: str,
                   floor: float | None, p: list[float] | None) -> list[tuple[int, int, str]]:
    """``spans`` with a ``kind`` span added, if they have none: the run of free tokens around
    the one most likely to be of ``kind``, with its neighbours at least half as likely, when
    that likeliest is at least ``floor``."""
    if floor is None or not p or any(label == kind for *_, label in spans):
        return spans
    free = {i for i, mark in enumerate(token_marks(tokens, spans)) if not mark}
    if not free:
        return spans
    best = max(sorted(free), key=lambda i: p[i])
    if p[best] < floor:
        return spans
    first = last = best
    while first - 1 in free and p[first - 1] >= p[best] / 2:
        first -= 1
    while last + 1 in free and p[last + 1] >= p[best] / 2:
        last += 1
    return sorted([*spans, (tokens[first][0], tokens[last][1], kind)])


# (or, without the comma, a "which" that ends the source: "the State Department which said")
_RELATIVE = re.compile(r",[ \t]+(?:who|whom|whose|which)\b|(?<=\w)[ \t]+which\Z")
# A source that begins inside a word glued to the sentence before, a page's furniture
# ("Media playback is not supported on this deviceA World Anti-Doping Agency report").
_GLUED_START = re.compile(r"[a-z]{3,}(?=[A-Z])")
_RELATIVE_START = re.compile(r"(?:who|whom)\b")  # a person: "which" may stand for anything
# A relative pronoun that is what was said, not who said it: "a toll of 19, which officials have
# not confirmed", "what aides called a misunderstanding" (the speaker: "officials", "aides"),
# where the source runs straight on into its verb; not "which runs the port, said"
_OBJECT_START = re.compile(r"(?:which|what)[ \t]+(?=\w)")
_VERB_NEXT = re.compile(r"[ \t]+[a-z]")
# The name a relative clause describes: "Mr Ashby, 74, who ..." (an age may stand between).
_ANTECEDENT = re.compile(rf"(?<![\w'’-])(?:{NAME_WORD}[ \t]+)*{NAME_WORD}"
                         r"(?=(?:,[ \t]*\d{1,3})?,[ \t]*$)")


def speaker(text: str, source: Span) -> Span:
    """Who a source names, for a reader: the name a relative pronoun stands for ("Mr Ashby" of
    "Mr Ashby, 74, who ..."), a source without the relative clause that describes it ("the
    37-year-old" of "the 37-year-old, who is targeting further Paralympic success"), else the
    source as found, without a relative pronoun that stands for what was said ("officials" of
    "which officials have not confirmed"), a possessive ("Sotomayor" of "Sotomayor’s sentiments
    couldn’t be more different") or an age after it ("John Lahiff, 75"), or the end of a word
    glued on before it ("deviceA World Anti-Doping Agency report"). (PolNeAR annotates the pronoun
    itself as the source, and the tagger follows it: its spans stay as they are, and the
    briefing names the speaker.)"""
    start, end = source.start, source.end
    if glued := _GLUED_START.match(text, start, end):
        start = glued.end()  # page furniture glued on: "…not supported on this deviceA report"
    if (said := _OBJECT_START.match(text, start, end)) is not None and \
            _VERB_NEXT.match(text, end):
        start = said.end()
    if _RELATIVE_START.match(text, start):
        name = _ANTECEDENT.search(text, max(0, start - 80), start)
        if name is None:
            return source
        start, end = name.start(), name.end()
    elif clause := _RELATIVE.search(text, start, end):
        end = clause.start()
    if possessive := POSSESSIVE.search(text, start, end):
        end = possessive.start()
    elif age := _AGE_AFTER.search(text, start, end):
        end = age.start()  # "John Lahiff, 75": the age is no part of who speaks
    if (start, end) == (source.start, source.end):
        return source
    return trimmed_span(text, start, end, brackets=True) or source


# Who a credit cannot name: a pronoun, and what "’s" contracts after ("There’s", "let's").
_NO_ONE = PRONOUN_SOURCES | {"there", "here", "let"}
_AGE_AFTER = re.compile(r"(?<=[^\W\d_]|\.),[ \t]*\d{1,3}\Z")


def tagged_attributions(text: str, tagger: Any) -> list[Attribution]:
    """The tagger's sources, cues and contents, linked: each cue takes the nearest source of
    its sentence (before it if any) and the nearest content (after it if any, else in the next
    sentence); the rules' reading of the same cue fills a part the tagger left out.
    ``tagger`` is a :class:`~summarize.analysers.crf.CRFModel` (its ``decode``)."""
    rules = rule_attributions(text)
    sentences = []
    for tokens, features in tagger_inputs(text, rules):
        # The parts' probabilities are read only where a part may be guessed, which the spans
        # of the labels tell: read once, for the guess and for the links.
        read: list[list[tuple[int, int, str]]] = []

        def lacking(labels: list[str], tokens: list[tuple[int, int]] = tokens,
                    read: list[list[tuple[int, int, str]]] = read) -> set[str]:
            read.append(_spans(text, tokens, labels))
            return _lacking(text, read[-1])

        labels, probabilities = tagger.decode(features, WEIGHTS, ("Source", "Content"),
                                              when=lacking)
        spans = read[-1] if read else _spans(text, tokens, labels)
        sentences.append((tokens, _guessed(text, tokens, spans, probabilities)))
    out: list[Attribution] = []
    rule_at = rule_for_cue(rules)
    for k, (tokens, spans) in enumerate(sentences):
        sources = [(s, e) for s, e, label in spans if label == "Source"]
        contents = [(s, e) for s, e, label in spans if label == "Content"]
        cue_starts = sorted(s for s, _, label in spans if label == "Cue") + [len(text)]
        following = _unclaimed(sentences[k + 1][1] if k + 1 < len(sentences) else [])
        for c_start, c_end, label in spans:
            if label != "Cue":
                continue
            rule = rule_at(c_start, c_end)
            before = [x for x in sources if x[1] <= c_start]
            after = [x for x in sources if x[0] >= c_end]
            if RELATIVE_CLOSED and before:
                before = past_relative(text, before, c_start)
            if after and source_follows(text, c_start, c_end, min(after)[0]):
                before = []  # '"…," says a source close to the campaign', "according to X"
            source = (max(before, key=lambda x: x[1]) if before else
                      min(after, key=lambda x: x[0]) if after else
                      (rule.source.start, rule.source.end) if rule else
                      _previous_speaker(out, sentences, k) if PREVIOUS_SPEAKER else None)
            later = [x for x in contents if x[0] >= c_end]
            # (its own: no other cue begins between it and the content)
            then = cue_starts[bisect.bisect_left(cue_starts, c_end)]
            own = [x for x in later if not OWN_CONTENT_AFTER or x[0] <= then]
            earlier = [x for x in contents if x[1] <= c_start]
            last = max(earlier, key=lambda x: x[1]) if earlier else None
            quoted = last is not None and QUOTE_BEFORE and \
                quoted_just_before(text, last, c_start, source, whole=QUOTE_WHOLE)
            content = (last if quoted else
                       min(own, key=lambda x: x[0]) if own else
                       max(earlier, key=lambda x: x[1]) if earlier else
                       min(later, key=lambda x: x[0]) if later else
                       None)
            who = trimmed_span(text, *source, brackets=True) if source else None
            cue = trimmed_span(text, c_start, c_end, brackets=True)
            what = trimmed_span(text, *content, brackets=True) if content else None
            if what is None and who is not None and cue is not None and NO_CONTENT_CLAUSE:
                # none, or only a full stop: "…, analysts at Cox Automotive noted." (before a
                # content of the next sentence: "…, according to CME's tool. The dollar fell")
                clause = clause_before(text, who, cue, (tokens[0][0], tokens[-1][1]))
                what = trimmed_span(text, clause.start, clause.end, brackets=True) \
                    if clause else None
            if what is None and content is None:
                content = (following[0] if following else
                           (rule.content.start, rule.content.end) if rule else None)
                what = trimmed_span(text, *content, brackets=True) if content else None
            if who and cue and what:
                out.append(Attribution(who, cue, what))
    out = second_sources(text, out, sentences, rules if RULE_CUES else [], SECOND_JOINED)
    out = leftover_contents(text, out, sentences, CONTENT_WINDOW, ADDRESSEE)
    if WHOLE_QUOTATION:
        out = widened_to_quotations(text, out)
    if NEXT_QUOTATION:
        out += next_quotations(text, out)
    out = unnested(text, out) if UNNESTED else out
    out = said_when(text, out) if SAID_WHEN else out
    out = run_on(text, out)
    out = disjoint(text, according_clause(text, past_told(text, out)))
    kept = (apart(text, a) for a in with_whole_names(text, out)
            if not (SOURCELESS and sourceless(text, a)))
    return sorted((a for a in kept if a is not None), key=lambda a: (a.cue.start, a.content.start))
