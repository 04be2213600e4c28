"""A job: a briefing planned but not made yet, and the model calls it needs."""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel

from ..analysers.salience import Sentence
from ..document import Document
from ..settings import Settings
from .chunking import Chunk
from .prompts import Prompt

__all__ = ["Call", "Job"]

@dataclass
class Call:
    """One model call a briefing needs."""

    messages: list[dict[str, str]]
    response_model: type[BaseModel]
    max_tokens: int


@dataclass
class Job:
    """A briefing planned but not made yet: the model calls it needs, in order.

    :func:`plan` makes one, a backend answers its calls (synchronously in :func:`brief`,
    concurrently in a batch), :func:`finish` turns the answers into the briefing."""

    document: Document
    settings: Settings
    prompt: Prompt | None
    calls: list[Call]
    candidates: list[Sentence] = field(default_factory=list)
    chunks: list[Chunk] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def strategy(self) -> str:
        return self.settings.strategy
