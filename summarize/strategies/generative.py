"""``generative``: the model writes the briefing with evidence quotes (``prompts/briefing``); a
document longer than the model's context is read in overlapping chunks whose drafts are merged."""

from __future__ import annotations

from collections.abc import Sequence

from ..backends.base import Extraction
from ..core.budget import generative_calls
from ..core.chunking import merge_drafts
from ..core.job import Job
from ..core.prompts import Prompt
from ..document import Document
from ..schema import DraftBriefing
from ..schema.draft import LIMITS
from ..settings import Settings
from .base import Plan

__all__ = ["GENERATIVE"]


class Generative:
    name = "generative"
    prompt_task: str | None = "briefing"
    model_writes_claims = True

    def plan(self, document: Document, settings: Settings, prompt: Prompt | None,
             context_tokens: int | None) -> Job:
        assert prompt is not None
        calls, chunks, notes = generative_calls(document, settings, prompt, context_tokens)
        return Job(document, settings, prompt, calls, chunks=chunks, notes=notes)

    def decide(self, job: Job, extractions: Sequence[Extraction]) -> Plan:
        drafts = [e.value for e in extractions if isinstance(e.value, DraftBriefing)]
        assert len(drafts) == len(extractions)
        notes: list[str] = []
        if len(drafts) == 1:
            draft = drafts[0]
        else:
            draft, notes = merge_drafts(drafts, LIMITS)
        return Plan(title=draft.title, bottom_line=draft.bottom_line, draft=draft, notes=notes)


GENERATIVE = Generative()
