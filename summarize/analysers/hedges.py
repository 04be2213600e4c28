"""Hedge cues: the words by which a source marks what it does not assert as fact.

Types: ``modal`` (may, might, could, possible, likely), ``doxastic`` (believes, expects,
anticipates, suggests), ``appearance`` (appears, seems, apparently), ``reported`` (reportedly,
allegedly, according to unnamed sources), ``lack_of_knowledge`` (unknown, unclear, "does not yet
have precise information"), ``conditional`` (if, unless) and ``investigation`` (whether).

A lexicon with a few context rules, each on general grounds: "May" before a day or after "in" is the
month; "could not" states inability, not possibility; "than expected", "as expected" and "had been
expected" speak of an expectation already settled; "according to" with a named source is an
attribution (see :mod:`summarize.analysers.attributions`), not a hedge. "would", "will" and "should"
are left out: in news they mostly report speech or plans, not doubt.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from .casing import readable
from .sentences import furniture_spans, past_dateline, sentence_spans, title_case

__all__ = ["HEDGE_TYPES", "UNCERTAIN_TYPES", "HedgeCue", "find_hedges", "hedged_sentences",
           "lexicon_hedges"]

_LEXICON: dict[str, str] = {
    "lack_of_knowledge": (
        r"(?:does|do|did) not (?:yet )?(?:have|know)(?: \w+){0,3}? (?:information|details)"
        # "could not be immediately confirmed", "has not independently verified", "had not
        # yet been confirmed", "officials have not confirmed"; and "could be verified", which
        # FactBank's cross-validation keeps (80.9 with it, 80.6 without)
        r"|(?:(?:could|can|would|has|have|had|did|does|do|is|are|was|were) not|cannot) "
        r"(?:yet |immediately |independently |be(?:en)? ){0,3}(?:verif(?:y|ied)|confirm(?:ed)?)"
        r"|(?:could|can) be (?:independently )?(?:verified|confirmed)"
        r"|(?:(?:was|were|is|are|has been|have been) (?:unable|not able)"
        r"|(?:has|have) not been able) to (?:immediately |independently )?(?:verify|confirm)"
        r"|remains to be seen|yet to be seen|not clear"
        r"|unclear|unknown|uncertain(?:ty|ties)?|unconfirmed|unverified"
    ),
    "appearance": (
        r"appear(?:s|ed|ing)?(?: to be)?|seem(?:s|ed|ing)?(?: to be)?|seemingly|apparently"
    ),
    "reported": (
        r"reportedly|allegedly|alleged|alleges|alleging|allegations?|rumou?red|accused"
        r"|accusations?|purportedly|supposedly"
        r"|according to (?:unnamed |anonymous |unidentified |some )?(?:sources|reports)"
    ),
    "doxastic": (
        r"believes?|believed|thinks?|expects?|expected|expecting|expectations?"
        r"|anticipates?|anticipated|anticipating|suggests?|suggested|suggesting|suggestions?"
        r"|predicts?|predicted|projected|speculated|speculates?|speculating|speculation"
        r"|suspects? that|suspecting that|suspected"
        r"|assumes?|assumed|fears?|feared|fearing|worry|worried|worries|doubts?|doubted"
        r"|tentatively|feels?|cast(?:s|ing)? doubt|doubtful|predicting|wonders?|wondering"
    ),
    "modal": (
        r"may|might|could|possible|possibly|possibility|likely|unlikely|likelihood"
        r"|probably|probable|perhaps|potential|potentially|maybe|presumably|conceivably"
    ),
    "conditional": r"if|unless",
    "investigation": r"whether",
}
HEDGE_TYPES = tuple(_LEXICON)
_UNTRAINED = frozenset({"lack_of_knowledge", "reported"})
# One word boundary in front of all the alternatives (not one per alternative): the engine
# then tries the lexicon only where a word starts, about three times faster.
_PATTERN = re.compile(
    r"\b(?=\w)(?:" + "|".join(f"(?P<{kind}>(?:{rx})\\b)" for kind, rx in _LEXICON.items()) + ")",
    re.IGNORECASE,
)
_MONTH_MAY = re.compile(r"May(?=\s+\d)")
# A modal after an article or a possessive is a noun ("the might of", "a can of", "her will").
_MODAL_NOUNS = frozenset({"might", "may", "can", "must", "will"})
_DETERMINER = re.compile(r"\b(?:the|a|an|his|her|its|their|our|my|your)\s+$", re.IGNORECASE)
_OPENING = " \t\r\n\"“‘'("
# A poll's "likely voters" are a kind of voter, not a guess ("17 percent of likely Democratic
# voters", "among likely caucusgoers"): 34 of the 309 "likely"s tagged in the fit files' news.
_LIKELY_VOTERS = re.compile(r"\s+(?:(?:[A-Z][\w-]*|general[- ]election|primary|caucus)\s+){0,3}"
                            r"(?:voters?|caucus-?goers|electorate)\b")
_PREDICATE = re.compile(r"\b(?:is|are|was|were|be|been|seems?|very|more|most|less|highly|quite|"
                        r"not)\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class HedgeCue:
    cue: str
    type: str
    start: int
    end: int

    def as_dict(self) -> dict[str, Any]:
        return dict(vars(self))  # the fields are plain values: no deep copy needed


def _excluded(text: str, m: re.Match[str]) -> bool:
    word = m.group().lower()
    before = text[max(0, m.start() - 12):m.start()].lower()
    after = text[m.end():m.end() + 8].lower()
    if word == "may" and _MONTH_MAY.match(text, m.start()):
        return True
    if m.group() == "May" and re.search(r"\b(?:in|of|since|until|by|last|next)\s+$",
                                        text[max(0, m.start() - 8):m.start()]):
        return True
    if word == "could" and re.match(r"\s*(?:not\b|n't|\s*n't)", after):
        return True
    # "lower-than-expected", "as expected", "which had been expected": an expectation
    # already settled
    return word.startswith("expect") and (before.rstrip(" -").endswith(("than", "as")) or
                                          re.search(r"\bhad (?:been )?$", before) is not None)


def find_hedges(text: str) -> list[HedgeCue]:
    """Hedge cues in ``text`` with their type and character offsets, in order.

    The learned tagger (:mod:`summarize.analysers.hedge_model`) decides, sentence by sentence, with
    the lexicon below as its features; without a shipped model, the lexicon's own matches."""
    return list(_find(text))


