"""The deterministic analysers together: figures, hedges and attributions of a text, as data."""

from __future__ import annotations

from typing import Any

from .attributions import find_attributions
from .figures import extract_figures
from .hedges import find_hedges

__all__ = ["analyze_text"]


def analyze_text(text: str) -> dict[str, Any]:
    """Figures, hedges and attributions of ``text``, with character offsets into it."""
    return {
        "figures": [f.as_dict() for f in extract_figures(text)],
        "hedges": [h.as_dict() for h in find_hedges(text)],
        "attributions": [a.as_dict() for a in find_attributions(text)],
    }
