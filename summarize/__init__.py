"""summarize: grounded, schema-valid briefings of documents, made with a language model.

    >>> from summarize import brief, load_document, render_markdown
    >>> briefing = brief(load_document("seeds/north-korean-troops-kursk.txt"))
    >>> print(render_markdown(briefing))

Many documents: :func:`run_batch` (async, resumable JSONL), :class:`ResponseCache`,
:class:`RunLog`; prompt versions side by side: :func:`compare`.
"""

from __future__ import annotations

from .backends import Backend, Extraction, LazyBackend, OpenAICompatibleBackend, open_backend
from .batch import BatchStats, run_batch
from .cache import CachedBackend, ResponseCache
from .compare import Comparison, Variant, compare, diff_briefings
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
from .inputs import InputFailure, iter_sources
from .output import write_atomic
from .pipeline import Job, abrief, brief, finish, plan
from .prompts import Prompt, list_prompts, load_prompt
from .render import render_html, render_json, render_markdown, render_pdf
from .runs import RunLog
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
    "abrief",
    "Actor",
    "Aligner",
    "Alignment",
    "Backend",
    "BackendError",
    "BackendStartError",
    "BackendTimeoutError",
    "BackendUnavailableError",
    "BatchStats",
    "brief",
    "Briefing",
    "briefing_json_schema",
    "CachedBackend",
    "compare",
    "Comparison",
    "ConfigError",
    "diff_briefings",
    "Document",
    "document_from_text",
    "DocumentTooLongError",
    "Evidence",
    "extract_figures",
    "Extraction",
    "ExtractionError",
    "Figure",
    "FigureMention",
    "find_hedges",
    "finish",
    "HedgeCue",
    "InputError",
    "InputFailure",
    "iter_sources",
    "Job",
    "KeyClaim",
    "LazyBackend",
    "list_prompts",
    "load_document",
    "load_prompt",
    "normalize",
    "open_backend",
    "OpenAICompatibleBackend",
    "OutputError",
    "plan",
    "Prompt",
    "render_html",
    "render_json",
    "render_markdown",
    "render_pdf",
    "resolve_settings",
    "ResponseCache",
    "run_batch",
    "RunLog",
    "SCHEMA_VERSION",
    "Settings",
    "SummarizeError",
    "Uncertainty",
    "Variant",
    "write_atomic",
]
