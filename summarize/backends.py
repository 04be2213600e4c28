"""Backends: one contract, one implementation over the OpenAI-compatible HTTP API.

:class:`Backend` has one method, :meth:`Backend.extract`: chat messages and a Pydantic model in,
a validated instance with the token usage of every attempt out. :class:`OpenAICompatibleBackend`
implements it with instructor (TOOLS mode) over the ``openai`` client, for the embedded model,
OpenAI and any compatible server alike. :func:`open_backend` turns :class:`Settings` into a
ready backend, starting the embedded server when the settings ask for it.
"""

from __future__ import annotations

import asyncio
import logging
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel

from .config import Settings, public_url
from .errors import (
    BackendError,
    BackendTimeoutError,
    BackendUnavailableError,
    DocumentTooLongError,
    ExtractionError,
    SummarizeError,
)
from .schema import Usage

__all__ = ["AsyncBackend", "Backend", "Extraction", "LazyBackend", "OpenAICompatibleBackend",
           "open_backend"]

logger = logging.getLogger(__name__)

T = TypeVar("T", bound=BaseModel)

_CONTEXT_ERROR = re.compile(
    r"context (?:window|length)|maximum context|too many tokens|exceed", re.IGNORECASE
)


@dataclass
class Extraction:
    """What a backend returns: the validated value and the cost of getting it."""

    value: BaseModel
    usage: Usage
    attempts: int
    seconds: float = 0.0
    cached: bool = False


class Backend(Protocol):
    kind: str
    model: str
    context_tokens: int | None

    def extract(
        self,
        messages: list[dict[str, str]],
        response_model: type[BaseModel],
        *,
        max_retries: int,
        max_tokens: int,
    ) -> Extraction:
        """Fill ``response_model`` from ``messages``; retries on invalid output."""
        ...


class AsyncBackend(Backend, Protocol):
    """A backend that can also be awaited, for batches with many calls in flight."""

    async def aextract(
        self,
        messages: list[dict[str, str]],
        response_model: type[BaseModel],
        *,
        max_retries: int,
        max_tokens: int,
    ) -> Extraction:
        ...


def _usage_of(completion: Any) -> Usage:
    usage = getattr(completion, "usage", None)
    if usage is None:
        return Usage()
    return Usage(
        prompt_tokens=getattr(usage, "prompt_tokens", 0) or 0,
        completion_tokens=getattr(usage, "completion_tokens", 0) or 0,
        total_tokens=getattr(usage, "total_tokens", 0) or 0,
    )


