"""Comparing prompt versions (and models): a matrix of variants x documents, metrics that know
what a briefing is, and a schema-aware diff of each document between the baseline and the others.

Every briefing goes through the response cache, so re-running a comparison costs no model call.
The metrics are :mod:`.metrics`'s, the diff :mod:`.diff`'s.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import Any

from ..backends import LazyBackend
from ..backends.cache import ResponseCache
from ..config import resolve_settings
from ..core.inputs import InputFailure, iter_sources
from ..core.prompts import load_prompt
from ..document import Document
from ..errors import ConfigError, InputError, SummarizeError
from ..pipeline import brief
from ..schema import Briefing
from ..strategies import get_strategy
from .log import RunLog

__all__ = ["Comparison", "Variant", "compare", "regressions", "variant_matrix"]


from .diff import diff_briefings
from .metrics import METRICS, differs, variant_metrics

logger = logging.getLogger(__name__)


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
            metrics[variant.label] = variant_metrics(
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
