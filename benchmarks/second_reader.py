"""Where a second reader finds a measure and the figure analyser does not (docs/analysers.md,
"A second reader: where quantulum3 disagrees").

quantulum3 reads quantities by another method. Where it finds a physical unit (a length, a mass,
a duration, money: not dimensionless) and our figures hold no figure with a unit over the same
characters, is a place to look for a miss without any gold. Most such places are quantulum3's
own errors (clock times as pennies, "a bit", "a real" as reais); the rest are what the
sixteenth session mended. Run on the training articles only (fit files: their errors may be
read), never on a measure file.

    .venv/bin/python benchmarks/second_reader.py [--train ../shared/train] [--limit 100]
        [--show 30] [--seed 7]

All 1,070 articles take minutes (quantulum3 is slow; 40 took 8 s here); ``--limit``
reads the first N.
Needs quantulum3 (the ``dev`` extra).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import warnings
from collections import Counter
from pathlib import Path

from summarize.analysers.figures import extract_figures


def articles(train: Path) -> list[str]:
    texts = [json.loads(line)["text"] for line in
             (train / "articles-frank-train.jsonl").read_text(encoding="utf-8").splitlines()
             if line.strip()]
    with gzip.open(train / "attributions-polnear-train.jsonl.gz", "rt", encoding="utf-8") as f:
        texts += [json.loads(line)["text"] for line in f if line.strip()]
    return texts


def disagreements(text: str, parse: object) -> list[tuple[int, int, str, str]]:
    """``(start, end, quantulum3's unit name, what we have there)`` for each of quantulum3's
    physical quantities that no figure of ours with a unit overlaps."""
    ours = [(f.start, f.end, f.unit) for f in extract_figures(text)]
    out = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        quantities = parse(text)  # type: ignore[operator]
    for q in quantities:
        unit = q.unit.name if q.unit else "dimensionless"
        if unit == "dimensionless" or not q.span:
            continue
        start, end = q.span
        here = [u for s, e, u in ours if s < end and start < e]
        if not any(here):
            out.append((start, end, unit, "no figure" if not here else "no unit"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, default=Path("../shared/train"))
    parser.add_argument("--limit", type=int, default=None, help="read only the first N articles")
    parser.add_argument("--show", type=int, default=30, help="how many places to print")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser as quantulum
    except ImportError:
        raise SystemExit("second_reader: needs quantulum3 (pip install -e '.[dev]')") from None
    texts = articles(args.train)[:args.limit]
    found = [(i, d) for i, text in enumerate(texts) for d in disagreements(text, quantulum.parse)]
    kinds = Counter((unit, what) for _, (_, _, unit, what) in found)
    print(f"{len(found)} places in {len(texts)} articles where quantulum3 reads a unit and we "
          "have no figure with one")
    print("\n| quantulum3's unit | ours | places |\n|---|---|---:|")
    for (unit, what), n in kinds.most_common(15):
        print(f"| {unit} | {what} | {n} |")
    print()
    for i, (start, end, unit, what) in random.Random(args.seed).sample(
            found, min(args.show, len(found))):
        text = texts[i]
        context = " ".join(text[max(0, start - 60):end + 40].split())
        print(f"- {unit} ({what}): {text[start:end]!r} … {context}")


if __name__ == "__main__":
    main()
