"""Benchmark: the analysers on text with no sentence ends, beside news of the same length.

    .venv/bin/python benchmarks/run_on.py [--size 10000]

Hostile or odd input (a list pasted without full stops, a word repeated, a run of
abbreviations) makes one "sentence" of thousands of cues. Each row times ``analyze_text`` on a
piece repeated to ``--size`` characters and to four times that; ``growth`` is the ratio of the
two times: about 4 is linear, 16 quadratic. The first row is real news of the same lengths
(``benchmarks/news.py``), the baseline of the same run.
"""

from __future__ import annotations

import argparse

from analyse import timed  # benchmarks/analyse.py
from news import news_text  # benchmarks/news.py

from summarize.analysers.analysis import analyze_text

PIECES = ["said ", "according to ", "who said that ", "Mr. John Smith ", "she said rupees ’s ",
          "said, ", "may ", "!", "...", "5 kg "]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=10_000)
    args = ap.parse_args()
    texts = [("news (baseline)", news_text(args.size), news_text(4 * args.size))]
    for piece in PIECES:
        n = -(-args.size // len(piece))
        texts.append((repr(piece), piece * n, piece * (4 * n)))
    print(f"sizes: {args.size:,} and {4 * args.size:,} characters; best of 2 runs")
    print()
    print("| text | ms at size | ms at 4 x size | growth |")
    print("|---|---:|---:|---:|")
    for name, small, large in texts:
        a = min(timed(analyze_text, small, 2)[0])
        b = min(timed(analyze_text, large, 2)[0])
        print(f"| {name} | {a * 1000:.0f} | {b * 1000:.0f} | {b / a:.1f} |", flush=True)


if __name__ == "__main__":
    main()
