"""The briefing contract (:mod:`.briefing`) and the draft a model fills (:mod:`.draft`)."""

from .briefing import (
    CERTAINTY_SCALE,
    SCHEMA_VERSION,
    Actor,
    ActorKind,
    Briefing,
    Certainty,
    DocumentInfo,
    Evidence,
    Figure,
    Flag,
    GroundingSummary,
    KeyClaim,
    MatchStatus,
    Origin,
    PromptInfo,
    Provenance,
    Qualifier,
    Strategy,
    TextCheck,
    Timings,
    Uncertainty,
    Usage,
    briefing_json_schema,
    briefing_json_schema_text,
)
from .draft import DraftActor, DraftBriefing, DraftClaim, DraftFigure, DraftUncertainty

__all__ = [
    "CERTAINTY_SCALE", "SCHEMA_VERSION", "Actor", "ActorKind", "Briefing", "Certainty",
    "DocumentInfo", "DraftActor", "DraftBriefing", "DraftClaim", "DraftFigure",
    "DraftUncertainty", "Evidence", "Figure", "Flag", "GroundingSummary", "KeyClaim",
    "MatchStatus", "Origin", "PromptInfo", "Provenance", "Qualifier", "Strategy", "TextCheck",
    "Timings", "Uncertainty", "Usage", "briefing_json_schema", "briefing_json_schema_text",
]
