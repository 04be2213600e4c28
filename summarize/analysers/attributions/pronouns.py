"""Who "he" or "she" is, as a source: the person most recently named as a source before it.

News names a speaker once and goes on with a pronoun ("Union chairman Piotr Kowalski said the
walkout would last 48 hours. He said talks had collapsed"): in PolNeAR's training articles one
source in six is "he" or "she". A briefing that credits those claims to no one, or to the
document, loses who said them. A pronoun source here stands for the nearest person named as a
source in the same sentence or the few before it, whose form of address does not say otherwise
("Mrs. Clinton" is no "he"); a person once called "she" is no "he" after.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator

from ..sentences import sentence_spans
from .spans import Attribution, Span

__all__ = ["PERSONAL_PRONOUNS", "REACH", "resolved_pronouns"]

# The pronouns a person speaks through, and the sex each says.
PERSONAL_PRONOUNS = {"he": "m", "his": "m", "him": "m", "she": "f", "her": "f"}

# How many sentences back a pronoun may reach for its person (0: its own sentence only).
REACH = 2

_MALE = re.compile(r"\b(?:Mr|Sir|Lord|King|Prince|Rev|Father)\b\.?")
_FEMALE = re.compile(r"\b(?:Mrs|Ms|Miss|Lady|Queen|Princess|Dame|Madam)\b\.?")


def _titled(source: str) -> str | None:
    if _MALE.search(source):
        return "m"
    if _FEMALE.search(source):
        return "f"
    return None


def resolved_pronouns(text: str, attributions: Iterable[Attribution]
                      ) -> Iterator[tuple[Attribution, Span | None]]:
    """Each attribution in document order with, for a personal pronoun source, the name of the
    person it stands for (``None`` when no person named as a source is near enough, or the
    source is not such a pronoun)."""
    from ..source_kinds import source_actor

    starts = [start for start, _ in sentence_spans(text)]

    def sentence_of(offset: int) -> int:
        return bisect.bisect_right(starts, offset) - 1

    # the persons named as sources so far: (sentence, name, name as a key)
    people: list[tuple[int, Span, str]] = []
    sex: dict[str, str] = {}  # a person's sex, by title or by a pronoun already resolved
    for a in sorted(attributions, key=lambda a: a.cue.start):
        said = PERSONAL_PRONOUNS.get(a.source.text.lower())
        if said is None:
            actor = source_actor(text, a.source.start, a.source.end)
            if actor is not None and actor.named and actor.kind == "person":
                key = actor.name.lower()
                titled = _titled(a.source.text)
                if titled is not None:
                    sex.setdefault(key, titled)
                name = Span(text[actor.start:actor.end], actor.start, actor.end)
                people.append((sentence_of(a.source.start), name, key))
            yield a, None
            continue
        here = sentence_of(a.source.start)
        person = next((p for p in reversed(people)
                       if here - p[0] <= REACH and p[1].start < a.source.start
                       and sex.get(p[2], said) == said), None)
        if person is None:
            yield a, None
            continue
        sex.setdefault(person[2], said)
        yield a, person[1]
