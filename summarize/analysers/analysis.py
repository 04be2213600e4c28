"""The deterministic analysers together: figures, hedges, attributions and the names of a text,
as data."""

from __future__ import annotations

import bisect
import itertools
from typing import Any

from .attributions import find_attributions, speaker
from .attributions.pronouns import resolved_pronouns
from .attributions.spans import quoted_from, states_a_claim
from .casing import readable
from .figures import extract_figures
from .hedges import find_hedges
from .mentions import fullest, named_actors

__all__ = ["analyze_text"]


def analyze_text(text: str) -> dict[str, Any]:
    """Figures, hedges, attributions and names of ``text``, with character offsets into it.
    Each attribution also names its ``speaker`` (:func:`~.attributions.speaker`: the source
    without a relative clause about it, or the name a "who" stands for; for "he" or "she", the
    person named before it, :func:`~.attributions.pronouns.resolved_pronouns`). Each name is an
    actor the text names (:func:`~.mentions.named_actors`), most mentioned first: its fullest
    name, its kind, every mention, and how many of them are inside the source of an
    attribution that states a claim (0: named, never quoted)."""
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
        "names": _names(text, [(a.source.start, a.source.end) for a, _ in attributions
                               if states_a_claim(a)]),
    }


def _names(text: str, sources: list[tuple[int, int]]) -> list[dict[str, Any]]:
    # the sources by where they start, each with the furthest end of those starting by then: a
    # mention lies inside a source if one that starts before it ends after it
    sources = sorted(sources)
    starts = [s for s, _ in sources]
    reach = list(itertools.accumulate((e for _, e in sources), max))

    def in_source(start: int, end: int) -> bool:
        i = bisect.bisect_right(starts, start)
        return i > 0 and reach[i - 1] >= end

    out = []
    for group in named_actors(text):
        best = fullest(group)
        out.append({
            "name": best.name, "kind": best.kind,
            "as_source": sum(in_source(a.start, a.end) for a in group),
            "mentions": [{"text": text[a.start:a.end], "start": a.start, "end": a.end}
                         for a in group],
        })
    return out
