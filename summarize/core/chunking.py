"""Long documents: split on sentence boundaries into overlapping chunks, merge the drafts.

A chunk is a ``[start, end)`` span of the whole document, so evidence quotes found in any chunk
are aligned against the whole text and keep whole-document offsets. Drafts from the chunks are
merged by folding duplicates (same claim, same actor, same figure, same hedge) and taking items
from every chunk in turn, so the end of a long report is not crowded out by its beginning. What
does not fit a section is counted, and the briefing says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from ..analysers.sentences import sentence_spans
from ..schema import DraftBriefing
from .grounding import normalize

__all__ = ["Chunk", "merge_drafts", "split_into_chunks"]

T = TypeVar("T")


@dataclass(frozen=True)
class Chunk:
    start: int
    end: int


def _pieces(text: str, limit: int) -> list[tuple[int, int]]:
    """Sentence spans, with any sentence longer than ``limit`` cut at whitespace. What the
    sentence splitter leaves between sentences (a list's marker "a.", a dateline) goes with the
    sentence after it and what follows the last sentence with it, so the pieces cover every
    character but spaces."""
    ends = [end for _, end in sentence_spans(text)]
    ends.append(max(len(text.rstrip()), ends[-1] if ends else 0))
    out: list[tuple[int, int]] = []
    start = 0
    for end in ends:
        while start < end and text[start].isspace():
            start += 1
        while end - start > limit:
            cut = text.rfind(" ", start + limit // 2, start + limit)
            cut = cut if cut > start else start + limit
            out.append((start, cut))
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if end > start:
            out.append((start, end))
        start = max(start, end)
    return out


def split_into_chunks(text: str, max_chars: int, overlap_chars: int = 0) -> list[Chunk]:
    """Chunks of at most ``max_chars`` covering ``text``, cut between sentences, each starting
    up to ``overlap_chars`` before the previous one ended (whole sentences only)."""
    if max_chars <= 0:
        raise ValueError("max_chars must be positive")
    if len(text) <= max_chars:
        return [Chunk(0, len(text))]
    pieces = _pieces(text, max_chars)
    chunks: list[Chunk] = []
    i = 0
    while i < len(pieces):
        first = i
        start = pieces[i][0]
        end = pieces[i][1]
        i += 1
        while i < len(pieces) and pieces[i][1] - start <= max_chars:
            end = pieces[i][1]
            i += 1
        chunks.append(Chunk(start, end))
        if i >= len(pieces):
            break
        # Step back over whole sentences for the overlap, but always move forward.
        back = i
        while back - 1 > first and end - pieces[back - 1][0] <= overlap_chars:
            back -= 1
        i = back
    return chunks


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", normalize(text)).strip()


def _round_robin(groups: list[list[T]], key: Callable[[T], Any], limit: int
                 ) -> tuple[list[T], int]:
    """Items from each group in turn, duplicates folded, at most ``limit``; and how many
    distinct items were left out."""
    seen: set[Any] = set()
    kept: list[T] = []
    left_out = 0
    for row in range(max((len(g) for g in groups), default=0)):
        for group in groups:
            if row >= len(group):
                continue
            k = key(group[row])
            if k in seen:
                continue
            seen.add(k)
            if len(kept) < limit:
                kept.append(group[row])
            else:
                left_out += 1
    return kept, left_out


def merge_drafts(drafts: Iterable[DraftBriefing], limits: dict[str, int]
                 ) -> tuple[DraftBriefing, list[str]]:
    """One draft from the chunks' drafts, and notes on what was left out.

    Title and bottom line come from the first chunk (a report's lead)."""
    drafts = list(drafts)
    first = drafts[0]
    notes: list[str] = []
    sections = {
        "key_claims": (lambda c: _key(c.statement), limits["max_claims"], "claims"),
        "actors": (lambda a: _key(a.name), limits["max_actors"], "actors"),
        "figures": (lambda f: (f.value, _key(f.unit or "")), limits["max_figures"], "figures"),
        "uncertainties": (lambda u: _key(u.statement), limits["max_uncertainties"],
                          "uncertainties"),
    }
    merged: dict[str, Any] = {}
    for name, (key, limit, label) in sections.items():
        kept, left_out = _round_robin([list(getattr(d, name)) for d in drafts], key, limit)
        merged[name] = kept
        if left_out:
            notes.append(f"{left_out} more {label} found in the document's parts did not fit "
                         "the one-page briefing.")
    draft = DraftBriefing.model_construct(title=first.title, bottom_line=first.bottom_line,
                                          **merged)
    return draft, notes
