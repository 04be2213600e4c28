"""Scoring the analysers against public gold data (``summarize eval``).

* figures (NewsQuant): a gold quantity and a predicted one match on value (relative tolerance
  1e-5; ranges as (low, high) pairs); ``value+unit`` also needs the same normalised unit,
  ``value+change`` the same change (``=``, ``~``, ``>``, ``<``, ``up``, ``down``). Two countings:
  the NewsQuant paper's script (re-implemented in ``_PaperCounts``; its published scores are
  counted that way, so ours compare with them) and a stricter one-to-one greedy matching per
  sentence per metric (rows marked ``(one-to-one)``). quantulum3 is scored in the same run on
  the same sentences as that script scores it (gold ranges against its single value by their
  mean; its unit names mapped to NewsQuant's; it reports no change).
* hedges (Szeged uncertainty corpus, FactBank part): cue spans, exact and overlap match.
* attributions (PolNeAR): source, cue and content spans, overlap match.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from ..document import jsonl_lines
from ..errors import InputError
from .attributions import find_attributions
from .figures import canonical_unit, extract_figures
from .figures.canonical import is_measure
from .figures.numbers import SHARE
from .hedges import find_hedges

__all__ = ["Score", "evaluate", "format_table"]

Value = float | tuple[float, float]


@dataclass
class Score:
    """Precision counts matched predictions; recall counts matched gold items."""

    matched_pred: int = 0
    pred: int = 0
    matched_gold: int = 0
    gold: int = 0

    def add(self, matched_pred: int, pred: int, matched_gold: int, gold: int) -> None:
        self.matched_pred += matched_pred
        self.pred += pred
        self.matched_gold += matched_gold
        self.gold += gold

    @property
    def precision(self) -> float:
        return self.matched_pred / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _records(path: str | Path) -> Iterator[dict[str, Any]]:
    p = Path(path)
    count = 0
    for n, line in jsonl_lines(p):
        try:
            record = json.loads(line)
        except ValueError as exc:
            raise InputError(f"{p}:{n}: not JSON", original=exc) from exc
        if not isinstance(record, dict):
            raise InputError(f"{p}:{n}: not a JSON object")
        count += 1
        yield record
    if not count:
        raise InputError(f"{p}: no records: nothing to evaluate")


# ----------------------------------------------------------------------------- figures


def _gold_value(raw: Any, average_ranges: bool = False) -> Value:
    text = str(raw)
    if "-" in text[1:] and "e" not in text.lower():
        low, high = text[0] + text[1:].split("-", 1)[0], text[1:].split("-", 1)[1]
        if average_ranges:
            return (float(low) + float(high)) / 2
        return (float(low), float(high))
    return float(text)


def _close(a: Value, b: Value) -> bool:
    if isinstance(a, tuple) or isinstance(b, tuple):
        if not (isinstance(a, tuple) and isinstance(b, tuple)):
            return False
        return all(math.isclose(x, y, rel_tol=1e-5, abs_tol=1e-8) for x, y in zip(a, b,
                                                                                  strict=True))
    return math.isclose(a, b, rel_tol=1e-5, abs_tol=1e-8)


def _greedy(gold: list[dict[str, Any]], pred: list[dict[str, Any]],
            same: Callable[[dict[str, Any], dict[str, Any]], bool]) -> int:
    used: set[int] = set()
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and _close(g["value"], p["value"]) and same(g, p):
                used.add(i)
                break
    return len(used)


# "from $36,040 at 10.45pm to $34,935", "narrowed to 138,285 lots from 212,577 lots": a change
# between two levels, which NewsQuant annotates as one quantity with a (from, to) range value.
_FROM_TO = re.compile(r"\s+(?:[\w’'.-]+\s+){0,6}?to\s+$")
# "to 3.9 million up from 2.4 million" compares two levels: NewsQuant keeps them apart.
_TO_FROM = re.compile(r"\s+(?:[\w’'.-]+\s+){0,6}?(?<!\bup )(?<!\bdown )from\s+$")


def _ours(text: str) -> list[dict[str, Any]]:
    """Our figures in NewsQuant's terms: canonical units, a fraction's unit as a share ("%
    condo" for "half the condos"), and a change from one level to another as one (from, to)
    quantity, as NewsQuant annotates it; the analyser itself reports the two levels as two
    figures."""
    figures = extract_figures(text)
    out: list[dict[str, Any]] = []
    i = 0
    while i < len(figures):
        f = figures[i]
        value: Value = (f.low, f.high) if f.low is not None and f.high is not None else f.value
        g = figures[i + 1] if i + 1 < len(figures) else None
        if g is not None and f.low is None and g.low is None and \
                (f.unit is None or g.unit is None or canonical_unit(f.unit) ==
                 canonical_unit(g.unit)):
            before = text[max(0, f.start - 12):f.start]
            between = text[f.end:g.start]
            if re.search(r"\bfrom\s+$", before) and _FROM_TO.fullmatch(between):
                value = (f.value, g.value)
            elif re.search(r"\bto\s+$", before) and _TO_FROM.fullmatch(between):
                value = (g.value, f.value)
            if isinstance(value, tuple):
                unit = f.unit or g.unit
                out.append({"value": value, "unit": canonical_unit(unit), "change": f.change})
                i += 2
                continue
        unit = canonical_unit(f.unit)
        if f.value < 1 and (SHARE.search(f.text) or "/" in f.text and " of " in f.text) and \
                not is_measure(f.unit):  # a share in digits too: "1/3 of voters"
            unit = f"% {unit}"  # NewsQuant writes "half the condos" as 0.5 "% condo"
        out.append({"value": value, "unit": unit, "change": f.change})
        i += 1
    return out


# quantulum3's unit names that differ from NewsQuant's; the rest go through canonical_unit.
QUANTULUM_NAMES = {
    "dimensionless": "-", "dollar dollar": "dollar",
    "per cent": "percentage", "percentage drop": "percentage", "tonne": "metric ton",
    "degree angle": "degree", "degree celsius": "celsius", "degree fahrenheit": "fahrenheit",
    "euro": "euro", "pound sterling": "pound sterling", "second of arc": "second",
    "minute of arc": "minute", "cubic centimetre": "millilitre",
}


def _quantulum(text: str) -> list[dict[str, Any]] | None:
    try:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except ImportError:
        return None
    out = []
    for q in parser.parse(text):
        name = q.unit.name.lower() if q.unit else "dimensionless"
        unit = QUANTULUM_NAMES.get(name) or canonical_unit(name)
        out.append({"value": float(q.value), "unit": unit, "change": None})
    return out


@dataclass
class _PaperCounts:
    """The counts of the NewsQuant paper's evaluation script (CQE_Evaluation,
    ``evaluate_models.calculate_metrics``), re-implemented: per sentence, gold and predictions
    are sorted by unit; for each gold quantity the predictions are walked in order; a prediction
    with the same value counts once towards ``value`` (at most as many as there are gold
    quantities in the sentence) and towards ``value+change`` when its change is the same; the
    first one that also has the same unit counts towards ``value+unit`` and is used up."""

    value: int = 0
    unit: int = 0
    change: int = 0
    gold: int = 0
    pred: int = 0

    def add(self, gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> None:
        self.gold += len(gold)
        self.pred += len(pred)
        left = len(gold)
        tags = sorted(pred, key=lambda p: p["unit"])
        for g in sorted(gold, key=lambda g: g["unit"]):
            for p in tags:
                if not _close(g["value"], p["value"]):
                    continue
                if left > 0:
                    self.value += 1
                    left -= 1
                if p["change"] is not None and p["change"] == g["change"]:
                    self.change += 1
                if p["unit"] == g["unit"]:
                    self.unit += 1
                    tags.remove(p)
                    break

    def score(self, metric: str) -> Score:
        hits = {"value": self.value, "value+unit": self.unit, "value+change": self.change}[metric]
        return Score(matched_pred=hits, pred=self.pred, matched_gold=hits, gold=self.gold)


def _figures(path: str | Path) -> list[dict[str, Any]]:
    records = list(_records(path))
    # A file without changes (CQE's test sets annotate value and unit only) scores no change.
    annotated = any("change" in q for r in records for q in r["quantities"])
    metrics = ("value", "value+unit", "value+change") if annotated else ("value", "value+unit")
    same: dict[str, Callable[[dict[str, Any], dict[str, Any]], bool]] = {
        "value": lambda g, p: True,
        "value+unit": lambda g, p: g["unit"] == p["unit"],
        "value+change": lambda g, p: g["change"] == p["change"],
    }
    ours = {m: Score() for m in metrics}
    ours_paper = _PaperCounts()
    theirs: dict[str, Score] | None = {m: Score() for m in metrics}
    theirs_paper: _PaperCounts | None = _PaperCounts()
    for record in records:
        text = record["text"]
        gold = [{"value": _gold_value(q["value"]), "unit": q["normalized_unit"].lower(),
                 "change": q["change"] if annotated else None} for q in record["quantities"]]
        pred = _ours(text)
        ours_paper.add(gold, pred)
        for m in metrics:
            hits = _greedy(gold, pred, same[m])
            ours[m].add(hits, len(pred), hits, len(gold))
        if theirs is not None and theirs_paper is not None:
            q_pred = _quantulum(text)
            if q_pred is None:
                theirs = theirs_paper = None
                continue
            # As the paper's script scores quantulum3: a gold range against its mean.
            q_gold = [{**g, "value": _gold_value(q["value"], average_ranges=True)}
                      for g, q in zip(gold, record["quantities"], strict=True)]
            theirs_paper.add(q_gold, q_pred)
            for m in metrics:
                hits = _greedy(q_gold, q_pred, same[m]) if m != "value+change" else 0
                theirs[m].add(hits, len(q_pred), hits, len(gold))
    rows = []
    for label, counts, strict, other_counts, other_strict in (
            ("", ours_paper, None, theirs_paper, None),
            (" (one-to-one)", None, ours, None, theirs)):
        for m in metrics:
            score = counts.score(m) if counts is not None else strict[m]  # type: ignore[index]
            row = _row(m + label, score)
            if theirs is not None:
                other = (other_counts.score(m) if other_counts is not None
                         else other_strict[m])  # type: ignore[index]
                row["quantulum3_f1"] = None if m == "value+change" else round(100 * other.f1, 1)
            rows.append(row)
    return rows


# ----------------------------------------------------------------------------- hedges


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


_Item = TypeVar("_Item")


def _span_scores(gold: Sequence[_Item], pred: Sequence[_Item], match: Callable[[_Item, _Item], bool]
                 ) -> tuple[int, int, int, int]:
    matched_pred = sum(1 for p in pred if any(match(p, g) for g in gold))
    matched_gold = sum(1 for g in gold if any(match(p, g) for p in pred))
    return matched_pred, len(pred), matched_gold, len(gold)


def hedge_scores(records: Iterable[dict[str, Any]],
                 find: Callable[[str], list[Any]] = find_hedges) -> tuple[Score, Score]:
    """Exact and overlap scores of ``find``'s cues against records of gold sentences."""
    exact, overlap = Score(), Score()
    for record in records:
        for sentence in record["sentences"]:
            gold = [(c["start"], c["end"]) for c in sentence["cues"]]
            pred = [(h.start, h.end) for h in find(sentence["text"])]
            exact.add(*_span_scores(gold, pred, lambda a, b: a == b))
            overlap.add(*_span_scores(gold, pred, _overlap))
    return exact, overlap


