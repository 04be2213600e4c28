"""summarize: grounded, schema-valid briefings of documents, made with a language model.

    >>> from summarize import brief, load_document, render_markdown
    >>> briefing = brief(load_document("seeds/north-korean-troops-kursk.txt"))
    >>> print(render_markdown(briefing))

The rest lives in one package per job: :mod:`summarize.schema` (the contract),
:mod:`summarize.core` (documents, grounding, the pipeline), :mod:`summarize.strategies`,
:mod:`summarize.analysers`, :mod:`summarize.backends` (and the response cache),
:mod:`summarize.runs` (batches, comparisons, the run log), :mod:`summarize.render` and
:mod:`summarize.errors` (one root, :class:`SummarizeError`, with the tree in its docstring).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from .analysers.analysis import analyze_text
    from .api import abrief, brief
    from .backends import Backend
    from .backends.cache import ResponseCache
    from .config import resolve_settings
    from .document import Document, document_from_text, load_document
    from .render import render_html, render_json, render_markdown, render_pdf
    from .runs.batch import run_batch
    from .runs.compare import compare
    from .schema import SCHEMA_VERSION, Briefing, briefing_json_schema
    from .settings import Settings

# The rest is imported on first use (PEP 562): `summarize analyze` and `import summarize.errors`
# do not pay for the pipeline, the renderers and the schema's models they never touch.
_LAZY: dict[str, str] = {
    "analyze_text": ".analysers.analysis",
    "abrief": ".api", "brief": ".api",
    "Backend": ".backends",
    "ResponseCache": ".backends.cache",
    "resolve_settings": ".config",
    "Document": ".document", "document_from_text": ".document", "load_document": ".document",
    "render_html": ".render", "render_json": ".render", "render_markdown": ".render",
    "render_pdf": ".render",
    "run_batch": ".runs.batch",
    "compare": ".runs.compare",
    "SCHEMA_VERSION": ".schema", "Briefing": ".schema", "briefing_json_schema": ".schema",
    "Settings": ".settings",
}

__all__ = [
    "abrief",
    "analyze_text",
    "Backend",
    "BackendError",
    "BackendStartError",
    "BackendTimeoutError",
    "BackendUnavailableError",
    "brief",
    "Briefing",
    "briefing_json_schema",
    "compare",
    "ConfigError",
    "Document",
    "document_from_text",
    "DocumentTooLongError",
    "ExtractionError",
    "InputError",
    "load_document",
    "OutputError",
    "render_html",
    "render_json",
    "render_markdown",
    "render_pdf",
    "resolve_settings",
    "ResponseCache",
    "run_batch",
    "SCHEMA_VERSION",
    "Settings",
    "SummarizeError",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
