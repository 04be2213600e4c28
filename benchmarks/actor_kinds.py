"""An actor's kind, read from its first mention or from all of them, against CoreNLP's silver
named-entity tags (docs/analysers.md, "What kind of actor a source is").

The briefing lists a named source once, however often it speaks
(``summarize.core.checks.mentions_by_actor``), so it shows one kind per actor. Here the gold
sources of PolNeAR's articles are grouped as the briefing groups the analyser's, and each
actor's kind, read from its first mention or voted by all its mentions
(``summarize.core.checks.actor_kind``), is compared with the kind its mentions' silver tags
give. The silver side needs one kind per actor too, and there are two fair ways to read it: the
kind most mentions' tags give, or the kind most give among the mentions CoreNLP tagged as an
entity at all (a surname it left untagged says nothing). Both are in the table.

    .venv/bin/python benchmarks/actor_kinds.py [--train ../shared/train]
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from summarize.analysers.attributions.spans import Attribution, Span
from summarize.analysers.source_kinds import kind_of, phrase_tokens
from summarize.analysers.train_names import silver_labels
from summarize.core.checks import actor_kind, mentions_by_actor


def _silver_kind(record: dict[str, Any], starts: list[int], start: int, end: int) -> str:
    """The kind the silver tags give the phrase ``text[start:end]`` (its head word's)."""
    text = record["text"]
    tokens = phrase_tokens(text, start, end)
    return kind_of([text[s:e] for s, e in tokens], silver_labels(record["tokens"], starts, tokens))


def _most(kinds: Sequence[str]) -> str:
    votes = Counter(kinds)
    return next(k for k in kinds if votes[k] == max(votes.values()))


def _gold_attributions(record: dict[str, Any]) -> list[Attribution]:
    text, out = record["text"], []
    for relation in record["attributions"]:
        spans = [relation.get(part) for part in ("source", "cue", "content")]
        if any(s is None for s in spans):
            continue
        out.append(Attribution(*(Span(text[s["start"]:s["end"]], s["start"], s["end"])
                                 for s in spans)))  # type: ignore[index]
    return sorted(out, key=lambda a: a.source.start)


def score(records: list[dict[str, Any]]) -> dict[str, Any]:
    hits: Counter[tuple[str, str]] = Counter()
    actors = 0
    for record in records:
        if not record.get("tokens"):
            continue
        starts = [t[0] for t in record["tokens"]]
        for mentions in mentions_by_actor(record["text"], _gold_attributions(record)):
            silver = [_silver_kind(record, starts, actor.start, actor.end)
                      for actor, _ in mentions]
            gold = {"all mentions": _most(silver),
                    "mentions tagged": _most([k for k in silver if k != "other"] or ["other"])}
            ours = {"first mention": mentions[0][0].kind, "voted (shipped)": actor_kind(mentions)}
            actors += 1
            for g, g_kind in gold.items():
                for o, o_kind in ours.items():
                    hits[(o, g)] += o_kind == g_kind
    return {"actors": actors, "hits": hits}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, default=Path(__file__).resolve().parents[2]
                        / "shared" / "train")
    args = parser.parse_args()
    print("| actor kind agrees with silver (%) | split | actors | silver: most mentions | "
          "silver: most mentions tagged as an entity |")
    print("|---|---|---:|---:|---:|")
    for split in ("validation", "train"):
        with gzip.open(args.train / f"attributions-polnear-{split}.jsonl.gz", "rt",
                       encoding="utf-8") as f:
            records = [json.loads(line) for line in f]
        result = score(records)
        n = result["actors"]
        for ours in ("first mention", "voted (shipped)"):
            cells = [f"{100 * result['hits'][(ours, g)] / n:.1f}"
                     for g in ("all mentions", "mentions tagged")]
            print(f"| {ours} | {split} | {n} | {' | '.join(cells)} |")


if __name__ == "__main__":
    main()
