"""Strategies for filling a briefing: from no model at all to a fully generative one.

* ``extractive``: no model. Title from the document's headline (or its lead), bottom line and
  key claims from the most salient sentences verbatim, certainty from the hedges in them; the
  analysers supply attributions, actors, figures and uncertainties. Grounded by construction.
* ``guided``: the model sees numbered candidate sentences and the analysers' findings, and only
  selects (indices constrained by the schema to the candidates), labels certainty and writes the
  title; the title is checked for names and numbers that are not in the document, and no
  certainty may be stronger than the source's own words.
* ``generative``: the model writes the briefing with evidence quotes (``prompts/briefing``).

Each strategy turns a document into a draft (:class:`~summarize.schema.DraftBriefing`) plus the
title and bottom line; the pipeline grounds and checks every draft the same way.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from .attributions import PRONOUN_SOURCES, find_attributions, states_a_claim
from .figures import extract_figures
from .hedges import find_hedges
from .injection import find_injections
from .salience import Sentence, bottom_line_sentences, headline, rank_sentences
from .schema import CERTAINTY_SCALE, Certainty, DraftBriefing, DraftClaim

__all__ = ["Plan", "certainty_of", "extractive_plan", "guided_candidates", "guided_model",
           "guided_plan", "invented_entities", "weaker"]

BOTTOM_LINE_SENTENCES = 3
BOTTOM_LINE_WORDS = 90
CLAIMS = 5
MIN_CLAIMS = 3
CANDIDATES = 12
_TITLE_WORDS = 14


@dataclass
class Plan:
    """What a strategy decided: the draft to ground, and the notes the reader should see."""

    title: str
    bottom_line: str
    draft: DraftBriefing
    notes: list[str]


def certainty_of(sentence: str) -> Certainty:
    """The certainty a sentence's own words allow."""
    kinds = {h.type for h in find_hedges(sentence)}
    if "lack_of_knowledge" in kinds:
        return "unclear"
    if kinds & {"modal", "appearance", "reported", "conditional", "investigation"}:
        return "possible"
    if "doxastic" in kinds:
        return "likely"
    return "confirmed"


def weaker(a: Certainty, b: Certainty) -> Certainty:
    """The less certain of two labels."""
    return a if CERTAINTY_SCALE.index(a) >= CERTAINTY_SCALE.index(b) else b


def _shorten(text: str, words: int) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def _bottom_line(chosen: list[Sentence]) -> str:
    ordered = sorted(chosen, key=lambda s: s.index)
    out: list[str] = []
    for s in ordered:
        if out and len(" ".join(out + [s.text]).split()) > BOTTOM_LINE_WORDS:
            break
        out.append(" ".join(s.text.split()))
    return " ".join(out)


def _claims(chosen: list[Sentence], labels: dict[int, Certainty] | None = None
            ) -> list[DraftClaim]:
    claims = []
    for s in chosen:
        own = certainty_of(s.text)
        certainty = weaker(labels[s.index], own) if labels and s.index in labels else own
        # Built, not validated: a verbatim sentence may be longer than the model is allowed.
        claims.append(DraftClaim.model_construct(
            statement=" ".join(s.text.split()), attributed_to=None, certainty=certainty,
            evidence=[s.text]))
    return claims


def _draft(claims: list[DraftClaim], title: str, bottom_line: str) -> DraftBriefing:
    return DraftBriefing.model_construct(title=title, bottom_line=bottom_line, key_claims=claims,
                                         actors=[], figures=[], uncertainties=[])


def _fallback_title(text: str, ranked: list[Sentence] | None = None) -> str:
    """The document's headline, else its first sentence shortened."""
    head = headline(text)
    if head:
        return text[head[0]:head[1]].strip()
    ranked = rank_sentences(text) if ranked is None else ranked
    if ranked:
        return _shorten(min(ranked, key=lambda s: s.index).text, _TITLE_WORDS)
    return _shorten(text.strip(), _TITLE_WORDS)


def _named_source(sentence: str) -> str | None:
    """The first named (not pronoun) source that states a claim in ``sentence``."""
    for a in find_attributions(sentence):
        name = a.source.text.strip()
        if name.lower() not in PRONOUN_SOURCES and states_a_claim(a):
            return name.lower()
    return None


