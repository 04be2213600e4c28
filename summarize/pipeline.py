"""The pipeline, orchestration only: plan (the strategy's model calls) → call (a backend) →
finish (the strategy's decision, then the same checks for every draft)."""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Sequence
from contextlib import ExitStack
from typing import Any

from pydantic import ValidationError

from .backends import AsyncBackend, Backend, LazyBackend
from .backends.base import Extraction
from .backends.cache import CachedBackend, ResponseCache, identity_of
from .config import resolve_settings
from .core.checks import check_draft, check_text
from .core.job import Job
from .core.prompts import Prompt, load_prompt
from .core.provenance import provenance
from .document import Document
from .schema import Briefing, DocumentInfo
from .settings import Settings
from .strategies import get_strategy
from .strategies.extractive import extractive_plan
from .version import build_identity

__all__ = ["abrief", "brief", "finish", "plan"]

logger = logging.getLogger(__name__)

_FROM_SETTINGS: Any = object()


def plan(document: Document, settings: Settings, prompt: Prompt | None = None, *,
         context_tokens: int | None = _FROM_SETTINGS) -> Job:
    """What making a briefing of ``document`` will take. ``context_tokens`` defaults to the
    settings'; a document longer than the context is split into chunks (generative strategy)."""
    strategy = get_strategy(settings.strategy)
    if strategy.prompt_task is not None:
        prompt = prompt or load_prompt(settings.prompt, task=strategy.prompt_task)
    context = settings.context_tokens if context_tokens is _FROM_SETTINGS else context_tokens
    return strategy.plan(document, settings, prompt, context)


def finish(job: Job, extractions: Sequence[Extraction], *, model: str = "none",
           backend: str = "none") -> Briefing:
    """The briefing from the job's answers (one per call, in order)."""
    began = time.perf_counter()
    document, settings = job.document, job.settings
    strategy = get_strategy(settings.strategy)
    notes = list(job.notes)
    # A job with no answers (extractive, or nothing for the model to choose from) is extractive.
    decided = strategy.decide(job, extractions) if extractions else extractive_plan(
        document.text)
    title_check = check_text(decided.title, document.text)
    bottom_check = check_text(decided.bottom_line, document.text)
    if settings.strict and bottom_check.flags:
        decided.bottom_line = extractive_plan(document.text).bottom_line
        notes.append("The bottom line named things not in the document or carried text "
                     "addressed to an AI; it is replaced by the extractive one (strict).")
        bottom_check = check_text(decided.bottom_line, document.text)
    for name, check in (("title", title_check), ("bottom line", bottom_check)):
        if check.unsupported:
            notes.append(f"The {name} names things not in the document: "
                         f"{', '.join(check.unsupported[:5])}.")
        if "from_injected_text" in check.flags:
            notes.append(f"The {name} carries text addressed to an AI model, not the reader.")
    checked = check_draft(decided.draft, document, strict=settings.strict,
                          model_wrote_claims=bool(extractions) and strategy.model_writes_claims)
    grounded = time.perf_counter()
    notes += decided.notes + checked.notes
    retried = [e for e in extractions if e.attempts > 1]
    if retried:
        notes.append(f"The model needed {sum(e.attempts for e in extractions)} attempts for "
                     f"{len(extractions)} answer(s) to produce valid output.")
    logger.info("grounded %d of %d evidence quotes", checked.grounding.grounded,
                checked.grounding.evidence_total)
    return Briefing(
        title=decided.title.strip(),
        bottom_line=decided.bottom_line.strip(),
        title_check=title_check,
        bottom_line_check=bottom_check,
        key_claims=checked.claims,
        actors=checked.actors,
        figures=checked.figures,
        uncertainties=checked.uncertainties,
        document=DocumentInfo(id=document.id, sha256=document.sha256, length=document.length),
        provenance=provenance(settings.strategy, model if extractions else "none",
                              backend if extractions else "none",
                              job.prompt if extractions else None, list(extractions),
                              max(len(job.chunks), 1), began, grounded),
        grounding=checked.grounding,
        notes=notes,
    )


