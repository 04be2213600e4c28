"""``guided``: the model sees numbered candidate sentences and the analysers' findings, and only
selects (indices constrained by the schema to the candidates), labels certainty and writes the
title; the title is checked for names and numbers that are not in the document, and no
certainty may be stronger than the source's own words."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from ..analysers.attributions import claimed_attributions
from ..analysers.figures import counts_one, extract_figures
from ..analysers.hedges import find_hedges
from ..analysers.salience import Sentence, rank_sentences
from ..backends.base import Extraction
from ..core import budget
from ..core.checks import invented_entities
from ..core.job import Call, Job
from ..core.prompts import Prompt
from ..document import Document
from ..errors import DocumentTooLongError
from ..schema import Certainty
from ..schema.draft import LIMITS
from ..settings import Settings
from .base import (
    BOTTOM_LINE_SENTENCES,
    CLAIMS,
    MIN_CLAIMS,
    Plan,
    bottom_line,
    draft_of,
    fallback_title,
    verbatim_claims,
)
from .extractive import extractive_plan

__all__ = ["GUIDED", "guided_candidates", "guided_model", "guided_plan"]

CANDIDATES = 12
# Words of a candidate sentence shown to the model.
_CANDIDATE_WORDS = 80
# The model only chooses and writes a title: its answer is short.
_ANSWER_TOKENS = 512

def guided_candidates(text: str) -> list[Sentence]:
    """The sentences the model may choose from, in document order."""
    return sorted(rank_sentences(text)[:CANDIDATES], key=lambda s: s.index)


def guided_findings(text: str, candidates: list[Sentence]) -> list[str]:
    """What the analysers found in the candidates, as short lines for the prompt."""
    findings = []
    # a "he" or "she" reads as the person named before, which the sentence alone cannot tell
    persons = [(a.cue.start, f"{a.source.text} (as “{a.written_as.text}”)")
               for a in claimed_attributions(text) if a.written_as is not None]
    for number, s in enumerate(candidates):
        piece = text[s.start:s.end]
        said = [a.source.text for a in claimed_attributions(piece)]
        said += [named for cue, named in persons if s.start <= cue < s.end]
        hedges = sorted({h.cue.lower() for h in find_hedges(piece)})
        figures = [f.text for f in extract_figures(piece) if not counts_one(f)]
        parts = []
        if said:
            parts.append("source: " + ", ".join(dict.fromkeys(said)))
        if hedges:
            parts.append("hedged by: " + ", ".join(hedges))
        if figures:
            parts.append("figures: " + ", ".join(figures))
        if parts:
            findings.append(f"[{number}] " + "; ".join(parts))
    return findings


@functools.lru_cache(maxsize=64)
def guided_model(count: int) -> type[BaseModel]:
    """The guided answer's schema: indices can only be those of the candidates."""
    index: Any = Literal[tuple(range(count))]
    claim: Any = create_model(
        "GuidedClaim", __config__=ConfigDict(extra="forbid"),
        sentence=(index, ...), certainty=(Certainty, ...),
    )
    return create_model(
        "GuidedBriefing", __config__=ConfigDict(extra="forbid"),
        title=(str, Field(max_length=100, description="A short factual title.")),
        bottom_line=(list[index], Field(min_length=1, max_length=BOTTOM_LINE_SENTENCES)),
        key_claims=(list[claim], Field(min_length=1, max_length=CLAIMS)),
    )


_INSTRUCTION_WORDS = frozenset(
    "a an the short factual title for of this document article text summary briefing".split())


def _echoes_instructions(title: str) -> bool:
    """A title made only of the words of its own field description ("A short factual title for
    the document.") says nothing about the document."""
    words = set(re.findall(r"[a-z]+", title.lower()))
    return bool(words) and words <= _INSTRUCTION_WORDS


def guided_plan(text: str, answer: BaseModel, candidates: list[Sentence]) -> Plan:
    data = answer.model_dump()
    notes = []
    # A bottom line of fewer than three sentences is completed from the sentences the model
    # itself chose as key claims (its picks, never ours), in its order.
    picks = list(dict.fromkeys([*data["bottom_line"],
                                *(c["sentence"] for c in data["key_claims"])]))
    chosen = [candidates[i] for i in picks[:BOTTOM_LINE_SENTENCES]]
    bottom = bottom_line(text, chosen) or extractive_plan(text).bottom_line
    labels: dict[int, Certainty] = {}
    claim_sentences = []
    for c in data["key_claims"]:
        s = candidates[c["sentence"]]
        if s.index not in labels:
            labels[s.index] = c["certainty"]
            claim_sentences.append(s)
    # A model that picks too few claims is completed from the salience ranking, in its order.
    for s in sorted(candidates, key=lambda c: (-c.score, c.index)):
        if len(claim_sentences) >= MIN_CLAIMS:
            break
        if s not in claim_sentences:
            claim_sentences.append(s)
    claims = verbatim_claims(text, claim_sentences, labels)
    title = " ".join(str(data["title"]).split())
    invented = invented_entities(title, text)
    if _echoes_instructions(title):
        notes.append("The model's title only repeated its instructions; the document's own "
                     "headline is used instead.")
        title = fallback_title(text)
    elif not title or invented:
        notes.append(
            "The model's title named things not in the document "
            f"({', '.join(invented[:3])}); the document's own headline is used instead."
            if invented else "The model gave no title; the document's own headline is used.")
        title = fallback_title(text)
    return Plan(title=title, bottom_line=bottom, draft=draft_of(claims, title, bottom),
                notes=notes)


def _guided_messages(document: Document, prompt: Prompt, candidates: list[Sentence]
                     ) -> list[dict[str, str]]:
    # The model only chooses: a very long sentence is shown shortened, and used whole.
    findings = guided_findings(document.text, candidates)
    notes = {}
    for line in findings:  # "[3] source: X; hedged by: may" -> per sentence, for inline use
        number, _, note = line.partition("] ")
        notes[int(number.lstrip("["))] = note
    numbered = [{"number": n, "text": _shorten_words(s.text, _CANDIDATE_WORDS),
                 "notes": notes.get(n, "")} for n, s in enumerate(candidates)]
    return prompt.render(sentences=numbered, findings=findings, **LIMITS)


def _shorten_words(text: str, words: int) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


class Guided:
    name = "guided"
    prompt_task: str | None = "guided"
    model_writes_claims = False

    def plan(self, document: Document, settings: Settings, prompt: Prompt | None,
             context_tokens: int | None) -> Job:
        assert prompt is not None
        candidates = guided_candidates(document.text)
        if not candidates:
            return Job(document, settings, prompt, [], notes=[
                "No sentence to choose from: the briefing is extractive."])
        messages = _guided_messages(document, prompt, candidates)
        max_tokens = min(settings.max_tokens, _ANSWER_TOKENS)
        count = None
        if context_tokens and not budget.surely_fits(messages, context_tokens - max_tokens):
            count = budget.token_counter(settings)
        if context_tokens and budget.tokens(messages, count) + max_tokens > context_tokens:
            raise DocumentTooLongError(
                f"the candidate sentences are about {budget.tokens(messages, count)} tokens "
                f"with the prompt; the model's context is {context_tokens} tokens")
        return Job(document, settings, prompt,
                   [Call(messages, guided_model(len(candidates)), max_tokens)],
                   candidates=candidates)

    def decide(self, job: Job, extractions: Sequence[Extraction]) -> Plan:
        return guided_plan(job.document.text, extractions[0].value, job.candidates)


GUIDED = Guided()
