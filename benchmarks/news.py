"""Real news text for the benchmarks: the shared dev articles when present, else the seed."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def news_text(size: int, *, numbered: bool = False) -> str:
    """Articles joined (optionally as numbered paragraphs) and cut to ``size`` characters."""
    frank = ROOT.parent / "shared" / "eval" / "articles-frank.jsonl"
    if frank.is_file():
        lines = frank.read_text(encoding="utf-8").splitlines()
        texts = [json.loads(line)["text"] for line in lines if line.strip()]
    else:
        texts = [(ROOT / "seeds" / "north-korean-troops-kursk.txt").read_text(encoding="utf-8")]
    parts, total, n = [], 0, 0
    while total < size:
        piece = (f"[{n}] " if numbered else "") + texts[n % len(texts)] + "\n\n"
        parts.append(piece)
        total += len(piece)
        n += 1
    return "".join(parts)[:size]