def _causes(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _last_failure(exc: Exception) -> str:
    """The last attempt's validation problem, in one line."""
    failed = getattr(exc, "failed_attempts", None) or []
    if failed:
        last = getattr(failed[-1], "exception", None)
        if last is not None:
            errors = getattr(last, "errors", None)
            if callable(errors):
                try:
                    first = errors()[0]
                    where = ".".join(str(p) for p in first.get("loc", ()))
                    return _one_line(f"{where}: {first.get('msg', '')}".strip(": "))
                except (IndexError, TypeError, ValueError, AttributeError):
                    pass
            return _one_line(last)
    return _one_line(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)


def _one_line(text: object, limit: int = 200) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


class OpenAICompatibleBackend:
    """Any server speaking the OpenAI chat completions API, through instructor's TOOLS mode."""

    def __init__(
        self,
        *,
        kind: str,
        model: str,
        base_url: str,
        api_key: str | None,
        timeout: float,
        context_tokens: int | None = None,
        temperature: float = 0.0,
        seed: int | None = None,
        transport_retries: int = 2,
        http_client: Any = None,
        identity: dict[str, Any] | None = None,
    ) -> None:
        self.kind = kind
        self.model = model
        # What the response cache keys this backend's answers by (see identity()).
        self._identity = identity
        self.base_url = base_url
        self.context_tokens = context_tokens
        self.temperature = temperature
        self.seed = seed
        self._client_options: dict[str, Any] = {
            "base_url": base_url,
            "api_key": api_key or "not-needed",
            "timeout": timeout,
            "max_retries": transport_retries,
        }
        # Imported here: they take a second to import, and a run answered from the cache
        # never needs them.
        import openai

        self._client = openai.OpenAI(**self._client_options, http_client=http_client)
        self._async_client: Any = None


    def identity(self) -> dict[str, Any]:
        """What identifies the model behind this backend for the cache: kind, model, where it
        is served (without credentials) and the sampling parameters. The embedded model's
        loopback port changes every run: its backend is given the weights' identity instead."""
        if self._identity is not None:
            return dict(self._identity)
        return {"backend": self.kind, "model": self.model,
                "base_url": public_url(self.base_url), "temperature": self.temperature,
                "seed": self.seed}
    def close(self) -> None:
        """Close the HTTP connections (the async client's are closed by :meth:`aclose`)."""
        self._client.close()

    async def aclose(self) -> None:
        if self._async_client is not None:
            await self._async_client.close()
            self._async_client = None
        self.close()

    def describe(self) -> str:
        return f"{self.kind} backend ({self.model} at {public_url(self.base_url)})"

    def _call(self, client: Any, max_tokens: int
              ) -> tuple[Any, dict[str, Any], Callable[[], tuple[Usage, int, int]]]:
        """An instructor client of our own for one call, so that concurrent calls never see
        each other's hooks, and a way to read what the call cost."""
        usage = Usage()
        attempts = 0
        cut_short = 0

        def on_response(completion: Any) -> None:
            nonlocal usage, attempts, cut_short
            attempts += 1
            usage = usage + _usage_of(completion)
            choices = getattr(completion, "choices", None) or []
            if choices and getattr(choices[0], "finish_reason", None) == "length":
                cut_short += 1

        def on_parse_error(error: Exception) -> None:
            logger.info("attempt %d: invalid output, retrying: %s", attempts, _one_line(error))

        import instructor

        wrapped = instructor.from_openai(client, mode=instructor.Mode.TOOLS)
        wrapped.on("completion:response", on_response)
        wrapped.on("parse:error", on_parse_error)
        extra: dict[str, Any] = {"temperature": self.temperature, "max_tokens": max_tokens}
        if self.seed is not None:
            extra["seed"] = self.seed
        return wrapped, extra, lambda: (usage, attempts, cut_short)

    def _failure(self, exc: Exception, cost: tuple[Usage, int, int], max_tokens: int
                 ) -> SummarizeError:
        usage, attempts, cut_short = cost
        error = self._translate(exc, attempts, usage)
        if isinstance(error, ExtractionError) and cut_short:
            error.message += (f" ({cut_short} of {attempts} answer(s) hit max_tokens="
                              f"{max_tokens}: raise --max-tokens or use a stronger model)")
        return error

    def extract(
        self,
        messages: list[dict[str, str]],
        response_model: type[BaseModel],
        *,
        max_retries: int,
        max_tokens: int,
    ) -> Extraction:
        began = time.perf_counter()
        wrapped, extra, cost = self._call(self._client, max_tokens)
        try:
            value = wrapped.chat.completions.create(
                model=self.model, messages=messages,
                response_model=response_model, max_retries=max_retries, **extra,
            )
        except Exception as exc:  # noqa: BLE001 - translated into our tree
            raise self._failure(exc, cost(), max_tokens) from exc
        usage, attempts, _ = cost()
        return Extraction(value=value, usage=usage, attempts=max(attempts, 1),
                          seconds=round(time.perf_counter() - began, 3))

    async def aextract(
        self,
        messages: list[dict[str, str]],
        response_model: type[BaseModel],
        *,
        max_retries: int,
        max_tokens: int,
    ) -> Extraction:
        if self._async_client is None:
            import openai

            self._async_client = openai.AsyncOpenAI(**self._client_options)
        began = time.perf_counter()
        wrapped, extra, cost = self._call(self._async_client, max_tokens)
        try:
            value = await wrapped.chat.completions.create(
                model=self.model, messages=messages,
                response_model=response_model, max_retries=max_retries, **extra,
            )
        except Exception as exc:  # noqa: BLE001 - translated into our tree
            raise self._failure(exc, cost(), max_tokens) from exc
        usage, attempts, _ = cost()
        return Extraction(value=value, usage=usage, attempts=max(attempts, 1),
                          seconds=round(time.perf_counter() - began, 3))

    def _translate(self, exc: Exception, attempts: int, usage: Usage) -> SummarizeError:
        import openai
        from instructor.core.exceptions import InstructorRetryException

        where = self.describe()
        for cause in _causes(exc):
            if isinstance(cause, SummarizeError):
                return cause
            if isinstance(cause, openai.APITimeoutError):
                return BackendTimeoutError(
                    f"{where}: no answer within the time-out", backend=self.kind, original=cause
                )
            if isinstance(cause, openai.APIConnectionError):
                return BackendUnavailableError(
                    f"{where}: connection failed ({_one_line(cause.__cause__ or cause)})",
                    backend=self.kind,
                    original=cause,
                )
            if isinstance(cause, openai.AuthenticationError):
                return BackendUnavailableError(
                    f"{where}: the API key was refused (HTTP 401)", backend=self.kind,
                    original=cause,
                )
            if isinstance(cause, openai.APIStatusError):
                body = cause.body if isinstance(cause.body, dict) else {}
                detail = body.get("error", body)
                message = _one_line(
                    (detail.get("message") if isinstance(detail, dict) else None)
                    or getattr(cause, "message", "") or str(cause)
                )
                if cause.status_code in (400, 413) and _CONTEXT_ERROR.search(message):
                    return DocumentTooLongError(
                        f"the document does not fit the model's context ({where}: {message})",
                        original=cause,
                    )
                return BackendUnavailableError(
                    f"{where}: HTTP {cause.status_code}: {message}", backend=self.kind,
                    original=cause,
                )
        if isinstance(exc, InstructorRetryException) or attempts:
            last = _last_failure(exc)
            return ExtractionError(
                f"{where}: output still invalid after {max(attempts, 1)} attempt(s): {last}",
                attempts=attempts,
                usage=usage.model_dump(),
                original=exc,
            )
        return BackendError(f"{where}: {_one_line(exc)}", backend=self.kind, original=exc)


@contextmanager
def open_backend(settings: Settings) -> Iterator[OpenAICompatibleBackend]:
    """A ready backend for ``settings``; the embedded server lives as long as the context."""
    if settings.backend == "local":
        from .local import EmbeddedServer

        with EmbeddedServer(
            settings.local_model_path, context_tokens=settings.context_tokens or 8192
        ) as server:
            from .cache import backend_identity

            backend = OpenAICompatibleBackend(
                kind="local",
                model=settings.model,
                base_url=server.base_url,
                identity=backend_identity(settings),
                api_key=None,
                timeout=settings.timeout,
                context_tokens=settings.context_tokens,
                temperature=settings.temperature,
                seed=settings.seed,
            )
            try:
                yield backend
            finally:
                backend.close()
        return
    assert settings.base_url is not None
    backend = OpenAICompatibleBackend(
        kind=settings.backend,
        model=settings.model,
        base_url=settings.base_url,
        api_key=settings.api_key,
        timeout=settings.timeout,
        context_tokens=settings.context_tokens,
        temperature=settings.temperature,
        seed=settings.seed if settings.backend != "openai" else None,
    )
    try:
        yield backend
    finally:
        backend.close()


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
        self._backend: OpenAICompatibleBackend | None = None
        self._failure: SummarizeError | None = None
        self._lock = threading.Lock()

    @property
    def opened(self) -> bool:
        return self._backend is not None

    def identity(self) -> dict[str, Any]:
        from .cache import backend_identity

        return backend_identity(self.settings)

    def _open(self) -> OpenAICompatibleBackend:
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
        if self._backend is not None:
            await self._backend.aclose()
        self.close()
