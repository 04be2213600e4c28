"""The draft: what a language model is asked to fill. Evidence there is plain quotes; the
pipeline aligns them to the source and turns a draft into a :class:`~.briefing.Briefing`."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from .briefing import ActorKind, Certainty, Qualifier, _Model

# What the model is asked for, at most (the bounds of DraftBriefing below; prompts state them).
LIMITS = {"max_claims": 5, "max_actors": 6, "max_figures": 5, "max_uncertainties": 4}

# --------------------------------------------------------------------------- what the model fills

# Every string the model writes is bounded: with llama.cpp the bounds become grammar rules, so a
# small model that starts repeating itself cannot run on until max_tokens cuts the JSON short.
Quote = Annotated[str, StringConstraints(max_length=200)]
_QUOTES = Field(
    min_length=1,
    max_length=2,
    description="One or two short verbatim quotes copied exactly from the document.",
)


class DraftClaim(_Model):
    statement: str = Field(max_length=240, description="The claim in one sentence.")
    attributed_to: str | None = Field(
        max_length=80, description="Who makes the claim, or null if the document itself says it."
    )
    certainty: Certainty = Field(description="How certain the source is of it.")
    evidence: list[Quote] = _QUOTES


class DraftActor(_Model):
    name: str = Field(max_length=80)
    kind: ActorKind
    role: str = Field(max_length=120, description="Role in the events, in a few words.")
    evidence: list[Quote] = _QUOTES


class DraftFigure(_Model):
    text: str = Field(max_length=80, description="The figure exactly as written in the document.")
    value: float = Field(description="The number, e.g. 10000 for '10,000'.")
    unit: str = Field(max_length=40, description="What is counted or measured: troops, %, USD.")
    qualifier: Qualifier
    low: float | None = None
    high: float | None = None
    evidence: list[Quote] = _QUOTES


class DraftUncertainty(_Model):
    statement: str = Field(max_length=240, description="What is uncertain.")
    cue: str = Field(max_length=80, description="The hedging words used: may, appears, ...")
    evidence: list[Quote] = _QUOTES


class DraftBriefing(_Model):
    """A briefing of the document, with verbatim evidence for every item."""

    title: str = Field(max_length=120, description="A short factual title.")
    bottom_line: str = Field(max_length=600, description="The bottom line in 2-3 sentences.")
    key_claims: list[DraftClaim] = Field(max_length=LIMITS["max_claims"])
    actors: list[DraftActor] = Field(max_length=LIMITS["max_actors"])
    figures: list[DraftFigure] = Field(max_length=LIMITS["max_figures"])
    uncertainties: list[DraftUncertainty] = Field(
        max_length=LIMITS["max_uncertainties"])
