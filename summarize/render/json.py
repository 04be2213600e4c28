"""JSON output: the briefing as its schema describes it."""

from __future__ import annotations

from ..schema import Briefing


def render_json(briefing: Briefing) -> str:
    return briefing.model_dump_json(indent=2) + "\n"
