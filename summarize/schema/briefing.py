"""The briefing: what ``summarize`` outputs, the contract with downstream systems.

Its JSON Schema is committed as ``schemas/briefing.schema.json`` and versioned by
:data:`SCHEMA_VERSION` (semantic versioning: a field removed or renamed is a major bump, a field
or enum value added is a minor bump).
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..vocabulary import Qualifier as Qualifier
from ..vocabulary import Strategy as Strategy

SCHEMA_VERSION = "1.5.0"

MatchStatus = Literal["exact", "normalized", "fuzzy", "ungrounded"]
Certainty = Literal["confirmed", "likely", "possible", "unclear"]
ActorKind = Literal["person", "organization", "state", "place", "other"]
Origin = Literal["model", "analyser", "both"]
Flag = Literal[
    "ungrounded", "evidence_unrelated", "figure_not_in_evidence", "figure_mismatch",
    "certainty_inflated", "attribution_filled", "attribution_mismatch", "attribution_pronoun",
    "from_injected_text",
]

CERTAINTY_SCALE: tuple[Certainty, ...] = ("confirmed", "likely", "possible", "unclear")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


# --------------------------------------------------------------------------- output contract


class Evidence(_Model):
    """A verbatim quote from the source and where it was found."""

    quote: str = Field(description="Verbatim text from the source document.")
    start: int | None = Field(
        description="Character offset where the quote starts in the source; null if ungrounded."
    )
    end: int | None = Field(
        description="Character offset one past the quote's end in the source; null if ungrounded."
    )
    status: MatchStatus = Field(
        description=(
            "How the quote was matched: exact (source[start:end] == quote), normalized (equal "
            "after folding case, whitespace, quotes and dashes), fuzzy (similar above the "
            "threshold), ungrounded (not found)."
        )
    )
    score: float = Field(
        ge=0, le=100, description="Similarity of source[start:end] to the quote, 0-100."
    )


class _Item(_Model):
    evidence: list[Evidence] = Field(description="Quotes supporting the item.")
    grounded: bool = Field(
        description="True when at least one evidence quote was found (for a figure: one that "
        "contains its number)."
    )
    origin: Origin = Field(
        default="model",
        description="Who produced the item: the model, the deterministic analysers, or both.",
    )
    flags: list[Flag] = Field(
        default_factory=list, description="Problems found when checking the item."
    )


class KeyClaim(_Item):
    statement: str
    attributed_to: str | None = Field(
        description="Who makes the claim; null when the document says it in its own voice."
    )
    certainty: Certainty


class Actor(_Item):
    name: str
    kind: ActorKind
    role: str | None = None


class Figure(_Item):
    text: str = Field(description="The figure as stated in the source.")
    value: float
    unit: str | None = Field(description="What is counted or measured: troops, %, USD, years.")
    qualifier: Qualifier
    low: float | None = None
    high: float | None = None


class Uncertainty(_Item):
    statement: str
    cue: str = Field(description="The hedging words in the source.")


class DocumentInfo(_Model):
    id: str
    sha256: str
    length: int = Field(ge=0, description="Length of the text in characters.")


class PromptInfo(_Model):
    version: str
    sha256: str


class Usage(_Model):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            total_tokens=self.total_tokens + other.total_tokens,
        )


class Timings(_Model):
    extract_s: float = 0.0
    ground_s: float = Field(default=0.0, description="Grounding and analyser checks.")
    total_s: float = 0.0


class Provenance(_Model):
    strategy: Strategy = Field(
        description="extractive: no model; guided: the model selects and labels analysed "
        "sentences; generative: the model writes the briefing with evidence quotes."
    )
    model: str = Field(description="The model's name; \"none\" for the extractive strategy.")
    backend: str = Field(
        pattern=r"^[a-z][a-z0-9-]*$",
        description="The kind of backend that answered: local (the embedded model), openai, "
        "openai-compatible (a server by URL), a plugin's kind, or none when no model was asked.",
    )
    prompt: PromptInfo | None = Field(description="Null when no model was asked.")
    usage: Usage = Field(description="Token usage summed over every attempt, retries included.")
    attempts: int = Field(ge=0)
    retries: int = Field(ge=0)
    timings: Timings
    cached: bool = Field(
        default=False,
        description="Every model answer came from the response cache; usage and extract_s are "
        "those of the original call.",
    )
    chunks: int = Field(
        default=1, ge=1,
        description="Parts the document was read in; more than 1 for a document longer than "
        "the model's context.",
    )
    created_at: str = Field(description="UTC time the briefing was made, ISO 8601.")
    summarize_version: str


class GroundingSummary(_Model):
    evidence_total: int = 0
    exact: int = 0
    normalized: int = 0
    fuzzy: int = 0
    ungrounded: int = 0
    grounded: int = 0
    rate: float | None = Field(description="grounded / evidence_total; null with no evidence.")
    items_total: int = 0
    items_grounded: int = 0
    items_dropped: int = Field(default=0, description="Ungrounded items dropped by --strict.")


class TextCheck(_Model):
    """What the checks found in a written field (title, bottom line) of any strategy."""

    unsupported: list[str] = Field(
        default_factory=list,
        description="Names or numbers in the field that the document does not contain.")
    flags: list[Flag] = Field(
        default_factory=list,
        description="ungrounded (it names something the document does not), "
                    "from_injected_text (it carries text addressed to an AI model).")


class Briefing(_Model):
    schema_version: str = SCHEMA_VERSION
    title: str
    bottom_line: str
    title_check: TextCheck = Field(default_factory=TextCheck)
    bottom_line_check: TextCheck = Field(default_factory=TextCheck)
    key_claims: list[KeyClaim]
    actors: list[Actor]
    figures: list[Figure]
    uncertainties: list[Uncertainty]
    document: DocumentInfo
    provenance: Provenance
    grounding: GroundingSummary
    notes: list[str] = Field(
        default_factory=list, description="What the reader should know about how this was made."
    )


def briefing_json_schema() -> dict[str, Any]:
    """The JSON Schema of :class:`Briefing`, as committed in ``schemas/briefing.schema.json``."""
    schema = Briefing.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://summarize.dev/schemas/briefing/{SCHEMA_VERSION}.json"
    schema["title"] = "Briefing"
    schema["x-schema-version"] = SCHEMA_VERSION
    return schema


def briefing_json_schema_text() -> str:
    return json.dumps(briefing_json_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
