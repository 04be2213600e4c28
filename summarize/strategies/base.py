"""What every strategy shares: the :class:`Strategy` contract, the :class:`Plan` it decides, and
the certainty and title rules all strategies follow."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from ..analysers.attributions import (
    as_quoted,
    claimed_attributions,
    credited_in,
    quotation_at,
    quote_marks,
)
from ..analysers.hedges import find_hedges
from ..analysers.ranking import BOTTOM_LINE_SENTENCES, BOTTOM_LINE_WORDS
from ..analysers.salience import Sentence, headline, memo_subject, rank_sentences
from ..backends.base import Extraction
from ..core.job import Job
from ..core.prompts import Prompt
from ..document import Document
from ..schema import CERTAINTY_SCALE, Certainty, DraftBriefing, DraftClaim
from ..settings import Settings

__all__ = ["BOTTOM_LINE_SENTENCES", "BOTTOM_LINE_WORDS", "CLAIMS", "MIN_CLAIMS", "Plan",
           "Strategy", "bottom_line", "certainty_of", "draft_of", "fallback_title",
           "shorten", "verbatim_claims", "weaker"]

CLAIMS = 5


MIN_CLAIMS = 3


_TITLE_WORDS = 14


@dataclass
class Plan:
    """What a strategy decided: the draft to ground, and the notes the reader should see."""

    title: str
    bottom_line: str
    draft: DraftBriefing
    notes: list[str]


class Strategy(Protocol):
    """How a briefing is filled. A new strategy is a module with one of these and a line in
    :data:`summarize.strategies.STRATEGIES`."""

    name: str
    # The prompt family it renders (``prompts/<task>/``), or None when it asks no model.
    prompt_task: str | None
    # Whether the model writes the key claims (then a source the analysers fill is flagged).
    model_writes_claims: bool

    def plan(self, document: Document, settings: Settings, prompt: Prompt | None,
             context_tokens: int | None) -> Job:
        """The model calls a briefing of ``document`` needs (none for a model-free one)."""
        ...

    def decide(self, job: Job, extractions: Sequence[Extraction]) -> Plan:
        """The title, bottom line and draft from the answers to the job's calls."""
        ...


# Modal cues that call a thing probable, not merely possible: an assessment's "likely" and above
# ("it is likely", "probably", "almost certainly"); "may", "could", "unlikely" stay "possible".
_PROBABLE = frozenset({"likely", "probably", "probable", "almost certainly", "almost certain"})


def certainty_of(sentence: str) -> Certainty:
    """The certainty a sentence's own words allow."""
    hedges = find_hedges(sentence)
    kinds = {h.type for h in hedges}
    if "lack_of_knowledge" in kinds:
        return "unclear"
    weak = {h.type for h in hedges if h.type != "modal" or h.cue.lower() not in _PROBABLE}
    if weak & {"modal", "appearance", "reported", "conditional", "investigation"}:
        return "possible"
    if kinds & {"doxastic", "modal"}:
        return "likely"
    return "confirmed"


def weaker(a: Certainty, b: Certainty) -> Certainty:
    """The less certain of two labels."""
    return a if CERTAINTY_SCALE.index(a) >= CERTAINTY_SCALE.index(b) else b


def shorten(text: str, words: int) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


_BRACKETED = re.compile(r"\s*\([^()]*\)\Z")


def bottom_line(text: str, chosen: list[Sentence]) -> str:
    """``chosen`` sentences of ``text`` in the document's order, within the word budget, each
    with the quotation marks it needs to stand alone (a sentence from inside a quotation reads
    as quoted, not as the document's own words), and the speaker after a quotation whose
    sentence naming the speaker was left out ('"Nobody asked." (Mr. Brown)'); marks between
    two sentences of the same quotation side by side are left out."""
    ordered = sorted(chosen, key=lambda s: s.index)
    out: list[list[str]] = []  # [opening mark, words, closing mark]
    runs: list[list[Sentence]] = []  # sentences side by side
    words = 0
    for k, s in enumerate(ordered):
        n = len(s.text.split())
        if out and words + n > BOTTOM_LINE_WORDS:
            break
        opening, closing = quote_marks(text, s.start, s.end)
        side_by_side = k > 0 and not text[ordered[k - 1].end:s.start].strip()
        if side_by_side and opening and out[-1][2]:
            out[-1][2] = opening = ""  # the same quotation runs on
        out.append([opening, " ".join(s.text.split()), closing])
        if side_by_side:
            runs[-1].append(s)
        else:
            runs.append([s])
        words += n
    at = 0
    for run in runs:
        first = at
        at += len(run)
        quotation = quotation_at(text, run[0].start) if out[first][0] else None
        if quotation is None:
            continue  # the run does not begin inside a quotation
        # the speaker goes where the quotation ends, not after what follows it
        quoted = [s for s in run if s.start < quotation[1]]
        start, end = run[0].start, quoted[-1].end
        credit = credited_in(claimed_attributions(text), start, end)
        if credit is not None and not start <= credit[1].cue.start < end:
            # "Gov. John Kasich (R-OH)": a bracket of its own inside the brackets says nothing
            name = _BRACKETED.sub("", " ".join(credit[1].source.text.split()))
            out[first + len(quoted) - 1][2] += f" ({name})"
    return " ".join("".join(piece) for piece in out)


def verbatim_claims(text: str, chosen: list[Sentence],
                    labels: dict[int, Certainty] | None = None) -> list[DraftClaim]:
    claims = []
    for s in chosen:
        own = certainty_of(s.text)
        certainty = weaker(labels[s.index], own) if labels and s.index in labels else own
        # Built, not validated: a verbatim sentence may be longer than the model is allowed.
        claims.append(DraftClaim.model_construct(
            statement=as_quoted(text, s.start, s.end), attributed_to=None, certainty=certainty,
            evidence=[s.text]))
    return claims


def draft_of(claims: list[DraftClaim], title: str, bottom_line: str) -> DraftBriefing:
    return DraftBriefing.model_construct(title=title, bottom_line=bottom_line, key_claims=claims,
                                         actors=[], figures=[], uncertainties=[])


# A report's first line that names its section, not its subject ("Key Judgments", "Executive
# Summary"): no title.
_SECTION_LABEL = re.compile(
    r"(?:executive summary|summary|key judge?ments|key findings|key points|main points|"
    r"highlights|background|introduction|overview|abstract|bluf|bottom line(?: up front)?|"
    r"scope note|conclusions?|recommendations?)[.:]?", re.IGNORECASE)


def fallback_title(text: str, ranked: list[Sentence] | None = None) -> str:
    """The document's headline, else its best-ranked sentence shortened (on FRANK's articles
    without a headline, held out, that sentence matches the reference summary far better than
    the first one: README, "The sentence ranker"). ``ranked``: its sentences best first, as
    :func:`rank_sentences` gives them."""
    head = memo_subject(text) or headline(text)
    if head:
        # "Trump says praise from Putin helps the U.S.;": a headline's semicolon leads to its
        # subhead on the next line, and ends no title
        title = " ".join(text[head[0]:head[1]].split())
        if not _SECTION_LABEL.fullmatch(title):
            return title.rstrip(" ;,") or title
    ranked = rank_sentences(text) if ranked is None else ranked
    if ranked:
        return shorten(ranked[0].text, _TITLE_WORDS)
    return shorten(text.strip(), _TITLE_WORDS)
