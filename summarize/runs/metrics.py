"""Metrics of a comparison that know what a briefing is.

Per variant:

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
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..analysers.figures import counts_one, extract_figures
from ..analysers.hedges import hedged_sentences
from ..errors import ConfigError, InputError
from ..schema import Briefing, Evidence
from .log import percentile

__all__ = ["METRICS", "covered", "differs", "evidence_spans", "figure_key", "hedged_spans",
           "overlaps", "parse_metrics", "read_gold", "variant_metrics"]


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


def _items(briefing: Briefing) -> Iterable[Any]:
    for section in _SECTIONS:
        yield from getattr(briefing, section)


def evidence_spans(evidence: list[Evidence]) -> list[tuple[int, int]]:
    return [(e.start, e.end) for e in evidence if e.start is not None and e.end is not None]


def overlaps(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def hedged_spans(text: str) -> list[tuple[int, int]]:
    return [(s, e) for s, e, _ in hedged_sentences(text)]


def covered(hedged: list[tuple[int, int]], briefing: Briefing) -> set[tuple[int, int]]:
    spans = [sp for item in _items(briefing) for sp in evidence_spans(item.evidence)]
    return {h for h in hedged if overlaps([h], spans)}


def figure_key(value: float) -> float:
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


def variant_metrics(results: dict[str, Briefing | None], texts: dict[str, str],
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
        reference = ({figure_key(f["value"]) for f in gold.get(doc_id, [])} if gold is not None
                     else {figure_key(f.value) for f in extract_figures(text)
                           if not counts_one(f)})
        ours = {figure_key(f.value) for f in b.figures}
        relevant += len(reference)
        found += len(reference & ours)
        shown += len(ours)
        correct += len(ours & reference)
        hedged = hedged_spans(text)
        hedged_total += len(hedged)
        kept += len(covered(hedged, b))
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