def _hedges(path: str | Path) -> list[dict[str, Any]]:
    exact, overlap = hedge_scores(_records(path))
    return [_row("cue (exact)", exact), _row("cue (overlap)", overlap)]


# ----------------------------------------------------------------------------- attributions


ATTRIBUTION_LABELS = {"Source": "source", "Cue": "cue", "Content": "content"}


def attribution_scores(records: Iterable[dict[str, Any]],
                       find: Callable[[str], list[Any]] = find_attributions
                       ) -> dict[str, Score]:
    """Overlap scores per part (source, cue, content) of ``find``'s attributions, and, where
    the records link their spans into attributions (``attributions``: source, cue and content
    each), ``relation``: who said what, a found attribution matching a gold one when each of
    its three parts overlaps that attribution's part."""
    scores = {attr: Score() for attr in ATTRIBUTION_LABELS.values()}
    relation = Score()
    for record in records:
        found = find(record["text"])
        for label, attr in ATTRIBUTION_LABELS.items():
            gold = [(s["start"], s["end"]) for s in record["spans"] if s["label"] == label]
            pred = sorted({(getattr(a, attr).start, getattr(a, attr).end) for a in found})
            scores[attr].add(*_span_scores(gold, pred, _overlap))
        linked = [tuple((a[part]["start"], a[part]["end"]) for part in _PARTS)
                  for a in record.get("attributions") or () if all(a.get(p) for p in _PARTS)]
        if linked:
            triples = sorted({tuple((getattr(a, part).start, getattr(a, part).end)
                                    for part in _PARTS) for a in found})
            relation.add(*_span_scores(linked, triples, _same_relation))
    if relation.gold:
        scores["relation"] = relation
    return scores


