"""Batches: many documents, a bounded number in flight, one JSON line each, resumable.

Each line of the output is written whole as soon as its document is done::

    {"id": "...", "status": "ok", "cached": false, "briefing": {...}}
    {"id": "...", "status": "error", "error": {"type": "...", "exit_code": 10, "message": "..."}}

Run the same batch again and it finishes what is left: ids with an ``ok`` line are skipped,
failed ones are tried again (their old line is removed first, so every id appears once), and a
line cut short by a crash is dropped. Documents are streamed from the inputs; only those in
flight are held in memory.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ..backends import LazyBackend
from ..backends.cache import CachedBackend, ResponseCache, identity_of
from ..core.inputs import InputFailure, iter_sources
from ..core.prompts import Prompt
from ..document import Document
from ..errors import OutputError, SummarizeError
from ..output import safe_text
from ..pipeline import abrief
from ..schema import Briefing
from ..settings import Settings
from .log import RunRecorder
from .results import OutputLock, ResultWriter, prepare_output

__all__ = ["BatchStats", "run_batch"]

logger = logging.getLogger(__name__)


@dataclass
class BatchStats:
    """What a batch did so far; complete when :func:`run_batch` returns or is interrupted."""

    total: int | None = None
    already_done: int = 0
    succeeded: int = 0
    failed: int = 0
    cached: int = 0
    duplicates: int = 0
    in_flight: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def finished(self) -> int:
        return self.succeeded + self.failed

    def summary(self) -> str:
        parts = [f"{self.succeeded} succeeded", f"{self.failed} failed",
                 f"{self.cached} from the cache"]
        if self.already_done:
            parts.append(f"{self.already_done} already done")
        if self.duplicates:
            parts.append(f"{self.duplicates} duplicate id(s) skipped")
        return ", ".join(parts)


async def run_batch(
    sources: Iterable[str],
    output: Path,
    settings: Settings,
    *,
    concurrency: int = 4,
    cache: ResponseCache | None = None,
    prompt: Prompt | None = None,
    stats: BatchStats | None = None,
    recorder: RunRecorder | None = None,
    on_done: Callable[[BatchStats], None] | None = None,
    stdin: IO[str] | None = None,
    backend: Any = None,
) -> BatchStats:
    """Brief every document of ``sources`` into the JSONL file ``output``.

    At most ``concurrency`` documents are in flight. ``backend`` defaults to the one the
    settings describe, opened at the first answer the cache does not have. Cancelling the task
    (Ctrl-C) stops the documents in flight; every line already written is whole."""
    if concurrency < 1:
        raise OutputError("the concurrency setting must be at least 1")
    stats = stats or BatchStats()
    sources = list(sources)
    with OutputLock(output):
        return await _run_locked(sources, output, settings, concurrency, cache, prompt, stats,
                                 recorder, on_done, stdin, backend)


async def _run_locked(sources: list[str], output: Path, settings: Settings, concurrency: int,
                      cache: ResponseCache | None, prompt: Prompt | None, stats: BatchStats,
                      recorder: RunRecorder | None,
                      on_done: Callable[[BatchStats], None] | None, stdin: IO[str] | None,
                      backend: Any) -> BatchStats:
    done = prepare_output(output, sources)
    lazy = None
    if backend is None:
        lazy = backend = LazyBackend(settings)
    if cache is not None:
        backend = CachedBackend(backend, cache, identity_of(backend, settings))
    slots = asyncio.Semaphore(concurrency)
    seen: set[tuple[str, str]] = set()
    tasks: set[asyncio.Task[None]] = set()
    results = ResultWriter(output)

    def account(doc_id: str, briefing: Briefing | None, error: SummarizeError | None) -> None:
        if briefing is not None:
            results.ok(doc_id, briefing)
            stats.succeeded += 1
            stats.cached += briefing.provenance.cached
        else:
            assert error is not None
            results.error(doc_id, error)
            stats.failed += 1
            stats.failures.append(safe_text(f"{doc_id}: {error}"))
            logger.warning("%s: %s", safe_text(doc_id), safe_text(str(error)))
        if recorder is not None:
            recorder.add(briefing)
        if on_done is not None:
            on_done(stats)

    async def one(document: Document) -> None:
        try:
            try:
                briefing = await abrief(document, settings=settings, backend=backend,
                                        prompt=prompt, memo=cache)
            except SummarizeError as exc:
                account(document.id, None, exc)
            else:
                account(document.id, briefing, None)
        finally:
            stats.in_flight -= 1
            slots.release()

    fatal: list[BaseException] = []

    def finished(task: asyncio.Task[None]) -> None:
        tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            fatal.append(task.exception())  # type: ignore[arg-type]

    try:
        # The output (in an input folder, or matched by a glob) is never read as an input.
        for item in iter_sources(sources, stdin=stdin, exclude=output):
            locator = isinstance(item, InputFailure) and item.locator
            if not locator and item.id in done:
                stats.already_done += 1
                if on_done is not None:
                    on_done(stats)
                continue
            # A failure's locator ("feed.jsonl:3") and a record's id never collide.
            key = ("where" if locator else "id", item.id)
            if key in seen:
                stats.duplicates += 1
                logger.warning("%s: duplicate id, skipped", safe_text(item.id))
                continue
            seen.add(key)
            if isinstance(item, InputFailure):
                account(item.id, None, item.error)
                continue
            await slots.acquire()
            if fatal:  # the output cannot be written (disk full): stop taking documents
                slots.release()
                raise fatal[0]
            stats.in_flight += 1
            task = asyncio.create_task(one(item))
            tasks.add(task)
            task.add_done_callback(finished)
        if tasks:
            await asyncio.gather(*tasks)
        if fatal:
            raise fatal[0]
    finally:
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        results.close()
        if lazy is not None:
            await lazy.aclose()
    return stats
