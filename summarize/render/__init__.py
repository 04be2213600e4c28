"""Renderers: a briefing into Markdown (one page) or JSON (the schema contract)."""

from __future__ import annotations

from .json import render_json
from .markdown import render_markdown

__all__ = ["render_json", "render_markdown"]
