"""What the service runs: briefings through shared backends, and the analysers' findings, bounded
in number and in time.

The embedded model server (or any backend) is opened once per model at the first call that needs
it and shared by every request; the response cache and the run log work as for the CLI. At most
``concurrency`` briefings run at once (the rest wait their turn); one that takes longer than the
request time-out is answered 504 and abandoned: the model call under way ends in the background,
still holding its slot (so the bound holds), and none after it starts. A briefing whose waiter is
cancelled (a job worker stopping with the server) is abandoned the same way. An analysis (no
model: :func:`~summarize.analysers.analysis.analyze_text`) takes a slot and the time-out as a
briefing does.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..analysers.analysis import analyze_text
from ..backends import Backend, LazyBackend, backend_identity
from ..backends.cache import CachedBackend, ResponseCache, identity_of
from ..config import resolve_settings
from ..document import Document, document_from_text
from ..errors import SummarizeError
from ..pipeline import brief
from ..runs.log import recorded_run
from ..schema import Briefing
from ..settings import Settings

__all__ = ["AnalyseRequest", "BriefRequest", "Engine", "RequestTimeout"]

logger = logging.getLogger(__name__)

MAX_TEXT = 32 * 2**20


class BriefRequest(BaseModel):
    """A document to brief, and optionally how."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_TEXT,
                      description="The document, as UTF-8 text.")
    id: str | None = Field(default=None, min_length=1, max_length=200,
                           description="The document's id in the briefing (default: request).")
    strategy: Literal["extractive", "guided", "generative"] | None = Field(
        default=None, description="Default: the server's.")
    prompt: str | None = Field(default=None, min_length=1, max_length=64,
                               pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$",
                               description="A prompt version name (see `summarize prompts`).")
    model: str | None = Field(default=None, min_length=1, max_length=200,
                              description="Default: the server's model.")


class AnalyseRequest(BaseModel):
    """A document to analyse."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_TEXT,
                      description="The document, as UTF-8 text (offsets are into it, its line "
                                  "ends as LF).")
    id: str | None = Field(default=None, min_length=1, max_length=200,
                           description="The document's id in the answer (default: request).")


class RequestTimeout(Exception):
    """The briefing (or analysis) did not finish within the request time-out."""


class _Abandoned(SummarizeError):
    """Nobody waits for this briefing any more: its next model call is not made."""


class _Stoppable:
    """``backend``, refusing to start a model call once ``stop`` is set. A call under way cannot
    be stopped (the thread waits on its HTTP answer); the calls of a long document's other
    chunks, which could take minutes each on the embedded model, are not made."""

    def __init__(self, backend: Any, stop: threading.Event) -> None:
        self._backend, self._stop = backend, stop

    def __getattr__(self, name: str) -> Any:
        return getattr(self._backend, name)

    def extract(self, *args: Any, **kwargs: Any) -> Any:
        if self._stop.is_set():
            raise _Abandoned("briefing abandoned: nobody waits for it any more")
        return self._backend.extract(*args, **kwargs)


class Engine:
    def __init__(self, settings: Settings, *, concurrency: int, timeout: float,
                 cache: ResponseCache | None, backend: Backend | None = None,
                 on_briefing: Callable[[Briefing], None] | None = None,
                 state_dir: Path | None = None) -> None:
        self.settings = settings
        self.state_dir = state_dir  # where the run log is, beside the job store
        self.timeout = timeout
        self.cache = cache
        self.concurrency = concurrency
        self._given = backend
        self._backends: dict[str, Backend] = {}
        self._lock = threading.Lock()
        self._slots: asyncio.Semaphore | None = None
        self._pending: set[asyncio.Future[Briefing]] = set()
        self.on_briefing = on_briefing

    def settings_for(self, request: BriefRequest) -> Settings:
        """The server's settings with what the request may change."""
        settings = self.settings
        if request.model and request.model != settings.model:
            settings = resolve_settings(
                model=request.model, base_url=settings.base_url, timeout=settings.timeout,
                prompt=request.prompt or settings.prompt,
                strategy=request.strategy or None, env={})
        else:
            settings = dataclasses.replace(settings, prompt=request.prompt or settings.prompt,
                                           strategy=request.strategy or settings.strategy)
        return settings

    def _backend(self, settings: Settings) -> Backend:
        if self._given is not None:
            return self._given
        key = json.dumps([backend_identity(settings), settings.base_url], sort_keys=True)
        with self._lock:
            if key not in self._backends:
                self._backends[key] = LazyBackend(settings)
            return self._backends[key]

    async def drain(self, seconds: float) -> None:
        """Wait (up to ``seconds``) for briefings still running in threads, timed-out ones
        included, so nothing they use is closed under them."""
        if self._pending:
            await asyncio.wait(list(self._pending), timeout=seconds)

    def close(self) -> None:
        for backend in self._backends.values():
            close = getattr(backend, "close", None)
            if close is not None:
                close()
        self._backends.clear()

    def _run(self, document: Document, settings: Settings, stop: threading.Event) -> Briefing:
        backend = self._backend(settings)
        used: Any = backend
        if self.cache is not None:
            used = CachedBackend(backend, self.cache, identity_of(backend, settings))
        used = _Stoppable(used, stop)
        with recorded_run("serve", settings, inputs=[document.id], single=True,
                          folder=self.state_dir) as recorder:
            result = brief(document, settings=settings, backend=used)
            recorder.add(result)
        if self.on_briefing is not None:
            self.on_briefing(result)
        return result

    async def run(self, request: BriefRequest) -> tuple[Briefing, Document]:
        settings = self.settings_for(request)
        document = document_from_text(request.text, doc_id=request.id or "request")
        briefing = await self._bounded(
            lambda stop: self._run(document, settings, stop), "no briefing")
        return briefing, document

    async def analyse(self, request: AnalyseRequest) -> dict[str, Any]:
        """The analysers' findings in the request's document, with its id."""
        document = document_from_text(request.text, doc_id=request.id or "request")
        found = await self._bounded(lambda stop: analyze_text(document.text), "no analysis")
        return {"id": document.id, **found}

    async def _bounded(self, work: Callable[[threading.Event], Any], what: str) -> Any:
        """``work(stop)`` in a thread, in one of the slots, within the request time-out."""
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.concurrency)
        slots = self._slots
        await slots.acquire()
        stop = threading.Event()
        future = asyncio.ensure_future(asyncio.to_thread(work, stop))
        future.add_done_callback(lambda _: slots.release())
        self._pending.add(future)
        future.add_done_callback(self._pending.discard)
        # asyncio.timeout, not wait_for: in Python 3.11 wait_for swallows a cancellation that
        # arrives as the briefing ends (see summarize.service.workers).
        scope = asyncio.timeout(self.timeout)
        try:
            async with scope:
                return await asyncio.shield(future)
        except asyncio.CancelledError:
            stop.set()
            future.add_done_callback(_consume)
            raise
        except TimeoutError:
            if not scope.expired():
                raise  # the work's own, not the request's time-out
            # The thread ends after its model call under way, holding its slot until then.
            stop.set()
            future.add_done_callback(_consume)
            raise RequestTimeout(f"{what} within the request time-out of "
                                 f"{self.timeout:g} s") from None


def _consume(future: asyncio.Future[Any]) -> None:
    if not future.cancelled() and isinstance(future.exception(), SummarizeError):
        logger.info("an abandoned briefing ended: %s", future.exception())
