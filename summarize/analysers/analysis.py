"""The deterministic analysers together: figures, hedges and attributions of a text, as data."""

from __future__ import annotations

from typing import Any

from .attributions import find_attributions, speaker
from .attributions.pronouns import resolved_pronouns
from .attributions.spans import quoted_from
from .casing import readable
from .figures import extract_figures
from .hedges import find_hedges

__all__ = ["analyze_text"]


def analyze_text(text: str) -> dict[str, Any]:
    """Figures, hedges and attributions of ``text``, with character offsets into it; each
    attribution also names its ``speaker`` (:func:`~.attributions.speaker`: the source without
    a relative clause about it, or the name a "who" stands for; for "he" or "she", the person
    named before it, :func:`~.attributions.pronouns.resolved_pronouns`)."""
    read = readable(text)  # a line in capitals re-cased: persons and speakers are read there
    attributions = [(a, person or speaker(read, a.source))
                    for a, person in resolved_pronouns(read, find_attributions(read))]
    return {
        "figures": [f.as_dict() for f in extract_figures(text)],
        "hedges": [h.as_dict() for h in find_hedges(text)],
        "attributions": [{**quoted_from(text, a).as_dict(),
                          "speaker": {"text": text[who.start:who.end], "start": who.start,
                                      "end": who.end}}
                         for a, who in attributions],
    }
