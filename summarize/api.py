"""The library's front door: a briefing of a text or a document, in one call.

    >>> from summarize import brief, render_markdown
    >>> print(render_markdown(brief("The Pentagon said on Monday that ...")))

``model`` and ``strategy`` are resolved as the command line resolves ``--model`` and
``--strategy`` (explicit value, environment, configuration file, default); pass ``settings``
instead for full control. A text is briefed as a document with the id ``text``.
"""

from __future__ import annotations

from dataclasses import replace

from . import pipeline
from .backends import AsyncBackend, Backend, LazyBackend
from .backends.cache import CachedBackend, ResponseCache, identity_of
from .config import resolve_settings
from .core.prompts import Prompt
from .document import Document, document_from_text
from .errors import ConfigError
from .schema import Briefing
from .settings import Settings

__all__ = ["abrief", "brief"]


def _inputs(document: str | Document, settings: Settings | None, model: str | None,
            strategy: str | None, prompt: str | Prompt | None
            ) -> tuple[Document, Settings, Prompt | None]:
    if isinstance(document, str):
        document = document_from_text(document, doc_id="text")
    if settings is not None and (model is not None or strategy is not None):
        raise ConfigError("give either settings or model and strategy, not both")
    version = prompt if isinstance(prompt, str) else None
    if settings is None:
        settings = resolve_settings(model=model, strategy=strategy, prompt=version)
    elif version is not None:
        settings = replace(settings, prompt=version)
    # A version is loaded by the pipeline from the settings, for the strategy's prompt family.
    loaded = None if isinstance(prompt, str) else prompt
    return document, settings, loaded


def brief(
    document: str | Document,
    *,
    model: str | None = None,
    strategy: str | None = None,
    prompt: str | Prompt | None = None,
    cache: ResponseCache | None = None,
    settings: Settings | None = None,
    backend: Backend | None = None,
) -> Briefing:
    """A briefing of ``document`` (a text or a :class:`Document`).

    ``model``: ``local`` (the embedded model, the default), ``openai/<name>``, or a configured
    server's name; ``strategy``: ``extractive``, ``guided`` or ``generative`` (default: the
    model's); ``prompt``: a prompt version or a loaded :class:`Prompt`; ``cache``: answers
    already known are not asked again. ``backend`` replaces the one the settings describe
    (which is otherwise opened when the first answer is not in the cache, and closed after).
    Raises a :class:`~summarize.errors.SummarizeError` on failure."""
    document, settings, loaded = _inputs(document, settings, model, strategy, prompt)
    return pipeline.brief(document, settings=settings, backend=backend, prompt=loaded,
                          cache=cache)


async def abrief(
    document: str | Document,
    *,
    model: str | None = None,
    strategy: str | None = None,
    prompt: str | Prompt | None = None,
    cache: ResponseCache | None = None,
    settings: Settings | None = None,
    backend: AsyncBackend | None = None,
) -> Briefing:
    """:func:`brief`, awaited: many briefings can share one backend concurrently."""
    document, settings, loaded = _inputs(document, settings, model, strategy, prompt)
    lazy = LazyBackend(settings) if backend is None else None
    used: AsyncBackend = lazy or backend  # type: ignore[assignment]
    if cache is not None:
        used = CachedBackend(used, cache, identity_of(used, settings))
    try:
        return await pipeline.abrief(document, settings=settings, backend=used, prompt=loaded,
                                     memo=cache)
    finally:
        if lazy is not None:
            await lazy.aclose()
