"""Figures against CoreNLP's silver tags on news (docs/analysers.md, "Figures on news, against
silver tags").

PolNeAR's articles carry Stanford CoreNLP's annotation of every token, its named-entity tag among
it. A run of tokens tagged ``NUMBER``, ``MONEY`` or ``PERCENT`` that holds a digit is a number
CoreNLP reads as a quantity; a figure of ours with a digit in it is ours. They agree when they
overlap. Precision is the share of our figures that overlap a silver span; recall the share of
silver spans that one of our figures overlaps. Neither side is gold: CoreNLP counts
identifiers ("Boeing 757", "No. 1", "9/11") and poll results ("41-40"), which the analyser leaves
out on purpose; it leaves ages and durations to other tags ("29-year-old", "10 years"), which the
analyser reports. So the score is a check for regressions and a source of errors to read, on
the training articles, never a goal; the validation articles are only scored.

    .venv/bin/python benchmarks/figures_silver.py [--train ../shared/train] [--split validation]
        [--show 20]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from pathlib import Path
from typing import Any

from summarize.analysers.figures import extract_figures

TAGS = {"NUMBER", "MONEY", "PERCENT"}


def silver_spans(tokens: list[list[Any]], text: str) -> list[tuple[int, int, str]]:
    """Runs of tokens with the same quantity tag, holding a digit: ``(start, end, tag)``."""
    out: list[tuple[int, int, str]] = []
    run: list[Any] | None = None
    for start, end, _, _, tag, *_ in tokens:
        if run is not None and tag == run[2] and start - run[1] <= 1:
            run[1] = end
            continue
        if run is not None:
            out.append((run[0], run[1], run[2]))
        run = [start, end, tag] if tag in TAGS else None
    if run is not None:
        out.append((run[0], run[1], run[2]))
    return [s for s in out if any(c.isdigit() for c in text[s[0]:s[1]])]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", type=Path, default=Path(__file__).resolve().parents[2] /
                    "shared" / "train")
    ap.add_argument("--split", choices=("train", "validation"), action="append")
    ap.add_argument("--show", type=int, default=0,
                    help="print this many disagreements of each kind (training articles only)")
    args = ap.parse_args()
    print("| PolNeAR split | articles | silver spans | our figures | precision | recall | F1 |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for split in args.split or ["train", "validation"]:
        path = args.train / f"attributions-polnear-{split}.jsonl.gz"
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            articles = [r for r in map(json.loads, fh) if r.get("tokens")]
        silver = ours = hit_silver = hit_ours = 0
        missed: list[str] = []
        extra: list[str] = []
        for article in articles:
            text = article["text"]
            gold = silver_spans(article["tokens"], text)
            found = [f for f in extract_figures(text) if any(c.isdigit() for c in f.text)]
            silver += len(gold)
            ours += len(found)
            for s, e, tag in gold:
                if any(f.start < e and s < f.end for f in found):
                    hit_silver += 1
                else:
                    missed.append(f"{tag}: {text[max(0, s - 40):s]}[[{text[s:e]}]]{text[e:e + 30]}")
            for f in found:
                if any(f.start < e and s < f.end for s, e, _ in gold):
                    hit_ours += 1
                else:
                    extra.append(f"{text[max(0, f.start - 40):f.start]}[[{f.text}]]"
                                 f"{text[f.end:f.end + 30]}")
        p, r = hit_ours / ours, hit_silver / silver
        print(f"| {split} | {len(articles)} | {silver:,} | {ours:,} | {100 * p:.1f} | "
              f"{100 * r:.1f} | {200 * p * r / (p + r):.1f} |")
        if args.show and split == "train":
            rng = random.Random(7)
            for label, rows in (("silver only", missed), ("ours only", extra)):
                for row in rng.sample(rows, min(args.show, len(rows))):
                    print(f"  {label} | {' '.join(row.split())}")


if __name__ == "__main__":
    main()
