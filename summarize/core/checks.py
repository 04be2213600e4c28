"""The checks on a draft: every item grounded against the source, cross-checked and completed by
the deterministic analysers.

Nothing the model says is taken on trust: every quote is aligned to the source, an item with no
grounded evidence is ``grounded: false``, a figure whose number is not in its evidence is
flagged, a claim marked ``confirmed`` whose evidence hedges is flagged, and the figures, named
sources and hedged statements the analysers find in the source complete the model's lists.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..analysers.attributions import Attribution, as_quoted, claimed_attributions, credited_in
from ..analysers.figures import FigureMention, canonical_unit, counts_one, extract_figures
from ..analysers.hedges import find_hedges, hedged_sentences
from ..analysers.injection import find_injections
from ..analysers.language import not_english
from ..analysers.mentions import fullest, named_actors
from ..analysers.ranking import content_words as _ranking_words
from ..analysers.ranking import overlap
from ..analysers.sentences import sentence_at, sentence_spans
from ..analysers.source_kinds import (
    SourceActor,
    full_name_before,
    kind_most_given,
    source_actors,
)
from ..document import Document
from ..schema import (
    Actor,
    DraftBriefing,
    DraftFigure,
    Evidence,
    Figure,
    Flag,
    GroundingSummary,
    KeyClaim,
    TextCheck,
    Uncertainty,
)
from ..vocabulary import HONORIFICS
from .evidence import (
    Grounder,
    check,
    content_words,
    is_grounded,
    names,
    sentence_like,
    shares_words,
    unique,
)
from .grounding import normalize

__all__ = ["Checked", "actor_kind", "check_draft", "check_text", "invented_entities",
           "mentions_by_actor"]

# The analysers may add items up to these section sizes (the model is asked for fewer).
SECTION_SIZES = {"actors": 8, "uncertainties": 6}

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


def _figures(draft: list[DraftFigure], text: str, grounder: Grounder) -> list[Figure]:
    analysed = extract_figures(text)
    used: set[int] = set()
    out: list[Figure] = []
    for d in unique(draft, lambda d: f"{d.text} {d.value}"):
        evidence = grounder.evidence(d.evidence, fallback=d.text)
        flags: list[Any] = []
        in_evidence = [m for m in _figures_in(text, evidence) if _matches(d.value, m)]
        if not is_grounded(evidence):
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
        if i in used or counts_one(m):  # "one of his advisers": no figure for a briefing
            continue
        same = next((k for k, f in enumerate(out) if f.origin != "model" and
                     _same_value(f.value, m.value) and f.unit == m.unit), None)
        if same is not None and not (out[same].origin == "analyser" and
                                     out[same].qualifier == "exact" and m.qualifier != "exact"):
            continue
        evidence = [grounder.span(m.start, m.end)]
        sentence = sentence_at(spans, m.start)
        if sentence is not None and sentence != (m.start, m.end):
            evidence.append(grounder.span(*sentence))
        figure = Figure(text=m.text, value=m.value, unit=m.unit, qualifier=m.qualifier,
                        low=m.low, high=m.high, evidence=evidence, grounded=True,
                        origin="analyser", flags=[])
        if same is None:
            out.append(figure)
        else:  # "£1.4m" in a headline, "more than £1.4 million" in the text: the bound is said
            out[same] = figure
    return out


def _hedged_sentences(text: str, grounder: Grounder, have: list[Uncertainty],
                      claims: list[KeyClaim]) -> tuple[list[Uncertainty], int]:
    """The source's hedged sentences not listed yet (as uncertainties or as key claims), up to
    the section's size, and how many more did not fit."""
    left_out = 0
    room = SECTION_SIZES["uncertainties"] - sum(1 for u in have if u.grounded)
    covered = [(e.start, e.end) for u in [*have, *claims] for e in u.evidence
               if e.start is not None and e.end is not None and u.grounded]
    out: list[Uncertainty] = []
    for start, end, cue in hedged_sentences(text):
        if any(s < end and start < e for s, e in covered):
            continue
        if text[end - 1] not in ".!?\"'\u201d":
            continue  # a headline or a fragment, not a sentence
        if len(out) >= room:
            left_out += 1
            continue
        out.append(Uncertainty(
            statement=as_quoted(text, start, end), cue=cue.cue,
            evidence=[grounder.span(start, end)], grounded=True, origin="analyser", flags=[],
        ))
    return out, left_out


def _attribution_in(evidence: list[Evidence], attributions: list[Attribution]
                    ) -> Attribution | None:
    """The attribution the item's grounded evidence reports (the best credited of its quotes)."""
    ranked = [found for e in evidence if e.start is not None and e.end is not None
              if (found := credited_in(attributions, e.start, e.end)) is not None]
    return max(ranked, key=lambda found: found[0])[1] if ranked else None


def _sources_as_actors(attributions: list[Attribution], have: list[Actor],
                       grounder: Grounder) -> tuple[list[Actor], int]:
    """Named sources of attributions the model did not list, as actors (up to the section's
    size), and how many more did not fit."""
    known = [content_words(a.name) for a in have if a.grounded]
    groups = mentions_by_actor(grounder.text, attributions, known)
    out = [_actor_of(mentions, grounder)
           for mentions in groups[:SECTION_SIZES["actors"] - len(known)]]
    return out, len(groups) - len(out)


