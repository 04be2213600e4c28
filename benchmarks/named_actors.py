"""Benchmark: what naming the actors who do not speak costs a briefing (issue #15: a briefing gets
no more than 0.3 s slower), and the mention tagger alone on 100 KB of news.

    .venv/bin/python benchmarks/named_actors.py [--limit 60]
        [--articles ../shared/train/articles-frank-train.jsonl]

Each article is briefed with the extractive strategy (no model) twice, once with the named actors
and once without them (the baseline, ``check_draft`` as before), alternately, with the analysers'
caches cleared before each, so neither run reuses the other's work. The table shows the median
and the largest time per briefing and what the named actors add; the last row times
:func:`summarize.analysers.mentions.mentions` on 100 KB of news (``benchmarks/news.py``).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from news import news_text  # benchmarks/news.py

from summarize import brief, resolve_settings
from summarize.analysers.mentions import mentions
from summarize.core import checks

ROOT = Path(__file__).resolve().parent.parent
NAMED = checks._named_as_actors
CACHES: list[Any] = []


def _text_caches() -> list[Any]:
    """The analysers' caches keyed by a text (up to 512 texts; not the models nor the caches of
    single words, which a running process keeps warm)."""
    found = []
    for name, module in list(sys.modules.items()):
        if name.startswith(("summarize.analysers.", "summarize.core.")):
            for value in vars(module).values():
                info = getattr(value, "cache_info", None)
                if info is not None and getattr(value, "__module__", None) == name and \
                        info().maxsize is not None and info().maxsize <= 512:
                    found.append(value)
    return found


def _fresh() -> None:
    for cached in CACHES:
        cached.cache_clear()


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    _fresh()
    t = time.perf_counter()
    result = fn()
    return time.perf_counter() - t, result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=Path,
                    default=ROOT.parent / "shared" / "train" / "articles-frank-train.jsonl")
    ap.add_argument("--limit", type=int, default=60)
    args = ap.parse_args()
    texts = [(ROOT / "seeds" / "north-korean-troops-kursk.txt").read_text(encoding="utf-8")]
    if args.articles.is_file():
        with args.articles.open(encoding="utf-8") as f:
            texts += [json.loads(line)["text"] for line in f][:args.limit]
    settings = resolve_settings(env={}, strategy="extractive")
    brief(texts[0], settings=settings)  # load the models once
    CACHES.extend(_text_caches())
    without, with_, added, named = [], [], [], 0
    for i, text in enumerate(texts):
        runs = {}
        for named_too in (i % 2 == 0, i % 2 == 1):  # which runs first alternates
            checks._named_as_actors = NAMED if named_too else (  # type: ignore[assignment]
                lambda *a: [])
            runs[named_too] = _timed(lambda text=text: brief(text, settings=settings))
        (base, _), (full, b) = runs[False], runs[True]
        without.append(base)
        with_.append(full)
        added.append(full - base)
        named += sum(a.role is not None and a.role.startswith("named ") for a in b.actors)
    news = news_text(100_000)
    mentions(news)  # warm
    tag = []
    for _ in range(5):
        seconds, found = _timed(lambda: mentions(news))
        tag.append(seconds)

    def ms(values: list[float]) -> str:
        return f"{1000 * statistics.median(values):.0f} / {1000 * max(values):.0f}"

    print(f"| {len(texts)} briefings (extractive; the seed and FRANK training articles) "
          "| median / largest ms |")
    print("|---|---:|")
    print(f"| without the named actors (baseline) | {ms(without)} |")
    print(f"| with them ({named} named actors added in all) | {ms(with_)} |")
    print(f"| added per briefing | {ms(added)} |")
    print(f"| ratio of the medians | {statistics.median(with_) / statistics.median(without):.2f} |")
    print(f"| the mention tagger alone, 100 KB of news ({len(found)} names), best / median of 5 "
          f"| {1000 * min(tag):.0f} / {1000 * statistics.median(tag):.0f} |")


if __name__ == "__main__":
    main()