def _memo_key(job: Job, extractions: Sequence[Extraction], model: str, backend: str) -> str:
    """Everything that decides a finished briefing: the document and its id, the strategy and
    what it was asked, the answers, and the code and models that check them."""
    settings = job.settings
    payload = {
        "document": [job.document.id, job.document.sha256],
        "strategy": settings.strategy, "strict": settings.strict,
        "prompt": job.prompt.sha256 if job.prompt else None,
        "chunks": [[c.start, c.end] for c in job.chunks], "notes": job.notes,
        "answers": [e.value.model_dump_json() for e in extractions],
        "attempts": [e.attempts for e in extractions],
        "model": model, "backend": backend, "code": build_identity(),
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def remembered(job: Job, extractions: Sequence[Extraction], memo: ResponseCache | None, *,
               model: str = "none", backend: str = "none") -> Briefing:
    """:func:`finish`, remembered in ``memo`` (the response cache): a re-run over the same
    document and the same answers, with the same code and models, skips the checks and the
    analysers. The briefing's timings and creation time are then the original's."""
    if memo is None:
        return finish(job, extractions, model=model, backend=backend)
    key = _memo_key(job, extractions, model, backend)
    known = memo.briefing(key)
    if known is not None:
        try:
            briefing = Briefing.model_validate_json(known)
        except ValidationError:
            briefing = None
        if briefing is not None:
            briefing.provenance.cached = bool(extractions) and all(e.cached for e in extractions)
            logger.info("briefing from the cache (%s)", key[:12])
            return briefing
    briefing = finish(job, extractions, model=model, backend=backend)
    memo.put_briefing(key, briefing.model_dump_json())
    return briefing


def brief(
    document: Document,
    *,
    settings: Settings | None = None,
    backend: Backend | None = None,
    prompt: Prompt | None = None,
    cache: ResponseCache | None = None,
) -> Briefing:
    """Make a briefing of ``document`` with the settings' strategy.

    ``extractive`` needs no model. Otherwise, without ``backend``, one is opened from
    ``settings`` (the embedded model by default) when the first answer is not in ``cache``, and
    closed afterwards. Raises a :class:`~summarize.errors.SummarizeError` on failure.
    """
    settings = settings or resolve_settings()
    context = backend.context_tokens if backend is not None else settings.context_tokens
    job = plan(document, settings, prompt, context_tokens=context)
    if not job.calls:
        logger.info("%s briefing: no model call", settings.strategy)
        return remembered(job, [], cache)
    with ExitStack() as stack:
        used: Backend
        if backend is None:
            lazy = LazyBackend(settings)
            stack.callback(lazy.close)
            used = lazy
        else:
            used = backend
        if cache is not None:
            used = CachedBackend(used, cache, identity_of(used, settings))
        logger.info("%s briefing with %s (prompt %s, %d call(s))", settings.strategy,
                    used.model, job.prompt.version if job.prompt else "none", len(job.calls))
        extractions = [used.extract(c.messages, c.response_model,
                                    max_retries=settings.max_retries,
                                    max_tokens=c.max_tokens) for c in job.calls]
        return remembered(job, extractions, cache, model=used.model, backend=used.kind)


async def abrief(
    document: Document,
    *,
    settings: Settings,
    backend: AsyncBackend,
    prompt: Prompt | None = None,
    memo: ResponseCache | None = None,
) -> Briefing:
    """:func:`brief` for a batch: the model calls are awaited on ``backend`` (which may be a
    :class:`~summarize.backends.cache.CachedBackend`); finished briefings are remembered in
    ``memo``."""
    # Planning and checking run inline: they take milliseconds of CPU, which threads would not
    # parallelise (the GIL) and whose hand-offs cost more than they save.
    job = plan(document, settings, prompt, context_tokens=backend.context_tokens)
    extractions = []
    for c in job.calls:
        extractions.append(await backend.aextract(c.messages, c.response_model,
                                                  max_retries=settings.max_retries,
                                                  max_tokens=c.max_tokens))
    return remembered(job, extractions, memo, model=backend.model, backend=backend.kind)