def _named_as_actors(text: str, have: list[Actor], grounder: Grounder) -> list[Actor]:
    """The actors the document names who are not listed yet (not the model's, not a named
    source: "Yusuf Bakr", named but never quoted), most mentioned first, up to the section's
    size; each by its fullest name, with the sentence that names it so."""
    listed = [(a.name, a.kind) for a in have if a.grounded]
    room = SECTION_SIZES["actors"] - len(listed)
    if room <= 0:
        return []
    spans = sentence_spans(text)
    out = []
    for group in named_actors(text, listed)[:room]:
        actor = fullest(group)
        sentence = sentence_at(spans, actor.start) or (actor.start, actor.end)
        times = "once" if len(group) == 1 else f"{len(group)} times"
        out.append(Actor(name=actor.name, kind=actor.kind,  # type: ignore[arg-type]
                         role=f"named {times}; not a source of a claim",
                         evidence=[grounder.span(actor.start, actor.end), grounder.span(*sentence)],
                         grounded=True, origin="analyser", flags=[]))
    return out


def mentions_by_actor(text: str, attributions: list[Attribution],
                      known: list[set[str]] | None = None
                      ) -> list[list[tuple[SourceActor, Attribution]]]:
    """The named sources of ``attributions``, each actor with all its mentions, in the order
    of their first; a name that shares most of the shorter name's words with an earlier
    actor's first is a mention of that actor ("Defence"/"Defense", "Mr. Trump" or "Mrs
    Clinton" after "Hillary Clinton": forms of address and titles are no words of a name).
    ``known``: the words of the names already listed (by the model), whose mentions are left
    out."""
    known = list(known or [])
    listed = len(known)
    groups: list[list[tuple[SourceActor, Attribution]]] = []
    seen: set[tuple[int, int]] = set()
    for a in attributions:
        if (a.source.start, a.source.end) in seen:
            continue  # a source of several cues: read once
        seen.add((a.source.start, a.source.end))
        # each of a list of names is an actor of its own ("Hillary Clinton, Bernie Sanders and
        # Martin O'Malley")
        for actor in source_actors(text, a.source.start, a.source.end):
            if not actor.named or not actor.name[:1].isupper():
                continue  # no name ("officials", "Analysts", "Her mother", "sources in Moscow")
            # "Mrs Clinton" is Hillary Clinton ("Mr", "Dr" are too short to be content words)
            wanted = content_words(actor.name) - HONORIFICS
            if not wanted:
                continue
            same = next((i for i, k in enumerate(known) if overlap(wanted, k) >= 0.6), None)
            if same is None:
                known.append(wanted)
                groups.append([(actor, a)])
            elif same >= listed:
                groups[same - listed].append((actor, a))
    return groups


def actor_kind(mentions: list[tuple[SourceActor, Attribution]]) -> str:
    """An actor's kind: the one most of its mentions give (ties: the earliest's;
    :func:`~summarize.analysers.source_kinds.kind_most_given`)."""
    return kind_most_given([actor for actor, _ in mentions])


def _actor_of(mentions: list[tuple[SourceActor, Attribution]], grounder: Grounder) -> Actor:
    """One actor from the mentions of a source: the first of its kind (its name, role and
    evidence)."""
    kind = actor_kind(mentions)
    actor, a = next((actor, a) for actor, a in mentions if actor.kind == kind)
    full = full_name_before(grounder.text, actor._replace(kind=kind))
    if full is not None:  # "Kovac", named in full before: "Foreign Minister Dana Kovac"
        actor = full._replace(role=actor.role or full.role)
    said = a.written_as or a.source  # "He said ...": his own words, not the story's
    parts = (said, a.cue, a.content)  # in any order: '"...," she said'
    evidence = [grounder.span(actor.start, actor.end),
                grounder.span(min(p.start for p in parts), max(p.end for p in parts))]
    role = f"{actor.role}; source of a claim" if actor.role else "source of a claim"
    return Actor(name=actor.name, kind=actor.kind, role=role,  # type: ignore[arg-type]
                 evidence=evidence, grounded=True, origin="analyser", flags=[])


@dataclass
class Checked:
    """A draft's sections after the checks, with what the reader should be told."""

    claims: list[KeyClaim]
    actors: list[Actor]
    figures: list[Figure]
    uncertainties: list[Uncertainty]
    grounding: GroundingSummary
    notes: list[str]


