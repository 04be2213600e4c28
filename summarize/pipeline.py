"""The core pipeline: document -> prompt -> model draft -> grounding -> analysers -> briefing.

Nothing the model says is taken on trust: every quote is aligned to the source, an item with no
grounded evidence is ``grounded: false``, a figure whose number is not in its evidence is
flagged, a claim marked ``confirmed`` whose evidence hedges is flagged, and the figures the
deterministic analyser finds in the source complete the model's list.
"""

from __future__ import annotations

import functools
import logging
import re
import time
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

from pydantic import BaseModel

from .attributions import PRONOUN_SOURCES, Attribution, find_attributions, states_a_claim
from .backends import AsyncBackend, Backend, Extraction, LazyBackend
from .cache import CachedBackend, ResponseCache, identity_of
from .chunking import Chunk, merge_drafts, split_into_chunks
from .config import Settings, resolve_settings
from .document import Document
from .errors import DocumentTooLongError
from .figures import FigureMention, canonical_unit, extract_figures
from .grounding import Aligner, normalize
from .hedges import find_hedges
from .injection import find_injections
from .installation import package_version
from .prompts import Prompt, load_prompt
from .ranking import content_words
from .salience import Sentence
from .schema import (
    Actor,
    Briefing,
    DocumentInfo,
    DraftBriefing,
    DraftFigure,
    Evidence,
    Figure,
    Flag,
    GroundingSummary,
    KeyClaim,
    PromptInfo,
    Provenance,
    TextCheck,
    Timings,
    Uncertainty,
    Usage,
)
from .sentences import sentence_at, sentence_spans
from .strategies import (
    Plan,
    extractive_plan,
    guided_candidates,
    guided_findings,
    guided_model,
    guided_plan,
    invented_entities,
)

__all__ = ["Call", "Job", "abrief", "brief", "build_briefing", "document_tag", "finish", "plan"]

logger = logging.getLogger(__name__)

