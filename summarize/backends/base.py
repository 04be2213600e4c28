"""The backend contract: chat messages and a Pydantic model in, a validated instance and what it
cost out. Every backend implements :class:`Backend`; batches use :class:`AsyncBackend`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from pydantic import BaseModel

from ..schema import Usage

__all__ = ["AsyncBackend", "Backend", "Extraction"]

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

    def identity(self) -> dict[str, Any]:
        """What decides this backend's answers, without secrets: the response cache's key."""
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
