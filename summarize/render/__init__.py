"""Renderers: a briefing into Markdown (one page), JSON (the schema contract), HTML and PDF."""

from __future__ import annotations

from .html import render_html, render_pdf
from .json import render_json
from .markdown import render_markdown

__all__ = ["render_html", "render_json", "render_markdown", "render_pdf"]
