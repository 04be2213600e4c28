"""Aligning evidence quotes to the source: exact, then normalised, then fuzzy.

Guarantees, for every :class:`Alignment` returned by :meth:`Aligner.align`:

* ``exact``: ``source[start:end] == quote.strip()``
* ``normalized``: ``normalize(source[start:end]) == normalize(quote)``
* ``fuzzy``: ``fuzz.ratio(normalize(source[start:end]), normalize(quote)) >= threshold``
* ``ungrounded``: ``start is end is None``

Normalisation folds case, collapses whitespace, maps typographic quotes and dashes to ASCII and
drops invisible characters (zero-width, soft hyphen, bidi controls). Large documents stay fast:
exact and normalised matching are substring searches over a normalised copy built once, and
fuzzy matching only scores a few candidate windows found by voting on the quote's words.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..schema import MatchStatus

__all__ = ["Aligner", "Alignment", "normalize"]

logger = logging.getLogger(__name__)

_TRANSLATE = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u0060\u00b4", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    }
)
# Runs of whitespace and invisible characters; a run with real whitespace becomes one space,
# a run of invisible characters only disappears. A lone plain space is already normal, so the
# pattern leaves it alone: on prose that keeps the number of matches (and the map) small.
_INVISIBLE = "\u200b-\u200f\u2060\ufeff\u00ad\u202a-\u202e\u2066-\u2069"
_GAP = re.compile(rf"[\s{_INVISIBLE}]{{2,}}|[^\S ]|[{_INVISIBLE}]")
_SPACE = re.compile(r"\s")
_WORD = re.compile(r"\w+")

_MAX_NORMALIZED_TRIES = 64
_VOTERS = 4
_CANDIDATES = 8
_WHOLE_TEXT_FUZZY = 20_000


@dataclass(frozen=True)
class Alignment:
    start: int | None
    end: int | None
    status: MatchStatus
    score: float


UNGROUNDED = Alignment(None, None, "ungrounded", 0.0)


def _fold(text: str) -> tuple[str, list[int] | None]:
    """Translate and lower-case; returns the folded text and, if lengths changed, its owners."""
    translated = text.translate(_TRANSLATE)
    lowered = translated.lower()
    if len(lowered) == len(translated):
        return lowered, None
    pieces: list[str] = []
    owners: list[int] = []
    for i, ch in enumerate(translated):
        low = ch.lower()
        pieces.append(low)
        owners.extend([i] * len(low))
    return "".join(pieces), owners


def normalize(text: str) -> str:
    """The comparison form of a text: folded, whitespace collapsed, stripped."""
    folded, _ = _fold(text)
    return _GAP.sub(_gap_replacement, folded).strip()


def _gap_replacement(match: re.Match[str]) -> str:
    return " " if _SPACE.search(match.group()) else ""


class _NormalizedView:
    """A normalised copy of the source with a map back to source offsets."""

    def __init__(self, source: str) -> None:
        folded, self._owners = _fold(source)
        parts: list[str] = []
        seg_norm: list[int] = []
        seg_src: list[int] = []
        pos = 0
        npos = 0
        for m in _GAP.finditer(folded):
            s, e = m.span()
            if s > pos:
                parts.append(folded[pos:s])
                seg_norm.append(npos)
                seg_src.append(pos)
                npos += s - pos
            if _SPACE.search(m.group()):
                parts.append(" ")
                seg_norm.append(npos)
                seg_src.append(s)
                npos += 1
            pos = e
        if pos < len(folded):
            parts.append(folded[pos:])
            seg_norm.append(npos)
            seg_src.append(pos)
        self.text = "".join(parts)
        self._seg_norm = seg_norm
        self._seg_src = seg_src

    def to_source(self, i: int) -> int:
        """Source offset of the character at normalised offset ``i``."""
        k = bisect.bisect_right(self._seg_norm, i) - 1
        folded_index = self._seg_src[k] + (i - self._seg_norm[k])
        return self._owners[folded_index] if self._owners is not None else folded_index

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source span of the normalised span ``[start, end)`` (``end > start``)."""
        return self.to_source(start), self.to_source(end - 1) + 1


