"""``extractive``: no model. Title from the document's headline (or its lead), bottom line and
key claims from the most salient sentences verbatim, certainty from the hedges in them; the
analysers supply attributions, actors, figures and uncertainties. Grounded by construction."""

from __future__ import annotations

from collections.abc import Sequence

from ..analysers.attributions import Attribution, claimed_attributions, credited_in
from ..analysers.figures import counts_one, extract_figures
from ..analysers.injection import find_injections
from ..analysers.ranking import content_words, overlap
from ..analysers.salience import Sentence, bottom_line_sentences, rank_sentences
from ..analysers.source_kinds import source_actor
from ..backends.base import Extraction
from ..core.job import Job
from ..core.prompts import Prompt
from ..document import Document
from ..settings import Settings
from .base import (
    BOTTOM_LINE_SENTENCES,
    BOTTOM_LINE_WORDS,
    CLAIMS,
    MIN_CLAIMS,
    Plan,
    bottom_line,
    draft_of,
    fallback_title,
    shorten,
    verbatim_claims,
)

__all__ = ["EXTRACTIVE", "covering_claims", "extractive_plan"]

def _named_source(text: str, claimed: list[Attribution], sentence: Sentence) -> str | None:
    """The name of the source ``sentence`` will be credited to, as the briefing's checks credit
    it (among the document's ``claimed`` attributions), when the sentence names that source as
    the actors list names one ("Ana Ruiz", "the Pentagon"; not "he", "Local shops",
    "analysts")."""
    found = credited_in(claimed, sentence.start, sentence.end)
    if not found:
        return None
    source = found[1].source
    if not sentence.start <= source.start < source.end <= sentence.end:
        return None  # a speaker named before ("Residents were asked ..." after "Ruiz said ...")
    actor = source_actor(text, source.start, source.end)
    return actor.name.lower() if actor is not None and actor.named else None


# A sentence whose content words are nearly all in a claim already chosen says it again: the
# New York Times' abstract repeats its lead ("Even the day after a Democratic debate, …, who
# took to the talk shows." and the lead's "…, who took to the talk shows to defend his praise
# of …").
REPEATED = 0.8


def _repeats(sentence: Sentence, chosen: list[Sentence]) -> bool:
    """Whether most of the content words of ``sentence`` or of a chosen one (the shorter's) are
    in the other (:func:`~..analysers.ranking.overlap`, as the bottom line's redundancy)."""
    words = set(content_words(sentence.text))
    return any(overlap(words, set(content_words(other.text))) >= REPEATED for other in chosen)


def covering_claims(text: str, ranked: list[Sentence], first: list[Sentence]) -> list[Sentence]:
    """Key claims that cover the document ``text``: the ``first`` sentences (the main event),
    then the best-ranked sentence of each distinct named source not yet heard, then the
    best-ranked sentence with a figure if none has one yet, then the ranking itself; at most
    ``CLAIMS``."""
    claimed = claimed_attributions(text)
    chosen = list(dict.fromkeys(first))[:CLAIMS]
    heard = {_named_source(text, claimed, s) for s in chosen} - {None}

    def new(s: Sentence) -> bool:
        return s not in chosen and not _repeats(s, chosen)

    for s in ranked:
        if len(chosen) >= CLAIMS:
            break
        source = _named_source(text, claimed, s)
        if source and source not in heard and new(s):
            chosen.append(s)
            heard.add(source)
    if len(chosen) < CLAIMS and not any(_has_figure(s.text) for s in chosen):
        figure = next((s for s in ranked if new(s) and _has_figure(s.text)), None)
        if figure:
            chosen.append(figure)
    for s in ranked:
        if len(chosen) >= MIN_CLAIMS:
            break
        if new(s):
            chosen.append(s)
    return chosen


def _has_figure(text: str) -> bool:
    return any(not counts_one(f) for f in extract_figures(text))  # not "one of them"


def _without_injections(text: str) -> str:
    spans = find_injections(text)
    for s, e in reversed(spans):
        text = text[:s] + " " + text[e:]
    return text


def extractive_plan(text: str) -> Plan:
    ranked = rank_sentences(text)
    title = fallback_title(text, ranked)
    lead = bottom_line_sentences(ranked, words=BOTTOM_LINE_WORDS,
                                 sentences=BOTTOM_LINE_SENTENCES)
    bottom = bottom_line(text, lead) or shorten(_without_injections(text).strip(), 60)
    best_first = sorted(lead, key=lambda s: -s.score)
    claims = verbatim_claims(text, covering_claims(text, ranked, best_first))
    return Plan(title=title, bottom_line=bottom, draft=draft_of(claims, title, bottom), notes=[])


class Extractive:
    name = "extractive"
    prompt_task: str | None = None
    model_writes_claims = False

    def plan(self, document: Document, settings: Settings, prompt: Prompt | None,
             context_tokens: int | None) -> Job:
        return Job(document, settings, None, [])

    def decide(self, job: Job, extractions: Sequence[Extraction]) -> Plan:
        return extractive_plan(job.document.text)


EXTRACTIVE = Extractive()
