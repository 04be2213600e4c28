"""The OpenAI-compatible backend: instructor (TOOLS mode) over the ``openai`` client, for OpenAI,
any compatible server by URL and the embedded model's server alike. Registers the backend kinds
``openai`` (models ``openai/<name>``) and ``openai-compatible`` (a server by URL)."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from pydantic import BaseModel

from ..errors import (
    BackendError,
    BackendTimeoutError,
    BackendUnavailableError,
    ConfigError,
    DocumentTooLongError,
    ExtractionError,
    SummarizeError,
)
from ..schema import Usage
from ..settings import Settings, public_url
from .base import Extraction
from .registry import BackendKind, register

__all__ = ["OPENAI_BASE_URL", "OpenAICompatibleBackend"]

logger = logging.getLogger(__name__)

OPENAI_BASE_URL = "https://api.openai.com/v1"

_CONTEXT_ERROR = re.compile(
    r"context (?:window|length)|maximum context|too many tokens|exceed", re.IGNORECASE
)


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
                              f"{max_tokens}: raise the max_tokens setting or use a stronger "
                              "model)")
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

    def batch_request(self, messages: list[dict[str, str]], response_model: type[BaseModel],
                      *, max_tokens: int) -> dict[str, Any]:
        """The body of the chat-completions request :meth:`extract` sends (the forced tool call
        of instructor's TOOLS mode), for the OpenAI Batch API."""
        from instructor import openai_schema

        tool: dict[str, Any] = openai_schema(response_model).openai_schema  # type: ignore[attr-defined]
        body: dict[str, Any] = {
            "model": self.model, "messages": messages, "max_tokens": max_tokens,
            "temperature": self.temperature,
            "tools": [{"type": "function", "function": tool}],
            "tool_choice": {"type": "function", "function": {"name": tool["name"]}},
        }
        if self.seed is not None:
            body["seed"] = self.seed
        return body

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
def _open(settings: Settings) -> Iterator[OpenAICompatibleBackend]:
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


def _identity(settings: Settings) -> dict[str, Any]:
    return {"backend": settings.backend, "model": settings.model,
            "temperature": settings.temperature, "seed": settings.seed,
            "base_url": public_url(settings.base_url)}


def _configure_openai(model: str, env: Mapping[str, str], keys: Mapping[str, str]
                      ) -> dict[str, Any]:
    key = env.get("OPENAI_API_KEY") or keys.get("openai")
    if not key:
        raise ConfigError(f"model {model} needs OPENAI_API_KEY in the environment or a "
                          "stored key (summarize keys set openai)")
    return {"model": model.removeprefix("openai/"), "base_url": OPENAI_BASE_URL,
            "api_key": key,
            "api_key_source": "env OPENAI_API_KEY" if env.get("OPENAI_API_KEY")
            else "stored key 'openai'"}


register(BackendKind(name="openai", open=_open, identity=_identity,
                     configure=_configure_openai, prefixes=("openai/",),
                     example="openai/<model>"))
register(BackendKind(name="openai-compatible", open=_open, identity=_identity))
