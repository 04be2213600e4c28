"""Comparing prompt versions (and models): a matrix of variants x documents, metrics that know
what a briefing is, and a schema-aware diff of each document between the baseline and the others.

Every briefing goes through the response cache, so re-running a comparison costs no model call.
Metrics per variant:

* ``schema_valid_rate``: documents with a valid briefing / documents;
* ``retries``: extra attempts the model needed, in all;
* ``grounding_rate``: grounded evidence quotes / all evidence quotes;
* ``ungrounded_items``, ``certainty_inflations``: items with no grounded evidence, claims marked
  ``confirmed`` whose evidence hedges;
* ``claims``, ``actors``, ``figures``, ``uncertainties``: items per document;
* ``figure_recall``, ``figure_precision``: figures of the briefing against the analyser's
  figures of the document (or a ``--gold`` file of ``{"id", "figures": [{"value", "unit"}]}``),
  matched by value;
* ``hedges_kept``: share of the source's hedged sentences that some item's evidence covers;
* ``tokens_in``, ``tokens_out``, ``latency_p50``, ``latency_p95`` (seconds per briefing as first
  made, so cached re-runs report the same), ``cost_usd`` where the model's price is known.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from ..analysers.figures import canonical_unit, extract_figures
from ..analysers.hedges import hedged_sentences
from ..backends import LazyBackend
from ..backends.cache import ResponseCache
from ..config import resolve_settings
from ..core.document import Document
from ..core.grounding import normalize
from ..core.inputs import InputFailure, iter_sources
from ..core.pipeline import brief
from ..core.prompts import load_prompt
from ..errors import ConfigError, InputError, SummarizeError
from ..schema import Briefing, Evidence
from ..strategies import get_strategy
from .log import RunLog, percentile

__all__ = ["METRICS", "Comparison", "Variant", "compare", "diff_briefings", "parse_metrics",
           "read_gold", "regressions", "variant_matrix"]

logger = logging.getLogger(__name__)

# Metric name -> True when higher is better.
METRICS: dict[str, bool] = {
    "schema_valid_rate": True,
    "retries": False,
    "grounding_rate": True,
    "ungrounded_items": False,
    "certainty_inflations": False,
    "claims": True,
    "actors": True,
    "figures": True,
    "uncertainties": True,
    "figure_recall": True,
    "figure_precision": True,
    "hedges_kept": True,
    "tokens_in": False,
    "tokens_out": False,
    "latency_p50": False,
    "latency_p95": False,
    "cost_usd": False,
}
# USD per million tokens (input, output), for models whose price is public; the embedded model
# costs nothing.
PRICES: dict[str, tuple[float, float]] = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1": (2.00, 8.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1-nano": (0.10, 0.40),
}
_SECTIONS = ("key_claims", "actors", "figures", "uncertainties")


@dataclass(frozen=True)
class Variant:
    """One column of the comparison: a prompt version with a model."""

    prompt: str
    model: str | None = None
    name: str | None = None

    @property
    def label(self) -> str:
        if self.name:
            return self.name
        return self.prompt if self.model is None else f"{self.prompt} @ {self.model}"


@dataclass
class Comparison:
    variants: list[Variant]
    baseline: Variant
    documents: list[str]
    metrics: dict[str, dict[str, float | None]]
    briefings: dict[str, dict[str, Briefing | None]]
    errors: dict[str, dict[str, str]]
    diffs: dict[str, dict[str, dict[str, Any]]]
    texts: dict[str, str] = field(default_factory=dict)
    strategy: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "baseline": self.baseline.label,
            "strategy": self.strategy,
            "variants": [{"label": v.label, "prompt": v.prompt, "model": v.model,
                          "metrics": self.metrics[v.label]} for v in self.variants],
            "documents": [
                {"id": d,
                 "errors": {v: e for v, e in self.errors.get(d, {}).items()},
                 "diffs": self.diffs.get(d, {}),
                 "briefings": {v: (b.model_dump(mode="json") if b is not None else None)
                               for v, b in self.briefings.get(d, {}).items()}}
                for d in self.documents],
        }


def _items(briefing: Briefing) -> Iterable[Any]:
    for section in _SECTIONS:
        yield from getattr(briefing, section)


def _spans(evidence: list[Evidence]) -> list[tuple[int, int]]:
    return [(e.start, e.end) for e in evidence if e.start is not None and e.end is not None]


def _overlaps(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def _hedged(text: str) -> list[tuple[int, int]]:
    return [(s, e) for s, e, _ in hedged_sentences(text)]


def _covered(hedged: list[tuple[int, int]], briefing: Briefing) -> set[tuple[int, int]]:
    spans = [sp for item in _items(briefing) for sp in _spans(item.evidence)]
    return {h for h in hedged if _overlaps([h], spans)}


def _figure_key(value: float) -> float:
    return round(float(value), 6)


def _price(done: list[Briefing]) -> tuple[float, float] | None:
    """USD per million tokens in and out: nothing for the embedded model or no model, the public
    price of a known OpenAI model, unknown otherwise."""
    prices = set()
    for b in done:
        p = b.provenance
        if p.backend in ("local", "none"):
            prices.add((0.0, 0.0))
        elif p.backend == "openai" and p.model in PRICES:
            prices.add(PRICES[p.model])
        else:
            return None
    return prices.pop() if len(prices) == 1 else None


def _metrics(results: dict[str, Briefing | None], texts: dict[str, str],
             gold: dict[str, list[dict[str, Any]]] | None) -> dict[str, float | None]:
    done = [b for b in results.values() if b is not None]
    n = len(results)
    evidence = sum(b.grounding.evidence_total for b in done)
    grounded = sum(b.grounding.grounded for b in done)
    found = relevant = correct = shown = 0
    kept = hedged_total = 0
    for doc_id, b in results.items():
        if b is None:
            continue
        text = texts[doc_id]
        reference = ({_figure_key(f["value"]) for f in gold.get(doc_id, [])} if gold is not None
                     else {_figure_key(f.value) for f in extract_figures(text)})
        ours = {_figure_key(f.value) for f in b.figures}
        relevant += len(reference)
        found += len(reference & ours)
        shown += len(ours)
        correct += len(ours & reference)
        hedged = _hedged(text)
        hedged_total += len(hedged)
        kept += len(_covered(hedged, b))
    tokens_in = sum(b.provenance.usage.prompt_tokens for b in done)
    tokens_out = sum(b.provenance.usage.completion_tokens for b in done)
    latencies = [b.provenance.timings.total_s for b in done]
    price = _price(done)
    per_doc = max(len(done), 1)
    return {
        "schema_valid_rate": round(len(done) / n, 4) if n else None,
        "retries": sum(b.provenance.retries for b in done),
        "grounding_rate": round(grounded / evidence, 4) if evidence else None,
        "ungrounded_items": sum(not i.grounded for b in done for i in _items(b)),
        "certainty_inflations": sum("certainty_inflated" in c.flags
                                    for b in done for c in b.key_claims),
        "claims": round(sum(len(b.key_claims) for b in done) / per_doc, 2),
        "actors": round(sum(len(b.actors) for b in done) / per_doc, 2),
        "figures": round(sum(len(b.figures) for b in done) / per_doc, 2),
        "uncertainties": round(sum(len(b.uncertainties) for b in done) / per_doc, 2),
        "figure_recall": round(found / relevant, 4) if relevant else None,
        "figure_precision": round(correct / shown, 4) if shown else None,
        "hedges_kept": round(kept / hedged_total, 4) if hedged_total else None,
        "tokens_in": tokens_in,
        "tokens_out": tokens_out,
        "latency_p50": percentile(latencies, 0.5),
        "latency_p95": percentile(latencies, 0.95),
        "cost_usd": (round((tokens_in * price[0] + tokens_out * price[1]) / 1e6, 6)
                     if price is not None else None),
    }


# ----------------------------------------------------------------------------- the diff


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
            if _overlaps(_spans(a.evidence), _spans(b.evidence)):
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
    return [list(sp) for sp in _spans(item.evidence)]


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
            ("value", _figure_key(a.value), _figure_key(b.value)),
            ("unit", canonical_unit(a.unit or ""), canonical_unit(b.unit or "")),
            ("qualifier", a.qualifier, b.qualifier)) if x != y]
        if fields:
            changed.append({"fields": fields, "from": a.text, "to": b.text,
                            "old": {"value": a.value, "unit": a.unit, "qualifier": a.qualifier},
                            "new": {"value": b.value, "unit": b.unit, "qualifier": b.qualifier},
                            "evidence": _where(b)})
    hedged = _hedged(text)
    before, after = _covered(hedged, old), _covered(hedged, new)
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


# ----------------------------------------------------------------------------- running


def read_gold(path: str | Path) -> dict[str, list[dict[str, Any]]]:
    """``{"id", "figures": [{"value", "unit"}]}`` lines, by id."""
    gold: dict[str, list[dict[str, Any]]] = {}
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot be read ({exc})") from exc
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            figures = [{"value": float(f["value"]), "unit": f.get("unit")}
                       for f in record["figures"]]
            gold[str(record["id"])] = figures
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{path}:{n}: not {{\"id\", \"figures\": [{{\"value\", \"unit\"}}]}}"
                             ) from exc
    return gold


def compare(
    sources: Sequence[str],
    variants: Sequence[Variant],
    *,
    baseline: Variant | None = None,
    strategy: str | None = None,
    base_url: str | None = None,
    cache: ResponseCache | None = None,
    gold: dict[str, list[dict[str, Any]]] | None = None,
    settings_options: dict[str, Any] | None = None,
    run_log: RunLog | None = None,
    backends: dict[str, Any] | None = None,
) -> Comparison:
    """Brief every document of ``sources`` with every variant and compare them.

    ``baseline`` defaults to the first variant. ``backends`` (model label -> backend) is for
    tests; otherwise each model's backend is opened at its first uncached call and shared by
    the prompt versions."""
    if len(variants) < 2 and (baseline is None or baseline in variants):
        raise ConfigError("compare needs at least two variants: two prompt versions (the prompt "
                          "setting), or a baseline and a version")
    baseline = baseline or variants[0]
    ordered = [baseline] + [v for v in variants if v != baseline]
    every = []
    for variant in ordered:
        settings = resolve_settings(model=variant.model, prompt=variant.prompt,
                                    strategy=strategy, base_url=base_url,
                                    **(settings_options or {}))
        if get_strategy(settings.strategy).prompt_task is None and \
                settings.sources.get("strategy") == "default":
            # The model's default strategy has no prompt (the embedded model's extractive):
            # its prompted one, guided, is compared.
            settings = resolve_settings(model=variant.model, prompt=variant.prompt,
                                        strategy="guided", base_url=base_url,
                                        **(settings_options or {}))
        task = get_strategy(settings.strategy).prompt_task
        if task is None:
            raise ConfigError(f"the {settings.strategy} strategy has no prompt to compare")
        # An unknown version fails here, before any model is asked anything.
        load_prompt(variant.prompt, task=task)
        every.append(settings)
    documents: list[Document] = []
    for item in iter_sources(sources):
        if isinstance(item, InputFailure):
            raise item.error
        documents.append(item)
    if not documents:
        raise InputError("no documents to compare")
    texts = {d.id: d.text for d in documents}
    results: dict[str, dict[str, Briefing | None]] = {d.id: {} for d in documents}
    errors: dict[str, dict[str, str]] = {}
    metrics: dict[str, dict[str, float | None]] = {}
    used_strategy = ""
    with ExitStack() as stack:
        opened: dict[str, Any] = dict(backends or {})
        for variant, settings in zip(ordered, every, strict=True):
            used_strategy = settings.strategy
            key = variant.model or "default"
            if key not in opened:
                lazy = LazyBackend(settings)
                stack.callback(lazy.close)
                opened[key] = lazy
            recorder = run_log.start("compare", settings, inputs=list(sources)) if run_log \
                else None
            for d in documents:
                logger.info("%s: %s", variant.label, d.id)
                try:
                    b = brief(d, settings=settings, backend=opened[key], cache=cache)
                except SummarizeError as exc:
                    b = None
                    errors.setdefault(d.id, {})[variant.label] = str(exc)
                    logger.warning("%s, %s: %s", variant.label, d.id, exc)
                results[d.id][variant.label] = b
                if recorder is not None:
                    recorder.add(b)
            if recorder is not None:
                recorder.finish()
            metrics[variant.label] = _metrics(
                {d.id: results[d.id][variant.label] for d in documents}, texts, gold)
    diffs: dict[str, dict[str, dict[str, Any]]] = {}
    for d in documents:
        old = results[d.id][baseline.label]
        for variant in ordered[1:]:
            new = results[d.id][variant.label]
            if old is not None and new is not None:
                diffs.setdefault(d.id, {})[variant.label] = diff_briefings(old, new, d.text)
    return Comparison(variants=ordered, baseline=baseline, documents=[d.id for d in documents],
                      metrics=metrics, briefings=results, errors=errors, diffs=diffs,
                      texts=texts, strategy=used_strategy)


def variant_matrix(prompts: Sequence[str], models: Sequence[str], baseline: str | None = None
                   ) -> list[Variant]:
    """Prompt versions x models, the baseline version first; a variant is named by its version
    alone when there is one model."""
    versions = list(dict.fromkeys(([baseline] if baseline else []) + list(prompts)))
    chosen: list[str | None] = list(dict.fromkeys(models)) or [None]
    return [Variant(p, m, name=p if len(chosen) == 1 else None) for p in versions for m in chosen]


def parse_metrics(names: str) -> list[str]:
    wanted = [n.strip() for n in re.split(r"[,\s]+", names) if n.strip()]
    unknown = [n for n in wanted if n not in METRICS]
    if unknown or not wanted:
        raise ConfigError(f"unknown metric(s) {', '.join(unknown) or '(none)'}: use "
                          f"{', '.join(METRICS)}")
    return wanted


def differs(name: str, base: float, ours: float) -> bool:
    """Whether two values of a metric differ enough to count: latencies within 5% of each other
    are noise on a shared machine; everything else is compared exactly."""
    if name.startswith("latency"):
        return abs(ours - base) > 0.05 * max(abs(base), 1e-9)
    return abs(ours - base) > 1e-9


def regressions(comparison: Comparison, names: Sequence[str]) -> list[str]:
    """Each named metric on which a variant is worse than the baseline, as a sentence."""
    base = comparison.metrics[comparison.baseline.label]
    found = []
    for variant in comparison.variants[1:]:
        ours = comparison.metrics[variant.label]
        for name in names:
            b, o = base[name], ours[name]
            if b is None and o is None:
                continue
            if o is None or b is None:
                found.append(f"{variant.label}: {name} is {o} (baseline {b})")
                continue
            worse = o < b if METRICS[name] else o > b
            if worse and differs(name, b, o):
                found.append(f"{variant.label}: {name} {o} is worse than the baseline's {b}")
    return found
