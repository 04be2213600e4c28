"""The unit-head experiment (docs/analysers.md, "A unit-head model was built and not shipped").

Fits a CRF that finds the noun a number counts ("3,210 shooting victims" -> victims) on the
CoreNLP silver parses of PolNeAR's training articles (each number's ``nummod`` head is its label),
and measures it on the validation articles' parses, alone and inside the figure analyser, beside
the rules; then the dev and CQE scores with the model in the analyser.

    .venv/bin/python benchmarks/unit_heads.py [--train ../shared/train] [--eval ../shared/eval]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pycrfsuite

from summarize.analysers import evaluation
from summarize.analysers.crf import CRFModel, word_shape
from summarize.analysers.figures import extract_figures
from summarize.analysers.figures import units as units_module
from summarize.analysers.figures import words as W
from summarize.document import jsonl_lines

WINDOW = 6
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
Span = tuple[int, int]


def read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for _, line in jsonl_lines(path)]


def window_after(text: str, end: int) -> list[Span]:
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text, end, min(len(text), end + 80))
            ][:WINDOW]


def examples(record: dict[str, Any]) -> Iterator[tuple[str, str, int, list[Span], list[str]]]:
    """Per number (a CoreNLP ``CD`` token ending a run) followed by a word: the text, the
    number's text, its end, our tokens after it and their labels (``M`` up to the ``nummod``
    head, ``H`` the head, ``O`` else)."""
    tokens, text = record.get("tokens"), record["text"]
    if not tokens:
        return
    for i, token in enumerate(tokens):
        if token[3] != "CD" or (i + 1 < len(tokens) and tokens[i + 1][3] == "CD"):
            continue
        end = token[1]
        window = window_after(text, end)
        if not window or not text[window[0][0]].isalpha():
            continue
        head = tokens[token[5]][:2] if token[6] == "nummod" and token[5] > i else None
        labels = []
        for s, e in window:
            if head and s < head[1] and head[0] < e:
                labels.append("H")
            elif head and "H" not in labels and e <= head[0]:
                labels.append("M")
            else:
                labels.append("O")
        if "H" not in labels:
            labels = ["O"] * len(window)
        yield text, text[token[0]:token[1]], end, window, labels


def features(text: str, number: str, window: list[Span]) -> list[list[str]]:
    words = [text[s:e] for s, e in window]
    lower = [w.lower() for w in words]
    num = number.lower()
    kind = ("num=one" if num in ("1", "one", "a", "an") else
            "num=year" if re.fullmatch(r"(18|19|20)\d\d", num) else
            "num=word" if num.isalpha() else "num=digit")
    rows = []
    for k, (w, low) in enumerate(zip(words, lower, strict=True)):
        f = ["bias", f"k={k}", f"w={low}", f"suf2={low[-2:]}", f"suf3={low[-3:]}",
             f"shape={word_shape(w)}", "cap" if w[:1].isupper() else "low", kind]
        if W.is_plural(low):
            f.append("plural")
        if W.participle(low):
            f.append("participle")
        for name, table in (("stop", W.STOP_UNIT), ("measure", W.MEASURE_WORDS),
                            ("unitname", W.UNIT_NAMES), ("function", W.FUNCTION_WORDS)):
            if low in table:
                f.append(name)
        if not w[0].isalnum():
            f.append("punct")
        for d in (-2, -1, 1, 2):
            j = k + d
            f.append(f"w{d:+d}=" + (lower[j] if 0 <= j < len(words) else
                                    "<num>" if j == -1 else num if j < 0 else "<pad>"))
        if k > 0:
            f.append(f"b={lower[k - 1]}|{low}")
        rows.append(f)
    return rows


def head_of(labels: list[str], window: list[Span]) -> Span | None:
    return next((span for span, label in zip(window, labels, strict=True) if label == "H"), None)


def prf(pairs: list[tuple[Span | None, Span | None]]) -> tuple[float, float, float, int]:
    hit = sum(1 for g, p in pairs if g and p == g)
    predicted = sum(1 for _, p in pairs if p)
    gold = sum(1 for g, _ in pairs if g)
    precision, recall = hit / max(predicted, 1), hit / max(gold, 1)
    return (100 * precision, 100 * recall,
            100 * 2 * precision * recall / max(precision + recall, 1e-9), gold)


def model_noun_unit(model: CRFModel, rules: Callable[..., tuple[str | None, int]]
                    ) -> Callable[[str, int, float], tuple[str | None, int]]:
    """``_noun_unit`` with the model choosing the head; known unit words stay the lexicon's."""
    def noun_unit(text: str, end: int, value: float) -> tuple[str | None, int]:
        first = re.match(r"\s*([A-Za-z]+)", text[end:end + 40])
        if first and (first.group(1).lower() in W.MEASURE_WORDS or
                      first.group(1).lower() in W.UNIT_NAMES):
            return rules(text, end, value)
        window = window_after(text, end)
        if not window or not text[window[0][0]].isalpha():
            return None, end
        start = end
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        labels = model.tag(features(text, text[start:end], window))
        if "H" not in labels or "O" in labels[:labels.index("H")]:
            return None, end
        span = window[:labels.index("H") + 1]
        if any(not text[s].isalnum() for s, _ in span):
            return None, end
        unit, stop = text[span[0][0]:span[-1][1]], span[-1][1]
        if unit.endswith(("'s", "’s")):
            unit, stop = unit[:-2], stop - 2
        return unit, stop
    return noun_unit