# What the model is asked for (the draft schema's bounds); the analysers may add up to the
# section sizes below.
LIMITS = {"max_claims": 5, "max_actors": 6, "max_figures": 5, "max_uncertainties": 4}
SECTION_SIZES = {"actors": 8, "uncertainties": 6}
# Token counts: exact with the embedded model's own vocabulary; for other backends estimated
# from characters. Refusing a document uses a generous 4 characters per token (refuse only what
# surely does not fit); deciding whether it fits whole and cutting chunks use a low 2.2 (text
# full of names, numbers and quotes measured 2.55 with SmolLM2's tokenizer, news prose 3.5-5.4):
# a chunk that overflows the context fails, one a little smaller costs one more call.
_CHARS_PER_TOKEN = 4.0
_CHUNK_CHARS_PER_TOKEN = 2.2
# More characters per token than any tokenizer gives running text: the bound for refusing a
# document without counting it.
_MOST_CHARS_PER_TOKEN = 10.0
# Tokens a chat template adds per message (measured 7 with the embedded model), rounded up.
_MESSAGE_TOKENS = 8
# Room for a part's tokens to differ from its tokens inside the whole prompt.
_TOKEN_SLACK = 16
# Words of a candidate sentence shown to the guided model.
_CANDIDATE_WORDS = 80
_QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019`"


@functools.lru_cache(maxsize=1)
def _clean_quote(quote: str) -> str:
    quote = quote.strip()
    if len(quote) >= 2 and quote[0] in _QUOTE_MARKS and quote[-1] in _QUOTE_MARKS:
        quote = quote[1:-1].strip()
    return quote.rstrip(" .…") if quote.endswith(("...", "…")) else quote


class _Grounder:
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


def _unique(items: Iterable[T], key: Callable[[T], str]) -> list[T]:
    """Items in order, without repeats (small models repeat themselves)."""
    seen: set[str] = set()
    out = []
    for item in items:
        k = normalize(key(item))
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def _sentence_like(statement: str) -> str | None:
    """A statement may stand as its own evidence only if it says something (4+ words)."""
    return statement if len(statement.split()) >= 4 else None


def _grounded(evidence: list[Evidence]) -> bool:
    return any(e.status != "ungrounded" for e in evidence)


_STOPWORDS = frozenset(
    "the a an and or of to in on at for by with from as is are was were be been has have had "
    "that this these those it its their they them he she his her not but also which who will "
    "would could may might can said says about into than then there here after before over "
    "some any all more most such only very just".split()
)


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.lower()) if w not in _STOPWORDS and len(w) > 2}


def _shares_words(statement: str) -> Callable[[str], bool]:
    """Evidence supports a statement when they share content words, not just any quote."""
    wanted = _content_words(statement)

    def supports(quote: str) -> bool:
        if not wanted:
            return True
        shared = len(wanted & _content_words(quote))
        return shared >= min(2, len(wanted)) or shared / len(wanted) >= 0.5

    return supports


def _names(name: str) -> Callable[[str], bool]:
    """Evidence supports an actor when it mentions the actor (any word of the name)."""
    wanted = _content_words(name)
    return lambda quote: not wanted or bool(wanted & _content_words(quote))


def _check(evidence: list[Evidence], supports: Callable[[str], bool]) -> tuple[bool, list[Any]]:
    """Whether the item is grounded, and the flags that say why not."""
    found = [e for e in evidence if e.status != "ungrounded"]
    if not found:
        return False, ["ungrounded"]
    if not any(supports(e.quote) for e in found):
        return False, ["evidence_unrelated"]
    return True, []


def _same_value(a: float, b: float) -> bool:
    return abs(a - b) <= max(1e-9, 1e-6 * max(abs(a), abs(b)))


def _figures_in(text: str, evidence: list[Evidence]) -> list[FigureMention]:
    found: list[FigureMention] = []
    for e in evidence:
        if e.start is not None and e.end is not None:
            found.extend(
                FigureMention(**{**f.as_dict(), "start": f.start + e.start, "end": f.end + e.start})
                for f in extract_figures(text[e.start:e.end])
            )
    return found


def _matches(figure_value: float, mention: FigureMention) -> bool:
    values = [mention.value] + [v for v in (mention.low, mention.high) if v is not None]
    return any(_same_value(figure_value, v) for v in values)


def _figures(draft: list[DraftFigure], text: str, grounder: _Grounder) -> list[Figure]:
    analysed = extract_figures(text)
    used: set[int] = set()
    out: list[Figure] = []
    for d in _unique(draft, lambda d: f"{d.text} {d.value}"):
        evidence = grounder.evidence(d.evidence, fallback=d.text)
        flags: list[Any] = []
        in_evidence = [m for m in _figures_in(text, evidence) if _matches(d.value, m)]
        if not _grounded(evidence):
            flags.append("ungrounded")
        elif not in_evidence:
            flags.append("figure_not_in_evidence")
        mention = None
        if in_evidence:
            mention = next((m for m in analysed if m.start <= in_evidence[0].start < m.end or
                            in_evidence[0].start <= m.start < in_evidence[0].end), None)
        if mention is not None:
            used.add(analysed.index(mention))
            evidence.append(grounder.span(mention.start, mention.end))
            # The analyser's reading of the source wins; a different reading by the model is
            # flagged so the reader knows the two disagreed.
            unit = mention.unit or (d.unit if d.unit and d.unit.lower() in text.lower() else None)
            differs = d.qualifier != mention.qualifier or bool(
                d.unit and mention.unit and canonical_unit(d.unit) != canonical_unit(mention.unit)
                and d.unit.lower() not in mention.text.lower())
            out.append(Figure(text=mention.text, value=mention.value, unit=unit,
                              qualifier=mention.qualifier, low=mention.low, high=mention.high,
                              evidence=evidence, grounded=True, origin="both",
                              flags=["figure_mismatch"] if differs else []))
        else:
            # A figure is grounded only if its number is in its evidence, not just its words.
            out.append(Figure(text=d.text, value=d.value, unit=d.unit or None,
                              qualifier=d.qualifier, low=d.low, high=d.high, evidence=evidence,
                              grounded=False, origin="model", flags=flags))
    spans = sentence_spans(text)
    for i, m in enumerate(analysed):
        if i in used or any(f.origin != "model" and _same_value(f.value, m.value)
                            and f.unit == m.unit for f in out):
            continue
        evidence = [grounder.span(m.start, m.end)]
        sentence = sentence_at(spans, m.start)
        if sentence is not None and sentence != (m.start, m.end):
            evidence.append(grounder.span(*sentence))
        out.append(Figure(text=m.text, value=m.value, unit=m.unit, qualifier=m.qualifier,
                          low=m.low, high=m.high, evidence=evidence, grounded=True,
                          origin="analyser", flags=[]))
    return out


# Hedge types that make a sentence an uncertainty worth listing; attributions ("according to")
# and conditionals ("if") are not uncertainties by themselves.
_UNCERTAIN_TYPES = {"modal", "doxastic", "appearance", "lack_of_knowledge", "reported"}
_NOT_UNCERTAIN = {"according to", "claims", "claim", "claimed", "indicated", "indicates"}


def _hedged_sentences(text: str, grounder: _Grounder, have: list[Uncertainty],
                      claims: list[KeyClaim], left_out: list[tuple[int, int]]
                      ) -> list[Uncertainty]:
    """The source's hedged sentences not listed yet (as uncertainties or as key claims), up to
    the section's size; those that do not fit are appended to ``left_out``."""
    room = SECTION_SIZES["uncertainties"] - sum(1 for u in have if u.grounded)
    covered = [(e.start, e.end) for u in [*have, *claims] for e in u.evidence
               if e.start is not None and e.end is not None and u.grounded]
    out: list[Uncertainty] = []
    for start, end in sentence_spans(text):
        if any(s < end and start < e for s, e in covered):
            continue
        if text[end - 1] not in ".!?\"'\u201d":
            continue  # a headline or a fragment, not a sentence
        cues = [h for h in find_hedges(text[start:end])
                if h.type in _UNCERTAIN_TYPES and h.cue.lower() not in _NOT_UNCERTAIN]
        if not cues:
            continue
        if len(out) >= room:
            left_out.append((start, end))
            continue
        cue = cues[0]
        out.append(Uncertainty(
            statement=" ".join(text[start:end].split()), cue=cue.cue,
            evidence=[grounder.span(start, end)], grounded=True, origin="analyser", flags=[],
        ))
    return out


_ORG_WORDS = re.compile(
    r"\b(?:Agency|Ministry|Department|Pentagon|Committee|Council|Office|Service|Command|Army|"
    r"Forces?|Police|Government|Parliament|Congress|Senate|Court|Bank|Fund|Union|NATO|UN|EU|"
    r"Reuters|AP|AFP|Times|Post|News|Media|Az|Institute|University|Party|Inc|Corp|Ltd|Company|"
    r"Group|Association|Organi[sz]ation|Commission|Board|Authority|Administration|House|"
    r"Kremlin|Embassy)\b"
)
_PERSON = re.compile(r"(?:(?<=\s)|^)(?:[A-Z][a-z'’-]+\s+){1,2}[A-Z][a-z'’-]+$")


def _attribution_in(evidence: list[Evidence], attributions: list[Attribution]
                    ) -> Attribution | None:
    """The attribution whose content (or cue) lies in the item's grounded evidence."""
    best: Attribution | None = None
    for e in evidence:
        if e.start is None or e.end is None:
            continue
        for a in attributions:
            inside = a.content.start < e.end and e.start < a.content.end
            cue_inside = e.start <= a.cue.start < e.end
            if (inside or cue_inside) and (best is None or
                                           a.content.end - a.content.start <
                                           best.content.end - best.content.start):
                best = a
    return best


def _sources_as_actors(attributions: list[Attribution], have: list[Actor],
                       grounder: _Grounder, left_out: list[str]) -> list[Actor]:
    """Named sources of attributions the model did not list, as actors (up to the limit)."""
    known = [_content_words(a.name) for a in have if a.grounded]
    out: list[Actor] = []
    room = SECTION_SIZES["actors"] - len(known)
    for a in attributions:
        words = a.source.text.split()
        while words and words[0].lower() in {"the", "a", "an"}:
            words = words[1:]
        if not words or not words[0][:1].isupper():
            continue
        phrase = " ".join(words)
        person = _PERSON.search(phrase)
        if person and not _ORG_WORDS.search(person.group()):
            name, kind = person.group(), "person"
            role = phrase[: person.start()].strip() or None
        else:
            kind = "organization" if _ORG_WORDS.search(phrase) else "other"
            name, role = phrase, None
        wanted = _content_words(name)
        if not wanted or any(len(wanted & k) >= 0.6 * min(len(wanted), len(k))
                             for k in known if k):
            continue  # already there, maybe spelt differently ("Defence"/"Defense")
        known.append(wanted)
        if len(out) >= room:
            left_out.append(name)
            continue
        start = a.source.start + a.source.text.index(name)
        evidence = [grounder.span(start, start + len(name)),
                    grounder.span(min(a.source.start, a.cue.start), a.content.end)]
        role = f"{role}; source of a claim" if role else "source of a claim"
        out.append(Actor(name=name, kind=kind, role=role, evidence=evidence,  # type: ignore[arg-type]
                         grounded=True, origin="analyser", flags=[]))
    return out


def build_briefing(
    draft: DraftBriefing,
    document: Document,
    *,
    strict: bool = False,
    model_wrote_claims: bool = True,
) -> tuple[list[KeyClaim], list[Actor], list[Figure], list[Uncertainty], GroundingSummary,
           list[str]]:
    """Ground a model draft against the document and check and complete it with the analysers."""
    text = document.text
    grounder = _Grounder(text)
    attributions = [a for a in find_attributions(text)
                    if a.source.text.lower() not in PRONOUN_SOURCES and states_a_claim(a)]
    claims = []
    for c in _unique(draft.key_claims, lambda c: c.statement):
        supports = _shares_words(c.statement)
        evidence = grounder.evidence(c.evidence, _sentence_like(c.statement), supports)
        grounded, flags = _check(evidence, supports)
        if c.certainty == "confirmed" and any(
            find_hedges(text[e.start:e.end]) for e in evidence
            if e.start is not None and supports(e.quote)
        ):
            flags.append("certainty_inflated")
        attributed_to = (c.attributed_to or "").strip() or None
        said = _attribution_in(evidence, attributions) if grounded else None
        if said is not None:
            if attributed_to is None:
                attributed_to = said.source.text
                if model_wrote_claims:  # otherwise the analyser is the only one who says
                    flags.append("attribution_filled")
            elif not _content_words(attributed_to) & _content_words(said.source.text):
                flags.append("attribution_mismatch")
        claims.append(KeyClaim(statement=c.statement, attributed_to=attributed_to,
                               certainty=c.certainty, evidence=evidence, grounded=grounded,
                               flags=flags))
    actors = []
    for a in _unique(draft.actors, lambda a: a.name):
        supports = _names(a.name)
        evidence = grounder.evidence(a.evidence, a.name, supports)
        grounded, flags = _check(evidence, supports)
        role = a.role.strip() or None
        if role and role.lower() == a.name.strip().lower():
            role = None  # a role that only repeats the name says nothing
        actors.append(Actor(name=a.name, kind=a.kind, role=role, evidence=evidence,
                            grounded=grounded, flags=flags))
    uncertainties = []
    for u in _unique(draft.uncertainties, lambda u: u.statement):
        statement_words = _shares_words(u.statement)

        def supports(quote: str, cue: str = u.cue, words: Callable[[str], bool] = statement_words
                     ) -> bool:
            return words(quote) or normalize(cue) in normalize(quote)

        evidence = grounder.evidence(u.evidence, _sentence_like(u.statement), supports)
        grounded, flags = _check(evidence, supports)
        uncertainties.append(Uncertainty(statement=u.statement, cue=u.cue, evidence=evidence,
                                         grounded=grounded, flags=flags))
    sources_left: list[str] = []
    hedged_left: list[tuple[int, int]] = []
    actors += _sources_as_actors(attributions, actors, grounder, sources_left)
    uncertainties += _hedged_sentences(text, grounder, uncertainties, claims, hedged_left)
    figures = _figures(draft.figures, text, grounder)

    sections: list[list[Any]] = [claims, actors, figures, uncertainties]
    notes: list[str] = []
    if sources_left:
        notes.append(f"{len(sources_left)} more named source(s) in the document are not listed "
                     f"as actors (the section holds {SECTION_SIZES['actors']}); "
                     "`summarize analyze` lists every attribution.")
    if hedged_left:
        notes.append(f"{len(hedged_left)} more hedged statement(s) in the document are not "
                     f"listed (the section holds {SECTION_SIZES['uncertainties']}); "
                     "`summarize analyze` lists every hedge.")
    injected = find_injections(text)
    if injected:
        notes.append(
            f"The document contains text addressed to an AI model ({len(injected)} place(s), "
            "e.g. instructions or fake system turns); items drawn from there are flagged."
        )
        for items in sections:
            for item in items:
                if any(e.start is not None and e.end is not None and s < e.end and e.start < end
                       for e in item.evidence for s, end in injected):
                    item.flags.append("from_injected_text")
    dropped = 0
    if strict:
        for items in sections:
            keep = [i for i in items if i.grounded]
            dropped += len(items) - len(keep)
            items[:] = keep
        if dropped:
            notes.append(f"{dropped} ungrounded item(s) dropped (--strict).")
    summary = _summarize_grounding(sections, dropped)
    return claims, actors, figures, uncertainties, summary, notes


def _summarize_grounding(sections: list[list[Any]], dropped: int) -> GroundingSummary:
    counts = {"exact": 0, "normalized": 0, "fuzzy": 0, "ungrounded": 0}
    items = grounded_items = 0
    for section in sections:
        for item in section:
            items += 1
            grounded_items += item.grounded
            for e in item.evidence:
                counts[e.status] += 1
    total = sum(counts.values())
    grounded = total - counts["ungrounded"]
    return GroundingSummary(
        evidence_total=total, grounded=grounded, rate=round(grounded / total, 4) if total else None,
        items_total=items, items_grounded=grounded_items, items_dropped=dropped, **counts,
    )


def document_tag(document: Document) -> str:
    """The tag that fences the document in the prompt. It carries the document's own hash, so
    the document cannot contain its closing tag (that would need a SHA-256 fixed point)."""
    return f"document-{document.sha256[:12]}"


def _provenance(strategy: str, model: str, backend: str, prompt: Prompt | None,
                extractions: list[Extraction], chunks: int, began: float, grounded: float
                ) -> Provenance:
    usage = sum((e.usage for e in extractions), Usage())
    attempts = sum(e.attempts for e in extractions)
    cached = bool(extractions) and all(e.cached for e in extractions)
    extract_s = round(sum(e.seconds for e in extractions), 3)
    ground_s = round(grounded - began, 3)
    return Provenance(
        strategy=strategy,  # type: ignore[arg-type]
        model=model,
        backend=backend,  # type: ignore[arg-type]
        prompt=PromptInfo(version=prompt.version, sha256=prompt.sha256) if prompt else None,
        usage=usage,
        attempts=attempts,
        retries=max(attempts - len(extractions), 0),
        timings=Timings(extract_s=extract_s, ground_s=ground_s,
                        total_s=round(extract_s + ground_s, 3)),
        cached=cached,
        chunks=chunks,
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        summarize_version=package_version(),
    )


@dataclass
class Call:
    """One model call a briefing needs."""

    messages: list[dict[str, str]]
    response_model: type[BaseModel]
    max_tokens: int


@dataclass
class Job:
    """A briefing planned but not made yet: the model calls it needs, in order.

    :func:`plan` makes one, a backend answers its calls (synchronously in :func:`brief`,
    concurrently in a batch), :func:`finish` turns the answers into the briefing."""

    document: Document
    settings: Settings
    prompt: Prompt | None
    calls: list[Call]
    candidates: list[Sentence] = field(default_factory=list)
    chunks: list[Chunk] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def strategy(self) -> str:
        return self.settings.strategy


Counter = Callable[[str], int]


def _token_counter(settings: Settings) -> Counter | None:
    """The embedded model's own token count (its vocabulary only: no weights, no server)."""
    if settings.backend != "local":
        return None
    from .local import gguf_token_counter, model_file

    path = model_file(settings.local_model_path)
    return gguf_token_counter(path) if path is not None else None


def _surely_fits(messages: list[dict[str, str]], room: int) -> bool:
    """Byte-level tokenizers (the embedded model's) give at most one token per UTF-8 byte: a
    prompt whose bytes fit the room needs no counting (the usual case, kept off the hot path)."""
    return sum(len(m["content"].encode("utf-8")) + _MESSAGE_TOKENS for m in messages) <= room


def _tokens(messages: list[dict[str, str]], count: Counter | None = None,
            chars_per_token: float = _CHARS_PER_TOKEN) -> int:
    if count is not None:
        return sum(count(m["content"]) + _MESSAGE_TOKENS for m in messages)
    return int(sum(len(m["content"]) for m in messages) / chars_per_token)


def _guided_messages(document: Document, prompt: Prompt, candidates: list[Sentence]
                     ) -> list[dict[str, str]]:
    # The model only chooses: a very long sentence is shown shortened, and used whole.
    findings = guided_findings(document.text, candidates)
    notes = {}
    for line in findings:  # "[3] source: X; hedged by: may" -> per sentence, for inline use
        number, _, note = line.partition("] ")
        notes[int(number.lstrip("["))] = note
    numbered = [{"number": n, "text": _shorten_words(s.text, _CANDIDATE_WORDS),
                 "notes": notes.get(n, "")} for n, s in enumerate(candidates)]
    return prompt.render(sentences=numbered, findings=findings, **LIMITS)


def _shorten_words(text: str, words: int) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _generative_calls(document: Document, settings: Settings, prompt: Prompt,
                      context_tokens: int | None) -> tuple[list[Call], list[Chunk], list[str]]:
    tag = document_tag(document)
    text = document.text
    whole = prompt.render(document=text, tag=tag, **LIMITS)
    if not context_tokens or _surely_fits(whole, context_tokens - settings.max_tokens):
        return [Call(whole, DraftBriefing, settings.max_tokens)], [Chunk(0, document.length)], []
    count = _token_counter(settings)
    overhead = _tokens(prompt.render(document="", tag=tag, **LIMITS), count,
                       _CHUNK_CHARS_PER_TOKEN) + _TOKEN_SLACK
    budget = context_tokens - settings.max_tokens - overhead

    def too_long(parts: str) -> DocumentTooLongError:
        return DocumentTooLongError(
            f"the document needs {parts} parts of the model's {context_tokens}-token "
            f"context; the limit is {settings.max_chunks} parts (a model with a longer "
            "context, or --strategy guided, reads it whole)")

    if count is not None and budget > 0 and \
            len(text) / _MOST_CHARS_PER_TOKEN > budget * settings.max_chunks:
        # Hopeless at any tokenisation: refused before counting megabytes.
        raise too_long(f"more than {settings.max_chunks}")
    text_tokens = count(text) if count else int(len(text) / _CHUNK_CHARS_PER_TOKEN)
    if text_tokens + overhead + settings.max_tokens <= context_tokens:
        return [Call(whole, DraftBriefing, settings.max_tokens)], [Chunk(0, document.length)], []
    if budget < 256:
        raise DocumentTooLongError(
            f"the model's context ({context_tokens} tokens) leaves no room for the document "
            f"with {settings.max_tokens} tokens kept for the answer: lower --max-tokens"
        )
    if text_tokens > budget * settings.max_chunks:
        raise too_long(f"more than {settings.max_chunks}")
    # Characters per token of this very document when it can be counted.
    ratio = len(text) / max(1, text_tokens) if count else _CHUNK_CHARS_PER_TOKEN
    max_chars = int(budget * ratio)
    while True:
        chunks = split_into_chunks(text, max_chars, overlap_chars=max_chars // 10)
        if count is None or all(count(text[c.start:c.end]) <= budget for c in chunks) or \
                max_chars < 512:
            break
        max_chars = int(max_chars * 0.9)  # a denser stretch than the average: smaller parts
    if len(chunks) > settings.max_chunks:
        raise too_long(str(len(chunks)))
    calls = [Call(prompt.render(document=document.text[c.start:c.end], tag=tag, **LIMITS),
                  DraftBriefing, settings.max_tokens) for c in chunks]
    note = (f"The document is longer than the model's context: it was read in {len(chunks)} "
            f"overlapping parts; the title and bottom line come from the first part, the other "
            "sections from all of them.")
    logger.info("document split into %d chunks of at most %d characters", len(chunks), max_chars)
    return calls, chunks, [note]


def check_text(field: str, text: str) -> TextCheck:
    """Names and numbers of a written field that ``text`` does not contain, and whether the
    field repeats text of ``text`` that addresses an AI model."""
    unsupported = list(dict.fromkeys(invented_entities(field, text)))
    flags: list[Flag] = ["ungrounded"] if unsupported else []
    injected = find_injections(text)
    if injected and field.strip():
        spans = [set(content_words(text[s:e])) for s, e in injected]
        # A sentence of the field made (70% of its content words) of an injected passage.
        for s, e in sentence_spans(field):
            said = set(content_words(field[s:e]))
            if len(said) >= 3 and any(len(said & words) >= 0.7 * len(said) for words in spans):
                flags.append("from_injected_text")
                break
    return TextCheck(unsupported=unsupported, flags=flags)


_FROM_SETTINGS: Any = object()


def plan(document: Document, settings: Settings, prompt: Prompt | None = None, *,
         context_tokens: int | None = _FROM_SETTINGS) -> Job:
    """What making a briefing of ``document`` will take. ``context_tokens`` defaults to the
    settings'; a document longer than the context is split into chunks (generative strategy)."""
    if settings.strategy == "extractive":
        return Job(document, settings, None, [])
    task = "guided" if settings.strategy == "guided" else "briefing"
    prompt = prompt or load_prompt(settings.prompt, task=task)
    context = (settings.context_tokens if context_tokens is _FROM_SETTINGS
               else context_tokens)
    if settings.strategy == "guided":
        candidates = guided_candidates(document.text)
        if not candidates:
            return Job(document, settings, prompt, [], notes=[
                "No sentence to choose from: the briefing is extractive."])
        messages = _guided_messages(document, prompt, candidates)
        max_tokens = min(settings.max_tokens, 512)
        count = None
        if context and not _surely_fits(messages, context - max_tokens):
            count = _token_counter(settings)
        if context and _tokens(messages, count) + max_tokens > context:
            raise DocumentTooLongError(
                f"the candidate sentences are about {_tokens(messages, count)} tokens with the "
                f"prompt; the model's context is {context} tokens")
        return Job(document, settings, prompt,
                   [Call(messages, guided_model(len(candidates)), max_tokens)],
                   candidates=candidates)
    calls, chunks, notes = _generative_calls(document, settings, prompt, context)
    return Job(document, settings, prompt, calls, chunks=chunks, notes=notes)


def finish(job: Job, extractions: list[Extraction], *, model: str = "none",
           backend: str = "none") -> Briefing:
    """The briefing from the job's answers (one per call, in order)."""
    began = time.perf_counter()
    document, settings = job.document, job.settings
    notes = list(job.notes)
    if not extractions:
        plan_ = extractive_plan(document.text)
        strategy = settings.strategy
    elif settings.strategy == "guided":
        plan_ = guided_plan(document.text, extractions[0].value, job.candidates)
        strategy = "guided"
    else:
        drafts = [e.value for e in extractions if isinstance(e.value, DraftBriefing)]
        assert len(drafts) == len(extractions)
        if len(drafts) == 1:
            draft = drafts[0]
        else:
            draft, left_out = merge_drafts(drafts, LIMITS)
            notes += left_out
        plan_ = Plan(title=draft.title, bottom_line=draft.bottom_line, draft=draft, notes=[])
        strategy = "generative"
    title_check = check_text(plan_.title, document.text)
    bottom_check = check_text(plan_.bottom_line, document.text)
    if settings.strict and bottom_check.flags:
        plan_.bottom_line = extractive_plan(document.text).bottom_line
        notes.append("The bottom line named things not in the document or carried text "
                     "addressed to an AI; it is replaced by the extractive one (--strict).")
        bottom_check = check_text(plan_.bottom_line, document.text)
    for name, check in (("title", title_check), ("bottom line", bottom_check)):
        if check.unsupported:
            notes.append(f"The {name} names things not in the document: "
                         f"{', '.join(check.unsupported[:5])}.")
        if "from_injected_text" in check.flags:
            notes.append(f"The {name} carries text addressed to an AI model, not the reader.")
    claims, actors, figures, uncertainties, summary, checks = build_briefing(
        plan_.draft, document, strict=settings.strict, model_wrote_claims=strategy == "generative"
    )
    grounded = time.perf_counter()
    notes = notes + plan_.notes + checks
    retried = [e for e in extractions if e.attempts > 1]
    if retried:
        notes.append(f"The model needed {sum(e.attempts for e in extractions)} attempts for "
                     f"{len(extractions)} answer(s) to produce valid output.")
    logger.info("grounded %d of %d evidence quotes", summary.grounded, summary.evidence_total)
    used_model = model if extractions else "none"
    return Briefing(
        title=plan_.title.strip(),
        bottom_line=plan_.bottom_line.strip(),
        title_check=title_check,
        bottom_line_check=bottom_check,
        key_claims=claims,
        actors=actors,
        figures=figures,
        uncertainties=uncertainties,
        document=DocumentInfo(id=document.id, sha256=document.sha256, length=document.length),
        provenance=_provenance(strategy, used_model, backend if extractions else "none",
                               job.prompt if extractions else None, extractions,
                               max(len(job.chunks), 1), began, grounded),
        grounding=summary,
        notes=notes,
    )


def brief(
    document: Document,
    *,
    settings: Settings | None = None,
    backend: Backend | None = None,
    prompt: Prompt | None = None,
    cache: ResponseCache | None = None,
) -> Briefing:
    """Make a briefing of ``document`` with the settings' strategy.

    ``extractive`` needs no model. Otherwise, without ``backend``, one is opened from
    ``settings`` (the embedded model by default) when the first answer is not in ``cache``, and
    closed afterwards. Raises a :class:`~summarize.errors.SummarizeError` on failure.
    """
    settings = settings or resolve_settings()
    context = backend.context_tokens if backend is not None else settings.context_tokens
    job = plan(document, settings, prompt, context_tokens=context)
    if not job.calls:
        logger.info("%s briefing: no model call", settings.strategy)
        return finish(job, [])
    with ExitStack() as stack:
        used: Backend
        if backend is None:
            lazy = LazyBackend(settings)
            stack.callback(lazy.close)
            used = lazy
        else:
            used = backend
        if cache is not None:
            used = CachedBackend(used, cache, identity_of(used, settings))
        assert job.prompt is not None
        logger.info("%s briefing with %s (prompt %s, %d call(s))", settings.strategy,
                    used.model, job.prompt.version, len(job.calls))
        extractions = [used.extract(c.messages, c.response_model,
                                    max_retries=settings.max_retries,
                                    max_tokens=c.max_tokens) for c in job.calls]
        return finish(job, extractions, model=used.model, backend=used.kind)


async def abrief(
    document: Document,
    *,
    settings: Settings,
    backend: AsyncBackend,
    prompt: Prompt | None = None,
) -> Briefing:
    """:func:`brief` for a batch: the model calls are awaited on ``backend`` (which may be a
    :class:`~summarize.cache.CachedBackend`)."""
    # Planning and checking run inline: they take milliseconds of CPU, which threads would not
    # parallelise (the GIL) and whose hand-offs cost more than they save.
    job = plan(document, settings, prompt, context_tokens=backend.context_tokens)
    extractions = []
    for c in job.calls:
        extractions.append(await backend.aextract(c.messages, c.response_model,
                                                  max_retries=settings.max_retries,
                                                  max_tokens=c.max_tokens))
    return finish(job, extractions, model=backend.model, backend=backend.kind)
