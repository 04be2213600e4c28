"""Which source a sentence-long claim is credited to, against PolNeAR's attributions
(docs/analysers.md, "Who a claim is credited to").

A key claim is usually one sentence, and a sentence can hold several attributions ("While media
outlets reported X, the agency stated that Y"). The briefing credits the claim to one of the
attributions the analyser finds in it (``summarize.core.checks._attribution_in``). Here the
gold main source of a sentence is the source of the gold attribution whose content covers most
of it; sentences whose main source is a pronoun, or has no source, are left out, as the
briefing leaves pronoun sources out. A credit is right when its source overlaps that one.

The table holds the shipped order and the orders it was chosen from, on the validation
articles (a measure file) and the training articles (which the tagger was fitted on, so its
attributions there are better than on news it has not seen).

    .venv/bin/python benchmarks/claim_sources.py [--train ../shared/train]
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from summarize.analysers.attributions import PRONOUN_SOURCES, claimed_attributions, credited_in
from summarize.analysers.attributions.pronouns import PERSONAL_PRONOUNS
from summarize.analysers.attributions.spans import Attribution, Span
from summarize.analysers.sentences import sentence_spans
from summarize.analysers.source_kinds import source_actor

PRONOUN_ROW = "shipped, sentences whose main source is he or she (the person: see _person_before)"

# A candidate: (attribution, characters of the sentence its content covers, content length,
# whether its cue is in the sentence, cue offset).
Candidate = tuple[Attribution, int, int, bool, int]


def _in_sentence(attributions: list[Attribution], start: int, end: int) -> list[Candidate]:
    out = []
    for a in attributions:
        covered = min(a.content.end, end) - max(a.content.start, start)
        cue_inside = start <= a.cue.start < end
        if covered > 0 or cue_inside:
            out.append((a, covered, a.content.end - a.content.start, cue_inside, a.cue.start))
    return out


ORDERS: dict[str, Callable[[list[Candidate]], Candidate]] = {
    "shortest content (before)": lambda c: min(c, key=lambda x: x[2]),
    "first cue": lambda c: min(c, key=lambda x: x[4]),
    "last cue": lambda c: max(c, key=lambda x: x[4]),
    "most of the sentence covered": lambda c: max(c, key=lambda x: (x[1], -x[2])),
    "cue inside, then most covered": lambda c: max(c, key=lambda x: (x[3], x[1], -x[2])),
}


def _gold(record: dict[str, Any]) -> list[Attribution]:
    out = []
    for a in record["attributions"]:
        if not {"source", "cue", "content"} <= a.keys():
            continue
        out.append(Attribution(*(Span(a[k]["text"], a[k]["start"], a[k]["end"])
                                 for k in ("source", "cue", "content"))))
    return out


def _person_before(text: str, gold: list[Attribution], pronoun: Span) -> Span | None:
    """The person a gold "he" or "she" source stands for, by proxy: the nearest gold source
    before it that names a person (PolNeAR links no pronoun to its antecedent)."""
    for a in sorted(gold, key=lambda a: -a.source.start):
        if a.source.start >= pronoun.start or a.source.text.lower() in PRONOUN_SOURCES:
            continue
        actor = source_actor(text, a.source.start, a.source.end)
        if actor is not None and actor.named and actor.kind == "person":
            return Span(text[actor.start:actor.end], actor.start, actor.end)
    return None


def score(path: Path) -> dict[str, list[int]]:
    """Per order: [right, wrong, sentences with a gold main source]; and, as
    ``PRONOUN_ROW``, the shipped credits of the sentences whose main source is "he" or "she",
    right when they name the person of :func:`_person_before`."""
    orders = {**ORDERS, "shipped (credited_in)": None}
    counts = {name: [0, 0, 0] for name in orders}
    pronouns = counts[PRONOUN_ROW] = [0, 0, 0]
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            text = record["text"]
            found = claimed_attributions(text)
            gold = _gold(record)
            for start, end in sentence_spans(text):
                here = _in_sentence(gold, start, end)
                if not here:
                    continue
                main = max(here, key=lambda x: (x[1], -x[2]))[0].source
                if main.text.lower() in PERSONAL_PRONOUNS:
                    person = _person_before(text, gold, main)
                    credit = credited_in(found, start, end)
                    if person is None:
                        continue
                    pronouns[2] += 1
                    if credit is not None:
                        source = credit[1].source
                        right = min(source.end, person.end) > max(source.start, person.start)
                        pronouns[0 if right else 1] += 1
                    continue
                if main.text.lower() in PRONOUN_SOURCES:
                    continue
                ours = _in_sentence(found, start, end)
                for name, order in orders.items():
                    counts[name][2] += 1
                    if not ours:
                        continue
                    shipped = credited_in(found, start, end)
                    assert shipped is not None
                    credited = order(ours)[0] if order is not None else shipped[1]
                    right = (min(credited.source.end, main.end)
                             > max(credited.source.start, main.start))
                    counts[name][0 if right else 1] += 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, default=Path("../shared/train"))
    args = parser.parse_args()
    print("| credit order | split | sentences | credited right | credited wrong | accuracy |")
    print("|---|---|---:|---:|---:|---:|")
    for split in ("validation", "train"):
        counts = score(args.train / f"attributions-polnear-{split}.jsonl.gz")
        for name, (right, wrong, total) in counts.items():
            print(f"| {name} | {split} | {total} | {right} | {wrong} | {100 * right / total:.1f} |")


if __name__ == "__main__":
    main()