def pipeline_heads(records: list[dict[str, Any]]) -> list[tuple[Span | None, Span | None]]:
    pairs = []
    for record in records:
        found = extract_figures(record["text"])
        for _, _, end, window, labels in examples(record):
            figure = next((f for f in found if f.start < end <= f.end), None)
            if figure is None:
                continue
            predicted = next((s for s in window if s[1] == figure.end), None) \
                if figure.end > end else None
            pairs.append((head_of(labels, window), predicted))
    return pairs


def main() -> int:
    root = Path(__file__).resolve().parent.parent.parent / "shared"
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", type=Path, default=root / "train")
    ap.add_argument("--eval", type=Path, default=root / "eval")
    args = ap.parse_args()
    t0 = time.perf_counter()
    train = read(args.train / "attributions-polnear-train.jsonl.gz")
    validation = read(args.train / "attributions-polnear-validation.jsonl.gz")
    trainer = pycrfsuite.Trainer(verbose=False)
    n = 0
    for record in train:
        for text, number, _, window, labels in examples(record):
            trainer.append(features(text, number, window), labels)
            n += 1
    trainer.set_params({"c1": 0.05, "c2": 0.01, "max_iterations": 150,
                        "feature.possible_transitions": True})
    with tempfile.TemporaryDirectory() as tmp:
        trainer.train(str(Path(tmp) / "heads.crfsuite"))
        model = CRFModel(str(Path(tmp) / "heads.crfsuite"), {})
    print(f"fitted on {n} numbers in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    alone: list[tuple[Span | None, Span | None]] = []
    scanner: list[tuple[Span | None, Span | None]] = []
    for record in validation:
        for text, number, end, window, labels in examples(record):
            gold = head_of(labels, window)
            alone.append((gold, head_of(model.tag(features(text, number, window)), window)))
            value = 1.0 if number.lower() in ("1", "one") else 2.0
            unit, stop = units_module.unit_after(text, end, value, False)
            scanner.append((gold, next((s for s in window if s[1] == stop), None)
                            if unit else None))
    rules = units_module._noun_unit
    rows = [("the model alone", prf(alone)), ("unit_after alone", prf(scanner)),
            ("analyser, rules", prf(pipeline_heads(validation)))]
    units_module._noun_unit = model_noun_unit(model, rules)  # type: ignore[assignment]
    rows.append(("analyser, model head", prf(pipeline_heads(validation))))
    print("| unit heads (PolNeAR validation) | P | R | F1 | gold heads |")
    print("|---|---:|---:|---:|---:|")
    for name, (p, r, f, g) in rows:
        print(f"| {name} | {p:.1f} | {r:.1f} | {f:.1f} | {g} |")
    print("\n| value+unit F1 | rules | model head |\n|---|---:|---:|")
    for path in (args.eval / "figures-newsquant.jsonl", args.train / "figures-cqe-units.jsonl"):
        units_module._noun_unit = rules
        before = next(r["f1"] for r in evaluation.evaluate("figures", path)
                      if r["metric"] == "value+unit")
        units_module._noun_unit = model_noun_unit(model, rules)  # type: ignore[assignment]
        after = next(r["f1"] for r in evaluation.evaluate("figures", path)
                     if r["metric"] == "value+unit")
        print(f"| {path.name} | {before} | {after} |")
    units_module._noun_unit = rules
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