def covering_claims(ranked: list[Sentence], first: list[Sentence]) -> list[Sentence]:
    """Key claims that cover the document: the ``first`` sentences (the main event), then the
    best-ranked sentence of each distinct named source not yet heard, then the best-ranked
    sentence with a figure if none has one yet, then the ranking itself; at most ``CLAIMS``."""
    chosen = list(dict.fromkeys(first))[:CLAIMS]
    heard = {_named_source(s.text) for s in chosen} - {None}
    for s in ranked:
        if len(chosen) >= CLAIMS:
            break
        source = _named_source(s.text)
        if s not in chosen and source and source not in heard:
            chosen.append(s)
            heard.add(source)
    if len(chosen) < CLAIMS and not any(extract_figures(s.text) for s in chosen):
        figure = next((s for s in ranked if s not in chosen and extract_figures(s.text)), None)
        if figure:
            chosen.append(figure)
    for s in ranked:
        if len(chosen) >= MIN_CLAIMS:
            break
        if s not in chosen:
            chosen.append(s)
    return chosen


def _without_injections(text: str) -> str:
    spans = find_injections(text)
    for s, e in reversed(spans):
        text = text[:s] + " " + text[e:]
    return text


def extractive_plan(text: str) -> Plan:
    ranked = rank_sentences(text)
    title = _fallback_title(text, ranked)
    lead = bottom_line_sentences(ranked, words=BOTTOM_LINE_WORDS,
                                 sentences=BOTTOM_LINE_SENTENCES)
    bottom = _bottom_line(lead) or _shorten(_without_injections(text).strip(), 60)
    claims = _claims(covering_claims(ranked, sorted(lead, key=lambda s: -s.score)))
    return Plan(title=title, bottom_line=bottom, draft=_draft(claims, title, bottom), notes=[])


# ----------------------------------------------------------------------------- guided


def guided_candidates(text: str) -> list[Sentence]:
    """The sentences the model may choose from, in document order."""
    return sorted(rank_sentences(text)[:CANDIDATES], key=lambda s: s.index)


def guided_findings(text: str, candidates: list[Sentence]) -> list[str]:
    """What the analysers found in the candidates, as short lines for the prompt."""
    findings = []
    for number, s in enumerate(candidates):
        piece = text[s.start:s.end]
        said = [a.source.text for a in find_attributions(piece)
                if a.source.text.lower() not in PRONOUN_SOURCES and states_a_claim(a)]
        hedges = sorted({h.cue.lower() for h in find_hedges(piece)})
        figures = [f.text for f in extract_figures(piece)]
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


_ENTITY = re.compile(r"\b(?:[A-Z][\w'’-]*[A-Za-z]|\d[\d,.]*)")
_COMMON = frozenset(
    "The A An In On At Of For And But Or To By With From As After Before Over About New North "
    "South East West How Why What When Who Will May Could Report Reports Update Breaking".split()
)


def invented_entities(text: str, document: str) -> list[str]:
    """Names and numbers in ``text`` that do not occur in ``document``."""
    lower = document.lower()
    digits = re.sub(r"[,\s]", "", document)
    found = []
    for m in _ENTITY.finditer(text):
        token = m.group().rstrip(".,")
        if token in _COMMON or not token:
            continue
        if token[0].isdigit():
            if token.replace(",", "") not in digits:
                found.append(token)
        elif token.lower() not in lower:
            found.append(token)
    return found


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
    bottom = _bottom_line(chosen) or extractive_plan(text).bottom_line
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
    claims = _claims(claim_sentences, labels)
    title = " ".join(str(data["title"]).split())
    invented = invented_entities(title, text)
    if _echoes_instructions(title):
        notes.append("The model's title only repeated its instructions; the document's own "
                     "headline is used instead.")
        title = _fallback_title(text)
    elif not title or invented:
        notes.append(
            "The model's title named things not in the document "
            f"({', '.join(invented[:3])}); the document's own headline is used instead."
            if invented else "The model gave no title; the document's own headline is used.")
        title = _fallback_title(text)
    return Plan(title=title, bottom_line=bottom, draft=_draft(claims, title, bottom),
                notes=notes)
