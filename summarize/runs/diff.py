"""A schema-aware diff of two briefings of one document: items matched by their text, what was
added, removed or changed, and where in the document."""

from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz

from ..analysers.figures import canonical_unit
from ..core.grounding import normalize
from ..schema import Briefing

__all__ = ["changes", "diff_briefings"]


from .metrics import covered, evidence_spans, figure_key, hedged_spans, overlaps


def _similar(a: str, b: str) -> float:
    return fuzz.token_set_ratio(normalize(a), normalize(b))


def _match(old: list[Any], new: list[Any], text_of: Any) -> tuple[list[tuple[Any, Any]],
                                                                   list[Any], list[Any]]:
    """Pairs matched by overlapping evidence, then by text similarity (>= 80); the rest."""
    pairs: list[tuple[Any, Any]] = []
    left = list(old)
    right = list(new)
    for a in list(left):
        for b in right:
            if overlaps(evidence_spans(a.evidence), evidence_spans(b.evidence)):
                pairs.append((a, b))
                left.remove(a)
                right.remove(b)
                break
    for a in list(left):
        best = max(right, key=lambda b: _similar(text_of(a), text_of(b)), default=None)
        if best is not None and _similar(text_of(a), text_of(best)) >= 80:
            pairs.append((a, best))
            left.remove(a)
            right.remove(best)
    return pairs, left, right


def _where(item: Any) -> list[list[int]]:
    return [list(sp) for sp in evidence_spans(item.evidence)]


def diff_briefings(old: Briefing, new: Briefing, text: str) -> dict[str, Any]:
    """What changed from ``old`` to ``new`` (same document), section by section."""
    claims, dropped, added = _match(old.key_claims, new.key_claims, lambda c: c.statement)
    certainty = [{"statement": b.statement, "from": a.certainty, "to": b.certainty,
                  "evidence": _where(b)} for a, b in claims if a.certainty != b.certainty]
    figures, figures_dropped, figures_added = _match(
        old.figures, new.figures, lambda f: f"{f.value:g} {f.unit or ''}")
    changed = []
    for a, b in figures:
        fields = [name for name, x, y in (
            ("value", figure_key(a.value), figure_key(b.value)),
            ("unit", canonical_unit(a.unit or ""), canonical_unit(b.unit or "")),
            ("qualifier", a.qualifier, b.qualifier)) if x != y]
        if fields:
            changed.append({"fields": fields, "from": a.text, "to": b.text,
                            "old": {"value": a.value, "unit": a.unit, "qualifier": a.qualifier},
                            "new": {"value": b.value, "unit": b.unit, "qualifier": b.qualifier},
                            "evidence": _where(b)})
    hedged = hedged_spans(text)
    before, after = covered(hedged, old), covered(hedged, new)
    old_actors = {normalize(a.name): a for a in old.actors}
    new_actors = {normalize(a.name): a for a in new.actors}
    return {
        "claims_added": [{"statement": c.statement, "evidence": _where(c)} for c in added],
        "claims_dropped": [{"statement": c.statement, "evidence": _where(c)} for c in dropped],
        "certainty_changed": certainty,
        "figures_changed": changed,
        "figures_added": [{"text": f.text, "evidence": _where(f)} for f in figures_added],
        "figures_dropped": [{"text": f.text, "evidence": _where(f)} for f in figures_dropped],
        "hedges_lost": [{"text": text[s:e], "evidence": [[s, e]]} for s, e in sorted(before -
                                                                                      after)],
        "hedges_gained": [{"text": text[s:e], "evidence": [[s, e]]} for s, e in sorted(after -
                                                                                       before)],
        "actors_added": [new_actors[k].name for k in new_actors if k not in old_actors],
        "actors_removed": [old_actors[k].name for k in old_actors if k not in new_actors],
    }


def changes(diff: dict[str, Any]) -> int:
    return sum(len(v) for v in diff.values())
