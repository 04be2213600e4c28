"""summarize: grounded, schema-valid briefings of documents, made with a language model.

    >>> from summarize import brief, load_document, render_markdown
    >>> briefing = brief(load_document("seeds/north-korean-troops-kursk.txt"))
    >>> print(render_markdown(briefing))
"""

from __future__ import annotations

from .backends import Backend, Extraction, OpenAICompatibleBackend, open_backend
from .config import Settings, resolve_settings
from .document import Document, document_from_text, load_document
from .errors import (
    BackendError,
    BackendStartError,
    BackendTimeoutError,
    BackendUnavailableError,
    ConfigError,
    DocumentTooLongError,
    ExtractionError,
    InputError,
    OutputError,
    SummarizeError,
)
from .figures import FigureMention, extract_figures
from .grounding import Aligner, Alignment, normalize
from .hedges import HedgeCue, find_hedges
from .output import write_atomic
from .pipeline import brief
from .prompts import Prompt, list_prompts, load_prompt
from .render import render_html, render_json, render_markdown, render_pdf
from .schema import (
    SCHEMA_VERSION,
    Actor,
    Briefing,
    Evidence,
    Figure,
    KeyClaim,
    Uncertainty,
    briefing_json_schema,
)

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "Aligner",
    "Alignment",
    "Backend",
    "BackendError",
    "BackendStartError",
    "BackendTimeoutError",
    "BackendUnavailableError",
    "Briefing",
    "ConfigError",
    "Document",
    "DocumentTooLongError",
    "Evidence",
    "Extraction",
    "ExtractionError",
    "Figure",
    "FigureMention",
    "HedgeCue",
    "InputError",
    "KeyClaim",
    "OpenAICompatibleBackend",
    "OutputError",
    "Prompt",
    "Settings",
    "SummarizeError",
    "Uncertainty",
    "brief",
    "briefing_json_schema",
    "document_from_text",
    "extract_figures",
    "find_hedges",
    "list_prompts",
    "load_document",
    "load_prompt",
    "normalize",
    "open_backend",
    "render_html",
    "render_json",
    "render_markdown",
    "render_pdf",
    "resolve_settings",
    "write_atomic",
]
