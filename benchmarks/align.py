"""Benchmark: align 500 evidence quotes in a 1 MB document, beside a naive baseline.

    .venv/bin/python benchmarks/align.py [--size 1000000] [--quotes 500] [--baseline 10]

The document is real news text (../shared/eval/articles-frank.jsonl when present, else the seed),
repeated with numbered paragraphs to the size asked. Quotes are drawn from it: exact copies,
copies with case/whitespace/punctuation changed (normalized), copies with a few characters
changed (fuzzy), and shuffled words that are not in it (absent). The baseline is what a simple
aligner does for a quote it cannot find verbatim: rapidfuzz's partial_ratio_alignment over the
whole normalised text; it is run on a sample of the fuzzy and absent quotes, per quote.
"""

from __future__ import annotations

import argparse
import random
import time

from news import news_text  # benchmarks/news.py
from rapidfuzz import fuzz

from summarize.analysers.sentences import sentence_spans
from summarize.core.grounding import Aligner, normalize


def make_quotes(text: str, count: int, rng: random.Random) -> list[tuple[str, str]]:
    spans = [s for s in sentence_spans(text) if 40 <= s[1] - s[0] <= 240]
    kinds = ["exact"] * 40 + ["normalized"] * 30 + ["fuzzy"] * 20 + ["absent"] * 10
    quotes = []
    for i in range(count):
        kind = kinds[i * len(kinds) // count]
        s, e = rng.choice(spans)
        q = text[s:e]
        if kind == "normalized":
            q = "  ".join(q.upper().split()).replace("'", "\u2019")
        elif kind == "fuzzy":
            chars = list(q)
            for _ in range(max(2, len(chars) // 40)):
                k = rng.randrange(len(chars))
                chars[k] = rng.choice("xqz")
            q = "".join(chars)
        elif kind == "absent":
            words = q.split()
            rng.shuffle(words)
            q = " ".join(words[::-1]) + " zebra quantum"
        quotes.append((kind, q))
    return quotes


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=1_000_000)
    ap.add_argument("--quotes", type=int, default=500)
    ap.add_argument("--baseline", type=int, default=10, help="quotes the baseline aligns")
    args = ap.parse_args()
    rng = random.Random(42)
    text = news_text(args.size, numbered=True)
    quotes = make_quotes(text, args.quotes, rng)

    began = time.perf_counter()
    aligner = Aligner(text)
    per_kind: dict[str, list[float]] = {}
    statuses: dict[str, dict[str, int]] = {}
    for kind, q in quotes:
        t = time.perf_counter()
        status = aligner.align(q).status
        per_kind.setdefault(kind, []).append(time.perf_counter() - t)
        statuses.setdefault(kind, {}).setdefault(status, 0)
        statuses[kind][status] += 1
    total = time.perf_counter() - began

    hard = [q for kind, q in quotes if kind in ("fuzzy", "absent")][: args.baseline]
    norm_text = normalize(text)
    t = time.perf_counter()
    for q in hard:
        fuzz.partial_ratio_alignment(normalize(q), norm_text, score_cutoff=85)
    baseline_per_quote = (time.perf_counter() - t) / max(1, len(hard))
    ours_hard = [d for kind in ("fuzzy", "absent") for d in per_kind.get(kind, [])]
    ours_per_hard = sum(ours_hard) / max(1, len(ours_hard))

    print(f"document: {len(text):,} characters; quotes: {len(quotes)}")
    print()
    print(f"| {'quotes':<10} | {'n':>4} | {'ms total':>9} | {'ms/quote':>8} | statuses |")
    print(f"|{'-' * 12}|{'-' * 6}|{'-' * 11}|{'-' * 10}|----------|")
    for kind, times in per_kind.items():
        found = ", ".join(f"{k} {v}" for k, v in sorted(statuses[kind].items()))
        print(f"| {kind:<10} | {len(times):>4} | {sum(times) * 1000:>9.1f} | "
              f"{sum(times) / len(times) * 1000:>8.2f} | {found} |")
    print(f"| {'all (+index)':<10} | {len(quotes):>4} | {total * 1000:>9.1f} | "
          f"{total / len(quotes) * 1000:>8.2f} | |")
    print()
    print("| fuzzy+absent quote, ms/quote | summarize | whole-text partial_ratio (baseline) | "
          "ratio |")
    print("|---|---:|---:|---:|")
    print(f"| {len(hard)} baseline quotes | {ours_per_hard * 1000:.2f} | "
          f"{baseline_per_quote * 1000:.1f} | {baseline_per_quote / ours_per_hard:.0f}x |")


if __name__ == "__main__":
    main()
