"""Benchmark: the analysers on a 100 KB article, beside quantulum3 on the same text.

    .venv/bin/python benchmarks/analyse.py [--size 100000] [--repeat 5]

The text is real news (../shared/eval/articles-frank.jsonl when present, else the seed),
joined to the size asked, and the same text in capitals. Ours runs --repeat times, quantulum3
once (it is slow); the table shows the best and the median wall time, and the ratio of
quantulum3's time to ours (quantulum3 finds quantities only; we find figures, hedges,
attributions and names).
"""

from __future__ import annotations

import argparse
import statistics
import time
import warnings
from collections.abc import Callable
from typing import Any

from news import news_text  # benchmarks/news.py

from summarize.analysers.analysis import analyze_text
from summarize.analysers.figures import extract_figures
from summarize.analysers.mentions import named_actors


def timed(fn: Callable[[str], Any], text: str, repeat: int) -> tuple[list[float], Any]:
    times, result = [], None
    from summarize.analysers import attributions, casing, hedges

    for _ in range(repeat):
        # Every run tags the text anew (the learned analysers remember recent texts).
        casing._readable.cache_clear()
        hedges._find.cache_clear()
        hedges._sentence_cues.cache_clear()
        attributions._find.cache_clear()
        attributions._claimed.cache_clear()
        t = time.perf_counter()
        result = fn(text)
        times.append(time.perf_counter() - t)
    return times, result


def _found(result: dict[str, Any]) -> str:
    return (f"{len(result['figures'])} figures, {len(result['hedges'])} hedges, "
            f"{len(result['attributions'])} attributions, {len(result['names'])} names")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    text = news_text(args.size)
    rows = []
    ours, result = timed(analyze_text, text, args.repeat)
    rows.append(("summarize: figures+hedges+attributions+names", ours, _found(result)))
    figs, found = timed(extract_figures, text, args.repeat)
    rows.append(("summarize: figures only", figs, f"{len(found)} figures"))
    names, named = timed(named_actors, text, args.repeat)
    rows.append(("summarize: names only", names, f"{len(named)} names"))
    # The same text typed in capitals: every line is read re-cased first (casing.py).
    shouted, result = timed(analyze_text, text.upper(), args.repeat)
    rows.append(("summarize: the same text in capitals", shouted, _found(result)))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
        # One run: quantulum3 takes about a minute on 100 KB here.
        theirs, quantities = timed(parser.parse, text, 1)
        rows.append(("quantulum3 parser.parse (1 run)", theirs, f"{len(quantities)} quantities"))
    except ImportError:
        theirs = []
    print(f"text: {len(text):,} characters; {args.repeat} runs each")
    print()
    print("| tool | best ms | median ms | found |")
    print("|---|---:|---:|---|")
    for name, times, what in rows:
        print(f"| {name} | {min(times) * 1000:.1f} | {statistics.median(times) * 1000:.1f} | "
              f"{what} |")
    if theirs:
        print()
        print(f"quantulum3 median / summarize (all the analysers) median: "
              f"{statistics.median(theirs) / statistics.median(ours):.1f}x")


if __name__ == "__main__":
    main()