def check_draft(
    draft: DraftBriefing,
    document: Document,
    *,
    strict: bool = False,
    model_wrote_claims: bool = True,
) -> Checked:
    """Ground a model draft against the document and check and complete it with the analysers."""
    text = document.text
    grounder = Grounder(text)
    attributions = claimed_attributions(text)
    claims = []
    for c in unique(draft.key_claims, lambda c: c.statement):
        supports = shares_words(c.statement)
        evidence = grounder.evidence(c.evidence, sentence_like(c.statement), supports)
        grounded, flags = check(evidence, supports)
        if c.certainty == "confirmed" and any(
            find_hedges(text[e.start:e.end]) for e in evidence
            if e.start is not None and supports(e.quote)
        ):
            flags.append("certainty_inflated")
        attributed_to = (c.attributed_to or "").strip() or None
        said = _attribution_in(evidence, attributions) if grounded else None
        if said is not None:
            if attributed_to is None:
                attributed_to = " ".join(said.source.text.split())  # as written, one line
                if model_wrote_claims:  # otherwise the analyser is the only one who says
                    flags.append("attribution_filled")
                if said.written_as is not None:
                    flags.append("attribution_pronoun")  # "He said": the person named before
            elif not content_words(attributed_to) & content_words(said.source.text):
                if said.written_as is None:
                    # (a person a pronoun was read as is a guess: no ground to doubt the model's)
                    flags.append("attribution_mismatch")
            elif said.written_as is not None:
                flags.append("attribution_pronoun")  # the model names the person read too
        claims.append(KeyClaim(statement=c.statement, attributed_to=attributed_to,
                               certainty=c.certainty, evidence=evidence, grounded=grounded,
                               flags=flags))
    actors = []
    for a in unique(draft.actors, lambda a: a.name):
        supports = names(a.name)
        evidence = grounder.evidence(a.evidence, a.name, supports)
        grounded, flags = check(evidence, supports)
        role = a.role.strip() or None
        if role and role.lower() == a.name.strip().lower():
            role = None  # a role that only repeats the name says nothing
        actors.append(Actor(name=a.name, kind=a.kind, role=role, evidence=evidence,
                            grounded=grounded, flags=flags))
    uncertainties = []
    for u in unique(draft.uncertainties, lambda u: u.statement):
        statement_words = shares_words(u.statement)

        def supports(quote: str, cue: str = u.cue, words: Callable[[str], bool] = statement_words
                     ) -> bool:
            return words(quote) or normalize(cue) in normalize(quote)

        evidence = grounder.evidence(u.evidence, sentence_like(u.statement), supports)
        grounded, flags = check(evidence, supports)
        uncertainties.append(Uncertainty(statement=u.statement, cue=u.cue, evidence=evidence,
                                         grounded=grounded, flags=flags))
    sources, sources_left = _sources_as_actors(attributions, actors, grounder)
    hedged, hedged_left = _hedged_sentences(text, grounder, uncertainties, claims)
    actors += sources
    actors += _named_as_actors(text, actors, grounder)
    uncertainties += hedged
    figures = _figures(draft.figures, text, grounder)

    sections: list[list[Any]] = [claims, actors, figures, uncertainties]
    notes: list[str] = []
    if sources_left:
        notes.append(f"{sources_left} more named source(s) in the document are not listed "
                     f"as actors (the section holds {SECTION_SIZES['actors']}); "
                     "`summarize analyze` lists every attribution.")
    if hedged_left:
        notes.append(f"{hedged_left} more hedged statement(s) in the document are not "
                     f"listed (the section holds {SECTION_SIZES['uncertainties']}); "
                     "`summarize analyze` lists every hedge.")
    foreign = not_english(text)
    if foreign:
        notes.append(f"The document {foreign}.")
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
            notes.append(f"{dropped} ungrounded item(s) dropped (strict).")
    return Checked(claims, actors, figures, uncertainties,
                   _summarize_grounding(sections, dropped), notes)


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


_ENTITY = re.compile(r"\b(?:[A-Z][\w'’-]*[A-Za-z]|\d[\d,.]*)")


_COMMON = frozenset(
    "The A An In On At Of For And But Or To By With From As After Before Over About New North "
    "South East West How Why What When Who Will May Could Report Reports Update Breaking".split()
)


def invented_entities(text: str, document: str) -> list[str]:
    """Names and numbers in ``text`` that do not occur in ``document``."""
    lower = document.lower()
    digits = re.sub(r"[,\s]", "", document)
    found = []
    for m in _ENTITY.finditer(text):
        token = m.group().rstrip(".,")
        if token in _COMMON or not token:
            continue
        if token[0].isdigit():
            if token.replace(",", "") not in digits:
                found.append(token)
        elif token.lower() not in lower:
            found.append(token)
    return found


def check_text(field: str, text: str) -> TextCheck:
    """Names and numbers of a written field that ``text`` does not contain, and whether the
    field repeats text of ``text`` that addresses an AI model."""
    unsupported = list(dict.fromkeys(invented_entities(field, text)))
    flags: list[Flag] = ["ungrounded"] if unsupported else []
    injected = find_injections(text)
    if injected and field.strip():
        spans = [set(_ranking_words(text[s:e])) for s, e in injected]
        # A sentence of the field made (70% of its content words) of an injected passage.
        for s, e in sentence_spans(field):
            said = set(_ranking_words(field[s:e]))
            if len(said) >= 3 and any(len(said & words) >= 0.7 * len(said) for words in spans):
                flags.append("from_injected_text")
                break
    return TextCheck(unsupported=unsupported, flags=flags)
