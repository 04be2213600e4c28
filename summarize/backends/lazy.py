"""A backend opened at its first call and remembered failing."""

from __future__ import annotations

import asyncio
import threading
from contextlib import ExitStack
from typing import Any

from pydantic import BaseModel

from ..errors import SummarizeError
from ..settings import Settings
from .base import AsyncBackend, Extraction
from .registry import backend_identity, open_backend

__all__ = ["LazyBackend"]

class LazyBackend:
    """The backend ``settings`` describe, opened at its first call (a batch served entirely from
    the cache never starts the embedded model) and closed by :meth:`close`. A failure to open
    is remembered: a thousand documents do not try to start a broken server a thousand times."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.kind: str = settings.backend
        self.model = settings.model
        self.context_tokens = settings.context_tokens
        self._stack = ExitStack()
        self._backend: AsyncBackend | None = None
        self._failure: SummarizeError | None = None
        self._lock = threading.Lock()

    @property
    def opened(self) -> bool:
        return self._backend is not None

    def identity(self) -> dict[str, Any]:
        return backend_identity(self.settings)

    def _open(self) -> AsyncBackend:
        with self._lock:
            if self._failure is not None:
                raise self._failure
            if self._backend is None:
                try:
                    self._backend = self._stack.enter_context(open_backend(self.settings))
                except SummarizeError as exc:
                    self._failure = exc
                    raise
            return self._backend

    def extract(self, messages: list[dict[str, str]], response_model: type[BaseModel], *,
                max_retries: int, max_tokens: int) -> Extraction:
        return self._open().extract(messages, response_model, max_retries=max_retries,
                                    max_tokens=max_tokens)

    async def aextract(self, messages: list[dict[str, str]], response_model: type[BaseModel],
                       *, max_retries: int, max_tokens: int) -> Extraction:
        backend = self._backend
        if backend is None:
            backend = await asyncio.to_thread(self._open)
        return await backend.aextract(messages, response_model, max_retries=max_retries,
                                      max_tokens=max_tokens)

    def close(self) -> None:
        self._stack.close()
        self._backend = None

    async def aclose(self) -> None:
        aclose = getattr(self._backend, "aclose", None)
        if aclose is not None:
            await aclose()
        self.close()