@functools.lru_cache(maxsize=512)
def _find(text: str) -> tuple[HedgeCue, ...]:
    from .hedge_model import load_tagger

    read = readable(text)  # a line in capitals re-cased: the cues are read there, quoted here
    if load_tagger() is None:
        found = lexicon_hedges(read)
    else:
        found = [HedgeCue(cue=h.cue, type=h.type, start=s_start + h.start, end=s_start + h.end)
                 for s_start, s_end in sentence_spans(read)
                 for h in _sentence_cues(read[s_start:s_end])]
    estimative = [HedgeCue(m.group(), m.lastgroup or "doxastic", m.start(), m.end())
                  for m in _ESTIMATIVE.finditer(read)]
    if estimative:
        found = sorted(found + [e for e in estimative if not any(
            h.start < e.end and e.start < h.end for h in found)], key=lambda h: h.start)
    return tuple(found if read is text else
                 (HedgeCue(text[h.start:h.end], h.type, h.start, h.end) for h in found))


# The estimative language of intelligence assessments (the US ICD 203 and the UK's probability
# yardstick), which neither training corpus writes: a judgement, its confidence, its odds. Read
# beside the tagger (not among its features, so the fitted models do not change).
_HELD = r"(?:(?<=with )|(?<=have )|(?<=has )|(?<=hold )|(?<=holds ))"  # "we have low confidence"
_ESTIMATIVE = re.compile(
    r"\b(?=[ajlmhrecdw])(?:(?P<doxastic>(?<=\bwe )assess|(?<=\bwe )judge(?= (?:that|it)\b)|"
    r"(?:assess(?:es|ed)|judged)(?= that\b)|(?<!the )(?<!\ba )judge(?= that\b)|"
    r"(?<=is )(?:assessed|judged)(?= that\b)|"
    rf"{_HELD}(?:moderate|medium) confidence|(?<=with )high confidence|"
    r"(?:moderate|medium)-confidence)|"
    # low confidence is a doubt, not a belief: "we have low confidence in reports that"
    r"(?P<modal>(?:cannot|can't|can not|could not|couldn't|would not|will not|do not|does not|"
    r"did not) rule out|"
    rf"{_HELD}low confidence|low-confidence|(?:roughly |an |about an )?even "
    r"(?:chance|odds)|remote chance|almost certain(?= (?:to|that)\b|\s*[,.;]|$)))\b",
    re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def _sentence_cues(sentence: str) -> tuple[HedgeCue, ...]:
    """One sentence tagged once: a briefing asks for a document's hedges and then for each of
    its sentences' (certainty, findings); both share this."""
    from .hedge_model import load_tagger

    tagger = load_tagger()
    assert tagger is not None
    return tuple(tag_sentence(sentence, tagger, tagger.meta.get("types", {})))


# Each token takes its label of the highest weighted probability (posterior decoding; None: the
# single most likely labelling); weighting "O" below 1 trades precision for recall. Chosen by
# the cross-validated F1 on FactBank among 1 (None), 0.85, 0.75, 0.65, 0.55 and 0.45 for the
# tagger with the wider window (docs/analysers.md, "The hedge tagger").
WEIGHTS: dict[str, float] | None = {"O": 0.75}


def tag_sentence(sentence: str, tagger: Any, types: dict[str, str]) -> list[HedgeCue]:
    """The hedge cues of one sentence as ``tagger`` reads them (the shipped model, or a
    cross-validation fold's while training), offsets within the sentence."""
    from .crf import decode_bio, sentence_tokens
    from .hedge_model import token_features

    lexicon = lexicon_hedges(sentence)
    tokens = sentence_tokens(sentence)
    labels = tagger.tag(token_features(sentence, tokens,
                                       [(h.start, h.end, h.type) for h in lexicon]), WEIGHTS)
    return combine(sentence, lexicon, [(s, e) for s, e, _ in decode_bio(tokens, labels)],
                   types)


def combine(sentence: str, lexicon: list[HedgeCue], tagged: list[tuple[int, int]],
            types: dict[str, str]) -> list[HedgeCue]:
    """The tagger's cues (typed by the lexicon where they meet it, else by the learned word
    types), plus the lexicon's cues of kinds the training corpora do not annotate (what a
    source does not know, what is only reported): the rules stay where they are right."""
    found = [h for h in lexicon if h.type in _UNTRAINED]
    for start, end in tagged:
        if any(h.start < end and start < h.end for h in found):
            continue  # inside a phrase the lexicon owns ("could not be independently verified")
        if sentence[start:end].lower() in _MODAL_NOUNS and \
                _DETERMINER.search(sentence, max(0, start - 8), start):
            continue  # a noun after a determiner: "the might of the club", "a can of beans"
        if sentence[start:end] == "May" and sentence[:start].strip(_OPENING) and \
                not title_case(sentence):
            # a month or a name: "on 14 May", "James May" (of the 61 capitalised "May"s inside a
            # sentence in the FactBank and Szeged sentences, none is a cue); a headline's is
            continue
        if sentence[start:end].lower() == "likely" and _LIKELY_VOTERS.match(sentence, end) and \
                not _PREDICATE.search(sentence, max(0, start - 12), start):
            continue  # (but "it is likely voters will stay home" guesses)
        kind = next((h.type for h in lexicon if h.start < end and start < h.end),
                    types.get(sentence[start:end].lower(), "modal"))
        found.append(HedgeCue(cue=sentence[start:end], type=kind, start=start, end=end))
    return sorted(found, key=lambda h: h.start)


def lexicon_hedges(text: str) -> list[HedgeCue]:
    """The lexicon's matches with their context rules: the tagger's features, and the
    analyser when no model is shipped."""
    out = []
    for m in _PATTERN.finditer(text):
        if _excluded(text, m):
            continue
        out.append(HedgeCue(cue=m.group(), type=m.lastgroup or "modal", start=m.start(),
                            end=m.end()))
    return out


# Hedge types that make a sentence uncertain; attributions ("according to") and conditionals
# ("if") are not uncertainty by themselves.
UNCERTAIN_TYPES = frozenset({"modal", "doxastic", "appearance", "lack_of_knowledge", "reported"})
_NOT_UNCERTAIN = frozenset({"according to", "claims", "claim", "claimed", "indicated",
                            "indicates"})


def hedged_sentences(text: str) -> list[tuple[int, int, HedgeCue]]:
    """The sentences of ``text`` that are uncertain (a hedge of an uncertain type), with the
    first such cue (offsets in the sentence): the one rule of what a hedged sentence is. Page
    furniture glued to a sentence's start is no part of it ("Share this with … Copy this
    link"), nor is a dateline ("GENEVA (Reuters) - ")."""
    out = []
    for start, end in furniture_spans(text):
        start = past_dateline(text, start, end)
        cues = [c for c in find_hedges(text[start:end])
                if c.type in UNCERTAIN_TYPES and c.cue.lower() not in _NOT_UNCERTAIN]
        if cues:
            out.append((start, end, cues[0]))
    return out
