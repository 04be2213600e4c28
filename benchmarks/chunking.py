"""Benchmark: cutting a long document into parts for the embedded model's context, with its own
token counts beside the character estimate they replaced.

    .venv/bin/python benchmarks/chunking.py [--context 8192] [--repeat 5]

Documents: real news prose (../shared/eval/articles-frank.jsonl when present, else the seed) at
64 KB and 256 KB, and a dense 32 KB log of codes, figures and times. For each way of sizing, the
number of parts, how many of them are longer than the room the context leaves (such a part fails
at the server), and the planning time (median of the runs; the exact way includes counting).
"""

from __future__ import annotations

import argparse
import statistics
import time

from news import news_text  # benchmarks/news.py

import summarize.core.budget as budget
import summarize.pipeline as pipeline
from summarize import document_from_text
from summarize.backends.local import default_model_path, gguf_token_counter
from summarize.config import resolve_settings


def dense_text(size: int) -> str:
    lines, i = [], 0
    while sum(len(x) + 1 for x in lines) < size:
        lines.append(f"Unit {i:04d}-KX reported {i * 7.3:.2f} km at 0{i % 10}:4{i % 6} "
                     f"(grid {i * 131 % 997}/{i * 17 % 89}).")
        i += 1
    return " ".join(lines)[:size]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--context", type=int, default=8192)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    count = gguf_token_counter(str(default_model_path()))
    assert count is not None, "the embedded model's vocabulary could not be loaded"
    settings = resolve_settings(env={}, strategy="generative")
    exact_counter = budget.token_counter
    print(f"context {args.context} tokens, {settings.max_tokens} kept for the answer; "
          f"{args.repeat} runs each\n")
    print("| document | characters | tokens | chars/token | sizing | parts | parts too long "
          "| plan ms (median) |")
    print("|---|---:|---:|---:|---|---:|---:|---:|")
    for name, text in (("news prose 64 KB", news_text(64_000)),
                       ("news prose 256 KB", news_text(256_000)),
                       ("dense log 32 KB", dense_text(32_000))):
        tokens = count(text)
        document = document_from_text(text, name)
        for sizing in ("estimate (2.2 chars/token)", "exact (model vocabulary)"):
            budget.token_counter = (exact_counter if sizing.startswith("exact")  # type: ignore[assignment]
                                       else lambda s: None)
            times = []
            for _ in range(args.repeat):
                began = time.perf_counter()
                job = pipeline.plan(document, settings, context_tokens=args.context)
                times.append((time.perf_counter() - began) * 1000)
            room = args.context - settings.max_tokens
            too_long = sum(1 for call in job.calls
                           if sum(count(m["content"]) + 7 for m in call.messages) > room)
            print(f"| {name} | {len(text):,} | {tokens:,} | {len(text) / tokens:.2f} | {sizing} "
                  f"| {len(job.chunks)} | {too_long} | {statistics.median(times):.0f} |")
    budget.token_counter = exact_counter


if __name__ == "__main__":
    main()