class Aligner:
    """Aligns quotes to one source text. Build once per document; ``align`` many times."""

    def __init__(
        self, source: str, *, fuzzy_threshold: float = 85.0, min_fuzzy_chars: int = 12
    ) -> None:
        self.source = source
        self.fuzzy_threshold = fuzzy_threshold
        self.min_fuzzy_chars = min_fuzzy_chars
        self._view: _NormalizedView | None = None
        self._tokens: list[tuple[int, int]] | None = None
        self._postings: dict[str, list[int]] | None = None

    @property
    def view(self) -> _NormalizedView:
        if self._view is None:
            self._view = _NormalizedView(self.source)
        return self._view

    def align(self, quote: str) -> Alignment:
        quote = quote.strip()
        if not quote:
            return UNGROUNDED
        i = self.source.find(quote)
        if i >= 0:
            return Alignment(i, i + len(quote), "exact", 100.0)
        nq = normalize(quote)
        if not nq:
            return UNGROUNDED
        found = self._normalized(nq)
        if found is not None:
            return found
        if len(nq) >= self.min_fuzzy_chars:
            found = self._fuzzy(nq)
            if found is not None:
                return found
        return UNGROUNDED

    # ------------------------------------------------------------------ normalised

    def _normalized(self, nq: str) -> Alignment | None:
        view = self.view
        i = view.text.find(nq)
        tries = 0
        while i >= 0 and tries < _MAX_NORMALIZED_TRIES:
            s, e = view.span(i, i + len(nq))
            if normalize(self.source[s:e]) == nq:
                return Alignment(s, e, "normalized", 100.0)
            i = view.text.find(nq, i + 1)
            tries += 1
        return None

    # ------------------------------------------------------------------ fuzzy

    def _index(self) -> tuple[list[tuple[int, int]], dict[str, list[int]]]:
        if self._tokens is None or self._postings is None:
            tokens: list[tuple[int, int]] = []
            postings: dict[str, list[int]] = {}
            for n, m in enumerate(_WORD.finditer(self.view.text)):
                tokens.append(m.span())
                postings.setdefault(m.group(), []).append(n)
            self._tokens, self._postings = tokens, postings
        return self._tokens, self._postings

    def _windows(self, nq: str) -> list[tuple[int, int]]:
        """Candidate ``[start, end)`` windows of the normalised text for a quote."""
        text = self.view.text
        if len(text) <= _WHOLE_TEXT_FUZZY:
            return [(0, len(text))]
        tokens, postings = self._index()
        words = _WORD.findall(nq)
        if not words:
            return []
        # Only the quote's rarest words vote for where it starts: few postings to walk.
        present = [(len(postings[w]), j, w) for j, w in enumerate(words) if w in postings]
        voters = sorted(present)[:_VOTERS]
        votes: Counter[int] = Counter()
        for _, j, w in voters:
            for p in postings[w]:
                votes[(p - j) // 4] += 1
        need = min(2, len(voters))
        windows = []
        for bucket, count in votes.most_common(_CANDIDATES):
            if count < need:
                break
            first = max(0, bucket * 4 - 4)
            last = min(len(tokens) - 1, bucket * 4 + len(words) + 7)
            if first > last:
                continue
            windows.append((tokens[first][0], tokens[last][1]))
        return windows

    def _fuzzy(self, nq: str) -> Alignment | None:
        view = self.view
        text = view.text
        best: Alignment | None = None
        for w_start, w_end in self._windows(nq):
            window = text[w_start:w_end]
            hit = fuzz.partial_ratio_alignment(nq, window, score_cutoff=self.fuzzy_threshold)
            if hit is None or hit.dest_end <= hit.dest_start:
                continue
            s, e = w_start + hit.dest_start, w_start + hit.dest_end
            # Widen to whole words, then drop edge spaces, so a reader sees whole words.
            while s > 0 and text[s - 1].isalnum() and text[s].isalnum():
                s -= 1
            while e < len(text) and text[e - 1].isalnum() and text[e].isalnum():
                e += 1
            while s < e and text[s] == " ":
                s += 1
            while e > s and text[e - 1] == " ":
                e -= 1
            if e <= s:
                continue
            src_s, src_e = view.span(s, e)
            score = fuzz.ratio(nq, normalize(self.source[src_s:src_e]))
            if score >= self.fuzzy_threshold and (best is None or score > best.score):
                best = Alignment(src_s, src_e, "fuzzy", round(score, 1))
        return best