_PARTS = tuple(ATTRIBUTION_LABELS.values())


def _same_relation(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> bool:
    return all(_overlap(x, y) for x, y in zip(a, b, strict=True))


def _attributions(path: str | Path) -> list[dict[str, Any]]:
    return [_row("source+cue+content (relation)" if attr == "relation" else f"{attr} (overlap)",
                 score) for attr, score in attribution_scores(_records(path)).items()]


def _row(metric: str, score: Score) -> dict[str, Any]:
    return {"metric": metric, "precision": round(100 * score.precision, 1),
            "recall": round(100 * score.recall, 1), "f1": round(100 * score.f1, 1),
            "gold": score.gold, "predicted": score.pred}


_TASKS: dict[str, Callable[[str | Path], list[dict[str, Any]]]] = {
    "figures": _figures, "hedges": _hedges, "attributions": _attributions,
}


def evaluate(task: str, path: str | Path) -> list[dict[str, Any]]:
    """Score one analyser on a gold file; rows of metric, precision, recall, F1 (percent)."""
    if task not in _TASKS:
        raise InputError(f"unknown evaluation {task!r}: use one of {', '.join(_TASKS)}")
    try:
        return _TASKS[task](path)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        # A missing field, a wrong type or a gold value that is not a number.
        raise InputError(f"{path}: not a {task} gold file ({type(exc).__name__}: {exc})",
                         original=exc) from exc


def format_table(rows: Iterable[dict[str, Any]]) -> str:
    """A Markdown table of evaluation rows."""
    rows = list(rows)
    if not rows:
        return ""
    heads = list(rows[0])
    names = {"quantulum3_f1": "quantulum3 F1", "f1": "F1"}
    lines = ["| " + " | ".join(names.get(h, h) for h in heads) + " |",
             "|" + "|".join("---" if h == "metric" else "---:" for h in heads) + "|"]
    for r in rows:
        lines.append("| " + " | ".join("n/a" if r[h] is None else str(r[h]) for h in heads) +
                     " |")
    return "\n".join(lines) + "\n"
