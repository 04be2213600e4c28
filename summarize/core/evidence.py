"""Evidence: a model's quotes aligned to the source, and whether they support the item."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from ..schema import Evidence
from .grounding import Aligner, normalize

__all__ = ["Grounder", "check", "content_words", "is_grounded", "names", "sentence_like",
           "shares_words", "unique"]

_QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019`"


@functools.lru_cache(maxsize=1)
def _clean_quote(quote: str) -> str:
    quote = quote.strip()
    if len(quote) >= 2 and quote[0] in _QUOTE_MARKS and quote[-1] in _QUOTE_MARKS:
        quote = quote[1:-1].strip()
    return quote.rstrip(" .…") if quote.endswith(("...", "…")) else quote


class Grounder:
    """Aligns quotes of one document and builds evidence lists."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.aligner = Aligner(text)

    def evidence(
        self,
        quotes: Iterable[str],
        fallback: str | None = None,
        supports: Callable[[str], bool] = lambda quote: True,
    ) -> list[Evidence]:
        out: list[Evidence] = []
        seen: set[str] = set()
        for raw in quotes:
            quote = _clean_quote(raw)
            if not quote or quote in seen:
                continue
            seen.add(quote)
            a = self.aligner.align(quote)
            out.append(Evidence(quote=quote, start=a.start, end=a.end, status=a.status,
                                score=a.score))
        if fallback and not any(e.status != "ungrounded" and supports(e.quote) for e in out):
            # The item's own words may be verbatim from the source (a name, a sentence).
            quote = _clean_quote(fallback)
            found = self.aligner.align(quote) if quote else None
            if found is not None and found.status != "ungrounded" and quote not in seen:
                out.append(Evidence(quote=quote, start=found.start, end=found.end,
                                    status=found.status, score=found.score))
        return out

    def span(self, start: int, end: int) -> Evidence:
        return Evidence(quote=self.text[start:end], start=start, end=end, status="exact",
                        score=100.0)


T = TypeVar("T")


def unique(items: Iterable[T], key: Callable[[T], str]) -> list[T]:
    """Items in order, without repeats (small models repeat themselves)."""
    seen: set[str] = set()
    out = []
    for item in items:
        k = normalize(key(item))
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def sentence_like(statement: str) -> str | None:
    """A statement may stand as its own evidence only if it says something (4+ words)."""
    return statement if len(statement.split()) >= 4 else None


def is_grounded(evidence: list[Evidence]) -> bool:
    return any(e.status != "ungrounded" for e in evidence)


_STOPWORDS = frozenset(
    "the a an and or of to in on at for by with from as is are was were be been has have had "
    "that this these those it its their they them he she his her not but also which who will "
    "would could may might can said says about into than then there here after before over "
    "some any all more most such only very just".split()
)


def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.lower()) if w not in _STOPWORDS and len(w) > 2}


def shares_words(statement: str) -> Callable[[str], bool]:
    """Evidence supports a statement when they share content words, not just any quote."""
    wanted = content_words(statement)

    def supports(quote: str) -> bool:
        if not wanted:
            return True
        shared = len(wanted & content_words(quote))
        return shared >= min(2, len(wanted)) or shared / len(wanted) >= 0.5

    return supports


def names(name: str) -> Callable[[str], bool]:
    """Evidence supports an actor when it mentions the actor (any word of the name)."""
    wanted = content_words(name)
    return lambda quote: not wanted or bool(wanted & content_words(quote))


def check(evidence: list[Evidence], supports: Callable[[str], bool]) -> tuple[bool, list[Any]]:
    """Whether the item is grounded, and the flags that say why not."""
    found = [e for e in evidence if e.status != "ungrounded"]
    if not found:
        return False, ["ungrounded"]
    if not any(supports(e.quote) for e in found):
        return False, ["evidence_unrelated"]
    return True, []
